using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Controllers;

public sealed class HomeController(PortalDbContext db, TimeProvider time) : Controller
{
    private const int LatestCount = 8;
    private const int PerCategory = 5;
    private const int DocumentCount = 5;

    [HttpGet("/")]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Articles, CacheTags.Documents])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var visible = db.Articles.AsNoTracking().Visible(now);

        // Compared with a variable, the flag becomes "IsFeatured = @p", which SQLite can look up in the
        // (IsFeatured, Status, PublishedAt) index; a bare boolean column makes it walk every published row.
        var flagged = true;
        var featured = (await visible.Where(a => a.IsFeatured == flagged).OrderByDescending(a => a.PublishedAt).Take(1).ToCardsAsync(cancellationToken)).FirstOrDefault()
            ?? (await visible.OrderByDescending(a => a.PublishedAt).Take(1).ToCardsAsync(cancellationToken)).FirstOrDefault();

        var featuredId = featured?.Id ?? 0;
        var latest = await visible
            .Where(a => a.Id != featuredId)
            .OrderByDescending(a => a.PublishedAt)
            .Take(LatestCount)
            .ToCardsAsync(cancellationToken);

        var categories = await db.Categories.AsNoTracking()
            .Where(c => c.ShowOnHome)
            .OrderBy(c => c.SortOrder)
            .Select(c => new { c.Id, c.Name, c.Slug })
            .ToListAsync(cancellationToken);
        var blocks = new List<CategoryBlock>(categories.Count);
        foreach (var category in categories)
        {
            // One small indexed query per home category keeps each on the (CategoryId, Status, PublishedAt) index.
            var items = await visible.Where(a => a.CategoryId == category.Id)
                .OrderByDescending(a => a.PublishedAt)
                .Take(PerCategory)
                .ToCardsAsync(cancellationToken);
            if (items.Count > 0)
            {
                blocks.Add(new CategoryBlock(category.Name, category.Slug, items));
            }
        }

        var documents = await db.OfficialDocuments.AsNoTracking()
            .Where(d => d.IsPublished == flagged)
            .OrderByDescending(d => d.IssuedOn).ThenByDescending(d => d.Id)
            .Take(DocumentCount)
            .Select(d => new DocumentTeaser(d.Id, d.Slug, d.NumberAndSymbol, d.DocumentType.Name, d.Abstract, d.IssuedOn))
            .ToListAsync(cancellationToken);

        return View(new HomeViewModel(featured, latest, blocks, documents));
    }
}
