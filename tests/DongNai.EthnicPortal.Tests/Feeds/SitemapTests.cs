using System.Net;
using System.Xml;
using System.Xml.Linq;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Consultations;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Feeds;

public sealed class SitemapTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task The_sitemap_lists_home_categories_articles_documents_and_pages_with_lastmod()
    {
        var (xml, response) = await LoadAsync(fixture.Factory, "/sitemap.xml");
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Sm + "urlset", xml.Root!.Name);
        var urls = xml.Root.Elements(Sm + "url").ToDictionary(u => (string)u.Element(Sm + "loc")!, u => (string?)u.Element(Sm + "lastmod"));

        var seed = await fixture.Factory.WithDbAsync(db => db.Articles.Where(a => a.Title.StartsWith("Triển khai thực hiện công tác bình đẳng giới")).Select(a => new { a.Id, a.Slug }).SingleAsync());
        Assert.Contains($"http://localhost/tin-tuc/{seed.Slug}-{seed.Id}", urls.Keys);
        Assert.Contains("http://localhost/", urls.Keys);
        Assert.Contains("http://localhost/chuyen-muc/hoat-dong-chuyen-nganh", urls.Keys);
        Assert.Contains("http://localhost/van-ban", urls.Keys);
        Assert.Contains("http://localhost/gioi-thieu", urls.Keys);
        Assert.Contains("http://localhost/en/about", urls.Keys);
        Assert.Contains(urls.Keys, u => u.StartsWith("http://localhost/van-ban/", StringComparison.Ordinal) && u.Contains("9478", StringComparison.Ordinal));

        var articleCount = await fixture.Factory.WithDbAsync(db => db.Articles.CountAsync(a => a.Status == ArticleStatus.Published && a.PublishedAt <= DateTime.UtcNow));
        Assert.Equal(articleCount, urls.Keys.Count(u => u.Contains("/tin-tuc/", StringComparison.Ordinal)));

        Assert.All(urls.Values, lastmod => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$", lastmod));
        Assert.Equal("2023-09-20T08:00:00+07:00", urls[$"http://localhost/tin-tuc/{seed.Slug}-{seed.Id}"]);
    }

    [Fact]
    public async Task Published_consultations_and_their_list_are_in_the_sitemap_and_unpublished_ones_are_not()
    {
        var now = DateTime.UtcNow;
        var (_, published) = await ConsultationTestSupport.CreateAsync(fixture.Factory, now.AddDays(-1), now.AddDays(20), "Dự thảo Quy chế phối hợp công tác dân tộc");
        var (hiddenId, hidden) = await ConsultationTestSupport.CreateAsync(fixture.Factory, now.AddDays(-1), now.AddDays(20), "Dự thảo chưa công bố trên cổng");
        await fixture.Factory.WithDbAsync(db => db.Consultations.Where(c => c.Id == hiddenId).ExecuteUpdateAsync(set => set.SetProperty(c => c.IsPublished, false)));
        await fixture.Factory.AnnounceAsync(hiddenId);

        var (xml, _) = await LoadAsync(fixture.Factory, "/sitemap.xml");
        var urls = xml.Root!.Elements(Sm + "url").ToDictionary(u => (string)u.Element(Sm + "loc")!, u => (string?)u.Element(Sm + "lastmod"));

        Assert.Contains("http://localhost" + published, urls.Keys);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T", urls["http://localhost/lay-y-kien"]);
        Assert.DoesNotContain("http://localhost" + hidden, urls.Keys);
    }

    [Fact]
    public async Task Robots_txt_keeps_crawlers_out_of_the_admin_area_and_names_the_sitemap()
    {
        var response = await fixture.Factory.CreateClient().GetAsync(new Uri("/robots.txt", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["User-agent: *", "Disallow: /quan-tri", "Sitemap: http://localhost/sitemap.xml"], lines);
    }

    [Fact]
    public async Task Past_the_file_limit_the_sitemap_becomes_an_index_of_parts()
    {
        using var factory = new PortalFactory();
        factory.Settings["Portal:Sitemap:UrlsPerFile"] = "10";
        var (index, _) = await LoadAsync(factory, "/sitemap.xml");
        Assert.Equal(Sm + "sitemapindex", index.Root!.Name);
        var parts = index.Root.Elements(Sm + "sitemap").Select(s => (string)s.Element(Sm + "loc")!).ToList();
        Assert.True(parts.Count >= 3);
        Assert.Equal(Enumerable.Range(1, parts.Count).Select(n => $"http://localhost/sitemap.xml?trang={n}"), parts);

        var all = new List<string>();
        foreach (var part in parts)
        {
            var (urlset, _) = await LoadAsync(factory, new Uri(part).PathAndQuery);
            var locs = urlset.Root!.Elements(Sm + "url").Select(u => (string)u.Element(Sm + "loc")!).ToList();
            Assert.InRange(locs.Count, 1, 10);
            all.AddRange(locs);
        }

        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Contains("http://localhost/", all);
        Assert.Contains(all, u => u.Contains("/tin-tuc/trien-khai-thuc-hien-cong-tac-binh-dang-gioi", StringComparison.Ordinal));

        var beyond = await factory.CreateClient().GetAsync(new Uri($"/sitemap.xml?trang={parts.Count + 1}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
        var invalid = await factory.CreateClient().GetAsync(new Uri("/sitemap.xml?trang=abc", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, invalid.StatusCode);
    }

    private static async Task<(XDocument Xml, HttpResponseMessage Response)> LoadAsync(PortalFactory factory, string url)
    {
        var response = await factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, Async = true });
        return (await XDocument.LoadAsync(reader, LoadOptions.None, CancellationToken.None), response);
    }
}
