using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Models;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace DongNai.EthnicPortal.Web.Services.Documents;

public sealed record DocumentFacetLists(
    IReadOnlyList<LookupOption> Types,
    IReadOnlyList<LookupOption> Issuers,
    IReadOnlyList<LookupOption> Fields,
    IReadOnlyList<int> Years);

/// <summary>
/// The registry's filter choices: types, issuers, fields and the years that have published documents.
/// Every registry page shows them and the years alone mean reading every document, so they are kept in
/// memory until <see cref="PublicCache"/> evicts them on any document change.
/// </summary>
public sealed class DocumentFacets(PortalDbContext db, IMemoryCache cache, Farm.CacheSignalState signal)
{
    public const string CacheKey = "document-facets";

    public async Task<DocumentFacetLists> GetAsync(CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(CacheKey, out DocumentFacetLists? cached) && cached is not null)
        {
            return cached;
        }

        var facets = new DocumentFacetLists(
            await db.DocumentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name).Select(t => new LookupOption(t.Id, t.Name)).ToListAsync(cancellationToken),
            await db.IssuingBodies.AsNoTracking().OrderBy(b => b.SortOrder).ThenBy(b => b.Name).Select(b => new LookupOption(b.Id, b.Name)).ToListAsync(cancellationToken),
            await db.DocumentFields.AsNoTracking().OrderBy(f => f.SortOrder).ThenBy(f => f.Name).Select(f => new LookupOption(f.Id, f.Name)).ToListAsync(cancellationToken),
            await db.OfficialDocuments.AsNoTracking().Where(d => d.IsPublished).Select(d => d.IssuedOn.Year).Distinct().OrderByDescending(y => y).ToListAsync(cancellationToken));
        cache.Set(CacheKey, facets, signal.Lifetime(TimeSpan.FromMinutes(10)));
        return facets;
    }
}
