using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Services.Html;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Articles;

/// <summary>
/// The background saves of the article form: one row per article and person, or per "new article" form
/// for an article never saved, overwritten each time, never a revision and never the article. A saved
/// article's autosave is offered back only while it is newer than the article's last save.
/// </summary>
public sealed class ArticleAutosaves(PortalDbContext db, PortalHtmlSanitizer sanitizer)
{
    /// <summary>How many never-saved drafts one person keeps; a new one beyond that replaces the oldest.</summary>
    public const int UnsavedDraftsKept = 10;

    public Task<DateTime> SaveAsync(int articleId, string userId, ArticleAutosaveForm form, DateTime now) =>
        StoreAsync(a => a.ArticleId == articleId && a.UserId == userId, () => new ArticleAutosave { ArticleId = articleId, UserId = userId }, form, now);

    /// <summary>Saves the draft of a "new article" form, named by the form's draft key.</summary>
    public async Task<DateTime> SaveUnsavedAsync(Guid draftKey, string userId, ArticleAutosaveForm form, DateTime now)
    {
        var savedAt = await StoreAsync(a => a.ArticleId == null && a.DraftKey == draftKey && a.UserId == userId, () => new ArticleAutosave { DraftKey = draftKey, UserId = userId }, form, now);
        await db.ArticleAutosaves.Where(a => a.ArticleId == null && a.UserId == userId)
            .OrderByDescending(a => a.SavedAt).Skip(UnsavedDraftsKept)
            .ExecuteDeleteAsync();
        return savedAt;
    }

    private async Task<DateTime> StoreAsync(System.Linq.Expressions.Expression<Func<ArticleAutosave, bool>> owner, Func<ArticleAutosave> create, ArticleAutosaveForm form, DateTime now)
    {
        var row = await db.ArticleAutosaves.FirstOrDefaultAsync(owner);
        if (row is null)
        {
            row = create();
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

    /// <summary>The person's drafts of articles never saved, newest first; nobody else's.</summary>
    public Task<List<UnsavedDraft>> UnsavedAsync(string userId) =>
        db.ArticleAutosaves.AsNoTracking()
            .Where(a => a.ArticleId == null && a.DraftKey != null && a.UserId == userId)
            .OrderByDescending(a => a.SavedAt)
            .Select(a => new UnsavedDraft(a.DraftKey!.Value, a.Title, a.SavedAt))
            .ToListAsync();

    public Task<ArticleAutosave?> UnsavedAsync(Guid draftKey, string userId) =>
        db.ArticleAutosaves.AsNoTracking().FirstOrDefaultAsync(a => a.ArticleId == null && a.DraftKey == draftKey && a.UserId == userId);

    public async Task DiscardAsync(int articleId, string userId) =>
        await db.ArticleAutosaves.Where(a => a.ArticleId == articleId && a.UserId == userId).ExecuteDeleteAsync();

    /// <summary>Drops a never-saved draft its writer discarded.</summary>
    public async Task DiscardUnsavedAsync(Guid draftKey, string userId) =>
        await db.ArticleAutosaves.Where(a => a.ArticleId == null && a.DraftKey == draftKey && a.UserId == userId).ExecuteDeleteAsync();

    /// <summary>
    /// A never-saved draft was saved as an article: its row becomes that article's autosave, no newer than
    /// the article, and keeps its key, so that an autosave still in flight from the old form finds the key
    /// taken instead of leaving a draft behind in the list.
    /// </summary>
    public async Task AdoptUnsavedAsync(Guid draftKey, string userId, Article article)
    {
        if (draftKey == Guid.Empty)
        {
            return;
        }

        var unsaved = db.ArticleAutosaves.Where(a => a.ArticleId == null && a.DraftKey == draftKey && a.UserId == userId);
        if (await unsaved.ExecuteUpdateAsync(set => set.SetProperty(a => a.ArticleId, article.Id).SetProperty(a => a.SavedAt, article.UpdatedAt)) == 1)
        {
            return;
        }

        var slot = new ArticleAutosave { ArticleId = article.Id, DraftKey = draftKey, UserId = userId, BaseVersion = article.Version, SavedAt = article.UpdatedAt };
        db.ArticleAutosaves.Add(slot);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The in-flight autosave created the draft row in between: that one is taken over instead.
            db.Entry(slot).State = EntityState.Detached;
            await unsaved.ExecuteUpdateAsync(set => set.SetProperty(a => a.ArticleId, article.Id).SetProperty(a => a.SavedAt, article.UpdatedAt));
        }
    }

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
        form.DraftKey = autosave.DraftKey ?? form.DraftKey;
    }
}
