using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Formatting;
using DongNai.EthnicPortal.Web.Services.Html;
using DongNai.EthnicPortal.Web.Services.Media;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>Writing, reviewing and publishing news articles; the rules live in <see cref="ArticleWorkflow"/>.</summary>
[Route(BasePath)]
public sealed class ArticlesController(
    PortalDbContext db,
    PortalHtmlSanitizer sanitizer,
    ContentChanges changes,
    AuditLog audit,
    UserManager<PortalUser> users,
    ArticleQueries queries,
    ArticleAutosaves autosaves,
    TimeProvider time) : AdminControllerBase
{
    public const string BasePath = "/quan-tri/bai-viet";

    [HttpGet]
    public async Task<IActionResult> Index(ArticleStatus? status, int? categoryId, string? authorId, string? q, int page = 1) =>
        View(await queries.ListAsync(Actor, new ArticleListFilter(status, categoryId, authorId, q), page));

    /// <param name="draft">A never-saved draft of this person to show in the form (its "Khôi phục" link).</param>
    [HttpGet("tao")]
    public async Task<IActionResult> Create([FromQuery(Name = "ban-nhap")] Guid? draft)
    {
        var user = await users.GetUserAsync(User);
        var form = new ArticleFormModel { AuthorByline = user?.DisplayName ?? "", DraftKey = Guid.NewGuid() };
        var shown = draft is { } key ? await autosaves.UnsavedAsync(key, CurrentUserId) : null;
        if (shown is not null)
        {
            ArticleAutosaves.Apply(form, shown);
        }

        var notice = AutosaveNotice.For("bai-viet", null) with { Drafts = await autosaves.UnsavedAsync(CurrentUserId), ShownDraft = shown?.DraftKey };
        return View("Edit", await queries.EditorAsync(Actor, form, null) with { Autosave = notice });
    }

    [HttpPost("tao")]
    [RichTextForm]
    public async Task<IActionResult> Create(ArticleFormModel form)
    {
        await ValidateReferencesAsync(form);
        if (!ModelState.IsValid)
        {
            return View("Edit", await queries.EditorAsync(Actor, form, null));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var article = new Article { Status = ArticleStatus.Draft, CreatedAt = now, CreatedById = CurrentUserId };
        await ApplyAsync(article, form, now);
        db.Articles.Add(article);
        await audit.SaveCreatedAsync(article, AuditActions.ArticleCreated, article.Title);
        await autosaves.AdoptUnsavedAsync(form.DraftKey, CurrentUserId, article);
        await changes.ArticleChangedAsync(article.Id);
        Flash("Đã tạo bản nháp bài viết.");
        return RedirectToAction(nameof(Edit), new { id = article.Id });
    }

    [HttpGet("{id:int}/sua")]
    public async Task<IActionResult> Edit(int id, [FromQuery(Name = "tu-dong-luu")] bool recoverAutosave)
    {
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (article is null)
        {
            return NotFound();
        }

        if (!ArticleWorkflow.CanView(article, Actor))
        {
            return Forbid();
        }

        var form = ArticleFormModel.From(article);
        var autosave = ArticleWorkflow.CanEdit(article, Actor) ? await autosaves.NewerThanArticleAsync(article, CurrentUserId) : null;
        if (autosave is not null && recoverAutosave)
        {
            ArticleAutosaves.Apply(form, autosave);
        }

        var view = await queries.EditorAsync(Actor, form, article);
        var offer = autosave is null ? null : new AutosaveOffer(autosave.SavedAt, recoverAutosave, autosave.BaseVersion != article.Version);
        return View(view with { Autosave = view.Autosave is { } notice ? notice with { Offer = offer } : null });
    }

    [HttpPost("{id:int}/sua")]
    [RichTextForm]
    public async Task<IActionResult> Edit(int id, ArticleFormModel form)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id);
        if (article is null || !ArticleWorkflow.CanEdit(article, Actor))
        {
            return article is null ? NotFound() : Forbid();
        }

        form.Id = id;
        await ValidateReferencesAsync(form);
        if (!ModelState.IsValid)
        {
            return View(await queries.EditorAsync(Actor, form, article));
        }

        if (IsStale(article, form))
        {
            return await ConflictViewAsync(form, article);
        }

        await ApplyAsync(article, form, time.GetUtcNow().UtcDateTime);
        audit.Add(AuditActions.ArticleSaved, nameof(Article), article.Id, article.Title);
        if (await SaveOrConflictAsync(form, article) is { } conflict)
        {
            return conflict;
        }

        await changes.ArticleChangedAsync(article.Id);
        Flash(article.Status == ArticleStatus.Published ? "Đã lưu bài viết. Trang công khai đã được cập nhật." : "Đã lưu bài viết.");
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>The version the form was loaded with decides whether someone else saved in between.</summary>
    private bool IsStale(Article article, ArticleFormModel form)
    {
        db.Entry(article).Property(a => a.Version).OriginalValue = form.Version;
        return article.Version != form.Version;
    }

    /// <summary>Saves; when someone saved the article after the check, answers with the conflict view instead.</summary>
    private async Task<IActionResult?> SaveOrConflictAsync(ArticleFormModel form, Article article)
    {
        try
        {
            await db.SaveChangesAsync();
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var stored = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == article.Id);
            return stored is null ? NotFound() : await ConflictViewAsync(form, stored);
        }
    }

    [HttpGet("{id:int}/xem-truoc")]
    public async Task<IActionResult> Preview(int id)
    {
        var article = await db.Articles.AsNoTracking().Include(a => a.Category).Include(a => a.CoverImage).FirstOrDefaultAsync(a => a.Id == id);
        if (article is null)
        {
            return NotFound();
        }

        if (!ArticleWorkflow.CanView(article, Actor))
        {
            return Forbid();
        }

        var cover = article.CoverImage;
        var model = new ArticlePreviewView(
            article.Id,
            article.Title,
            article.Summary,
            article.RenderedBodyHtml.Length > 0 ? article.RenderedBodyHtml : article.BodyHtml,
            article.Category.Name,
            PortalUrls.Category(article.Category.Slug),
            article.AuthorByline,
            article.PublishedAt ?? article.PublishAt ?? article.UpdatedAt,
            cover is null ? null : MediaUrls.Url(cover),
            cover is null ? null : MediaUrls.SrcSet(cover),
            cover?.AltText,
            article.CoverImageCaption,
            article.Status);
        return View(model);
    }

    [HttpPost("{id:int}/gui-duyet")]
    public Task<IActionResult> Submit(int id) => TransitionAsync(id, (article, now) => ArticleWorkflow.Submit(article, Actor, now));

    [HttpPost("{id:int}/xuat-ban")]
    [Authorize(Policy = Policies.Editors)]
    public Task<IActionResult> Publish(int id, bool force) => TransitionAsync(id, (article, now) => ArticleWorkflow.Publish(article, Actor, force, now));

    [HttpPost("{id:int}/hen-gio")]
    [Authorize(Policy = Policies.Editors)]
    public Task<IActionResult> Schedule(int id, DateTime? publishAt, bool force) =>
        TransitionAsync(id, (article, now) => ArticleWorkflow.Schedule(article, Actor, force, publishAt, now));

    [HttpPost("{id:int}/tra-lai")]
    [Authorize(Policy = Policies.Editors)]
    public Task<IActionResult> Reject(int id, string? remark) => TransitionAsync(id, (article, now) => ArticleWorkflow.Reject(article, Actor, remark, now));

    [HttpPost("{id:int}/go-xuong")]
    [Authorize(Policy = Policies.Editors)]
    public Task<IActionResult> Withdraw(int id, string? reason) => TransitionAsync(id, (article, now) => ArticleWorkflow.Withdraw(article, Actor, reason, now));

    [HttpPost("{id:int}/xoa")]
    public async Task<IActionResult> Delete(int id)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id);
        if (article is null)
        {
            return NotFound();
        }

        if (!ArticleWorkflow.CanDelete(article, Actor))
        {
            return Forbid();
        }

        db.Articles.Remove(article);
        audit.Add(AuditActions.ArticleDeleted, nameof(Article), id, article.Title);
        await db.SaveChangesAsync();
        await changes.ArticleChangedAsync(id);
        Flash($"Đã xóa bài viết “{article.Title}”.");
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}/phien-ban")]
    public async Task<IActionResult> Revisions(int id)
    {
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
        if (article is null)
        {
            return NotFound();
        }

        if (!ArticleWorkflow.CanView(article, Actor))
        {
            return Forbid();
        }

        var rows = await db.ArticleRevisions.AsNoTracking()
            .Where(r => r.ArticleId == id)
            .OrderByDescending(r => r.SavedAt).ThenByDescending(r => r.Id)
            .Select(r => new RevisionRow(r.Id, r.SavedAt, r.SavedByName, r.Title))
            .ToListAsync();
        return View(new ArticleRevisionsView(id, article.Title, rows));
    }

    [HttpGet("phien-ban/{id:int}")]
    public async Task<IActionResult> Revision(int id)
    {
        var revision = await db.ArticleRevisions.AsNoTracking().Include(r => r.Article).FirstOrDefaultAsync(r => r.Id == id);
        if (revision is null)
        {
            return NotFound();
        }

        if (!ArticleWorkflow.CanView(revision.Article, Actor))
        {
            return Forbid();
        }

        var category = await db.Categories.AsNoTracking().Where(c => c.Id == revision.CategoryId).Select(c => c.Name).FirstOrDefaultAsync() ?? "";
        return View(new RevisionDetailView(revision, category));
    }

    [HttpPost("phien-ban/{id:int}/khoi-phuc")]
    public async Task<IActionResult> Restore(int id)
    {
        var revision = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id);
        if (revision is null)
        {
            return NotFound();
        }

        var article = await db.Articles.FirstAsync(a => a.Id == revision.ArticleId);
        if (!ArticleWorkflow.CanEdit(article, Actor))
        {
            return Forbid();
        }

        var form = ArticleFormModel.From(article);
        form.Title = revision.Title;
        form.Summary = revision.Summary;
        form.BodyHtml = revision.BodyHtml;
        form.CategoryId = await db.Categories.AnyAsync(c => c.Id == revision.CategoryId) ? revision.CategoryId : article.CategoryId;
        form.CoverImageId = revision.CoverImageId is { } cover && await db.MediaFiles.AnyAsync(m => m.Id == cover) ? cover : null;
        form.CoverImageCaption = revision.CoverImageCaption;
        form.AuthorByline = revision.AuthorByline;

        await ApplyAsync(article, form, time.GetUtcNow().UtcDateTime);
        audit.Add(AuditActions.ArticleRevisionRestored, nameof(Article), article.Id, $"Khôi phục phiên bản #{revision.Id} lưu lúc {VietnamDates.DateTime(revision.SavedAt)}");
        await db.SaveChangesAsync();
        await changes.ArticleChangedAsync(article.Id);
        Flash($"Đã khôi phục phiên bản lưu lúc {VietnamDates.DateTime(revision.SavedAt)}.");
        return RedirectToAction(nameof(Edit), new { id = article.Id });
    }

    /// <summary>Maps a workflow step to HTTP: load, let <see cref="ArticleWorkflow"/> decide and set the fields, save with the audit entry.</summary>
    private async Task<IActionResult> TransitionAsync(int id, Func<Article, DateTime, ArticleTransition> step)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id);
        if (article is null)
        {
            return NotFound();
        }

        var result = step(article, time.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            Flash(result.Message, isError: true);
            return RedirectToAction(nameof(Edit), new { id });
        }

        audit.Add(result.AuditAction!, nameof(Article), article.Id, result.AuditDetails is null ? article.Title : $"{article.Title} — {result.AuditDetails}");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            Flash("Bài viết vừa được người khác thay đổi. Vui lòng xem lại rồi thao tác lại.", isError: true);
            return RedirectToAction(nameof(Edit), new { id });
        }

        await changes.ArticleStatusChangedAsync(article.Id);
        Flash(result.Message);
        return RedirectToAction(nameof(Edit), new { id });
    }

    private async Task ApplyAsync(Article article, ArticleFormModel form, DateTime now)
    {
        article.Title = VietnameseText.ToNfc(form.Title.Trim());
        article.Slug = VietnameseText.Slugify(article.Title);
        article.Summary = VietnameseText.ToNfc((form.Summary ?? "").Trim());
        article.CategoryId = form.CategoryId;
        article.CoverImageId = form.CoverImageId;
        article.CoverImageCaption = string.IsNullOrWhiteSpace(form.CoverImageCaption) ? null : VietnameseText.ToNfc(form.CoverImageCaption.Trim());
        article.AuthorByline = VietnameseText.ToNfc((form.AuthorByline ?? "").Trim());
        article.BodyHtml = sanitizer.Sanitize(form.BodyHtml);

        // The document-link handler re-renders this after the save; until then readers get the plain body.
        article.RenderedBodyHtml = article.BodyHtml;
        if (Actor.IsEditor)
        {
            article.IsFeatured = form.IsFeatured;
        }

        article.UpdatedAt = now;
        article.UpdatedById = CurrentUserId;
        var user = await users.GetUserAsync(User);
        article.Revisions.Add(new ArticleRevision
        {
            Title = article.Title,
            Summary = article.Summary,
            BodyHtml = article.BodyHtml,
            CategoryId = article.CategoryId,
            CoverImageId = article.CoverImageId,
            CoverImageCaption = article.CoverImageCaption,
            AuthorByline = article.AuthorByline,
            SavedAt = now,
            SavedById = CurrentUserId,
            SavedByName = user?.DisplayName ?? User.Identity?.Name,
        });
    }

    private async Task ValidateReferencesAsync(ArticleFormModel form)
    {
        if (form.CategoryId > 0 && !await db.Categories.AnyAsync(c => c.Id == form.CategoryId))
        {
            ModelState.AddModelError(nameof(form.CategoryId), "Chuyên mục không tồn tại.");
        }

        if (form.CoverImageId is { } cover && !await db.MediaFiles.AnyAsync(m => m.Id == cover))
        {
            ModelState.AddModelError(nameof(form.CoverImageId), "Ảnh đại diện không tồn tại trong thư viện.");
        }
    }

    private async Task<IActionResult> ConflictViewAsync(ArticleFormModel mine, Article stored)
    {
        var storedBy = stored.UpdatedById is null ? null : await db.Users.Where(u => u.Id == stored.UpdatedById).Select(u => u.DisplayName).FirstOrDefaultAsync();
        Response.StatusCode = StatusCodes.Status409Conflict;
        mine.BodyHtml = sanitizer.Sanitize(mine.BodyHtml);
        return View("Conflict", new ArticleConflictView(mine, ArticleFormModel.From(stored), storedBy, stored.UpdatedAt, await queries.CategoryItemsAsync(null)));
    }
}
