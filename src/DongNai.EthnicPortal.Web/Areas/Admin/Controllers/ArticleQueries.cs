using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Html;
using DongNai.EthnicPortal.Web.Services.Lists;
using DongNai.EthnicPortal.Web.Services.Search;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>The filters of the admin article list.</summary>
public sealed record ArticleListFilter(ArticleStatus? Status, int? CategoryId, string? AuthorId, string? Query);

/// <summary>The view models of the admin article pages: the filtered list and the editor with its workflow buttons.</summary>
public sealed class ArticleQueries(PortalDbContext db, PortalHtmlSanitizer sanitizer, ArticleListCounts listCounts)
{
    private const int PageSize = 20;

    public async Task<ArticleListView> ListAsync(ArticleActor actor, ArticleListFilter filter, int page)
    {
        var query = db.Articles.AsNoTracking();
        if (!actor.IsEditor)
        {
            query = query.Where(a => a.CreatedById == actor.UserId);
        }
        else if (!string.IsNullOrEmpty(filter.AuthorId))
        {
            query = query.Where(a => a.CreatedById == filter.AuthorId);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (filter.CategoryId is { } categoryId)
        {
            query = query.Where(a => a.CategoryId == categoryId);
        }

        var term = AdminSearch.Term(filter.Query);
        if (term is not null)
        {
            query = query.Where(a => a.TitleFolded.Contains(term) || a.SummaryFolded.Contains(term));
        }

        int? keptTotal = term is null ? await listCounts.GetAsync(CountKey(actor, filter), () => query.CountAsync()) : null;
        var (rows, slice) = await query
            .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .PageByIdsAsync(a => a.Id, page, PageSize, ids => db.Articles
                .Where(a => ids.Contains(a.Id))
                .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
                .Select(a => new ArticleRow(
                    a.Id,
                    a.Title,
                    a.Status,
                    a.Category.Name,
                    db.Users.Where(u => u.Id == a.CreatedById).Select(u => u.DisplayName).FirstOrDefault(),
                    a.UpdatedAt,
                    a.PublishAt)),
                // A substring is tested entry by entry (newest first, in the admin search index), so a
                // search stops counting at the limit, as public search does; the other filters count exactly.
                countLimit: term is null ? null : SearchResults.CountLimit,
                knownTotal: keptTotal);

        var authors = actor.IsEditor
            ? await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).Select(u => new SelectListItem(u.DisplayName, u.Id, u.Id == filter.AuthorId)).ToListAsync()
            : [];
        return new ArticleListView(rows, filter.Status, filter.CategoryId, filter.AuthorId, filter.Query, slice.Number, slice.PageCount, slice.TotalCount, slice.MoreThanTotal, await CategoryItemsAsync(filter.CategoryId), authors);
    }

    /// <summary>What the list's total depends on; a search's total is not kept (it stops at a limit, and each search is new).</summary>
    private static string CountKey(ArticleActor actor, ArticleListFilter filter) =>
        string.Join('|', actor.IsEditor ? "*" : actor.UserId, filter.Status, filter.CategoryId, actor.IsEditor ? filter.AuthorId : null);

    public async Task<ArticleEditorView> EditorAsync(ArticleActor actor, ArticleFormModel form, Article? article)
    {
        // A form sent back after a validation error shows the body as the sanitizer would store it, never as posted.
        form.BodyHtml = sanitizer.Sanitize(form.BodyHtml);
        var images = await db.MediaFiles.AsNoTracking()
            .OrderByDescending(m => m.UploadedAt)
            .Take(200)
            .Select(m => new SelectListItem($"{m.AltText} ({m.OriginalFileName})", m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Id == form.CoverImageId))
            .ToListAsync();
        ArticleStatusInfo? status = null;
        if (article is not null)
        {
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

        // A new article autosaves under its form's draft key; a saved one only while this person may edit it.
        var autosave = status is null ? AutosaveNotice.For("bai-viet", null) : status.CanEdit ? AutosaveNotice.For("bai-viet", status.Id) : null;
        return new ArticleEditorView(form, await CategoryItemsAsync(form.CategoryId), images, status, autosave);
    }

    public async Task<List<SelectListItem>> CategoryItemsAsync(int? selected) =>
        await db.Categories.AsNoTracking()
            .OrderBy(c => c.SortOrder)
            .Select(c => new SelectListItem(c.Name, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Id == selected))
            .ToListAsync();
}
