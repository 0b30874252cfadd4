namespace DongNai.EthnicPortal.Data.Entities;

public class Page : IVersioned
{
    public const string IntroductionSlug = "gioi-thieu";
    public const string ContactSlug = "lien-he";
    public const string EnglishAboutSlug = "en-about";

    public int Id { get; set; }

    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    public string BodyHtml { get; set; } = "";

    /// <summary>BCP 47 language of the page: "vi" or "en".</summary>
    public string Language { get; set; } = "vi";

    public int SortOrder { get; set; }

    public bool ShowInMenu { get; set; } = true;

    public bool IsPublished { get; set; } = true;

    public DateTime UpdatedAt { get; set; }

    public Guid Version { get; set; }
}
