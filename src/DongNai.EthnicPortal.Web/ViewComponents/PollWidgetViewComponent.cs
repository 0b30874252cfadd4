using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.ViewComponents;

/// <summary>"Thăm dò ý kiến": the newest poll that is visible and open now.</summary>
public sealed class PollWidgetViewComponent(PortalDbContext db, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var poll = await db.Polls.AsNoTracking()
            .Where(p => p.IsVisible && p.OpensAt <= now && (p.ClosesAt == null || p.ClosesAt > now))
            .OrderByDescending(p => p.OpensAt).ThenByDescending(p => p.Id)
            .Select(p => new { p.Id, p.Question, p.AllowMultipleChoices })
            .FirstOrDefaultAsync(HttpContext.RequestAborted);
        if (poll is null)
        {
            return Content(string.Empty);
        }

        var options = await db.PollOptions.AsNoTracking()
            .Where(o => o.PollId == poll.Id)
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Id)
            .Select(o => new PollOptionItem(o.Id, o.Text))
            .ToListAsync(HttpContext.RequestAborted);
        return View(new PollWidgetModel(poll.Id, poll.Question, poll.AllowMultipleChoices, options));
    }
}
