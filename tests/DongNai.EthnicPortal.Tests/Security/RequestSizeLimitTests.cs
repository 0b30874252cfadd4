using System.Net;
using System.Text;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Admin;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Security;

/// <summary>
/// Body limits fitted to each endpoint: 1 MB for plain forms, 5 MB for the rich-text forms; the upload limits
/// are covered in <see cref="MediaUploadTests"/> and the document admin tests.
/// </summary>
public sealed class RequestSizeLimitTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const int OneMegabyte = 1024 * 1024;

    [Fact]
    public async Task An_oversized_settings_form_gets_the_vietnamese_413_page_and_changes_nothing()
    {
        var admin = await fixture.Factory.AdministratorAsync();
        var before = await fixture.Factory.WithDbAsync(db => db.SiteSettings.AsNoTracking().SingleAsync());

        var response = await admin.PostFormAsync("/quan-tri/cau-hinh", "/quan-tri/cau-hinh", [
            new("SiteName", "BAN DÂN TỘC TỈNH ĐỒNG NAI"),
            new("CopyrightLine", new string('a', OneMegabyte + 1)),
            new("Version", before.Version.ToString()),
        ]);

        await AssertTooLargeAsync(response, "1 MB");
        var after = await fixture.Factory.WithDbAsync(db => db.SiteSettings.AsNoTracking().SingleAsync());
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.CopyrightLine, after.CopyrightLine);
    }

    [Fact]
    public async Task An_oversized_chunked_sign_in_form_gets_413_rather_than_400_or_500()
    {
        var client = fixture.Factory.CreateBrowserClient();
        var token = await client.GetAntiforgeryTokenAsync("/quan-tri/dang-nhap");
        var body = $"Email=admin%40test.local&Password=x&__RequestVerificationToken={Uri.EscapeDataString(token)}&dem={new string('a', OneMegabyte)}";
        using var content = new StreamContent(new MemoryStream(Encoding.ASCII.GetBytes(body)));
        content.Headers.ContentType = new("application/x-www-form-urlencoded");
        // No Content-Length: the body is sent chunked and can only be counted as it arrives.
        content.Headers.ContentLength = null;

        var response = await client.PostAsync(new Uri("/quan-tri/dang-nhap", UriKind.Relative), content);

        await AssertTooLargeAsync(response, "1 MB");
    }

    [Fact]
    public async Task A_rich_text_form_takes_a_body_above_the_plain_form_limit_but_not_above_its_own()
    {
        var author = await fixture.Factory.SignedInAsync(Roles.Author);
        var paragraph = "<p>Đồng bào các dân tộc thiểu số tỉnh Đồng Nai đón Tết cổ truyền.</p>";
        var longBody = string.Concat(Enumerable.Repeat(paragraph, 480_000 / paragraph.Length));
        Assert.True(Encoding.ASCII.GetByteCount(Uri.EscapeDataString(longBody)) > OneMegabyte);

        var id = await author.CreateArticleAsync(fixture.Factory, "Bài viết dài", longBody);
        Assert.Equal(longBody.Length, (await fixture.Factory.ArticleAsync(id)).BodyHtml.Length);

        var countBefore = await fixture.Factory.WithDbAsync(db => db.Articles.CountAsync());
        var response = await author.PostFormAsync("/quan-tri/bai-viet/tao", "/quan-tri/bai-viet/tao", [
            new("Title", "Bài viết quá dài"),
            new("CategoryId", (await fixture.Factory.FirstCategoryIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("BodyHtml", string.Concat(Enumerable.Repeat(paragraph, (6 * OneMegabyte) / paragraph.Length))),
        ]);
        await AssertTooLargeAsync(response, "5 MB");
        Assert.Equal(countBefore, await fixture.Factory.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task The_plain_form_limit_comes_from_configuration()
    {
        await using var factory = new PortalFactory();
        factory.Settings["Portal:RequestLimits:FormBytes"] = "4096";
        var client = factory.CreateBrowserClient();

        var small = await client.PostFormAsync("/quan-tri/dang-nhap", "/quan-tri/dang-nhap", [new("Email", "ai@test.local"), new("Password", new string('x', 2000))]);
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);

        var large = await client.PostFormAsync("/quan-tri/dang-nhap", "/quan-tri/dang-nhap", [new("Email", "ai@test.local"), new("Password", new string('x', 5000))]);
        await AssertTooLargeAsync(large, "4 KB");
    }

    private static async Task AssertTooLargeAsync(HttpResponseMessage response, string limit)
    {
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("Dữ liệu gửi lên quá lớn", html, StringComparison.Ordinal);
        Assert.Contains($"(tối đa {limit})", html, StringComparison.Ordinal);
        Assert.Contains("Không có gì được lưu.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }
}
