using System.Diagnostics.Metrics;

namespace DongNai.EthnicPortal.Web.Services.Farm;

/// <summary>The portal's own metrics, beside ASP.NET Core's request metrics, exported on the Prometheus endpoint.</summary>
public sealed class PortalMetrics : IDisposable
{
    public const string MeterName = "DongNai.EthnicPortal";

    private readonly Meter meter;
    private readonly Counter<long> outputCache;
    private readonly Counter<long> invalidationsSent;
    private readonly Counter<long> invalidationsReceived;

    public PortalMetrics(IMeterFactory meters, CacheSignalState signal)
    {
        meter = meters.Create(MeterName);
        outputCache = meter.CreateCounter<long>("portal.output_cache.requests", description: "Public page requests by output-cache result (hit or miss)");
        invalidationsSent = meter.CreateCounter<long>("portal.invalidation.sent", description: "Cache invalidation messages published to the other instances");
        invalidationsReceived = meter.CreateCounter<long>("portal.invalidation.received", description: "Cache invalidation messages received from other instances");
        meter.CreateObservableGauge("portal.redis.connected", () => signal.Shared ? (signal.Connected ? 1 : 0) : -1, description: "1 connected, 0 down, -1 not configured (single instance)");
    }

    public void OutputCacheHit() => outputCache.Add(1, new KeyValuePair<string, object?>("result", "hit"));

    public void OutputCacheMiss() => outputCache.Add(1, new KeyValuePair<string, object?>("result", "miss"));

    public void InvalidationSent() => invalidationsSent.Add(1);

    public void InvalidationReceived() => invalidationsReceived.Add(1);

    public void Dispose() => meter.Dispose();
}
