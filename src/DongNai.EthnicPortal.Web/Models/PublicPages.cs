using DongNai.EthnicPortal.Web.Services.Media;
using DongNai.EthnicPortal.Web.Services.Site;

namespace DongNai.EthnicPortal.Web.Models;

/// <summary>An article in a list: never carries the body.</summary>
public sealed record ArticleCard(int Id, string Title, string Slug, string Summary, DateTime PublishedAt, ImageModel? Image)
{
    public string Url => PortalUrls.Article(Id, Slug);
}

/// <summary>A document in the home page's "newest documents" block.</summary>
public sealed record DocumentTeaser(int Id, string Slug, string NumberAndSymbol, string TypeName, string Abstract, DateOnly IssuedOn)
{
    public string Url => PortalUrls.Document(Id, Slug);
}

public sealed record CategoryBlock(string Name, string Slug, IReadOnlyList<ArticleCard> Articles)
{
    public string Url => PortalUrls.Category(Slug);
}

public sealed record HomeViewModel(
    ArticleCard? Featured,
    IReadOnlyList<ArticleCard> Latest,
    IReadOnlyList<CategoryBlock> Categories,
    IReadOnlyList<DocumentTeaser> Documents);

public sealed record CategoryViewModel(string Name, string Slug, string? Description, IReadOnlyList<ArticleCard> Articles, int Page, int TotalPages)
{
    public string PageUrl(int page) => page <= 1 ? PortalUrls.Category(Slug) : $"{PortalUrls.Category(Slug)}?trang={page}";
}

public sealed record ArticleViewModel(
    int Id,
    string Title,
    string Slug,
    string Summary,
    string BodyHtml,
    string AuthorByline,
    DateTime PublishedAt,
    DateTime UpdatedAt,
    string CategoryName,
    string CategorySlug,
    ImageModel? Cover,
    string? CoverCaption,
    bool CoverInBody,
    IReadOnlyList<ArticleCard> OtherArticles)
{
    public string Url => PortalUrls.Article(Id, Slug);
}

public sealed record StaticPageViewModel(string Slug, string Title, string BodyHtml, string Language, DateTime UpdatedAt)
{
    private const int DescriptionLength = 160;

    /// <summary>The meta description: the opening of the page's text, cut at a word.</summary>
    public string Description
    {
        get
        {
            var text = DongNai.EthnicPortal.Web.Services.Search.HtmlText.FromHtml(BodyHtml);
            if (text.Length <= DescriptionLength)
            {
                return text.Length > 0 ? text : Title;
            }

            var cut = text.LastIndexOf(' ', DescriptionLength);
            return text[..(cut > 0 ? cut : DescriptionLength)] + "…";
        }
    }
}
