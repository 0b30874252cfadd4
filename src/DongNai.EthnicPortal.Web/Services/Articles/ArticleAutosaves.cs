using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Services.Html;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Articles;

/// <summary>
/// The background saves of the article form: one row per article and person, overwritten each time, never
/// a revision and never the article. It is offered back only while it is newer than the article's last save.
/// </summary>
public sealed class ArticleAutosaves(PortalDbContext db, PortalHtmlSanitizer sanitizer)
{
    public async Task<DateTime> SaveAsync(int articleId, string userId, ArticleAutosaveForm form, DateTime now)
    {
        var row = await db.ArticleAutosaves.FirstOrDefaultAsync(a => a.ArticleId == articleId && a.UserId == userId);
        if (row is null)
        {
            row = new ArticleAutosave { ArticleId = articleId, UserId = userId };
            db.ArticleAutosaves.Add(row);
        }

        row.Title = VietnameseText.ToNfc((form.Title ?? "").Trim());
        row.Summary = VietnameseText.ToNfc((form.Summary ?? "").Trim());
        row.BodyHtml = sanitizer.Sanitize(form.BodyHtml);
        row.CategoryId = form.CategoryId;
        row.CoverImageId = form.CoverImageId;
        row.CoverImageCaption = string.IsNullOrWhiteSpace(form.CoverImageCaption) ? null : VietnameseText.ToNfc(form.CoverImageCaption.Trim());
        row.AuthorByline = VietnameseText.ToNfc((form.AuthorByline ?? "").Trim());
        row.BaseVersion = form.Version;
        row.SavedAt = DateTime.SpecifyKind(now, DateTimeKind.Utc);
        await db.SaveChangesAsync();
        return row.SavedAt;
    }

    /// <summary>The person's autosave of this article when it holds work the article does not.</summary>
    public Task<ArticleAutosave?> NewerThanArticleAsync(Article article, string userId) =>
        db.ArticleAutosaves.AsNoTracking()
            .Where(a => a.ArticleId == article.Id && a.UserId == userId && a.SavedAt > article.UpdatedAt)
            .FirstOrDefaultAsync();

    public async Task DiscardAsync(int articleId, string userId) =>
        await db.ArticleAutosaves.Where(a => a.ArticleId == articleId && a.UserId == userId).ExecuteDeleteAsync();

    /// <summary>
    /// Puts the autosaved text into the form. The version stays the one the autosave was based on, so if
    /// someone saved the article since, saving the recovered text leads to the conflict page.
    /// </summary>
    public static void Apply(ArticleFormModel form, ArticleAutosave autosave)
    {
        form.Title = autosave.Title;
        form.Summary = autosave.Summary;
        form.BodyHtml = autosave.BodyHtml;
        form.CategoryId = autosave.CategoryId;
        form.CoverImageId = autosave.CoverImageId;
        form.CoverImageCaption = autosave.CoverImageCaption;
        form.AuthorByline = autosave.AuthorByline;
        form.Version = autosave.BaseVersion;
    }
}
