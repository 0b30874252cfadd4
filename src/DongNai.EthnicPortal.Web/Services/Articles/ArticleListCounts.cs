using System.Collections.Concurrent;
using DongNai.EthnicPortal.Web.Services.Caching;

namespace DongNai.EthnicPortal.Web.Services.Articles;

/// <summary>
/// The totals of the admin article list, per filter. Counting walks every matching index entry (an
/// exact count of 100,000 articles is several milliseconds on PostgreSQL, more than the rest of the
/// page), and an editor paging through a list counts the same set again on every page. The totals are
/// kept until <see cref="PublicCache"/> evicts them on any article change, which every write to an
/// article passes through, so a total is never staler than the list beside it.
/// </summary>
public sealed class ArticleListCounts(PublicCache cache)
{
    /// <summary>Filters are few in practice; past this many, totals are counted without being kept.</summary>
    private const int MaxKept = 500;

    public async Task<int> GetAsync(string filterKey, Func<Task<int>> count)
    {
        // The dictionary is what an eviction drops: a count finished after it lands in the dropped one.
        var counts = await cache.GetOrLoadAsync(PublicCopy.ArticleListCounts, () => Task.FromResult(new ConcurrentDictionary<string, int>(StringComparer.Ordinal)));
        if (counts.TryGetValue(filterKey, out var known))
        {
            return known;
        }

        var total = await count();
        if (counts.Count < MaxKept)
        {
            counts[filterKey] = total;
        }

        return total;
    }
}
