using AngleSharp.Html.Parser;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Services.Documents;

namespace DongNai.EthnicPortal.Tests.Documents;

public sealed class DocumentReferenceLinkerTests
{
    private static readonly DocumentRegistrySnapshot Registry = new(
    [
        Entry(1, "9478/UBND-KGVX", 2023, 9, 14, "Công văn"),
        Entry(2, "13346/KH-UBND", 2021, 10, 29, "Kế hoạch"),
        Entry(4, "250-KL/TU", 2021, 7, 22, "Kết luận"),
        Entry(10, "86/KH-UBND", 2022, 4, 18, "Kế hoạch"),
        Entry(11, "86/KH-UBND", 2023, 3, 2, "Kế hoạch"),
        Entry(12, "15/QĐ-UBND", 2024, 1, 5, "Quyết định"),
        Entry(13, "15/QĐ-UBND", 2024, 6, 10, "Quyết định"),
        Entry(14, "20/BDT", 2022, 5, 5, "Thông báo"),
        Entry(15, "20/BDT", 2022, 5, 5, "Báo cáo"),
    ]);

    private static RegistryEntry Entry(int id, string symbol, int year, int month, int day, string type) =>
        new(id, $"van-ban-{id}", DocumentSymbol.Normalize(symbol), new DateOnly(year, month, day), type);

    private static (string Href, string Text)[] Links(string html) =>
        new HtmlParser().ParseDocument("<body>" + html + "</body>").QuerySelectorAll("a")
            .Select(a => (a.GetAttribute("href") ?? "", a.TextContent))
            .ToArray();

    private static string Text(string html) => new HtmlParser().ParseDocument("<body>" + html + "</body>").Body!.TextContent;

    private static LinkResult Link(string html, int? exclude = null) => DocumentReferenceLinker.Link(html, Registry, exclude);

    [Theory]
    [InlineData("<p>Công văn số 9478/UBND-KGVX về việc</p>", "Công văn số 9478/UBND-KGVX", 1)]
    [InlineData("<p>theo 9478/UBND-KGVX của UBND tỉnh</p>", "9478/UBND-KGVX", 1)]
    [InlineData("<p>theo số 9478/UBND-KGVX của UBND tỉnh</p>", "số 9478/UBND-KGVX", 1)]
    [InlineData("<p>công văn số 9478/ubnd-kgvx về việc</p>", "công văn số 9478/ubnd-kgvx", 1)]
    [InlineData("<p>CÔNG VĂN SỐ 9478/UBND-KGVX VỀ VIỆC</p>", "CÔNG VĂN SỐ 9478/UBND-KGVX", 1)]
    [InlineData("<p>Kết luận số 250-KL/TU ngày 22/7/2021 của Ban Chấp hành</p>", "Kết luận số 250-KL/TU ngày 22/7/2021", 4)]
    [InlineData("<p>thực hiện 250-kl/tu của Tỉnh ủy</p>", "250-kl/tu", 4)]
    [InlineData("<p>Kế hoạch số 13346/KH-UBND ngày 29/10/2021 của UBND tỉnh</p>", "Kế hoạch số 13346/KH-UBND ngày 29/10/2021", 2)]
    [InlineData("<p>theo Công văn số 9478/UBND-KGVX.</p>", "Công văn số 9478/UBND-KGVX", 1)]
    [InlineData("<p>Công văn số 9478/UBND-KGVX, Kế hoạch khác</p>", "Công văn số 9478/UBND-KGVX", 1)]
    [InlineData("<p>(xem Công văn số 9478/UBND-KGVX)</p>", "Công văn số 9478/UBND-KGVX", 1)]
    [InlineData("<p>Kế hoạch số 13346/KH-UBND ngày 29/10/2021.</p>", "Kế hoạch số 13346/KH-UBND ngày 29/10/2021", 2)]
    [InlineData("<p>Kế hoạch số 86/KH-UBND năm 2022 của tỉnh</p>", "Kế hoạch số 86/KH-UBND năm 2022", 10)]
    [InlineData("<p>Kế hoạch số 86/KH-UBND ngày 02/3/2023 của tỉnh</p>", "Kế hoạch số 86/KH-UBND ngày 02/3/2023", 11)]
    [InlineData("<p>Quyết định số 15/QĐ-UBND ngày 10/6/2024</p>", "Quyết định số 15/QĐ-UBND ngày 10/6/2024", 13)]
    [InlineData("<p>Quyết định số 15/qđ-ubnd ngày 5/1/2024</p>", "Quyết định số 15/qđ-ubnd ngày 5/1/2024", 12)]
    [InlineData("<p>Thông báo số 20/BDT ngày 5/5/2022</p>", "Thông báo số 20/BDT ngày 5/5/2022", 14)]
    [InlineData("<p>Báo cáo số 20/BDT ngày 5/5/2022</p>", "Báo cáo số 20/BDT ngày 5/5/2022", 15)]
    [InlineData("<p>Công văn số 9478/UBND-KGVX năm 2023 đã nêu</p>", "Công văn số 9478/UBND-KGVX năm 2023", 1)]
    [InlineData("<p>Công văn số 9478/UBND-KGVX ngày 31/2/2023 (ngày không có thật, năm vẫn đúng)</p>", "Công văn số 9478/UBND-KGVX ngày 31/2/2023", 1)]
    [InlineData("<p><strong>9478/UBND-KGVX</strong></p>", "9478/UBND-KGVX", 1)]
    public void Links_a_known_reference_and_only_the_reference(string html, string linkedText, int documentId)
    {
        var result = Link(html);

        var link = Assert.Single(Links(result.Html));
        Assert.Equal($"/van-ban/{documentId}/van-ban-{documentId}", link.Href);
        Assert.Equal(linkedText, link.Text);
        Assert.Equal([documentId], result.CitedDocumentIds);
        Assert.Equal(Text(html), Text(result.Html));
    }

