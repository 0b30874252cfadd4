using System.Globalization;
using System.Text;
using DongNai.EthnicPortal.Data.Text;

namespace DongNai.EthnicPortal.Web.Services.Search;

/// <summary>A span of a text that is one word: letters and digits, with any combining marks they carry.</summary>
public readonly record struct WordSpan(int Start, int Length);

/// <summary>
/// The one tokenizer behind the index and the queries. Words are runs of letters and digits, as in
/// SQLite's unicode61 tokenizer, and every word is compared in its <see cref="VietnameseText.Fold"/>ed
/// form, so "Đồng", "ĐỒNG", "đồng" and "dong" are the same word everywhere.
/// </summary>
public static class SearchText
{
    /// <summary>Longer words are cut: the SQL Server term column holds 64 characters.</summary>
    public const int MaxWordLength = 64;

    public static IEnumerable<WordSpan> Words(string text) => Words(text, 0, text.Length);

    /// <summary>
    /// The words of <paramref name="text"/> from <paramref name="from"/>, a word's start or a gap, up to
    /// <paramref name="to"/> as if the text ended there, without copying it.
    /// </summary>
    public static IEnumerable<WordSpan> Words(string text, int from, int? to = null)
    {
        var end = to ?? text.Length;
        var start = -1;
        for (var i = from; i < end; i++)
        {
            // The last character is read alone, as it would be at the end of a copy of the text.
            var category = i == end - 1 ? CharUnicodeInfo.GetUnicodeCategory(text[i]) : CharUnicodeInfo.GetUnicodeCategory(text, i);
            if (IsWordChar(category, inWord: start >= 0))
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else if (start >= 0)
            {
                yield return new WordSpan(start, i - start);
                start = -1;
            }
        }

        if (start >= 0)
        {
            yield return new WordSpan(start, end - start);
        }
    }

    /// <summary>The folded words of a text, in order: what is indexed and what is searched for.</summary>
    public static List<string> FoldedWords(string? text)
    {
        // Compatibility forms (full-width letters, ligatures) are the same word to a reader.
        var folded = VietnameseText.Fold(text).Normalize(NormalizationForm.FormKC);
        var words = new List<string>();
        foreach (var span in Words(folded))
        {
            words.Add(Cut(folded.Substring(span.Start, span.Length)));
        }

        return words;
    }

    /// <summary>The folded form of a text as stored in <c>SearchEntry.FoldedText</c>: its words separated by single spaces.</summary>
    public static string FoldedForIndex(params string?[] parts) =>
        string.Join(' ', parts.SelectMany(FoldedWords));

    /// <summary>Lower-case NFC form of a word with its diacritics kept, for ranking exact spellings first.</summary>
    public static string Exact(string word) => VietnameseText.ToNfc(word).ToLowerInvariant();

    /// <summary>True when folding changes the word, i.e. the user typed diacritics or đ.</summary>
    public static bool HasDiacritics(string word) =>
        !string.Equals(VietnameseText.Fold(word), word.ToLowerInvariant(), StringComparison.Ordinal);

    private static string Cut(string word) => word.Length > MaxWordLength ? word[..MaxWordLength] : word;

    private static bool IsWordChar(UnicodeCategory category, bool inWord) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.PrivateUse => true,

        // Decomposed input carries its tone marks as separate characters, and a character outside the
        // basic plane ends with a low surrogate: both belong to the word they follow.
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Surrogate => inWord,
        _ => false,
    };

    /// <summary>Collapses whitespace, for plain text cut from HTML.</summary>
    internal static string CollapseWhitespace(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var character in text)
        {
            if (char.IsWhiteSpace(character))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(character);
        }

        return builder.ToString();
    }
}
