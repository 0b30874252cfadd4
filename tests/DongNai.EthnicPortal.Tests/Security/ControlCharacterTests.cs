using System.Net;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Admin;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Security;

/// <summary>
/// NUL and the other C0 control characters in any bound text: stripped (tab, newline and CRLF kept)
/// and NFC-normalised before validation, so a save never answers 500 on any provider.
/// </summary>
public sealed class ControlCharacterTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string Controls = "\u0000\u0001\u0007\u0008\u000B\u000C\u001B\u001F";

    [Theory]
    [InlineData("Bình\u0000 đẳng", "Bình đẳng")]
    [InlineData("a\tb\nc\r\nd", "a\tb\nc\r\nd")]
    [InlineData("a\rb", "ab")]
    [InlineData("\u0000\u001F", "")]
    // Decomposed "ệ" (e + dot below + circumflex) becomes the one precomposed character.
    [InlineData("Vi\u0065\u0323\u0302t", "Việt")]
    public void Bound_text_is_cleaned_and_composed(string input, string expected) =>
        Assert.Equal(expected, BoundText.Clean(input));

    [Fact]
    public async Task Article_with_control_characters_in_every_field_saves_clean()
    {
        var author = await fixture.Factory.SignedInAsync(Roles.Author);
        var id = await author.CreateArticleAsync(fixture.Factory, $"Tiêu đề{Controls} có ký tự lạ", $"<p>Nội dung{Controls} thử nghiệm</p>");

        var article = await fixture.Factory.ArticleAsync(id);
        Assert.Equal("Tiêu đề có ký tự lạ", article.Title);
        Assert.Equal("<p>Nội dung thử nghiệm</p>", article.BodyHtml);
        Assert.DoesNotContain('\0', article.RenderedBodyHtml);
    }

    [Fact]
    public async Task Page_content_with_a_nul_saves_instead_of_failing()
    {
        var editor = await fixture.Factory.SignedInAsync(Roles.Editor);
        var page = await fixture.Factory.WithDbAsync(db => db.Pages.AsNoTracking().FirstAsync(p => p.Slug == Page.ContactSlug));
        var response = await editor.PostFormAsync($"/quan-tri/trang/{page.Id}/sua", $"/quan-tri/trang/{page.Id}/sua", [
            new("Title", "Liên\u0000 hệ"),
            new("Language", "vi"),
            new("SortOrder", "5"),
            new("ShowInMenu", "true"),
            new("IsPublished", "true"),
            new("BodyHtml", "<p>Số 4/22/10A,\u0000 đường Nguyễn Du</p>"),
            new("Version", page.Version.ToString()),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await fixture.Factory.WithDbAsync(db => db.Pages.AsNoTracking().FirstAsync(p => p.Id == page.Id));
        Assert.Equal("Liên hệ", saved.Title);
        Assert.Equal("<p>Số 4/22/10A, đường Nguyễn Du</p>", saved.BodyHtml);
    }

    [Theory]
    [InlineData("/tim-kiem?q=b%C3%ACnh%00%01")]
    [InlineData("/van-ban?q=%00&trang=%00")]
    [InlineData("/chuyen-muc/tin-tuc?trang=1%00")]
    public async Task Query_strings_with_control_characters_never_fail(string url)
    {
        var client = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True((int)response.StatusCode < 500, $"{url} → {(int)response.StatusCode}");
    }

    [Fact]
    public async Task A_form_the_server_cannot_read_gets_the_400_page_not_a_500()
    {
        var editor = await fixture.Factory.SignedInAsync(Roles.Editor);
        var fields = Enumerable.Range(0, 1100).Select(i => new KeyValuePair<string, string>($"f{i}", "x"));
        var response = await editor.PostFormAsync("/quan-tri/trang/tao", "/quan-tri/trang/tao", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("vi", HtmlPages.Parse(await response.Content.ReadAsStringAsync()).DocumentElement.GetAttribute("lang"));
    }
}
