using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Lists;

/// <summary>Editor-ordered lists (categories, web links, document lookups): a new item goes last.</summary>
public static class SortOrders
{
    /// <summary>One more than the largest sort order in the list (1 for an empty list).</summary>
    public static async Task<int> NextAsync(IQueryable<int> sortOrders, CancellationToken cancellationToken = default) =>
        (await sortOrders.MaxAsync(s => (int?)s, cancellationToken) ?? 0) + 1;
}
