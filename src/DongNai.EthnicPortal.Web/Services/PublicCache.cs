using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Documents;
using DongNai.EthnicPortal.Web.Services.Farm;
using DongNai.EthnicPortal.Web.Services.Polls;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;

namespace DongNai.EthnicPortal.Web.Services;

/// <summary>
/// The one place that makes editors' changes visible at once: it evicts output-cache tags and the
/// small in-memory caches (menu, links, settings, the registry's filter choices, the current poll)
/// that pages read. Every eviction is also announced to the other instances of a farm through the
/// <see cref="ICacheSignal"/>, which hands what they receive to <see cref="EvictLocallyAsync"/>.
/// </summary>
public sealed class PublicCache(IOutputCacheStore outputCache, IMemoryCache memoryCache, ICacheSignal signal)
{
    public async Task EvictAsync(params string[] tags)
    {
        await EvictLocallyAsync(tags);
        await signal.PublishAsync(tags);
    }

    /// <summary>For changes to what every page shows: menu, footer, links, settings.</summary>
    public Task EvictEverythingAsync() => EvictAsync(CacheTags.Public);

    /// <summary>Evicts on this instance only: for messages from other instances, which must not be announced again.</summary>
    public async Task EvictLocallyAsync(IReadOnlyCollection<string> tags)
    {
        foreach (var tag in tags.Distinct(StringComparer.Ordinal))
        {
            await outputCache.EvictByTagAsync(tag, CancellationToken.None);
        }

        if (tags.Contains(CacheTags.Public))
        {
            DropMemoryCopies();
        }
        else if (tags.Contains(CacheTags.Documents))
        {
            memoryCache.Remove(DocumentFacets.CacheKey);
            memoryCache.Remove(DocumentSearchCatalog.CacheKey);
        }

        if (tags.Contains(CacheTags.Public) || tags.Contains(CacheTags.Consultations))
        {
            memoryCache.Remove(Consultations.OpenConsultations.CacheKey);
        }
    }

    /// <summary>
    /// Drops the long-lived in-memory copies (minutes) on this instance, leaving the output cache alone:
    /// when the farm's signal goes down, the next copies are made with the short lifetime, and the pages
    /// (40 s at most) need not all be rendered again at once.
    /// </summary>
    public void DropMemoryCopies()
    {
        memoryCache.Remove(SiteChrome.CacheKey);
        memoryCache.Remove(PollService.CurrentPollCacheKey);
        memoryCache.Remove(DocumentFacets.CacheKey);
        memoryCache.Remove(DocumentSearchCatalog.CacheKey);
    }
}
