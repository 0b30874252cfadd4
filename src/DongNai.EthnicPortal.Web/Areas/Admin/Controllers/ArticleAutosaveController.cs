using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Articles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// The editor's background saves of an article it may edit, or of a new article never saved. They never
/// touch the article, its revisions, status or public version, and each person sees only their own.
/// </summary>
public sealed class ArticleAutosaveController(PortalDbContext db, ArticleAutosaves autosaves, TimeProvider time) : AutosaveControllerBase(time)
{
    [HttpPost("quan-tri/bai-viet/{id:int}/tu-dong-luu")]
    [RichTextForm]
    public async Task<IActionResult> Save(int id, ArticleAutosaveForm form)
    {
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (article is null)
        {
            return Missing("Không tìm thấy bài viết.");
        }

        if (!ArticleWorkflow.CanEdit(article, Actor))
        {
            return NotAllowed("Bạn không có quyền sửa bài viết này.");
        }

        return InvalidForm()
            ?? (article.Version != form.Version ? Stale("Bài viết vừa được người khác lưu.") : await SavedAsync(now => autosaves.SaveAsync(id, CurrentUserId, form, now)));
    }

    [HttpPost("quan-tri/bai-viet/{id:int}/tu-dong-luu/bo")]
    public async Task<IActionResult> Discard(int id)
    {
        await autosaves.DiscardAsync(id, CurrentUserId);
        Flash(DiscardedMessage);
        return RedirectToAction("Edit", "Articles", new { id });
    }

    [HttpPost("quan-tri/bai-viet/tao/tu-dong-luu")]
    [RichTextForm]
    public Task<IActionResult> SaveUnsaved(ArticleAutosaveForm form) =>
        SaveUnsavedAsync(form.DraftKey, now => autosaves.SaveUnsavedAsync(form.DraftKey, CurrentUserId, form, now));

    [HttpPost("quan-tri/bai-viet/tao/tu-dong-luu/{key:guid}/bo")]
    public async Task<IActionResult> DiscardUnsaved(Guid key)
    {
        await autosaves.DiscardUnsavedAsync(key, CurrentUserId);
        Flash(DiscardedMessage);
        return RedirectToAction("Create", "Articles");
    }
}
