using System.Text.Json;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Controllers;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Media;
using DongNai.EthnicPortal.Web.Services.Site;

namespace DongNai.EthnicPortal.Tests.PublicSite;

public sealed class PublicHelperTests
{
    [Theory]
    [InlineData("trien-khai-thuc-hien-cong-tac-binh-dang-gioi-42", 42)]
    [InlineData("bao-cao-nam-2024-7", 7)]
    [InlineData("15", 15)]
    [InlineData("tin-moi", null)]
    [InlineData("tin-0", null)]
    [InlineData("tin-", null)]
    [InlineData("tin-+5", null)]
    [InlineData("tin-99999999999", null)]
    public void Article_id_is_the_number_after_the_last_hyphen(string slugAndId, int? expected) =>
        Assert.Equal(expected, ArticlesController.ParseId(slugAndId));

    [Theory]
    [InlineData("image/jpeg", ".jpg")]
    [InlineData("image/png", ".png")]
    [InlineData("image/webp", ".webp")]
    [InlineData("image/gif", ".gif")]
    public void Media_extension_follows_the_content_type(string contentType, string extension)
    {
        Assert.Equal(extension, MediaUrls.Extension(contentType));
        Assert.Equal($"/media/anh-1{extension}", MediaUrls.Url("anh-1", contentType));
    }

    [Fact]
    public void Srcset_lists_the_smaller_variants_and_the_original()
    {
        Assert.Equal(
            "/media/anh-480.webp 480w, /media/anh-960.webp 960w, /media/anh.webp 1600w",
            MediaUrls.SrcSet("anh", "image/webp", "960, 480,,x", 1600));
        Assert.Equal("/media/anh-360.webp 360w, /media/anh-800.webp 800w", MediaUrls.WebpSrcSet("anh", "image/jpeg", "800,360"));
        Assert.Null(MediaUrls.WebpSrcSet("anh", "image/webp", "360,800"));
        Assert.Null(MediaUrls.WebpSrcSet("anh", "image/png", ""));
        Assert.Null(MediaUrls.SrcSet("anh", "image/jpeg", "", 1200));
        Assert.Null(MediaUrls.SrcSet("anh", "image/jpeg", "1200", 1200));
    }

    [Theory]
    [InlineData("/media/0f3a9c.jpg", "0f3a9c")]
    [InlineData("/media/0f3a9c-960.png", "0f3a9c")]
    [InlineData("/media/seed-binh-dang-gioi-360.webp", "seed-binh-dang-gioi")]
    [InlineData("https://example.com/media/0f3a9c.jpg", null)]
    [InlineData("/media/../etc/passwd", null)]
    [InlineData("/media/anh.svg", null)]
    public void The_stored_name_is_read_back_only_from_our_own_media_urls(string url, string? storedName) =>
        Assert.Equal(storedName, MediaUrls.StoredNameOf(url));

    [Fact]
    public void News_article_json_ld_is_valid_json_with_escaped_markup()
    {
        var article = new ArticleViewModel(
            5, "Tiêu đề </script><b>", "tieu-de", "Tóm tắt & mô tả", "<p>x</p>", "Hồ Thị Tuyết Nhung",
            new DateTime(2023, 9, 20, 1, 0, 0, DateTimeKind.Utc), new DateTime(2023, 9, 20, 1, 0, 0, DateTimeKind.Utc),
            "Hoạt động chuyên ngành", "hoat-dong-chuyen-nganh", null, null, false, []);

        var json = StructuredData.NewsArticle(article, "https://example.vn/tin-tuc/tieu-de-5", null, "Ban Dân tộc tỉnh Đồng Nai", "https://example.vn/images/logo.svg");

        Assert.DoesNotContain("<", json, StringComparison.Ordinal);
        Assert.DoesNotContain("&", json, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("Tiêu đề </script><b>", document.RootElement.GetProperty("headline").GetString());
        Assert.Equal("2023-09-20T08:00:00+07:00", document.RootElement.GetProperty("datePublished").GetString());
        Assert.False(document.RootElement.TryGetProperty("image", out _));
    }

    [Fact]
    public void Body_images_load_lazily_and_the_rest_of_the_body_is_unchanged()
    {
        const string html = "<p>Mở đầu</p>\n<figure><img src=\"/media/a.jpg\" alt=\"Ảnh\" width=\"1200\" height=\"675\"><figcaption>Chú thích</figcaption></figure>";

        var result = ArticleBodies.ForReaders(html, new Dictionary<string, MediaFile>());

        Assert.Equal("<p>Mở đầu</p>\n<figure><img src=\"/media/a.jpg\" alt=\"Ảnh\" width=\"1200\" height=\"675\" loading=\"lazy\" decoding=\"async\"><figcaption>Chú thích</figcaption></figure>", result);
        Assert.Equal("<p>Không có ảnh</p>", ArticleBodies.ForReaders("<p>Không có ảnh</p>", new Dictionary<string, MediaFile>()));
    }
}
