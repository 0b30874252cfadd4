using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Consultations;
using DongNai.EthnicPortal.Web.Services.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>The files of a consultation (the draft and its annexes, the synthesis report): uploaded by content, removed with their stored file, or read into the draft's text.</summary>
[Authorize(Policy = Policies.Editors)]
public sealed class ConsultationFilesController(
    PortalDbContext db,
    AuditLog audit,
    ContentChanges changes,
    DocumentAttachmentStore files,
    DocumentUploads uploads,
    TimeProvider time) : AdminControllerBase
{
    private const string BasePath = ConsultationUrls.Admin + "/{id:int}/tep";

    /// <summary>Longer text than this is cut when a Word file becomes the draft's text.</summary>
    private const int MaxImportedCharacters = 200_000;

    [HttpPost(BasePath)]
    [EnableRateLimiting(RateLimitPolicies.Upload)]
    [RequestSizeLimit(DocumentAttachmentStore.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = DocumentAttachmentStore.MaxRequestBytes)]
    public async Task<IActionResult> Upload(int id, IFormFile? file, ConsultationFileKind kind, CancellationToken cancellationToken)
    {
        if (!await db.Consultations.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return NotFound();
        }

        var upload = Enum.IsDefined(kind) ? await uploads.StoreAsync(file, cancellationToken) : new UploadOutcome(null, "Loại tệp không hợp lệ.");
        if (upload.Stored is not { } stored)
        {
            Flash(upload.Error, isError: true);
            return Redirect(FilesPath(id));
        }

        db.ConsultationFiles.Add(stored.ApplyTo(new ConsultationFile { ConsultationId = id, Kind = kind }));
        audit.Add(AuditActions.ConsultationFileAdded, nameof(Consultation), id, stored.AuditDetail);
        await uploads.SaveReferringRowsAsync(db, stored, cancellationToken);
        await changes.ConsultationChangedAsync(id, cancellationToken);
        Flash($"Đã đính kèm tệp “{stored.FileName}”.");
        return Redirect(FilesPath(id));
    }

    [HttpPost(BasePath + "/{fileId:int}/xoa")]
    public async Task<IActionResult> RemoveFile(int id, int fileId, CancellationToken cancellationToken)
    {
        var file = await db.ConsultationFiles.FirstOrDefaultAsync(f => f.Id == fileId && f.ConsultationId == id, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        audit.Add(AuditActions.ConsultationFileRemoved, nameof(Consultation), id, file.FileName);
        await uploads.RemoveAsync(db, file, cancellationToken);
        await changes.ConsultationChangedAsync(id, cancellationToken);
        Flash($"Đã gỡ tệp “{file.FileName}”.");
        return Redirect(FilesPath(id));
    }

    /// <summary>Replaces the draft's text with the paragraphs of an attached Word file.</summary>
    [HttpPost(BasePath + "/{fileId:int}/nhap")]
    public async Task<IActionResult> ImportText(int id, int fileId, CancellationToken cancellationToken)
    {
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        var file = await db.ConsultationFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == fileId && f.ConsultationId == id, cancellationToken);
        if (consultation is null || file is null)
        {
            return NotFound();
        }

        var text = file.ContentType == AttachmentFormats.Docx.ContentType && files.Resolve(file.StoredPath) is { } path ? DocxText.Read(path) : null;
        if (string.IsNullOrWhiteSpace(text))
        {
            Flash("Không đọc được nội dung từ tệp này; chỉ nhập được từ tệp Word (.docx) có chữ.", isError: true);
            return Redirect(ConsultationUrls.AdminEdit(id));
        }

        consultation.DraftText = text.Length > MaxImportedCharacters ? text[..MaxImportedCharacters] : text;
        consultation.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Add(AuditActions.ConsultationDraftImported, nameof(Consultation), id, file.FileName);
        await db.SaveChangesAsync(cancellationToken);
        await changes.ConsultationChangedAsync(id, cancellationToken);
        Flash($"Đã nhập toàn văn dự thảo từ “{file.FileName}” ({DraftText.Articles(consultation.DraftText).Count} điều). Hãy kiểm tra lại nội dung.");
        return Redirect(ConsultationUrls.AdminEdit(id));
    }

    /// <summary>The files section of the consultation's edit page.</summary>
    private static string FilesPath(int id) => ConsultationUrls.AdminEdit(id) + "#tep";
}
