using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DongNai.EthnicPortal.Web.Services.Farm;

/// <summary>Degraded, not unhealthy, while Redis is down: the instance still serves every page, only with shorter-lived caches.</summary>
public sealed class CacheSignalHealthCheck(CacheSignalState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.Degraded
            ? HealthCheckResult.Degraded($"Redis unreachable: invalidation between instances paused, local caches limited to {CacheSignalState.DegradedLifetime.TotalSeconds:0} s")
            : HealthCheckResult.Healthy());
}
