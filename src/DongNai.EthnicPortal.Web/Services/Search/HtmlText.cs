using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace DongNai.EthnicPortal.Web.Services.Search;

/// <summary>The readable text of rich HTML, with block elements kept apart so their words do not run together.</summary>
public static class HtmlText
{
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "figure", "figcaption",
        "table", "caption", "tr", "td", "th", "div", "section", "article", "header", "footer", "dl", "dt", "dd", "pre", "address",
    };

    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "template", "noscript" };

    public static string FromHtml(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        var document = new HtmlParser().ParseDocument(html);
        var text = new StringBuilder(html.Length);
        Append(document.Body, text);
        return SearchText.CollapseWhitespace(text.ToString());
    }

    private static void Append(INode? node, StringBuilder text)
    {
        if (node is null)
        {
            return;
        }

        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText textNode:
                    text.Append(textNode.Data);
                    break;
                case IElement element when Skipped.Contains(element.LocalName):
                    break;
                case IElement element:
                    var block = Blocks.Contains(element.LocalName);
                    if (block)
                    {
                        text.Append('\n');
                    }

                    Append(element, text);
                    if (block)
                    {
                        text.Append('\n');
                    }

                    break;
            }
        }
    }
}
