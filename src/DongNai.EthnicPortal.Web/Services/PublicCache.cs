using DongNai.EthnicPortal.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;

namespace DongNai.EthnicPortal.Web.Services;

/// <summary>A small in-memory copy that public pages read, and how long it may live without an eviction.</summary>
public sealed record PublicCopy(string Key, TimeSpan Lifetime)
{
    /// <summary>Menu, links, settings and the home page's sections (<see cref="Services.SiteChrome"/>).</summary>
    public static readonly PublicCopy SiteChrome = new("site-chrome", TimeSpan.FromMinutes(10));

    /// <summary>The registry's filter choices (<see cref="Documents.DocumentFacets"/>).</summary>
    public static readonly PublicCopy DocumentFacets = new("document-facets", TimeSpan.FromMinutes(10));

    /// <summary>The registry's folded free-text catalogue (<see cref="Documents.DocumentSearchCatalog"/>).</summary>
    public static readonly PublicCopy DocumentSearchCatalog = new("documents:search-catalog", TimeSpan.FromMinutes(5));

    /// <summary>The poll the sidebar widget shows (<see cref="Polls.PollService"/>).</summary>
    public static readonly PublicCopy CurrentPoll = new("polls:current", TimeSpan.FromSeconds(60));

    /// <summary>"Trong ngày" and "Tất cả" (<see cref="Visits.VisitStatistics"/>); short, because visits are counted all the time.</summary>
    public static readonly PublicCopy VisitTotals = new("visits:totals", TimeSpan.FromSeconds(15));
}

/// <summary>The output-cache tags and in-memory copies one change makes stale.</summary>
public sealed record CacheEviction(IReadOnlyList<string> Tags, IReadOnlyList<PublicCopy> Copies);

/// <summary>
/// Owns everything public pages keep between requests: the output-cache tags and the in-memory
/// copies. Pages read copies through <see cref="GetOrLoadAsync"/>; <see cref="ContentChanges"/> says
/// what changed, <see cref="EvictionFor"/> decides what that makes stale, and
/// <see cref="EvictAsync(CacheEviction)"/> is the one method every eviction passes through.
/// </summary>
public sealed class PublicCache(IOutputCacheStore outputCache, IMemoryCache memoryCache)
{
    public async Task<T> GetOrLoadAsync<T>(PublicCopy copy, Func<Task<T>> load)
        where T : class
    {
        if (memoryCache.TryGetValue(copy.Key, out T? cached) && cached is not null)
        {
            return cached;
        }

        var value = await load();
        memoryCache.Set(copy.Key, value, copy.Lifetime);
        return value;
    }

    public Task EvictAsync(ContentChange change) => EvictAsync(EvictionFor(change));

    /// <summary>
    /// The single eviction path: every tag and copy any change makes stale is dropped here, on this
    /// instance. A web farm signals the same <see cref="CacheEviction"/> to the other instances from here.
    /// </summary>
    public async Task EvictAsync(CacheEviction eviction)
    {
        foreach (var tag in eviction.Tags.Distinct(StringComparer.Ordinal))
        {
            await outputCache.EvictByTagAsync(tag, CancellationToken.None);
        }

        foreach (var copy in eviction.Copies.Distinct())
        {
            memoryCache.Remove(copy.Key);
        }
    }

    /// <summary>Which pages and copies show what changed.</summary>
    public static CacheEviction EvictionFor(ContentChange change) => change.Kind switch
    {
        ContentKind.Article => new([CacheTags.Articles, .. change.Ids.Select(CacheTags.Article)], []),

        // Article bodies link to documents, so both kinds of pages may change.
        ContentKind.Document => new(
            [CacheTags.Documents, CacheTags.Articles, .. change.Ids.Select(CacheTags.Document)],
            [PublicCopy.DocumentFacets, PublicCopy.DocumentSearchCatalog]),
        ContentKind.DocumentLookups => new(
            [CacheTags.Documents, CacheTags.Articles, .. change.Ids.Select(CacheTags.Document)],
            [PublicCopy.DocumentFacets]),

        // Page titles are in the menu, and the menu, links and settings (with the visit offset) are on every page.
        ContentKind.Page or ContentKind.SiteChrome => new([CacheTags.Public], [PublicCopy.SiteChrome, PublicCopy.DocumentFacets, PublicCopy.VisitTotals]),

        // The widget is on every public page; a ballot only changes the poll's own pages (the widget shows no counts).
        ContentKind.Poll => new([CacheTags.Public, CacheTags.Polls, .. change.Ids.Select(CacheTags.Poll)], [PublicCopy.CurrentPoll]),
        ContentKind.Vote => new([CacheTags.Polls, .. change.Ids.Select(CacheTags.Poll)], []),

        // A cover image's description is shown wherever the article's card or page is.
        ContentKind.Media => new([CacheTags.Articles], []),
        ContentKind.SearchIndex => new([CacheTags.Articles, CacheTags.Documents], []),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.Kind, "No eviction rule for this kind of change."),
    };
}
