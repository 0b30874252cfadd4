using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Search;

/// <summary>
/// SQL Server: an inverted index in <c>SearchTerms</c> (folded word → entry). It needs no Full-Text
/// Search feature, so it runs on a stock SQL Server container. An entry matches when it holds every
/// word of the query; a phrase is then checked against the folded text, whose words are stored
/// separated by single spaces.
/// </summary>
public sealed class TermSearchIndex(PortalDbContext db, SearchEntryBuilder builder, TimeProvider time) : SearchIndexBase(db, builder, time)
{
    // SQL Server's default collations ignore case, width and kana type; two terms equal under them
    // would collide in the primary key.
    private static readonly StringComparer CollationLike = StringComparer.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        System.Globalization.CompareOptions.IgnoreCase | System.Globalization.CompareOptions.IgnoreKanaType | System.Globalization.CompareOptions.IgnoreWidth);

    protected internal override IQueryable<SearchHit> Match(SearchQuery query, SearchEntryKind? kind, bool ranked, int generation)
    {
        var terms = query.Terms.ToList();
        var required = terms.Count;
        var withAllTerms = Db.SearchTerms
            .Where(t => terms.Contains(t.Term))
            .GroupBy(t => t.SearchEntryId)
            .Where(g => g.Count() == required)
            .Select(g => g.Key);
        return WithPhrases(Db.SearchEntries.Where(e => withAllTerms.Contains(e.Id)), query, kind, generation);
    }

    protected override async Task WriteTermsAsync(IReadOnlyList<SearchEntry> entries, CancellationToken cancellationToken)
    {
        var ids = entries.Select(e => e.Id).ToList();
        await Db.SearchTerms.Where(t => ids.Contains(t.SearchEntryId)).ExecuteDeleteAsync(cancellationToken);
        var terms = entries
            .SelectMany(e => e.FoldedText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(CollationLike)
                .Select(term => new SearchTerm { Term = term, SearchEntryId = e.Id }))
            .ToList();
        Db.SearchTerms.AddRange(terms);
        await Db.SaveChangesAsync(cancellationToken);
        foreach (var term in terms)
        {
            Db.Entry(term).State = EntityState.Detached;
        }
    }
}
