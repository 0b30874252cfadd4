using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Search;

/// <summary>
/// The admin search boxes match the way the public search does: the typed text is folded with
/// <see cref="VietnameseText.Fold"/> (case, diacritics and đ) and compared with the folded columns
/// every <see cref="IAdminSearchable"/> entity keeps.
/// </summary>
public static class AdminSearch
{
    /// <summary>The folded form of what was typed, or null when nothing was.</summary>
    public static string? Term(string? typed) =>
        string.IsNullOrWhiteSpace(typed) ? null : VietnameseText.Fold(typed.Trim());

    /// <summary>True when the typed term occurs in the text, folded the same way (for lists read into memory).</summary>
    public static bool Matches(string term, params string?[] texts) =>
        texts.Any(text => VietnameseText.Fold(text).Contains(term, StringComparison.Ordinal));
}

/// <summary>
/// Fills the folded columns of rows stored before they existed (migration AdminSearchFolding adds
/// them empty). Folding needs the same C# function as the search, so it cannot be SQL in the
/// migration; it runs once at start-up under the initialization lease and finds nothing to do after.
/// Rows are updated one statement each, so versions (optimistic concurrency) and the append-only
/// audit log are left as they are.
/// </summary>
public sealed class FoldedColumnsBackfill(PortalDbContext db, ILogger<FoldedColumnsBackfill> logger) : IContentInitializer
{
    private const int BatchSize = 500;

    public async Task InitializeAsync(bool demoContentSeeded, CancellationToken cancellationToken)
    {
        var filled = 0;
        filled += await FillAsync(
            last => db.Articles.Where(a => a.Id > last && a.TitleFolded == "" && a.Title != "").OrderBy(a => a.Id).Select(a => new { a.Id, a.Title, a.Summary }),
            a => a.Id,
            a => db.Articles.Where(x => x.Id == a.Id).ExecuteUpdateAsync(
                set => set.SetProperty(x => x.TitleFolded, VietnameseText.Fold(a.Title)).SetProperty(x => x.SummaryFolded, VietnameseText.Fold(a.Summary)), cancellationToken),
            cancellationToken);
        filled += await FillAsync(
            last => db.OfficialDocuments.Where(d => d.Id > last && d.AbstractFolded == "" && d.Abstract != "").OrderBy(d => d.Id).Select(d => new { d.Id, d.Abstract }),
            d => d.Id,
            d => db.OfficialDocuments.Where(x => x.Id == d.Id).ExecuteUpdateAsync(set => set.SetProperty(x => x.AbstractFolded, VietnameseText.Fold(d.Abstract)), cancellationToken),
            cancellationToken);
        filled += await FillAsync(
            last => db.MediaFiles.Where(m => m.Id > last && m.FileNameFolded == "" && m.OriginalFileName != "").OrderBy(m => m.Id).Select(m => new { m.Id, m.AltText, m.OriginalFileName }),
            m => m.Id,
            m => db.MediaFiles.Where(x => x.Id == m.Id).ExecuteUpdateAsync(
                set => set.SetProperty(x => x.AltTextFolded, VietnameseText.Fold(m.AltText)).SetProperty(x => x.FileNameFolded, VietnameseText.Fold(m.OriginalFileName)), cancellationToken),
            cancellationToken);

        // The audit log is append-only and holds few distinct names: one statement per name.
        var names = await db.AuditEntries.Where(e => e.UserNameFolded == "" && e.UserName != null && e.UserName != "").Select(e => e.UserName!).Distinct().ToListAsync(cancellationToken);
        foreach (var name in names)
        {
            filled += await db.AuditEntries.Where(e => e.UserName == name && e.UserNameFolded == "").ExecuteUpdateAsync(set => set.SetProperty(e => e.UserNameFolded, VietnameseText.Fold(name)), cancellationToken);
        }

        if (filled > 0)
        {
            logger.LogInformation("Filled the folded search columns of {Count} stored row(s).", filled);
        }
    }

    private static async Task<int> FillAsync<T>(Func<int, IQueryable<T>> unfilledAfter, Func<T, int> id, Func<T, Task<int>> fill, CancellationToken cancellationToken)
    {
        var count = 0;
        var last = 0;
        while (true)
        {
            var batch = await unfilledAfter(last).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return count;
            }

            foreach (var row in batch)
            {
                count += await fill(row);
            }

            last = id(batch[^1]);
        }
    }
}