    [Theory]
    [InlineData("<p>Công văn số 123/UBND-XYZ về việc</p>")]
    [InlineData("<p>Kế hoạch số 86/KH-UBND của tỉnh</p>")]
    [InlineData("<p>Quyết định số 15/QĐ-UBND năm 2024</p>")]
    [InlineData("<p>Công văn số 9478/UBND-KGVX ngày 14/9/2022</p>")]
    [InlineData("<p>Công văn số 9478/UBND-KGVX năm 2020</p>")]
    [InlineData("<p>số 20/BDT ngày 5/5/2022</p>")]
    [InlineData("<p>Công văn số 9478/UBND-KGVX2 khác</p>")]
    [InlineData("<p>Công văn số 19478/UBND-KGVX khác</p>")]
    [InlineData("<p>Công văn số 9478/UBND-KGVX-ABC khác</p>")]
    [InlineData("<p>mã A9478/UBND-KGVX</p>")]
    [InlineData("<p>ngày 29/10/2021 và giai đoạn 2021-2025</p>")]
    [InlineData("<p><a href=\"/khac\">Công văn số 9478/UBND-KGVX</a></p>")]
    [InlineData("<p><a href=\"/khac\">xem <em>9478/UBND-KGVX</em></a></p>")]
    [InlineData("<p><img src=\"/media/a.jpg\" alt=\"Công văn số 9478/UBND-KGVX\"></p>")]
    [InlineData("<p title=\"9478/UBND-KGVX\">Không có số ở đây</p>")]
    [InlineData("<h2>Công văn số 9478/UBND-KGVX</h2>")]
    [InlineData("<h3 id=\"cv\"><a href=\"#cv\">9478/UBND-KGVX</a></h3>")]
    [InlineData("<p><code>9478/UBND-KGVX</code></p>")]
    [InlineData("<p>Không có tham chiếu nào.</p>")]
    public void Leaves_unknown_ambiguous_and_protected_references_alone(string html)
    {
        var result = Link(html);

        Assert.Equal(html, result.Html);
        Assert.Empty(result.CitedDocumentIds);
    }

