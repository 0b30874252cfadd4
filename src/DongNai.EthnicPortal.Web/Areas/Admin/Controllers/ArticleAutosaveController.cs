using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Formatting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// The editor's background saves of an article it may edit. They answer JSON for the editor's status line
/// and never touch the article, its revisions, status or public version.
/// </summary>
[Route("quan-tri/bai-viet/{id:int}/tu-dong-luu")]
public sealed class ArticleAutosaveController(PortalDbContext db, ArticleAutosaves autosaves, TimeProvider time) : AdminControllerBase
{
    [HttpPost("")]
    [RichTextForm]
    public async Task<IActionResult> Save(int id, ArticleAutosaveForm form)
    {
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (article is null)
        {
            return NotFound(new { error = "Không tìm thấy bài viết." });
        }

        if (!ArticleWorkflow.CanEdit(article, Actor))
        {
            return StatusCode(StatusCodes.Status403Forbidden, new { error = "Bạn không có quyền sửa bài viết này." });
        }

        if (!ModelState.IsValid)
        {
            var message = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault(m => m.Length > 0) ?? "Dữ liệu không hợp lệ.";
            return BadRequest(new { error = message });
        }

        if (article.Version != form.Version)
        {
            return Conflict(new { error = "Bài viết vừa được người khác lưu." });
        }

        DateTime savedAt;
        try
        {
            savedAt = await autosaves.SaveAsync(id, CurrentUserId, form, time.GetUtcNow().UtcDateTime);
        }
        catch (DbUpdateException)
        {
            // Two saves of the same person raced to create the row (an interval tick and a hidden tab): the other one won.
            return Conflict(new { error = "Đang tự động lưu từ một yêu cầu khác, sẽ thử lại." });
        }

        return Json(new { savedAt = VietnamDates.Time(savedAt) });
    }

    [HttpPost("bo")]
    public async Task<IActionResult> Discard(int id)
    {
        await autosaves.DiscardAsync(id, CurrentUserId);
        Flash("Đã bỏ bản tự động lưu.");
        return RedirectToAction("Edit", "Articles", new { id });
    }
}
