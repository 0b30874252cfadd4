using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// Images dropped or pasted into the rich-text editor: stored in the media library by the same
/// <see cref="ImageStore"/> checks as its upload form, answered as JSON for the editor to insert.
/// </summary>
public sealed class EditorImagesController(PortalDbContext db, ImageStore images, AuditLog audit) : AdminControllerBase
{
    [HttpPost("quan-tri/thu-vien-anh/tai-len-tu-trinh-soan")]
    [EnableRateLimiting(RateLimitPolicies.Upload)]
    [RequestSizeLimit(ImageStore.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ImageStore.MaxRequestBytes)]
    public async Task<IActionResult> Upload(IFormFile? file, string? altText, bool decorative)
    {
        if (file is null)
        {
            return BadRequest(new { error = "Vui lòng chọn một tệp ảnh." });
        }

        // The library describes every image; a decorative one is described by its name there and left without alt text in the body.
        var description = decorative ? $"Ảnh trang trí ({Path.GetFileNameWithoutExtension(file.FileName)})" : altText ?? "";
        await using var stream = file.OpenReadStream();
        var result = await images.SaveAsync(stream, file.FileName, file.Length, description, CurrentUserId);
        if (result.File is not { } saved)
        {
            return BadRequest(new { error = result.Error });
        }

        await db.SaveChangesAsync();
        audit.Add("MediaUploaded", nameof(MediaFile), saved.Id, $"{saved.OriginalFileName} ({saved.Width}×{saved.Height}), từ trình soạn thảo");
        await db.SaveChangesAsync();
        var (url, width, height) = MediaUrls.BodyImage(saved);
        return Json(new { id = saved.Id, url, width, height, alt = saved.AltText });
    }
}
