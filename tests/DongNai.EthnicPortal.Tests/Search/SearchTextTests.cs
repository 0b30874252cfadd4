using System.Text;
using DongNai.EthnicPortal.Web.Services.Search;

namespace DongNai.EthnicPortal.Tests.Search;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Bình đẳng giới", "binh dang gioi")]
    [InlineData("BÌNH ĐẲNG GIỚI", "binh dang gioi")]
    [InlineData("Binh Dang Gioi", "binh dang gioi")]
    [InlineData("ĐỒNG NAI", "dong nai")]
    [InlineData("Đắk Lắk, Đăk Nông", "dak lak dak nong")]
    [InlineData("đĐ", "dd")]
    [InlineData("Công văn số 9478/UBND-KGVX", "cong van so 9478 ubnd kgvx")]
    [InlineData("250-KL/TU", "250 kl tu")]
    [InlineData("“Người có uy tín”!!! (2023)", "nguoi co uy tin 2023")]
    [InlineData("S'tiêng, Chơ-ro; Mạ.", "s tieng cho ro ma")]
    [InlineData("Hà Nội 北京 Москва", "ha noi 北京 москва")]
    [InlineData("ＤＯＮＧ ＮＡＩ", "dong nai")]
    [InlineData("a_b%c*d", "a b c d")]
    [InlineData("NEAR(x y) OR -z ^w", "near x y or z w")]
    [InlineData("   ", "")]
    public void Words_are_folded_the_same_way_for_the_index_and_for_queries(string text, string expected)
    {
        Assert.Equal(expected, string.Join(' ', SearchText.FoldedWords(text)));
        Assert.Equal(expected, SearchText.FoldedForIndex(text));
    }

    [Theory]
    [InlineData("Tiến bộ của phụ nữ Đồng Nai")]
    [InlineData("ĐẲNG CẤP Ở ĐỒNG BẰNG")]
    [InlineData("Quỹ hỗ trợ người dân tộc thiểu số")]
    public void Decomposed_and_precomposed_text_fold_alike(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        Assert.NotEqual(text, decomposed);
        Assert.Equal(SearchText.FoldedWords(text), SearchText.FoldedWords(decomposed));
    }

    [Fact]
    public void Tone_marks_of_decomposed_text_stay_inside_their_word()
    {
        var decomposed = "bình đẳng".Normalize(NormalizationForm.FormD);
        var spans = SearchText.Words(decomposed).ToList();
        Assert.Equal(2, spans.Count);
        Assert.Equal(decomposed.IndexOf(' ', StringComparison.Ordinal), spans[0].Length);
    }

    [Fact]
    public void Very_long_words_are_cut_to_the_term_length()
    {
        var word = new string('x', 300);
        Assert.Equal(SearchText.MaxWordLength, Assert.Single(SearchText.FoldedWords(word)).Length);
    }

    [Theory]
    [InlineData("bình", true)]
    [InlineData("Đồng", true)]
    [InlineData("đ", true)]
    [InlineData("binh", false)]
    [InlineData("BINH", false)]
    [InlineData("9478", false)]
    public void Diacritics_are_detected_including_d_bar(string word, bool expected) =>
        Assert.Equal(expected, SearchText.HasDiacritics(word));
}
