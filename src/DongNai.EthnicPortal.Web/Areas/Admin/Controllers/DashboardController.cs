using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Services.Articles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

public sealed class DashboardController(PortalDbContext db, TimeProvider time) : AdminControllerBase
{
    [HttpGet("/quan-tri")]
    public async Task<IActionResult> Index()
    {
        var actor = Actor;
        var waiting = await WaitingForReview(actor)
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
        var recent = await RecentEditorialChanges(actor)
            .OrderByDescending(e => e.Id)
            .Take(15)
            .Select(e => new AuditRow(e.At, e.UserName, e.Action, e.EntityType, e.EntityId, e.Details, null))
            .ToListAsync();
        var today = VietnamTime.Today(time);
        var visits = await db.VisitDays.AsNoTracking().Where(v => v.Day == today).Select(v => v.Count).FirstOrDefaultAsync();
        var scheduled = await db.Articles.CountAsync(a => a.Status == ArticleStatus.Scheduled);
        return View(new DashboardModel(waiting, drafts, recent, visits, scheduled));
    }

    /// <summary>Submitted articles: all of them for an editor, an author's own otherwise.</summary>
    private IQueryable<Article> WaitingForReview(ArticleActor actor)
    {
        var submitted = db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Submitted);
        return actor.IsEditor ? submitted : submitted.Where(a => a.CreatedById == actor.UserId);
    }

    /// <summary>Editorial changes only, never sign-ins or account events; an author sees just their own.</summary>
    private IQueryable<AuditEntry> RecentEditorialChanges(ArticleActor actor)
    {
        var editorial = db.AuditEntries.AsNoTracking().Where(e => e.EntityType == nameof(Article) || e.EntityType == nameof(Page) || e.EntityType == nameof(MediaFile));
        return actor.IsEditor ? editorial : editorial.Where(e => e.UserId == actor.UserId);
    }
}
