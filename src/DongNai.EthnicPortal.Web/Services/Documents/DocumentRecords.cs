using System.Globalization;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Services.Search;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Documents;

/// <summary>
/// A published document as open data: every field its public page shows, and nothing else (no
/// publication flag, version, audit dates or the editor's source HTML). The property names are the
/// JSON and CSV field names, which consumers depend on: rename none.
/// </summary>
public sealed record DocumentRecord(
    int Id,
    string Url,
    string NumberAndSymbol,
    string Type,
    string Issuer,
    string? Field,
    string Signer,
    string? SignerTitle,
    DateOnly IssuedOn,
    DateOnly? EffectiveFrom,
    DateOnly? EffectiveUntil,
    string Validity,
    string ValidityLabel,
    string? ValidityNote,
    string Abstract,
    string? FullText,
    IReadOnlyList<DocumentAttachmentRecord> Attachments,
    IReadOnlyList<DocumentRelationRecord> Relations);

public sealed record DocumentAttachmentRecord(string Url, string FileName, string Format, string ContentType, long SizeBytes);

/// <summary><see cref="Relation"/> reads from this document: "Thực hiện" the other one, or "Bị thay thế bởi" it.</summary>
public sealed record DocumentRelationRecord(string Kind, string Relation, int DocumentId, string NumberAndSymbol, string Url);

/// <summary>Loads <see cref="DocumentRecord"/>s for a page of the registry, in three queries whatever the page size.</summary>
public sealed class DocumentRecords(PortalDbContext db)
{
    public async Task<List<DocumentRecord>> LoadAsync(IQueryable<OfficialDocument> ordered, DateOnly today, Func<string, string> absolute, CancellationToken cancellationToken)
    {
        var rows = await ordered
            .Select(d => new
            {
                d.Id,
                d.Slug,
                d.NumberAndSymbol,
                Type = d.DocumentType.Name,
                Issuer = d.IssuingBody.Name,
                Field = d.Field == null ? null : d.Field.Name,
                d.SignerName,
                d.SignerTitle,
                d.IssuedOn,
                d.EffectiveFrom,
                d.EffectiveUntil,
                d.ValidityOverride,
                d.ValidityNote,
                d.Abstract,
                d.RenderedFullTextHtml,
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();

        var attachments = (await db.DocumentAttachments.AsNoTracking()
            .Where(a => ids.Contains(a.OfficialDocumentId))
            .OrderBy(a => a.Id)
            .Select(a => new { a.OfficialDocumentId, a.Id, a.FileName, a.ContentType, a.SizeBytes })
            .ToListAsync(cancellationToken))
            .ToLookup(a => a.OfficialDocumentId, a => new DocumentAttachmentRecord(
                absolute(PortalUrls.Attachment(a.Id)), a.FileName, AttachmentFormats.Name(a.ContentType), a.ContentType, a.SizeBytes));

        // Only relations to published documents: the others have no page to point at.
        var outgoing = await db.DocumentRelations.AsNoTracking()
            .Where(r => ids.Contains(r.FromDocumentId) && r.ToDocument.IsPublished)
            .Select(r => new { Owner = r.FromDocumentId, r.Kind, Other = r.ToDocumentId, r.ToDocument.Slug, r.ToDocument.NumberAndSymbol, Inverse = false })
            .ToListAsync(cancellationToken);
        var incoming = await db.DocumentRelations.AsNoTracking()
            .Where(r => ids.Contains(r.ToDocumentId) && r.FromDocument.IsPublished)
            .Select(r => new { Owner = r.ToDocumentId, r.Kind, Other = r.FromDocumentId, r.FromDocument.Slug, r.FromDocument.NumberAndSymbol, Inverse = true })
            .ToListAsync(cancellationToken);
        var relations = outgoing.Concat(incoming)
            .OrderBy(r => r.Inverse).ThenBy(r => r.Kind).ThenBy(r => r.Other)
            .ToLookup(r => r.Owner, r => new DocumentRelationRecord(
                r.Inverse ? "bi-" + KindCode(r.Kind) : KindCode(r.Kind),
                r.Inverse ? DocumentRelationLabels.Inverse(r.Kind) : DocumentRelationLabels.Forward(r.Kind),
                r.Other,
                r.NumberAndSymbol,
                absolute(PortalUrls.Document(r.Other, r.Slug))));

        return rows.Select(r =>
        {
            var validity = DocumentValidity.Compute(r.IssuedOn, r.EffectiveFrom, r.EffectiveUntil, r.ValidityOverride, today);
            var fullText = HtmlText.FromHtml(r.RenderedFullTextHtml);
            return new DocumentRecord(
                r.Id,
                absolute(PortalUrls.Document(r.Id, r.Slug)),
                r.NumberAndSymbol,
                r.Type,
                r.Issuer,
                r.Field,
                r.SignerName,
                r.SignerTitle,
                r.IssuedOn,
                r.EffectiveFrom,
                r.EffectiveUntil,
                DocumentValidity.QueryValue(validity),
                DocumentValidity.Label(validity),
                r.ValidityOverride is null ? null : r.ValidityNote,
                r.Abstract,
                fullText.Length == 0 ? null : fullText,
                [.. attachments[r.Id]],
                [.. relations[r.Id]]);
        }).ToList();
    }

    /// <summary>Stable codes of relation kinds, independent of the enum's C# names.</summary>
    public static string KindCode(DocumentRelationKind kind) => kind switch
    {
        DocumentRelationKind.Implements => "thuc-hien",
        DocumentRelationKind.Replaces => "thay-the",
        DocumentRelationKind.BasedOn => "can-cu",
        DocumentRelationKind.Amends => "sua-doi-bo-sung",
        DocumentRelationKind.Guides => "huong-dan",
        _ => ((int)kind).ToString(CultureInfo.InvariantCulture),
    };
}
