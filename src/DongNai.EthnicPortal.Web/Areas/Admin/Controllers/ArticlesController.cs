using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services;
using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Media;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>Writing, reviewing and publishing news articles; the rules live in <see cref="ArticleWorkflow"/>.</summary>
public sealed class ArticlesController(
    PortalDbContext db,
    PortalHtmlSanitizer sanitizer,
    ContentChanges changes,
    AuditLog audit,
    UserManager<PortalUser> users,
    TimeProvider time) : AdminControllerBase
{
    private const int PageSize = 20;

    [HttpGet]
    public async Task<IActionResult> Index(ArticleStatus? status, int? categoryId, string? authorId, string? q, int page = 1)
    {
        var actor = Actor;
        var query = db.Articles.AsNoTracking();
        if (!actor.IsEditor)
        {
            query = query.Where(a => a.CreatedById == actor.UserId);
        }
        else if (!string.IsNullOrEmpty(authorId))
        {
            query = query.Where(a => a.CreatedById == authorId);
        }

        if (status is not null)
        {
            query = query.Where(a => a.Status == status);
        }

        if (categoryId is not null)
        {
            query = query.Where(a => a.CategoryId == categoryId);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = VietnameseText.ToNfc(q.Trim());
            query = query.Where(a => a.Title.Contains(term) || a.Summary.Contains(term));
        }

        var total = await query.CountAsync();
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await query
            .OrderByDescending(a => a.UpdatedAt)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(a => new ArticleRow(
                a.Id,
                a.Title,
                a.Status,
                a.Category.Name,
                db.Users.Where(u => u.Id == a.CreatedById).Select(u => u.DisplayName).FirstOrDefault(),
                a.UpdatedAt,
                a.PublishAt))
            .ToListAsync();

        var authors = actor.IsEditor
            ? await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new SelectListItem(u.DisplayName, u.Id, u.Id == authorId)).ToListAsync()
            : [];
        return View(new ArticleListView(rows, status, categoryId, authorId, q, page, pageCount, total, await CategoryItemsAsync(categoryId), authors));
    }

    [HttpGet]
    public async Task<IActionResult> Create()
    {
        var user = await users.GetUserAsync(User);
        var form = new ArticleFormModel { AuthorByline = user?.DisplayName ?? "" };
        return View("Edit", await EditorViewAsync(form, null));
    }

    [HttpPost]
    [RichTextForm]
    public async Task<IActionResult> Create(ArticleFormModel form)
    {
        await ValidateReferencesAsync(form);
        if (!ModelState.IsValid)
        {
            return View("Edit", await EditorViewAsync(form, null));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var article = new Article { Status = ArticleStatus.Draft, CreatedAt = now, CreatedById = CurrentUserId };
        await ApplyAsync(article, form, now);
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        audit.Add("ArticleCreated", nameof(Article), article.Id, article.Title);
        await db.SaveChangesAsync();
        await changes.ArticleChangedAsync(article.Id);
        Flash("Đã tạo bản nháp bài viết.");
        return RedirectToAction(nameof(Edit), new { id = article.Id });
    }

    [HttpGet]
    public async Task<IActionResult> Edit(int id)
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

        return View(await EditorViewAsync(ArticleFormModel.From(article), article));
    }

    [HttpPost]
    [RichTextForm]
    public async Task<IActionResult> Edit(int id, ArticleFormModel form)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id);
        if (article is null)
        {
            return NotFound();
        }

        if (!ArticleWorkflow.CanEdit(article, Actor))
        {
            return Forbid();
        }

        form.Id = id;
        await ValidateReferencesAsync(form);
        if (!ModelState.IsValid)
        {
            return View(await EditorViewAsync(form, article));
        }

        // The version the form was loaded with decides whether someone else saved in between.
        db.Entry(article).Property(a => a.Version).OriginalValue = form.Version;
        if (article.Version != form.Version)
        {
            return await ConflictViewAsync(form, article);
        }

        var now = time.GetUtcNow().UtcDateTime;
        await ApplyAsync(article, form, now);
        audit.Add("ArticleSaved", nameof(Article), article.Id, article.Title);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var stored = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id);
            return stored is null ? NotFound() : await ConflictViewAsync(form, stored);
        }

        await changes.ArticleChangedAsync(article.Id);
        Flash(article.Status == ArticleStatus.Published ? "Đã lưu bài viết. Trang công khai đã được cập nhật." : "Đã lưu bài viết.");
        return RedirectToAction(nameof(Edit), new { id });
    }

    [HttpGet]
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
            cover is null ? null : ImageStore.Url(cover),
            cover is null ? null : ImageStore.SrcSet(cover),
            cover?.AltText,
            article.CoverImageCaption,
            article.Status);
        return View(model);
    }

    [HttpPost]
    public async Task<IActionResult> Submit(int id)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id);
        if (article is null)
        {
            return NotFound();
        }

        if (!ArticleWorkflow.CanSubmit(article, Actor))
        {
            Flash("Chỉ bản nháp của bạn mới có thể gửi duyệt.", isError: true);
            return RedirectToAction(nameof(Edit), new { id });
        }

        article.Status = ArticleStatus.Submitted;
        article.ReviewRemark = null;
        return await TransitionAsync(article, "ArticleSubmitted", null, "Đã gửi bài viết cho biên tập viên duyệt.");
    }

    [HttpPost]
    [Authorize(Policy = Policies.Editors)]
    public async Task<IActionResult> Publish(int id, bool force)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id);
        if (article is null)
        {
            return NotFound();
        }

        var decision = ArticleWorkflow.Approve(article, Actor, force);
        if (decision is not (ApprovalDecision.Allowed or ApprovalDecision.AllowedForced))
        {
            Flash(ArticleWorkflow.ApprovalMessage(decision), isError: true);
            return RedirectToAction(nameof(Edit), new { id });
        }

        var now = time.GetUtcNow().UtcDateTime;
        article.Status = ArticleStatus.Published;
        article.PublishedAt = now;
        article.PublishAt = null;
        article.PublishedById = CurrentUserId;
        article.ReviewRemark = null;
        article.WithdrawnReason = null;
        var forced = decision == ApprovalDecision.AllowedForced;
        return await TransitionAsync(
            article,
            forced ? "ArticlePublishedForced" : "ArticlePublished",
            forced ? "Quản trị viên tự duyệt bài của mình (bắt buộc xuất bản)" : null,
            "Đã xuất bản bài viết. Bài đã hiển thị trên trang công khai.");
    }

    [HttpPost]
    [Authorize(Policy = Policies.Editors)]
    public async Task<IActionResult> Schedule(int id, DateTime? publishAt, bool force)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id);
        if (article is null)
        {
            return NotFound();
        }

        var decision = ArticleWorkflow.Approve(article, Actor, force);
        if (decision is not (ApprovalDecision.Allowed or ApprovalDecision.AllowedForced))
        {
            Flash(ArticleWorkflow.ApprovalMessage(decision), isError: true);
            return RedirectToAction(nameof(Edit), new { id });
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (publishAt is null)
        {
            Flash("Vui lòng chọn ngày giờ xuất bản.", isError: true);
            return RedirectToAction(nameof(Edit), new { id });
        }

        var utc = VietnamTime.ToUtc(publishAt.Value);
        if (utc <= now)
        {
            Flash("Thời điểm lên lịch phải ở tương lai. Muốn đăng ngay, hãy bấm “Xuất bản ngay”.", isError: true);
            return RedirectToAction(nameof(Edit), new { id });
        }

        article.Status = ArticleStatus.Scheduled;
        article.PublishAt = utc;
        article.PublishedAt = null;
        article.PublishedById = CurrentUserId;
        article.ReviewRemark = null;
        article.WithdrawnReason = null;
        var forced = decision == ApprovalDecision.AllowedForced;
        return await TransitionAsync(
            article,
            forced ? "ArticleScheduledForced" : "ArticleScheduled",
            $"Lên lịch lúc {VietnamDates.DateTime(utc)}{(forced ? " (quản trị viên tự duyệt, bắt buộc)" : "")}",
            $"Đã lên lịch xuất bản lúc {VietnamDates.DateTime(utc)}.");
    }

    [HttpPost]
    [Authorize(Policy = Policies.Editors)]
    public Task<IActionResult> Reject(int id, string? remark) => DecideWithReasonAsync(
        id,
        remark,
        "Vui lòng ghi lý do trả lại bài (tối đa 1000 ký tự).",
        ArticleWorkflow.CanReject,
        "Chỉ bài đang chờ duyệt hoặc đã lên lịch mới có thể trả lại.",
        (article, text) =>
        {
            article.Status = ArticleStatus.Draft;
            article.ReviewRemark = text;
        },
        "ArticleRejected",
        "Đã trả bài viết về cho tác giả kèm nhận xét.");

    [HttpPost]
    [Authorize(Policy = Policies.Editors)]
    public Task<IActionResult> Withdraw(int id, string? reason) => DecideWithReasonAsync(
        id,
        reason,
        "Vui lòng ghi lý do gỡ bài (tối đa 1000 ký tự).",
        ArticleWorkflow.CanWithdraw,
        "Chỉ bài đã xuất bản hoặc đã lên lịch mới có thể gỡ.",
        (article, text) =>
        {
            article.Status = ArticleStatus.Withdrawn;
            article.WithdrawnReason = text;
        },
        "ArticleWithdrawn",
        "Đã gỡ bài viết khỏi trang công khai.");

    [HttpPost]
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
        audit.Add("ArticleDeleted", nameof(Article), id, article.Title);
        await db.SaveChangesAsync();
        await changes.ArticleChangedAsync(id);
        Flash($"Đã xóa bài viết “{article.Title}”.");
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
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

    [HttpGet]
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

    [HttpPost]
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
        audit.Add("ArticleRevisionRestored", nameof(Article), article.Id, $"Khôi phục phiên bản #{revision.Id} lưu lúc {VietnamDates.DateTime(revision.SavedAt)}");
        await db.SaveChangesAsync();
        await changes.ArticleChangedAsync(article.Id);
        Flash($"Đã khôi phục phiên bản lưu lúc {VietnamDates.DateTime(revision.SavedAt)}.");
        return RedirectToAction(nameof(Edit), new { id = article.Id });
    }

    /// <summary>An editor's decision that must give a reason (reject, withdraw): it also cancels any schedule.</summary>
    private async Task<IActionResult> DecideWithReasonAsync(
        int id,
        string? reason,
        string reasonMissing,
        Func<Article, ArticleActor, bool> allowed,
        string notAllowed,
        Action<Article, string> apply,
        string action,
        string message)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id);
        if (article is null)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000)
        {
            Flash(reasonMissing, isError: true);
            return RedirectToAction(nameof(Edit), new { id });
        }

        if (!allowed(article, Actor))
        {
            Flash(notAllowed, isError: true);
            return RedirectToAction(nameof(Edit), new { id });
        }

        var text = VietnameseText.ToNfc(reason.Trim());
        article.PublishAt = null;
        apply(article, text);
        return await TransitionAsync(article, action, text, message);
    }

    private async Task<IActionResult> TransitionAsync(Article article, string action, string? details, string message)
    {
        article.UpdatedAt = time.GetUtcNow().UtcDateTime;
        article.UpdatedById = CurrentUserId;
        audit.Add(action, nameof(Article), article.Id, details is null ? article.Title : $"{article.Title} — {details}");
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            Flash("Bài viết vừa được người khác thay đổi. Vui lòng xem lại rồi thao tác lại.", isError: true);
            return RedirectToAction(nameof(Edit), new { id = article.Id });
        }

        await changes.ArticleStatusChangedAsync(article.Id);
        Flash(message);
        return RedirectToAction(nameof(Edit), new { id = article.Id });
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
        return View("Conflict", new ArticleConflictView(mine, ArticleFormModel.From(stored), storedBy, stored.UpdatedAt, await CategoryItemsAsync(null)));
    }

    private async Task<ArticleEditorView> EditorViewAsync(ArticleFormModel form, Article? article)
    {
        var images = await db.MediaFiles.AsNoTracking()
            .OrderByDescending(m => m.UploadedAt)
            .Take(200)
            .Select(m => new SelectListItem($"{m.AltText} ({m.OriginalFileName})", m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Id == form.CoverImageId))
            .ToListAsync();
        ArticleStatusInfo? status = null;
        if (article is not null)
        {
            var actor = Actor;
            var approval = ArticleWorkflow.Approve(article, actor, force: false);
            var forced = ArticleWorkflow.Approve(article, actor, force: true);
            status = new ArticleStatusInfo(
                article.Id,
                article.Status,
                article.ReviewRemark,
                article.WithdrawnReason,
                article.PublishAt,
                article.PublishedAt,
                article.CreatedById == actor.UserId,
                ArticleWorkflow.CanEdit(article, actor),
                ArticleWorkflow.CanSubmit(article, actor),
                approval == ApprovalDecision.Allowed,
                approval == ApprovalDecision.OwnArticle && forced == ApprovalDecision.AllowedForced,
                ArticleWorkflow.CanReject(article, actor),
                ArticleWorkflow.CanWithdraw(article, actor),
                ArticleWorkflow.CanDelete(article, actor),
                PortalUrls.Article(article.Id, article.Slug));
        }

        return new ArticleEditorView(form, await CategoryItemsAsync(form.CategoryId), images, status);
    }

    private async Task<List<SelectListItem>> CategoryItemsAsync(int? selected) =>
        await db.Categories.AsNoTracking()
            .OrderBy(c => c.SortOrder)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Id == selected))
            .ToListAsync();
}
