namespace DongNai.EthnicPortal.Web.Services.Visits;

/// <summary>Which requests can be a visit: pure rules, so they are unit-tested on their own.</summary>
public static class VisitRules
{
    /// <summary>Paths that are never a page view: feeds, search-engine files, health probes, files, the admin area, error pages.</summary>
    private static readonly string[] ExcludedPrefixes =
    [
        "/rss", "/sitemap.xml", "/robots.txt", "/health", "/media/", "/van-ban/tep/", "/quan-tri", "/loi/",
        "/css/", "/js/", "/lib/", "/images/", "/img/", "/fonts/", "/favicon", "/.well-known/",
    ];

    /// <summary>
    /// Case-insensitive user-agent fragments of crawlers, link previewers, monitors and HTTP
    /// libraries. Broad words ("bot", "crawl", "spider") catch most crawlers (Googlebot, bingbot,
    /// coccocbot, YandexBot …); the rest name clients that do not call themselves bots.
    /// </summary>
    public static readonly string[] BotMarkers =
    [
        "bot", "crawl", "spider", "slurp", "scrapy", "curl", "wget", "python-requests", "python-urllib", "aiohttp", "httpx",
        "go-http-client", "java/", "okhttp", "apache-httpclient", "libwww-perl", "node-fetch", "axios", "postmanruntime",
        "facebookexternalhit", "mediapartners-google", "feedfetcher", "lighthouse", "pingdom", "uptimerobot", "monitor",
        "headlesschrome", "phantomjs", "preview", "zgrab", "masscan", "nmap",
    ];

    public static bool IsCandidatePath(PathString path)
    {
        var value = path.Value ?? "/";
        foreach (var prefix in ExcludedPrefixes)
        {
            if (value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        // A dot in the last segment means a file (e.g. /site.webmanifest), not a page.
        var lastSegment = value[(value.LastIndexOf('/') + 1)..];
        return !lastSegment.Contains('.', StringComparison.Ordinal);
    }

    /// <summary>A missing user agent counts as a bot: every browser sends one.</summary>
    public static bool IsBot(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return true;
        }

        foreach (var marker in BotMarkers)
        {
            if (userAgent.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsHtml(string? contentType) =>
        contentType is not null && contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);

    public static bool IsSuccess(int statusCode) => statusCode is >= 200 and <= 299;
}
