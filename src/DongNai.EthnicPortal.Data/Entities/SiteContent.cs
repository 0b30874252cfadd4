namespace DongNai.EthnicPortal.Data.Entities;

/// <summary>Visits counted on one Vietnam-local day.</summary>
public class VisitDay
{
    public DateOnly Day { get; set; }

    public long Count { get; set; }
}

public class WebLink
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    public int SortOrder { get; set; }

    public bool IsVisible { get; set; } = true;
}

/// <summary>The single row of site-wide settings shown in the header and footer.</summary>
public class SiteSettings : IVersioned
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public string SiteName { get; set; } = "";

    public string GoverningAgency { get; set; } = "";

    public string ResponsiblePerson { get; set; } = "";

    public string ResponsiblePersonTitle { get; set; } = "";

    public string Address { get; set; } = "";

    public string Phone { get; set; } = "";

    public string Email { get; set; } = "";

    public string CopyrightLine { get; set; } = "";

    public string? MapUrl { get; set; }

    /// <summary>Visits carried over from the old site, added to the all-time total.</summary>
    public long VisitCounterOffset { get; set; }

    public bool RequireTwoFactorForStaff { get; set; }

    public DateTime UpdatedAt { get; set; }

    public Guid Version { get; set; }
}

public class MediaFile
{
    public int Id { get; set; }

    public string OriginalFileName { get; set; } = "";

    /// <summary>A generated base name; variants are stored as {StoredName}-{width}.{ext}.</summary>
    public string StoredName { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long SizeBytes { get; set; }

    public int Width { get; set; }

    public int Height { get; set; }

    /// <summary>Comma-separated widths of the downscaled variants, e.g. "480,960".</summary>
    public string VariantWidths { get; set; } = "";

    public string AltText { get; set; } = "";

    public DateTime UploadedAt { get; set; }

    public string? UploadedById { get; set; }
}

/// <summary>Append-only record of who did what, when and from where.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public string Action { get; set; } = "";

    public string? EntityType { get; set; }

    public string? EntityId { get; set; }

    public string? Details { get; set; }

    public string? IpAddress { get; set; }
}

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
