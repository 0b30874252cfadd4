using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Consultations;
using DongNai.EthnicPortal.Web.Services.Lists;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>News categories, ordered as they appear in the menu. A category that still has articles cannot be deleted.</summary>
[Authorize(Policy = Policies.Editors)]
[Route(BasePath)]
public sealed class CategoriesController(PortalDbContext db, SiteChromeEdits chrome) : AdminControllerBase
{
    public const string BasePath = "/quan-tri/chuyen-muc";

    [HttpGet]
    public async Task<IActionResult> Index() =>
        View(await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync());

    [HttpGet("tao")]
    public async Task<IActionResult> Create() =>
        View("Edit", new CategoryFormModel { SortOrder = await SortOrders.NextAsync(db.Categories.Select(c => c.SortOrder)) });

    [HttpPost("tao")]
    public async Task<IActionResult> Create(CategoryFormModel model)
    {
        var category = new Category();
        if (!await ApplyAsync(category, model))
        {
            return View("Edit", model);
        }

        db.Categories.Add(category);
        await chrome.SaveCreatedAsync(category, AuditActions.CategoryCreated, category.Name);
        Flash($"Đã tạo chuyên mục “{category.Name}”.");
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}/sua")]
    public async Task<IActionResult> Edit(int id) =>
        await db.Categories.FindAsync(id) is { } category ? View(CategoryFormModel.From(category)) : NotFound();

    [HttpPost("{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, CategoryFormModel model)
    {
        if (await db.Categories.FindAsync(id) is not { } category)
        {
            return NotFound();
        }

        model.Id = id;
        if (!await ApplyAsync(category, model))
        {
            return View(model);
        }

        await chrome.SaveAsync(AuditActions.CategoryUpdated, nameof(Category), id, category.Name);
        Flash($"Đã lưu chuyên mục “{category.Name}”.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/xoa")]
    public async Task<IActionResult> Delete(int id)
    {
        if (await db.Categories.FindAsync(id) is not { } category)
        {
            return NotFound();
        }

        if (await db.Articles.AnyAsync(a => a.CategoryId == id))
        {
            Flash($"Chuyên mục “{category.Name}” còn bài viết nên không thể xóa. Hãy chuyển các bài sang chuyên mục khác hoặc ẩn chuyên mục khỏi menu.", isError: true);
        }
        else
        {
            db.Categories.Remove(category);
            await chrome.SaveAsync(AuditActions.CategoryDeleted, nameof(Category), id, category.Name);
            Flash($"Đã xóa chuyên mục “{category.Name}”.");
        }

        return RedirectToAction(nameof(Index));
    }

    /// <summary>A category's feed is /rss/{slug}; a slug that a fixed feed already holds would never reach the category.</summary>
    private static readonly string[] ReservedSlugs = [ConsultationUrls.Feed[(PortalUrls.Rss.Length + 1)..]];

    /// <summary>Checks the slug (made from the name when empty, unique, not reserved) and copies the valid form into the category.</summary>
    private async Task<bool> ApplyAsync(Category category, CategoryFormModel model)
    {
        var slug = VietnameseText.Slugify(string.IsNullOrWhiteSpace(model.Slug) ? model.Name : model.Slug);
        if (ModelState.IsValid && string.IsNullOrEmpty(slug))
        {
            ModelState.AddModelError(nameof(model.Slug), "Không tạo được đường dẫn từ tên này.");
        }

        if (ModelState.IsValid && ReservedSlugs.Contains(slug))
        {
            ModelState.AddModelError(nameof(model.Slug), $"Đường dẫn “{slug}” trùng với một địa chỉ cố định của cổng thông tin ({PortalUrls.CategoryFeed(slug)}), hãy chọn đường dẫn khác.");
        }

        if (ModelState.IsValid && await db.Categories.AnyAsync(c => c.Slug == slug && c.Id != model.Id))
        {
            ModelState.AddModelError(nameof(model.Slug), "Đường dẫn này đã được chuyên mục khác dùng.");
        }

        if (!ModelState.IsValid)
        {
            return false;
        }

        category.Name = VietnameseText.ToNfc(model.Name.Trim());
        category.Slug = slug;
        category.Description = string.IsNullOrWhiteSpace(model.Description) ? null : VietnameseText.ToNfc(model.Description.Trim());
        category.SortOrder = model.SortOrder;
        category.ShowInMenu = model.ShowInMenu;
        category.ShowOnHome = model.ShowOnHome;
        return true;
    }
}
