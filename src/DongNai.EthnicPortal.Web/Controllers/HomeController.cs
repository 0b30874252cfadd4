using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Controllers;

public sealed class HomeController(PortalDbContext db, SiteChrome chrome, TimeProvider time) : Controller
{
    private const int LatestCount = 8;
    private const int PerCategory = 5;
    private const int DocumentCount = 5;

    // Compared with a parameter, a flag becomes "IsFeatured = @featured", which SQLite can look up in the
    // (IsFeatured, Status, PublishedAt) index; a bare boolean column makes it walk every published row.
    private static readonly Func<PortalDbContext, DateTime, bool, IAsyncEnumerable<PublishedArticles.CardRow>> Featured =
        EF.CompileAsyncQuery((PortalDbContext db, DateTime nowUtc, bool featured) =>
            db.Articles.Visible(nowUtc)
                .Where(a => a.IsFeatured == featured)
                .OrderByDescending(a => a.PublishedAt)
                .Take(1)
                .Select(PublishedArticles.Card));

    private static readonly Func<PortalDbContext, DateTime, int, int, IAsyncEnumerable<PublishedArticles.CardRow>> Newest =
        EF.CompileAsyncQuery((PortalDbContext db, DateTime nowUtc, int excludedId, int take) =>
            db.Articles.Visible(nowUtc)
                .Where(a => a.Id != excludedId)
                .OrderByDescending(a => a.PublishedAt)
                .Take(take)
                .Select(PublishedArticles.Card));

    private static readonly Func<PortalDbContext, bool, int, IAsyncEnumerable<DocumentTeaser>> NewestDocuments =
        EF.CompileAsyncQuery((PortalDbContext db, bool published, int take) =>
            db.OfficialDocuments
                .Where(d => d.IsPublished == published)
                .OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id)
                .Take(take)
                .Select(d => new DocumentTeaser(d.Id, d.Slug, d.NumberAndSymbol, d.DocumentType.Name, d.Abstract, d.IssuedOn)));

    [HttpGet("/")]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Articles, CacheTags.Documents, CacheTags.Consultations])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var featured = (await Featured(db, now, true).ToCardsAsync(cancellationToken)).FirstOrDefault()
            ?? (await Newest(db, now, 0, 1).ToCardsAsync(cancellationToken)).FirstOrDefault();
        var latest = await Newest(db, now, featured?.Id ?? 0, LatestCount).ToCardsAsync(cancellationToken);

        var sections = (await chrome.GetAsync()).HomeSections;
        var cards = await PublishedArticles.NewestInCategoriesAsync(db, now, [.. sections.Select(s => s.CategoryId)], PerCategory, cancellationToken);
        var blocks = sections.Where(s => cards.Contains(s.CategoryId)).Select(s => new CategoryBlock(s.Name, s.Slug, [.. cards[s.CategoryId]])).ToList();

        var documents = await NewestDocuments(db, true, DocumentCount).ToListAsync(cancellationToken);

        return View(new HomeViewModel(featured, latest, blocks, documents));
    }
}
