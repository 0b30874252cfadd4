using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Services.Search;

namespace DongNai.EthnicPortal.Tests.Search;

public sealed class SearchSortKeyTests
{
    private static readonly DateTime Noon = new(2026, 11, 28, 5, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_later_minute_sorts_after_any_kind_or_item_of_an_earlier_one()
    {
        var earlier = SearchSortKey.For(SearchEntryKind.Page, SearchSortKey.MaxEntityId, Noon, generation: 0);
        var later = SearchSortKey.For(SearchEntryKind.Article, 1, Noon.AddMinutes(1), generation: 0);
        Assert.True(later > earlier);
    }

    [Fact]
    public void Items_of_the_same_minute_never_share_a_key()
    {
        var keys = new[]
        {
            SearchSortKey.For(SearchEntryKind.Article, 7, Noon, generation: 0),
            SearchSortKey.For(SearchEntryKind.Document, 7, Noon, generation: 0),
            SearchSortKey.For(SearchEntryKind.Page, 7, Noon, generation: 0),
            SearchSortKey.For(SearchEntryKind.Article, 8, Noon, generation: 0),
            SearchSortKey.For(SearchEntryKind.Article, 7, Noon.AddSeconds(59), generation: 0),
        };
        Assert.Equal(4, keys.Distinct().Count());
        Assert.Equal(keys[0], keys[4]);
    }

    [Fact]
    public void No_date_and_dates_before_1970_sort_oldest_and_stay_positive()
    {
        Assert.Equal(6, SearchSortKey.For(SearchEntryKind.Article, 3, null, generation: 0));
        Assert.Equal(6, SearchSortKey.For(SearchEntryKind.Article, 3, new DateTime(1960, 1, 1, 0, 0, 0, DateTimeKind.Utc), generation: 0));
        Assert.True(SearchSortKey.For(SearchEntryKind.Page, SearchSortKey.MaxEntityId, new DateTime(9999, 12, 31, 0, 0, 0, DateTimeKind.Utc), generation: 0) > 0);
    }

    [Fact]
    public void An_item_in_the_active_index_and_in_the_rebuild_beside_it_has_two_keys_in_the_same_place()
    {
        var active = SearchSortKey.For(SearchEntryKind.Article, 7, Noon, generation: 4);
        var rebuilt = SearchSortKey.For(SearchEntryKind.Article, 7, Noon, generation: 5);
        Assert.Equal(1, Math.Abs(rebuilt - active));
        Assert.True(SearchSortKey.For(SearchEntryKind.Article, 8, Noon, generation: 4) > Math.Max(active, rebuilt));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(SearchSortKey.MaxEntityId + 1)]
    public void Item_ids_outside_the_key_are_refused(int entityId) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SearchSortKey.For(SearchEntryKind.Article, entityId, Noon, generation: 0));
}
