using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;


namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>Relations between two registry documents (amends, replaces, guides …), shown on both.</summary>
[Authorize(Policy = Policies.Editors)]
public sealed class DocumentRelationsController(PortalDbContext db, AuditLog audit, ContentChanges changes) : AdminControllerBase
{
    private const string BasePath = DocumentsController.BasePath;

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
        audit.Add(AuditActions.DocumentRelationAdded, nameof(OfficialDocument), id, $"{DocumentRelationLabels.Forward(kind)} {other.NumberAndSymbol}");
        await db.SaveChangesAsync(cancellationToken);
        await changes.DocumentsChangedAsync([id, other.Id], cancellationToken);
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
        audit.Add(AuditActions.DocumentRelationRemoved, nameof(OfficialDocument), relation.FromDocumentId, $"{DocumentRelationLabels.Forward(relation.Kind)} {relation.ToDocument.NumberAndSymbol}");
        await db.SaveChangesAsync(cancellationToken);
        await changes.DocumentsChangedAsync([relation.FromDocumentId, relation.ToDocumentId], cancellationToken);
        Flash("Đã gỡ quan hệ giữa hai văn bản.");
        return Redirect(EditPath(id) + "#van-ban-lien-quan");
    }


    private static string EditPath(int id) => DocumentsController.EditPath(id);
}
