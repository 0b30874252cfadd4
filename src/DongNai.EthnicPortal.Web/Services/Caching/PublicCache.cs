using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Farm;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;

namespace DongNai.EthnicPortal.Web.Services.Caching;

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

    /// <summary>The consultations the home page's block lists (<see cref="Consultations.OpenConsultations"/>).</summary>
    public static readonly PublicCopy OpenConsultations = new("open-consultations", TimeSpan.FromMinutes(10));

    /// <summary>
    /// The category pages' article counts (<see cref="Articles.CategoryArticleCounts"/>). An article
    /// published with a later date appears when its time comes, with no change to evict on, so the
    /// counts live no longer than a cached page does.
    /// </summary>
    public static readonly PublicCopy CategoryArticleCounts = new("articles:category-counts", CachingSetup.PublicPageLifetime);

    /// <summary>The admin article list's totals per filter (<see cref="Articles.ArticleListCounts"/>); not public, but evicted by the same changes.</summary>
    public static readonly PublicCopy ArticleListCounts = new("articles:admin-list-counts", TimeSpan.FromMinutes(10));

    public static readonly IReadOnlyList<PublicCopy> All = [SiteChrome, DocumentFacets, DocumentSearchCatalog, CurrentPoll, VisitTotals, OpenConsultations, CategoryArticleCounts, ArticleListCounts];

    public static PublicCopy? FromKey(string key) => All.FirstOrDefault(c => c.Key == key);
}

/// <summary>The output-cache tags and in-memory copies one change makes stale.</summary>
public sealed record CacheEviction(IReadOnlyList<string> Tags, IReadOnlyList<PublicCopy> Copies)
{
    /// <summary>Every page and every copy: after an outage of the farm's signal, when evictions may have been missed.</summary>
    public static readonly CacheEviction Everything = new([CacheTags.Public], PublicCopy.All);
}

/// <summary>
/// Owns everything public pages keep between requests: the output-cache tags and the in-memory
/// copies. Pages read copies through <see cref="GetOrLoadAsync"/>; <see cref="ContentChanges"/> says
/// what changed, <see cref="EvictionFor"/> decides what that makes stale, and
/// <see cref="EvictAsync(CacheEviction)"/> is the one method every eviction passes through. It also
/// announces each eviction to the other instances of a farm through the <see cref="ICacheSignal"/>,
/// which hands what they receive to <see cref="EvictLocallyAsync"/>.
/// </summary>
public sealed class PublicCache(IOutputCacheStore outputCache, IMemoryCache memoryCache, ICacheSignal signal, CacheSignalState signalState, EvictionClock clock)
{
    public async Task<T> GetOrLoadAsync<T>(PublicCopy copy, Func<Task<T>> load)
        where T : class
    {
        if (memoryCache.TryGetValue(copy.Key, out T? cached) && cached is not null)
        {
            return cached;
        }

        var mark = EvictionClock.Mark();
        var value = await load();
        if (clock.EvictedSince(mark, [EvictionClock.CopyName(copy)]))
        {
            return value;
        }

        // While the farm's signal is down, other instances' evictions do not arrive: keep copies briefly.
        memoryCache.Set(copy.Key, value, signalState.Lifetime(copy.Lifetime));
        return value;
    }

    public Task EvictAsync(ContentChange change) => EvictAsync(EvictionFor(change));

    /// <summary>The single eviction path: drops what a change makes stale here, then tells the other instances.</summary>
    public async Task EvictAsync(CacheEviction eviction)
    {
        await EvictLocallyAsync(eviction);
        await signal.PublishAsync(eviction);
    }

    /// <summary>Evicts on this instance only: for messages from other instances, which must not be announced again.</summary>
    public async Task EvictLocallyAsync(CacheEviction eviction)
    {
        // Recorded before evicting, so that a render finishing in between is not stored either.
        clock.Record(eviction.Tags);
        foreach (var tag in eviction.Tags.Distinct(StringComparer.Ordinal))
        {
            await outputCache.EvictByTagAsync(tag, CancellationToken.None);
        }

        DropCopies(eviction.Copies);
    }

    /// <summary>
    /// Drops the in-memory copies on this instance, leaving the output cache alone: when the farm's
    /// signal goes down, the next copies are made with the short lifetime, and the pages (40 s at
    /// most) need not all be rendered again at once.
    /// </summary>
    public void DropCopies(IReadOnlyList<PublicCopy> copies)
    {
        clock.Record(copies.Select(EvictionClock.CopyName));
        foreach (var copy in copies.Distinct())
        {
            memoryCache.Remove(copy.Key);
        }
    }

    /// <summary>Which pages and copies show what changed.</summary>
    public static CacheEviction EvictionFor(ContentChange change) => change.Kind switch
    {
        ContentKind.Article => new([CacheTags.Articles, .. change.Ids.Select(CacheTags.Article)], [PublicCopy.CategoryArticleCounts, PublicCopy.ArticleListCounts]),

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

        // The list, the feed, the home block and the consultation's own page.
        ContentKind.Consultation => new([CacheTags.Consultations, .. change.Ids.Select(CacheTags.Consultation)], [PublicCopy.OpenConsultations]),
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.Kind, "No eviction rule for this kind of change."),
    };
}
