using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Controllers;

public sealed class CategoriesController(PortalDbContext db, TimeProvider time) : Controller
{
    public const int PageSize = 20;

    [HttpGet("/chuyen-muc/{slug}")]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Articles])]
    public async Task<IActionResult> Show(string slug, [FromQuery(Name = "trang")] int? page, CancellationToken cancellationToken)
    {
        var pageNumber = page ?? 1;
        if (pageNumber < 1)
        {
            return NotFound();
        }

        var category = await db.Categories.AsNoTracking()
            .Where(c => c.Slug == slug)
            .Select(c => new { c.Id, c.Name, c.Slug, c.Description })
            .FirstOrDefaultAsync(cancellationToken);
        if (category is null)
        {
            return NotFound();
        }

        HttpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(CacheTags.Category(category.Id));

        var now = time.GetUtcNow().UtcDateTime;
        // Both queries are served by the (CategoryId, Status, PublishedAt) index and read no bodies.
        var inCategory = db.Articles.AsNoTracking().Visible(now).Where(a => a.CategoryId == category.Id);
        var total = await inCategory.CountAsync(cancellationToken);
        var totalPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        if (pageNumber > totalPages)
        {
            return NotFound();
        }

        var articles = await inCategory
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Skip((pageNumber - 1) * PageSize)
            .Take(PageSize)
            .ToCardsAsync(cancellationToken);

        return View(new CategoryViewModel(category.Name, category.Slug, category.Description, articles, pageNumber, totalPages));
    }
}
