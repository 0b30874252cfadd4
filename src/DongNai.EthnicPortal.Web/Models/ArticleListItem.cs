namespace DongNai.EthnicPortal.Web.Models;

public sealed record ArticleListItem(int Id, string Title, string Slug, string Summary, DateTime PublishedAt)
{
    public string Url => Services.PortalUrls.Article(Id, Slug);
}
