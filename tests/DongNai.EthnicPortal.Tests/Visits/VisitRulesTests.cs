using DongNai.EthnicPortal.Web.Services.Visits;
using Microsoft.AspNetCore.Http;

namespace DongNai.EthnicPortal.Tests.Visits;

public sealed class VisitRulesTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/tin-tuc/binh-dang-gioi-12", true)]
    [InlineData("/van-ban/3/ke-hoach-13346", true)]
    [InlineData("/tham-do-y-kien/1", true)]
    [InlineData("/tim-kiem", true)]
    [InlineData("/css/site.css", false)]
    [InlineData("/js/theme.js", false)]
    [InlineData("/lib/x-1.0/x.js", false)]
    [InlineData("/favicon.ico", false)]
    [InlineData("/site.webmanifest", false)]
    [InlineData("/rss", false)]
    [InlineData("/rss/hoat-dong-chuyen-nganh", false)]
    [InlineData("/sitemap.xml", false)]
    [InlineData("/robots.txt", false)]
    [InlineData("/health", false)]
    [InlineData("/health/ready", false)]
    [InlineData("/media/abc-480.webp", false)]
    [InlineData("/van-ban/tep/7", false)]
    [InlineData("/quan-tri", false)]
    [InlineData("/quan-tri/dang-nhap", false)]
    [InlineData("/QUAN-TRI/dang-nhap", false)]
    [InlineData("/loi/404", false)]
    public void Only_page_paths_can_be_visits(string path, bool expected) =>
        Assert.Equal(expected, VisitRules.IsCandidatePath(new PathString(path)));

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)")]
    [InlineData("Mozilla/5.0 (compatible; coccocbot-web/1.0; +http://help.coccoc.com/searchengine)")]
    [InlineData("Mozilla/5.0 (compatible; Yahoo! Slurp; http://help.yahoo.com/help/us/ysearch/slurp)")]
    [InlineData("Mozilla/5.0 (compatible; YandexBot/3.0)")]
    [InlineData("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)")]
    [InlineData("curl/8.5.0")]
    [InlineData("Wget/1.21.4")]
    [InlineData("python-requests/2.31.0")]
    [InlineData("Go-http-client/1.1")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36")]
    [InlineData("")]
    [InlineData(null)]
    public void Crawlers_tools_and_missing_agents_are_bots(string? userAgent) =>
        Assert.True(VisitRules.IsBot(userAgent));

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36 Edg/131.0")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")]
    [InlineData("Mozilla/5.0 (Linux; Android 13; SM-A045F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 Zalo")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")]
    public void Browsers_are_not_bots(string userAgent) =>
        Assert.False(VisitRules.IsBot(userAgent));
}
