using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

public sealed class DashboardController(PortalDbContext db, TimeProvider time) : AdminControllerBase
{
    [HttpGet("/quan-tri")]
    public async Task<IActionResult> Index()
    {
        var actor = Actor;
        var waitingQuery = db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Submitted);
        if (!actor.IsEditor)
        {
            waitingQuery = waitingQuery.Where(a => a.CreatedById == actor.UserId);
        }

        var waiting = await waitingQuery
            .OrderBy(a => a.UpdatedAt)
            .Select(a => new DashboardArticle(a.Id, a.Title, a.UpdatedAt))
            .Take(20)
            .ToListAsync();
        var drafts = await db.Articles.AsNoTracking()
            .Where(a => a.Status == ArticleStatus.Draft && a.CreatedById == actor.UserId)
            .OrderByDescending(a => a.UpdatedAt)
            .Select(a => new DashboardArticle(a.Id, a.Title, a.UpdatedAt))
            .Take(10)
            .ToListAsync();

        // Editorial changes only, never sign-ins or account events; an author sees just their own.
        var recentQuery = db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Article) || e.EntityType == nameof(Page) || e.EntityType == nameof(MediaFile));
        if (!actor.IsEditor)
        {
            recentQuery = recentQuery.Where(e => e.UserId == actor.UserId);
        }

        var recent = await recentQuery
            .OrderByDescending(e => e.Id)
            .Take(15)
            .Select(e => new AuditRow(e.At, e.UserName, e.Action, e.EntityType, e.EntityId, e.Details, null))
            .ToListAsync();
        var today = VietnamTime.Today(time);
        var visits = await db.VisitDays.AsNoTracking().Where(v => v.Day == today).Select(v => v.Count).FirstOrDefaultAsync();
        var scheduled = await db.Articles.CountAsync(a => a.Status == ArticleStatus.Scheduled);
        return View(new DashboardModel(waiting, drafts, recent, visits, scheduled));
    }
}
