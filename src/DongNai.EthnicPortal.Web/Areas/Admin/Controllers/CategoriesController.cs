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

/// <summary>News categories, ordered as they appear in the menu.</summary>
[Authorize(Policy = Policies.Editors)]
[Route("quan-tri/chuyen-muc")]
public sealed class CategoriesController(PortalDbContext db, ContentChanges changes, AuditLog audit) : AdminControllerBase
{
    [HttpGet]
    public async Task<IActionResult> Index() =>
        View(await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Name).ToListAsync());

    [HttpGet("tao")]
    public async Task<IActionResult> Create() =>
        View("Edit", new CategoryFormModel { SortOrder = (await db.Categories.MaxAsync(c => (int?)c.SortOrder) ?? 0) + 1 });

    [HttpPost("tao")]
    public async Task<IActionResult> Create(CategoryFormModel model)
    {
        var category = new Category();
        if (!await ApplyAsync(category, model))
        {
            return View("Edit", model);
        }

        db.Categories.Add(category);
        await audit.SaveCreatedAsync(category, AuditActions.CategoryCreated, category.Name);
        await changes.SiteChromeChangedAsync();
        Flash($"Đã tạo chuyên mục “{category.Name}”.");
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}/sua")]
    public async Task<IActionResult> Edit(int id)
    {
        var category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
        if (category is null)
        {
            return NotFound();
        }

        return View(new CategoryFormModel
        {
            Id = category.Id,
            Name = category.Name,
            Slug = category.Slug,
            Description = category.Description,
            SortOrder = category.SortOrder,
            ShowInMenu = category.ShowInMenu,
            ShowOnHome = category.ShowOnHome,
        });
    }

    [HttpPost("{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, CategoryFormModel model)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id);
        if (category is null)
        {
            return NotFound();
        }

        model.Id = id;
        if (!await ApplyAsync(category, model))
        {
            return View(model);
        }

        audit.Add(AuditActions.CategoryUpdated, nameof(Category), id, category.Name);
        await db.SaveChangesAsync();
        await changes.SiteChromeChangedAsync();
        Flash($"Đã lưu chuyên mục “{category.Name}”.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/xoa")]
    public async Task<IActionResult> Delete(int id)
    {
        var category = await db.Categories.FirstOrDefaultAsync(c => c.Id == id);
        if (category is null)
        {
            return NotFound();
        }

        if (await db.Articles.AnyAsync(a => a.CategoryId == id))
        {
            Flash($"Chuyên mục “{category.Name}” còn bài viết nên không thể xóa. Hãy chuyển các bài sang chuyên mục khác hoặc ẩn chuyên mục khỏi menu.", isError: true);
            return RedirectToAction(nameof(Index));
        }

        db.Categories.Remove(category);
        audit.Add(AuditActions.CategoryDeleted, nameof(Category), id, category.Name);
        await db.SaveChangesAsync();
        await changes.SiteChromeChangedAsync();
        Flash($"Đã xóa chuyên mục “{category.Name}”.");
        return RedirectToAction(nameof(Index));
    }

    private async Task<bool> ApplyAsync(Category category, CategoryFormModel model)
    {
        var slug = VietnameseText.Slugify(string.IsNullOrWhiteSpace(model.Slug) ? model.Name : model.Slug);
        if (ModelState.IsValid && string.IsNullOrEmpty(slug))
        {
            ModelState.AddModelError(nameof(model.Slug), "Không tạo được đường dẫn từ tên này.");
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
