using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Formatting;
using DongNai.EthnicPortal.Web.Services.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>Compares two saved revisions of an article, or a revision with the article as it is now.</summary>
public sealed class ArticleCompareController(PortalDbContext db, PortalHtmlSanitizer sanitizer) : AdminControllerBase
{
    /// <summary>The fields of one side of the comparison.</summary>
    private sealed record Side(CompareSide Label, string Title, string Summary, string BodyHtml, int CategoryId, int? CoverImageId, string? CoverImageCaption, string AuthorByline)
    {
        public static Side Current(Article article) =>
            new(new CompareSide(null, "Bản hiện tại"), article.Title, article.Summary, article.BodyHtml, article.CategoryId, article.CoverImageId, article.CoverImageCaption, article.AuthorByline);
    }

    /// <param name="from">The older side's revision id; 0 or absent means the current text.</param>
    /// <param name="to">The newer side's revision id; 0 or absent means the current text.</param>
    [HttpGet("quan-tri/bai-viet/{id:int}/so-sanh")]
    public async Task<IActionResult> Compare(int id, [FromQuery(Name = "tu")] int? from, [FromQuery(Name = "den")] int? to)
    {
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (article is null)
        {
            return NotFound();
        }

        if (!ArticleWorkflow.CanView(article, Actor))
        {
            return Forbid();
        }

        var current = Side.Current(article);
        var before = await SideAsync(id, from) ?? current;
        var after = await SideAsync(id, to) ?? current;
        if ((from is > 0 && before == current) || (to is > 0 && after == current))
        {
            return NotFound();
        }

        var body = RevisionDiff.Body(before.BodyHtml, after.BodyHtml, sanitizer);
        var bodyChanged = RevisionDiff.Changed(before.BodyHtml, after.BodyHtml, sanitizer);
        return View(new RevisionCompareView(id, article.Title, before.Label, after.Label, await FieldChangesAsync(before, after), body, bodyChanged));
    }

    private async Task<List<FieldChange>> FieldChangesAsync(Side before, Side after)
    {
        var fields = new List<FieldChange>();
        Compare(fields, "Tiêu đề", before.Title, after.Title);
        Compare(fields, "Tóm tắt", before.Summary, after.Summary);
        Compare(fields, "Chuyên mục", await CategoryNameAsync(before.CategoryId), await CategoryNameAsync(after.CategoryId));
        Compare(fields, "Ảnh đại diện", await CoverNameAsync(before.CoverImageId), await CoverNameAsync(after.CoverImageId));
        Compare(fields, "Chú thích ảnh đại diện", before.CoverImageCaption ?? "", after.CoverImageCaption ?? "");
        Compare(fields, "Tác giả", before.AuthorByline, after.AuthorByline);
        return fields;
    }

    private static void Compare(List<FieldChange> fields, string name, string before, string after)
    {
        if (!string.Equals(before, after, StringComparison.Ordinal))
        {
            fields.Add(new FieldChange(name, before, after));
        }
    }

    private async Task<Side?> SideAsync(int articleId, int? revisionId)
    {
        if (revisionId is not > 0)
        {
            return null;
        }

        var revision = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.ArticleId == articleId);
        return revision is null
            ? null
            : new Side(
                new CompareSide(revision.Id, $"Phiên bản lưu lúc {VietnamDates.DateTime(revision.SavedAt)}{(revision.SavedByName is null ? "" : $" ({revision.SavedByName})")}"),
                revision.Title,
                revision.Summary,
                revision.BodyHtml,
                revision.CategoryId,
                revision.CoverImageId,
                revision.CoverImageCaption,
                revision.AuthorByline);
    }

    private async Task<string> CategoryNameAsync(int categoryId) =>
        await db.Categories.AsNoTracking().Where(c => c.Id == categoryId).Select(c => c.Name).FirstOrDefaultAsync() ?? "(chuyên mục đã xóa)";

    private async Task<string> CoverNameAsync(int? mediaId) =>
        mediaId is null
            ? "(không có ảnh)"
            : await db.MediaFiles.AsNoTracking().Where(m => m.Id == mediaId).Select(m => m.AltText + " (" + m.OriginalFileName + ")").FirstOrDefaultAsync() ?? "(ảnh đã xóa)";
}
