using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Lists;

/// <summary>
/// The arithmetic every paged list shares: page count, the page actually shown, how many rows to skip.
/// <paramref name="MoreThanTotal"/> says that counting stopped at <paramref name="TotalCount"/> and more rows match.
/// </summary>
public sealed record PageSlice(int Number, int Size, int TotalCount, bool MoreThanTotal = false)
{
    public int PageCount => Math.Max(1, (TotalCount + Size - 1) / Size);

    public int Skip => (Number - 1) * Size;

    /// <summary>The requested page, moved into 1..PageCount (a stale link past the end shows the last page).</summary>
    public static PageSlice Clamped(int requested, int size, int totalCount)
    {
        var slice = new PageSlice(1, size, totalCount);
        return slice with { Number = Math.Clamp(requested, 1, slice.PageCount) };
    }
}

public static class Paging
{
    /// <summary>Counts the ordered query, then reads the rows of the (clamped) requested page.</summary>
    public static async Task<(List<T> Items, PageSlice Page)> PageAsync<T>(this IQueryable<T> ordered, int requested, int size, CancellationToken cancellationToken = default)
    {
        var page = PageSlice.Clamped(requested, size, await ordered.CountAsync(cancellationToken));
        var items = await ordered.Skip(page.Skip).Take(size).ToListAsync(cancellationToken);
        return (items, page);
    }

    /// <summary>
    /// Counts the ordered query, finds the ids of the requested page in it, then reads only those rows
    /// through <paramref name="rowsOf"/> (which orders them again). When the order and the filter are an
    /// index's columns, a deep page skips index entries rather than whole rows: an article's listed
    /// columns sit behind its body, which SQLite would otherwise read for every skipped row.
    /// With <paramref name="countLimit"/>, counting stops after that many rows (a filter no index can
    /// answer, such as a substring, would otherwise test every row) and paging ends there. A
    /// <paramref name="knownTotal"/> (a kept count) is used instead of counting.
    /// </summary>
    public static async Task<(List<T> Items, PageSlice Page)> PageByIdsAsync<TEntity, T>(
        this IQueryable<TEntity> ordered,
        Expression<Func<TEntity, int>> id,
        int requested,
        int size,
        Func<IQueryable<int>, IQueryable<T>> rowsOf,
        int? countLimit = null,
        int? knownTotal = null,
        CancellationToken cancellationToken = default)
    {
        var page = countLimit is { } limit
            ? Limited(requested, size, limit, await ordered.Take(limit + 1).CountAsync(cancellationToken))
            : PageSlice.Clamped(requested, size, knownTotal ?? await ordered.CountAsync(cancellationToken));
        var items = await rowsOf(ordered.Skip(page.Skip).Take(size).Select(id)).ToListAsync(cancellationToken);
        return (items, page);
    }

    private static PageSlice Limited(int requested, int size, int limit, int counted) =>
        counted > limit ? PageSlice.Clamped(requested, size, limit) with { MoreThanTotal = true } : PageSlice.Clamped(requested, size, counted);
}
