using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Services.Site;

namespace DongNai.EthnicPortal.Web.Services.Documents;

/// <summary>One published registry document as the linker sees it.</summary>
public sealed record RegistryEntry(int Id, string Slug, string NormalizedSymbol, DateOnly IssuedOn, string TypeName);

/// <summary>The registry's symbols, loaded once per linking run and indexed by normalized symbol.</summary>
public sealed class DocumentRegistrySnapshot
{
    private readonly ILookup<string, RegistryEntry> bySymbol;

    public DocumentRegistrySnapshot(IEnumerable<RegistryEntry> entries)
    {
        bySymbol = entries.ToLookup(e => e.NormalizedSymbol, StringComparer.Ordinal);
    }

    public static DocumentRegistrySnapshot Empty { get; } = new([]);

    public IEnumerable<RegistryEntry> WithSymbol(string normalizedSymbol) => bySymbol[normalizedSymbol];
}

public sealed record LinkResult(string Html, IReadOnlySet<int> CitedDocumentIds);

/// <summary>
/// Turns references to registry documents ("Công văn số 9478/UBND-KGVX", "Kế hoạch số 13346/KH-UBND
/// ngày 29/10/2021", "250-KL/TU") into links to their pages. It works on the parsed HTML and only on
/// text nodes, so markup, attributes and existing links are never touched, and it only wraps the
/// matched phrase (type word, "số", symbol and the date or year when given) without changing a
/// character of it. Numbers restart every year, so a date or year in the text narrows the candidates;
/// a reference that is still ambiguous, or unknown, stays plain text.
/// </summary>
public static partial class DocumentReferenceLinker
{
    // Text under these elements stays as written: links cannot nest, headings keep their plain text for
    // tables of contents and anchors, and code is quoted verbatim.
    private static readonly HashSet<string> SkippedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "code", "pre", "textarea", "title", "button",
    };

    public static LinkResult Link(string? html, DocumentRegistrySnapshot registry, int? excludeDocumentId = null)
    {
        var cited = new HashSet<int>();
        if (string.IsNullOrEmpty(html) || !SymbolHint().IsMatch(html))
        {
            return new LinkResult(html ?? "", cited);
        }

        var parser = new HtmlParser();
        var document = parser.ParseDocument("<!DOCTYPE html><html><head></head><body></body></html>");
        var body = document.Body!;
        body.InnerHtml = html;

        var changed = false;
        foreach (var text in body.Descendants<IText>().ToList())
        {
            if (IsInSkippedElement(text))
            {
                continue;
            }

            changed |= LinkTextNode(document, text, registry, excludeDocumentId, cited);
        }

        // Unchanged bodies are returned as written, so a run without new links never reformats anything.
        return new LinkResult(changed ? body.InnerHtml : html, cited);
    }

    private static bool LinkTextNode(IDocument document, IText text, DocumentRegistrySnapshot registry, int? excludeDocumentId, HashSet<int> cited)
    {
        var content = text.Data;
        var position = 0;
        var pieces = new List<INode>();
        foreach (Match match in Reference().Matches(content))
        {
            var target = Resolve(match, registry, excludeDocumentId);
            if (target is null)
            {
                continue;
            }

            cited.Add(target.Id);
            if (match.Index > position)
            {
                pieces.Add(document.CreateTextNode(content[position..match.Index]));
            }

            var anchor = document.CreateElement("a");
            anchor.SetAttribute("href", PortalUrls.Document(target.Id, target.Slug));
            anchor.AppendChild(document.CreateTextNode(match.Value));
            pieces.Add(anchor);
            position = match.Index + match.Length;
        }

        if (pieces.Count == 0)
        {
            return false;
        }

        if (position < content.Length)
        {
            pieces.Add(document.CreateTextNode(content[position..]));
        }

        var parent = text.Parent!;
        foreach (var piece in pieces)
        {
            parent.InsertBefore(piece, text);
        }

        parent.RemoveChild(text);
        return true;
    }

    private static RegistryEntry? Resolve(Match match, DocumentRegistrySnapshot registry, int? excludeDocumentId)
    {
        var symbol = match.Groups["symbol"].Value;
        if (!symbol.Contains('/', StringComparison.Ordinal) || !symbol.Any(char.IsLetter))
        {
            return null;
        }

        var candidates = registry.WithSymbol(DocumentSymbol.Normalize(symbol))
            .Where(c => c.Id != excludeDocumentId)
            .ToList();

        DateOnly? date = null;
        int? year = null;
        if (match.Groups["year"].Success)
        {
            year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            if (DateOnly.TryParseExact(
                $"{match.Groups["day"].Value}/{match.Groups["month"].Value}/{match.Groups["year"].Value}",
                "d/M/yyyy",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var parsed))
            {
                date = parsed;
            }
        }
        else if (match.Groups["onlyYear"].Success)
        {
            year = int.Parse(match.Groups["onlyYear"].Value, CultureInfo.InvariantCulture);
        }

        if (year is { } wantedYear)
        {
            candidates = candidates.Where(c => c.IssuedOn.Year == wantedYear).ToList();
        }

        if (candidates.Count > 1 && date is { } wantedDate)
        {
            candidates = candidates.Where(c => c.IssuedOn == wantedDate).ToList();
        }

        if (candidates.Count > 1 && match.Groups["type"].Success)
        {
            var typeWord = Whitespace().Replace(VietnameseText.Fold(match.Groups["type"].Value), " ");
            candidates = candidates.Where(c => VietnameseText.Fold(c.TypeName) == typeWord).ToList();
        }

        return candidates.Count == 1 ? candidates[0] : null;
    }

    private static bool IsInSkippedElement(INode node)
    {
        for (var parent = node.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            if (SkippedElements.Contains(parent.LocalName))
            {
                return true;
            }
        }

        return false;
    }

    // \s covers the non-breaking space and line breaks. The symbol must end on a letter or digit, so a
    // trailing full stop, comma or parenthesis stays outside, and it may not continue with more symbol
    // characters, so "9478/UBND-KGVX2" never shrinks to a shorter symbol that happens to exist.
    [GeneratedRegex(
        """
        (?<![\p{L}\p{Nd}/\-])
        (?:(?<type>công\s+văn|kế\s+hoạch|kết\s+luận|quyết\s+định|chỉ\s+thị|thông\s+báo|báo\s+cáo|nghị\s+quyết)\s+)?
        (?:số\s+)?
        (?<symbol>\p{Nd}{1,7}[/\-][\p{L}\p{Nd}]+(?:[/\-][\p{L}\p{Nd}]+)*)
        (?![\p{L}\p{Nd}]|[/\-][\p{L}\p{Nd}])
        (?:\s+(?:ngày\s+(?<day>\d{1,2})/(?<month>\d{1,2})/(?<year>\d{4})|năm\s+(?<onlyYear>\d{4}))(?!\p{Nd}))?
        """,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex Reference();

    [GeneratedRegex(@"\p{Nd}[/\-]\p{L}", RegexOptions.CultureInvariant)]
    private static partial Regex SymbolHint();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
