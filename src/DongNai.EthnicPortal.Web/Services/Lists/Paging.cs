using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Lists;

/// <summary>The arithmetic every paged list shares: page count, the page actually shown, how many rows to skip.</summary>
public sealed record PageSlice(int Number, int Size, int TotalCount)
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
}
