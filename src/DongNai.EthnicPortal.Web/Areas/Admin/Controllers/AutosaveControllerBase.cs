using DongNai.EthnicPortal.Web.Services.Formatting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// What the article and page autosave endpoints share: they answer JSON, in Vietnamese, for the editor's
/// status line, and they never touch the article or page itself.
/// </summary>
public abstract class AutosaveControllerBase(TimeProvider time) : AdminControllerBase
{
    protected const string DiscardedMessage = "Đã bỏ bản tự động lưu.";

    protected IActionResult Missing(string message) => NotFound(new { error = message });

    protected IActionResult NotAllowed(string message) => StatusCode(StatusCodes.Status403Forbidden, new { error = message });

    protected IActionResult Stale(string message) => Conflict(new { error = message });

    /// <summary>The first validation message as a 400, or null when the posted form is valid.</summary>
    protected IActionResult? InvalidForm()
    {
        if (ModelState.IsValid)
        {
            return null;
        }

        var message = ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).FirstOrDefault(m => m.Length > 0) ?? "Dữ liệu không hợp lệ.";
        return BadRequest(new { error = message });
    }

    /// <summary>A "new" form's autosave needs the key naming it; a valid form is then saved.</summary>
    protected async Task<IActionResult> SaveUnsavedAsync(Guid draftKey, Func<DateTime, Task<DateTime>> save) =>
        draftKey == Guid.Empty ? BadRequest(new { error = "Thiếu mã bản nháp, hãy tải lại trang." }) : InvalidForm() ?? await SavedAsync(save);

    protected async Task<IActionResult> SavedAsync(Func<DateTime, Task<DateTime>> save)
    {
        try
        {
            return Json(new { savedAt = VietnamDates.Time(await save(time.GetUtcNow().UtcDateTime)) });
        }
        catch (DbUpdateException)
        {
            // Two saves of the same person raced to create the row (an interval tick and a hidden tab): the
            // other one won, and the script sends this text again at its next tick.
            return Conflict(new { error = "Đang tự động lưu từ một yêu cầu khác, sẽ thử lại.", retry = true });
        }
    }
}
