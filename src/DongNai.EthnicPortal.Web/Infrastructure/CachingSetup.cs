using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Documents;
using DongNai.EthnicPortal.Web.Services.Site;

namespace DongNai.EthnicPortal.Web.Infrastructure;

public static class CachingSetup
{
    /// <summary>
    /// How long a public page is served from the cache. With the 15 s counter cache and the 5 s flush
    /// it keeps the sidebar numbers within a minute of the truth.
    /// </summary>
    public static readonly TimeSpan PublicPageLifetime = TimeSpan.FromSeconds(40);

    public static WebApplicationBuilder AddPortalCaching(this WebApplicationBuilder builder)
    {
        var enabled = builder.PortalOptions().OutputCache.Enabled;
        builder.Services.AddMemoryCache();
        builder.Services.AddOutputCache(options =>
        {
            // The default policy underneath already skips signed-in users, non-GET requests and responses that set cookies.
            options.AddPolicy(CachePolicies.PublicPage, policy => policy
                .With(_ => enabled)
                .Expire(PublicPageLifetime)
                .AddPolicy<Services.Farm.ShortLivedWhileDegraded>()
                .SetVaryByQuery("*")
                .VaryByValue(context => new KeyValuePair<string, string>("theme", SiteTheme.FromRequest(context.Request).Key))
                .Tag(CacheTags.Public));
        });
        builder.Services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "text/xml", "application/xml", "application/rss+xml", "application/json", "text/csv", "image/svg+xml", "text/plain"];
        });
        builder.Services.AddSingleton<EvictionClock>();
        builder.Services.AddSingleton<PublicCache>();
        builder.Services.AddScoped<SiteChrome>();
        builder.Services.AddScoped<DocumentFacets>();
        builder.Services.AddScoped<CategoryArticleCounts>();
        builder.Services.AddSingleton<ArticleListCounts>();
        return builder;
    }
}

public static class CachePolicies
{
    public const string PublicPage = "public-page";
}

/// <summary>Output-cache tags. Pages tag themselves with what they show, and editors' actions evict those tags.</summary>
public static class CacheTags
{
    /// <summary>Every public page: the menu, footer and sidebar appear on all of them.</summary>
    public const string Public = "public";

    /// <summary>Any list or page that shows articles (home, categories, "Các tin khác", feeds, sitemap, search).</summary>
    public const string Articles = "articles";

    /// <summary>Any list or page that shows documents.</summary>
    public const string Documents = "documents";

    public const string Polls = "polls";

    /// <summary>Any list or page that shows consultations on drafts (their list, the home block, the feed).</summary>
    public const string Consultations = "consultations";

    public static string Article(int id) => $"article:{id}";

    public static string Category(int id) => $"category:{id}";

    public static string Document(int id) => $"document:{id}";

    public static string Poll(int id) => $"poll:{id}";

    public static string Consultation(int id) => $"consultation:{id}";

    public static string Page(string slug) => $"page:{slug}";
}
