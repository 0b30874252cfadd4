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
        var html = await GetAsync("/tim-kiem?q=binh+dang+gioi");
        var counts = TabCounts().Matches(html).ToDictionary(m => m.Groups["label"].Value, m => int.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["Tất cả", "Tin bài", "Văn bản", "Trang"], counts.Keys);
        Assert.True(counts["Tin bài"] >= 2);
        Assert.True(counts["Văn bản"] >= 3);
        Assert.Equal(counts["Tin bài"] + counts["Văn bản"] + counts["Trang"], counts["Tất cả"]);

        var documentsOnly = await GetAsync("/tim-kiem?q=binh+dang+gioi&loai=van-ban");
        var kinds = KindLabels().Matches(documentsOnly).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(counts["Văn bản"], kinds.Count);
        Assert.All(kinds, kind => Assert.Equal("Văn bản", kind));
    }

    [Fact]
    public async Task Each_result_has_a_date_and_a_highlighted_snippet()
    {
        var html = await GetAsync("/tim-kiem?q=binh+dang+gioi&loai=tin-bai");
        Assert.Contains("<mark>bình đẳng giới</mark>", html, StringComparison.Ordinal);
        Assert.Contains(">20/09/2023</time>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/tin-tuc/trien-khai-thuc-hien-cong-tac-binh-dang-gioi", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_are_paged_ten_at_a_time()
    {
        var first = await TitlesAsync("dan toc");
        Assert.Equal(10, first.Count);
        var html = await GetAsync("/tim-kiem?q=dan+toc");
        Assert.Contains("aria-label=\"Phân trang kết quả\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/tim-kiem?q=dan%20toc&amp;trang=2\"", html, StringComparison.Ordinal);

        var second = await TitlesAsync("dan toc", "&trang=2");
        Assert.NotEmpty(second);
        Assert.Empty(first.Intersect(second));
    }

    [Theory]
    [InlineData("")]
    [InlineData("%20%20%20")]
    public async Task An_empty_query_shows_the_form_with_a_hint(string query)
    {
        var html = await GetAsync("/tim-kiem?q=" + query);
        Assert.Contains("<h1>Tìm kiếm</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<label for=\"q\">", html, StringComparison.Ordinal);
        Assert.Contains("Nhập từ khóa", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"search-results\"", html, StringComparison.Ordinal);
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
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Tìm kiếm</h1>", html, StringComparison.Ordinal);
        Assert.Contains(SeedTitle, await TitlesAsync("binh dang gioi"));
    }

    [Fact]
    public async Task A_query_of_500_characters_is_trimmed_to_200()
    {
        var query = string.Concat(Enumerable.Repeat("bình đẳng ", 50));
        var html = await GetAsync("/tim-kiem?q=" + Uri.EscapeDataString(query));
        var echoed = WebUtility.HtmlDecode(QueryValue().Match(html).Groups[1].Value);
        Assert.Equal(query[..200].TrimEnd(), echoed);
    }

    [Fact]
    public async Task The_query_is_echoed_encoded()
    {
        var html = await GetAsync("/tim-kiem?q=" + Uri.EscapeDataString("<script>alert(1)</script>"));
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

    private async Task<string> GetAsync(string url)
    {
        var response = await fixture.Factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<List<string>> TitlesAsync(string query, string extra = "")
    {
        var html = await GetAsync("/tim-kiem?q=" + Uri.EscapeDataString(query) + extra);
        return ResultTitles().Matches(html)
            .Select(m => WebUtility.HtmlDecode(Tags().Replace(m.Groups[1].Value, "")))
            .ToList();
    }

    [GeneratedRegex("<h2><a href=\"[^\"]*\">(.*?)</a></h2>")]
    internal static partial Regex ResultTitles();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("<a href=\"[^\"]*\"(?: aria-current=\"page\")?>(?<label>[^<]+?) <span class=\"count\">\\((?<count>\\d+)\\)</span>")]
    private static partial Regex TabCounts();

    [GeneratedRegex("<span class=\"search-kind\">([^<]+)</span>")]
    private static partial Regex KindLabels();

    [GeneratedRegex("<input id=\"q\" type=\"search\" name=\"q\" value=\"([^\"]*)\"")]
    private static partial Regex QueryValue();
}
