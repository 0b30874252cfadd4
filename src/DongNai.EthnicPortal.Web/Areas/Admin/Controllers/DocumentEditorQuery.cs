using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Services.Documents;
using DongNai.EthnicPortal.Web.Services.Documents.Extraction;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>What the document editor shows besides the form: the lookup choices, the attachments and the relations.</summary>
public sealed class DocumentEditorQuery(PortalDbContext db, DocumentFacets facets)
{
    public async Task<DocumentEditorModel> LoadAsync(int? id, DocumentFormModel form, CancellationToken cancellationToken)
    {
        var choices = await facets.GetAsync(cancellationToken);
        var lookups = new DocumentLookups(choices.Types, choices.Issuers, choices.Fields);
        if (id is not { } documentId)
        {
            return new DocumentEditorModel(null, null, form, lookups, [], []);
        }

        var info = await db.OfficialDocuments.AsNoTracking().Where(d => d.Id == documentId).Select(d => new { d.Slug, d.IsPublished }).FirstAsync(cancellationToken);
        var attachmentRows = await db.DocumentAttachments.AsNoTracking()
            .Where(a => a.OfficialDocumentId == documentId)
            .OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.FileName, a.ContentType, a.SizeBytes, a.UploadedAt })
            .ToListAsync(cancellationToken);
        var texts = await AttachmentTextStatuses(db, documentId, cancellationToken);
        var files = attachmentRows
            .Select(a => new DocumentAdminAttachment(a.Id, a.FileName, a.ContentType, a.SizeBytes, a.UploadedAt, texts.GetValueOrDefault(a.Id) ?? new AttachmentTextStatus(null, 0, null, 0, null)))
            .ToList();
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

    /// <summary>The extraction status of each attachment of a document that has been queued at least once.</summary>
    public static async Task<Dictionary<int, AttachmentTextStatus>> AttachmentTextStatuses(PortalDbContext db, int documentId, CancellationToken cancellationToken) =>
        await db.AttachmentTexts.AsNoTracking()
            .Where(t => t.Attachment.OfficialDocumentId == documentId)
            .Select(t => new { t.DocumentAttachmentId, Status = new AttachmentTextStatus(t.State, t.PagesDone, t.PagesTotal, t.Pages.Count, t.FailureReason) })
            .ToDictionaryAsync(t => t.DocumentAttachmentId, t => t.Status, cancellationToken);
}
