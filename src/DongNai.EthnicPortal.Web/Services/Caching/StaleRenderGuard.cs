using Microsoft.AspNetCore.OutputCaching;

namespace DongNai.EthnicPortal.Web.Services.Caching;

/// <summary>
/// Placed just after the output cache: a page whose tags were evicted while it was being rendered is
/// still sent to its reader, but not stored, since it may show what the eviction made stale.
/// </summary>
public sealed class StaleRenderGuard(RequestDelegate next, EvictionClock clock)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var mark = EvictionClock.Mark();
        await next(context);
        if (context.Features.Get<IOutputCacheFeature>()?.Context is { AllowCacheStorage: true } cached && clock.EvictedSince(mark, cached.Tags))
        {
            cached.AllowCacheStorage = false;
        }
    }
}
