using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
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
[Route(BasePath)]
public sealed class AuditController(PortalDbContext db) : AdminControllerBase
{
    public const string BasePath = "/quan-tri/nhat-ky";

    private const int PageSize = 50;

    [HttpGet]
    public async Task<IActionResult> Index(string? kind, string? user, DateOnly? from, DateOnly? to, int page = 1)
    {
        var (rows, slice) = await Filtered(db.AuditEntries.AsNoTracking(), kind, user, from, to)
            .OrderByDescending(e => e.Id)
            .Select(e => new AuditRow(e.At, e.UserName, e.Action, e.EntityType, e.EntityId, e.Details, e.IpAddress))
            .PageAsync(page, PageSize);
        var actions = await db.AuditEntries.AsNoTracking().Select(e => e.Action).Distinct().OrderBy(a => a).ToListAsync();
        return View(new AuditListView(rows, actions, kind, user, from, to, slice.Number, slice.PageCount, slice.TotalCount));
    }

    /// <summary>The entries of one action code, by a user whose name holds the folded term, between two Vietnam dates (both included).</summary>
    private static IQueryable<AuditEntry> Filtered(IQueryable<AuditEntry> entries, string? kind, string? user, DateOnly? from, DateOnly? to)
    {
        if (!string.IsNullOrWhiteSpace(kind))
        {
            entries = entries.Where(e => e.Action == kind);
        }

        if (AdminSearch.Term(user) is { } term)
        {
            entries = entries.Where(e => e.UserNameFolded.Contains(term));
        }

        if (from is { } start)
        {
            var startUtc = VietnamTime.StartOfDayUtc(start);
            entries = entries.Where(e => e.At >= startUtc);
        }

        if (to is { } end)
        {
            var endUtc = VietnamTime.StartOfDayUtc(end.AddDays(1));
            entries = entries.Where(e => e.At < endUtc);
        }

        return entries;
    }
}
