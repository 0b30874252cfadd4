using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// Shows the size of the search index and lets an administrator rebuild it from the published
/// content. The rebuild runs in the background (<see cref="SearchIndexRebuildWorker"/>); this page
/// shows its progress, and search answers from the old index until the new one is complete.
/// </summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class SearchIndexController(PortalDbContext db, SearchIndexRebuild rebuild, SearchIndexRebuildWorker worker) : AdminControllerBase
{
    [HttpGet("/quan-tri/chi-muc-tim-kiem")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var generation = await SearchGenerations.ActiveAsync(db, cancellationToken);
        var counts = await db.SearchEntries.AsNoTracking()
            .Where(e => e.Generation == generation)
            .GroupBy(e => e.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Kind, g => g.Count, cancellationToken);
        return View(new SearchIndexModel(
            counts.GetValueOrDefault(SearchEntryKind.Article),
            counts.GetValueOrDefault(SearchEntryKind.Document),
            counts.GetValueOrDefault(SearchEntryKind.Page),
            await rebuild.ProgressAsync(cancellationToken)));
    }

    /// <summary>The progress as JSON, for the page's script to update its bar without reloading.</summary>
    [HttpGet("/quan-tri/chi-muc-tim-kiem/tien-do")]
    public async Task<IActionResult> Progress(CancellationToken cancellationToken)
    {
        var progress = await rebuild.ProgressAsync(cancellationToken);
        return Json(new { running = progress.Running, done = progress.Done, total = progress.Total, percent = progress.Percent, text = SearchIndexModel.ProgressText(progress) });
    }

    [HttpPost("/quan-tri/chi-muc-tim-kiem/xay-dung-lai")]
    public async Task<IActionResult> Rebuild(CancellationToken cancellationToken)
    {
        if (await rebuild.StartAsync(User.Identity?.Name ?? "", cancellationToken))
        {
            worker.Wake();
            Flash("Đã bắt đầu xây dựng lại chỉ mục tìm kiếm. Trong lúc xây dựng, tìm kiếm vẫn trả lời từ chỉ mục cũ.");
        }
        else
        {
            Flash("Chỉ mục đang được xây dựng lại; lần này chưa bắt đầu thêm.");
        }

        return RedirectToAction(nameof(Index));
    }
}
