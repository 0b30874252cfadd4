using System.Net;
using System.Text.RegularExpressions;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Media;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Admin;

public sealed class ArticleListAndMediaUsageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Authors_see_only_their_own_articles_and_editors_can_filter_by_status_and_title()
    {
        var author = await fixture.Factory.SignedInAsync(Roles.Author);
        var editor = await fixture.Factory.SignedInAsync(Roles.Editor);
        var mine = await author.CreateArticleAsync(fixture.Factory, "Bài riêng để lọc danh sách");
        await editor.CreateArticleAsync(fixture.Factory, "Bài của biên tập viên để lọc");
        await author.ArticleActionAsync(mine, "gui-duyet");

        var authorList = await author.GetStringAsync(new Uri("/quan-tri/bai-viet", UriKind.Relative));
        Assert.Contains("Bài riêng để lọc danh sách", authorList, StringComparison.Ordinal);
        Assert.DoesNotContain("Bài của biên tập viên để lọc", authorList, StringComparison.Ordinal);

        var submitted = await editor.GetStringAsync(new Uri("/quan-tri/bai-viet?status=Submitted&q=để lọc", UriKind.Relative));
        Assert.Contains("Bài riêng để lọc danh sách", submitted, StringComparison.Ordinal);
        Assert.DoesNotContain("Bài của biên tập viên để lọc", submitted, StringComparison.Ordinal);
    }

    /// <summary>The list's totals are kept between requests (<c>ArticleListCounts</c>); every article change must reach them.</summary>
    [Fact]
    public async Task The_list_totals_follow_each_new_article_and_status_change()
    {
        var author = await fixture.Factory.SignedInAsync(Roles.Author);
        var editor = await fixture.Factory.SignedInAsync(Roles.Editor);
        Assert.Equal(0, await TotalAsync(author, "/quan-tri/bai-viet"));
        var submittedBefore = await TotalAsync(editor, "/quan-tri/bai-viet?status=Submitted");

        var first = await author.CreateArticleAsync(fixture.Factory, "Bài đếm tổng số thứ nhất");
        Assert.Equal(1, await TotalAsync(author, "/quan-tri/bai-viet"));
        await author.CreateArticleAsync(fixture.Factory, "Bài đếm tổng số thứ hai");
        Assert.Equal(2, await TotalAsync(author, "/quan-tri/bai-viet"));
        Assert.Equal(0, await TotalAsync(author, "/quan-tri/bai-viet?status=Submitted"));

        await author.ArticleActionAsync(first, "gui-duyet");
        Assert.Equal(1, await TotalAsync(author, "/quan-tri/bai-viet?status=Submitted"));
        Assert.Equal(submittedBefore + 1, await TotalAsync(editor, "/quan-tri/bai-viet?status=Submitted"));
    }

    /// <summary>The menu, the rows and the pager write their links out instead of routing them; each must still lead to its page.</summary>
    [Fact]
    public async Task The_links_of_the_list_lead_to_the_menu_pages_the_articles_and_the_next_page_with_the_same_filter()
    {
        var author = await fixture.Factory.SignedInAsync(Roles.Author);
        var admin = await fixture.Factory.SignedInAsync(Roles.Administrator);
        for (var i = 1; i <= 21; i++)
        {
            await author.CreateArticleAsync(fixture.Factory, $"Bài theo dõi liên kết số {i}");
        }

        var list = await admin.GetStringAsync(new Uri("/quan-tri/bai-viet?status=Draft&q=liên kết số", UriKind.Relative));
        var menu = Regex.Match(list, "<nav[^>]*>.*?</nav>", RegexOptions.Singleline).Value;
        var menuLinks = Regex.Matches(menu, "href=\"(/quan-tri/[^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("/quan-tri/bai-viet", menuLinks);
        Assert.Contains("/quan-tri/nhat-ky", menuLinks);
        foreach (var link in menuLinks)
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
        }

        var edit = Regex.Match(list, "href=\"(/quan-tri/bai-viet/\\d+/sua)\">Bài theo dõi liên kết số 21<").Groups[1].Value;
        Assert.Contains("Bài theo dõi liên kết số 21", await admin.GetStringAsync(new Uri(edit, UriKind.Relative)), StringComparison.Ordinal);

        var next = WebUtility.HtmlDecode(Regex.Match(list, "href=\"([^\"]*)\" rel=\"next\"").Groups[1].Value);
        Assert.Equal("/quan-tri/bai-viet?status=Draft&q=li%C3%AAn%20k%E1%BA%BFt%20s%E1%BB%91&page=2", next);
        var second = await admin.GetStringAsync(new Uri(next, UriKind.Relative));
        Assert.Contains("Bài theo dõi liên kết số 1<", second, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(second, "Bài theo dõi liên kết số"));
    }

    private static async Task<int> TotalAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        var match = Regex.Match(html, @"<p>([\d.]+) bài viết\.</p>");
        Assert.True(match.Success, "No total on " + url);
        return int.Parse(match.Groups[1].Value.Replace(".", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Media_details_list_the_articles_that_use_the_image_and_it_cannot_be_deleted_while_used()
    {
        var editor = await fixture.Factory.SignedInAsync(Roles.Editor);
        var media = await fixture.Factory.WithDbAsync(db => db.MediaFiles.AsNoTracking().FirstAsync());
        var id = await editor.CreateArticleAsync(fixture.Factory, "Bài dùng ảnh trong nội dung", $"<figure><img src=\"{MediaUrls.Url(media)}\" alt=\"ảnh\"><figcaption>Chú thích</figcaption></figure>");

        var details = await editor.GetStringAsync(new Uri($"/quan-tri/thu-vien-anh/{media.Id}", UriKind.Relative));
        Assert.Contains("Bài dùng ảnh trong nội dung", details, StringComparison.Ordinal);
        Assert.Contains($"/quan-tri/bai-viet/{id}/sua", details, StringComparison.Ordinal);

        await editor.PostFormAsync($"/quan-tri/thu-vien-anh/{media.Id}", $"/quan-tri/thu-vien-anh/{media.Id}/xoa", []);
        Assert.True(await fixture.Factory.WithDbAsync(db => db.MediaFiles.AnyAsync(m => m.Id == media.Id)));

        var author = await fixture.Factory.SignedInAsync(Roles.Author);
        var forbidden = await author.PostFormAsync($"/quan-tri/thu-vien-anh/{media.Id}", $"/quan-tri/thu-vien-anh/{media.Id}/xoa", []);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, "image/gif")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50 }, "image/webp")]
    [InlineData(new byte[] { 0x3C, 0x73, 0x76, 0x67 }, null)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46 }, null)]
    public void Image_type_is_told_by_its_first_bytes(byte[] header, string? expected) =>
        Assert.Equal(expected, ImageStore.Sniff(header));

    [Theory]
    [InlineData("../anh.jpg")]
    [InlineData("..\\anh.jpg")]
    [InlineData("thu-muc/anh.jpg")]
    [InlineData("C:anh.jpg")]
    [InlineData("")]
    public void File_names_with_path_parts_are_refused(string name) =>
        Assert.NotNull(ImageStore.CheckFileName(name));
}
