using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Controllers;

/// <summary>The agency's static pages, which Decree 42/2022 requires: introduction, contact and the English page.</summary>
public sealed class PagesController(PortalDbContext db) : Controller
{
    [HttpGet("/gioi-thieu")]
    [OutputCache(PolicyName = CachePolicies.PublicPage)]
    public Task<IActionResult> Introduction(CancellationToken cancellationToken) => ShowAsync(Page.IntroductionSlug, "Show", cancellationToken);

    [HttpGet("/lien-he")]
    [OutputCache(PolicyName = CachePolicies.PublicPage)]
    public Task<IActionResult> Contact(CancellationToken cancellationToken) => ShowAsync(Page.ContactSlug, "Contact", cancellationToken);

    [HttpGet("/en/about")]
    [OutputCache(PolicyName = CachePolicies.PublicPage)]
    public Task<IActionResult> EnglishAbout(CancellationToken cancellationToken) => ShowAsync(Page.EnglishAboutSlug, "EnglishAbout", cancellationToken);

    private async Task<IActionResult> ShowAsync(string slug, string view, CancellationToken cancellationToken)
    {
        HttpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(CacheTags.Page(slug));
        var page = await db.Pages.AsNoTracking()
            .Where(p => p.Slug == slug && p.IsPublished)
            .Select(p => new StaticPageViewModel(p.Slug, p.Title, p.BodyHtml, p.Language, p.UpdatedAt))
            .FirstOrDefaultAsync(cancellationToken);
        return page is null ? NotFound() : View(view, page);
    }
}
