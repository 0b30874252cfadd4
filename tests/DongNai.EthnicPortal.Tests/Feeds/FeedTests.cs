using System.Net;
using System.ServiceModel.Syndication;
using System.Xml;
using System.Xml.Linq;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DongNai.EthnicPortal.Tests.Feeds;

public sealed class FeedTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string SeedTitle = "Triển khai thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ trên địa bàn tỉnh Đồng Nai năm 2024";

    [Fact]
    public async Task The_main_feed_is_valid_rss_with_the_newest_published_articles()
    {
        var (feed, response) = await LoadAsync("/rss");
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("vi", feed.Language);
        Assert.Equal("Ban Dân tộc tỉnh Đồng Nai", feed.Title.Text);
        Assert.False(string.IsNullOrWhiteSpace(feed.Description.Text));
        Assert.Equal("http://localhost/", feed.Links.First(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);

        var items = feed.Items.ToList();
        var published = await fixture.Factory.WithDbAsync(db => db.Articles.CountAsync(a => a.Status == ArticleStatus.Published && a.PublishedAt <= DateTime.UtcNow));
        Assert.Equal(Math.Min(50, published), items.Count);
        Assert.Equal(items.OrderByDescending(i => i.PublishDate).Select(i => i.Id), items.Select(i => i.Id));
        Assert.All(items, item =>
        {
            var link = Assert.Single(item.Links, l => l.RelationshipType == "alternate").Uri;
            Assert.True(link.IsAbsoluteUri);
            Assert.StartsWith("http://localhost/tin-tuc/", link.AbsoluteUri, StringComparison.Ordinal);
            Assert.NotEqual(default, item.PublishDate);
            Assert.False(string.IsNullOrWhiteSpace(item.Summary?.Text));
        });
    }

    [Fact]
    public async Task The_seed_article_has_its_cover_image_as_an_enclosure()
    {
        var (feed, _) = await LoadAsync("/rss");
        var seed = Assert.Single(feed.Items, i => i.Title.Text == SeedTitle);
        var enclosure = Assert.Single(seed.Links, l => l.RelationshipType == "enclosure");
        Assert.Equal("image/jpeg", enclosure.MediaType);
        var media = await fixture.Factory.WithDbAsync(db => db.MediaFiles.SingleAsync(m => m.StoredName == "seed-binh-dang-gioi"));
        Assert.Equal(media.SizeBytes, enclosure.Length);
        Assert.Equal("http://localhost/media/seed-binh-dang-gioi.jpg", enclosure.Uri.AbsoluteUri);

        var image = await fixture.Factory.CreateClient().GetAsync(new Uri(enclosure.Uri.PathAndQuery, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
    }

    [Fact]
    public async Task Dates_are_rfc_822_with_the_vietnam_offset()
    {
        var response = await fixture.Factory.CreateClient().GetAsync(new Uri("/rss", UriKind.Relative));
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var pubDates = xml.Descendants("item").Select(i => (string?)i.Element("pubDate")).ToList();
        Assert.NotEmpty(pubDates);
        Assert.All(pubDates, date => Assert.Matches(@"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0700$", date));
        Assert.Contains("Wed, 20 Sep 2023 08:00:00 +0700", pubDates);
    }

    [Fact]
    public async Task A_category_feed_holds_only_that_category()
    {
        var (feed, _) = await LoadAsync("/rss/hoat-dong-chuyen-nganh");
        Assert.Contains("Hoạt động chuyên ngành", feed.Title.Text, StringComparison.Ordinal);
        Assert.Equal("http://localhost/chuyen-muc/hoat-dong-chuyen-nganh", feed.Links.First(l => l.RelationshipType == "alternate").Uri.AbsoluteUri);
        var items = feed.Items.ToList();
        Assert.NotEmpty(items);
        Assert.Contains(items, i => i.Title.Text == SeedTitle);
        Assert.All(items, i => Assert.Equal("Hoạt động chuyên ngành", Assert.Single(i.Categories).Name));

        var expected = await fixture.Factory.WithDbAsync(db => db.Articles
            .Where(a => a.Category.Slug == "hoat-dong-chuyen-nganh" && a.Status == ArticleStatus.Published && a.PublishedAt <= DateTime.UtcNow)
            .CountAsync());
        Assert.Equal(expected, items.Count);
    }

    [Theory]
    [InlineData("/rss/khong-co-chuyen-muc-nay")]
    [InlineData("/rss/%3Cscript%3E")]
    public async Task An_unknown_category_feed_is_404(string url)
    {
        var response = await fixture.Factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Pages_announce_the_feed_in_the_head()
    {
        var html = await fixture.Factory.CreateClient().GetStringAsync(new Uri("/tim-kiem", UriKind.Relative));
        Assert.Contains("<link rel=\"alternate\" type=\"application/rss+xml\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/rss\"", html, StringComparison.Ordinal);
    }

    private async Task<(SyndicationFeed Feed, HttpResponseMessage Response)> LoadAsync(string url)
    {
        var response = await fixture.Factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var formatter = new Rss20FeedFormatter();
        Assert.True(formatter.CanRead(reader));
        formatter.ReadFrom(reader);
        return (formatter.Feed, response);
    }
}

/// <summary>Feeds and the sitemap after changes: each test gets its own application.</summary>
public sealed class FeedChangeTests
{
    [Fact]
    public async Task Drafts_and_future_articles_are_in_no_feed_and_no_sitemap()
    {
        using var factory = new PortalFactory();
        var categoryId = await factory.WithDbAsync(db => db.Categories.Where(c => c.Slug == "hoat-dong-chuyen-nganh").Select(c => c.Id).SingleAsync());
        var draft = await AddAsync(factory, "Bài nháp không được lộ", ArticleStatus.Draft, null, categoryId);
        var future = await AddAsync(factory, "Bài hẹn giờ không được lộ", ArticleStatus.Published, DateTime.UtcNow.AddDays(2), categoryId);
        var fresh = await AddAsync(factory, "Bài mới xuất bản hôm nay", ArticleStatus.Published, DateTime.UtcNow.AddMinutes(-5), categoryId);

        var client = factory.CreateClient();
        foreach (var url in new[] { "/rss", "/rss/hoat-dong-chuyen-nganh" })
        {
            var xml = await client.GetStringAsync(new Uri(url, UriKind.Relative));
            Assert.Contains("Bài mới xuất bản hôm nay", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("không được lộ", xml, StringComparison.Ordinal);
        }

        var sitemap = await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative));
        Assert.Contains($"-{fresh}</loc>", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain($"-{draft}</loc>", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain($"-{future}</loc>", sitemap, StringComparison.Ordinal);
    }

    private static async Task<int> AddAsync(PortalFactory factory, string title, ArticleStatus status, DateTime? publishedAt, int categoryId)
    {
        var id = await factory.WithDbAsync(async db =>
        {
            var article = TestArticles.New(categoryId, title, status, publishedAt);
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article.Id;
        });
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ContentChanges>().ArticleChangedAsync(id);
        return id;
    }
}
