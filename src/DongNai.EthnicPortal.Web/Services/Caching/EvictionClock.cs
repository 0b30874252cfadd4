using System.Collections.Concurrent;
using System.Diagnostics;

namespace DongNai.EthnicPortal.Web.Services.Caching;

/// <summary>
/// Remembers when each output-cache tag and in-memory copy was last evicted on this instance, so that
/// a page or copy built from data read before an eviction is not stored after it: without this, a
/// reader's request that read the old row a moment before an editor's change committed, and finished
/// a moment after its eviction, would put the old page back for the whole cache lifetime.
/// </summary>
public sealed class EvictionClock
{
    /// <summary>No request takes this long; older evictions cannot concern one in flight.</summary>
    private static readonly TimeSpan Memory = TimeSpan.FromMinutes(10);

    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, long> lastEvicted = new(StringComparer.Ordinal);
    private long lastPruned = Stopwatch.GetTimestamp();

    /// <summary>The moment a request or a load starts reading; compare it later with <see cref="EvictedSince"/>.</summary>
    public static long Mark() => Stopwatch.GetTimestamp();

    public static string CopyName(PublicCopy copy) => "copy:" + copy.Key;

    public void Record(IEnumerable<string> names)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var name in names)
        {
            lastEvicted[name] = now;
        }

        PruneIfLarge(now);
    }

    /// <summary>Whether any of <paramref name="names"/> was evicted at or after <paramref name="mark"/>; ties count as evicted.</summary>
    public bool EvictedSince(long mark, IEnumerable<string> names) =>
        names.Any(name => lastEvicted.TryGetValue(name, out var evicted) && evicted >= mark);

    private void PruneIfLarge(long now)
    {
        var previous = Interlocked.Read(ref lastPruned);
        if (lastEvicted.Count <= PruneAbove || Stopwatch.GetElapsedTime(previous, now) < TimeSpan.FromMinutes(1)
            || Interlocked.CompareExchange(ref lastPruned, now, previous) != previous)
        {
            return;
        }

        foreach (var (name, evicted) in lastEvicted)
        {
            if (Stopwatch.GetElapsedTime(evicted, now) > Memory)
            {
                lastEvicted.TryRemove(KeyValuePair.Create(name, evicted));
            }
        }
    }
}
