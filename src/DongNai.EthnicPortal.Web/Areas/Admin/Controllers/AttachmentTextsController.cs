using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Documents.Extraction;
using DongNai.EthnicPortal.Web.Services.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// The text read out of attachments: its state and progress, reading a file again, reading every file
/// stored before extraction existed, and an editor's correction of one page.
/// </summary>
[Authorize(Policy = Policies.Editors)]
public sealed class AttachmentTextsController(PortalDbContext db, AuditLog audit, ContentChanges changes, AttachmentTextRequests queue, TimeProvider time) : AdminControllerBase
{
    public const int MaxPageCharacters = 200_000;
    private const string BasePath = DocumentsController.BasePath;

    /// <summary>Polled by the document editor while a file is being read.</summary>
    [HttpGet(BasePath + "/{id:int}/tep/trang-thai")]
    public async Task<IActionResult> Status(int id, CancellationToken cancellationToken)
    {
        var statuses = await DocumentEditorQuery.AttachmentTextStatuses(db, id, cancellationToken);
        return Json(statuses.Select(s => new { id = s.Key, code = s.Value.Code, label = s.Value.Label, percent = s.Value.Percent, working = s.Value.IsWorking }));
    }

    [HttpPost(BasePath + "/{id:int}/tep/{attachmentId:int}/trich-xuat")]
    public async Task<IActionResult> Requeue(int id, int attachmentId, CancellationToken cancellationToken)
    {
        var fileName = await db.DocumentAttachments.Where(a => a.Id == attachmentId && a.OfficialDocumentId == id).Select(a => a.FileName).FirstOrDefaultAsync(cancellationToken);
        if (fileName is null)
        {
            return NotFound();
        }

        audit.Add(AuditActions.AttachmentTextRequeued, nameof(OfficialDocument), id, fileName);
        await queue.EnqueueAsync(db, [attachmentId], fileReplaced: false, cancellationToken);
        Flash($"Đã đưa tệp “{fileName}” vào hàng đợi trích xuất chữ. Các trang đã sửa tay được giữ nguyên.");
        return Redirect(DocumentsController.EditPath(id) + "#tep-dinh-kem");
    }

    /// <summary>The admin button for attachments stored before extraction existed (the same as <c>--extract-attachments</c>, in the background).</summary>
    [HttpPost(BasePath + "/trich-xuat-tep")]
    public async Task<IActionResult> QueueNeverRead(CancellationToken cancellationToken)
    {
        var count = await queue.EnqueueNeverReadAsync(db, cancellationToken);
        Flash(count == 0 ? "Mọi tệp đính kèm đều đã được trích xuất chữ." : $"Đã đưa {count} tệp đính kèm chưa trích xuất vào hàng đợi; hệ thống xử lý lần lượt từng tệp.");
        return Redirect(BasePath);
    }

    [HttpGet(BasePath + "/{id:int}/tep/{attachmentId:int}/chu")]
    public async Task<IActionResult> Page(int id, int attachmentId, int? trang, CancellationToken cancellationToken)
    {
        var model = await LoadAsync(id, attachmentId, trang ?? 1, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost(BasePath + "/{id:int}/tep/{attachmentId:int}/chu/{pageNumber:int}")]
    public async Task<IActionResult> Correct(int id, int attachmentId, int pageNumber, string? text, CancellationToken cancellationToken)
    {
        var page = await db.AttachmentTextPages
            .Where(p => p.DocumentAttachmentId == attachmentId && p.PageNumber == pageNumber && db.DocumentAttachments.Any(a => a.Id == attachmentId && a.OfficialDocumentId == id))
            .FirstOrDefaultAsync(cancellationToken);
        if (page is null)
        {
            return NotFound();
        }

        var corrected = VietnameseText.ToNfc((text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim());
        if (corrected.Length > MaxPageCharacters)
        {
            Flash($"Nội dung trang dài {corrected.Length:N0} ký tự, vượt giới hạn {MaxPageCharacters:N0} ký tự; chưa lưu.".Replace(',', '.'), isError: true);
            return Redirect(PagePath(id, attachmentId, pageNumber));
        }

        page.Text = corrected;
        page.FoldedText = SearchText.FoldedForIndex(corrected);
        page.CorrectedAt = time.GetUtcNow().UtcDateTime;
        page.CorrectedBy = User.Identity?.Name;
        audit.Add(AuditActions.AttachmentTextCorrected, nameof(OfficialDocument), id, $"tệp {attachmentId}, trang {pageNumber}");
        await db.SaveChangesAsync(cancellationToken);
        await changes.DocumentChangedAsync(id, cancellationToken);
        Flash($"Đã lưu chữ của trang {pageNumber}. Kết quả tìm kiếm dùng nội dung mới ngay.");
        return Redirect(PagePath(id, attachmentId, pageNumber));
    }

    public static string PagePath(int id, int attachmentId, int pageNumber) => $"{BasePath}/{id}/tep/{attachmentId}/chu?trang={pageNumber}";

    private async Task<AttachmentPageEditorModel?> LoadAsync(int id, int attachmentId, int requested, CancellationToken cancellationToken)
    {
        var attachment = await db.DocumentAttachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && a.OfficialDocumentId == id)
            .Select(a => new { a.FileName, Title = a.OfficialDocument.DocumentType.Name + " số " + a.OfficialDocument.NumberAndSymbol })
            .FirstOrDefaultAsync(cancellationToken);
        if (attachment is null)
        {
            return null;
        }

        var status = (await DocumentEditorQuery.AttachmentTextStatuses(db, id, cancellationToken)).GetValueOrDefault(attachmentId) ?? new AttachmentTextStatus(null, 0, null, 0, null);
        var numbers = await db.AttachmentTextPages.AsNoTracking().Where(p => p.DocumentAttachmentId == attachmentId).OrderBy(p => p.PageNumber).Select(p => p.PageNumber).ToListAsync(cancellationToken);
        var number = numbers.Contains(requested) ? requested : numbers.FirstOrDefault();
        var page = await db.AttachmentTextPages.AsNoTracking()
            .Where(p => p.DocumentAttachmentId == attachmentId && p.PageNumber == number)
            .Select(p => new { p.Text, p.CorrectedAt, p.CorrectedBy })
            .FirstOrDefaultAsync(cancellationToken);
        return new AttachmentPageEditorModel(id, attachment.Title, attachmentId, attachment.FileName, status, numbers, number, page?.Text ?? "", page?.CorrectedAt, page?.CorrectedBy);
    }
}
