using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Caching;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>The site-wide settings shown in the header and footer of every page.</summary>
[Authorize(Policy = Policies.Administrators)]
[Route("quan-tri/cau-hinh")]
public sealed class SettingsController(PortalDbContext db, ContentChanges changes, AuditLog audit, TimeProvider time) : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index()
    {
        var settings = await LoadAsync();
        return View(new SettingsFormModel
        {
            SiteName = settings.SiteName,
            GoverningAgency = settings.GoverningAgency,
            ResponsiblePerson = settings.ResponsiblePerson,
            ResponsiblePersonTitle = settings.ResponsiblePersonTitle,
            Address = settings.Address,
            Phone = settings.Phone,
            Email = settings.Email,
            CopyrightLine = settings.CopyrightLine,
            MapUrl = settings.MapUrl,
            VisitCounterOffset = settings.VisitCounterOffset,
            RequireTwoFactorForStaff = settings.RequireTwoFactorForStaff,
            Version = settings.Version,
        });
    }

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
        settings.SiteName = Clean(model.SiteName);
        settings.GoverningAgency = Clean(model.GoverningAgency);
        settings.ResponsiblePerson = Clean(model.ResponsiblePerson);
        settings.ResponsiblePersonTitle = Clean(model.ResponsiblePersonTitle);
        settings.Address = Clean(model.Address);
        settings.Phone = Clean(model.Phone);
        settings.Email = Clean(model.Email);
        settings.CopyrightLine = Clean(model.CopyrightLine);
        settings.MapUrl = string.IsNullOrWhiteSpace(model.MapUrl) ? null : model.MapUrl.Trim();
        settings.VisitCounterOffset = model.VisitCounterOffset;
        settings.RequireTwoFactorForStaff = model.RequireTwoFactorForStaff;
        settings.UpdatedAt = time.GetUtcNow().UtcDateTime;
        audit.Add(AuditActions.SettingsChanged, nameof(SiteSettings), settings.Id, $"Tên: {settings.SiteName}; cộng lượt truy cập: {settings.VisitCounterOffset}; bắt buộc 2 bước: {(settings.RequireTwoFactorForStaff ? "có" : "không")}");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            Flash("Cấu hình vừa được người khác thay đổi. Trang đã tải lại bản mới nhất; hãy nhập lại thay đổi của bạn.", isError: true);
            return RedirectToAction(nameof(Index));
        }

        await changes.SiteChromeChangedAsync();
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

    private static string Clean(string? value) => VietnameseText.ToNfc((value ?? "").Trim());
}
