using DongNai.EthnicPortal.Data.Text;

namespace DongNai.EthnicPortal.Tests.Text;

public sealed class VietnameseTextTests
{
    [Theory]
    [InlineData("Bình đẳng giới", "binh dang gioi")]
    [InlineData("BÌNH ĐẲNG GIỚI", "binh dang gioi")]
    [InlineData("Đồng Nai", "dong nai")]
    [InlineData("đ Đ", "d d")]
    [InlineData("Ủy ban nhân dân", "uy ban nhan dan")]
    [InlineData("Người có uy tín", "nguoi co uy tin")]
    [InlineData("Chơ Ro, S'tiêng, Mạ", "cho ro, s'tieng, ma")]
    [InlineData("9478/UBND-KGVX", "9478/ubnd-kgvx")]
    [InlineData("", "")]
    public void Fold_removes_case_and_diacritics_including_d_bar(string text, string folded) =>
        Assert.Equal(folded, VietnameseText.Fold(text));

    [Fact]
    public void Fold_treats_decomposed_and_precomposed_text_alike()
    {
        var precomposed = "Tiến bộ của phụ nữ";
        var decomposed = precomposed.Normalize(System.Text.NormalizationForm.FormD);
        Assert.NotEqual(precomposed, decomposed);
        Assert.Equal(VietnameseText.Fold(precomposed), VietnameseText.Fold(decomposed));
    }

    [Theory]
    [InlineData("Triển khai thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ trên địa bàn tỉnh Đồng Nai năm 2024",
        "trien-khai-thuc-hien-cong-tac-binh-dang-gioi-va-vi-su-tien-bo-cua-phu-nu-tren-dia-ban-tinh-dong-nai-nam-2024")]
    [InlineData("Tin tức – Sự kiện", "tin-tuc-su-kien")]
    [InlineData("Hoạt động chuyên ngành", "hoat-dong-chuyen-nganh")]
    [InlineData("Chị Thị Hồng – nữ doanh nhân người S'tiêng làm giàu từ cây điều", "chi-thi-hong-nu-doanh-nhan-nguoi-s-tieng-lam-giau-tu-cay-dieu")]
    [InlineData("  Đại hội   đại biểu!!! ", "dai-hoi-dai-bieu")]
    [InlineData("???", "n-a")]
    public void Slugify_makes_ascii_slugs_from_vietnamese_titles(string title, string slug) =>
        Assert.Equal(slug, VietnameseText.Slugify(title));

    [Fact]
    public void Slugify_cuts_long_titles_at_a_word_boundary()
    {
        var slug = VietnameseText.Slugify(string.Join(' ', Enumerable.Repeat("đồng bào dân tộc", 30)), maxLength: 40);
        Assert.True(slug.Length <= 40);
        Assert.False(slug.EndsWith('-'));
        Assert.StartsWith("dong-bao-dan-toc", slug, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9478/ubnd-kgvx", "9478/UBND-KGVX", "9478")]
    [InlineData(" 250-KL/TU", "250-KL/TU", "250")]
    [InlineData("86 / KH-UBND", "86/KH-UBND", "86")]
    [InlineData("15/2024/QĐ-UBND", "15/2024/QD-UBND", "15")]
    public void Document_symbols_normalize_for_lookup(string input, string normalized, string number)
    {
        Assert.Equal(normalized, DocumentSymbol.Normalize(input));
        Assert.Equal(number, DocumentSymbol.LeadingNumber(input));
    }
}
