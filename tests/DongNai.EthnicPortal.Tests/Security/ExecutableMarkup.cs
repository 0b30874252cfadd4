using System.Text.Json;
using AngleSharp.Html.Parser;

namespace DongNai.EthnicPortal.Tests.Security;

/// <summary>The one check every XSS test makes on rendered HTML.</summary>
public static class ExecutableMarkup
{
    /// <summary>Parses the page as a browser would and fails on anything that could run script.</summary>
    public static void AssertNone(string html, string where)
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
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} on {Excerpt(element)} in {where}");
                Assert.False(attribute.Name.Equals("style", StringComparison.OrdinalIgnoreCase), $"style attribute on {Excerpt(element)} in {where}");
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href" or "data" or "background" or "poster")
                {
                    Assert.False(IsScriptUrl(attribute.Value), $"{attribute.Name}=\"{attribute.Value}\" on <{element.LocalName}> in {where}");
                }
            }
        }
    }

    private static string Excerpt(AngleSharp.Dom.IElement element) => element.OuterHtml[..Math.Min(element.OuterHtml.Length, 300)];

    private static bool IsScriptUrl(string value)
    {
        // Browsers ignore control characters and whitespace inside the scheme.
        var scheme = new string([.. value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant();
        return scheme.StartsWith("javascript:", StringComparison.Ordinal) || scheme.StartsWith("vbscript:", StringComparison.Ordinal) || scheme.StartsWith("data:text/html", StringComparison.Ordinal);
    }
}
