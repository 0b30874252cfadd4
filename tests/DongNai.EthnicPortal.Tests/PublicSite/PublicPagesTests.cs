using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Infrastructure;

namespace DongNai.EthnicPortal.Tests.PublicSite;

/// <summary>Read-only checks of the public pages over the seed content.</summary>
public sealed class PublicPagesTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    public const string SeedTitle = "Triển khai thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ trên địa bàn tỉnh Đồng Nai năm 2024";
    public const string SeedSlug = "trien-khai-thuc-hien-cong-tac-binh-dang-gioi-va-vi-su-tien-bo-cua-phu-nu-tren-dia-ban-tinh-dong-nai-nam-2024";

    private HttpClient Client() => fixture.Factory.CreateBrowserClient();

    private async Task<string> SeedArticleUrlAsync()
    {
        var id = await fixture.Factory.WithDbAsync(db => Task.FromResult(db.Articles.Single(a => a.Title == SeedTitle).Id));
        return $"/tin-tuc/{SeedSlug}-{id}";
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/chuyen-muc/hoat-dong-chuyen-nganh")]
    [InlineData("/chuyen-muc/tin-tuc-su-kien")]
    [InlineData("/gioi-thieu")]
    [InlineData("/lien-he")]
    [InlineData("/en/about")]
    public async Task Each_public_page_renders_with_the_layout(string url)
    {
        var response = await Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        var page = HtmlPages.Parse(html);

        page.One("h1");
        Assert.Equal("#noi-dung", page.One("a.skip-link").GetAttribute("href"));
        var search = page.One("form[role=search]");
        Assert.Equal(("get", "/tim-kiem"), (search.GetAttribute("method"), search.GetAttribute("action")));
        Assert.NotNull(search.QuerySelector("input[name=q]"));
        page.One("label[for=q-header]");
        Assert.NotEmpty(page.QuerySelectorAll("link[rel=alternate][type='application/rss+xml']"));
        page.One("nav.main-nav[aria-label='Menu chính']");
        page.One("main#noi-dung");
        var sidebar = page.One("aside");
        Assert.Contains("Liên kết website", sidebar.Text(), StringComparison.Ordinal);
        Assert.Contains("Ủy ban Dân tộc", sidebar.Text(), StringComparison.Ordinal);
        // CSP forbids inline styles: no style attribute, no style element.
        Assert.Empty(page.QuerySelectorAll("[style], style"));
        // The only scripts allowed are external files and JSON-LD data blocks.
        Assert.All(page.QuerySelectorAll("script"), script => Assert.True(
            script.GetAttribute("src")?.StartsWith("/js/", StringComparison.Ordinal) == true || script.GetAttribute("type") == "application/ld+json",
            script.OuterHtml));
    }

    [Fact]
    public async Task Pages_are_vietnamese_and_the_english_page_says_so()
    {
        var home = await Client().GetDocumentAsync("/");
        Assert.Equal("vi", home.DocumentElement.GetAttribute("lang"));

        var english = await Client().GetDocumentAsync("/en/about");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Functions and duties", english.One("main").Text(), StringComparison.Ordinal);
        Assert.Contains("Address", english.Texts("main dt"));
        Assert.Contains("Phone", english.Texts("main dt"));
        Assert.Contains("bdt@dongnai.gov.vn", english.One("main").Text(), StringComparison.Ordinal);
        // The footer keeps the Vietnamese settings and says so.
        Assert.Equal("vi", english.One("footer.site-footer").GetAttribute("lang"));
    }

    [Fact]
    public async Task Sidebar_shows_the_open_poll_and_the_visit_counter()
    {
        var page = await Client().GetDocumentAsync("/");
        var pollId = await fixture.Factory.WithDbAsync(db => Task.FromResult(db.Polls.Single(p => p.Question == "Đánh giá về trang thông tin điện tử Ban Dân tộc tỉnh Đồng Nai").Id));
        var sidebar = page.One("aside").Text();

        Assert.Contains("Thăm dò ý kiến", sidebar, StringComparison.Ordinal);
        var vote = page.One($"form[action='/tham-do-y-kien/{pollId}/binh-chon']");
        Assert.Contains("Rất hữu ích", vote.Text(), StringComparison.Ordinal);
        Assert.Equal("Bình chọn", vote.One("button").Text());
        Assert.Contains(page.QuerySelectorAll($"a[href='/tham-do-y-kien/{pollId}']"), a => a.Text() == "Xem kết quả");
        // The archived poll of 2022 is closed and must not be offered.
        Assert.DoesNotContain("Bạn thường tìm hiểu chính sách dân tộc", page.Body!.Text(), StringComparison.Ordinal);
        Assert.Contains("Số lượt truy cập", sidebar, StringComparison.Ordinal);
        Assert.Contains("Trong ngày", page.Texts("aside dt"));
        Assert.Contains("Tất cả", page.Texts("aside dt"));
    }

    [Fact]
    public async Task Home_shows_the_featured_article_latest_news_category_blocks_and_documents()
    {
        var page = await Client().GetDocumentAsync("/");
        var featured = page.One(".featured");
        Assert.Contains(SeedTitle, featured.Text(), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("img[src='/media/seed-binh-dang-gioi.jpg']"));
        Assert.Contains("Tin mới nhất", page.Texts("h2"));
        Assert.Contains(("Hoạt động chuyên ngành", "/chuyen-muc/hoat-dong-chuyen-nganh"), CategoryHeadings(page));
        Assert.Contains(("Chính sách dân tộc", "/chuyen-muc/chinh-sach-dan-toc"), CategoryHeadings(page));
        Assert.NotEmpty(page.QuerySelectorAll("a[href='/van-ban']"));
        var document = page.One("a[href^='/van-ban/'][href*='/cong-van-9478-ubnd-kgvx']");
        Assert.Matches("^/van-ban/\\d+/cong-van-9478-ubnd-kgvx", document.GetAttribute("href")!);
        Assert.Contains("9478/UBND-KGVX", document.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seed_article_shows_full_text_caption_author_and_metadata()
    {
        var url = await SeedArticleUrlAsync();
        var response = await Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(SeedTitle, page.One("h1.article-title").Text());
        Assert.Contains(page.QuerySelectorAll("a[href='/chuyen-muc/hoat-dong-chuyen-nganh']"), a => a.Text() == "Hoạt động chuyên ngành");
        var body = page.One(".article-body");
        // References to documents are links, so the sentence is compared as text.
        Assert.Contains("Ngày 14/9/2023, Ủy ban nhân dân (UBND) tỉnh Đồng Nai ban hành Công văn số 9478/UBND-KGVX", body.Text(), StringComparison.Ordinal);
        var paragraphs = body.Texts("p");
        for (var item = 1; item <= 6; item++)
        {
            Assert.Contains(paragraphs, p => p.StartsWith($"{item}. ", StringComparison.Ordinal));
        }

        Assert.Contains("năm 2024 và các năm tiếp theo./.", body.Text(), StringComparison.Ordinal);
        Assert.Equal("Thực hiện tuyên truyền pháp luật về bình đẳng giới cho đồng bào dân tộc thiểu số trên địa bàn tỉnh Đồng Nai", body.One("figcaption").Text());
        var byline = page.One("p.byline");
        Assert.Equal("Hồ Thị Tuyết Nhung", byline.Text());
        Assert.True(body.CompareDocumentPosition(byline).HasFlag(AngleSharp.Dom.DocumentPositions.Following), "The byline comes after the body.");
        Assert.Contains(page.QuerySelectorAll("time[datetime='2023-09-20T08:00:00+07:00']"), time => time.Text() == "08:00 20/09/2023");
        // The cover already sits in the body as a captioned figure, so it is not repeated.
        var image = page.One("img[src*='seed-binh-dang-gioi'], img[srcset*='seed-binh-dang-gioi']");
        Assert.Equal("lazy", image.GetAttribute("loading"));

        Assert.Equal($"https://localhost{url}", page.One("link[rel=canonical]").GetAttribute("href"));
        Assert.Equal(SeedTitle, page.One("meta[property='og:title']").GetAttribute("content"));
        Assert.Equal("https://localhost/media/seed-binh-dang-gioi.jpg", page.One("meta[property='og:image']").GetAttribute("content"));
        Assert.Equal("summary_large_image", page.One("meta[name='twitter:card']").GetAttribute("content"));
        Assert.NotNull(page.QuerySelector("[data-print]"));
        Assert.Contains("Các tin khác", page.Texts("h2"));

        using var data = JsonDocument.Parse(page.One("script[type='application/ld+json']").TextContent);
        Assert.Equal("NewsArticle", data.RootElement.GetProperty("@type").GetString());
        Assert.Equal(SeedTitle, data.RootElement.GetProperty("headline").GetString());
        Assert.Equal("Hồ Thị Tuyết Nhung", data.RootElement.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("2023-09-20T08:00:00+07:00", data.RootElement.GetProperty("datePublished").GetString());
    }

    [Fact]
    public async Task A_wrong_slug_redirects_permanently_to_the_canonical_url()
    {
        var url = await SeedArticleUrlAsync();
        var id = url[(url.LastIndexOf('-') + 1)..];

        foreach (var wrong in new[] { $"/tin-tuc/sai-duong-dan-{id}", $"/tin-tuc/{id}", $"/tin-tuc/{SeedSlug}-x-{id}" })
        {
            var response = await Client().GetAsync(wrong);
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal(url, response.Headers.Location?.OriginalString);
        }
    }

    [Theory]
    [InlineData("/tin-tuc/khong-ton-tai-999999")]
    [InlineData("/tin-tuc/khong-co-so")]
    [InlineData("/tin-tuc/so-khong-0")]
    [InlineData("/chuyen-muc/khong-ton-tai")]
    [InlineData("/chuyen-muc/hoat-dong-chuyen-nganh?trang=0")]
    [InlineData("/chuyen-muc/hoat-dong-chuyen-nganh?trang=-1")]
    [InlineData("/chuyen-muc/hoat-dong-chuyen-nganh?trang=2")]
    public async Task Unknown_content_and_pages_past_the_end_get_the_vietnamese_404(string url)
    {
        var response = await Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Không tìm thấy trang", page.One("h1").Text(), StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("main a[href='/']"), a => a.Text() == "Về trang chủ");
        Assert.Contains("Cơ quan chủ quản:", page.One("footer").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Footer_shows_the_site_settings()
    {
        var footer = (await Client().GetDocumentAsync("/gioi-thieu")).One("footer");
        // Each setting is a labelled line: the label in its own span, the value after it.
        var lines = footer.QuerySelectorAll(".label").Select(label => label.ParentElement!.Text()).ToList();

        Assert.Contains("Cơ quan chủ quản: BAN DÂN TỘC TỈNH ĐỒNG NAI", lines);
        Assert.Contains("Chịu trách nhiệm chính: ông Nguyễn Văn Khang - Trưởng Ban Dân tộc tỉnh Đồng Nai", lines);
        Assert.Contains(lines, line => line.StartsWith("Địa chỉ: Số 4/22/10A, đường Nguyễn Du, khu phố 4, phường Quang Vinh, thành phố Biên Hòa, tỉnh Đồng Nai", StringComparison.Ordinal));
        Assert.Equal("02513.843836", footer.One("a[href='tel:02513843836']").Text());
        Assert.Equal("bdt@dongnai.gov.vn", footer.One("a[href='mailto:bdt@dongnai.gov.vn']").Text());
        Assert.Contains("© 2014 Bản quyền thuộc Ban Dân tộc tỉnh Đồng Nai", footer.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_page_shows_address_phone_email_and_map_link()
    {
        var page = await Client().GetDocumentAsync("/lien-he");
        Assert.Equal(["Địa chỉ", "Điện thoại", "Email"], page.Texts("main dt").Take(3));
        page.One("main a[href^='https://www.openstreetmap.org/search?query=']");
        Assert.Contains("Đầu mối tiếp nhận thông tin", page.One("main").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Theme_choice_persists_in_a_cookie_and_is_applied_by_the_server()
    {
        var client = Client();
        var before = await client.GetDocumentAsync("/gioi-thieu");
        Assert.Equal($"theme-{SiteTheme.Blue.Key}", before.DocumentElement.ClassName);

        var choose = await client.GetAsync($"/giao-dien/{SiteTheme.Yellow.Key}?quay-lai=%2Fgioi-thieu");
        Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);
        Assert.Equal("/gioi-thieu", choose.Headers.Location?.OriginalString);
        Assert.Contains(choose.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith($"{SiteTheme.CookieName}={SiteTheme.Yellow.Key}", StringComparison.Ordinal));

        // The page was cached in blue a moment ago; the cache varies by theme, so yellow must come back.
        var after = await client.GetDocumentAsync("/gioi-thieu");
        Assert.Equal($"theme-{SiteTheme.Yellow.Key}", after.DocumentElement.ClassName);
        var later = await client.GetDocumentAsync("/");
        Assert.Equal($"theme-{SiteTheme.Yellow.Key}", later.DocumentElement.ClassName);
        var current = later.One("a[aria-current=true][href^='/giao-dien/']");
        Assert.Equal(($"/giao-dien/{SiteTheme.Yellow.Key}?quay-lai=%2F", "nofollow", SiteTheme.Yellow.Label), (current.GetAttribute("href"), current.GetAttribute("rel"), current.GetAttribute("title")));
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Theme_switcher_never_redirects_off_site(string returnUrl)
    {
        var response = await Client().GetAsync($"/giao-dien/{SiteTheme.Red.Key}?quay-lai={Uri.EscapeDataString(returnUrl)}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Unknown_theme_is_not_found_and_sets_nothing()
    {
        var response = await Client().GetAsync("/giao-dien/tim");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(SiteTheme.CookieName, StringComparison.Ordinal)));
    }

    /// <summary>The home page's category blocks: each heading's text and the category it links to.</summary>
    private static List<(string Text, string? Href)> CategoryHeadings(AngleSharp.Dom.IDocument page) =>
        page.QuerySelectorAll("h2 > a").Select(a => (a.Text(), a.GetAttribute("href"))).ToList();
}
