using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>Shows the size of the search index and lets an administrator rebuild it from the published content.</summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class SearchIndexController(PortalDbContext db, ISearchIndex index, AuditLog audit, ContentChanges changes) : AdminControllerBase
{
    [HttpGet("/quan-tri/chi-muc-tim-kiem")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var counts = await db.SearchEntries.AsNoTracking()
            .GroupBy(e => e.Kind)
            .Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Kind, g => g.Count, cancellationToken);
        return View(new SearchIndexModel(
            counts.GetValueOrDefault(SearchEntryKind.Article),
            counts.GetValueOrDefault(SearchEntryKind.Document),
            counts.GetValueOrDefault(SearchEntryKind.Page)));
    }

    [HttpPost("/quan-tri/chi-muc-tim-kiem/xay-dung-lai")]
    public async Task<IActionResult> Rebuild(CancellationToken cancellationToken)
    {
        var count = await index.RebuildAsync(cancellationToken);
        await audit.WriteAsync(AuditActions.SearchIndexRebuilt, "SearchIndex", details: $"Xây dựng lại chỉ mục tìm kiếm: {count} mục.");
        await changes.SearchIndexRebuiltAsync(cancellationToken);
        Flash($"Đã xây dựng lại chỉ mục tìm kiếm với {count} mục.");
        return RedirectToAction(nameof(Index));
    }
}
