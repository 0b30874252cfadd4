namespace DongNai.EthnicPortal.Web.Services.Farm;

/// <summary>
/// Whether this instance hears the other instances' evictions. While it does not (Redis down), a copy
/// kept locally may be stale without anyone saying so, so every local cache keeps its copies for
/// at most <see cref="DegradedLifetime"/>.
/// </summary>
public sealed class CacheSignalState(bool shared)
{
    public static readonly TimeSpan DegradedLifetime = TimeSpan.FromSeconds(30);

    // Assumed up until the first connection attempt says otherwise, so that attempt reports an outage that exists from the start.
    private volatile bool connected = true;

    /// <summary>True when instances share a signal (Redis configured); false on one machine.</summary>
    public bool Shared { get; } = shared;

    public bool Connected => connected;

    public bool Degraded => Shared && !connected;

    /// <summary>The lifetime a local copy may have now: its normal one, or the short one while the signal is down.</summary>
    public TimeSpan Lifetime(TimeSpan normal) => Degraded && normal > DegradedLifetime ? DegradedLifetime : normal;

    /// <summary>Returns true when the state changed, so the caller reports each outage once.</summary>
    public bool Set(bool isConnected)
    {
        var changed = connected != isConnected;
        connected = isConnected;
        return changed;
    }
}
