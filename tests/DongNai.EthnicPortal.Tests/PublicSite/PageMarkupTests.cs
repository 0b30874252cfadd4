using System.Net;
using DongNai.EthnicPortal.Tests.Documents;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.PublicSite;

/// <summary>Markup defects found from outside (issue 19): descriptions, icons, heading order, field errors.</summary>
public sealed class PageMarkupTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("/van-ban")]
    [InlineData("/gioi-thieu")]
    [InlineData("/lien-he")]
    [InlineData("/en/about")]
    [InlineData("/tham-do-y-kien")]
    public async Task Every_named_public_page_has_a_meta_description(string url)
    {
        var page = await fixture.Factory.CreateBrowserClient().GetDocumentAsync(url);

        var descriptions = page.QuerySelectorAll("meta[name=description]");
        Assert.Single(descriptions);
        Assert.True(descriptions[0].GetAttribute("content")!.Length >= 40, url);
    }

    [Fact]
    public async Task A_poll_result_page_has_a_meta_description_naming_the_poll()
    {
        var poll = await fixture.Factory.WithDbAsync(db => db.Polls.AsNoTracking().Select(p => new { p.Id, p.Question }).FirstAsync());

        var page = await fixture.Factory.CreateBrowserClient().GetDocumentAsync($"/tham-do-y-kien/{poll.Id}");

        Assert.Contains(poll.Question, page.QuerySelector("meta[name=description]")!.GetAttribute("content"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_document_print_view_and_the_sign_in_page_declare_an_icon()
    {
        var client = fixture.Factory.CreateBrowserClient();
        var document = await fixture.Factory.FindDocumentAsync("9478/UBND-KGVX");

        foreach (var url in new[] { $"/van-ban/{document.Id}/{document.Slug}/ban-in", "/quan-tri/dang-nhap" })
        {
            var page = await client.GetDocumentAsync(url);
            Assert.NotNull(page.QuerySelector("link[rel=icon][href]"));
        }
    }

    [Fact]
    public async Task Category_card_titles_sit_under_an_h2_not_straight_under_the_h1()
    {
        var page = await fixture.Factory.CreateBrowserClient().GetDocumentAsync("/chuyen-muc/hoat-dong-chuyen-nganh");

        var levels = page.QuerySelectorAll("main h1, main h2, main h3, main h4").Select(h => int.Parse(h.TagName[1..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(3, levels);
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"heading h{levels[i]} follows h{levels[i - 1]}");
        }
    }

    [Fact]
    public async Task Sign_in_field_errors_are_tied_to_their_fields()
    {
        var client = fixture.Factory.CreateBrowserClient();

        var response = await client.PostFormAsync("/quan-tri/dang-nhap", "/quan-tri/dang-nhap", [new("Email", ""), new("Password", "")]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        foreach (var field in new[] { "Email", "Password" })
        {
            var input = page.QuerySelector($"input[name={field}]")!;
            Assert.Equal("true", input.GetAttribute("aria-invalid"));
            var message = page.GetElementById(input.GetAttribute("aria-describedby")!);
            Assert.NotNull(message);
            Assert.False(string.IsNullOrWhiteSpace(message.TextContent), field);
        }
    }

    [Fact]
    public async Task Hidden_elements_stay_hidden_whatever_their_display()
    {
        // "In bài viết" is a button with display inline-block and the hidden attribute until a script shows it.
        var css = await fixture.Factory.CreateBrowserClient().GetStringAsync(new Uri("/css/site.css", UriKind.Relative));
        Assert.Contains("[hidden] { display: none !important; }", css, StringComparison.Ordinal);
    }
}
