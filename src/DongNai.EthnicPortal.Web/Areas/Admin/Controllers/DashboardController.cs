using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

public sealed class DashboardController(PortalDbContext db) : AdminControllerBase
{
    [HttpGet("/quan-tri")]
    public async Task<IActionResult> Index()
    {
        var waiting = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Submitted)
            .OrderBy(a => a.UpdatedAt)
            .Select(a => new DashboardArticle(a.Id, a.Title, a.UpdatedAt))
            .Take(20)
            .ToListAsync();
        return View(new DashboardModel(waiting));
    }
}
