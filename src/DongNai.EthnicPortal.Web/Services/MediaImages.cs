using System.Globalization;

namespace DongNai.EthnicPortal.Web.Services;

/// <summary>An image as a view renders it: URL, responsive variants and intrinsic size.</summary>
public sealed record ImageModel(string Url, string? SrcSet, int Width, int Height, string Alt);

/// <summary>
/// Turns media-library rows into URLs. Files are stored as {StoredName}{ext} and downscaled
/// variants as {StoredName}-{width}{ext}, with the extension derived from the content type.
/// </summary>
public static class MediaImages
{
    public static string Extension(string contentType) => contentType switch
    {
        "image/png" => ".png",
        "image/webp" => ".webp",
        "image/gif" => ".gif",
        _ => ".jpg",
    };

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

    public static ImageModel Image(string storedName, string contentType, string variantWidths, int width, int height, string alt) =>
        new(Url(storedName, contentType), SrcSet(storedName, contentType, variantWidths, width), width, height, alt);

    private static IEnumerable<int> Widths(string variantWidths) =>
        variantWidths.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var width) ? width : 0)
            .Where(width => width > 0)
            .Distinct()
            .Order();
}
