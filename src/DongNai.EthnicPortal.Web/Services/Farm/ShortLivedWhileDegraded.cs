using Microsoft.AspNetCore.OutputCaching;

namespace DongNai.EthnicPortal.Web.Services.Farm;

/// <summary>An output-cache policy step: while the farm's signal is down, a stored page lives at most the short lifetime.</summary>
public sealed class ShortLivedWhileDegraded(CacheSignalState state) : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        if (context.ResponseExpirationTimeSpan is { } lifetime)
        {
            context.ResponseExpirationTimeSpan = state.Lifetime(lifetime);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;
}
