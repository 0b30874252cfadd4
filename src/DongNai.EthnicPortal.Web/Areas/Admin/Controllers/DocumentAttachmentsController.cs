using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
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
    DocumentUploads uploads,
    AttachmentTextRequests textQueue) : AdminControllerBase
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

        var upload = await uploads.StoreAsync(file, cancellationToken);
        if (upload.Stored is not { } stored)
        {
            Flash(upload.Error, isError: true);
            return Redirect(FilesPath(id));
        }

        var attachment = stored.ApplyTo(new DocumentAttachment { OfficialDocumentId = id });
        db.DocumentAttachments.Add(attachment);
        audit.Add(AuditActions.DocumentAttachmentAdded, nameof(OfficialDocument), id, stored.AuditDetail);
        await uploads.SaveReferringRowsAsync(db, stored, cancellationToken);
        await textQueue.EnqueueAsync(db, [attachment.Id], fileReplaced: true, cancellationToken);
        await changes.DocumentChangedAsync(id, cancellationToken);
        Flash($"Đã đính kèm tệp “{stored.FileName}” ({FileSizes.Format(stored.SizeBytes)}). Chữ trong tệp đang được trích xuất để tìm kiếm.");
        return Redirect(FilesPath(id));
    }

    [HttpPost(BasePath + "/{id:int}/tep/{attachmentId:int}/xoa")]
    public async Task<IActionResult> RemoveAttachment(int id, int attachmentId, CancellationToken cancellationToken)
    {
        var attachment = await db.DocumentAttachments.FirstOrDefaultAsync(a => a.Id == attachmentId && a.OfficialDocumentId == id, cancellationToken);
        if (attachment is null)
        {
            return NotFound();
        }

        audit.Add(AuditActions.DocumentAttachmentRemoved, nameof(OfficialDocument), id, attachment.FileName);
        await uploads.RemoveAsync(db, attachment, cancellationToken);
        await changes.DocumentChangedAsync(id, cancellationToken);
        Flash($"Đã gỡ tệp “{attachment.FileName}”.");
        return Redirect(FilesPath(id));
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

        var upload = await uploads.StoreAsync(file, cancellationToken);
        if (upload.Stored is not { } stored)
        {
            Flash(upload.Error, isError: true);
            return Redirect(FilesPath(id));
        }

        var previousPath = attachment.StoredPath;
        stored.ApplyTo(attachment);
        audit.Add(AuditActions.DocumentAttachmentReplaced, nameof(OfficialDocument), id, stored.AuditDetail);
        await uploads.SaveReferringRowsAsync(db, stored, cancellationToken);
        attachments.Delete(previousPath);
        await textQueue.EnqueueAsync(db, [attachment.Id], fileReplaced: true, cancellationToken);
        await changes.DocumentChangedAsync(id, cancellationToken);
        Flash($"Đã thay tệp bằng “{stored.FileName}” ({FileSizes.Format(stored.SizeBytes)}). Chữ của tệp cũ đã được bỏ; tệp mới đang được trích xuất.");
        return Redirect(FilesPath(id));
    }

    /// <summary>The attachments section of the document's edit page.</summary>
    private static string FilesPath(int id) => DocumentsController.EditPath(id) + "#tep-dinh-kem";
}