    [Fact]
    public void Keeps_a_non_breaking_space_inside_the_linked_phrase()
    {
        var result = Link("<p>Công văn số&nbsp;9478/UBND-KGVX ban hành</p>");

        var link = Assert.Single(Links(result.Html));
        Assert.Equal("Công văn số\u00A09478/UBND-KGVX", link.Text);
        Assert.Contains("&nbsp;", result.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Follows_a_reference_across_a_line_break()
    {
        var result = Link("<p>Kế hoạch số\n13346/KH-UBND ngày\r\n29/10/2021 của UBND tỉnh</p>");

        var link = Assert.Single(Links(result.Html));
        Assert.Equal("Kế hoạch số\n13346/KH-UBND ngày\n29/10/2021", link.Text);
        Assert.Equal("/van-ban/2/van-ban-2", link.Href);
    }

    [Fact]
    public void Links_several_references_in_one_paragraph_and_reports_each_once()
    {
        const string html = "<p>Căn cứ 9478/UBND-KGVX, Kế hoạch số 13346/KH-UBND ngày 29/10/2021 và lại Công văn số 9478/UBND-KGVX; Kết luận số 250-KL/TU.</p>";
        var result = Link(html);

        Assert.Equal(["9478/UBND-KGVX", "Kế hoạch số 13346/KH-UBND ngày 29/10/2021", "Công văn số 9478/UBND-KGVX", "Kết luận số 250-KL/TU"], Links(result.Html).Select(l => l.Text));
        Assert.Equal([1, 2, 4], result.CitedDocumentIds.Order());
        Assert.Equal(Text(html), Text(result.Html));
    }

    [Fact]
    public void Keeps_escaped_characters_escaped()
    {
        var result = Link("<p>a &lt;b&gt; &amp; 9478/UBND-KGVX</p>");

        Assert.Equal("<p>a &lt;b&gt; &amp; <a href=\"/van-ban/1/van-ban-1\">9478/UBND-KGVX</a></p>", result.Html);
    }

    [Fact]
    public void Links_beside_an_existing_link_but_not_inside_it()
    {
        var result = Link("<p><a href=\"/khac\">9478/UBND-KGVX</a> và Kết luận số 250-KL/TU</p>");

        Assert.Equal([("/khac", "9478/UBND-KGVX"), ("/van-ban/4/van-ban-4", "Kết luận số 250-KL/TU")], Links(result.Html));
        Assert.Equal([4], result.CitedDocumentIds);
    }

    [Fact]
    public void Does_not_link_a_document_to_itself()
    {
        var result = Link("<p>Công văn số 9478/UBND-KGVX này thay thế …</p>", exclude: 1);

        Assert.Empty(Links(result.Html));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Handles_an_empty_body(string? html)
    {
        var result = DocumentReferenceLinker.Link(html, Registry);

        Assert.Equal("", result.Html);
        Assert.Empty(result.CitedDocumentIds);
    }

    [Fact]
    public void Unpublished_or_missing_documents_are_not_in_an_empty_registry()
    {
        var result = DocumentReferenceLinker.Link("<p>Công văn số 9478/UBND-KGVX</p>", DocumentRegistrySnapshot.Empty);

        Assert.Empty(Links(result.Html));
    }

    [Fact]
    public void Links_every_reference_of_the_seed_article_without_changing_its_text()
    {
        var registry = new DocumentRegistrySnapshot(
        [
            Entry(1, "9478/UBND-KGVX", 2023, 9, 14, "Công văn"),
            Entry(2, "13346/KH-UBND", 2021, 10, 29, "Kế hoạch"),
            Entry(3, "13108/KH-UBND", 2021, 10, 25, "Kế hoạch"),
            Entry(4, "250-KL/TU", 2021, 7, 22, "Kết luận"),
            Entry(5, "7169/KH-UBND", 2021, 6, 25, "Kế hoạch"),
            Entry(6, "86/KH-UBND", 2022, 4, 18, "Kế hoạch"),
        ]);
        var html = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "DongNai.EthnicPortal.Data", "Seeding", "Content", "seed-article.html"));

        var result = DocumentReferenceLinker.Link(html, registry);

        Assert.Equal([1, 2, 3, 4, 5, 6], result.CitedDocumentIds.Order());
        Assert.Contains(("/van-ban/1/van-ban-1", "Công văn số 9478/UBND-KGVX"), Links(result.Html));
        Assert.Contains(("/van-ban/2/van-ban-2", "Kế hoạch số 13346/KH-UBND ngày 29/10/2021"), Links(result.Html));
        Assert.Equal(Text(html), Text(result.Html));
    }
}
