using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Services.Media;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Articles;

/// <summary>Touches to sanitized article HTML when it is rendered for readers and stored.</summary>
public static partial class ArticleBodies
{
    /// <summary>The body column: the full width of a phone, at most 760 px beside the sidebar.</summary>
    public const string BodyImageSizes = "(min-width: 75em) 760px, (min-width: 56em) 62vw, 100vw";

    private static readonly HtmlParser Parser = new();

    /// <summary>
    /// Body images sit below the title and summary, so they load lazily; an image of our own media library
    /// gets the srcset of its copies and a WebP source. The sanitizer drops these attributes from what
    /// editors send (the editor inserts the 960 px copy), so they are added to the rendered body, once per
    /// save rather than on every page view (parsing the body took a fifth of the article page's time).
    /// </summary>
    public static string ForReaders(string html, IReadOnlyDictionary<string, MediaFile> media)
    {
        if (!html.Contains("<img", StringComparison.OrdinalIgnoreCase))
        {
            return html;
        }

        using var document = Parser.ParseDocument("<!DOCTYPE html><html><body></body></html>");
        var body = document.Body!;
        body.InnerHtml = html;
        foreach (var image in body.QuerySelectorAll("img").ToList())
        {
            image.SetAttribute("loading", "lazy");
            image.SetAttribute("decoding", "async");
            if (MediaUrls.StoredNameOf(image.GetAttribute("src")) is not { } name || !media.TryGetValue(name, out var file))
            {
                continue;
            }

            if (MediaUrls.SrcSet(file) is { } srcSet)
            {
                image.SetAttribute("srcset", srcSet);
                image.SetAttribute("sizes", BodyImageSizes);
            }

            if (MediaUrls.WebpSrcSet(file) is { } webp)
            {
                var picture = document.CreateElement("picture");
                var source = document.CreateElement("source");
                source.SetAttribute("type", MediaUrls.WebpType);
                source.SetAttribute("srcset", webp);
                source.SetAttribute("sizes", BodyImageSizes);
                image.Parent!.InsertBefore(picture, image);
                picture.AppendChild(source);
                picture.AppendChild(image);
            }
        }

        return body.InnerHtml;
    }

    /// <summary>The media-library images the bodies show, by stored name, for <see cref="ForReaders"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, MediaFile>> LoadMediaAsync(PortalDbContext db, IEnumerable<string> bodies, CancellationToken cancellationToken)
    {
        var names = bodies.SelectMany(body => MediaSource().Matches(body))
            .Select(match => MediaUrls.StoredNameOf(match.Groups["url"].Value))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (names.Count == 0)
        {
            return new Dictionary<string, MediaFile>();
        }

        return await db.MediaFiles.AsNoTracking()
            .Where(m => names.Contains(m.StoredName))
            .ToDictionaryAsync(m => m.StoredName, StringComparer.Ordinal, cancellationToken);
    }

    [GeneratedRegex("src=\"(?<url>/media/[^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex MediaSource();
}
