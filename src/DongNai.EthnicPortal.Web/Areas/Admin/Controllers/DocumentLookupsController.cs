using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Lists;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;


namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>The registry's lookup lists: document types (with their abbreviations), issuing bodies and fields.</summary>
[Authorize(Policy = Policies.Editors)]
public sealed class DocumentLookupsController(PortalDbContext db, AuditLog audit, ContentChanges changes) : AdminControllerBase
{
    public const string LookupsPath = DocumentsController.BasePath + "/danh-muc";
    public const string TypeLookup = "loai";
    public const string IssuerLookup = "co-quan";
    public const string FieldLookup = "linh-vuc";

    [HttpGet(LookupsPath)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
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
                db.DocumentTypes.Add(new DocumentType { Name = clean, Code = cleanCode!, SortOrder = await SortOrders.NextAsync(db.DocumentTypes.Select(t => t.SortOrder), cancellationToken) });
                break;
            case IssuerLookup:
                db.IssuingBodies.Add(new IssuingBody { Name = clean, SortOrder = await SortOrders.NextAsync(db.IssuingBodies.Select(b => b.SortOrder), cancellationToken) });
                break;
            default:
                db.DocumentFields.Add(new DocumentField { Name = clean, SortOrder = await SortOrders.NextAsync(db.DocumentFields.Select(f => f.SortOrder), cancellationToken) });
                break;
        }

        audit.Add(AuditActions.DocumentLookupAdded, LookupEntity(kind), null, clean);
        await db.SaveChangesAsync(cancellationToken);
        await changes.DocumentLookupsChangedAsync([], cancellationToken);
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

        var before = await RenameAsync(kind, id, clean, cleanCode, cancellationToken);
        if (before is null)
        {
            return NotFound();
        }

        audit.Add(AuditActions.DocumentLookupRenamed, LookupEntity(kind), id, $"{before} → {clean}");
        var reslugged = kind == TypeLookup ? await ReslugAsync(id, cancellationToken) : [];
        await db.SaveChangesAsync(cancellationToken);
        await changes.DocumentLookupsChangedAsync(reslugged, cancellationToken);
        Flash($"Đã đổi “{before}” thành “{clean}”.");
        return Redirect(LookupsPath);
    }

    /// <summary>Renames the lookup (a type's code too) and returns its previous name, or null when there is no such lookup.</summary>
    private async Task<string?> RenameAsync(string kind, int id, string name, string? code, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case TypeLookup when await db.DocumentTypes.FirstOrDefaultAsync(t => t.Id == id, cancellationToken) is { } type:
                var typeName = type.Name;
                type.Name = name;
                type.Code = code!;
                return typeName;
            case IssuerLookup when await db.IssuingBodies.FirstOrDefaultAsync(b => b.Id == id, cancellationToken) is { } issuer:
                var issuerName = issuer.Name;
                issuer.Name = name;
                return issuerName;
            case FieldLookup when await db.DocumentFields.FirstOrDefaultAsync(f => f.Id == id, cancellationToken) is { } field:
                var fieldName = field.Name;
                field.Name = name;
                return fieldName;
            default:
                return null;
        }
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
    private async Task<List<int>> ReslugAsync(int typeId, CancellationToken cancellationToken)
    {
        var documents = await db.OfficialDocuments.Include(d => d.DocumentType).Where(d => d.DocumentTypeId == typeId).ToListAsync(cancellationToken);
        foreach (var document in documents)
        {
            document.Slug = VietnameseText.Slugify($"{document.DocumentType.Name} {document.NumberAndSymbol} {document.Abstract}");
        }

        return [.. documents.Select(d => d.Id)];
    }

    private static string LookupEntity(string kind) => kind switch
    {
        TypeLookup => nameof(DocumentType),
        IssuerLookup => nameof(IssuingBody),
        _ => nameof(DocumentField),
    };

}
