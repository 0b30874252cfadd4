namespace DongNai.EthnicPortal.Data.Entities;

public enum ArticleStatus
{
    Draft = 0,
    Submitted = 1,
    Scheduled = 2,
    Published = 3,
    Withdrawn = 4,
}

public class Article : IVersioned, IAdminSearchable
{
    public int Id { get; set; }

    public string Title { get; set; } = "";

    public string Slug { get; set; } = "";

    public string Summary { get; set; } = "";

    /// <summary>The folded title, what the admin search compares (see <see cref="IAdminSearchable"/>).</summary>
    public string TitleFolded { get; set; } = "";

    public string SummaryFolded { get; set; } = "";

    public void RefreshFoldedColumns()
    {
        TitleFolded = Text.VietnameseText.Fold(Title);
        SummaryFolded = Text.VietnameseText.Fold(Summary);
    }

    /// <summary>The sanitized HTML as the editor wrote it.</summary>
    public string BodyHtml { get; set; } = "";

    /// <summary>BodyHtml with document references turned into links; this is what readers see.</summary>
    public string RenderedBodyHtml { get; set; } = "";

    public int? CoverImageId { get; set; }

    public MediaFile? CoverImage { get; set; }

    public string? CoverImageCaption { get; set; }

    public string AuthorByline { get; set; } = "";

    public int CategoryId { get; set; }

    public Category Category { get; set; } = null!;

    public bool IsFeatured { get; set; }

    public ArticleStatus Status { get; set; }

    /// <summary>When an approved article is due to go public (UTC).</summary>
    public DateTime? PublishAt { get; set; }

    public DateTime? PublishedAt { get; set; }

    public string? PublishedById { get; set; }

    public string? ReviewRemark { get; set; }

    public string? WithdrawnReason { get; set; }

    public DateTime CreatedAt { get; set; }

    public string? CreatedById { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? UpdatedById { get; set; }

    public Guid Version { get; set; }

    public List<ArticleRevision> Revisions { get; set; } = [];

    public List<ArticleDocumentCitation> Citations { get; set; } = [];
}
