using DongNai.EthnicPortal.Web.Services.Search;

namespace DongNai.EthnicPortal.Tests.Search;

public sealed class SearchSnippetTests
{
    [Fact]
    public void Matches_are_marked_by_their_folded_form()
    {
        var html = SearchSnippet.Highlight("Công tác Bình đẳng giới ở Đồng Nai", ["binh", "dang", "dong"]);
        Assert.Equal("Công tác <mark>Bình đẳng</mark> giới ở <mark>Đồng</mark> Nai", html);
    }

    [Fact]
    public void Content_and_query_can_never_become_markup()
    {
        var html = SearchSnippet.Highlight("<script>alert('binh')</script> & <b>binh</b>", ["binh", "script"]);
        Assert.Equal("&lt;<mark>script</mark>&gt;alert(&#x27;<mark>binh</mark>&#x27;)&lt;/<mark>script</mark>&gt; &amp; &lt;b&gt;<mark>binh</mark>&lt;/b&gt;", html);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;<mark>script</mark>&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&amp;", html, StringComparison.Ordinal);
        Assert.Equal(4, html.Split("<mark>").Length - 1);
    }

    [Fact]
    public void An_excerpt_is_cut_around_the_first_match_at_word_boundaries()
    {
        var text = string.Join(' ', Enumerable.Repeat("mở đầu", 100)) + " công tác bình đẳng giới " + string.Join(' ', Enumerable.Repeat("kết thúc", 100));
        var html = SearchSnippet.Excerpt(text, ["binh"], 120);
        Assert.StartsWith("… ", html, StringComparison.Ordinal);
        Assert.EndsWith(" …", html, StringComparison.Ordinal);
        Assert.Contains("<mark>bình</mark>", html, StringComparison.Ordinal);
        Assert.True(html.Length < 200);
        Assert.Equal("<mark>bình đẳng giới</mark>", SearchSnippet.Highlight("bình đẳng giới", ["binh", "dang", "gioi"]));
        Assert.Equal("<mark>bình</mark>, <mark>đẳng</mark>", SearchSnippet.Highlight("bình, đẳng", ["binh", "dang"]));
        Assert.Equal("số <mark>9478/UBND-KGVX</mark>", SearchSnippet.Highlight("số 9478/UBND-KGVX", ["9478", "ubnd", "kgvx"]));
        Assert.DoesNotMatch("[^ ]…$|^…[^ ]", html);
    }

    [Fact]
    public void A_match_deep_in_a_long_text_is_shown_with_the_six_words_before_it()
    {
        var opening = string.Join(' ', Enumerable.Range(1, 3000).Select(i => $"từ{i}"));
        var text = opening + " công tác bình đẳng giới " + string.Join(' ', Enumerable.Repeat("kết thúc", 2000));
        var html = SearchSnippet.Excerpt(text, ["binh"], 120);
        Assert.StartsWith("… từ2997 từ2998 từ2999 từ3000 công tác <mark>bình</mark> đẳng giới kết thúc", html, StringComparison.Ordinal);
        Assert.EndsWith("kết …", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bình đẳng, giới", 0, 15)]
    [InlineData("Bình đẳng, giới", 4, 12)]
    [InlineData("a\uD835\uDC00b c", 0, 2)]
    [InlineData("e\u0301 x\u0301y", 0, 6)]
    public void Words_of_a_range_are_the_words_of_a_copy_of_it(string escaped, int from, int to)
    {
        var text = System.Text.RegularExpressions.Regex.Unescape(escaped);
        var copied = SearchText.Words(text[..to]).Where(w => w.Start >= from);
        Assert.Equal(copied, SearchText.Words(text, from, to));
    }

    [Fact]
    public void Without_a_match_the_excerpt_is_the_opening()
    {
        var text = "Mở đầu bài viết. " + new string('x', 500);
        var html = SearchSnippet.Excerpt(text, ["khong"], 100);
        Assert.StartsWith("Mở đầu bài viết", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_text_keeps_blocks_apart_and_drops_tags()
    {
        var text = HtmlText.FromHtml("<p>Một</p><p>Hai <strong>ba</strong></p><ul><li>bốn</li><li>năm</li></ul><script>x()</script>");
        Assert.Equal("Một Hai ba bốn năm", text);
    }

    [Fact]
    public void Ranking_prefers_exact_spelling_and_title_matches()
    {
        var query = SearchQuery.Parse("bàn");
        Assert.True(SearchRanking.Score(query, "Bàn giao", "") > SearchRanking.Score(query, "Bán hàng", ""));
        Assert.True(SearchRanking.Score(query, "Tin", "bàn bàn") > SearchRanking.Score(query, "Tin", "ban bán"));

        var plain = SearchQuery.Parse("ban");
        Assert.True(SearchRanking.Score(plain, "Bán hàng", "") > SearchRanking.Score(plain, "Tin", "bán"));
    }
}
