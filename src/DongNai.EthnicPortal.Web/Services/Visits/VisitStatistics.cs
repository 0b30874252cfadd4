using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Services.Caching;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Visits;

public sealed record VisitTotals(long Today, long AllTime);

/// <summary>"Trong ngày" and "Tất cả" for the sidebar; a short memory cache keeps the sums off the database while pages are re-rendered.</summary>
public sealed class VisitStatistics(PortalDbContext db, PublicCache cache, TimeProvider time)
{
    public Task<VisitTotals> GetAsync() => cache.GetOrLoadAsync(PublicCopy.VisitTotals, LoadAsync);

    private async Task<VisitTotals> LoadAsync()
    {
        var today = VietnamTime.Today(time);
        var todayCount = await db.VisitDays.AsNoTracking().Where(v => v.Day == today).Select(v => v.Count).FirstOrDefaultAsync();
        var sum = await db.VisitDays.AsNoTracking().SumAsync(v => (long?)v.Count) ?? 0;
        var offset = await db.SiteSettings.AsNoTracking()
            .Where(s => s.Id == SiteSettings.SingletonId)
            .Select(s => s.VisitCounterOffset)
            .FirstOrDefaultAsync();
        return new VisitTotals(todayCount, sum + offset);
    }
}
