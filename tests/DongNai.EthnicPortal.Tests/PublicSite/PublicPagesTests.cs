using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Infrastructure;

namespace DongNai.EthnicPortal.Tests.PublicSite;

/// <summary>Read-only checks of the public pages over the seed content.</summary>
public sealed partial class PublicPagesTests(PortalFixture fixture) : IClassFixture<PortalFixture>
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

        Assert.Single(H1().Matches(html));
        Assert.Contains("<a class=\"skip-link\" href=\"#noi-dung\"", html, StringComparison.Ordinal);
        Assert.Contains("<form role=\"search\" method=\"get\" action=\"/tim-kiem\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"q\"", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"q-header\"", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"alternate\" type=\"application/rss+xml\"", html, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"main-nav\" aria-label=\"Menu chính\">", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"noi-dung\"", html, StringComparison.Ordinal);
        Assert.Contains("<aside", html, StringComparison.Ordinal);
        Assert.Contains("Liên kết website", html, StringComparison.Ordinal);
        Assert.Contains("Ủy ban Dân tộc", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", html, StringComparison.Ordinal);
        // The only scripts allowed are external files and JSON-LD data blocks.
        Assert.All(ScriptTags().Matches(html), match => Assert.True(
            match.Value.Contains("src=\"/js/", StringComparison.Ordinal) || match.Value.Contains("application/ld+json", StringComparison.Ordinal),
            match.Value));
    }

    [Fact]
    public async Task Pages_are_vietnamese_and_the_english_page_says_so()
    {
        var home = await Client().GetStringAsync("/");
        Assert.Contains("<html lang=\"vi\"", home, StringComparison.Ordinal);

        var english = await Client().GetStringAsync("/en/about");
        Assert.Contains("<html lang=\"en\"", english, StringComparison.Ordinal);
        Assert.Contains("Functions and duties", english, StringComparison.Ordinal);
        Assert.Contains("<dt>Address</dt>", english, StringComparison.Ordinal);
        Assert.Contains("<dt>Phone</dt>", english, StringComparison.Ordinal);
        Assert.Contains("bdt@dongnai.gov.vn", english, StringComparison.Ordinal);
        Assert.Contains("<footer class=\"site-footer\" lang=\"vi\">", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sidebar_shows_the_open_poll_and_the_visit_counter()
    {
        var html = await Client().GetStringAsync("/");
        var pollId = await fixture.Factory.WithDbAsync(db => Task.FromResult(db.Polls.Single(p => p.Question == "Đánh giá về trang thông tin điện tử Ban Dân tộc tỉnh Đồng Nai").Id));

        Assert.Contains("Thăm dò ý kiến", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"/tham-do-y-kien/{pollId}/binh-chon\"", html, StringComparison.Ordinal);
        Assert.Contains("Rất hữu ích", html, StringComparison.Ordinal);
        Assert.Contains(">Bình chọn</button>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/tham-do-y-kien/{pollId}\">Xem kết quả</a>", html, StringComparison.Ordinal);
        // The archived poll of 2022 is closed and must not be offered.
        Assert.DoesNotContain("Bạn thường tìm hiểu chính sách dân tộc", html, StringComparison.Ordinal);
        Assert.Contains("Số lượt truy cập", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Trong ngày</dt>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Tất cả</dt>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_shows_the_featured_article_latest_news_category_blocks_and_documents()
    {
        var html = await Client().GetStringAsync("/");
        var featured = html.IndexOf("class=\"featured\"", StringComparison.Ordinal);
        Assert.True(featured >= 0);
        Assert.Contains(SeedTitle, html[featured..], StringComparison.Ordinal);
        Assert.Contains("src=\"/media/seed-binh-dang-gioi.jpg\"", html, StringComparison.Ordinal);
        Assert.Contains("Tin mới nhất", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/chuyen-muc/hoat-dong-chuyen-nganh\">Hoạt động chuyên ngành</a></h2>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/chuyen-muc/chinh-sach-dan-toc\">Chính sách dân tộc</a></h2>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/van-ban\"", html, StringComparison.Ordinal);
        Assert.Contains("9478/UBND-KGVX", html, StringComparison.Ordinal);
        Assert.Matches("href=\"/van-ban/\\d+/cong-van-9478-ubnd-kgvx[^\"]*\"", html);
    }

    [Fact]
    public async Task Seed_article_shows_full_text_caption_author_and_metadata()
    {
        var url = await SeedArticleUrlAsync();
        var response = await Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains($"<h1 class=\"article-title\">{SeedTitle}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/chuyen-muc/hoat-dong-chuyen-nganh\">Hoạt động chuyên ngành</a>", html, StringComparison.Ordinal);
        // References to documents are links now, so compare the text without tags.
        Assert.Contains("Ngày 14/9/2023, Ủy ban nhân dân (UBND) tỉnh Đồng Nai ban hành Công văn số 9478/UBND-KGVX", Regex.Replace(html, "<[^>]+>", ""), StringComparison.Ordinal);
        for (var item = 1; item <= 6; item++)
        {
            Assert.Contains($"<p>{item}. ", html, StringComparison.Ordinal);
        }

        Assert.Contains("năm 2024 và các năm tiếp theo./.", html, StringComparison.Ordinal);
        Assert.Contains("<figcaption>Thực hiện tuyên truyền pháp luật về bình đẳng giới cho đồng bào dân tộc thiểu số trên địa bàn tỉnh Đồng Nai</figcaption>", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"byline\">Hồ Thị Tuyết Nhung</p>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("<p class=\"byline\">", StringComparison.Ordinal) > html.IndexOf("các năm tiếp theo./.", StringComparison.Ordinal), "The byline comes after the body.");
        Assert.Contains("08:00 20/09/2023", html, StringComparison.Ordinal);
        Assert.Contains("datetime=\"2023-09-20T08:00:00+07:00\"", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        // The cover already sits in the body as a captioned figure, so it is not repeated.
        Assert.Single(Regex.Matches(html, "<img[^>]+seed-binh-dang-gioi"));
        Assert.Matches("<img[^>]+seed-binh-dang-gioi[^>]+loading=\"lazy\"", html);

        Assert.Contains($"<link rel=\"canonical\" href=\"https://localhost{url}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:title\" content=\"{SeedTitle}\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:image\" content=\"https://localhost/media/seed-binh-dang-gioi.jpg\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"twitter:card\" content=\"summary_large_image\">", html, StringComparison.Ordinal);
        Assert.Contains("data-print", html, StringComparison.Ordinal);
        Assert.Contains("Các tin khác", html, StringComparison.Ordinal);

        var jsonLd = JsonLd().Match(html);
        Assert.True(jsonLd.Success);
        using var data = JsonDocument.Parse(jsonLd.Groups[1].Value);
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
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Không tìm thấy trang", html, StringComparison.Ordinal);
        Assert.Contains("Về trang chủ", html, StringComparison.Ordinal);
        Assert.Contains("Cơ quan chủ quản:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Footer_shows_the_site_settings()
    {
        var html = await Client().GetStringAsync("/gioi-thieu");
        var footer = html[html.IndexOf("<footer", StringComparison.Ordinal)..];

        Assert.Contains("<span class=\"label\">Cơ quan chủ quản:</span> BAN DÂN TỘC TỈNH ĐỒNG NAI", footer, StringComparison.Ordinal);
        Assert.Contains("<span class=\"label\">Chịu trách nhiệm chính:</span> ông Nguyễn Văn Khang - Trưởng Ban Dân tộc tỉnh Đồng Nai", footer, StringComparison.Ordinal);
        Assert.Contains("<span class=\"label\">Địa chỉ:</span> Số 4/22/10A, đường Nguyễn Du, khu phố 4, phường Quang Vinh, thành phố Biên Hòa, tỉnh Đồng Nai", footer, StringComparison.Ordinal);
        Assert.Contains("<a href=\"tel:02513843836\">02513.843836</a>", footer, StringComparison.Ordinal);
        Assert.Contains("<a href=\"mailto:bdt@dongnai.gov.vn\">bdt@dongnai.gov.vn</a>", footer, StringComparison.Ordinal);
        Assert.Contains("© 2014 Bản quyền thuộc Ban Dân tộc tỉnh Đồng Nai", footer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_page_shows_address_phone_email_and_map_link()
    {
        var html = await Client().GetStringAsync("/lien-he");
        Assert.Contains("<dt>Địa chỉ</dt>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Điện thoại</dt>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Email</dt>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://www.openstreetmap.org/search?query=", html, StringComparison.Ordinal);
        Assert.Contains("Đầu mối tiếp nhận thông tin", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Theme_choice_persists_in_a_cookie_and_is_applied_by_the_server()
    {
        var client = Client();
        var before = await client.GetStringAsync("/gioi-thieu");
        Assert.Contains($"class=\"theme-{SiteTheme.Blue.Key}\"", before, StringComparison.Ordinal);

        var choose = await client.GetAsync($"/giao-dien/{SiteTheme.Yellow.Key}?quay-lai=%2Fgioi-thieu");
        Assert.Equal(HttpStatusCode.Redirect, choose.StatusCode);
        Assert.Equal("/gioi-thieu", choose.Headers.Location?.OriginalString);
        Assert.Contains(choose.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith($"{SiteTheme.CookieName}={SiteTheme.Yellow.Key}", StringComparison.Ordinal));

        // The page was cached in blue a moment ago; the cache varies by theme, so yellow must come back.
        var after = await client.GetStringAsync("/gioi-thieu");
        Assert.Contains($"class=\"theme-{SiteTheme.Yellow.Key}\"", after, StringComparison.Ordinal);
        var later = await client.GetStringAsync("/");
        Assert.Contains($"class=\"theme-{SiteTheme.Yellow.Key}\"", later, StringComparison.Ordinal);
        Assert.Contains($"href=\"/giao-dien/{SiteTheme.Yellow.Key}?quay-lai=%2F\" rel=\"nofollow\" title=\"{SiteTheme.Yellow.Label}\" aria-current=\"true\"", later, StringComparison.Ordinal);
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

    [GeneratedRegex("<h1[\\s>]")]
    private static partial Regex H1();

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTags();

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLd();
}
