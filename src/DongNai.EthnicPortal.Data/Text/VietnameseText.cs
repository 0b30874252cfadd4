using System.Globalization;
using System.Text;

namespace DongNai.EthnicPortal.Data.Text;

/// <summary>
/// Accent folding and slugs for Vietnamese. Unicode decomposition strips the tone and vowel marks,
/// but đ/Đ is a letter of its own with no decomposition, so it is mapped to d explicitly.
/// </summary>
public static class VietnameseText
{
    /// <summary>Lower-cases and removes diacritics, keeping every other character in place.</summary>
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var character in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(character) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(character switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(character),
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Makes a URL slug such as "trien-khai-cong-tac-binh-dang-gioi" from a Vietnamese title.</summary>
    public static string Slugify(string? text, int maxLength = 120)
    {
        var folded = Fold(text);
        var builder = new StringBuilder(folded.Length);
        var pendingHyphen = false;
        foreach (var character in folded)
        {
            if (character is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingHyphen && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(character);
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        var slug = builder.ToString();
        if (slug.Length > maxLength)
        {
            var cut = slug.LastIndexOf('-', maxLength);
            slug = slug[..(cut > 0 ? cut : maxLength)];
        }

        return slug.Length == 0 ? "n-a" : slug;
    }

    /// <summary>Normalizes to NFC, which is how every text is stored.</summary>
    public static string ToNfc(string text) =>
        text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
}
