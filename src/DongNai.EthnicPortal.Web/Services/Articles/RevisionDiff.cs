using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DiffPlex;
using DiffPlex.Chunkers;
using DongNai.EthnicPortal.Web.Services.Html;

namespace DongNai.EthnicPortal.Web.Services.Articles;

/// <summary>
/// The differences between two article bodies with their formatting: headings, emphasis, lists, links, tables
/// and images. Both bodies are cut into tags and words; DiffPlex compares the sequences, each word compared
/// together with the elements around it, so a word that became bold or a paragraph that became a heading
/// shows as removed in its old form and added in its new one. The result keeps the newer body's structure,
/// marks changes with <c>ins</c>/<c>del</c> and a screen-reader label, and goes through the sanitizer again.
/// </summary>
public static partial class RevisionDiff
{
    private const char Separator = '\u0002';

    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase) { "img", "br", "hr" };

    private static readonly string[] KeptAttributes = ["href", "title", "src", "alt", "width", "height", "colspan", "rowspan", "scope"];

    private enum Part
    {
        Open,
        Close,
        Word,
        Void,
    }

    /// <param name="Key">What the comparison sees: the markup, and for a word or image the elements it sits in.</param>
    /// <param name="Html">What is written out, encoded.</param>
    private sealed record Token(Part Part, string Key, string Html);

    public static string Body(string? beforeHtml, string? afterHtml, PortalHtmlSanitizer sanitizer)
    {
        var before = Tokens(sanitizer.Sanitize(beforeHtml));
        var after = Tokens(sanitizer.Sanitize(afterHtml));
        var result = Differ.Instance.CreateDiffs(Join(before), Join(after), ignoreWhiteSpace: false, ignoreCase: false, TokenChunker.Instance);

        var html = new StringBuilder();
        var next = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; next < block.InsertStartB; next++)
            {
                html.Append(after[next].Html);
            }

            AppendChanged(html, before.GetRange(block.DeleteStartA, block.DeleteCountA), added: false);
            AppendChanged(html, after.GetRange(block.InsertStartB, block.InsertCountB), added: true);
            next = block.InsertStartB + block.InsertCountB;
        }

        for (; next < after.Count; next++)
        {
            html.Append(after[next].Html);
        }

        return sanitizer.SanitizeComparison(html.ToString());
    }

    /// <summary>Whether anything differs, words, formatting or structure.</summary>
    public static bool Changed(string? beforeHtml, string? afterHtml, PortalHtmlSanitizer sanitizer) =>
        !string.Equals(Join(Tokens(sanitizer.Sanitize(beforeHtml))), Join(Tokens(sanitizer.Sanitize(afterHtml))), StringComparison.Ordinal);

    private static string Join(List<Token> tokens) => string.Join(Separator, tokens.Select(t => t.Key.Replace(Separator, ' ')));

    private static List<Token> Tokens(string html)
    {
        var tokens = new List<Token>();
        var body = new HtmlParser().ParseDocument("<!DOCTYPE html><body>" + html).Body!;
        Walk(body, "", tokens);
        return tokens;
    }

    private static void Walk(INode parent, string context, List<Token> tokens)
    {
        foreach (var node in parent.ChildNodes)
        {
            if (node is IText text)
            {
                foreach (Match word in WordPattern().Matches(text.Data))
                {
                    tokens.Add(new Token(Part.Word, context + "\u0001" + word.Value, WebUtility.HtmlEncode(word.Value)));
                }
            }
            else if (node is IElement element)
            {
                var tag = StartTag(element);
                if (VoidElements.Contains(element.LocalName))
                {
                    tokens.Add(new Token(Part.Void, context + "\u0001" + tag, tag));
                    continue;
                }

                tokens.Add(new Token(Part.Open, tag, tag));
                Walk(element, context + ">" + tag, tokens);
                tokens.Add(new Token(Part.Close, "/" + element.LocalName, "</" + element.LocalName + ">"));
            }
        }
    }

    private static string StartTag(IElement element)
    {
        var tag = new StringBuilder("<").Append(element.LocalName);
        foreach (var name in KeptAttributes)
        {
            if (element.GetAttribute(name) is { } value)
            {
                tag.Append(' ').Append(name).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
            }
        }

        return tag.Append('>').ToString();
    }

    /// <summary>
    /// Writes a run of removed or added tokens: words and images inside one mark per stretch, with a label for
    /// screen readers. Added tags are the newer body's structure and always written; removed tags only when
    /// the run holds whole elements (a removed paragraph, row or list item), otherwise only their words.
    /// </summary>
    private static void AppendChanged(StringBuilder html, List<Token> run, bool added)
    {
        var writeTags = added || Balanced(run);
        var stretch = new StringBuilder();
        foreach (var token in run)
        {
            if (token.Part is Part.Word or Part.Void)
            {
                stretch.Append(token.Html);
                continue;
            }

            Mark(html, stretch, added);
            if (writeTags)
            {
                html.Append(token.Html);
            }
        }

        Mark(html, stretch, added);
    }

    private static void Mark(StringBuilder html, StringBuilder stretch, bool added)
    {
        if (stretch.Length == 0)
        {
            return;
        }

        var content = stretch.ToString();
        stretch.Clear();
        if (string.IsNullOrWhiteSpace(content))
        {
            html.Append(content);
            return;
        }

        html.Append(added
            ? "<ins class=\"diff-added\"><span class=\"visually-hidden\">[thêm: </span>" + content + "<span class=\"visually-hidden\">]</span></ins>"
            : "<del class=\"diff-removed\"><span class=\"visually-hidden\">[xóa: </span>" + content + "<span class=\"visually-hidden\">]</span></del>");
    }

    private static bool Balanced(List<Token> run)
    {
        var depth = 0;
        foreach (var token in run)
        {
            depth += token.Part switch { Part.Open => 1, Part.Close => -1, _ => 0 };
            if (depth < 0)
            {
                return false;
            }
        }

        return depth == 0;
    }

    // A word takes the spaces after it: spaces on their own would match between unrelated blocks and cut changes up.
    [GeneratedRegex(@"\S+\s*|\s+")]
    private static partial Regex WordPattern();

    /// <summary>Cuts the joined keys back into exactly one piece per token, so the diff's indexes are the tokens'.</summary>
    private sealed class TokenChunker : IChunker
    {
        public static readonly TokenChunker Instance = new();

        public IReadOnlyList<string> Chunk(string text) => text.Length == 0 ? [] : text.Split(Separator);
    }
}
