namespace DongNai.EthnicPortal.Data.Entities;

/// <summary>
/// The latest text an editor had in the article form, saved in the background while they type. One per
/// article and person, or, for an article never saved yet, one per form opened (<see cref="DraftKey"/>); it is
/// neither a revision nor the article itself, so it never changes what readers see.
/// </summary>
public class ArticleAutosave
{
    public int Id { get; set; }

    /// <summary>The article the form edits; null while the article has never been saved.</summary>
    public int? ArticleId { get; set; }

    public Article? Article { get; set; }

    /// <summary>Names the "new article" form it came from, so two new articles in two tabs keep two drafts.</summary>
    public Guid? DraftKey { get; set; }

    public string UserId { get; set; } = "";

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public string BodyHtml { get; set; } = "";

    public int CategoryId { get; set; }

    public int? CoverImageId { get; set; }

    public string? CoverImageCaption { get; set; }

    public string AuthorByline { get; set; } = "";

    /// <summary>The article version the form was loaded with: recovering it keeps the conflict check honest.</summary>
    public Guid BaseVersion { get; set; }

    public DateTime SavedAt { get; set; }
}
