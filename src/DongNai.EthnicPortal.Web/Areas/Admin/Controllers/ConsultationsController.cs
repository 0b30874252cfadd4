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
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// Consultations for staff: editors create, edit and conclude them and export the synthesis table.
/// Their files are in <see cref="ConsultationFilesController"/>, the comment inbox in <see cref="ConsultationCommentsController"/>.
/// </summary>
public sealed class ConsultationsController(
    PortalDbContext db,
    AuditLog audit,
    ContentChanges changes,
    TimeProvider time) : AdminControllerBase
{
    private const string BasePath = ConsultationUrls.Admin;

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

        return View(await EditorAsync(id, ConsultationForm.From(consultation), cancellationToken));
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
        if (!ModelState.IsValid || !await SaveEditAsync(consultation, form, resultDocumentId, cancellationToken))
        {
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

    /// <summary>Applies and saves the edit with its audit row, unless the consultation changed since the form was loaded.</summary>
    private async Task<bool> SaveEditAsync(Consultation consultation, ConsultationForm form, int? resultDocumentId, CancellationToken cancellationToken)
    {
        Apply(consultation, form, resultDocumentId, time.GetUtcNow().UtcDateTime);
        audit.Add(AuditActions.ConsultationUpdated, nameof(Consultation), consultation.Id, consultation.Title);
        return await db.SaveEditAsync(consultation, form.Version, ModelState, "Dự thảo vừa được người khác sửa. Hãy tải lại trang để xem bản mới nhất rồi sửa lại; thay đổi của bạn chưa được lưu.", cancellationToken);
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
