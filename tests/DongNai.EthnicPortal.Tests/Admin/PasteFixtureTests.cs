using DongNai.EthnicPortal.Web.Services.Html;

namespace DongNai.EthnicPortal.Tests.Admin;

/// <summary>
/// Clipboard HTML from office programs (Fixtures/Paste, provenance in its README) as the sanitizer stores it
/// when it arrives unprocessed, as it does from the plain textarea without JavaScript. The editor's own
/// cleaning of the same fixtures is tested in the browser (EditorJourney).
/// </summary>
public sealed class PasteFixtureTests
{
    private static readonly PortalHtmlSanitizer Sanitizer = new();

    public static TheoryData<string> Fixtures => new("word-2016.html", "libreoffice-7.4.html", "google-docs.html", "libreoffice-7.4-from-docx.html", "libreoffice-7.4-from-odt.html");

    public static TheoryData<string> RealDocumentFixtures => new("libreoffice-7.4-from-docx.html", "libreoffice-7.4-from-odt.html");

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Paste", name));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Office_markup_is_reduced_to_the_allow_list(string name)
    {
        var html = Sanitizer.Sanitize(Fixture(name));

        foreach (var banned in new[] { "style=", "class=", "<font", "<span", "<o:p", "<meta", "<head", "<!--", "mso-", "onmouseover", "<col", "<div", "file:///" })
        {
            Assert.DoesNotContain(banned, html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("<table", html, StringComparison.Ordinal);
        Assert.Contains("<td", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://dongnai.gov.vn/", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Word_keeps_headings_emphasis_and_its_tables_text()
    {
        var html = Sanitizer.Sanitize(Fixture("word-2016.html"));

        Assert.Contains("<h2>Nhiệm vụ chủ yếu</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<b>xây dựng kế hoạch</b>", html, StringComparison.Ordinal);
        Assert.Contains("<i>ba nhóm nhiệm vụ</i>", html, StringComparison.Ordinal);
        Assert.Contains("Định Quán", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
    }

    [Fact]
    public void LibreOffice_keeps_its_real_lists_and_header_row()
    {
        var html = Sanitizer.Sanitize(Fixture("libreoffice-7.4.html"));

        Assert.Contains("<ul>", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("<li>").Length - 1);
        Assert.Contains("<thead>", html, StringComparison.Ordinal);
        Assert.Contains("<b>hoàn thành 12 chỉ tiêu</b>", html.ReplaceLineEndings(" "), StringComparison.Ordinal);
    }

    /// <summary>HTML really produced by LibreOffice from a .docx and an .odt (Fixtures/Paste/README.md): what survives the sanitizer.</summary>
    [Theory]
    [MemberData(nameof(RealDocumentFixtures))]
    public void Real_documents_keep_their_lists_emphasis_table_and_link_and_lose_fonts_and_colours(string name)
    {
        var body = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<!DOCTYPE html><body>" + Sanitizer.Sanitize(Fixture(name))).Body!;
        string Text(string selector) => string.Join(" | ", body.QuerySelectorAll(selector).Select(e => System.Text.RegularExpressions.Regex.Replace(e.TextContent, @"\s+", " ").Trim()));

        Assert.Contains("Nhiệm vụ chủ yếu", Text("h2"), StringComparison.Ordinal);
        Assert.Equal("Cấp xã lập danh sách hộ nghèo. | Cấp huyện thẩm định và tổng hợp.", Text("ol > li > ol > li"));
        Assert.Equal("Người có uy tín trong đồng bào dân tộc thiểu số. | Học sinh, sinh viên người dân tộc thiểu số.", Text("ul > li"));
        Assert.Contains("xây dựng kế hoạch", Text("b"), StringComparison.Ordinal);
        Assert.Contains("nhà ở và đất sản xuất", Text("b"), StringComparison.Ordinal);
        Assert.Equal("ba nhóm nhiệm vụ trọng tâm", Text("i"));
        Assert.Equal("Huyện | Số hộ | Kinh phí (triệu đồng)", Text("thead td"));
        Assert.Equal("Tân Phú", Text("tbody tr:last-child td:first-child"));
        Assert.Equal("Cổng thông tin điện tử tỉnh Đồng Nai", Text("a[href='https://dongnai.gov.vn/']"));
        Assert.Contains("ưu tiên các xã đặc biệt khó khăn", body.TextContent.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Empty(body.QuerySelectorAll("font, span, col, h1, [style], [class], [align], [width], [valign]"));
    }
}
