using System.Globalization;
using System.Text.RegularExpressions;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Services.Site;

namespace DongNai.EthnicPortal.Web.Services.Media;

/// <summary>
/// The one rule for media-library files: content type ↔ extension, URLs and srcset. Files are stored as
/// {StoredName}{ext} and downscaled variants as {StoredName}-{width}{ext}, the extension following the
/// content type, and WebP copies (of a JPEG or PNG original, full width included) as {StoredName}-{width}.webp.
/// The public pages, the admin library, the upload store, article bodies and <c>/media/</c> all use it.
/// </summary>
public static partial class MediaUrls
{
    public const string WebpType = "image/webp";

    private static readonly Dictionary<string, string> ContentTypesByExtension = new(StringComparer.Ordinal)
    {
        [".jpg"] = "image/jpeg",
        [".png"] = "image/png",
        [".webp"] = "image/webp",
        [".gif"] = "image/gif",
    };

    private static readonly Dictionary<string, string> ExtensionsByContentType =
        ContentTypesByExtension.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>The stored file's extension; a type the library never stores falls back to .jpg.</summary>
    public static string Extension(string contentType) => ExtensionsByContentType.GetValueOrDefault(contentType, ".jpg");

    /// <summary>The content type a stored file's extension stands for, or null for anything else.</summary>
    public static string? ContentTypeOf(string extension) => ContentTypesByExtension.GetValueOrDefault(extension);

    public static string Url(MediaFile file) => Url(file.StoredName, file.ContentType);

    public static string? SrcSet(MediaFile file) => SrcSet(file.StoredName, file.ContentType, file.VariantWidths, file.Width);

    public static string? WebpSrcSet(MediaFile file) => WebpSrcSet(file.StoredName, file.ContentType, file.WebpWidths);

    /// <summary>The variant of exactly this width, or the original when there is none.</summary>
    public static string UrlForWidth(MediaFile file, int width) =>
        Widths(file.VariantWidths).Contains(width) ? VariantUrl(file.StoredName, width, file.ContentType) : Url(file);

    /// <summary>The image an article body shows: the 960 px copy when there is one, else the original, with its size.</summary>
    public static (string Url, int Width, int Height) BodyImage(MediaFile file)
    {
        const int bodyWidth = 960;
        return file.Width > bodyWidth && Widths(file.VariantWidths).Contains(bodyWidth)
            ? (VariantUrl(file.StoredName, bodyWidth, file.ContentType), bodyWidth, (int)Math.Round(file.Height * (double)bodyWidth / file.Width))
            : (Url(file), file.Width, file.Height);
    }

    public static string Url(string storedName, string contentType) =>
        PortalUrls.Media(storedName + Extension(contentType));

    public static string VariantUrl(string storedName, int width, string contentType) =>
        PortalUrls.Media($"{storedName}-{width.ToString(CultureInfo.InvariantCulture)}{Extension(contentType)}");

    /// <summary>A srcset over the variants plus the original, or null when there are no variants.</summary>
    public static string? SrcSet(string storedName, string contentType, string variantWidths, int originalWidth)
    {
        var widths = Widths(variantWidths).Where(w => w < originalWidth).ToList();
        if (widths.Count == 0)
        {
            return null;
        }

        var candidates = widths.Select(w => $"{VariantUrl(storedName, w, contentType)} {w.ToString(CultureInfo.InvariantCulture)}w")
            .Append($"{Url(storedName, contentType)} {originalWidth.ToString(CultureInfo.InvariantCulture)}w");
        return string.Join(", ", candidates);
    }

    /// <summary>
    /// A srcset over the WebP copies of a JPEG or PNG original, or null when there are none (not made yet,
    /// or the original is WebP and its own srcset already is).
    /// </summary>
    public static string? WebpSrcSet(string storedName, string contentType, string webpWidths)
    {
        if (contentType == WebpType)
        {
            return null;
        }

        var candidates = Widths(webpWidths).Select(w => $"{VariantUrl(storedName, w, WebpType)} {w.ToString(CultureInfo.InvariantCulture)}w").ToList();
        return candidates.Count == 0 ? null : string.Join(", ", candidates);
    }

    public static ImageModel Image(string storedName, string contentType, string variantWidths, string webpWidths, int width, int height, string alt) =>
        new(Url(storedName, contentType), SrcSet(storedName, contentType, variantWidths, width), WebpSrcSet(storedName, contentType, webpWidths), width, height, alt);

    /// <summary>The stored name behind a URL of the original or of any of its copies, or null for anything not under /media/.</summary>
    public static string? StoredNameOf(string? url)
    {
        var match = url is null ? null : MediaPath().Match(url);
        return match is { Success: true } ? match.Groups["name"].Value : null;
    }

    /// <summary>Comma-separated widths, as the copies' columns store them.</summary>
    public static string JoinWidths(IEnumerable<int> widths) => string.Join(',', widths.Order());

    [GeneratedRegex("^/media/(?<name>[a-z0-9][a-z0-9-]*?)(-[0-9]{1,5})?\\.(jpg|png|webp|gif)$", RegexOptions.CultureInvariant)]
    private static partial Regex MediaPath();

    private static IEnumerable<int> Widths(string variantWidths) =>
        variantWidths.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var width) ? width : 0)
            .Where(width => width > 0)
            .Distinct()
            .Order();
}
