using AngleSharp.Html.Parser;

namespace DongNai.EthnicPortal.Web.Services;

/// <summary>Display-time touches to stored, already sanitized article HTML.</summary>
public static class ArticleBodies
{
    private static readonly HtmlParser Parser = new();

    /// <summary>
    /// Body images sit below the title and summary, so they load lazily; the sanitizer drops the
    /// loading attribute, which is why it is added here rather than stored.
    /// </summary>
    public static string WithLazyImages(string html)
    {
        if (!html.Contains("<img", StringComparison.OrdinalIgnoreCase))
        {
            return html;
        }

        using var document = Parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var body = document.Body!;
        body.InnerHtml = html;
        foreach (var image in body.QuerySelectorAll("img"))
        {
            image.SetAttribute("loading", "lazy");
            image.SetAttribute("decoding", "async");
        }

        return body.InnerHtml;
    }
}
