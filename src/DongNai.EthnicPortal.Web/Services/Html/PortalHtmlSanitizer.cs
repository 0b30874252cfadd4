using Ganss.Xss;

namespace DongNai.EthnicPortal.Web.Services.Html;

/// <summary>
/// The allow-list for rich text written by editors: structure, emphasis, links, captioned images and
/// tables. No scripts, event handlers, styles, forms or javascript: URLs survive.
/// </summary>
public sealed class PortalHtmlSanitizer
{
    /// <summary>The only classes a revision comparison may carry: its own insertion, deletion and screen-reader marks.</summary>
    public static readonly IReadOnlySet<string> ComparisonClasses = new HashSet<string>(StringComparer.Ordinal) { "diff-added", "diff-removed", "visually-hidden" };

    private readonly HtmlSanitizer sanitizer = Create(forComparison: false);

    private readonly HtmlSanitizer comparisonSanitizer = Create(forComparison: true);

    private static HtmlSanitizer Create(bool forComparison)
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
        if (forComparison)
        {
            options.AllowedTags.UnionWith(["ins", "del", "span"]);
            options.AllowedAttributes.Add("class");
            options.AllowedClasses = new HashSet<string>(ComparisonClasses, StringComparer.Ordinal);
        }

        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };

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
            // Width and height are an image's intrinsic size; on tables and cells (office programs write them) they fix a layout that breaks on phones.
            if (e.Node is AngleSharp.Dom.IElement { LocalName: not "img" } sized)
            {
                sized.RemoveAttribute("width");
                sized.RemoveAttribute("height");
            }

            // Links leaving the portal must not get a handle on it.
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor && anchor.GetAttribute("href") is { } href && href.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            {
                anchor.SetAttribute("rel", "noopener noreferrer");
            }
        };
        return sanitizer;
    }

    public string Sanitize(string? html) =>
        string.IsNullOrWhiteSpace(html) ? "" : Data.Text.VietnameseText.ToNfc(sanitizer.Sanitize(html).Trim());

    /// <summary>
    /// The same allow-list plus the marks of a revision comparison (<c>ins</c>, <c>del</c> and labelled spans with
    /// <see cref="ComparisonClasses"/> only), for a diff built from two sanitized bodies.
    /// </summary>
    public string SanitizeComparison(string? html) =>
        string.IsNullOrWhiteSpace(html) ? "" : comparisonSanitizer.Sanitize(html).Trim();
}
