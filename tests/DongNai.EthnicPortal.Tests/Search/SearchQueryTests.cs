using DongNai.EthnicPortal.Web.Services.Search;

namespace DongNai.EthnicPortal.Tests.Search;

public sealed class SearchQueryTests
{
    [Fact]
    public void Words_are_separate_required_clauses()
    {
        var query = SearchQuery.Parse("  Bình ĐẲNG   giới ");
        Assert.Equal("Bình ĐẲNG   giới", query.Text);
        Assert.Equal(["binh", "dang", "gioi"], query.Clauses.Select(c => Assert.Single(c.Words)));
        Assert.Equal("\"binh\" AND \"dang\" AND \"gioi\"", query.ToFts5());
        Assert.Equal(["bình", "đẳng", "giới"], query.ExactWords);
    }

    [Fact]
    public void A_quoted_phrase_is_one_clause()
    {
        var query = SearchQuery.Parse("\"tiến bộ của phụ nữ\" đồng nai");
        Assert.Equal(3, query.Clauses.Count);
        Assert.True(query.Clauses[0].IsPhrase);
        Assert.Equal("\"tien bo cua phu nu\" AND \"dong\" AND \"nai\"", query.ToFts5());
    }

    [Theory]
    [InlineData("“bình đẳng giới”")]
    [InlineData("\"bình đẳng giới")]
    public void Typographic_and_unbalanced_quotes_still_make_a_phrase(string text)
    {
        var clause = Assert.Single(SearchQuery.Parse(text).Clauses);
        Assert.Equal(["binh", "dang", "gioi"], clause.Words);
    }

    [Theory]
    [InlineData("\"", "")]
    [InlineData("%", "")]
    [InlineData("_", "")]
    [InlineData("*", "")]
    [InlineData("NEAR(", "\"near\"")]
    [InlineData("' OR 1=1 --", "\"or\" AND \"1\"")]
    [InlineData("binh* -dang ^gioi", "\"binh\" AND \"dang\" AND \"gioi\"")]
    [InlineData("title:binh {dang} (gioi)", "\"title\" AND \"binh\" AND \"dang\" AND \"gioi\"")]
    [InlineData("\"\"\"", "")]
    public void Operators_and_syntax_are_reduced_to_plain_quoted_words(string text, string fts)
    {
        var query = SearchQuery.Parse(text);
        Assert.Equal(fts, query.ToFts5());
        Assert.DoesNotContain("*", query.ToFts5(), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_queries_are_cut_to_200_characters()
    {
        var query = SearchQuery.Parse(string.Concat(Enumerable.Repeat("đồng ", 100)));
        Assert.True(query.Text.Length <= SearchQuery.MaxLength);
        Assert.Single(query.Clauses);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var text = new string('a', SearchQuery.MaxLength - 1) + "😀";
        var query = SearchQuery.Parse(text);
        Assert.False(char.IsHighSurrogate(query.Text[^1]));
    }

    [Fact]
    public void Clauses_are_capped()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Range(0, 90).Select(i => "w" + i)));
        Assert.Equal(SearchQuery.MaxClauses, query.Clauses.Count);
    }

    [Theory]
    [InlineData("9478/UBND-KGVX", new[] { "9478/UBND-KGVX" }, new string[0])]
    [InlineData("9478/ubnd-kgvx", new[] { "9478/UBND-KGVX" }, new string[0])]
    [InlineData("9478 / UBND-KGVX", new[] { "9478/UBND-KGVX" }, new[] { "9478" })]
    [InlineData("9478", new string[0], new[] { "9478" })]
    [InlineData("công văn 9478", new string[0], new[] { "9478" })]
    [InlineData("Kết luận 250-KL/TU", new[] { "250-KL/TU" }, new string[0])]
    [InlineData("bình đẳng giới", new string[0], new string[0])]
    public void Document_numbers_and_symbols_are_recognized(string text, string[] symbols, string[] numbers)
    {
        var query = SearchQuery.Parse(text);
        Assert.Equal(symbols, query.DocumentSymbols);
        Assert.Equal(numbers, query.DocumentNumbers);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("%%%")]
    public void Empty_and_punctuation_only_queries_are_empty(string? text) =>
        Assert.True(SearchQuery.Parse(text).IsEmpty);
}
