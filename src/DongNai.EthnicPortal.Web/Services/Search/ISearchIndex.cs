using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Services.Formatting;

namespace DongNai.EthnicPortal.Web.Services.Search;

/// <summary>
/// The full-text index over published articles, documents and pages. SQLite uses FTS5
/// (<see cref="Fts5SearchIndex"/>), SQL Server a term table (<see cref="TermSearchIndex"/>), PostgreSQL a
/// tsvector column (<see cref="PostgreSqlSearchIndex"/>); all
/// keep the <see cref="SearchEntry"/> rows that results and snippets are read from.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Indexes the article when it is published, and removes it from the index otherwise.</summary>
    Task IndexArticleAsync(int articleId, CancellationToken cancellationToken = default);

    Task IndexDocumentAsync(int documentId, CancellationToken cancellationToken = default);

    Task IndexPageAsync(int pageId, CancellationToken cancellationToken = default);

    Task RemoveAsync(SearchEntryKind kind, int entityId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds to a generation of the index the next published items of a kind after the given id, at
    /// most <paramref name="size"/>; a rebuild (<see cref="SearchIndexRebuild"/>) calls it until it
    /// says there are no more.
    /// </summary>
    Task<SearchBatch> AddBatchAsync(int generation, SearchEntryKind kind, int afterEntityId, int size, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes the entries, and their engine's index, of the generations before the given one: the
    /// index a finished rebuild replaced, and any entry a change wrote there while it switched.
    /// </summary>
    Task DropGenerationsBeforeAsync(int generation, CancellationToken cancellationToken = default);

    Task<SearchResults> QueryAsync(SearchQuery query, SearchEntryKind? kind, int page, CancellationToken cancellationToken = default);

    /// <summary>
    /// The documents whose indexed text, their attachments' text included, contains every word of the
    /// query: at most <paramref name="limit"/>, for the registry's own filter.
    /// </summary>
    Task<IReadOnlyList<int>> MatchingDocumentIdsAsync(SearchQuery query, int limit, CancellationToken cancellationToken = default);
}

/// <summary>What one batch of a rebuild added, and the last item it read (null when there was none left).</summary>
public sealed record SearchBatch(int Count, int? LastEntityId);

/// <summary>
/// One page of results for one tab, with the number of results of every kind. A count above
/// <see cref="CountLimit"/> only means "more than that"; paging stops there, as on large search sites.
/// </summary>
public sealed record SearchResults(
    IReadOnlyList<SearchResult> Items,
    IReadOnlyDictionary<SearchEntryKind, int> Counts,
    int Total,
    int Page,
    int PageCount)
{
    public const int PageSize = 10;

    public const int CountLimit = 1000;

    public static SearchResults Empty { get; } = new([], new Dictionary<SearchEntryKind, int>(), 0, 1, 0);

    public int CountOf(SearchEntryKind kind) => Counts.TryGetValue(kind, out var count) ? count : 0;

    public int AllCount => Counts.Values.Sum();

    /// <summary>A count as shown on a tab or in the summary: "hơn 1.000" past the limit.</summary>
    public static string CountText(int count) =>
        count > CountLimit
            ? "hơn " + CountLimit.ToString("N0", VietnameseNumbers)
            : count.ToString("N0", VietnameseNumbers);

    private static readonly System.Globalization.CultureInfo VietnameseNumbers = System.Globalization.CultureInfo.GetCultureInfo("vi-VN");
}

/// <summary>A result as shown: the title and snippet are HTML with the matched words in &lt;mark&gt;.
/// <see cref="InAttachment"/> is the attachment page a document's match was found on, when it was in one.</summary>
public sealed record SearchResult(SearchEntryKind Kind, string TitleHtml, string Url, DateTime? Date, string SnippetHtml, AttachmentPageHit? InAttachment = null);

/// <summary>A matching entry as the database returns it; a lower score ranks higher.</summary>
public sealed class SearchHit
{
    public long Id { get; init; }

    public SearchEntryKind Kind { get; init; }

    public DateTime? Date { get; init; }

    public long SortKey { get; init; }

    public double Score { get; init; }
}
