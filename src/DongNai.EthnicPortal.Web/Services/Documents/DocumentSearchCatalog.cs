using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace DongNai.EthnicPortal.Web.Services.Documents;

/// <summary>
/// Free-text matching for the registry. Neither SQLite's LIKE (ASCII-only case folding) nor a collation
/// folds Vietnamese diacritics and đ the way <see cref="VietnameseText.Fold"/> does, and the search
/// index belongs to another feature with its own refresh cycle. So the registry keeps its own folded
/// copy of number, symbol and abstract of every published document in memory: about 3 MB for 10,000
/// documents, scanned with ordinal IndexOf in a few milliseconds. SQL then applies the other filters
/// and the paging over the matching ids. The copy is rebuilt after any document change on this
/// instance and expires after a few minutes, which bounds staleness when several instances run.
/// </summary>
public sealed class DocumentSearchCatalog(IMemoryCache cache)
{
    private const string CacheKey = "documents:search-catalog";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public void Invalidate() => cache.Remove(CacheKey);

    public async Task<DocumentSearchMatch> MatchAsync(PortalDbContext db, string query, CancellationToken cancellationToken)
    {
        var entries = await cache.GetOrCreateAsync(CacheKey, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            var rows = await db.OfficialDocuments.AsNoTracking()
                .Where(d => d.IsPublished)
                .Select(d => new { d.Id, d.Number, d.NormalizedSymbol, d.NumberAndSymbol, d.Abstract })
                .ToListAsync(cancellationToken);
            return rows.Select(r => new CatalogEntry(r.Id, r.Number, r.NormalizedSymbol, VietnameseText.Fold(r.NumberAndSymbol + " " + r.Abstract))).ToArray();
        }) ?? [];
        return Match(entries, query);
    }

    /// <summary>Every folded word of the query must occur; a query that is a document's number or symbol is an exact hit, listed first.</summary>
    internal static DocumentSearchMatch Match(IReadOnlyList<CatalogEntry> entries, string query)
    {
        var trimmed = query.Trim();
        var symbol = DocumentSymbol.Normalize(trimmed);
        var words = VietnameseText.Fold(trimmed).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var all = new List<int>();
        var exact = new List<int>();
        foreach (var entry in entries)
        {
            var isExact = entry.Number == trimmed || entry.NormalizedSymbol == symbol;
            if (isExact
                || (symbol.Length > 0 && entry.NormalizedSymbol.Contains(symbol, StringComparison.Ordinal))
                || (words.Length > 0 && words.All(w => entry.FoldedText.Contains(w, StringComparison.Ordinal))))
            {
                all.Add(entry.Id);
                if (isExact)
                {
                    exact.Add(entry.Id);
                }
            }
        }

        return new DocumentSearchMatch(all, exact);
    }

    internal sealed record CatalogEntry(int Id, string Number, string NormalizedSymbol, string FoldedText);
}

public sealed record DocumentSearchMatch(IReadOnlyList<int> MatchingIds, IReadOnlyList<int> ExactIds);
