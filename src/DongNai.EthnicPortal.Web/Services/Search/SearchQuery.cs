using DongNai.EthnicPortal.Data.Text;

namespace DongNai.EthnicPortal.Web.Services.Search;

/// <summary>One required part of a query: a single word, or a quoted phrase whose words must be adjacent.</summary>
public sealed record SearchClause(IReadOnlyList<string> Words)
{
    public bool IsPhrase => Words.Count > 1;
}

/// <summary>
/// What a visitor typed, parsed once. Every character is plain text: quotes only group a phrase, and
/// operators, wildcards and SQL or FTS syntax are reduced to the words they contain.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 200;

    /// <summary>More clauses add nothing a reader would notice and only make the query slower.</summary>
    public const int MaxClauses = 32;

    private static readonly char[] Quotes = ['"', '“', '”', '„', '«', '»'];

    private SearchQuery(string text, IReadOnlyList<SearchClause> clauses, IReadOnlyList<string> exactWords, IReadOnlyList<string> symbols, IReadOnlyList<string> numbers)
    {
        Text = text;
        Clauses = clauses;
        ExactWords = exactWords;
        DocumentSymbols = symbols;
        DocumentNumbers = numbers;
        Terms = clauses.SelectMany(c => c.Words).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>The query as it is echoed back: trimmed and cut to <see cref="MaxLength"/> characters.</summary>
    public string Text { get; }

    public IReadOnlyList<SearchClause> Clauses { get; }

    /// <summary>Every distinct folded word of the query.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>Lower-case words typed with diacritics; results that spell them the same way rank higher.</summary>
    public IReadOnlyList<string> ExactWords { get; }

    /// <summary>Normalized document symbols in the query, such as 9478/UBND-KGVX.</summary>
    public IReadOnlyList<string> DocumentSymbols { get; }

    /// <summary>Bare numbers in the query, such as 9478, that may be a document's number.</summary>
    public IReadOnlyList<string> DocumentNumbers { get; }

    public bool IsEmpty => Clauses.Count == 0 && DocumentSymbols.Count == 0 && DocumentNumbers.Count == 0;

    public static SearchQuery Parse(string? input)
    {
        var text = Trim(input);
        var clauses = new List<SearchClause>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var parts = text.Split(Quotes);
        for (var i = 0; i < parts.Length; i++)
        {
            var words = SearchText.FoldedWords(parts[i]);
            var quoted = i % 2 == 1;
            if (quoted && words.Count > 1)
            {
                Add(new SearchClause(words));
                continue;
            }

            foreach (var word in words)
            {
                Add(new SearchClause([word]));
            }
        }

        var exact = new List<string>();
        foreach (var span in SearchText.Words(text))
        {
            var word = text.Substring(span.Start, span.Length);
            if (SearchText.HasDiacritics(word) && !exact.Contains(SearchText.Exact(word)))
            {
                exact.Add(SearchText.Exact(word));
            }
        }

        var (symbols, numbers) = DocumentReferences(text);
        return new SearchQuery(text, clauses, exact, symbols, numbers);

        void Add(SearchClause clause)
        {
            if (clauses.Count < MaxClauses && seen.Add(string.Join(' ', clause.Words)))
            {
                clauses.Add(clause);
            }
        }
    }

    /// <summary>
    /// The query as an FTS5 expression: every word and phrase is a quoted string, so nothing the
    /// visitor typed can act as an operator, a column filter or a prefix.
    /// </summary>
    public string ToFts5() =>
        string.Join(" AND ", Clauses.Select(c => "\"" + string.Join(' ', c.Words).Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    private static string Trim(string? input)
    {
        var text = (input ?? "").Trim();
        if (text.Length > MaxLength)
        {
            // Never cut a surrogate pair in half.
            var length = char.IsHighSurrogate(text[MaxLength - 1]) ? MaxLength - 1 : MaxLength;
            text = text[..length].TrimEnd();
        }

        return VietnameseText.ToNfc(text);
    }

    private static (List<string> Symbols, List<string> Numbers) DocumentReferences(string text)
    {
        var symbols = new List<string>();
        var numbers = new List<string>();
        var chunks = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(chunk => chunk.Trim('"', '“', '”', '\'', ',', ';', '.', '(', ')', '[', ']', ':'))
            .Where(chunk => chunk.Length is > 0 and <= 64 && chunk.Any(char.IsAsciiDigit));
        foreach (var chunk in chunks)
        {
            if (chunk.All(char.IsAsciiDigit))
            {
                AddOnce(numbers, chunk.TrimStart('0') is { Length: > 0 } trimmed ? trimmed : "0");
            }
            else if (chunk.Contains('/', StringComparison.Ordinal) || chunk.Contains('-', StringComparison.Ordinal))
            {
                AddOnce(symbols, DocumentSymbol.Normalize(chunk));
            }
        }

        // "9478 / UBND-KGVX" typed with spaces is still one symbol.
        var whole = DocumentSymbol.Normalize(text);
        if (whole.Length <= 64 && whole.Contains('/', StringComparison.Ordinal) && char.IsAsciiDigit(whole[0]))
        {
            AddOnce(symbols, whole);
        }

        return (symbols, numbers);

        static void AddOnce(List<string> list, string value)
        {
            if (!list.Contains(value, StringComparer.Ordinal))
            {
                list.Add(value);
            }
        }
    }
}
