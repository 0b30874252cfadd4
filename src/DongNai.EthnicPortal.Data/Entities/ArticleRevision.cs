namespace DongNai.EthnicPortal.Data.Entities;

/// <summary>A saved version of an article, kept so an editor can compare and restore.</summary>
public class ArticleRevision
{
    public int Id { get; set; }

    public int ArticleId { get; set; }

    public Article Article { get; set; } = null!;

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public string BodyHtml { get; set; } = "";

    public int CategoryId { get; set; }

    public int? CoverImageId { get; set; }

    public string? CoverImageCaption { get; set; }

    public string AuthorByline { get; set; } = "";

    public DateTime SavedAt { get; set; }

    public string? SavedById { get; set; }

    public string? SavedByName { get; set; }
}
