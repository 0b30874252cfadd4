using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Web.Areas.Admin.Models;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Lists;
using DongNai.EthnicPortal.Web.Services.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Areas.Admin.Controllers;

/// <summary>The append-only audit log, read-only here, filtered by action, user and Vietnam-local dates.</summary>
[Authorize(Policy = Policies.Administrators)]
[Route("quan-tri/nhat-ky")]
public sealed class AuditController(PortalDbContext db) : AdminControllerBase
{
    private const int PageSize = 50;

    [HttpGet]
    public async Task<IActionResult> Index(string? kind, string? user, DateOnly? from, DateOnly? to, int page = 1)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(kind))
        {
            query = query.Where(e => e.Action == kind);
        }

        if (AdminSearch.Term(user) is { } term)
        {
            query = query.Where(e => e.UserNameFolded.Contains(term));
        }

        if (from is { } start)
        {
            var startUtc = VietnamTime.StartOfDayUtc(start);
            query = query.Where(e => e.At >= startUtc);
        }

        if (to is { } end)
        {
            var endUtc = VietnamTime.StartOfDayUtc(end.AddDays(1));
            query = query.Where(e => e.At < endUtc);
        }

        var (rows, slice) = await query
            .OrderByDescending(e => e.Id)
            .Select(e => new AuditRow(e.At, e.UserName, e.Action, e.EntityType, e.EntityId, e.Details, e.IpAddress))
            .PageAsync(page, PageSize);
        var actions = await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync();
        return View(new AuditListView(rows, actions, kind, user, from, to, slice.Number, slice.PageCount, slice.TotalCount));
    }
}
