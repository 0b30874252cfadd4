using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Documents;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;

namespace DongNai.EthnicPortal.Web.Services;

/// <summary>
/// The one place that makes editors' changes visible at once: it evicts output-cache tags and the
/// small in-memory caches (menu, links, settings, the registry's filter choices) that pages read.
/// </summary>
public sealed class PublicCache(IOutputCacheStore outputCache, IMemoryCache memoryCache)
{
    public async Task EvictAsync(params string[] tags)
    {
        foreach (var tag in tags.Distinct(StringComparer.Ordinal))
        {
            await outputCache.EvictByTagAsync(tag, CancellationToken.None);
        }

        if (tags.Contains(CacheTags.Public))
        {
            memoryCache.Remove(SiteChrome.CacheKey);
        }

        if (tags.Contains(CacheTags.Public) || tags.Contains(CacheTags.Documents))
        {
            memoryCache.Remove(DocumentFacets.CacheKey);
        }

        if (tags.Contains(CacheTags.Public) || tags.Contains(CacheTags.Consultations))
        {
            memoryCache.Remove(Consultations.OpenConsultations.CacheKey);
        }
    }

    /// <summary>For changes to what every page shows: menu, footer, links, settings.</summary>
    public Task EvictEverythingAsync() => EvictAsync(CacheTags.Public);
}
