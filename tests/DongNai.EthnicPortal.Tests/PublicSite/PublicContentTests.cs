using System.Data.Common;
using System.Net;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DongNai.EthnicPortal.Tests.PublicSite;

/// <summary>Tests that write their own articles, on an application of their own so the shared one stays untouched.</summary>
public sealed class PublicContentTests : IDisposable
{
    private readonly PortalFactory factory = new() { Settings = { ["Portal:OutputCache:Enabled"] = "false" } };

    public void Dispose() => factory.Dispose();

    private async Task<int> CreateCategoryAsync(string name) => await factory.WithDbAsync(async db =>
    {
        var category = new Category { Name = name, Slug = VietnameseText.Slugify(name), SortOrder = 99, ShowInMenu = false };
        db.Categories.Add(category);
        await db.SaveChangesAsync();
        return category.Id;
    });

    private async Task<Article> CreateArticleAsync(int categoryId, string title, ArticleStatus status, DateTime? publishedAt) => await factory.WithDbAsync(async db =>
    {
        var article = TestArticles.New(categoryId, title, status, publishedAt);
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        return article;
    });

    [Theory]
    [InlineData(ArticleStatus.Draft)]
    [InlineData(ArticleStatus.Submitted)]
    [InlineData(ArticleStatus.Scheduled)]
    [InlineData(ArticleStatus.Withdrawn)]
    public async Task Unpublished_articles_are_not_found(ArticleStatus status)
    {
        var category = await CreateCategoryAsync("Chuyên mục trạng thái " + status);
        // A scheduled article whose time has come is published by the background publisher, so it is scheduled for tomorrow.
        var publishAt = status == ArticleStatus.Scheduled ? DateTime.UtcNow.AddDays(1) : DateTime.UtcNow.AddDays(-1);
        var article = await CreateArticleAsync(category, "Bài viết chưa công khai " + status, status, publishAt);

        var response = await factory.CreateBrowserClient().GetAsync($"/tin-tuc/{article.Slug}-{article.Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Không tìm thấy trang", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_published_in_the_future_is_not_found_until_it_is_due()
    {
        var category = await CreateCategoryAsync("Chuyên mục hẹn giờ");
        var future = await CreateArticleAsync(category, "Bài viết đăng ngày mai", ArticleStatus.Published, DateTime.UtcNow.AddDays(1));
        var published = await CreateArticleAsync(category, "Bài viết đã đăng hôm qua", ArticleStatus.Published, DateTime.UtcNow.AddDays(-1));
        var client = factory.CreateBrowserClient();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/tin-tuc/{future.Slug}-{future.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/tin-tuc/{published.Slug}-{published.Id}")).StatusCode);
        var listing = await client.GetStringAsync("/chuyen-muc/chuyen-muc-hen-gio");
        Assert.DoesNotContain("Bài viết đăng ngày mai", listing, StringComparison.Ordinal);
        Assert.Contains("Bài viết đã đăng hôm qua", listing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_news_lists_the_ten_newest_published_of_the_category_without_the_current_or_unpublished()
    {
        var category = await CreateCategoryAsync("Chuyên mục tin khác");
        var other = await CreateCategoryAsync("Chuyên mục bên cạnh");
        var start = DateTime.UtcNow.AddDays(-30);
        var current = await CreateArticleAsync(category, "Bài đang đọc", ArticleStatus.Published, start.AddDays(20));
        for (var i = 1; i <= 12; i++)
        {
            await CreateArticleAsync(category, $"Tin cùng chuyên mục số {i:00}", ArticleStatus.Published, start.AddDays(i));
        }

        await CreateArticleAsync(category, "Tin nháp không được hiện", ArticleStatus.Draft, start.AddDays(25));
        await CreateArticleAsync(category, "Tin đã gỡ không được hiện", ArticleStatus.Withdrawn, start.AddDays(25));
        await CreateArticleAsync(category, "Tin hẹn giờ không được hiện", ArticleStatus.Published, DateTime.UtcNow.AddDays(2));
        await CreateArticleAsync(other, "Tin chuyên mục khác không được hiện", ArticleStatus.Published, start.AddDays(26));

        var html = await factory.CreateBrowserClient().GetStringAsync($"/tin-tuc/{current.Slug}-{current.Id}");
        var others = html[html.IndexOf("Các tin khác", StringComparison.Ordinal)..];

        Assert.DoesNotContain("Bài đang đọc", others, StringComparison.Ordinal);
        Assert.DoesNotContain("không được hiện", others, StringComparison.Ordinal);
        for (var i = 3; i <= 12; i++)
        {
            Assert.Contains($"Tin cùng chuyên mục số {i:00}", others, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Tin cùng chuyên mục số 02", others, StringComparison.Ordinal);
        Assert.True(others.IndexOf("số 12", StringComparison.Ordinal) < others.IndexOf("số 11", StringComparison.Ordinal), "Newest first.");
    }

    [Fact]
    public async Task Category_pages_hold_twenty_items_with_prev_next_links_and_end_in_404()
    {
        var category = await CreateCategoryAsync("Chuyên mục phân trang");
        var start = DateTime.UtcNow.AddDays(-60);
        for (var i = 1; i <= 25; i++)
        {
            await CreateArticleAsync(category, $"Tin phân trang số {i:00}", ArticleStatus.Published, start.AddDays(i));
        }

        var client = factory.CreateBrowserClient();
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var first = parser.ParseDocument(await client.GetStringAsync("/chuyen-muc/chuyen-muc-phan-trang"));
        Assert.Equal("/chuyen-muc/chuyen-muc-phan-trang?trang=2", first.QuerySelector("head link[rel=next]")?.GetAttribute("href"));
        Assert.Null(first.QuerySelector("head link[rel=prev]"));
        var pager = first.QuerySelector("nav.pager");
        Assert.NotNull(pager);
        Assert.Equal("Phân trang", pager.GetAttribute("aria-label"));
        Assert.Equal("1", pager.QuerySelector("a[aria-current=page]")?.TextContent);
        Assert.Equal("/chuyen-muc/chuyen-muc-phan-trang?trang=2", pager.QuerySelector("a[rel=next]")?.GetAttribute("href"));
        var titles = first.QuerySelectorAll(".card-title").Select(t => t.TextContent).ToList();
        Assert.Equal(20, titles.Count);
        Assert.Contains(titles, t => t.Contains("Tin phân trang số 25", StringComparison.Ordinal));
        Assert.DoesNotContain(titles, t => t.Contains("Tin phân trang số 05", StringComparison.Ordinal));

        var second = parser.ParseDocument(await client.GetStringAsync("/chuyen-muc/chuyen-muc-phan-trang?trang=2"));
        Assert.Equal("/chuyen-muc/chuyen-muc-phan-trang", second.QuerySelector("head link[rel=prev]")?.GetAttribute("href"));
        Assert.Null(second.QuerySelector("head link[rel=next]"));
        Assert.Equal(5, second.QuerySelectorAll(".card-title").Length);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/chuyen-muc/chuyen-muc-phan-trang?trang=3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/chuyen-muc/chuyen-muc-phan-trang?trang=0")).StatusCode);
    }

    /// <summary>The pager's count is kept in memory (<c>CategoryArticleCounts</c>); a change through the one change path must reach it.</summary>
    [Fact]
    public async Task A_published_article_adds_its_page_to_the_category_at_once()
    {
        var category = await CreateCategoryAsync("Chuyên mục đếm bài");
        var start = DateTime.UtcNow.AddDays(-30);
        for (var i = 1; i <= 20; i++)
        {
            await CreateArticleAsync(category, $"Tin đếm số {i:00}", ArticleStatus.Published, start.AddDays(i));
        }

        var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/chuyen-muc/chuyen-muc-dem-bai")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/chuyen-muc/chuyen-muc-dem-bai?trang=2")).StatusCode);

        var article = await CreateArticleAsync(category, "Tin đếm số 21", ArticleStatus.Published, DateTime.UtcNow.AddMinutes(-1));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ContentChanges>().ArticleStatusChangedAsync(article.Id);
        }

        var first = await client.GetStringAsync("/chuyen-muc/chuyen-muc-dem-bai");
        Assert.Contains("/chuyen-muc/chuyen-muc-dem-bai?trang=2", first, StringComparison.Ordinal);
        var second = await client.GetAsync("/chuyen-muc/chuyen-muc-dem-bai?trang=2");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("Tin đếm số 01", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_ld_cannot_be_broken_out_of_by_a_title()
    {
        var category = await CreateCategoryAsync("Chuyên mục an toàn");
        var article = await CreateArticleAsync(category, "Tiêu đề </script><script>alert(1)</script>", ArticleStatus.Published, DateTime.UtcNow.AddDays(-1));

        var html = await factory.CreateBrowserClient().GetStringAsync($"/tin-tuc/{article.Slug}-{article.Id}");
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("\\u003C/script\\u003E", html, StringComparison.Ordinal);
    }
}

public sealed class HeaderDateTests
{
    [Theory]
    // 18:00 UTC on Saturday is already 01:00 on Sunday in Vietnam.
    [InlineData("2026-11-28T18:00:00Z", "Chủ nhật - 29/11/2026")]
    [InlineData("2016-02-26T03:00:00Z", "Thứ 6 - 26/02/2016")]
    [InlineData("2024-01-01T00:30:00Z", "Thứ 2 - 01/01/2024")]
    public async Task Header_shows_the_vietnam_weekday_and_date(string utc, string expected)
    {
        using var factory = new PortalFactory { Time = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture)) };
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/gioi-thieu");
        Assert.Contains(expected, page.One("header").Texts("time"));
    }
}

public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task Without_a_database_the_error_page_still_renders_in_vietnamese_with_the_layout()
    {
        var outage = new SimulatedOutage();
        using var factory = new PortalFactory();
        factory.TestServices.Add(services => services.ConfigureDbContext<PortalDbContext>(options => options.AddInterceptors(outage)));
        var client = factory.CreateBrowserClient();
        await factory.WithDbAsync(db => db.Articles.AnyAsync());

        outage.Down = true;
        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Hệ thống đang bảo trì", page.One("main").Text(), StringComparison.Ordinal);
        Assert.Contains("BAN DÂN TỘC TỈNH ĐỒNG NAI", page.One("header.site-header").Text(), StringComparison.Ordinal);
        page.One("form[role=search]");
        // Without a database the sidebar's widgets are left out rather than failing the page.
        Assert.DoesNotContain("Thăm dò ý kiến", page.Body!.Text(), StringComparison.Ordinal);
    }

    private sealed class SimulatedOutage : DbCommandInterceptor
    {
        public volatile bool Down;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) =>
            Down ? throw new UnreachableDatabase() : base.ReaderExecutingAsync(command, eventData, result, cancellationToken);

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default) =>
            Down ? throw new UnreachableDatabase() : base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    private sealed class UnreachableDatabase() : DbException("Simulated: the database server cannot be reached.");
}
