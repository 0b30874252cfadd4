using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DongNai.EthnicPortal.Tests.Admin;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Security;

/// <summary>
/// Stored and reflected cross-site scripting: every payload of <see cref="XssPayloads"/> goes
/// through query strings and the article form, and the public HTML that shows it must hold no
/// executable markup.
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
            AssertNoExecutableMarkup(await response.Content.ReadAsStringAsync(), url);
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
        var checkedPages = 0;
        foreach (var payload in XssPayloads.All)
        {
            var title = payload.Trim().Length > 0 ? payload[..Math.Min(payload.Length, 280)] : "Tiêu đề";
            var created = await admin.PostFormAsync("/quan-tri/articles/create", "/quan-tri/articles/create", [
                new("Title", title),
                new("Summary", payload),
                new("CategoryId", categoryId.ToString(CultureInfo.InvariantCulture)),
                new("AuthorByline", payload[..Math.Min(payload.Length, 200)]),
                new("CoverImageId", imageId.ToString(CultureInfo.InvariantCulture)),
                new("CoverImageCaption", payload),
                new("BodyHtml", $"<p>Mở đầu</p>{payload}<p>Kết thúc</p>"),
            ]);
            if (created.StatusCode != HttpStatusCode.Redirect)
            {
                // A refusal is fine; it must not echo the payload as markup either.
                AssertNoExecutableMarkup(await created.Content.ReadAsStringAsync(), $"form refusal for {payload}");
                continue;
            }

            var id = int.Parse(created.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
            var published = await admin.ArticleActionAsync(id, "publish", ("force", "true"));
            Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
            var slug = (await factory.ArticleAsync(id)).Slug;
            foreach (var url in new[] { $"/tin-tuc/{slug}-{id}", "/", $"/quan-tri/articles/edit/{id}" })
            {
                var page = url.StartsWith("/quan-tri", StringComparison.Ordinal) ? admin : client;
                var response = await page.GetAsync(new Uri(url, UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                AssertNoExecutableMarkup(await response.Content.ReadAsStringAsync(), $"{url} with {payload}");
            }

            checkedPages++;
        }

        Assert.True(checkedPages >= XssPayloads.All.Count / 2, $"Only {checkedPages} payloads were accepted and rendered");
    }

    /// <summary>Parses the page as a browser would and fails on anything that could run script.</summary>
    private static void AssertNoExecutableMarkup(string html, string where)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var script in document.QuerySelectorAll("script"))
        {
            var src = script.GetAttribute("src");
            var type = script.GetAttribute("type");
            if (type == "application/ld+json")
            {
                using var json = JsonDocument.Parse(script.TextContent);
                continue;
            }

            Assert.True(src is not null && (src.StartsWith("/js/", StringComparison.Ordinal) || src.StartsWith("/lib/", StringComparison.Ordinal)) && script.TextContent.Trim().Length == 0, $"Foreign script in {where}: {script.OuterHtml}");
        }

        foreach (var tag in new[] { "iframe", "object", "embed", "base", "frame", "frameset", "applet" })
        {
            Assert.True(document.QuerySelector(tag) is null, $"<{tag}> in {where}");
        }

        Assert.True(document.QuerySelector("meta[http-equiv]") is null, $"meta http-equiv in {where}");
        foreach (var svg in document.QuerySelectorAll("svg"))
        {
            Assert.True(svg.QuerySelector("script") is null, $"svg script in {where}");
        }

        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} on <{element.LocalName}> in {where}");
                Assert.False(attribute.Name.Equals("style", StringComparison.OrdinalIgnoreCase), $"style attribute on <{element.LocalName}> in {where}");
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href" or "data" or "background" or "poster")
                {
                    Assert.False(IsScriptUrl(attribute.Value), $"{attribute.Name}=\"{attribute.Value}\" on <{element.LocalName}> in {where}");
                }
            }
        }
    }

    private static bool IsScriptUrl(string value)
    {
        // Browsers ignore control characters and whitespace inside the scheme.
        var scheme = new string([.. value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant();
        return scheme.StartsWith("javascript:", StringComparison.Ordinal) || scheme.StartsWith("vbscript:", StringComparison.Ordinal) || scheme.StartsWith("data:text/html", StringComparison.Ordinal);
    }
}
