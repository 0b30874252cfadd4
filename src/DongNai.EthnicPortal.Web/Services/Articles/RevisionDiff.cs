using DiffPlex;
using DiffPlex.Chunkers;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Services.Search;

namespace DongNai.EthnicPortal.Web.Services.Articles;

/// <summary>
/// Word-level differences between two article bodies. Both are sanitized HTML; the diff runs on their
/// readable text, block by block, so the comparison page shows only encoded text with marks around
/// what was added or removed, never either body's markup.
/// </summary>
public static class RevisionDiff
{
    private const string BlockBreak = "\n";

    private static readonly char[] Separators = [' ', '\n'];

    public static IReadOnlyList<IReadOnlyList<DiffSegment>> Body(string? beforeHtml, string? afterHtml)
    {
        var before = string.Join(BlockBreak, HtmlText.BlockTexts(beforeHtml));
        var after = string.Join(BlockBreak, HtmlText.BlockTexts(afterHtml));
        var result = Differ.Instance.CreateDiffs(before, after, ignoreWhiteSpace: false, ignoreCase: false, new DelimiterChunker(Separators));

        var pieces = new List<DiffSegment>();
        var oldIndex = 0;
        foreach (var block in result.DiffBlocks)
        {
            for (; oldIndex < block.DeleteStartA; oldIndex++)
            {
                pieces.Add(new DiffSegment(DiffKind.Same, result.PiecesOld[oldIndex]));
            }

            for (var i = 0; i < block.DeleteCountA; i++)
            {
                pieces.Add(new DiffSegment(DiffKind.Removed, result.PiecesOld[block.DeleteStartA + i]));
            }

            for (var i = 0; i < block.InsertCountB; i++)
            {
                pieces.Add(new DiffSegment(DiffKind.Added, result.PiecesNew[block.InsertStartB + i]));
            }

            oldIndex = block.DeleteStartA + block.DeleteCountA;
        }

        for (; oldIndex < result.PiecesOld.Count; oldIndex++)
        {
            pieces.Add(new DiffSegment(DiffKind.Same, result.PiecesOld[oldIndex]));
        }

        return Blocks(pieces);
    }

    /// <summary>Cuts the pieces into display blocks at block breaks and merges neighbours of one kind.</summary>
    private static List<IReadOnlyList<DiffSegment>> Blocks(List<DiffSegment> pieces)
    {
        var blocks = new List<IReadOnlyList<DiffSegment>>();
        var current = new List<DiffSegment>();
        foreach (var piece in pieces)
        {
            // Added and removed breaks split too: a new paragraph shows as its own block, not glued to the last one.
            if (piece.Text == BlockBreak)
            {
                if (current.Count > 0)
                {
                    blocks.Add(current);
                    current = [];
                }

                continue;
            }

            if (current.Count > 0 && current[^1].Kind == piece.Kind)
            {
                current[^1] = current[^1] with { Text = current[^1].Text + piece.Text };
            }
            else
            {
                current.Add(piece);
            }
        }

        if (current.Count > 0)
        {
            blocks.Add(current);
        }

        return blocks;
    }
}
