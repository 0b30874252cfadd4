using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Documents;
using DongNai.EthnicPortal.Web.Services.Html;
using DongNai.EthnicPortal.Web.Services.Lists;
using DongNai.EthnicPortal.Web.Services.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>The registry for editors: documents with all their fields. Attachments, relations and lookups have controllers of their own.</summary>
[Authorize(Policy = Policies.Editors)]
public sealed class DocumentsController(
    PortalDbContext db,
    AuditLog audit,
    ContentChanges changes,
    PortalHtmlSanitizer sanitizer,
    DocumentAttachmentStore attachments,
    DocumentEditorQuery editor,
    TimeProvider time) : AdminControllerBase
{
    public const string BasePath = "/quan-tri/van-ban";
    private const int PageSize = 50;

    [HttpGet(BasePath)]
    public async Task<IActionResult> Index(string? q, int trang = 1, CancellationToken cancellationToken = default)
    {
        var query = db.OfficialDocuments.AsNoTracking();
        var text = q?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var symbol = DocumentSymbol.Normalize(text);
            var term = AdminSearch.Term(text)!;
            query = query.Where(d => d.Number == text || d.NormalizedSymbol.Contains(symbol) || d.AbstractFolded.Contains(term));
        }

        var (items, page) = await query
            .OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id)
            .PageByIdsAsync(d => d.Id, trang, PageSize, ids => db.OfficialDocuments
                .Where(d => ids.Contains(d.Id))
                .OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id)
                .Select(d => new DocumentAdminListItem(d.Id, d.Slug, d.NumberAndSymbol, d.DocumentType.Name, d.IssuedOn, d.IsPublished, d.Attachments.Count)), cancellationToken: cancellationToken);
        return View(new DocumentAdminListModel(text, items, page.Number, page.PageCount, page.TotalCount));
    }

    [HttpGet(BasePath + "/tao")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await editor.LoadAsync(null, new DocumentFormModel { IssuedOn = VietnamTime.Today(time) }, cancellationToken));

    [HttpPost(BasePath + "/tao")]
    [RichTextForm]
    public async Task<IActionResult> Create(DocumentFormModel form, CancellationToken cancellationToken)
    {
        await ValidateAsync(form, null, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View("Edit", await editor.LoadAsync(null, form, cancellationToken));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var document = new OfficialDocument { CreatedAt = now };
        await ApplyAsync(document, form, now, cancellationToken);
        db.OfficialDocuments.Add(document);
        await audit.SaveCreatedAsync(document, AuditActions.DocumentCreated, document.NumberAndSymbol, cancellationToken);
        await changes.DocumentChangedAsync(document.Id, cancellationToken);

        Flash($"Đã tạo văn bản số {document.NumberAndSymbol}. Bạn có thể đính kèm tệp và thêm văn bản liên quan bên dưới.");
        return Redirect(EditPath(document.Id));
    }

    [HttpGet(BasePath + "/{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var document = await db.OfficialDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        return View(await editor.LoadAsync(id, ToForm(document), cancellationToken));
    }

    [HttpPost(BasePath + "/{id:int}/sua")]
    [RichTextForm]
    public async Task<IActionResult> Edit(int id, DocumentFormModel form, CancellationToken cancellationToken)
    {
        var document = await db.OfficialDocuments.FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        var numberBefore = document.Number;
        await ValidateAsync(form, id, cancellationToken);
        if (!ModelState.IsValid || !await SaveEditAsync(document, form, cancellationToken))
        {
            return View(await editor.LoadAsync(id, form, cancellationToken));
        }

        await (numberBefore == document.Number ? changes.DocumentChangedAsync(id, cancellationToken) : changes.DocumentChangedAsync(id, numberBefore, cancellationToken));
        Flash($"Đã lưu văn bản số {document.NumberAndSymbol}.");
        return Redirect(EditPath(id));
    }

    /// <summary>Applies and saves the edit with its audit row, unless the document changed since the form was loaded.</summary>
    private async Task<bool> SaveEditAsync(OfficialDocument document, DocumentFormModel form, CancellationToken cancellationToken)
    {
        var before = document.NumberAndSymbol;
        await ApplyAsync(document, form, time.GetUtcNow().UtcDateTime, cancellationToken);
        audit.Add(AuditActions.DocumentUpdated, nameof(OfficialDocument), document.Id, before == document.NumberAndSymbol ? document.NumberAndSymbol : $"{before} → {document.NumberAndSymbol}");
        return await db.SaveEditAsync(document, form.Version, ModelState, "Văn bản vừa được người khác sửa. Hãy tải lại trang để xem bản mới nhất rồi sửa lại; thay đổi của bạn chưa được lưu.", cancellationToken);
    }

    [HttpGet(BasePath + "/{id:int}/xoa")]
    public async Task<IActionResult> Delete(int id, CancellationToken cancellationToken)
    {
        var model = await db.OfficialDocuments.AsNoTracking()
            .Where(d => d.Id == id)
            .Select(d => new DocumentDeleteModel(d.Id, d.DocumentType.Name + " số " + d.NumberAndSymbol, d.Abstract, d.Attachments.Count, d.CitedBy.Count))
            .FirstOrDefaultAsync(cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost(BasePath + "/{id:int}/xoa")]
    [ActionName(nameof(Delete))]
    public async Task<IActionResult> DeleteConfirmed(int id, CancellationToken cancellationToken)
    {
        var document = await db.OfficialDocuments
            .Include(d => d.Attachments)
            .Include(d => d.RelationsFrom)
            .Include(d => d.RelationsTo)
            .FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        var files = document.Attachments.Select(a => a.StoredPath).ToList();
        // The "to" side of relations is a client cascade (SQL Server allows one cascade path), so it is loaded and removed here.
        db.DocumentRelations.RemoveRange(document.RelationsTo);
        db.OfficialDocuments.Remove(document);
        audit.Add(AuditActions.DocumentDeleted, nameof(OfficialDocument), id, document.NumberAndSymbol);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var file in files)
        {
            attachments.Delete(file);
        }

        await changes.DocumentChangedAsync(id, document.Number, cancellationToken);
        Flash($"Đã xóa văn bản số {document.NumberAndSymbol}.");
        return Redirect(BasePath);
    }


    public static string EditPath(int id) => $"{BasePath}/{id}/sua";

    private async Task ValidateAsync(DocumentFormModel form, int? id, CancellationToken cancellationToken)
    {
        form.NumberAndSymbol = VietnameseText.ToNfc(form.NumberAndSymbol?.Trim() ?? "");
        var symbol = DocumentSymbol.Normalize(form.NumberAndSymbol);
        if (form.NumberAndSymbol.Length > 0 && (DocumentSymbol.LeadingNumber(form.NumberAndSymbol).Length == 0 || !symbol.Contains('/', StringComparison.Ordinal)))
        {
            ModelState.AddModelError(nameof(form.NumberAndSymbol), "Số ký hiệu phải bắt đầu bằng số và có dấu “/”, ví dụ 9478/UBND-KGVX hoặc 250-KL/TU.");
        }

        if (form.DocumentTypeId is { } typeId && !await db.DocumentTypes.AnyAsync(t => t.Id == typeId, cancellationToken))
        {
            ModelState.AddModelError(nameof(form.DocumentTypeId), "Loại văn bản không tồn tại.");
        }

        if (form.IssuingBodyId is { } bodyId && !await db.IssuingBodies.AnyAsync(b => b.Id == bodyId, cancellationToken))
        {
            ModelState.AddModelError(nameof(form.IssuingBodyId), "Cơ quan ban hành không tồn tại.");
        }

        if (form.FieldId is { } fieldId && !await db.DocumentFields.AnyAsync(f => f.Id == fieldId, cancellationToken))
        {
            ModelState.AddModelError(nameof(form.FieldId), "Lĩnh vực không tồn tại.");
        }

        if (form.ValidityOverride is { } validity && !Enum.IsDefined(validity))
        {
            ModelState.AddModelError(nameof(form.ValidityOverride), "Tình trạng hiệu lực không hợp lệ.");
        }

        var start = form.EffectiveFrom ?? form.IssuedOn;
        if (start is { } from && form.EffectiveUntil is { } until && until < from)
        {
            ModelState.AddModelError(nameof(form.EffectiveUntil), "Ngày hết hiệu lực không được trước ngày có hiệu lực.");
        }

        if (form.IssuedOn is { } issued && form.EffectiveFrom is { } effective && effective < issued)
        {
            ModelState.AddModelError(nameof(form.EffectiveFrom), "Ngày hiệu lực không được trước ngày ban hành.");
        }

        if (form.IssuedOn is { } issuedOn && symbol.Length > 0)
        {
            // Numbers restart each year, so the same symbol may exist once per year.
            var first = new DateOnly(issuedOn.Year, 1, 1);
            var last = new DateOnly(issuedOn.Year, 12, 31);
            if (await db.OfficialDocuments.AnyAsync(d => d.NormalizedSymbol == symbol && d.IssuedOn >= first && d.IssuedOn <= last && d.Id != id, cancellationToken))
            {
                ModelState.AddModelError(nameof(form.NumberAndSymbol), $"Đã có văn bản số {form.NumberAndSymbol} ban hành năm {issuedOn.Year}.");
            }
        }
    }

    private async Task ApplyAsync(OfficialDocument document, DocumentFormModel form, DateTime now, CancellationToken cancellationToken)
    {
        var typeName = await db.DocumentTypes.Where(t => t.Id == form.DocumentTypeId).Select(t => t.Name).FirstAsync(cancellationToken);
        document.DocumentTypeId = form.DocumentTypeId!.Value;
        document.NumberAndSymbol = form.NumberAndSymbol;
        document.Number = DocumentSymbol.LeadingNumber(form.NumberAndSymbol);
        document.NormalizedSymbol = DocumentSymbol.Normalize(form.NumberAndSymbol);
        document.IssuingBodyId = form.IssuingBodyId!.Value;
        document.FieldId = form.FieldId;
        document.SignerName = form.SignerName.Trim();
        document.SignerTitle = string.IsNullOrWhiteSpace(form.SignerTitle) ? null : form.SignerTitle.Trim();
        document.IssuedOn = form.IssuedOn!.Value;
        document.EffectiveFrom = form.EffectiveFrom;
        document.EffectiveUntil = form.EffectiveUntil;
        document.ValidityOverride = form.ValidityOverride;
        document.ValidityNote = string.IsNullOrWhiteSpace(form.ValidityNote) ? null : form.ValidityNote.Trim();
        document.Abstract = form.Abstract.Trim();
        var fullText = sanitizer.Sanitize(form.FullTextHtml);
        document.FullTextHtml = fullText.Length == 0 ? null : fullText;
        document.IsPublished = form.IsPublished;
        document.Slug = VietnameseText.Slugify($"{typeName} {document.NumberAndSymbol} {document.Abstract}");
        document.UpdatedAt = now;
    }

    private static DocumentFormModel ToForm(OfficialDocument d) => new()
    {
        DocumentTypeId = d.DocumentTypeId,
        NumberAndSymbol = d.NumberAndSymbol,
        IssuingBodyId = d.IssuingBodyId,
        FieldId = d.FieldId,
        SignerName = d.SignerName,
        SignerTitle = d.SignerTitle,
        IssuedOn = d.IssuedOn,
        EffectiveFrom = d.EffectiveFrom,
        EffectiveUntil = d.EffectiveUntil,
        ValidityOverride = d.ValidityOverride,
        ValidityNote = d.ValidityNote,
        Abstract = d.Abstract,
        FullTextHtml = d.FullTextHtml,
        IsPublished = d.IsPublished,
        Version = d.Version,
    };
}
