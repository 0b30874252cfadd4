using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.ViewComponents;

/// <summary>"Số lượt truy cập": visits on today's Vietnam-local day and all visits plus the old site's offset.</summary>
public sealed class VisitCounterViewComponent(PortalDbContext db, TimeProvider time) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var today = VietnamTime.Today(time);
        var todayCount = await db.VisitDays.AsNoTracking()
            .Where(v => v.Day == today)
            .Select(v => v.Count)
            .FirstOrDefaultAsync(HttpContext.RequestAborted);
        var counted = await db.VisitDays.AsNoTracking().SumAsync(v => v.Count, HttpContext.RequestAborted);
        var offset = await db.SiteSettings.AsNoTracking()
            .Where(s => s.Id == SiteSettings.SingletonId)
            .Select(s => s.VisitCounterOffset)
            .FirstOrDefaultAsync(HttpContext.RequestAborted);
        return View(new VisitCounterModel(todayCount, counted + offset));
    }
}
