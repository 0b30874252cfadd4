using System.ComponentModel.DataAnnotations;
using System.Globalization;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Areas.Admin.Controllers;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.WebUtilities;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Models;

public sealed class ArticleFormModel
{
    public int Id { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập tiêu đề.")]
    [StringLength(300, ErrorMessage = "Tiêu đề không được dài quá 300 ký tự.")]
    [Display(Name = "Tiêu đề")]
    public string Title { get; set; } = "";

    [StringLength(1000, ErrorMessage = "Tóm tắt không được dài quá 1000 ký tự.")]
    [Display(Name = "Tóm tắt")]
    public string? Summary { get; set; }

    [Range(1, int.MaxValue, ErrorMessage = "Vui lòng chọn chuyên mục.")]
    [Display(Name = "Chuyên mục")]
    public int CategoryId { get; set; }

    [Display(Name = "Ảnh đại diện")]
    public int? CoverImageId { get; set; }

    [StringLength(500, ErrorMessage = "Chú thích ảnh không được dài quá 500 ký tự.")]
    [Display(Name = "Chú thích ảnh đại diện")]
    public string? CoverImageCaption { get; set; }

    [StringLength(200, ErrorMessage = "Tên tác giả không được dài quá 200 ký tự.")]
    [Display(Name = "Tác giả (hiển thị cuối bài)")]
    public string? AuthorByline { get; set; }

    [StringLength(500_000, ErrorMessage = "Nội dung quá dài.")]
    [Display(Name = "Nội dung")]
    public string? BodyHtml { get; set; }

    [Display(Name = "Tin nổi bật")]
    public bool IsFeatured { get; set; }

    public Guid Version { get; set; }

    /// <summary>Names this "new article" form, so its autosave can be found, offered and dropped once saved.</summary>
    public Guid DraftKey { get; set; }

    public static ArticleFormModel From(Article article) => new()
    {
        Id = article.Id,
        Title = article.Title,
        Summary = article.Summary,
        CategoryId = article.CategoryId,
        CoverImageId = article.CoverImageId,
        CoverImageCaption = article.CoverImageCaption,
        AuthorByline = article.AuthorByline,
        BodyHtml = article.BodyHtml,
        IsFeatured = article.IsFeatured,
        Version = article.Version,
    };
}

public sealed record ArticleEditorView(
    ArticleFormModel Form,
    IReadOnlyList<SelectListItem> Categories,
    IReadOnlyList<SelectListItem> Images,
    ArticleStatusInfo? Status,
    AutosaveNotice? Autosave = null);

public sealed record ArticleStatusInfo(
    int Id,
    ArticleStatus Status,
    string? ReviewRemark,
    string? WithdrawnReason,
    DateTime? PublishAt,
    DateTime? PublishedAt,
    bool IsOwn,
    bool CanEdit,
    bool CanSubmit,
    bool CanApprove,
    bool CanForce,
    bool CanReject,
    bool CanWithdraw,
    bool CanDelete,
    string PublicUrl);

public sealed record ArticleRow(int Id, string Title, ArticleStatus Status, string CategoryName, string? AuthorName, DateTime UpdatedAt, DateTime? PublishAt);

public sealed record ArticleListView(
    IReadOnlyList<ArticleRow> Rows,
    ArticleStatus? Status,
    int? CategoryId,
    string? AuthorId,
    string? Query,
    int Page,
    int PageCount,
    int Total,
    bool MoreThanTotal,
    IReadOnlyList<SelectListItem> Categories,
    IReadOnlyList<SelectListItem> Authors)
{
    /// <summary>A page of the list with the same filters; written out rather than routed, as it is on every row of the pager.</summary>
    public string PageUrl(int page) => QueryHelpers.AddQueryString(ArticlesController.BasePath, new KeyValuePair<string, string?>[]
    {
        new("status", Status?.ToString()),
        new("categoryId", CategoryId?.ToString(CultureInfo.InvariantCulture)),
        new("authorId", AuthorId),
        new("q", Query),
        new("page", page.ToString(CultureInfo.InvariantCulture)),
    });
}

public sealed record ArticleConflictView(ArticleFormModel Mine, ArticleFormModel Stored, string? StoredBy, DateTime StoredAt, IReadOnlyList<SelectListItem> Categories);

public sealed record RevisionRow(int Id, DateTime SavedAt, string? SavedByName, string Title);

public sealed record ArticleRevisionsView(int ArticleId, string Title, IReadOnlyList<RevisionRow> Revisions);

public sealed record RevisionDetailView(ArticleRevision Revision, string CategoryName);

public sealed record ArticlePreviewView(
    int Id,
    string Title,
    string Summary,
    string BodyHtml,
    string CategoryName,
    string CategoryUrl,
    string AuthorByline,
    DateTime ShownDate,
    string? CoverUrl,
    string? CoverSrcSet,
    string? CoverAlt,
    string? CoverCaption,
    ArticleStatus Status);
