using Entities = DongNai.EthnicPortal.Data.Entities;

namespace DongNai.EthnicPortal.Web.Services.Site;

/// <summary>The public URL map from PORTAL.md. It is a contract, so every link is built here.</summary>
public static class PortalUrls
{
    public const string Home = "/";
    public const string Documents = "/van-ban";
    public const string DocumentsJson = "/van-ban.json";
    public const string DocumentsCsv = "/van-ban.csv";
    public const string DocumentsFeed = "/van-ban/rss";
    public const string OpenData = "/du-lieu-mo";
    public const string OpenDataApi = "/du-lieu-mo/openapi.json";
    public const string Search = "/tim-kiem";
    public const string Rss = "/rss";
    public const string Admin = "/quan-tri";

    public static string Category(string slug) => $"/chuyen-muc/{slug}";

    public static string Article(int id, string slug) => $"/tin-tuc/{slug}-{id}";

    public static string Document(int id, string slug) => $"/van-ban/{id}/{slug}";

    public static string Attachment(int id) => $"/van-ban/tep/{id}";

    public static string Poll(int id) => $"/tham-do-y-kien/{id}";

    public static string CategoryFeed(string slug) => $"/rss/{slug}";

    public static string Media(string fileName) => $"/media/{fileName}";

    public static string Page(string slug) => slug switch
    {
        Entities.Page.EnglishAboutSlug => "/en/about",
        _ => $"/{slug}",
    };

    public static string Absolute(HttpRequest request, string path) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
}
