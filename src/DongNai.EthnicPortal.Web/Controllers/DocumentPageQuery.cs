using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services.Documents;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Controllers;

/// <summary>
/// The public page of one document (and its print view): the record, its attachments, the published
/// documents related to it in both directions, and the newest articles citing it.
/// </summary>
public static class DocumentPageQuery
{
    /// <summary>The published document's own fields; read first, so a wrong slug redirects without the rest.</summary>
    public sealed record DocumentRecord(
        int Id, string Slug, string NumberAndSymbol, string Type, string Issuer, string SignerName, string? SignerTitle,
        DateOnly IssuedOn, DateOnly? EffectiveFrom, DateOnly? EffectiveUntil, ValidityStatus? ValidityOverride, string? ValidityNote,
        string? Field, string Abstract, string? RenderedFullTextHtml);

    public static Task<DocumentRecord?> RecordAsync(PortalDbContext db, int id, CancellationToken cancellationToken) =>
        db.OfficialDocuments.AsNoTracking()
            .Where(d => d.Id == id && d.IsPublished)
            .Select(d => new DocumentRecord(
                d.Id, d.Slug, d.NumberAndSymbol, d.DocumentType.Name, d.IssuingBody.Name, d.SignerName, d.SignerTitle,
                d.IssuedOn, d.EffectiveFrom, d.EffectiveUntil, d.ValidityOverride, d.ValidityNote,
                d.Field == null ? null : d.Field.Name, d.Abstract, d.RenderedFullTextHtml))
            .FirstOrDefaultAsync(cancellationToken);

    public static async Task<DocumentPageModel> PageAsync(PortalDbContext db, DocumentRecord document, IQueryable<ArticleCard> citing, DateOnly today, CancellationToken cancellationToken)
    {
        var attachments = await db.DocumentAttachments.AsNoTracking()
            .Where(a => a.OfficialDocumentId == document.Id)
            .OrderBy(a => a.Id)
            .Select(a => new DocumentAttachmentItem(a.Id, a.FileName, a.ContentType, a.SizeBytes))
            .ToListAsync(cancellationToken);
        var related = await RelatedAsync(db, document.Id, cancellationToken);
        var citingShown = await citing.Take(DocumentPageModel.CitingShown).ToListAsync(cancellationToken);
        var citingCount = citingShown.Count < DocumentPageModel.CitingShown ? citingShown.Count : await citing.CountAsync(cancellationToken);
        return new DocumentPageModel(
            document.Id, document.Slug, document.NumberAndSymbol, document.Type, document.Issuer, document.SignerName, document.SignerTitle,
            document.IssuedOn, document.EffectiveFrom, document.EffectiveUntil,
            DocumentValidity.Compute(document.IssuedOn, document.EffectiveFrom, document.EffectiveUntil, document.ValidityOverride, today),
            document.ValidityOverride is null ? null : document.ValidityNote,
            document.Field, document.Abstract, document.RenderedFullTextHtml, attachments, related, citingShown, citingCount);
    }

    /// <summary>What this document does to others first (by kind, newest first), then what others do to it.</summary>
    private static async Task<List<RelatedDocumentItem>> RelatedAsync(PortalDbContext db, int id, CancellationToken cancellationToken)
    {
        var outgoing = await db.DocumentRelations.AsNoTracking()
            .Where(r => r.FromDocumentId == id && r.ToDocument.IsPublished)
            .Select(r => new { r.Kind, r.ToDocument.Id, r.ToDocument.Slug, r.ToDocument.NumberAndSymbol, Type = r.ToDocument.DocumentType.Name, r.ToDocument.Abstract, r.ToDocument.IssuedOn })
            .ToListAsync(cancellationToken);
        var incoming = await db.DocumentRelations.AsNoTracking()
            .Where(r => r.ToDocumentId == id && r.FromDocument.IsPublished)
            .Select(r => new { r.Kind, r.FromDocument.Id, r.FromDocument.Slug, r.FromDocument.NumberAndSymbol, Type = r.FromDocument.DocumentType.Name, r.FromDocument.Abstract, r.FromDocument.IssuedOn })
            .ToListAsync(cancellationToken);
        return outgoing.Select(r => (Item: new RelatedDocumentItem(DocumentRelationLabels.Forward(r.Kind), r.Id, r.Slug, r.NumberAndSymbol, r.Type, r.Abstract), r.Kind, Inverse: false, r.IssuedOn))
            .Concat(incoming.Select(r => (Item: new RelatedDocumentItem(DocumentRelationLabels.Inverse(r.Kind), r.Id, r.Slug, r.NumberAndSymbol, r.Type, r.Abstract), r.Kind, Inverse: true, r.IssuedOn)))
            .OrderBy(r => r.Inverse)
            .ThenBy(r => r.Kind)
            .ThenByDescending(r => r.IssuedOn)
            .Select(r => r.Item)
            .ToList();
    }
}
