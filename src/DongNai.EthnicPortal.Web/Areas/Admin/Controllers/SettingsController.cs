using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>The site-wide settings shown in the header and footer of every page.</summary>
[Authorize(Policy = Policies.Administrators)]
[Route(BasePath)]
public sealed class SettingsController(PortalDbContext db, SiteChromeEdits chrome, TimeProvider time) : AdminControllerBase
{
    public const string BasePath = "/quan-tri/cau-hinh";

    [HttpGet]
    public async Task<IActionResult> Index() => View(SettingsFormModel.From(await LoadAsync()));

    [HttpPost]
    public async Task<IActionResult> Index(SettingsFormModel model)
    {
        if (model.MapUrl is { Length: > 0 } map && !map.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(model.MapUrl), "Liên kết bản đồ phải bắt đầu bằng https://.");
        }

        if (!ModelState.IsValid)
        {
            return View(model);
        }

        var settings = await LoadAsync();
        db.Entry(settings).Property(s => s.Version).OriginalValue = model.Version;
        model.ApplyTo(settings);
        settings.UpdatedAt = time.GetUtcNow().UtcDateTime;
        try
        {
            await chrome.SaveAsync(AuditActions.SettingsChanged, nameof(SiteSettings), settings.Id, $"Tên: {settings.SiteName}; cộng lượt truy cập: {settings.VisitCounterOffset}; bắt buộc 2 bước: {(settings.RequireTwoFactorForStaff ? "có" : "không")}");
        }
        catch (DbUpdateConcurrencyException)
        {
            Flash("Cấu hình vừa được người khác thay đổi. Trang đã tải lại bản mới nhất; hãy nhập lại thay đổi của bạn.", isError: true);
            return RedirectToAction(nameof(Index));
        }

        Flash("Đã lưu cấu hình. Trang công khai đã được cập nhật.");
        return RedirectToAction(nameof(Index));
    }

    private async Task<SiteSettings> LoadAsync()
    {
        var settings = await db.SiteSettings.FirstOrDefaultAsync(s => s.Id == SiteSettings.SingletonId);
        if (settings is null)
        {
            settings = new SiteSettings { SiteName = "BAN DÂN TỘC TỈNH ĐỒNG NAI", UpdatedAt = time.GetUtcNow().UtcDateTime };
            db.SiteSettings.Add(settings);
            await db.SaveChangesAsync();
        }

        return settings;
    }
}
