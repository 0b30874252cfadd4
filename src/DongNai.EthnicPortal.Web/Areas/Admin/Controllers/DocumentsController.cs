using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services;
using DongNai.EthnicPortal.Web.Services.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>The registry for editors: documents with all their fields, attachments and relations.</summary>
[Authorize(Policy = Policies.Editors)]
public sealed class DocumentsController(
    PortalDbContext db,
    AuditLog audit,
    ContentChanges changes,
    PortalHtmlSanitizer sanitizer,
    DocumentAttachmentStore attachments,
    PublicCache cache,
    TimeProvider time) : AdminControllerBase
{
    public const string BasePath = "/quan-tri/van-ban";
    public const string LookupsPath = BasePath + "/danh-muc";
    public const string TypeLookup = "loai";
    public const string IssuerLookup = "co-quan";
    public const string FieldLookup = "linh-vuc";
    private const int PageSize = 50;

    [HttpGet(BasePath)]
    public async Task<IActionResult> Index(string? q, int trang = 1, CancellationToken cancellationToken = default)
    {
        var query = db.OfficialDocuments.AsNoTracking();
        var text = q?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var symbol = DocumentSymbol.Normalize(text);
            query = query.Where(d => d.Number == text || d.NormalizedSymbol.Contains(symbol) || d.Abstract.Contains(text));
        }

        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(trang, 1, pageCount);
        var items = await query
            .OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(d => new DocumentAdminListItem(d.Id, d.Slug, d.NumberAndSymbol, d.DocumentType.Name, d.IssuedOn, d.IsPublished, d.Attachments.Count))
            .ToListAsync(cancellationToken);
        return View(new DocumentAdminListModel(text, items, page, pageCount, total));
    }

    [HttpGet(BasePath + "/tao")]
    public async Task<IActionResult> Create(CancellationToken cancellationToken) =>
        View("Edit", await EditorAsync(null, new DocumentFormModel { IssuedOn = VietnamTime.Today(time) }, cancellationToken));

    [HttpPost(BasePath + "/tao")]
    [RichTextForm]
    public async Task<IActionResult> Create(DocumentFormModel form, CancellationToken cancellationToken)
    {
        await ValidateAsync(form, null, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View("Edit", await EditorAsync(null, form, cancellationToken));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var document = new OfficialDocument { CreatedAt = now };
        await ApplyAsync(document, form, now, cancellationToken);
        db.OfficialDocuments.Add(document);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync("DocumentCreated", nameof(OfficialDocument), document.Id, document.NumberAndSymbol);
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

        return View(await EditorAsync(id, ToForm(document), cancellationToken));
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

        await ValidateAsync(form, id, cancellationToken);
        if (!ModelState.IsValid)
        {
            return View(await EditorAsync(id, form, cancellationToken));
        }

        db.Entry(document).Property(d => d.Version).OriginalValue = form.Version;
        var before = document.NumberAndSymbol;
        await ApplyAsync(document, form, time.GetUtcNow().UtcDateTime, cancellationToken);
        audit.Add("DocumentUpdated", nameof(OfficialDocument), id, before == document.NumberAndSymbol ? document.NumberAndSymbol : $"{before} → {document.NumberAndSymbol}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", "Văn bản vừa được người khác sửa. Hãy tải lại trang để xem bản mới nhất rồi sửa lại; thay đổi của bạn chưa được lưu.");
            return View(await EditorAsync(id, form, cancellationToken));
        }

        await changes.DocumentChangedAsync(id, cancellationToken);
        Flash($"Đã lưu văn bản số {document.NumberAndSymbol}.");
        return Redirect(EditPath(id));
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
        audit.Add("DocumentDeleted", nameof(OfficialDocument), id, document.NumberAndSymbol);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var file in files)
        {
            attachments.Delete(file);
        }

        await changes.DocumentChangedAsync(id, cancellationToken);
        Flash($"Đã xóa văn bản số {document.NumberAndSymbol}.");
        return Redirect(BasePath);
    }

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

        if (file is null)
        {
            Flash("Vui lòng chọn một tệp để đính kèm.", isError: true);
            return Redirect(EditPath(id) + "#tep-dinh-kem");
        }

        if (file.Length > DocumentAttachmentStore.MaxBytes)
        {
            Flash($"Tệp “{file.FileName}” có dung lượng {FileSizes.Format(file.Length)}, vượt quá giới hạn 30 MB.", isError: true);
            return Redirect(EditPath(id) + "#tep-dinh-kem");
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
            return Redirect(EditPath(id) + "#tep-dinh-kem");
        }

        var attachment = await attachments.WriteAsync(VietnameseText.ToNfc(file.FileName), content, format, time.GetUtcNow().UtcDateTime, cancellationToken);
        attachment.OfficialDocumentId = id;
        db.DocumentAttachments.Add(attachment);
        audit.Add("DocumentAttachmentAdded", nameof(OfficialDocument), id, $"{attachment.FileName} ({format.ContentType}, {attachment.SizeBytes} byte)");
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

        await changes.DocumentChangedAsync(id, cancellationToken);
        Flash($"Đã đính kèm tệp “{attachment.FileName}” ({FileSizes.Format(attachment.SizeBytes)}).");
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
        audit.Add("DocumentAttachmentRemoved", nameof(OfficialDocument), id, attachment.FileName);
        await db.SaveChangesAsync(cancellationToken);
        attachments.Delete(attachment.StoredPath);
        await changes.DocumentChangedAsync(id, cancellationToken);
        Flash($"Đã gỡ tệp “{attachment.FileName}”.");
        return Redirect(EditPath(id) + "#tep-dinh-kem");
    }

    [HttpPost(BasePath + "/{id:int}/lien-quan")]
    public async Task<IActionResult> AddRelation(int id, DocumentRelationKind kind, string? target, int? targetYear, CancellationToken cancellationToken)
    {
        if (!await db.OfficialDocuments.AnyAsync(d => d.Id == id, cancellationToken))
        {
            return NotFound();
        }

        var back = EditPath(id) + "#van-ban-lien-quan";
        if (!Enum.IsDefined(kind))
        {
            Flash("Quan hệ không hợp lệ.", isError: true);
            return Redirect(back);
        }

        var symbol = DocumentSymbol.Normalize(target);
        if (symbol.Length == 0)
        {
            Flash("Vui lòng nhập số ký hiệu của văn bản liên quan.", isError: true);
            return Redirect(back);
        }

        var candidates = db.OfficialDocuments.Where(d => d.NormalizedSymbol == symbol && d.Id != id);
        if (targetYear is { } year)
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            candidates = candidates.Where(d => d.IssuedOn >= first && d.IssuedOn <= last);
        }

        var found = await candidates.Select(d => new { d.Id, d.NumberAndSymbol }).Take(2).ToListAsync(cancellationToken);
        if (found.Count != 1)
        {
            Flash(found.Count == 0
                ? $"Không tìm thấy văn bản số {target!.Trim()}{(targetYear is null ? "" : $" năm {targetYear}")} trong cơ sở dữ liệu."
                : $"Có nhiều văn bản số {target!.Trim()} ở các năm khác nhau; vui lòng nhập thêm năm ban hành.", isError: true);
            return Redirect(back);
        }

        var other = found[0];
        if (await db.DocumentRelations.AnyAsync(r => r.FromDocumentId == id && r.ToDocumentId == other.Id && r.Kind == kind, cancellationToken))
        {
            Flash($"Quan hệ “{DocumentRelationLabels.Forward(kind)}” với văn bản số {other.NumberAndSymbol} đã có.", isError: true);
            return Redirect(back);
        }

        db.DocumentRelations.Add(new DocumentRelation { FromDocumentId = id, ToDocumentId = other.Id, Kind = kind });
        audit.Add("DocumentRelationAdded", nameof(OfficialDocument), id, $"{DocumentRelationLabels.Forward(kind)} {other.NumberAndSymbol}");
        await db.SaveChangesAsync(cancellationToken);
        await changes.DocumentChangedAsync(id, cancellationToken);
        await changes.DocumentChangedAsync(other.Id, cancellationToken);
        Flash($"Đã thêm quan hệ: {DocumentRelationLabels.Forward(kind)} văn bản số {other.NumberAndSymbol}.");
        return Redirect(back);
    }

    [HttpPost(BasePath + "/{id:int}/lien-quan/{relationId:int}/xoa")]
    public async Task<IActionResult> RemoveRelation(int id, int relationId, CancellationToken cancellationToken)
    {
        var relation = await db.DocumentRelations.Include(r => r.ToDocument).Include(r => r.FromDocument)
            .FirstOrDefaultAsync(r => r.Id == relationId && (r.FromDocumentId == id || r.ToDocumentId == id), cancellationToken);
        if (relation is null)
        {
            return NotFound();
        }

        db.DocumentRelations.Remove(relation);
        audit.Add("DocumentRelationRemoved", nameof(OfficialDocument), relation.FromDocumentId, $"{DocumentRelationLabels.Forward(relation.Kind)} {relation.ToDocument.NumberAndSymbol}");
        await db.SaveChangesAsync(cancellationToken);
        await changes.DocumentChangedAsync(relation.FromDocumentId, cancellationToken);
        await changes.DocumentChangedAsync(relation.ToDocumentId, cancellationToken);
        Flash("Đã gỡ quan hệ giữa hai văn bản.");
        return Redirect(EditPath(id) + "#van-ban-lien-quan");
    }

    [HttpGet(LookupsPath)]
    public async Task<IActionResult> Lookups(CancellationToken cancellationToken)
    {
        var types = await db.DocumentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new LookupRow(t.Id, t.Name, t.Code, t.SortOrder, db.OfficialDocuments.Count(d => d.DocumentTypeId == t.Id)))
            .ToListAsync(cancellationToken);
        var issuers = await db.IssuingBodies.AsNoTracking().OrderBy(b => b.SortOrder).ThenBy(b => b.Name)
            .Select(b => new LookupRow(b.Id, b.Name, null, b.SortOrder, db.OfficialDocuments.Count(d => d.IssuingBodyId == b.Id)))
            .ToListAsync(cancellationToken);
        var fields = await db.DocumentFields.AsNoTracking().OrderBy(f => f.SortOrder).ThenBy(f => f.Name)
            .Select(f => new LookupRow(f.Id, f.Name, null, f.SortOrder, db.OfficialDocuments.Count(d => d.FieldId == f.Id)))
            .ToListAsync(cancellationToken);
        return View(new DocumentLookupsModel(
        [
            new LookupTable(TypeLookup, "Loại văn bản", true, types),
            new LookupTable(IssuerLookup, "Cơ quan ban hành", false, issuers),
            new LookupTable(FieldLookup, "Lĩnh vực", false, fields),
        ]));
    }

    [HttpPost(LookupsPath + "/{kind}/them")]
    public async Task<IActionResult> AddLookup(string kind, string? name, string? code, CancellationToken cancellationToken)
    {
        var (clean, cleanCode, error) = await CheckLookupAsync(kind, null, name, code, cancellationToken);
        if (error is not null)
        {
            Flash(error, isError: true);
            return Redirect(LookupsPath);
        }

        switch (kind)
        {
            case TypeLookup:
                db.DocumentTypes.Add(new DocumentType { Name = clean, Code = cleanCode!, SortOrder = await NextSortOrderAsync(db.DocumentTypes.Select(t => t.SortOrder), cancellationToken) });
                break;
            case IssuerLookup:
                db.IssuingBodies.Add(new IssuingBody { Name = clean, SortOrder = await NextSortOrderAsync(db.IssuingBodies.Select(b => b.SortOrder), cancellationToken) });
                break;
            default:
                db.DocumentFields.Add(new DocumentField { Name = clean, SortOrder = await NextSortOrderAsync(db.DocumentFields.Select(f => f.SortOrder), cancellationToken) });
                break;
        }

        audit.Add("DocumentLookupAdded", LookupEntity(kind), null, clean);
        await db.SaveChangesAsync(cancellationToken);
        await cache.EvictAsync(CacheTags.Documents);
        Flash($"Đã thêm “{clean}”.");
        return Redirect(LookupsPath);
    }

    [HttpPost(LookupsPath + "/{kind}/{id:int}/doi-ten")]
    public async Task<IActionResult> RenameLookup(string kind, int id, string? name, string? code, CancellationToken cancellationToken)
    {
        var (clean, cleanCode, error) = await CheckLookupAsync(kind, id, name, code, cancellationToken);
        if (error is not null)
        {
            Flash(error, isError: true);
            return Redirect(LookupsPath);
        }

        string? before;
        switch (kind)
        {
            case TypeLookup:
                var type = await db.DocumentTypes.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
                before = type?.Name;
                if (type is not null)
                {
                    type.Name = clean;
                    type.Code = cleanCode!;
                }

                break;
            case IssuerLookup:
                var issuer = await db.IssuingBodies.FirstOrDefaultAsync(b => b.Id == id, cancellationToken);
                before = issuer?.Name;
                if (issuer is not null)
                {
                    issuer.Name = clean;
                }

                break;
            default:
                var field = await db.DocumentFields.FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
                before = field?.Name;
                if (field is not null)
                {
                    field.Name = clean;
                }

                break;
        }

        if (before is null)
        {
            return NotFound();
        }

        audit.Add("DocumentLookupRenamed", LookupEntity(kind), id, $"{before} → {clean}");
        await db.SaveChangesAsync(cancellationToken);
        await RefreshSlugsAsync(kind, id, cancellationToken);
        Flash($"Đã đổi “{before}” thành “{clean}”.");
        return Redirect(LookupsPath);
    }

    private async Task<(string Name, string? Code, string? Error)> CheckLookupAsync(string kind, int? id, string? name, string? code, CancellationToken cancellationToken)
    {
        var clean = VietnameseText.ToNfc(name?.Trim() ?? "");
        var cleanCode = VietnameseText.ToNfc(code?.Trim() ?? "");
        var (maxLength, exists) = kind switch
        {
            TypeLookup => (100, await db.DocumentTypes.AnyAsync(t => t.Name == clean && t.Id != id, cancellationToken)),
            IssuerLookup => (300, await db.IssuingBodies.AnyAsync(b => b.Name == clean && b.Id != id, cancellationToken)),
            FieldLookup => (200, await db.DocumentFields.AnyAsync(f => f.Name == clean && f.Id != id, cancellationToken)),
            _ => (0, false),
        };
        if (maxLength == 0)
        {
            return (clean, null, "Danh mục không hợp lệ.");
        }

        if (clean.Length == 0 || clean.Length > maxLength)
        {
            return (clean, null, $"Tên phải có từ 1 đến {maxLength} ký tự.");
        }

        if (exists)
        {
            return (clean, null, $"“{clean}” đã có trong danh mục.");
        }

        if (kind == TypeLookup && (cleanCode.Length == 0 || cleanCode.Length > 20))
        {
            return (clean, null, "Vui lòng nhập chữ viết tắt của loại văn bản (1–20 ký tự), ví dụ KH cho Kế hoạch.");
        }

        return (clean, kind == TypeLookup ? cleanCode : null, null);
    }

    // A document's slug starts with its type name, so renaming a type renames the slugs of its documents;
    // old URLs still work because the page redirects a wrong slug to the canonical one.
    private async Task RefreshSlugsAsync(string kind, int id, CancellationToken cancellationToken)
    {
        if (kind != TypeLookup)
        {
            await cache.EvictAsync(CacheTags.Documents);
            return;
        }

        var documents = await db.OfficialDocuments.Include(d => d.DocumentType).Where(d => d.DocumentTypeId == id).ToListAsync(cancellationToken);
        foreach (var document in documents)
        {
            document.Slug = VietnameseText.Slugify($"{document.DocumentType.Name} {document.NumberAndSymbol} {document.Abstract}");
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var document in documents)
        {
            await changes.DocumentChangedAsync(document.Id, cancellationToken);
        }

        if (documents.Count == 0)
        {
            await cache.EvictAsync(CacheTags.Documents);
        }
    }

    private static async Task<int> NextSortOrderAsync(IQueryable<int> sortOrders, CancellationToken cancellationToken) =>
        (await sortOrders.MaxAsync(s => (int?)s, cancellationToken) ?? 0) + 1;

    private static string LookupEntity(string kind) => kind switch
    {
        TypeLookup => nameof(DocumentType),
        IssuerLookup => nameof(IssuingBody),
        _ => nameof(DocumentField),
    };

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

    private async Task<DocumentEditorModel> EditorAsync(int? id, DocumentFormModel form, CancellationToken cancellationToken)
    {
        var lookups = new DocumentLookups(
            await db.DocumentTypes.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name).Select(t => new LookupOption(t.Id, t.Name)).ToListAsync(cancellationToken),
            await db.IssuingBodies.AsNoTracking().OrderBy(b => b.SortOrder).ThenBy(b => b.Name).Select(b => new LookupOption(b.Id, b.Name)).ToListAsync(cancellationToken),
            await db.DocumentFields.AsNoTracking().OrderBy(f => f.SortOrder).ThenBy(f => f.Name).Select(f => new LookupOption(f.Id, f.Name)).ToListAsync(cancellationToken));
        if (id is not { } documentId)
        {
            return new DocumentEditorModel(null, null, form, lookups, [], []);
        }

        var info = await db.OfficialDocuments.AsNoTracking().Where(d => d.Id == documentId).Select(d => new { d.Slug, d.IsPublished }).FirstAsync(cancellationToken);
        var files = await db.DocumentAttachments.AsNoTracking()
            .Where(a => a.OfficialDocumentId == documentId)
            .OrderBy(a => a.Id)
            .Select(a => new DocumentAdminAttachment(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.UploadedAt))
            .ToListAsync(cancellationToken);
        var outgoing = await db.DocumentRelations.AsNoTracking().Where(r => r.FromDocumentId == documentId)
            .Select(r => new { r.Id, r.Kind, Other = r.ToDocumentId, r.ToDocument.NumberAndSymbol, Type = r.ToDocument.DocumentType.Name })
            .ToListAsync(cancellationToken);
        var incoming = await db.DocumentRelations.AsNoTracking().Where(r => r.ToDocumentId == documentId)
            .Select(r => new { r.Id, r.Kind, Other = r.FromDocumentId, r.FromDocument.NumberAndSymbol, Type = r.FromDocument.DocumentType.Name })
            .ToListAsync(cancellationToken);
        var relations = outgoing.Select(r => new DocumentAdminRelation(r.Id, DocumentRelationLabels.Forward(r.Kind), r.Other, r.NumberAndSymbol, r.Type, true))
            .Concat(incoming.Select(r => new DocumentAdminRelation(r.Id, DocumentRelationLabels.Inverse(r.Kind), r.Other, r.NumberAndSymbol, r.Type, false)))
            .ToList();
        return new DocumentEditorModel(documentId, info.IsPublished ? PortalUrls.Document(documentId, info.Slug) : null, form, lookups, files, relations);
    }
}
