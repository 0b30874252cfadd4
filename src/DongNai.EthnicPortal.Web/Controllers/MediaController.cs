using System.Text.RegularExpressions;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Media;
using Microsoft.AspNetCore.Mvc;

namespace DongNai.EthnicPortal.Web.Controllers;

/// <summary>
/// Serves images from the media library. Files live outside wwwroot under generated names, so only
/// names of that shape are accepted and nothing a user uploaded is ever served as anything but an image.
/// </summary>
public sealed partial class MediaController(StoragePaths storage) : Controller
{
    [HttpGet("/media/{fileName}")]
    public IActionResult Show(string fileName)
    {
        if (!StoredFileName().IsMatch(fileName) || MediaUrls.ContentTypeOf(Path.GetExtension(fileName)) is not { } contentType)
        {
            return NotFound();
        }

        var path = Path.Combine(storage.Media, fileName);
        if (!System.IO.File.Exists(path))
        {
            return NotFound();
        }

        // Stored names are never reused, so the file behind a URL never changes.
        Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        return PhysicalFile(path, contentType, enableRangeProcessing: true);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}\\.(jpg|png|webp|gif)$", RegexOptions.CultureInvariant)]
    private static partial Regex StoredFileName();
}
