using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static DongNai.EthnicPortal.Tests.Consultations.ConsultationTestSupport;

namespace DongNai.EthnicPortal.Tests.Consultations;

/// <summary>The public list, one draft's page, the home block and the feed.</summary>
public sealed class ConsultationPagesTests : IDisposable
{
    private readonly FakeTimeProvider time = new(Start);
    private readonly PortalFactory factory;

    public ConsultationPagesTests() => factory = NewFactory(time);

    public void Dispose() => factory.Dispose();

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    [Fact]
    public async Task A_fresh_install_shows_the_seeded_open_draft_plan_on_the_home_page_list_and_feed()
    {
        var client = factory.CreateBrowserClient();
        var home = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        var block = home.QuerySelector(".consultations-block");
        Assert.NotNull(block);
        Assert.Equal("Dự thảo đang lấy ý kiến", block.QuerySelector("h2")!.TextContent.Trim());
        var link = block.QuerySelector("li a")!;
        Assert.StartsWith("Dự thảo Kế hoạch thực hiện công tác dân tộc", link.TextContent, StringComparison.Ordinal);

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative)));
        Assert.Equal("Đang lấy ý kiến · Còn 61 ngày", page.QuerySelector(".consultation-stage")!.TextContent.Trim());
        Assert.NotNull(page.GetElementById("dieu-2"));
        Assert.Contains(page.QuerySelectorAll("#Form_Part option"), o => o.TextContent == "Điều 2. Nhiệm vụ trọng tâm");
        Assert.NotNull(page.QuerySelector("form.comment-form input[name=__RequestVerificationToken]"));
        Assert.Contains("(giờ Việt Nam)", page.QuerySelector(".consultation-facts")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lấy ý kiến dự thảo", home.QuerySelector(".footer-links")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_shows_open_drafts_first_then_upcoming_then_closed_twenty_a_page()
    {
        await factory.WithDbAsync(async db =>
        {
            db.Consultations.RemoveRange(db.Consultations);
            await db.SaveChangesAsync();
        });
        await CreateAsync(factory, Now.AddDays(-30), Now.AddDays(-2), "Dự thảo đã đóng");
        await CreateAsync(factory, Now.AddDays(3), Now.AddDays(30), "Dự thảo sắp mở");
        await CreateAsync(factory, Now.AddDays(-3), Now.AddDays(2), "Dự thảo sắp hết hạn");
        await CreateAsync(factory, Now.AddDays(-3), Now.AddDays(20), "Dự thảo còn lâu");
        for (var i = 0; i < 18; i++)
        {
            await CreateAsync(factory, Now.AddDays(-60 - i), Now.AddDays(-40 - i), $"Dự thảo cũ {i}");
        }

        var client = factory.CreateBrowserClient();
        var first = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/lay-y-kien", UriKind.Relative)));
        var titles = first.QuerySelectorAll(".consultation-item-title a").Select(a => a.TextContent).ToList();
        Assert.Equal(20, titles.Count);
        Assert.Equal(["Dự thảo sắp hết hạn", "Dự thảo còn lâu", "Dự thảo sắp mở", "Dự thảo đã đóng"], titles.Take(4));
        Assert.Equal("Đang lấy ý kiến · Còn 2 ngày", first.QuerySelector(".consultation-stage")!.TextContent);
        var second = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri("/lay-y-kien?trang=2", UriKind.Relative)));
        Assert.Equal(2, second.QuerySelectorAll(".consultation-item").Length);

        // A draft that closes while cached lists still show it drops out of the home block by the clock alone.
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("Dự thảo sắp hết hạn", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_block_is_absent_when_no_draft_is_open()
    {
        await factory.WithDbAsync(async db =>
        {
            foreach (var consultation in await db.Consultations.ToListAsync())
            {
                consultation.ClosesAt = Now.AddDays(-1);
            }

            await db.SaveChangesAsync();
        });
        await factory.AnnounceAsync(0);
        var home = new HtmlParser().ParseDocument(await factory.CreateBrowserClient().GetStringAsync(new Uri("/", UriKind.Relative)));
        Assert.Null(home.QuerySelector(".consultations-block"));
    }

    [Fact]
    public async Task The_feed_route_does_not_reach_the_category_feed_and_category_feeds_still_work()
    {
        var client = factory.CreateBrowserClient();
        var feed = XDocument.Parse(await client.GetStringAsync(new Uri("/rss/lay-y-kien", UriKind.Relative)));
        Assert.Equal("Lấy ý kiến dự thảo – Ban Dân tộc tỉnh Đồng Nai", feed.Root!.Element("channel")!.Element("title")!.Value);
        Assert.Contains(feed.Descendants("item"), i => i.Element("title")!.Value.StartsWith("Dự thảo Kế hoạch", StringComparison.Ordinal));
        var slug = await factory.WithDbAsync(db => db.Categories.Select(c => c.Slug).FirstAsync());
        var category = await client.GetAsync(new Uri($"/rss/{slug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, category.StatusCode);
        Assert.DoesNotContain("Lấy ý kiến dự thảo", await category.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_concluded_draft_shows_its_outcome_report_and_resulting_document_and_takes_no_comment()
    {
        var (id, url) = await CreateAsync(factory, Now.AddDays(-30), Now.AddDays(-2), "Dự thảo đã có kết quả");
        var document = await factory.WithDbAsync(db => db.OfficialDocuments.Select(d => new { d.Id, d.Slug, d.NumberAndSymbol }).FirstAsync());
        await factory.WithDbAsync(async db =>
        {
            var consultation = await db.Consultations.SingleAsync(c => c.Id == id);
            consultation.ConcludedAt = Now.AddDays(-1);
            consultation.OutcomeText = "Đã nhận 12 ý kiến, tiếp thu 9 ý kiến.";
            consultation.ResultDocumentId = document.Id;
            await db.SaveChangesAsync();
        });
        await factory.AnnounceAsync(id);

        var client = factory.CreateBrowserClient();
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(url, UriKind.Relative)));
        var outcome = page.QuerySelector(".consultation-outcome")!;
        Assert.Contains("tiếp thu 9 ý kiến", outcome.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/van-ban/{document.Id}/{document.Slug}", outcome.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("form.comment-form"));

        var wrongSlug = await client.GetAsync(new Uri($"/lay-y-kien/{id}/sai", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, wrongSlug.StatusCode);
        Assert.Equal(url, wrongSlug.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/lay-y-kien/999999/x", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_draft_file_uploaded_by_an_editor_is_checked_by_content_and_served_while_the_draft_is_published()
    {
        var (id, url) = await CreateAsync(factory, Now.AddDays(-1), Now.AddDays(10));
        var editor = await Admin.AdminClient.SignedInAsync(factory, Roles.Editor);
        var fake = await editor.PostFileAsync($"/quan-tri/lay-y-kien/{id}/sua", $"/quan-tri/lay-y-kien/{id}/tep", "du-thao.pdf", "<html>không phải PDF</html>"u8.ToArray(), new KeyValuePair<string, string>("kind", "Draft"));
        Assert.Equal(HttpStatusCode.Redirect, fake.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ConsultationFiles.CountAsync()));

        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFileAsync($"/quan-tri/lay-y-kien/{id}/sua", $"/quan-tri/lay-y-kien/{id}/tep", "Dự thảo kế hoạch.pdf", pdf, new KeyValuePair<string, string>("kind", "Draft"))).StatusCode);
        var client = factory.CreateBrowserClient();
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(url, UriKind.Relative)));
        var link = page.QuerySelector(".attachment-list a")!;
        Assert.Equal("Dự thảo kế hoạch.pdf", link.TextContent);
        var file = await client.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/pdf", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await file.Content.ReadAsByteArrayAsync());

        await factory.WithDbAsync(async db =>
        {
            (await db.Consultations.SingleAsync(c => c.Id == id)).IsPublished = false;
            await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(link.GetAttribute("href")!, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode);
    }
}
