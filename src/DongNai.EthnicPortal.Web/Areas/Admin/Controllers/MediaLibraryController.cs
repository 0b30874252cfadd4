using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Lists;
using DongNai.EthnicPortal.Web.Services.Media;
using DongNai.EthnicPortal.Web.Services.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>The image library: upload by content, alt text, and where each image is used.</summary>
[Route(BasePath)]
public sealed class MediaLibraryController(PortalDbContext db, ImageStore images, AuditLog audit, ContentChanges changes) : AdminControllerBase
{
    public const string BasePath = "/quan-tri/thu-vien-anh";

    private const int PageSize = 24;

    [HttpGet]
    public async Task<IActionResult> Index(string? q, int page = 1)
    {
        var query = db.MediaFiles.AsNoTracking();
        if (AdminSearch.Term(q) is { } term)
        {
            query = query.Where(m => m.AltTextFolded.Contains(term) || m.FileNameFolded.Contains(term));
        }

        var (files, slice) = await query.OrderByDescending(m => m.UploadedAt).ThenByDescending(m => m.Id).PageAsync(page, PageSize);
        return View(new MediaListView(files.Select(Row).ToList(), slice.Number, slice.PageCount, q, null));
    }

    [HttpPost("tai-len")]
    [EnableRateLimiting(RateLimitPolicies.Upload)]
    [RequestSizeLimit(ImageStore.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ImageStore.MaxRequestBytes)]
    public async Task<IActionResult> Upload(IFormFile? file, string? altText)
    {
        if (file is null)
        {
            Flash("Vui lòng chọn một tệp ảnh.", isError: true);
            return RedirectToAction(nameof(Index));
        }

        await using var stream = file.OpenReadStream();
        var result = await images.SaveAsync(stream, file.FileName, file.Length, altText ?? "", CurrentUserId);
        if (result.File is null)
        {
            Flash(result.Error!, isError: true);
            return RedirectToAction(nameof(Index));
        }

        await audit.SaveCreatedAsync(result.File, AuditActions.MediaUploaded, $"{result.File.OriginalFileName} ({result.File.Width}×{result.File.Height})");
        Flash("Đã tải ảnh lên thư viện.");
        return RedirectToAction(nameof(Details), new { id = result.File.Id });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Details(int id)
    {
        var file = await db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id);
        if (file is null)
        {
            return NotFound();
        }

        return View(new MediaDetailView(Row(file), MediaUrls.SrcSet(file), await UsagesAsync(file)));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Details(int id, string? altText)
    {
        var file = await db.MediaFiles.FirstOrDefaultAsync(m => m.Id == id);
        if (file is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(altText) || altText.Length > 500)
        {
            Flash("Mô tả ảnh là bắt buộc và không quá 500 ký tự.", isError: true);
            return RedirectToAction(nameof(Details), new { id });
        }

        file.AltText = VietnameseText.ToNfc(altText.Trim());
        audit.Add(AuditActions.MediaAltTextChanged, nameof(MediaFile), id, file.AltText);
        await db.SaveChangesAsync();
        await changes.MediaChangedAsync(id);
        Flash("Đã lưu mô tả ảnh.");
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:int}/xoa")]
    [Authorize(Policy = Policies.Editors)]
    public async Task<IActionResult> Delete(int id)
    {
        var file = await db.MediaFiles.FirstOrDefaultAsync(m => m.Id == id);
        if (file is null)
        {
            return NotFound();
        }

        if ((await UsagesAsync(file)).Count > 0)
        {
            Flash("Ảnh đang được dùng trong bài viết nên không thể xóa. Hãy gỡ ảnh khỏi các bài đó trước.", isError: true);
            return RedirectToAction(nameof(Details), new { id });
        }

        db.MediaFiles.Remove(file);
        audit.Add(AuditActions.MediaDeleted, nameof(MediaFile), id, file.OriginalFileName);
        await db.SaveChangesAsync();
        images.DeleteFiles(file);
        Flash("Đã xóa ảnh khỏi thư viện.");
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The list the rich-text editor offers when inserting an image.</summary>
    [HttpGet("chon-anh")]
    public async Task<IActionResult> Picker()
    {
        var files = await db.MediaFiles.AsNoTracking().OrderByDescending(m => m.UploadedAt).Take(100).ToListAsync();
        return Json(files.Select(f =>
        {
            var (url, width, height) = MediaUrls.BodyImage(f);
            return new MediaPickerItem(f.Id, url, MediaUrls.UrlForWidth(f, 480), f.AltText, width, height);
        }));
    }

    private static MediaRow Row(MediaFile file) =>
        new(file.Id, MediaUrls.Url(file), MediaUrls.UrlForWidth(file, 480), file.AltText, file.OriginalFileName, file.Width, file.Height, file.SizeBytes, file.UploadedAt);

    private async Task<List<MediaUsage>> UsagesAsync(MediaFile file)
    {
        var marker = "/media/" + file.StoredName;
        return await db.Articles.AsNoTracking()
            .Where(a => a.CoverImageId == file.Id || a.BodyHtml.Contains(marker))
            .OrderByDescending(a => a.UpdatedAt)
            .Select(a => new MediaUsage(a.Id, a.Title, a.CoverImageId == file.Id))
            .ToListAsync();
    }
}
