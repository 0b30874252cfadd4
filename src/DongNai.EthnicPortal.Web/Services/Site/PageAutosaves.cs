using System.Linq.Expressions;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Html;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Site;

/// <summary>
/// The background saves of the page form, kept like the article ones (<see cref="ArticleAutosaves"/>): one row
/// per page and person, or per "new page" form, never the page itself.
/// </summary>
public sealed class PageAutosaves(PortalDbContext db, PortalHtmlSanitizer sanitizer)
{
    public Task<DateTime> SaveAsync(int pageId, string userId, PageAutosaveForm form, DateTime now) =>
        StoreAsync(a => a.PageId == pageId && a.UserId == userId, () => new PageAutosave { PageId = pageId, UserId = userId }, form, now);

    public async Task<DateTime> SaveUnsavedAsync(Guid draftKey, string userId, PageAutosaveForm form, DateTime now)
    {
        var savedAt = await StoreAsync(Unsaved(draftKey, userId), () => new PageAutosave { DraftKey = draftKey, UserId = userId }, form, now);
        await db.PageAutosaves.Where(a => a.PageId == null && a.UserId == userId)
            .OrderByDescending(a => a.SavedAt).Skip(ArticleAutosaves.UnsavedDraftsKept)
            .ExecuteDeleteAsync();
        return savedAt;
    }

    private static Expression<Func<PageAutosave, bool>> Unsaved(Guid draftKey, string userId) =>
        a => a.PageId == null && a.DraftKey == draftKey && a.UserId == userId;

    private async Task<DateTime> StoreAsync(Expression<Func<PageAutosave, bool>> owner, Func<PageAutosave> create, PageAutosaveForm form, DateTime now)
    {
        var row = await db.PageAutosaves.FirstOrDefaultAsync(owner);
        if (row is null)
        {
            row = create();
            db.PageAutosaves.Add(row);
        }

        row.Title = VietnameseText.ToNfc((form.Title ?? "").Trim());
        row.Slug = (form.Slug ?? "").Trim();
        row.BodyHtml = sanitizer.Sanitize(form.BodyHtml);
        row.Language = form.Language;
        row.SortOrder = form.SortOrder;
        row.ShowInMenu = form.ShowInMenu;
        row.IsPublished = form.IsPublished;
        row.BaseVersion = form.Version;
        row.SavedAt = DateTime.SpecifyKind(now, DateTimeKind.Utc);
        await db.SaveChangesAsync();
        return row.SavedAt;
    }

    public Task<PageAutosave?> NewerThanPageAsync(Page page, string userId) =>
        db.PageAutosaves.AsNoTracking().FirstOrDefaultAsync(a => a.PageId == page.Id && a.UserId == userId && a.SavedAt > page.UpdatedAt);

    public Task<List<UnsavedDraft>> UnsavedAsync(string userId) =>
        db.PageAutosaves.AsNoTracking()
            .Where(a => a.PageId == null && a.DraftKey != null && a.UserId == userId)
            .OrderByDescending(a => a.SavedAt)
            .Select(a => new UnsavedDraft(a.DraftKey!.Value, a.Title, a.SavedAt))
            .ToListAsync();

    public Task<PageAutosave?> UnsavedAsync(Guid draftKey, string userId) =>
        db.PageAutosaves.AsNoTracking().FirstOrDefaultAsync(Unsaved(draftKey, userId));

    public async Task DiscardAsync(int pageId, string userId) =>
        await db.PageAutosaves.Where(a => a.PageId == pageId && a.UserId == userId).ExecuteDeleteAsync();

    public async Task DiscardUnsavedAsync(Guid draftKey, string userId) =>
        await db.PageAutosaves.Where(Unsaved(draftKey, userId)).ExecuteDeleteAsync();

    /// <summary>A never-saved draft became a page: its row is kept as the page's autosave, as <see cref="ArticleAutosaves.AdoptUnsavedAsync"/> does.</summary>
    public async Task AdoptUnsavedAsync(Guid draftKey, string userId, Page page)
    {
        if (draftKey == Guid.Empty)
        {
            return;
        }

        var unsaved = db.PageAutosaves.Where(Unsaved(draftKey, userId));
        if (await unsaved.ExecuteUpdateAsync(set => set.SetProperty(a => a.PageId, page.Id).SetProperty(a => a.SavedAt, page.UpdatedAt)) == 1)
        {
            return;
        }

        var slot = new PageAutosave { PageId = page.Id, DraftKey = draftKey, UserId = userId, Language = page.Language, BaseVersion = page.Version, SavedAt = page.UpdatedAt };
        db.PageAutosaves.Add(slot);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // The in-flight autosave created the draft row in between: that one is taken over instead.
            db.Entry(slot).State = EntityState.Detached;
            await unsaved.ExecuteUpdateAsync(set => set.SetProperty(a => a.PageId, page.Id).SetProperty(a => a.SavedAt, page.UpdatedAt));
        }
    }

    /// <summary>Puts the autosaved text into the form, keeping the version it was based on for the conflict check.</summary>
    public static void Apply(PageFormModel form, PageAutosave autosave)
    {
        form.Title = autosave.Title;
        form.Slug = autosave.Slug;
        form.BodyHtml = autosave.BodyHtml;
        form.Language = autosave.Language;
        form.SortOrder = autosave.SortOrder;
        form.ShowInMenu = autosave.ShowInMenu;
        form.IsPublished = autosave.IsPublished;
        form.Version = autosave.BaseVersion;
        form.DraftKey = autosave.DraftKey ?? form.DraftKey;
    }
}
