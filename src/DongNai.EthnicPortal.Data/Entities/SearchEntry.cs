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

    /// <summary>
    /// The build of the index this entry belongs to. Readers see only the active generation
    /// (<see cref="SearchIndexState.ActiveGeneration"/>); a rebuild fills the next one beside it and
    /// switches when it is complete.
    /// </summary>
    public int Generation { get; set; }
}

/// <summary>
/// The one row saying which generation of the search index readers see, and the rebuild under way
/// or last finished: who started it, when, how far it has got (the kind and item it stopped after,
/// so that another instance can carry on from there), and how many entries it produced.
/// </summary>
public class SearchIndexState
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public int ActiveGeneration { get; set; }

    /// <summary>The generation being built, or null when no rebuild is under way.</summary>
    public int? BuildingGeneration { get; set; }

    public string StartedBy { get; set; } = "";

    public DateTime? StartedAt { get; set; }

    public SearchEntryKind CursorKind { get; set; }

    public int CursorEntityId { get; set; }

    public int EntriesDone { get; set; }

    /// <summary>The published items counted when the rebuild started; the progress bar's end.</summary>
    public int EntriesTotal { get; set; }

    public DateTime? FinishedAt { get; set; }
}

/// <summary>The inverted index used where the database has no usable full-text engine.</summary>
public class SearchTerm
{
    public string Term { get; set; } = "";

    public long SearchEntryId { get; set; }
}
