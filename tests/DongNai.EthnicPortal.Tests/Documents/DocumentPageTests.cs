using System.Net;
using System.Net.Http.Headers;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Documents;

public sealed class DocumentPageTests(DocumentsFixture fixture) : IClassFixture<DocumentsFixture>
{
    private HttpClient Client => fixture.Factory.CreateBrowserClient();

    private async Task<string> UrlAsync(string symbol)
    {
        var (id, slug) = await fixture.Factory.FindDocumentAsync(symbol);
        return PortalUrls.Document(id, slug);
    }

    [Fact]
    public async Task Shows_every_field_of_the_Cong_van()
    {
        var url = await UrlAsync("9478/UBND-KGVX");
        var page = await Client.GetDocumentAsync(url);

        Assert.Equal("Công văn số 9478/UBND-KGVX", page.QuerySelector("h1")!.TextContent);
        var fields = DocumentsTestSupport.Fields(page);
        Assert.Equal(
            ["Số ký hiệu", "Loại văn bản", "Cơ quan ban hành", "Người ký", "Ngày ban hành", "Ngày hiệu lực", "Ngày hết hiệu lực", "Tình trạng hiệu lực", "Lĩnh vực", "Trích yếu"],
            fields.Keys);
        Assert.Equal("9478/UBND-KGVX", fields["Số ký hiệu"]);
        Assert.Equal("Công văn", fields["Loại văn bản"]);
        Assert.Equal("UBND tỉnh Đồng Nai", fields["Cơ quan ban hành"]);
        Assert.Equal("Nguyễn Sơn Hùng (Phó Chủ tịch UBND tỉnh)", fields["Người ký"]);
        Assert.Equal("14/09/2023", fields["Ngày ban hành"]);
        Assert.Equal("14/09/2023", fields["Ngày hiệu lực"]);
        Assert.Equal("Không quy định", fields["Ngày hết hiệu lực"]);
        Assert.Equal("Còn hiệu lực", fields["Tình trạng hiệu lực"]);
        Assert.Equal("Bình đẳng giới", fields["Lĩnh vực"]);
        Assert.StartsWith("Về việc triển khai thực hiện công tác bình đẳng giới", fields["Trích yếu"], StringComparison.Ordinal);
        Assert.Equal("https://localhost" + url, page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_full_text_links_the_plans_it_cites()
    {
        var page = await Client.GetDocumentAsync(await UrlAsync("9478/UBND-KGVX"));

        var links = page.QuerySelectorAll(".document-full-text a").Select(a => (a.GetAttribute("href"), a.TextContent)).ToList();
        Assert.Contains((await UrlAsync("13346/KH-UBND"), "Kế hoạch số 13346/KH-UBND ngày 29/10/2021"), links);
        Assert.Contains((await UrlAsync("86/KH-UBND"), "Kế hoạch số 86/KH-UBND ngày 18/4/2022"), links);
    }

    [Fact]
    public async Task Lists_the_attachment_with_a_readable_size()
    {
        var page = await Client.GetDocumentAsync(await UrlAsync("9478/UBND-KGVX"));

        var item = page.QuerySelector(".attachment-list li")!;
        Assert.Equal("Công văn 9478-UBND-KGVX bình đẳng giới.pdf", item.QuerySelector("a")!.TextContent);
        Assert.Matches(@"^/van-ban/tep/\d+$", item.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("(PDF, 39,2 KB)", item.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shows_related_documents_from_both_sides()
    {
        var congVan = await Client.GetDocumentAsync(await UrlAsync("9478/UBND-KGVX"));
        var related = congVan.QuerySelectorAll(".related-documents li").Select(li => DocumentsTestSupport.Normalize(li.TextContent)).ToList();
        Assert.Equal(4, related.Count);
        Assert.All(related, r => Assert.StartsWith("Căn cứ: Kế hoạch số", r, StringComparison.Ordinal));

        var conclusion = await Client.GetDocumentAsync(await UrlAsync("250-KL/TU"));
        var inverse = Assert.Single(conclusion.QuerySelectorAll(".related-documents li"));
        Assert.StartsWith("Được thực hiện bởi: Kế hoạch số 13108/KH-UBND", DocumentsTestSupport.Normalize(inverse.TextContent), StringComparison.Ordinal);
        Assert.Equal(await UrlAsync("13108/KH-UBND"), inverse.QuerySelector("a")!.GetAttribute("href"));

        var plan = await Client.GetDocumentAsync(await UrlAsync("13108/KH-UBND"));
        var planRelations = plan.QuerySelectorAll(".related-documents li").Select(li => DocumentsTestSupport.Normalize(li.TextContent)).ToList();
        Assert.Contains(planRelations, r => r.StartsWith("Thực hiện: Kết luận số 250-KL/TU", StringComparison.Ordinal));
        Assert.Contains(planRelations, r => r.StartsWith("Là căn cứ của: Công văn số 9478/UBND-KGVX", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_seed_article_links_the_Cong_van_and_is_listed_as_related_news()
    {
        var congVanUrl = await UrlAsync("9478/UBND-KGVX");
        var article = await fixture.Factory.WithDbAsync(db => db.Articles.AsNoTracking()
            .Where(a => a.Title.StartsWith("Triển khai thực hiện công tác bình đẳng giới"))
            .Select(a => new { a.Id, a.Title, a.Slug, a.RenderedBodyHtml, Cited = a.Citations.Select(c => c.OfficialDocument.NumberAndSymbol).ToList() })
            .SingleAsync());

        var body = HtmlPages.Parse(article.RenderedBodyHtml);
        Assert.Contains("Công văn số 9478/UBND-KGVX", body.LinkTexts(congVanUrl));
        Assert.Contains("Kế hoạch số 13346/KH-UBND ngày 29/10/2021", body.LinkTexts(await UrlAsync("13346/KH-UBND")));
        Assert.Equal(["13108/KH-UBND", "13346/KH-UBND", "250-KL/TU", "7169/KH-UBND", "86/KH-UBND", "9478/UBND-KGVX"], article.Cited.Order(StringComparer.Ordinal));

        var page = await Client.GetDocumentAsync(congVanUrl);
        var heading = page.QuerySelector("#articles-title")!;
        Assert.Equal("Tin bài liên quan", heading.TextContent);
        var listed = page.QuerySelectorAll(".citing-articles a").Select(a => (a.GetAttribute("href"), a.TextContent));
        Assert.Contains((PortalUrls.Article(article.Id, article.Slug), article.Title), listed);
    }

    [Fact]
    public async Task The_seed_article_page_links_the_Cong_van()
    {
        var congVanUrl = await UrlAsync("9478/UBND-KGVX");
        var article = await fixture.Factory.WithDbAsync(db => db.Articles.AsNoTracking()
            .Where(a => a.Title.StartsWith("Triển khai thực hiện công tác bình đẳng giới"))
            .Select(a => new { a.Id, a.Slug })
            .SingleAsync());

        var response = await Client.GetAsync(new Uri(PortalUrls.Article(article.Id, article.Slug), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href") == congVanUrl && a.TextContent == "Công văn số 9478/UBND-KGVX");
    }

    [Fact]
    public async Task A_wrong_or_missing_slug_redirects_permanently_to_the_canonical_url()
    {
        var (id, slug) = await fixture.Factory.FindDocumentAsync("9478/UBND-KGVX");
        var client = Client;

        foreach (var wrong in new[] { $"/van-ban/{id}/sai-duong-dan", $"/van-ban/{id}" })
        {
            var response = await client.GetAsync(new Uri(wrong, UriKind.Relative));
            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal(PortalUrls.Document(id, slug), response.Headers.Location!.OriginalString);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/van-ban/999999/khong-co", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task The_print_view_has_its_stylesheet_a_print_button_and_the_canonical_link()
    {
        var url = await UrlAsync("9478/UBND-KGVX");
        var document = await Client.GetDocumentAsync(url);
        Assert.Equal(url + "/ban-in", document.QuerySelector("a.print-link")!.GetAttribute("href"));

        var print = await Client.GetDocumentAsync(url + "/ban-in");
        Assert.NotNull(print.QuerySelector("button[data-print]"));
        Assert.Contains(print.QuerySelectorAll("link[rel=stylesheet]"), l => l.GetAttribute("href")!.StartsWith("/css/documents-print.", StringComparison.Ordinal));
        Assert.Contains(print.QuerySelectorAll("script"), s => s.GetAttribute("src")!.StartsWith("/js/documents-print.", StringComparison.Ordinal));
        Assert.Empty(print.QuerySelectorAll("script:not([src])"));
        Assert.Equal("https://localhost" + url, print.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("9478/UBND-KGVX", DocumentsTestSupport.Fields(print)["Số ký hiệu"]);
    }

    [Fact]
    public async Task The_attachment_opens_inline_with_its_Vietnamese_name_and_safe_headers()
    {
        var href = (await Client.GetDocumentAsync(await UrlAsync("9478/UBND-KGVX"))).QuerySelector(".attachment-list a")!.GetAttribute("href")!;

        var response = await Client.GetAsync(new Uri(href, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("inline", disposition.DispositionType);
        Assert.Equal("Công văn 9478-UBND-KGVX bình đẳng giới.pdf", disposition.FileNameStar);
        Assert.Equal("Cong van 9478-UBND-KGVX binh dang gioi.pdf", disposition.FileName!.Trim('"'));
        Assert.Contains("filename*=UTF-8''C%C3%B4ng%20v%C4%83n%209478-UBND-KGVX%20b%C3%ACnh%20%C4%91%E1%BA%B3ng%20gi%E1%BB%9Bi.pdf", response.Content.Headers.GetValues("Content-Disposition").Single(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(40164, bytes.Length);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
    }

    [Fact]
    public async Task The_attachment_serves_byte_ranges()
    {
        var href = (await Client.GetDocumentAsync(await UrlAsync("9478/UBND-KGVX"))).QuerySelector(".attachment-list a")!.GetAttribute("href")!;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(href, UriKind.Relative));
        request.Headers.Range = new RangeHeaderValue(100, 199);

        var response = await Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal(100, (await response.Content.ReadAsByteArrayAsync()).Length);
        Assert.Equal("bytes 100-199/40164", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
    }

    [Fact]
    public async Task Unknown_attachments_are_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(new Uri("/van-ban/tep/999999", UriKind.Relative))).StatusCode);
    }
}
