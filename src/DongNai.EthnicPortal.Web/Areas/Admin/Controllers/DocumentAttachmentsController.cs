using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Documents;
using DongNai.EthnicPortal.Web.Services.Documents.Extraction;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;


namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>Files attached to a registry document: uploaded by content, replaced by a new version, removed with their stored file. A stored file is queued for text extraction.</summary>
[Authorize(Policy = Policies.Editors)]
public sealed class DocumentAttachmentsController(
    PortalDbContext db,
    AuditLog audit,
    ContentChanges changes,
    DocumentAttachmentStore attachments,
    AttachmentTextRequests textQueue,
    TimeProvider time) : AdminControllerBase
{
    private const string BasePath = DocumentsController.BasePath;

    [HttpPost(BasePath + "/{id:int}/tep")]
    [EnableRateLimiting(RateLimitPolicies.Upload)]
    [RequestSizeLimit(DocumentAttachmentStore.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = DocumentAttachmentStore.MaxRequestBytes)]
    public async Task<IActionResult> Upload(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (!await db.OfficialDocuments.AnyAsync(d => d.Id == id, cancellationToken))
        {
            return NotFound();
        }

        if (await ReadCheckedAsync(file, cancellationToken) is not { } upload)
        {
            return Redirect(EditPath(id) + "#tep-dinh-kem");
        }

        var (name, content, format) = upload;
        var attachment = await attachments.WriteAsync(name, content, format, time.GetUtcNow().UtcDateTime, cancellationToken);
        attachment.OfficialDocumentId = id;
        db.DocumentAttachments.Add(attachment);
        audit.Add(AuditActions.DocumentAttachmentAdded, nameof(OfficialDocument), id, $"{attachment.FileName} ({format.ContentType}, {attachment.SizeBytes} byte)");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // Nothing may stay on disk for a row that was never saved.
            attachments.Delete(attachment.StoredPath);
            throw;
        }

        await textQueue.EnqueueAsync(db, [attachment.Id], fileReplaced: true, cancellationToken);
        await changes.DocumentChangedAsync(id, cancellationToken);
        Flash($"Đã đính kèm tệp “{attachment.FileName}” ({FileSizes.Format(attachment.SizeBytes)}). Chữ trong tệp đang được trích xuất để tìm kiếm.");
        return Redirect(EditPath(id) + "#tep-dinh-kem");
    }

    [HttpPost(BasePath + "/{id:int}/tep/{attachmentId:int}/xoa")]
    public async Task<IActionResult> RemoveAttachment(int id, int attachmentId, CancellationToken cancellationToken)
    {
        var attachment = await db.DocumentAttachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.OfficialDocumentId == id, cancellationToken);
        if (attachment is null)
        {
            return NotFound();
        }

        db.DocumentAttachments.Remove(attachment);
        audit.Add(AuditActions.DocumentAttachmentRemoved, nameof(OfficialDocument), id, attachment.FileName);
        await db.SaveChangesAsync(cancellationToken);
        attachments.Delete(attachment.StoredPath);
        await changes.DocumentChangedAsync(id, cancellationToken);
        Flash($"Đã gỡ tệp “{attachment.FileName}”.");
        return Redirect(EditPath(id) + "#tep-dinh-kem");
    }


    /// <summary>A new version of the same attachment: the row (and so its links) stays, the file and its extracted text are replaced.</summary>
    [HttpPost(BasePath + "/{id:int}/tep/{attachmentId:int}/thay")]
    [EnableRateLimiting(RateLimitPolicies.Upload)]
    [RequestSizeLimit(DocumentAttachmentStore.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = DocumentAttachmentStore.MaxRequestBytes)]
    public async Task<IActionResult> Replace(int id, int attachmentId, IFormFile? file, CancellationToken cancellationToken)
    {
        var attachment = await db.DocumentAttachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.OfficialDocumentId == id, cancellationToken);
        if (attachment is null)
        {
            return NotFound();
        }

        if (await ReadCheckedAsync(file, cancellationToken) is not { } upload)
        {
            return Redirect(EditPath(id) + "#tep-dinh-kem");
        }

        var (name, content, format) = upload;
        var previousPath = attachment.StoredPath;
        var stored = await attachments.WriteAsync(name, content, format, time.GetUtcNow().UtcDateTime, cancellationToken);
        attachment.FileName = stored.FileName;
        attachment.ContentType = stored.ContentType;
        attachment.SizeBytes = stored.SizeBytes;
        attachment.StoredPath = stored.StoredPath;
        attachment.UploadedAt = stored.UploadedAt;
        audit.Add(AuditActions.DocumentAttachmentReplaced, nameof(OfficialDocument), id, $"{attachment.FileName} ({format.ContentType}, {attachment.SizeBytes} byte)");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            attachments.Delete(stored.StoredPath);
            throw;
        }

        attachments.Delete(previousPath);
        await textQueue.EnqueueAsync(db, [attachment.Id], fileReplaced: true, cancellationToken);
        await changes.DocumentChangedAsync(id, cancellationToken);
        Flash($"Đã thay tệp bằng “{attachment.FileName}” ({FileSizes.Format(attachment.SizeBytes)}). Chữ của tệp cũ đã được bỏ; tệp mới đang được trích xuất.");
        return Redirect(EditPath(id) + "#tep-dinh-kem");
    }

    /// <summary>The uploaded file's name (NFC), bytes and format, or null after flashing why the file is refused.</summary>
    private async Task<(string Name, byte[] Content, AttachmentFormat Format)?> ReadCheckedAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            Flash("Vui lòng chọn một tệp để đính kèm.", isError: true);
            return null;
        }

        if (file.Length > DocumentAttachmentStore.MaxBytes)
        {
            Flash($"Tệp “{file.FileName}” có dung lượng {FileSizes.Format(file.Length)}, vượt quá giới hạn 30 MB.", isError: true);
            return null;
        }

        byte[] content;
        await using (var stream = file.OpenReadStream())
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await stream.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        var check = DocumentAttachmentStore.Check(file.FileName, content);
        if (check.Format is not { } format)
        {
            Flash($"Không thể đính kèm: {check.Error}", isError: true);
            return null;
        }

        return (VietnameseText.ToNfc(file.FileName), content, format);
    }

    private static string EditPath(int id) => DocumentsController.EditPath(id);
}
