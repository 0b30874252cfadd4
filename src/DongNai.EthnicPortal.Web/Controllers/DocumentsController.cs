using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Documents;
using DongNai.EthnicPortal.Web.Services.Lists;
using DongNai.EthnicPortal.Web.Services.Search;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Controllers;

public sealed class DocumentsController(PortalDbContext db, TimeProvider time, DocumentRegistryQuery registry, DocumentFacets facets) : Controller
{
    public const int PageSize = 20;

    [HttpGet("/van-ban")]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Documents])]
    public async Task<IActionResult> Index(DocumentFilterInput input, CancellationToken cancellationToken)
    {
        var filter = input.ToFilter();
        var selection = await registry.SelectAsync(filter, cancellationToken);
        var slice = PageSlice.Clamped(filter.Page, PageSize, selection.TotalCount);
        filter = filter with { Page = slice.Number };

        var rows = await selection.Ordered
            .Skip(slice.Skip)
            .Take(PageSize)
            .Select(d => new { d.Id, d.Slug, d.NumberAndSymbol, Type = d.DocumentType.Name, Issuer = d.IssuingBody.Name, d.IssuedOn, d.Abstract, d.EffectiveFrom, d.EffectiveUntil, d.ValidityOverride })
            .ToListAsync(cancellationToken);
        var items = new List<DocumentListItem>(rows.Count);
        foreach (var r in rows)
        {
            // Matched only by words in an attached file: the abstract says nothing of them, the page does.
            var inAttachment = selection is { Query: { } words } && selection.TextOnly.Contains(r.Id)
                ? await AttachmentPageHits.FindAsync(db, r.Id, words.Terms, cancellationToken)
                : null;
            items.Add(new DocumentListItem(r.Id, r.Slug, r.NumberAndSymbol, r.Type, r.Issuer, r.IssuedOn, r.Abstract,
                DocumentValidity.Compute(r.IssuedOn, r.EffectiveFrom, r.EffectiveUntil, r.ValidityOverride, selection.Today), inAttachment));
        }

        var choices = await facets.GetAsync(cancellationToken);
        return View(new DocumentRegistryModel(filter, items, selection.TotalCount, slice.PageCount, choices.Types, choices.Issuers, choices.Fields, choices.Years));
    }

    [HttpGet("/van-ban/{id:int}/{slug?}")]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Documents, CacheTags.Articles])]
    public Task<IActionResult> Show(int id, string? slug, CancellationToken cancellationToken) =>
        ShowAsync(id, slug, print: false, cancellationToken);

    [HttpGet("/van-ban/{id:int}/{slug}/ban-in")]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Documents, CacheTags.Articles])]
    public Task<IActionResult> Print(int id, string slug, CancellationToken cancellationToken) =>
        ShowAsync(id, slug, print: true, cancellationToken);

    /// <summary>All the articles that cite a document; its page shows the newest <see cref="DocumentPageModel.CitingShown"/>.</summary>
    [HttpGet("/van-ban/{id:int}/{slug}/tin-bai")]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Documents, CacheTags.Articles])]
    public async Task<IActionResult> Citing(int id, string slug, int trang = 1, CancellationToken cancellationToken = default)
    {
        var document = await db.OfficialDocuments.AsNoTracking()
            .Where(d => d.Id == id && d.IsPublished)
            .Select(d => new { d.Slug, Title = d.DocumentType.Name + " số " + d.NumberAndSymbol })
            .FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        if (!string.Equals(slug, document.Slug, StringComparison.Ordinal))
        {
            return RedirectPermanent(PortalUrls.Document(id, document.Slug) + "/tin-bai");
        }

        HttpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(CacheTags.Document(id));
        var (articles, page) = await CitingArticles(id).PageAsync(trang, DocumentCitingArticlesModel.PageSize, cancellationToken);
        return View(new DocumentCitingArticlesModel(id, document.Slug, document.Title, articles, page.TotalCount, page.Number, page.PageCount));
    }

    /// <summary>The public articles citing a document, newest first; the id settles ties so paging is stable.</summary>
    private IQueryable<ArticleCard> CitingArticles(int documentId) =>
        db.ArticleDocumentCitations.AsNoTracking()
            .Where(c => c.OfficialDocumentId == documentId)
            .Select(c => c.Article)
            .Visible(time.GetUtcNow().UtcDateTime)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(a => new ArticleCard(a.Id, a.Title, a.Slug, a.Summary, a.PublishedAt!.Value, null));

    private async Task<IActionResult> ShowAsync(int id, string? slug, bool print, CancellationToken cancellationToken)
    {
        var document = await DocumentPageQuery.RecordAsync(db, id, cancellationToken);
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
        var model = await DocumentPageQuery.PageAsync(db, document, CitingArticles(id), VietnamTime.Today(time), cancellationToken);
        return View(print ? "Print" : "Show", model);
    }
}
