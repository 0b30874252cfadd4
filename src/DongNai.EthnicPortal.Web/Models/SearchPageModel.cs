using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Services.Search;

namespace DongNai.EthnicPortal.Web.Models;

/// <summary>A tab of the results page; <c>?loai=</c> picks it.</summary>
public sealed record SearchTab(string? Key, string Label, SearchEntryKind? Kind)
{
    public static readonly SearchTab All = new(null, "Tất cả", null);
    public static readonly SearchTab Articles = new("tin-bai", "Tin bài", SearchEntryKind.Article);
    public static readonly SearchTab Documents = new("van-ban", "Văn bản", SearchEntryKind.Document);
    public static readonly SearchTab Pages = new("trang", "Trang", SearchEntryKind.Page);

    public static readonly IReadOnlyList<SearchTab> Tabs = [All, Articles, Documents, Pages];

    public static SearchTab FromKey(string? key) => Tabs.FirstOrDefault(t => t.Key != null && t.Key == key) ?? All;

    public static string KindLabel(SearchEntryKind kind) => Tabs.First(t => t.Kind == kind).Label;
}

public sealed record SearchPageModel(string Query, SearchTab Tab, SearchResults Results)
{
    public int CountOf(SearchTab tab) => tab.Kind is { } kind ? Results.CountOf(kind) : Results.AllCount;

    /// <summary>The URL of the results page for a tab and page, keeping the query.</summary>
    public string Url(SearchTab tab, int page = 1)
    {
        var parameters = new List<string> { "q=" + Uri.EscapeDataString(Query) };
        if (tab.Key is not null)
        {
            parameters.Add("loai=" + tab.Key);
        }

        if (page > 1)
        {
            parameters.Add("trang=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return Services.Site.PortalUrls.Search + "?" + string.Join('&', parameters);
    }
}
