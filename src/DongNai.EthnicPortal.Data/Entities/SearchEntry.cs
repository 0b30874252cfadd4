namespace DongNai.EthnicPortal.Data.Entities;

public enum SearchEntryKind
{
    Article = 0,
    Document = 1,
    Page = 2,
}

/// <summary>
/// One searchable item with its text folded for accent-insensitive matching. The full-text
/// index over these rows is provider specific (FTS5 on SQLite, a term table on SQL Server).
/// </summary>
public class SearchEntry
{
    public long Id { get; set; }

    public SearchEntryKind Kind { get; set; }

    public int EntityId { get; set; }

    public string Title { get; set; } = "";

    public string Url { get; set; } = "";

    /// <summary>Plain text (NFC) that snippets are cut from.</summary>
    public string PlainText { get; set; } = "";

    /// <summary>Title and text, lower-cased with diacritics and đ folded.</summary>
    public string FoldedText { get; set; } = "";

    public DateTime? Date { get; set; }

    /// <summary>
    /// Newest first when sorted descending: the date's minute, then kind and item, packed into one
    /// number (see <c>SearchSortKey</c> in the web project). SQLite's FTS5 index uses it as its rowid,
    /// so a broad query reads its newest matches straight from the index instead of sorting them all.
    /// </summary>
    public long SortKey { get; set; }
}

/// <summary>The inverted index used where the database has no usable full-text engine.</summary>
public class SearchTerm
{
    public string Term { get; set; } = "";

    public long SearchEntryId { get; set; }
}
