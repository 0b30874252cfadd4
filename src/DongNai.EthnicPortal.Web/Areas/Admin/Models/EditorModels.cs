using System.ComponentModel.DataAnnotations;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Models;

/// <summary>
/// The article form as the editor autosaves it: an unfinished draft may lack a title or category, so only
/// the lengths of the saved form apply.
/// </summary>
public sealed class ArticleAutosaveForm
{
    [StringLength(300, ErrorMessage = "Tiêu đề không được dài quá 300 ký tự.")]
    public string? Title { get; set; }

    [StringLength(1000, ErrorMessage = "Tóm tắt không được dài quá 1000 ký tự.")]
    public string? Summary { get; set; }

    public int CategoryId { get; set; }

    public int? CoverImageId { get; set; }

    [StringLength(500, ErrorMessage = "Chú thích ảnh không được dài quá 500 ký tự.")]
    public string? CoverImageCaption { get; set; }

    [StringLength(200, ErrorMessage = "Tên tác giả không được dài quá 200 ký tự.")]
    public string? AuthorByline { get; set; }

    [StringLength(500_000, ErrorMessage = "Nội dung quá dài.")]
    public string? BodyHtml { get; set; }

    public Guid Version { get; set; }
}

/// <summary>An autosave newer than the article, offered on the edit page; Applied when the form already shows it.</summary>
public sealed record AutosaveOffer(DateTime SavedAt, bool Applied, bool BasedOnOlderVersion);

public enum DiffKind
{
    Same,
    Added,
    Removed,
}

public sealed record DiffSegment(DiffKind Kind, string Text);

public sealed record FieldChange(string Field, string Before, string After);

/// <summary>One side of a comparison: a revision, or the article as it is now (RevisionId null).</summary>
public sealed record CompareSide(int? RevisionId, string Label);

public sealed record RevisionCompareView(
    int ArticleId,
    string ArticleTitle,
    CompareSide From,
    CompareSide To,
    IReadOnlyList<FieldChange> Fields,
    IReadOnlyList<IReadOnlyList<DiffSegment>> BodyBlocks,
    bool BodyChanged);
