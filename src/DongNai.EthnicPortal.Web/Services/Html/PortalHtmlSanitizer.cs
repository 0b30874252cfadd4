using Ganss.Xss;

namespace DongNai.EthnicPortal.Web.Services.Html;

/// <summary>
/// The allow-list for rich text written by editors: structure, emphasis, links, captioned images and
/// tables. No scripts, event handlers, styles, forms or javascript: URLs survive.
/// </summary>
public sealed class PortalHtmlSanitizer
{
    private readonly HtmlSanitizer sanitizer;

    public PortalHtmlSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "br", "hr", "h2", "h3", "h4", "strong", "b", "em", "i", "u", "s", "sub", "sup",
                "ul", "ol", "li", "blockquote", "a", "img", "figure", "figcaption",
                "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "href", "title", "src", "alt", "width", "height", "colspan", "rowspan", "scope",
            },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };

        // Keeping child nodes is for unknown wrappers; code and CSS inside these would surface as text.
        sanitizer.RemovingTag += (_, e) =>
        {
            if (e.Tag.LocalName is "script" or "style" or "template" or "noscript" or "textarea" or "title" or "xmp" or "iframe" or "noembed" or "noframes")
            {
                e.Tag.InnerHtml = "";
            }
        };
        sanitizer.PostProcessDom += (_, e) =>
        {
            // An image whose address was refused (file:///C:/… from Word, javascript:) would be an empty box.
            foreach (var image in e.Document.QuerySelectorAll("img:not([src])").ToList())
            {
                image.Remove();
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {

            // Links leaving the portal must not get a handle on it.
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor && anchor.GetAttribute("href") is { } href && href.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                anchor.SetAttribute("rel", "noopener noreferrer");
            }
        };
    }

    public string Sanitize(string? html) =>
        string.IsNullOrWhiteSpace(html) ? "" : Data.Text.VietnameseText.ToNfc(sanitizer.Sanitize(html).Trim());
}
