using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Services.Caching;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Documents;

/// <summary>
/// Free-text matching for the registry. Neither SQLite's LIKE (ASCII-only case folding) nor a collation
/// folds Vietnamese diacritics and đ the way <see cref="VietnameseText.Fold"/> does, and the search
/// index belongs to another feature with its own refresh cycle. So the registry keeps its own folded
/// words of number, symbol and abstract of every published document in memory (a few MB for 10,000
/// documents, scanned in milliseconds); SQL then applies the other filters and the paging over the
/// matching ids. The copy (<see cref="PublicCopy.DocumentSearchCatalog"/>) is dropped after any
/// document change and expires after a few minutes.
/// </summary>
public sealed class DocumentSearchCatalog(PublicCache cache)
{
    public async Task<DocumentSearchMatch> MatchAsync(PortalDbContext db, string query, CancellationToken cancellationToken)
    {
        var entries = await cache.GetOrLoadAsync(PublicCopy.DocumentSearchCatalog, async () =>
        {
            var rows = await db.OfficialDocuments.AsNoTracking()
                .Where(d => d.IsPublished)
                .Select(d => new { d.Id, d.Number, d.NormalizedSymbol, d.NumberAndSymbol, d.Abstract, TypeName = d.DocumentType.Name })
                .ToListAsync(cancellationToken);
            return rows.Select(r => new CatalogEntry(r.Id, r.Number, r.NormalizedSymbol, Words(r.TypeName + " " + r.NumberAndSymbol + " " + r.Abstract), NamesOf(r.TypeName, r.Number, r.NumberAndSymbol))).ToArray();
        });
        return Match(entries, query);
    }

    /// <summary>
    /// Every folded word of the query must begin a word of the document ("binh dang" finds "bình đẳng",
    /// "94" finds 9478), or the query is part of a symbol; a query that is a document's number or symbol,
    /// or its name as officials say it ("Kết luận 250", "Kế hoạch số 13108/KH-UBND"), is an exact hit, listed first.
    /// </summary>
    internal static DocumentSearchMatch Match(IReadOnlyList<CatalogEntry> entries, string query)
    {
        var trimmed = query.Trim();
        var symbol = DocumentSymbol.Normalize(trimmed);
        string[] words = LooksLikeSymbol(trimmed) ? [] : Words(trimmed);
        var name = string.Join(' ', words);
        var all = new List<int>();
        var exact = new List<int>();
        foreach (var entry in entries)
        {
            var isExact = entry.Number == trimmed || entry.NormalizedSymbol == symbol || entry.Names.Contains(name, StringComparer.Ordinal);
            if (isExact
                || (symbol.Length > 0 && entry.NormalizedSymbol.Contains(symbol, StringComparison.Ordinal))
                || (words.Length > 0 && words.All(w => entry.Words.Any(word => word.StartsWith(w, StringComparison.Ordinal)))))
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

    /// <summary>
    /// "KH-UBND" or "9478/ubnd" is a symbol or part of one: matching its pieces as words would also
    /// find every abstract that says "triển khai", so such queries only match symbols.
    /// </summary>
    internal static bool LooksLikeSymbol(string query)
    {
        var trimmed = query.Trim();
        return trimmed.IndexOfAny(['/', '-']) >= 0 && !trimmed.Any(char.IsWhiteSpace);
    }

    /// <summary>Folded words: runs of letters and digits, so "9478/UBND-KGVX" gives 9478, ubnd and kgvx.</summary>
    internal static string[] Words(string text)
    {
        var folded = VietnameseText.Fold(text);
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWordCharacter = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWordCharacter && start < 0)
            {
                start = i;
            }
            else if (!isWordCharacter && start >= 0)
            {
                words.Add(folded[start..i]);
                start = -1;
            }
        }

        return [.. words.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The folded ways of naming a document by its type and number: "ket luan 250", "ket luan so 250 kl tu".</summary>
    internal static string[] NamesOf(string typeName, string number, string numberAndSymbol)
    {
        var type = string.Join(' ', Words(typeName));
        var numbers = new[] { string.Join(' ', Words(number)), string.Join(' ', Words(numberAndSymbol)) };
        return [.. numbers.SelectMany(n => new[] { $"{type} {n}", $"{type} so {n}" }).Distinct(StringComparer.Ordinal)];
    }

    internal sealed record CatalogEntry(int Id, string Number, string NormalizedSymbol, string[] Words, string[] Names);
}

public sealed record DocumentSearchMatch(IReadOnlyList<int> MatchingIds, IReadOnlyList<int> ExactIds);
