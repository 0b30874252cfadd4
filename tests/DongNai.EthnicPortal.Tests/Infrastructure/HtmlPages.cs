using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace DongNai.EthnicPortal.Tests.Infrastructure;

/// <summary>
/// Pages parsed as a browser parses them, so a test asserts on elements, attributes and the text a reader
/// sees, and a harmless change of markup (attribute order, quoting, white space) does not break it.
/// </summary>
public static class HtmlPages
{
    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    /// <summary>GETs the page, checks it answered 200 and parses it.</summary>
    public static async Task<IDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The one element the selector matches; fails when there is none or more than one.</summary>
    public static IElement One(this IParentNode node, string selector) => Assert.Single(node.QuerySelectorAll(selector));

    /// <summary>The text of the node as a reader sees it: white space collapsed, trimmed.</summary>
    public static string Text(this INode node) => string.Join(' ', node.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The texts of every element the selector matches, in document order.</summary>
    public static List<string> Texts(this IParentNode node, string selector) => node.QuerySelectorAll(selector).Select(e => e.Text()).ToList();

    /// <summary>The texts of the links to exactly this address (compared as the attribute's value, so no CSS escaping is needed).</summary>
    public static List<string> LinkTexts(this IParentNode node, string href) =>
        node.QuerySelectorAll("a").Where(a => a.GetAttribute("href") == href).Select(a => a.Text()).ToList();
}
