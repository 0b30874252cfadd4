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

    public static TheoryData<string> Fixtures => new("word-2016.html", "libreoffice-7.4.html", "google-docs.html");

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
}
