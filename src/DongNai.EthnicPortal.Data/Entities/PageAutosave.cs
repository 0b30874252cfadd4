namespace DongNai.EthnicPortal.Data.Entities;

/// <summary>
/// The latest text an editor had in the page form, saved in the background while they type: one per page
/// and person, or, for a page never saved yet, one per form opened (<see cref="DraftKey"/>). It never changes
/// the page, so readers never see it.
/// </summary>
public class PageAutosave
{
    public int Id { get; set; }

    /// <summary>The page the form edits; null while the page has never been saved.</summary>
    public int? PageId { get; set; }

    public Page? Page { get; set; }

    /// <summary>Names the "new page" form it came from.</summary>
    public Guid? DraftKey { get; set; }

    public string UserId { get; set; } = "";

    public string Title { get; set; } = "";

    public string Slug { get; set; } = "";

    public string BodyHtml { get; set; } = "";

    public string Language { get; set; } = "vi";

    public int SortOrder { get; set; }

    public bool ShowInMenu { get; set; }

    public bool IsPublished { get; set; }

    /// <summary>The page version the form was loaded with: recovering it keeps the conflict check honest.</summary>
    public Guid BaseVersion { get; set; }

    public DateTime SavedAt { get; set; }
}
