using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Search;

/// <summary>
/// Which generations of the index exist: the active one that readers see, and while a rebuild runs
/// the one being built beside it (<see cref="SearchIndexState"/>).
/// </summary>
public static class SearchGenerations
{
    public static Task<int> ActiveAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        db.SearchIndexStates.AsNoTracking().Where(s => s.Id == SearchIndexState.SingletonId).Select(s => s.ActiveGeneration).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The generations an editor's change is written to: the active one, and the one being built.</summary>
    public static async Task<int[]> WrittenAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var state = await db.SearchIndexStates.AsNoTracking()
            .Where(s => s.Id == SearchIndexState.SingletonId)
            .Select(s => new { s.ActiveGeneration, s.BuildingGeneration })
            .FirstOrDefaultAsync(cancellationToken);
        return state?.BuildingGeneration is { } building ? [state.ActiveGeneration, building] : [state?.ActiveGeneration ?? 0];
    }

    /// <summary>A copy of a freshly built entry, placed in one generation.</summary>
    public static SearchEntry InGeneration(SearchEntry entry, int generation) => new()
    {
        Kind = entry.Kind,
        EntityId = entry.EntityId,
        Title = entry.Title,
        Url = entry.Url,
        PlainText = entry.PlainText,
        FoldedText = entry.FoldedText,
        Date = entry.Date,
        Generation = generation,
        SortKey = SearchSortKey.For(entry.Kind, entry.EntityId, entry.Date, generation),
    };
}
