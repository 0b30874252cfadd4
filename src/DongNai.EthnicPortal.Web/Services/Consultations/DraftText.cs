using System.Text.RegularExpressions;

namespace DongNai.EthnicPortal.Web.Services.Consultations;

public enum DraftBlockKind
{
    Paragraph,

    /// <summary>"Chương I", "Mục 2", "KẾ HOẠCH": a heading that is not an article.</summary>
    Heading,

    /// <summary>"Điều 2. Nhiệm vụ trọng tâm": starts an article, which gets an anchor.</summary>
    Article,
}

public sealed record DraftBlock(DraftBlockKind Kind, string Text, int? ArticleNumber = null)
{
    public string? Anchor => ArticleNumber is { } number ? DraftText.Anchor(number) : null;
}

/// <summary>An article of the draft that a comment can name.</summary>
public sealed record DraftArticle(int Number, string Heading)
{
    public string Label => $"Điều {Number}";
}

/// <summary>
/// Reads the plain text of a draft: each line is a paragraph, and a line that starts with
/// "Điều N." begins article N. Nothing of it is HTML, so the page only ever encodes it.
/// </summary>
public static partial class DraftText
{
    public const string WholeDraftLabel = "Toàn bộ dự thảo";

    public static string Anchor(int articleNumber) => $"dieu-{articleNumber}";

    public static string PartLabel(int? articleNumber, IReadOnlyList<DraftArticle> articles) =>
        articleNumber is not { } number ? WholeDraftLabel
        : articles.FirstOrDefault(a => a.Number == number) is { } article ? $"{article.Label}. {article.Heading}".TrimEnd(' ', '.')
        : $"Điều {number}";

    public static IReadOnlyList<DraftBlock> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var blocks = new List<DraftBlock>();
        var seen = new HashSet<int>();
        foreach (var raw in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var article = ArticleLine().Match(line);
            if (article.Success && int.TryParse(article.Groups[1].Value, out var number) && seen.Add(number))
            {
                blocks.Add(new DraftBlock(DraftBlockKind.Article, line, number));
            }
            else if (HeadingLine().IsMatch(line))
            {
                blocks.Add(new DraftBlock(DraftBlockKind.Heading, line));
            }
            else
            {
                blocks.Add(new DraftBlock(DraftBlockKind.Paragraph, line));
            }
        }

        return blocks;
    }

    public static IReadOnlyList<DraftArticle> Articles(string? text) =>
        Parse(text)
            .Where(b => b.Kind == DraftBlockKind.Article)
            .Select(b => new DraftArticle(b.ArticleNumber!.Value, ArticleLine().Match(b.Text).Groups[2].Value.Trim()))
            .ToList();

    [GeneratedRegex(@"^Điều\s+(\d{1,4})\s*[.:]\s*(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ArticleLine();

    [GeneratedRegex(@"^(Chương|Mục|Phần)\s+[IVXLC\d]+\b|^[\p{Lu}\s,–-]{4,}$", RegexOptions.CultureInvariant)]
    private static partial Regex HeadingLine();
}
