using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Html;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>Static pages such as Giới thiệu, Liên hệ and the English page.</summary>
[Authorize(Policy = Policies.Editors)]
[Route(BasePath)]
public sealed class PagesController(PortalDbContext db, PortalHtmlSanitizer sanitizer, ContentChanges changes, AuditLog audit, PageAutosaves autosaves, TimeProvider time) : AdminControllerBase
{
    public const string BasePath = "/quan-tri/trang";

    /// <summary>Pages the public URL map links to directly; they can be edited or hidden but not deleted.</summary>
    private static readonly string[] FixedSlugs = [Page.IntroductionSlug, Page.ContactSlug, Page.EnglishAboutSlug];

    [HttpGet]
    public async Task<IActionResult> Index() =>
        View(await db.Pages.AsNoTracking().OrderBy(p => p.Language).ThenBy(p => p.SortOrder).ToListAsync());

    /// <param name="draft">A never-saved draft of this person to show in the form (its "Khôi phục" link).</param>
    [HttpGet("tao")]
    public async Task<IActionResult> Create([FromQuery(Name = "ban-nhap")] Guid? draft)
    {
        var model = new PageFormModel { DraftKey = Guid.NewGuid() };
        var shown = draft is { } key ? await autosaves.UnsavedAsync(key, CurrentUserId) : null;
        if (shown is not null)
        {
            PageAutosaves.Apply(model, shown);
        }

        model.Autosave = AutosaveNotice.For("trang", null) with { Drafts = await autosaves.UnsavedAsync(CurrentUserId), ShownDraft = shown?.DraftKey };
        return View("Edit", model);
    }

    [HttpPost("tao")]
    [RichTextForm]
    public async Task<IActionResult> Create(PageFormModel model)
    {
        var page = new Page();
        if (!await ApplyAsync(page, model))
        {
            return View("Edit", model);
        }

        db.Pages.Add(page);
        await audit.SaveCreatedAsync(page, AuditActions.PageCreated, page.Title);
        await autosaves.AdoptUnsavedAsync(model.DraftKey, CurrentUserId, page);
        await changes.PageChangedAsync(page.Id);
        Flash($"Đã tạo trang “{page.Title}”.");
        return RedirectToAction(nameof(Edit), new { id = page.Id });
    }

    [HttpGet("{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, [FromQuery(Name = "tu-dong-luu")] bool recoverAutosave)
    {
        var page = await db.Pages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
        if (page is null)
        {
            return NotFound();
        }

        var model = PageFormModel.From(page);
        if (await autosaves.NewerThanPageAsync(page, CurrentUserId) is { } autosave)
        {
            if (recoverAutosave)
            {
                PageAutosaves.Apply(model, autosave);
            }

            model.Autosave = AutosaveNotice.For("trang", id) with { Offer = new AutosaveOffer(autosave.SavedAt, recoverAutosave, autosave.BaseVersion != page.Version) };
        }

        return View(model);
    }

    [HttpPost("{id:int}/sua")]
    [RichTextForm]
    public async Task<IActionResult> Edit(int id, PageFormModel model)
    {
        var page = await db.Pages.FirstOrDefaultAsync(p => p.Id == id);
        if (page is null)
        {
            return NotFound();
        }

        model.Id = id;
        db.Entry(page).Property(p => p.Version).OriginalValue = model.Version;
        if (!await ApplyAsync(page, model))
        {
            return View(model);
        }

        audit.Add(AuditActions.PageUpdated, nameof(Page), id, page.Title);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictViewAsync(model);
        }

        await changes.PageChangedAsync(id);
        Flash($"Đã lưu trang “{page.Title}”.");
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>Someone saved the page after this form was loaded: the form again, with what was typed and the new version.</summary>
    private async Task<IActionResult> ConflictViewAsync(PageFormModel model)
    {
        ModelState.AddModelError("", "Trang này vừa được người khác lưu trong lúc bạn sửa, nên thay đổi của bạn chưa được lưu. Nội dung bạn nhập vẫn còn dưới đây; hãy mở trang ở thẻ khác để xem bản mới nhất rồi quyết định.");
        db.ChangeTracker.Clear();
        ModelState.Remove(nameof(model.Version));
        model.Version = await db.Pages.AsNoTracking().Where(p => p.Id == model.Id).Select(p => p.Version).FirstAsync();
        Response.StatusCode = StatusCodes.Status409Conflict;
        model.BodyHtml = sanitizer.Sanitize(model.BodyHtml);
        return View(model);
    }

    [HttpPost("{id:int}/xoa")]
    public async Task<IActionResult> Delete(int id)
    {
        var page = await db.Pages.FirstOrDefaultAsync(p => p.Id == id);
        if (page is null)
        {
            return NotFound();
        }

        if (FixedSlugs.Contains(page.Slug))
        {
            Flash($"Trang “{page.Title}” là trang cố định của cổng thông tin nên không thể xóa; bạn có thể ẩn trang.", isError: true);
            return RedirectToAction(nameof(Index));
        }

        db.Pages.Remove(page);
        audit.Add(AuditActions.PageDeleted, nameof(Page), id, page.Title);
        await db.SaveChangesAsync();
        await changes.PageChangedAsync(id);
        Flash($"Đã xóa trang “{page.Title}”.");
        return RedirectToAction(nameof(Index));
    }

    private async Task<bool> ApplyAsync(Page page, PageFormModel model)
    {
        if (model.Language is not ("vi" or "en"))
        {
            ModelState.AddModelError(nameof(model.Language), "Ngôn ngữ không hợp lệ.");
        }

        // The fixed pages keep their slugs, since the URL map points at them.
        var slug = FixedSlugs.Contains(page.Slug) ? page.Slug : VietnameseText.Slugify(string.IsNullOrWhiteSpace(model.Slug) ? model.Title : model.Slug);
        if (ModelState.IsValid && string.IsNullOrEmpty(slug))
        {
            ModelState.AddModelError(nameof(model.Slug), "Không tạo được đường dẫn từ tiêu đề này.");
        }

        if (ModelState.IsValid && await db.Pages.AnyAsync(p => p.Slug == slug && p.Id != model.Id))
        {
            ModelState.AddModelError(nameof(model.Slug), "Đường dẫn này đã được trang khác dùng.");
        }

        if (!ModelState.IsValid)
        {
            // The form goes back with the body as the sanitizer would store it, never as posted.
            model.BodyHtml = sanitizer.Sanitize(model.BodyHtml);
            return false;
        }

        page.Title = VietnameseText.ToNfc(model.Title.Trim());
        page.Slug = slug;
        page.BodyHtml = sanitizer.Sanitize(model.BodyHtml);
        page.Language = model.Language;
        page.SortOrder = model.SortOrder;
        page.ShowInMenu = model.ShowInMenu;
        page.IsPublished = model.IsPublished;
        page.UpdatedAt = time.GetUtcNow().UtcDateTime;
        return true;
    }
}
