using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services.Consultations;
using DongNai.EthnicPortal.Web.Services.Lists;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Controllers;

/// <summary>
/// The public list of consultations: open ones first (closing soonest first), then upcoming ones, then
/// closed and concluded ones. One page may span two groups, so each group is counted and paged on its own.
/// </summary>
public static class ConsultationListQuery
{
    public const int PageSize = 20;

    public static async Task<ConsultationListModel> LoadAsync(PortalDbContext db, int requestedPage, DateTime now, CancellationToken cancellationToken)
    {
        var published = db.Consultations.AsNoTracking().Where(c => c.IsPublished);
        IQueryable<Consultation>[] groups =
        [
            published.Where(c => c.ConcludedAt == null && c.OpensAt <= now && c.ClosesAt > now).OrderBy(c => c.ClosesAt).ThenBy(c => c.Id),
            published.Where(c => c.ConcludedAt == null && c.OpensAt > now).OrderBy(c => c.OpensAt).ThenBy(c => c.Id),
            published.Where(c => c.ConcludedAt != null || c.ClosesAt <= now).OrderByDescending(c => c.ClosesAt).ThenByDescending(c => c.Id),
        ];

        var counts = new int[groups.Length];
        for (var i = 0; i < groups.Length; i++)
        {
            counts[i] = await groups[i].CountAsync(cancellationToken);
        }

        var page = PageSlice.Clamped(requestedPage, PageSize, counts.Sum());
        var items = new List<ConsultationListItem>();
        var skip = page.Skip;
        for (var i = 0; i < groups.Length && items.Count < PageSize; i++)
        {
            if (skip >= counts[i])
            {
                skip -= counts[i];
                continue;
            }

            items.AddRange(await ItemsAsync(groups[i].Skip(skip).Take(PageSize - items.Count), now, cancellationToken));
            skip = 0;
        }

        return new ConsultationListModel(items, page.Number, page.PageCount, page.TotalCount);
    }

    private static async Task<IEnumerable<ConsultationListItem>> ItemsAsync(IQueryable<Consultation> slice, DateTime now, CancellationToken cancellationToken)
    {
        var rows = await slice
            .Select(c => new { c.Id, c.Title, c.Slug, c.DraftingUnit, c.OpensAt, c.ClosesAt, c.ConcludedAt })
            .ToListAsync(cancellationToken);
        return rows.Select(c => new ConsultationListItem(c.Id, c.Title, c.Slug, c.DraftingUnit, c.OpensAt, c.ClosesAt,
            ConsultationLifecycle.StageAt(true, c.OpensAt, c.ClosesAt, c.ConcludedAt, now), now));
    }
}
