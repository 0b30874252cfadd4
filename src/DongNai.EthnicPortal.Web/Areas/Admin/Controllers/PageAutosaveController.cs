using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>The editor's background saves of a page, or of a new page never saved; each person sees only their own.</summary>
[Authorize(Policy = Policies.Editors)]
public sealed class PageAutosaveController(PortalDbContext db, PageAutosaves autosaves, TimeProvider time) : AutosaveControllerBase(time)
{
    [HttpPost("quan-tri/trang/{id:int}/tu-dong-luu")]
    [RichTextForm]
    public async Task<IActionResult> Save(int id, PageAutosaveForm form)
    {
        var version = await db.Pages.AsNoTracking().Where(p => p.Id == id).Select(p => (Guid?)p.Version).FirstOrDefaultAsync();
        if (version is null)
        {
            return Missing("Không tìm thấy trang.");
        }

        return InvalidForm()
            ?? (version != form.Version ? Stale("Trang vừa được người khác lưu.") : await SavedAsync(now => autosaves.SaveAsync(id, CurrentUserId, form, now)));
    }

    [HttpPost("quan-tri/trang/{id:int}/tu-dong-luu/bo")]
    public async Task<IActionResult> Discard(int id)
    {
        await autosaves.DiscardAsync(id, CurrentUserId);
        Flash(DiscardedMessage);
        return RedirectToAction("Edit", "Pages", new { id });
    }

    [HttpPost("quan-tri/trang/tao/tu-dong-luu")]
    [RichTextForm]
    public Task<IActionResult> SaveUnsaved(PageAutosaveForm form) =>
        SaveUnsavedAsync(form.DraftKey, now => autosaves.SaveUnsavedAsync(form.DraftKey, CurrentUserId, form, now));

    [HttpPost("quan-tri/trang/tao/tu-dong-luu/{key:guid}/bo")]
    public async Task<IActionResult> DiscardUnsaved(Guid key)
    {
        await autosaves.DiscardUnsavedAsync(key, CurrentUserId);
        Flash(DiscardedMessage);
        return RedirectToAction("Create", "Pages");
    }
}
