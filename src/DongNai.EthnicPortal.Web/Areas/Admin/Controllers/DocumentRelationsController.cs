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
        var (other, error) = await FindTargetAsync(id, kind, target, targetYear, cancellationToken);
        if (other is null)
        {
            Flash(error, isError: true);
            return Redirect(back);
        }

        db.DocumentRelations.Add(new DocumentRelation { FromDocumentId = id, ToDocumentId = other.Id, Kind = kind });
        audit.Add(AuditActions.DocumentRelationAdded, nameof(OfficialDocument), id, $"{DocumentRelationLabels.Forward(kind)} {other.NumberAndSymbol}");
        await db.SaveChangesAsync(cancellationToken);
        await changes.DocumentsChangedAsync([id, other.Id], cancellationToken);
        Flash($"Đã thêm quan hệ: {DocumentRelationLabels.Forward(kind)} văn bản số {other.NumberAndSymbol}.");
        return Redirect(back);
    }

    private sealed record RelationTarget(int Id, string NumberAndSymbol);

    /// <summary>The one other document a new relation of this kind can point at (found by its symbol, and its year when several share the symbol), or why there is none.</summary>
    private async Task<(RelationTarget? Target, string Error)> FindTargetAsync(int id, DocumentRelationKind kind, string? target, int? targetYear, CancellationToken cancellationToken)
    {
        var symbol = DocumentSymbol.Normalize(target);
        if (!Enum.IsDefined(kind) || symbol.Length == 0)
        {
            return (null, Enum.IsDefined(kind) ? "Vui lòng nhập số ký hiệu của văn bản liên quan." : "Quan hệ không hợp lệ.");
        }

        var candidates = db.OfficialDocuments.Where(d => d.NormalizedSymbol == symbol && d.Id != id);
        if (targetYear is { } year)
        {
            var first = new DateOnly(year, 1, 1);
            var last = new DateOnly(year, 12, 31);
            candidates = candidates.Where(d => d.IssuedOn >= first && d.IssuedOn <= last);
        }

        var found = await candidates.Select(d => new RelationTarget(d.Id, d.NumberAndSymbol)).Take(2).ToListAsync(cancellationToken);
        if (found.Count != 1)
        {
            return (null, found.Count == 0
                ? $"Không tìm thấy văn bản số {target!.Trim()}{(targetYear is null ? "" : $" năm {targetYear}")} trong cơ sở dữ liệu."
                : $"Có nhiều văn bản số {target!.Trim()} ở các năm khác nhau; vui lòng nhập thêm năm ban hành.");
        }

        var other = found[0];
        return await db.DocumentRelations.AnyAsync(r => r.FromDocumentId == id && r.ToDocumentId == other.Id && r.Kind == kind, cancellationToken)
            ? (null, $"Quan hệ “{DocumentRelationLabels.Forward(kind)}” với văn bản số {other.NumberAndSymbol} đã có.")
            : (other, "");
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
