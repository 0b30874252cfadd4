using AngleSharp.Html.Parser;

namespace DongNai.EthnicPortal.Web.Services.Articles;

/// <summary>Touches to sanitized article HTML when it is rendered for readers and stored.</summary>
public static class ArticleBodies
{
    private static readonly HtmlParser Parser = new();

    /// <summary>
    /// Body images sit below the title and summary, so they load lazily. The sanitizer drops the loading
    /// attribute from what editors send, so it is added to the rendered body, once per save rather than
    /// on every page view (parsing the body took a fifth of the article page's time).
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
