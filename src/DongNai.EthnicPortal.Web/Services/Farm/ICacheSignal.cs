using DongNai.EthnicPortal.Web.Services.Caching;
namespace DongNai.EthnicPortal.Web.Services.Farm;

/// <summary>Tells the other instances of a farm what to evict. On one machine there is no one to tell.</summary>
public interface ICacheSignal
{
    /// <summary>Never throws and never waits on the network: an editor's save must not fail or stall because the signal is down.</summary>
    Task PublishAsync(CacheEviction eviction);
}

public sealed class SingleInstanceCacheSignal : ICacheSignal
{
    public Task PublishAsync(CacheEviction eviction) => Task.CompletedTask;
}
