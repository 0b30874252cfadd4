using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
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

/// <summary>
/// Consultations for staff: editors create them, attach the draft, conclude them and export the
/// synthesis table; every staff member can read the comment inbox (without contact details).
/// </summary>
public sealed class ConsultationsController(
    PortalDbContext db,
    AuditLog audit,
    ContentChanges changes,
    DocumentAttachmentStore files,
    TimeProvider time) : AdminControllerBase
{
    private const string BasePath = ConsultationUrls.Admin;
    private const int InboxPageSize = 50;

    [HttpGet(BasePath)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var rows = await db.Consultations.AsNoTracking()
            .OrderByDescending(c => c.OpensAt).ThenByDescending(c => c.Id)
            .Select(c => new
            {
                c.Id,
                c.Title,
                c.IsPublished,
                c.OpensAt,
                c.ClosesAt,
                c.ConcludedAt,
                Comments = c.Comments.Count(m => m.Status != ConsultationCommentStatus.Spam),
                Unanswered = c.Comments.Count(m => m.Status != ConsultationCommentStatus.Spam && m.ResponseKind == ConsultationResponseKind.None),
            })
            .ToListAsync(cancellationToken);
        return View(rows.Select(c => new ConsultationAdminRow(c.Id, c.Title, ConsultationLifecycle.StageAt(c.IsPublished, c.OpensAt, c.ClosesAt, c.ConcludedAt, now), c.OpensAt, c.ClosesAt, c.Comments, c.Unanswered)).ToList());
    }

    [HttpGet(BasePath + "/tao")]
    [Authorize(Policy = Policies.Editors)]
    public IActionResult Create()
    {
        var today = VietnamTime.ToLocal(time.GetUtcNow().UtcDateTime).Date;
        return View("Edit", new ConsultationEditorModel(null, new ConsultationForm { OpensAt = today.AddDays(1).AddHours(8), ClosesAt = today.AddDays(31).AddHours(17) }, null, null, [], null, null, 0));
    }

    [HttpPost(BasePath + "/tao")]
    [Authorize(Policy = Policies.Editors)]
    [RichTextForm]
    public async Task<IActionResult> Create(ConsultationForm form, CancellationToken cancellationToken)
    {
        var resultDocumentId = await ValidateAsync(form, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View("Edit", new ConsultationEditorModel(null, form, null, null, [], null, null, 0));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var consultation = new Consultation { CreatedAt = now };
        Apply(consultation, form, resultDocumentId, now);
        db.Consultations.Add(consultation);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.ConsultationCreated, nameof(Consultation), consultation.Id, consultation.Title);
        await changes.ConsultationChangedAsync(consultation.Id, cancellationToken);
        Flash("Đã tạo dự thảo lấy ý kiến. Bạn có thể đính kèm tệp dự thảo bên dưới.");
        return Redirect(ConsultationUrls.AdminEdit(consultation.Id));
    }

    [HttpGet(BasePath + "/{id:int}/sua")]
    [Authorize(Policy = Policies.Editors)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var consultation = await db.Consultations.AsNoTracking().Include(c => c.ResultDocument).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (consultation is null)
        {
            return NotFound();
        }

        var form = new ConsultationForm
        {
            Title = consultation.Title,
            DraftingUnit = consultation.DraftingUnit,
            Summary = consultation.Summary,
            DraftText = consultation.DraftText,
            OpensAt = VietnamTime.ToLocal(consultation.OpensAt),
            ClosesAt = VietnamTime.ToLocal(consultation.ClosesAt),
            IsPublished = consultation.IsPublished,
            PublishComments = consultation.PublishComments,
            OutcomeText = consultation.OutcomeText,
            ResultDocumentSymbol = consultation.ResultDocument?.NumberAndSymbol,
            Version = consultation.Version,
        };
        return View(await EditorAsync(id, form, cancellationToken));
    }

    [HttpPost(BasePath + "/{id:int}/sua")]
    [Authorize(Policy = Policies.Editors)]
    [RichTextForm]
    public async Task<IActionResult> Edit(int id, ConsultationForm form, CancellationToken cancellationToken)
    {
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (consultation is null)
        {
            return NotFound();
        }

        var resultDocumentId = await ValidateAsync(form, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View(await EditorAsync(id, form, cancellationToken));
        }

        db.Entry(consultation).Property(c => c.Version).OriginalValue = form.Version;
        Apply(consultation, form, resultDocumentId, time.GetUtcNow().UtcDateTime);
        audit.Add(AuditActions.ConsultationUpdated, nameof(Consultation), id, consultation.Title);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Dự thảo vừa được người khác sửa. Hãy tải lại trang để xem bản mới nhất rồi sửa lại; thay đổi của bạn chưa được lưu.");
            return View(await EditorAsync(id, form, cancellationToken));
        }

        await changes.ConsultationChangedAsync(id, cancellationToken);
        Flash("Đã lưu dự thảo.");
        return Redirect(ConsultationUrls.AdminEdit(id));
    }

    /// <summary>The editor's "concluded" step: the outcome shows publicly and the retention period of contact details starts.</summary>
    [HttpPost(BasePath + "/{id:int}/ket-thuc")]
    [Authorize(Policy = Policies.Editors)]
    public async Task<IActionResult> Conclude(int id, CancellationToken cancellationToken)
    {
        var consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (consultation is null)
        {
            return NotFound();
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (ConsultationLifecycle.StageAt(consultation.IsPublished, consultation.OpensAt, consultation.ClosesAt, consultation.ConcludedAt, now) != ConsultationStage.Closed)
        {
            Flash("Chỉ kết thúc được dự thảo đã đăng và đã hết hạn góp ý, chưa kết thúc trước đó.", isError: true);
            return Redirect(ConsultationUrls.AdminEdit(id));
        }

        consultation.ConcludedAt = now;
        audit.Add(AuditActions.ConsultationConcluded, nameof(Consultation), id, consultation.Title);
        await db.SaveChangesAsync(cancellationToken);
        await changes.ConsultationChangedAsync(id, cancellationToken);
        Flash("Đã kết thúc lấy ý kiến: kết quả được hiện trên trang công khai.");
        return Redirect(ConsultationUrls.AdminEdit(id));
    }

    [HttpPost(BasePath + "/{id:int}/tep")]
    [Authorize(Policy = Policies.Editors)]
    [EnableRateLimiting(RateLimitPolicies.Upload)]
    [RequestSizeLimit(DocumentAttachmentStore.MaxRequestBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = DocumentAttachmentStore.MaxRequestBytes)]
    public async Task<IActionResult> Upload(int id, IFormFile? file, ConsultationFileKind kind, CancellationToken cancellationToken)
    {
        if (!await db.Consultations.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return NotFound();
        }

        var back = ConsultationUrls.AdminEdit(id) + "#tep";
        if (file is null || file.Length > DocumentAttachmentStore.MaxBytes || !Enum.IsDefined(kind))
        {
            Flash(file is null ? "Vui lòng chọn một tệp." : $"Tệp “{file.FileName}” vượt quá giới hạn 30 MB hoặc loại tệp không hợp lệ.", isError: true);
            return Redirect(back);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        var check = DocumentAttachmentStore.Check(file.FileName, content);
        if (check.Format is not { } format)
        {
            Flash($"Không thể đính kèm: {check.Error}", isError: true);
            return Redirect(back);
        }

        var stored = await files.WriteAsync(VietnameseText.ToNfc(file.FileName), content, format, time.GetUtcNow().UtcDateTime, cancellationToken);
        db.ConsultationFiles.Add(new ConsultationFile
        {
            ConsultationId = id,
            Kind = kind,
            FileName = stored.FileName,
            ContentType = stored.ContentType,
            SizeBytes = stored.SizeBytes,
            StoredPath = stored.StoredPath,
            UploadedAt = stored.UploadedAt,
        });
        audit.Add(AuditActions.ConsultationFileAdded, nameof(Consultation), id, $"{stored.FileName} ({format.ContentType}, {stored.SizeBytes} byte)");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            // Nothing may stay on disk for a row that was never saved.
            files.Delete(stored.StoredPath);
            throw;
        }

        await changes.ConsultationChangedAsync(id, cancellationToken);
        Flash($"Đã đính kèm tệp “{stored.FileName}”.");
        return Redirect(back);
    }

    [HttpPost(BasePath + "/{id:int}/tep/{fileId:int}/xoa")]
    [Authorize(Policy = Policies.Editors)]
    public async Task<IActionResult> RemoveFile(int id, int fileId, CancellationToken cancellationToken)
    {
        var file = await db.ConsultationFiles.FirstOrDefaultAsync(f => f.Id == fileId && f.ConsultationId == id, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        db.ConsultationFiles.Remove(file);
        audit.Add(AuditActions.ConsultationFileRemoved, nameof(Consultation), id, file.FileName);
        await db.SaveChangesAsync(cancellationToken);
        files.Delete(file.StoredPath);
        await changes.ConsultationChangedAsync(id, cancellationToken);
        Flash($"Đã gỡ tệp “{file.FileName}”.");
        return Redirect(ConsultationUrls.AdminEdit(id) + "#tep");
    }

    /// <summary>Replaces the draft's text with the paragraphs of an attached Word file.</summary>
    [HttpPost(BasePath + "/{id:int}/tep/{fileId:int}/nhap")]
    [Authorize(Policy = Policies.Editors)]
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

        consultation.DraftText = text.Length > 200_000 ? text[..200_000] : text;
        consultation.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Add(AuditActions.ConsultationDraftImported, nameof(Consultation), id, file.FileName);
        await db.SaveChangesAsync(cancellationToken);
        await changes.ConsultationChangedAsync(id, cancellationToken);
        Flash($"Đã nhập toàn văn dự thảo từ “{file.FileName}” ({DraftText.Articles(consultation.DraftText).Count} điều). Hãy kiểm tra lại nội dung.");
        return Redirect(ConsultationUrls.AdminEdit(id));
    }

    [HttpGet(BasePath + "/{id:int}/gop-y")]
    public async Task<IActionResult> Comments(int id, [FromQuery(Name = "phan")] string? part, [FromQuery(Name = "trang-thai")] string? state, int trang = 1, CancellationToken cancellationToken = default)
    {
        var consultation = await db.Consultations.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Title, c.DraftText }).FirstOrDefaultAsync(cancellationToken);
        if (consultation is null)
        {
            return NotFound();
        }

        var query = db.ConsultationComments.AsNoTracking().Where(c => c.ConsultationId == id);
        query = part switch
        {
            "toan-bo" => query.Where(c => c.ArticleNumber == null),
            _ when int.TryParse(part, out var article) => query.Where(c => c.ArticleNumber == article),
            _ => query,
        };
        query = state switch
        {
            "chua-tra-loi" => query.Where(c => c.Status != ConsultationCommentStatus.Spam && c.ResponseKind == ConsultationResponseKind.None),
            "tiep-thu" => query.Where(c => c.ResponseKind == ConsultationResponseKind.Accepted),
            "giai-trinh" => query.Where(c => c.ResponseKind == ConsultationResponseKind.Explained),
            "khong-tiep-thu" => query.Where(c => c.ResponseKind == ConsultationResponseKind.Rejected),
            "cong-khai" => query.Where(c => c.Status == ConsultationCommentStatus.Approved),
            "rac" => query.Where(c => c.Status == ConsultationCommentStatus.Spam),
            _ => query.Where(c => c.Status != ConsultationCommentStatus.Spam),
        };

        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + InboxPageSize - 1) / InboxPageSize);
        var page = Math.Clamp(trang, 1, pageCount);
        var rows = await query.OrderBy(c => c.Id).Skip((page - 1) * InboxPageSize).Take(InboxPageSize)
            .Select(c => new { c.Id, c.Organisation, c.FullName, c.ArticleNumber, c.Text, c.SubmittedAt, c.Status, c.ResponseKind })
            .ToListAsync(cancellationToken);
        var articles = DraftText.Articles(consultation.DraftText);
        var canSeeNames = Actor.IsEditor;
        var items = rows.Select(c => new InboxRow(
            c.Id,
            ReceiptCodes.Format(c.Id, c.SubmittedAt),
            SynthesisTable.Commenter(c.Organisation, canSeeNames ? c.FullName : ""),
            c.ArticleNumber is { } n ? $"Điều {n}" : DraftText.WholeDraftLabel,
            c.Text.Length > 200 ? c.Text[..200] + "…" : c.Text,
            c.SubmittedAt,
            c.Status,
            c.ResponseKind)).ToList();
        return View(new InboxModel(id, consultation.Title, articles, part, state, items, page, pageCount, total));
    }

    [HttpGet(BasePath + "/{id:int}/xuat-word")]
    [Authorize(Policy = Policies.Editors)]
    public Task<IActionResult> ExportDocx(int id, CancellationToken cancellationToken) =>
        ExportAsync(id, "docx", SynthesisExports.DocxContentType, SynthesisExports.Docx, cancellationToken);

    [HttpGet(BasePath + "/{id:int}/xuat-excel")]
    [Authorize(Policy = Policies.Editors)]
    public Task<IActionResult> ExportXlsx(int id, CancellationToken cancellationToken) =>
        ExportAsync(id, "xlsx", SynthesisExports.XlsxContentType, SynthesisExports.Xlsx, cancellationToken);

    private async Task<IActionResult> ExportAsync(int id, string extension, string contentType, Func<SynthesisTable, byte[]> write, CancellationToken cancellationToken)
    {
        var table = await SynthesisTable.LoadAsync(db, id, cancellationToken);
        if (table is null)
        {
            return NotFound();
        }

        var content = write(table);
        await audit.WriteAsync(AuditActions.ConsultationExported, nameof(Consultation), id, $"{extension}, {table.RowCount} góp ý");
        return File(content, contentType, $"Bảng tổng hợp ý kiến dự thảo {id}.{extension}");
    }

    private async Task<int?> ValidateAsync(ConsultationForm form, CancellationToken cancellationToken)
    {
        if (form.OpensAt is { } opens && form.ClosesAt is { } closes && closes <= opens)
        {
            ModelState.AddModelError(nameof(form.ClosesAt), "Thời điểm hết hạn góp ý phải sau thời điểm bắt đầu.");
        }

        if (form.DraftText is { } text && text.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t'))
        {
            ModelState.AddModelError(nameof(form.DraftText), "Toàn văn dự thảo có ký tự điều khiển không hợp lệ.");
        }

        if (string.IsNullOrWhiteSpace(form.ResultDocumentSymbol))
        {
            return null;
        }

        var symbol = DocumentSymbol.Normalize(form.ResultDocumentSymbol);
        var documentId = await db.OfficialDocuments.AsNoTracking()
            .Where(d => d.NormalizedSymbol == symbol)
            .OrderByDescending(d => d.IssuedOn)
            .Select(d => (int?)d.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (documentId is null)
        {
            ModelState.AddModelError(nameof(form.ResultDocumentSymbol), $"Không tìm thấy văn bản số {form.ResultDocumentSymbol.Trim()} trong hệ thống văn bản.");
        }

        return documentId;
    }

    private static void Apply(Consultation consultation, ConsultationForm form, int? resultDocumentId, DateTime now)
    {
        consultation.Title = form.Title.Trim();
        consultation.Slug = VietnameseText.Slugify(consultation.Title);
        consultation.DraftingUnit = form.DraftingUnit.Trim();
        consultation.Summary = form.Summary.Trim();
        consultation.DraftText = string.IsNullOrWhiteSpace(form.DraftText) ? null : form.DraftText.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        consultation.OpensAt = VietnamTime.ToUtc(form.OpensAt!.Value);
        consultation.ClosesAt = VietnamTime.ToUtc(form.ClosesAt!.Value);
        consultation.IsPublished = form.IsPublished;
        consultation.PublishComments = form.PublishComments;
        consultation.OutcomeText = string.IsNullOrWhiteSpace(form.OutcomeText) ? null : form.OutcomeText.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        consultation.ResultDocumentId = resultDocumentId;
        consultation.UpdatedAt = now;
    }

    private async Task<ConsultationEditorModel> EditorAsync(int id, ConsultationForm form, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var consultation = await db.Consultations.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new { c.Slug, c.IsPublished, c.OpensAt, c.ClosesAt, c.ConcludedAt, c.ContactsErasedAt, Comments = c.Comments.Count })
            .FirstAsync(cancellationToken);
        var attached = await db.ConsultationFiles.AsNoTracking()
            .Where(f => f.ConsultationId == id)
            .OrderBy(f => f.Kind).ThenBy(f => f.Id)
            .Select(f => new ConsultationFileRow(f.Id, f.Kind, f.FileName, f.ContentType, f.SizeBytes))
            .ToListAsync(cancellationToken);
        var stage = ConsultationLifecycle.StageAt(consultation.IsPublished, consultation.OpensAt, consultation.ClosesAt, consultation.ConcludedAt, now);
        return new ConsultationEditorModel(id, form, stage, ConsultationUrls.Show(id, consultation.Slug), attached, consultation.ConcludedAt, consultation.ContactsErasedAt, consultation.Comments);
    }
}
