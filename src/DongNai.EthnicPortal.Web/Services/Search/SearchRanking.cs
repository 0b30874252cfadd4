namespace DongNai.EthnicPortal.Web.Services.Search;

/// <summary>
/// The re-ranking score of one candidate. Matching ignores diacritics, so this is where spelling
/// counts: a query typed with diacritics prefers results that spell its words the same way, and
/// words found in the title weigh more than words in the text.
/// </summary>
public static class SearchRanking
{
    private const int MaxCountedInText = 5;

    public static int Score(SearchQuery query, string title, string text)
    {
        var titleFolded = SearchText.FoldedWords(title).ToHashSet(StringComparer.Ordinal);
        var score = query.Terms.Count(titleFolded.Contains) * 2;
        if (query.ExactWords.Count == 0)
        {
            return score;
        }

        var titleExact = ExactWords(title);
        var textExact = ExactWords(text);
        foreach (var word in query.ExactWords)
        {
            score += 3 * titleExact.Count(w => w == word);
            score += Math.Min(MaxCountedInText, textExact.Count(w => w == word));
        }

        return score;
    }

    private static List<string> ExactWords(string text) =>
        SearchText.Words(text).Select(w => SearchText.Exact(text.Substring(w.Start, w.Length))).ToList();
}
