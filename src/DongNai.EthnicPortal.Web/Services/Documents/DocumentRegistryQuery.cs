using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services.Search;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Documents;

/// <summary>
/// The published documents a filter selects, in registry order, with the total. With a query of words,
/// <see cref="TextOnly"/> tells which documents matched only by the text of their attached files, and
/// <see cref="Query"/> is what to look for there.
/// </summary>
public sealed record DocumentSelection(IQueryable<OfficialDocument> Ordered, int TotalCount, DateOnly Today)
{
    public SearchQuery? Query { get; init; }

    public IReadOnlySet<int> TextOnly { get; init; } = new HashSet<int>();
}

/// <summary>
/// The one query behind every form of the registry (/van-ban, /van-ban.json, /van-ban.csv, /van-ban/rss):
/// the same filter, over the same published documents, in the same order, so the forms can never disagree.
/// </summary>
public sealed class DocumentRegistryQuery(PortalDbContext db, TimeProvider time, DocumentSearchCatalog catalog, ISearchIndex index)
{
    /// <summary>Documents taken from the search index for one query; a broader query is better narrowed by the other filters.</summary>
    public const int MaxTextMatches = 2000;

    public async Task<DocumentSelection> SelectAsync(DocumentFilter filter, CancellationToken cancellationToken)
    {
        var today = VietnamTime.Today(time);

        // Compared with a variable, the flag can lead into the (IsPublished, IssuedOn) index.
        var published = true;
        var query = db.OfficialDocuments.AsNoTracking().Where(d => d.IsPublished == published);
        if (filter.Type is { } typeId)
        {
            query = query.Where(d => d.DocumentTypeId == typeId);
        }

        if (filter.Issuer is { } issuerId)
        {
            query = query.Where(d => d.IssuingBodyId == issuerId);
        }

        if (filter.Field is { } fieldId)
        {
            query = query.Where(d => d.FieldId == fieldId);
        }

        if (filter.Year is { } wantedYear)
        {
            // A date range rather than .Year keeps the (…, IssuedOn) indexes usable.
            var first = new DateOnly(wantedYear, 1, 1);
            var last = new DateOnly(wantedYear, 12, 31);
            query = query.Where(d => d.IssuedOn >= first && d.IssuedOn <= last);
        }

        if (filter.Validity is { } validityStatus)
        {
            query = query.Where(DocumentValidity.Is(validityStatus, today));
        }

        if (filter.Query is not { } searchText)
        {
            // Without a query no extra sort key: SQLite reads the IssuedOn index in order instead of sorting every document.
            return new DocumentSelection(query.OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id), await query.CountAsync(cancellationToken), today);
        }

        var words = SearchQuery.Parse(searchText);
        var (matching, described, exact, inText) = await TextMatchesAsync(searchText, words, cancellationToken);
        query = query.Where(d => matching.Contains(d.Id));

        // The document asked for by its number first, then those whose number or abstract match, then
        // those that only mention the words in their text (often citing the one asked for), newest first.
        var ordered = query.OrderByDescending(d => exact.Contains(d.Id)).ThenByDescending(d => described.Contains(d.Id)).ThenByDescending(d => d.IssuedOn);
        return new DocumentSelection(ordered.ThenByDescending(d => d.Id), await query.CountAsync(cancellationToken), today)
        {
            Query = words,
            TextOnly = inText.Except(described).ToHashSet(),
        };
    }

    /// <summary>
    /// The catalogue holds number, symbol and abstract; the sentence an official remembers is mostly in
    /// the attached file, which only the search index holds, so a query of words is looked up in both.
    /// </summary>
    private async Task<(List<int> Matching, IReadOnlyList<int> Described, IReadOnlyList<int> Exact, IReadOnlyList<int> InText)> TextMatchesAsync(string searchText, SearchQuery words, CancellationToken cancellationToken)
    {
        var match = await catalog.MatchAsync(db, searchText, cancellationToken);
        IReadOnlyList<int> inText = DocumentSearchCatalog.LooksLikeSymbol(searchText)
            ? []
            : await index.MatchingDocumentIdsAsync(words, MaxTextMatches, cancellationToken);
        return (match.MatchingIds.Union(inText).ToList(), match.MatchingIds, match.ExactIds, inText);
    }
}
