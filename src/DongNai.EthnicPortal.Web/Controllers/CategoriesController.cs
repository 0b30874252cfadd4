using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Lists;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Controllers;

public sealed class CategoriesController(PortalDbContext db, CategoryArticleCounts counts, TimeProvider time) : Controller
{
    public const int PageSize = 20;

    private static readonly Func<PortalDbContext, string, CancellationToken, Task<CategoryRow?>> BySlug =
        EF.CompileAsyncQuery((PortalDbContext db, string slug, CancellationToken _) =>
            db.Categories.Where(c => c.Slug == slug).Select(c => new CategoryRow(c.Id, c.Name, c.Slug, c.Description)).FirstOrDefault());

    [HttpGet("/chuyen-muc/{slug}")]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Articles])]
    public async Task<IActionResult> Show(string slug, [FromQuery(Name = "trang")] int? page, CancellationToken cancellationToken)
    {
        var pageNumber = page ?? 1;
        if (pageNumber < 1)
        {
            return NotFound();
        }

        // Slugs are stored in lower case; SQL Server's collation ignores the URL's case, SQLite's and PostgreSQL's equality would not.
        var category = await BySlug(db, slug.ToLowerInvariant(), cancellationToken);
        if (category is null)
        {
            return NotFound();
        }

        HttpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(CacheTags.Category(category.Id));

        var total = await counts.GetAsync(category.Id, cancellationToken);
        var slice = new PageSlice(pageNumber, PageSize, total);
        if (pageNumber > slice.PageCount)
        {
            return NotFound();
        }

        // Served by the (CategoryId, Status, PublishedAt) index; reads no bodies.
        var articles = await PublishedArticles.InCategory(db, time.GetUtcNow().UtcDateTime, category.Id, 0, slice.Skip, PageSize).ToCardsAsync(cancellationToken);

        return View(new CategoryViewModel(category.Name, category.Slug, category.Description, articles, pageNumber, slice.PageCount));
    }

    private sealed record CategoryRow(int Id, string Name, string Slug, string? Description);
}
