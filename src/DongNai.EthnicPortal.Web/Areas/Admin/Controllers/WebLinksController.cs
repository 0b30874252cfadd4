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

/// <summary>The ordered "Liên kết web" list in the sidebar of every public page.</summary>
[Authorize(Policy = Policies.Editors)]
[Route("quan-tri/lien-ket")]
public sealed class WebLinksController(PortalDbContext db, ContentChanges changes, AuditLog audit) : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index() =>
        View(await db.WebLinks.AsNoTracking().OrderBy(l => l.SortOrder).ThenBy(l => l.Name).ToListAsync());

    [HttpGet("tao")]
    public async Task<IActionResult> Create() =>
        View("Edit", new WebLinkFormModel { SortOrder = (await db.WebLinks.MaxAsync(l => (int?)l.SortOrder) ?? 0) + 1 });

    [HttpPost("tao")]
    public async Task<IActionResult> Create(WebLinkFormModel model)
    {
        var link = new WebLink();
        if (!Apply(link, model))
        {
            return View("Edit", model);
        }

        db.WebLinks.Add(link);
        await audit.SaveCreatedAsync(link, AuditActions.WebLinkCreated, $"{link.Name} — {link.Url}");
        await changes.SiteChromeChangedAsync();
        Flash($"Đã thêm liên kết “{link.Name}”.");
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}/sua")]
    public async Task<IActionResult> Edit(int id)
    {
        var link = await db.WebLinks.AsNoTracking().FirstOrDefaultAsync(l => l.Id == id);
        if (link is null)
        {
            return NotFound();
        }

        return View(new WebLinkFormModel { Id = link.Id, Name = link.Name, Url = link.Url, SortOrder = link.SortOrder, IsVisible = link.IsVisible });
    }

    [HttpPost("{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, WebLinkFormModel model)
    {
        var link = await db.WebLinks.FirstOrDefaultAsync(l => l.Id == id);
        if (link is null)
        {
            return NotFound();
        }

        model.Id = id;
        if (!Apply(link, model))
        {
            return View(model);
        }

        audit.Add(AuditActions.WebLinkUpdated, nameof(WebLink), id, $"{link.Name} — {link.Url}");
        await db.SaveChangesAsync();
        await changes.SiteChromeChangedAsync();
        Flash($"Đã lưu liên kết “{link.Name}”.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/xoa")]
    public async Task<IActionResult> Delete(int id)
    {
        var link = await db.WebLinks.FirstOrDefaultAsync(l => l.Id == id);
        if (link is null)
        {
            return NotFound();
        }

        db.WebLinks.Remove(link);
        audit.Add(AuditActions.WebLinkDeleted, nameof(WebLink), id, $"{link.Name} — {link.Url}");
        await db.SaveChangesAsync();
        await changes.SiteChromeChangedAsync();
        Flash($"Đã xóa liên kết “{link.Name}”.");
        return RedirectToAction(nameof(Index));
    }

    private bool Apply(WebLink link, WebLinkFormModel model)
    {
        var url = (model.Url ?? "").Trim();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            ModelState.AddModelError(nameof(model.Url), "Địa chỉ phải là một URL đầy đủ bắt đầu bằng http:// hoặc https://.");
        }

        if (!ModelState.IsValid)
        {
            return false;
        }

        link.Name = VietnameseText.ToNfc(model.Name.Trim());
        link.Url = url;
        link.SortOrder = model.SortOrder;
        link.IsVisible = model.IsVisible;
        return true;
    }
}
