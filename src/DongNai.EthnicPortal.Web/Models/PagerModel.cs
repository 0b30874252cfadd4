namespace DongNai.EthnicPortal.Web.Models;

/// <summary>What the one pager partial (<c>Views/Shared/_Pager.cshtml</c>) needs: where we are, how far it goes, and each page's URL.</summary>
public sealed record PagerModel(int Page, int PageCount, Func<int, string> UrlFor, string Label = "Phân trang")
{
    /// <summary>Pages linked on either side of the current one; the first and last are always linked.</summary>
    public const int Window = 2;

    public int First => Math.Max(1, Page - Window);

    public int Last => Math.Min(PageCount, Page + Window);
}
