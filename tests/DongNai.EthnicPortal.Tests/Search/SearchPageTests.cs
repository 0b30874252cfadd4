using System.Net;
using System.Text.RegularExpressions;
using DongNai.EthnicPortal.Tests.Infrastructure;

namespace DongNai.EthnicPortal.Tests.Search;

/// <summary>The results page over the seed content; nothing here writes.</summary>
public sealed partial class SearchPageTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    private const string SeedTitle = "Triển khai thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ trên địa bàn tỉnh Đồng Nai năm 2024";

    [Theory]
    [InlineData("binh dang gioi")]
    [InlineData("BÌNH ĐẲNG GIỚI")]
    [InlineData("bình đẳng giới")]
    [InlineData("Binh Dang Gioi")]
    [InlineData("gioi binh dang")]
    public async Task Every_spelling_finds_the_seed_article(string query)
    {
        var titles = await TitlesAsync(query);
        Assert.Contains(SeedTitle, titles);
    }

    [Fact]
    public async Task Dong_nai_without_diacritics_matches_dong_nai_with_d_bar()
    {
        var titles = await TitlesAsync("dong nai");
        Assert.Contains(SeedTitle, titles);
        Assert.Contains(titles, t => t.Contains("Đồng Nai", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_quoted_phrase_must_appear_in_order_while_loose_words_need_not()
    {
        Assert.Contains(SeedTitle, await TitlesAsync("\"tiến bộ của phụ nữ\""));
        Assert.Contains(SeedTitle, await TitlesAsync("phụ nữ tiến bộ"));
        Assert.Empty(await TitlesAsync("\"phụ nữ tiến bộ\""));
    }

    [Theory]
    [InlineData("9478/UBND-KGVX")]
    [InlineData("9478/ubnd-kgvx")]
    [InlineData("9478")]
    public async Task A_document_number_puts_the_document_first(string query)
    {
        var titles = await TitlesAsync(query);
        Assert.Equal("Công văn số 9478/UBND-KGVX", titles[0]);
    }

    [Fact]
    public async Task A_party_symbol_puts_its_document_first()
    {
        var titles = await TitlesAsync("250-KL/TU");
        Assert.Equal("Kết luận số 250-KL/TU", titles[0]);
    }

    [Fact]
    public async Task Results_are_grouped_in_tabs_with_counts()
    {
        var page = await GetAsync("/tim-kiem?q=binh+dang+gioi");
        var counts = page.QuerySelectorAll(".search-tabs a").ToDictionary(
            a => a.Text()[..a.Text().LastIndexOf(" (", StringComparison.Ordinal)],
            a => int.Parse(a.One(".count").Text().Trim('(', ')'), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["Tất cả", "Tin bài", "Văn bản", "Trang"], counts.Keys);
        Assert.True(counts["Tin bài"] >= 2);
        Assert.True(counts["Văn bản"] >= 3);
        Assert.Equal(counts["Tin bài"] + counts["Văn bản"] + counts["Trang"], counts["Tất cả"]);

        var documentsOnly = await GetAsync("/tim-kiem?q=binh+dang+gioi&loai=van-ban");
        var kinds = documentsOnly.Texts(".search-result .search-kind");
        Assert.Equal(counts["Văn bản"], kinds.Count);
        Assert.All(kinds, kind => Assert.Equal("Văn bản", kind));
    }

    [Fact]
    public async Task Each_result_has_a_date_and_a_highlighted_snippet()
    {
        var page = await GetAsync("/tim-kiem?q=binh+dang+gioi&loai=tin-bai");
        var seed = Assert.Single(page.QuerySelectorAll(".search-result"), r => r.One("h2 a").GetAttribute("href")!.StartsWith("/tin-tuc/trien-khai-thuc-hien-cong-tac-binh-dang-gioi", StringComparison.Ordinal));
        Assert.Equal("20/09/2023", seed.One(".search-meta time").Text());
        Assert.Contains(page.QuerySelectorAll(".search-result mark"), mark => mark.Text() == "bình đẳng giới");
    }

    [Fact]
    public async Task Results_are_paged_ten_at_a_time()
    {
        var first = await TitlesAsync("dan toc");
        Assert.Equal(10, first.Count);
        var page = await GetAsync("/tim-kiem?q=dan+toc");
        Assert.NotEmpty(page.One("nav[aria-label='Phân trang kết quả']").QuerySelectorAll("a[href='/tim-kiem?q=dan%20toc&trang=2']"));

        var second = await TitlesAsync("dan toc", "&trang=2");
        Assert.NotEmpty(second);
        Assert.Empty(first.Intersect(second));
    }

    [Theory]
    [InlineData("")]
    [InlineData("%20%20%20")]
    public async Task An_empty_query_shows_the_form_with_a_hint(string query)
    {
        var page = await GetAsync("/tim-kiem?q=" + query);
        Assert.Equal("Tìm kiếm", page.One("h1").Text());
        page.One("label[for=q]");
        Assert.StartsWith("Nhập từ khóa", page.One(".search-empty").Text(), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".search-results"));
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("*")]
    [InlineData("NEAR(")]
    [InlineData("' OR 1=1 --")]
    [InlineData("binh\" OR \"dang")]
    [InlineData("-binh ^dang gioi*")]
    [InlineData("'; DROP TABLE SearchEntries; --")]
    [InlineData("SearchFts MATCH '*'")]
    public async Task Syntax_in_a_query_is_plain_text_and_never_an_error(string query)
    {
        var response = await fixture.Factory.CreateClient().GetAsync(new Uri("/tim-kiem?q=" + Uri.EscapeDataString(query), UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Tìm kiếm", page.One("h1").Text());
        Assert.Contains(SeedTitle, await TitlesAsync("binh dang gioi"));
    }

    [Fact]
    public async Task A_query_of_500_characters_is_trimmed_to_200()
    {
        var query = string.Concat(Enumerable.Repeat("bình đẳng ", 50));
        var page = await GetAsync("/tim-kiem?q=" + Uri.EscapeDataString(query));
        var echoed = page.One("input#q").GetAttribute("value");
        Assert.Equal(query[..200].TrimEnd(), echoed);
    }

    [Fact]
    public async Task The_query_is_echoed_encoded()
    {
        // The raw markup is what is checked: the query must never reach the page as a tag.
        var html = await fixture.Factory.CreateClient().GetStringAsync(new Uri("/tim-kiem?q=" + Uri.EscapeDataString("<script>alert(1)</script>"), UriKind.Relative));
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_tab_and_page_values_fall_back_instead_of_failing()
    {
        var response = await fixture.Factory.CreateClient().GetAsync(new Uri("/tim-kiem?q=binh&loai=x&trang=abc", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var beyond = await TitlesAsync("binh dang gioi", "&trang=9999");
        Assert.NotEmpty(beyond);
    }

    private Task<AngleSharp.Dom.IDocument> GetAsync(string url) => fixture.Factory.CreateClient().GetDocumentAsync(url);

    /// <summary>The result titles of a query, as a reader sees them (the highlight marks are only markup).</summary>
    private async Task<List<string>> TitlesAsync(string query, string extra = "") =>
        (await GetAsync("/tim-kiem?q=" + Uri.EscapeDataString(query) + extra)).Texts(".search-result h2 a");

    /// <summary>The result titles' markup as the lifecycle tests read it.</summary>
    [GeneratedRegex("<h2><a href=\"[^\"]*\">(.*?)</a></h2>")]
    internal static partial Regex ResultTitles();
}
