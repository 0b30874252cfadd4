using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Tests.Admin;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Security;

/// <summary>
/// Stored and reflected cross-site scripting: every payload of <see cref="XssPayloads"/> goes
/// through query strings and every admin text input (articles, polls, web links, settings, documents),
/// and the HTML that shows it must hold no executable markup.
/// </summary>
public sealed class XssTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    public static TheoryData<string> Payloads => XssPayloads.Theory();

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Query_strings_reflect_no_executable_markup(string payload)
    {
        var client = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var encoded = Uri.EscapeDataString(payload);
        foreach (var url in new[] { $"/tim-kiem?q={encoded}", $"/van-ban?q={encoded}", $"/van-ban?trang={encoded}", $"/tim-kiem?q=d%C3%A2n&trang={encoded}", $"/chuyen-muc/khong-co?trang={encoded}" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"{url} → {(int)response.StatusCode}");
            ExecutableMarkup.AssertNone(await response.Content.ReadAsStringAsync(), url);
        }
    }

    [Fact]
    public async Task Article_title_summary_caption_and_body_store_no_executable_markup()
    {
        await using var factory = new PortalFactory();
        var admin = await factory.AdministratorAsync();
        var categoryId = await factory.FirstCategoryIdAsync();
        var imageId = await factory.WithDbAsync(db => db.MediaFiles.OrderBy(m => m.Id).Select(m => m.Id).FirstAsync());
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        await PushCorpusAsync(
            (_, payload) => admin.PostFormAsync("/quan-tri/bai-viet/tao", "/quan-tri/bai-viet/tao", [
                new("Title", OrDefault(payload, 280, "Tiêu đề")),
                new("Summary", payload),
                new("CategoryId", categoryId.ToString(CultureInfo.InvariantCulture)),
                new("AuthorByline", Cut(payload, 200)),
                new("CoverImageId", imageId.ToString(CultureInfo.InvariantCulture)),
                new("CoverImageCaption", payload),
                new("BodyHtml", $"<p>Mở đầu</p>{payload}<p>Kết thúc</p>"),
            ]),
            async (_, _, created) =>
            {
                var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^2], CultureInfo.InvariantCulture);
                var published = await admin.ArticleActionAsync(id, "xuat-ban", ("force", "true"));
                Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
                var article = await factory.ArticleAsync(id);
                return [new(client, $"/tin-tuc/{article.Slug}-{id}", article.Title), new(client, "/", null), new(admin, $"/quan-tri/bai-viet/{id}/sua", null)];
            });
    }

    [Fact]
    public async Task Poll_question_and_options_store_no_executable_markup()
    {
        await using var factory = new PortalFactory();
        var editor = await factory.SignedInAsync(Roles.Editor);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        // Each new poll opens a minute after the previous one, so the newest is the one the home sidebar shows.
        var firstOpening = VietnamTime.ToLocal(DateTime.UtcNow).AddDays(-2);

        await PushCorpusAsync(
            (i, payload) => editor.PostFormAsync("/quan-tri/tham-do-y-kien/tao-moi", "/quan-tri/tham-do-y-kien/tao-moi", [
                new("Question", OrDefault(payload, 500, "Câu hỏi")),
                new("OpensAt", firstOpening.AddMinutes(i).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)),
                new("IsVisible", "true"),
                new("Options[0].Text", OrDefault(payload, 300, "Đồng ý")),
                new("Options[1].Text", "Phương án khác"),
            ]),
            async (_, _, _) =>
            {
                var poll = await factory.WithDbAsync(db => db.Polls.AsNoTracking().OrderByDescending(p => p.Id).Select(p => new { p.Id, p.Question }).FirstAsync());
                return [new(client, "/", poll.Question), new(client, $"/tham-do-y-kien/{poll.Id}", poll.Question), new(editor, $"/quan-tri/tham-do-y-kien/{poll.Id}/sua", null)];
            });
    }

    [Fact]
    public async Task Web_link_name_and_url_store_no_executable_markup()
    {
        await using var factory = new PortalFactory();
        var editor = await factory.SignedInAsync(Roles.Editor);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        await PushCorpusAsync(
            (i, payload) => editor.PostFormAsync("/quan-tri/lien-ket/tao", "/quan-tri/lien-ket/tao", [
                new("Name", OrDefault(payload, 200, "Liên kết")),
                // A legal http(s) URL may still carry quotes and angle brackets; the href must stay one attribute.
                new("Url", Cut($"https://lien-ket.example/{i}?q={payload}", 1000)),
                new("SortOrder", "0"),
                new("IsVisible", "true"),
            ]),
            async (_, _, _) =>
            {
                var link = await factory.WithDbAsync(db => db.WebLinks.AsNoTracking().OrderByDescending(l => l.Id).Select(l => new { l.Id, l.Name }).FirstAsync());
                return [new(client, "/", link.Name), new(editor, $"/quan-tri/lien-ket/{link.Id}/sua", null)];
            });
    }

    public static TheoryData<string> ScriptUrls => new()
    {
        "javascript:alert(1)",
        "JaVaScRiPt:alert(document.cookie)",
        "  javascript:alert(1)",
        "java\tscript:alert(1)",
        "javascript://lien-ket.example/%0Aalert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "vbscript:msgbox(1)",
        "//evil.example/",
        "file:///etc/passwd",
    };

    [Theory]
    [MemberData(nameof(ScriptUrls))]
    public async Task Web_link_with_a_script_or_non_http_url_is_refused_in_vietnamese(string url)
    {
        var editor = await fixture.Factory.SignedInAsync(Roles.Editor);
        var before = await fixture.Factory.WithDbAsync(db => db.WebLinks.CountAsync());

        var response = await editor.PostFormAsync("/quan-tri/lien-ket/tao", "/quan-tri/lien-ket/tao", [
            new("Name", "Cổng thông tin điện tử"),
            new("Url", url),
            new("SortOrder", "0"),
            new("IsVisible", "true"),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Địa chỉ phải là một URL đầy đủ bắt đầu bằng http:// hoặc https://.", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        ExecutableMarkup.AssertNone(html, $"web link refusal for {url}");
        Assert.Equal(before, await fixture.Factory.WithDbAsync(db => db.WebLinks.CountAsync()));
    }

    [Fact]
    public async Task Settings_fields_store_no_executable_markup()
    {
        await using var factory = new PortalFactory();
        var admin = await factory.AdministratorAsync();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        await PushCorpusAsync(
            async (_, payload) =>
            {
                var version = await factory.WithDbAsync(db => db.SiteSettings.Select(s => s.Version).SingleAsync());
                return await admin.PostFormAsync("/quan-tri/cau-hinh", "/quan-tri/cau-hinh", [
                    new("SiteName", OrDefault(payload, 200, "Ban Dân tộc")),
                    new("GoverningAgency", Cut(payload, 200)),
                    new("ResponsiblePerson", Cut(payload, 200)),
                    new("ResponsiblePersonTitle", Cut(payload, 200)),
                    new("Address", Cut(payload, 300)),
                    new("Phone", Cut(payload, 100)),
                    new("Email", "bandantoc@dongnai.gov.vn"),
                    new("CopyrightLine", Cut(payload, 300)),
                    new("MapUrl", Cut($"https://ban-do.example/?q={payload}", 1000)),
                    new("VisitCounterOffset", "0"),
                    new("Version", version.ToString()),
                ]);
            },
            async (_, _, _) =>
            {
                var copyright = await factory.WithDbAsync(db => db.SiteSettings.Select(s => s.CopyrightLine).SingleAsync());
                return [new(client, "/", copyright.Length > 0 ? copyright : null), new(client, "/lien-he", null), new(client, "/en/about", null), new(admin, "/quan-tri/cau-hinh", null)];
            });
    }

    [Fact]
    public async Task Settings_refuse_a_script_map_url()
    {
        await using var factory = new PortalFactory();
        var admin = await factory.AdministratorAsync();
        var before = await factory.WithDbAsync(db => db.SiteSettings.AsNoTracking().SingleAsync());

        var response = await admin.PostFormAsync("/quan-tri/cau-hinh", "/quan-tri/cau-hinh", [
            new("SiteName", before.SiteName),
            new("MapUrl", "javascript:alert(1)"),
            new("Version", before.Version.ToString()),
        ]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Địa chỉ bản đồ phải là một URL hợp lệ.", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before.MapUrl, await factory.WithDbAsync(db => db.SiteSettings.Select(s => s.MapUrl).SingleAsync()));
    }

    [Fact]
    public async Task Document_fields_and_issuing_body_store_no_executable_markup()
    {
        await using var factory = new PortalFactory();
        var editor = await factory.SignedInAsync(Roles.Editor);
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        var (typeId, issuerId) = await factory.WithDbAsync(async db => (
            await db.DocumentTypes.OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(),
            await db.IssuingBodies.OrderBy(b => b.Id).Select(b => b.Id).FirstAsync()));
        var issued = VietnamTime.ToLocal(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await PushCorpusAsync(
            async (i, payload) =>
            {
                // The issuing body is a lookup; renaming it carries the payload onto every page that names the issuer.
                await editor.PostFormAsync("/quan-tri/van-ban/danh-muc", $"/quan-tri/van-ban/danh-muc/co-quan/{issuerId}/doi-ten", [new("name", OrDefault(payload, 300, "Cơ quan") + $" {i}")]);
                return await editor.PostFormAsync("/quan-tri/van-ban/tao", "/quan-tri/van-ban/tao", [
                    new("DocumentTypeId", typeId.ToString(CultureInfo.InvariantCulture)),
                    new("NumberAndSymbol", Cut($"{i + 1}/{payload}", 100)),
                    new("IssuingBodyId", issuerId.ToString(CultureInfo.InvariantCulture)),
                    new("SignerName", OrDefault(payload, 200, "Người ký")),
                    new("SignerTitle", Cut(payload, 200)),
                    new("IssuedOn", issued),
                    new("ValidityNote", Cut(payload, 500)),
                    new("Abstract", OrDefault(payload, 2000, "Trích yếu")),
                    new("FullTextHtml", $"<p>Toàn văn</p>{payload}"),
                    new("IsPublished", "true"),
                ]);
            },
            async (_, _, created) =>
            {
                var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture);
                var document = await factory.WithDbAsync(db => db.OfficialDocuments.AsNoTracking().Where(d => d.Id == id).Select(d => new { d.Slug, d.Abstract, Issuer = d.IssuingBody.Name }).SingleAsync());
                return [new(client, "/van-ban", document.Abstract), new(client, $"/van-ban/{id}/{document.Slug}", document.Issuer), new(editor, $"/quan-tri/van-ban/{id}/sua", null)];
            });
    }

    /// <summary>
    /// Posts every payload of the corpus through a form and renders the pages that show what was saved. A refusal is
    /// fine but must not echo the payload as markup either; a page may be asked to show a stored value, so the check
    /// is known to look at the right place. At least half of the payloads must be accepted and rendered.
    /// </summary>
    private static async Task PushCorpusAsync(Func<int, string, Task<HttpResponseMessage>> save, Func<int, string, HttpResponseMessage, Task<RenderedPage[]>> pagesShowing)
    {
        var rendered = 0;
        for (var i = 0; i < XssPayloads.All.Count; i++)
        {
            var payload = XssPayloads.All[i];
            var saved = await save(i, payload);
            if (saved.StatusCode != HttpStatusCode.Redirect)
            {
                ExecutableMarkup.AssertNone(await saved.Content.ReadAsStringAsync(), $"form refusal for {payload}");
                continue;
            }

            foreach (var page in await pagesShowing(i, payload, saved))
            {
                var response = await page.Client.GetAsync(new Uri(page.Url, UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var html = await response.Content.ReadAsStringAsync();
                ExecutableMarkup.AssertNone(html, $"{page.Url} with {payload}");
                if (page.Shows is { } text)
                {
                    var shown = new HtmlParser().ParseDocument(html).Body!.TextContent;
                    Assert.True(Collapse(shown).Contains(Collapse(text), StringComparison.Ordinal), $"{page.Url} does not show “{text}”");
                }
            }

            rendered++;
        }

        Assert.True(rendered >= XssPayloads.All.Count / 2, $"Only {rendered} payloads were accepted and rendered");
    }

    private static string Cut(string value, int length) => value[..Math.Min(value.Length, length)];

    private static string OrDefault(string payload, int length, string fallback) => payload.Trim().Length > 0 ? Cut(payload, length) : fallback;

    private static string Collapse(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed record RenderedPage(HttpClient Client, string Url, string? Shows);
}
