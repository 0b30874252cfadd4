using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace DongNai.EthnicPortal.Web.Services.Search;

/// <summary>
/// Cuts a short excerpt around the first match and wraps matched words in &lt;mark&gt;. Text is
/// HTML-encoded piece by piece and only the marks are added as markup, so nothing from the content
/// or the query can become HTML. Words match by their folded form: "binh" marks "bình".
/// </summary>
public static class SearchSnippet
{
    public const int DefaultLength = 240;

    // Keeps Vietnamese letters readable in the markup while still encoding <, >, & and quotes.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>The words shown before the first match.</summary>
    private const int ContextWords = 6;

    /// <summary>The whole text, encoded, with matched words marked.</summary>
    public static string Highlight(string text, IReadOnlyCollection<string> foldedTerms) =>
        Build(text, 0, text.Length, new TermMatcher(foldedTerms), leadingEllipsis: false, trailingEllipsis: false);

    /// <summary>About <paramref name="length"/> characters around the first matched word, encoded, with matches marked.</summary>
    public static string Excerpt(string text, IReadOnlyCollection<string> foldedTerms, int length = DefaultLength)
    {
        if (text.Length <= length)
        {
            return Highlight(text, foldedTerms);
        }

        // A result's text runs to thousands of words, of which only those up to the first match and the
        // excerpt's own are read: the few words before the match (for context) are kept as the walk goes.
        var matcher = new TermMatcher(foldedTerms);
        var context = new Queue<WordSpan>(ContextWords + 1);
        WordSpan? first = null;
        WordSpan? opening = null;
        foreach (var word in SearchText.Words(text))
        {
            opening ??= word;
            if (context.Count > ContextWords)
            {
                context.Dequeue();
            }

            context.Enqueue(word);
            if (matcher.IsMatch(text, word))
            {
                first = word;
                break;
            }
        }

        // Start a few words before the match so the reader sees it in context.
        var start = first is null ? opening?.Start ?? 0 : context.Peek().Start;
        if (first is { } match && match.Start - start > length / 3)
        {
            start = match.Start;
        }

        var end = Math.Min(text.Length, start + length);
        if (end < text.Length)
        {
            var cut = SearchText.Words(text, start).TakeWhile(w => w.Start + w.Length <= end).LastOrDefault();
            if (cut.Length > 0)
            {
                end = cut.Start + cut.Length;
            }
        }

        return Build(text, start, end, matcher, leadingEllipsis: start > 0, trailingEllipsis: end < text.Length);
    }

    private static string Build(string text, int start, int end, TermMatcher matcher, bool leadingEllipsis, bool trailingEllipsis)
    {
        var html = new StringBuilder((end - start) + 32);
        if (leadingEllipsis)
        {
            html.Append("… ");
        }

        const string close = "</mark>";
        var position = start;
        var marked = false;
        foreach (var word in SearchText.Words(text, start, end))
        {
            if (!matcher.IsMatch(text, word))
            {
                continue;
            }

            var gap = text[position..word.Start];

            // Adjacent matches share one mark, so "bình đẳng giới" and "9478/UBND-KGVX" read as one.
            if (marked && gap.Length is > 0 and <= 3 && gap.All(c => char.IsWhiteSpace(c) || c is '/' or '-'))
            {
                html.Length -= close.Length;
                html.Append(Encoder.Encode(gap));
            }
            else
            {
                html.Append(Encoder.Encode(gap)).Append("<mark>");
            }

            html.Append(Encoder.Encode(text.Substring(word.Start, word.Length))).Append(close);
            position = word.Start + word.Length;
            marked = true;
        }

        html.Append(Encoder.Encode(text[position..end]));
        if (trailingEllipsis)
        {
            html.Append(" …");
        }

        return html.ToString();
    }

    /// <summary>
    /// Whether a word of the text folds to one of the terms. Folding normalizes the word three times, and
    /// finding the first match walks hundreds of words of a few hundred distinct ones, so each distinct
    /// spelling is folded once per text.
    /// </summary>
    private sealed class TermMatcher(IReadOnlyCollection<string> foldedTerms)
    {
        private readonly Dictionary<string, bool> known = new(StringComparer.Ordinal);

        public bool IsMatch(string text, WordSpan word)
        {
            if (foldedTerms.Count == 0)
            {
                return false;
            }

            var lookup = known.GetAlternateLookup<ReadOnlySpan<char>>();
            var spelling = text.AsSpan(word.Start, word.Length);
            if (!lookup.TryGetValue(spelling, out var matches))
            {
                matches = SearchText.FoldedWords(spelling.ToString()).Any(foldedTerms.Contains);
                lookup[spelling] = matches;
            }

            return matches;
        }
    }
}
