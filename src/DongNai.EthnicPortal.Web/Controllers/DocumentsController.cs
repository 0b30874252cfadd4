using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Documents;
using DongNai.EthnicPortal.Web.Services.Lists;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Controllers;

public sealed class DocumentsController(PortalDbContext db, TimeProvider time, DocumentSearchCatalog catalog, DocumentFacets facets) : Controller
{
    public const int PageSize = 20;
    private const int MaxQueryLength = 200;

    [HttpGet("/van-ban")]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Documents])]
    public async Task<IActionResult> Index(
        [FromQuery(Name = DocumentFilter.TypeKey)] int? type,
        [FromQuery(Name = DocumentFilter.IssuerKey)] int? issuer,
        [FromQuery(Name = DocumentFilter.FieldKey)] int? field,
        [FromQuery(Name = DocumentFilter.YearKey)] int? year,
        [FromQuery(Name = DocumentFilter.ValidityKey)] string? validity,
        [FromQuery(Name = DocumentFilter.QueryKey)] string? q,
        [FromQuery(Name = DocumentFilter.PageKey)] int? page,
        CancellationToken cancellationToken)
    {
        // Unparseable values bind as null and simply do not filter; a shared link with a typo still shows the registry.
        var text = string.IsNullOrWhiteSpace(q) ? null : VietnameseText.ToNfc(q.Trim());
        if (text is { Length: > MaxQueryLength })
        {
            text = text[..MaxQueryLength];
        }

        var filter = new DocumentFilter(type, issuer, field, year is >= 1900 and <= 2200 ? year : null, DocumentValidity.FromQueryValue(validity), text, Math.Max(1, page ?? 1));
        var today = VietnamTime.Today(time);

        // Compared with a variable, the flag can lead into the (IsPublished, IssuedOn) index.
        var published = true;
        var query = db.OfficialDocuments.AsNoTracking().Where(d => d.IsPublished == published);
        if (filter.Type is { } typeId)
        {
            query = query.Where(d => d.DocumentTypeId == typeId);
        }

        if (filter.Issuer is { } issuerId)
        {
            query = query.Where(d => d.IssuingBodyId == issuerId);
        }

        if (filter.Field is { } fieldId)
        {
            query = query.Where(d => d.FieldId == fieldId);
        }

        if (filter.Year is { } wantedYear)
        {
            // A date range rather than .Year keeps the (…, IssuedOn) indexes usable.
            var first = new DateOnly(wantedYear, 1, 1);
            var last = new DateOnly(wantedYear, 12, 31);
            query = query.Where(d => d.IssuedOn >= first && d.IssuedOn <= last);
        }

        if (filter.Validity is { } validityStatus)
        {
            query = query.Where(DocumentValidity.Is(validityStatus, today));
        }

        IReadOnlyList<int> exact = [];
        if (filter.Query is { } searchText)
        {
            var match = await catalog.MatchAsync(db, searchText, cancellationToken);
            var matching = match.MatchingIds;
            exact = match.ExactIds;
            query = query.Where(d => matching.Contains(d.Id));
        }

        var total = await query.CountAsync(cancellationToken);
        var slice = PageSlice.Clamped(filter.Page, PageSize, total);
        filter = filter with { Page = slice.Number };

        // Exact number matches lead only when there are some: the extra sort key would otherwise make
        // SQLite sort every published document instead of reading the IssuedOn index in order.
        var ordered = exact.Count > 0
            ? query.OrderByDescending(d => exact.Contains(d.Id)).ThenByDescending(d => d.IssuedOn)
            : query.OrderByDescending(d => d.IssuedOn);
        var rows = await ordered
            .ThenByDescending(d => d.Id)
            .Skip(slice.Skip)
            .Take(PageSize)
            .Select(d => new { d.Id, d.Slug, d.NumberAndSymbol, Type = d.DocumentType.Name, Issuer = d.IssuingBody.Name, d.IssuedOn, d.Abstract, d.EffectiveFrom, d.EffectiveUntil, d.ValidityOverride })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => new DocumentListItem(r.Id, r.Slug, r.NumberAndSymbol, r.Type, r.Issuer, r.IssuedOn, r.Abstract,
            DocumentValidity.Compute(r.IssuedOn, r.EffectiveFrom, r.EffectiveUntil, r.ValidityOverride, today))).ToList();

        var choices = await facets.GetAsync(cancellationToken);
        return View(new DocumentRegistryModel(filter, items, total, slice.PageCount, choices.Types, choices.Issuers, choices.Fields, choices.Years));
    }

    [HttpGet("/van-ban/{id:int}/{slug?}")]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Documents, CacheTags.Articles])]
    public Task<IActionResult> Show(int id, string? slug, CancellationToken cancellationToken) =>
        ShowAsync(id, slug, print: false, cancellationToken);

    [HttpGet("/van-ban/{id:int}/{slug}/ban-in")]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Documents, CacheTags.Articles])]
    public Task<IActionResult> Print(int id, string slug, CancellationToken cancellationToken) =>
        ShowAsync(id, slug, print: true, cancellationToken);

    private async Task<IActionResult> ShowAsync(int id, string? slug, bool print, CancellationToken cancellationToken)
    {
        var document = await db.OfficialDocuments.AsNoTracking()
            .Where(d => d.Id == id && d.IsPublished)
            .Select(d => new
            {
                d.Id,
                d.Slug,
                d.NumberAndSymbol,
                Type = d.DocumentType.Name,
                Issuer = d.IssuingBody.Name,
                d.SignerName,
                d.SignerTitle,
                d.IssuedOn,
                d.EffectiveFrom,
                d.EffectiveUntil,
                d.ValidityOverride,
                d.ValidityNote,
                Field = d.Field == null ? null : d.Field.Name,
                d.Abstract,
                d.RenderedFullTextHtml,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        if (!string.Equals(slug, document.Slug, StringComparison.Ordinal))
        {
            var canonical = PortalUrls.Document(document.Id, document.Slug);
            return RedirectPermanent(print ? canonical + "/ban-in" : canonical);
        }

        HttpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(CacheTags.Document(id));

        var attachments = await db.DocumentAttachments.AsNoTracking()
            .Where(a => a.OfficialDocumentId == id)
            .OrderBy(a => a.Id)
            .Select(a => new DocumentAttachmentItem(a.Id, a.FileName, a.ContentType, a.SizeBytes))
            .ToListAsync(cancellationToken);

        var outgoing = await db.DocumentRelations.AsNoTracking()
            .Where(r => r.FromDocumentId == id && r.ToDocument.IsPublished)
            .Select(r => new { r.Kind, r.ToDocument.Id, r.ToDocument.Slug, r.ToDocument.NumberAndSymbol, Type = r.ToDocument.DocumentType.Name, r.ToDocument.Abstract, r.ToDocument.IssuedOn })
            .ToListAsync(cancellationToken);
        var incoming = await db.DocumentRelations.AsNoTracking()
            .Where(r => r.ToDocumentId == id && r.FromDocument.IsPublished)
            .Select(r => new { r.Kind, r.FromDocument.Id, r.FromDocument.Slug, r.FromDocument.NumberAndSymbol, Type = r.FromDocument.DocumentType.Name, r.FromDocument.Abstract, r.FromDocument.IssuedOn })
            .ToListAsync(cancellationToken);
        var related = outgoing.Select(r => (Item: new RelatedDocumentItem(DocumentRelationLabels.Forward(r.Kind), r.Id, r.Slug, r.NumberAndSymbol, r.Type, r.Abstract), r.Kind, Inverse: false, r.IssuedOn))
            .Concat(incoming.Select(r => (Item: new RelatedDocumentItem(DocumentRelationLabels.Inverse(r.Kind), r.Id, r.Slug, r.NumberAndSymbol, r.Type, r.Abstract), r.Kind, Inverse: true, r.IssuedOn)))
            .OrderBy(r => r.Inverse)
            .ThenBy(r => r.Kind)
            .ThenByDescending(r => r.IssuedOn)
            .Select(r => r.Item)
            .ToList();

        var now = time.GetUtcNow().UtcDateTime;
        var citing = await db.ArticleDocumentCitations.AsNoTracking()
            .Where(c => c.OfficialDocumentId == id)
            .Select(c => c.Article)
            .Visible(now)
            .OrderByDescending(a => a.PublishedAt)
            .Take(20)
            .Select(a => new ArticleCard(a.Id, a.Title, a.Slug, a.Summary, a.PublishedAt!.Value, null))
            .ToListAsync(cancellationToken);

        var model = new DocumentPageModel(
            document.Id,
            document.Slug,
            document.NumberAndSymbol,
            document.Type,
            document.Issuer,
            document.SignerName,
            document.SignerTitle,
            document.IssuedOn,
            document.EffectiveFrom,
            document.EffectiveUntil,
            DocumentValidity.Compute(document.IssuedOn, document.EffectiveFrom, document.EffectiveUntil, document.ValidityOverride, VietnamTime.Today(time)),
            document.ValidityOverride is null ? null : document.ValidityNote,
            document.Field,
            document.Abstract,
            document.RenderedFullTextHtml,
            attachments,
            related,
            citing);
        return View(print ? "Print" : "Show", model);
    }
}
