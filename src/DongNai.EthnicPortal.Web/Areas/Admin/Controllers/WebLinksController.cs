using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Lists;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>The ordered "Liên kết web" list in the sidebar of every public page.</summary>
[Authorize(Policy = Policies.Editors)]
[Route(BasePath)]
public sealed class WebLinksController(PortalDbContext db, SiteChromeEdits chrome) : AdminControllerBase
{
    public const string BasePath = "/quan-tri/lien-ket";

    [HttpGet]
    public async Task<IActionResult> Index() =>
        View(await db.WebLinks.AsNoTracking().OrderBy(l => l.SortOrder).ThenBy(l => l.Name).ToListAsync());

    [HttpGet("tao")]
    public async Task<IActionResult> Create() =>
        View("Edit", new WebLinkFormModel { SortOrder = await SortOrders.NextAsync(db.WebLinks.Select(l => l.SortOrder)) });

    [HttpPost("tao")]
    public async Task<IActionResult> Create(WebLinkFormModel model)
    {
        var link = new WebLink();
        if (!Apply(link, model))
        {
            return View("Edit", model);
        }

        db.WebLinks.Add(link);
        await chrome.SaveCreatedAsync(link, AuditActions.WebLinkCreated, Describe(link));
        Flash($"Đã thêm liên kết “{link.Name}”.");
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}/sua")]
    public async Task<IActionResult> Edit(int id) =>
        await db.WebLinks.FindAsync(id) is { } link ? View(WebLinkFormModel.From(link)) : NotFound();

    [HttpPost("{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, WebLinkFormModel model)
    {
        model.Id = id;
        var link = await db.WebLinks.FindAsync(id);
        if (link is null || !Apply(link, model))
        {
            return link is null ? NotFound() : View(model);
        }

        await chrome.SaveAsync(AuditActions.WebLinkUpdated, nameof(WebLink), id, Describe(link));
        Flash($"Đã lưu liên kết “{link.Name}”.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/xoa")]
    public async Task<IActionResult> Delete(int id)
    {
        var link = await db.WebLinks.FindAsync(id);
        if (link is null)
        {
            return NotFound();
        }

        db.WebLinks.Remove(link);
        await chrome.SaveAsync(AuditActions.WebLinkDeleted, nameof(WebLink), id, Describe(link));
        Flash($"Đã xóa liên kết “{link.Name}”.");
        return RedirectToAction(nameof(Index));
    }

    /// <summary>What the audit log records of a link.</summary>
    private static string Describe(WebLink link) => $"{link.Name} — {link.Url}";

    /// <summary>Checks the address (absolute http or https) and copies the valid form into the link.</summary>
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
