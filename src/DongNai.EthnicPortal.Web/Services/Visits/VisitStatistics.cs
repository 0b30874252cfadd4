using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace DongNai.EthnicPortal.Web.Services.Visits;

public sealed record VisitTotals(long Today, long AllTime);

/// <summary>"Trong ngày" and "Tất cả" for the sidebar; a short memory cache keeps the sums off the database while pages are re-rendered.</summary>
public sealed class VisitStatistics(PortalDbContext db, IMemoryCache cache, TimeProvider time)
{
    public const string CacheKey = "visits:totals";

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);

    public async Task<VisitTotals> GetAsync()
    {
        if (cache.TryGetValue(CacheKey, out VisitTotals? cached) && cached is not null)
        {
            return cached;
        }

        var today = VietnamTime.Today(time);
        var todayCount = await db.VisitDays.AsNoTracking().Where(v => v.Day == today).Select(v => v.Count).FirstOrDefaultAsync();
        var sum = await db.VisitDays.AsNoTracking().SumAsync(v => (long?)v.Count) ?? 0;
        var offset = await db.SiteSettings.AsNoTracking()
            .Where(s => s.Id == SiteSettings.SingletonId)
            .Select(s => s.VisitCounterOffset)
            .FirstOrDefaultAsync();
        var totals = new VisitTotals(todayCount, sum + offset);
        cache.Set(CacheKey, totals, Lifetime);
        return totals;
    }
}
