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

    /// <summary>Names the "new article" form; unused once the article exists.</summary>
    public Guid DraftKey { get; set; }
}

/// <summary>The page form as the editor autosaves it: an unfinished page may lack a title, so only lengths and ranges apply.</summary>
public sealed class PageAutosaveForm
{
    [StringLength(300, ErrorMessage = "Tiêu đề không được dài quá 300 ký tự.")]
    public string? Title { get; set; }

    [StringLength(200, ErrorMessage = "Đường dẫn không được dài quá 200 ký tự.")]
    public string? Slug { get; set; }

    [StringLength(500_000, ErrorMessage = "Nội dung quá dài.")]
    public string? BodyHtml { get; set; }

    [RegularExpression("^(vi|en)$", ErrorMessage = "Ngôn ngữ không hợp lệ.")]
    public string Language { get; set; } = "vi";

    [Range(0, 10000, ErrorMessage = "Thứ tự phải từ 0 đến 10000.")]
    public int SortOrder { get; set; }

    public bool ShowInMenu { get; set; }

    public bool IsPublished { get; set; }

    public Guid Version { get; set; }

    /// <summary>Names the "new page" form; unused once the page exists.</summary>
    public Guid DraftKey { get; set; }
}

/// <summary>An autosave newer than the article or page, offered on the edit page; Applied when the form already shows it.</summary>
public sealed record AutosaveOffer(DateTime SavedAt, bool Applied, bool BasedOnOlderVersion);

/// <summary>A person's autosave of an article or page never saved, offered on the "new" form.</summary>
public sealed record UnsavedDraft(Guid Key, string Title, DateTime SavedAt);

/// <summary>
/// Where an editor form autosaves, and the notices above it: the offer for the article or page being edited,
/// or the person's never-saved drafts (with the one the form shows, if any).
/// </summary>
public sealed record AutosaveNotice(string SaveUrl, string FormUrl, AutosaveOffer? Offer, IReadOnlyList<UnsavedDraft> Drafts, Guid? ShownDraft)
{
    /// <param name="section">The admin URL segment: "bai-viet" or "trang".</param>
    /// <param name="id">The saved item, or null for the "new" form.</param>
    public static AutosaveNotice For(string section, int? id) =>
        id is null
            ? new($"/quan-tri/{section}/tao/tu-dong-luu", $"/quan-tri/{section}/tao", null, [], null)
            : new($"/quan-tri/{section}/{id}/tu-dong-luu", $"/quan-tri/{section}/{id}/sua", null, [], null);

    public string RestoreUrl => FormUrl + "?tu-dong-luu=true";

    public string DiscardUrl => SaveUrl + "/bo";

    public string DraftRestoreUrl(Guid key) => FormUrl + "?ban-nhap=" + key.ToString("D");

    public string DraftDiscardUrl(Guid key) => SaveUrl + "/" + key.ToString("D") + "/bo";
}

public sealed record FieldChange(string Field, string Before, string After);

/// <summary>One side of a comparison: a revision, or the article as it is now (RevisionId null).</summary>
public sealed record CompareSide(int? RevisionId, string Label);

/// <param name="BodyDiffHtml">The newer body with the changes marked, built by RevisionDiff and sanitized.</param>
public sealed record RevisionCompareView(
    int ArticleId,
    string ArticleTitle,
    CompareSide From,
    CompareSide To,
    IReadOnlyList<FieldChange> Fields,
    string BodyDiffHtml,
    bool BodyChanged);
