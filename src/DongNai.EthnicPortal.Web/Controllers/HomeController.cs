using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Controllers;

public sealed class HomeController(PortalDbContext db, TimeProvider time) : Controller
{
    [HttpGet("/")]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Articles, CacheTags.Documents])]
    public async Task<IActionResult> Index()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var latest = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= now)
            .OrderByDescending(a => a.PublishedAt)
            .Take(10)
            .Select(a => new ArticleListItem(a.Id, a.Title, a.Slug, a.Summary, a.PublishedAt!.Value))
            .ToListAsync();
        return View(latest);
    }
}
