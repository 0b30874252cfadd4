using System.ServiceModel.Syndication;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Consultations;
using DongNai.EthnicPortal.Web.Services.Formatting;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Controllers;

/// <summary>
/// RSS 2.0 of the published consultations, newest opening first. The literal route outranks
/// <c>/rss/{slug}</c>, so it never reaches the category feed; comments never appear in it.
/// </summary>
public sealed class ConsultationFeedController(PortalDbContext db, TimeProvider time) : Controller
{
    [HttpGet(ConsultationUrls.Feed)]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Consultations])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var items = await db.Consultations.AsNoTracking()
            .Where(c => c.IsPublished)
            .OrderByDescending(c => c.OpensAt).ThenByDescending(c => c.Id)
            .Take(FeedsController.ItemCount)
            .Select(c => new { c.Id, c.Title, c.Slug, c.Summary, c.DraftingUnit, c.OpensAt, c.ClosesAt, c.ConcludedAt })
            .ToListAsync(cancellationToken);

        var feed = new SyndicationFeed("Lấy ý kiến dự thảo – Ban Dân tộc tỉnh Đồng Nai", "Dự thảo văn bản đang và đã lấy ý kiến của Ban Dân tộc tỉnh Đồng Nai.", new Uri(PortalUrls.Absolute(Request, ConsultationUrls.Index)))
        {
            Language = "vi",
            LastUpdatedTime = FeedsController.VietnamOffset(items.Count == 0 ? now : items.Max(i => i.OpensAt)),
            Items = items.Select(c =>
            {
                var url = new Uri(PortalUrls.Absolute(Request, ConsultationUrls.Show(c.Id, c.Slug)));
                var stage = ConsultationLifecycle.Describe(ConsultationLifecycle.StageAt(true, c.OpensAt, c.ClosesAt, c.ConcludedAt, now));
                var summary = $"{c.Summary} ({stage}; thời gian lấy ý kiến từ {VietnamDates.DateTime(c.OpensAt)} đến {VietnamDates.DateTime(c.ClosesAt)}; {c.DraftingUnit})";
                return new SyndicationItem(c.Title, summary, url) { Id = url.AbsoluteUri, PublishDate = FeedsController.VietnamOffset(c.OpensAt) };
            }).ToList(),
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(PortalUrls.Absolute(Request, ConsultationUrls.Feed)), "application/rss+xml"));
        return File(FeedsController.Rss20(feed), FeedsController.ContentType);
    }
}
