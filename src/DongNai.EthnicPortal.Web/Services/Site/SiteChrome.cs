using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Services.Caching;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services.Site;

public sealed record MenuItem(string Label, string Url);

public sealed record WebLinkItem(string Name, string Url);

public sealed record SiteInfo(
    string SiteName,
    string GoverningAgency,
    string ResponsiblePerson,
    string ResponsiblePersonTitle,
    string Address,
    string Phone,
    string Email,
    string CopyrightLine,
    string? MapUrl,
    long VisitCounterOffset);

/// <summary>A category that has a block of its own on the home page.</summary>
public sealed record HomeSection(int CategoryId, string Name, string Slug);

public sealed record SiteChromeModel(SiteInfo Site, IReadOnlyList<MenuItem> Menu, IReadOnlyList<WebLinkItem> WebLinks, IReadOnlyList<HomeSection> HomeSections);

/// <summary>
/// What every public page shows around its content (settings, menu and links) and the home page's
/// sections. Read once and kept in memory until <see cref="PublicCache"/> evicts it.
/// </summary>
public sealed class SiteChrome(PortalDbContext db, PublicCache cache)
{
    /// <summary>What pages show when settings are missing or the database cannot be reached.</summary>
    public static readonly SiteChromeModel Fallback = new(
        new SiteInfo("BAN DÂN TỘC TỈNH ĐỒNG NAI", "", "", "", "", "", "", "", null, 0),
        [new MenuItem("Trang chủ", PortalUrls.Home)],
        [],
        []);

    public Task<SiteChromeModel> GetAsync() => cache.GetOrLoadAsync(PublicCopy.SiteChrome, LoadAsync);

    private async Task<SiteChromeModel> LoadAsync()
    {
        var site = await db.SiteSettings.AsNoTracking()
            .Where(s => s.Id == SiteSettings.SingletonId)
            .Select(s => new SiteInfo(s.SiteName, s.GoverningAgency, s.ResponsiblePerson, s.ResponsiblePersonTitle, s.Address, s.Phone, s.Email, s.CopyrightLine, s.MapUrl, s.VisitCounterOffset))
            .FirstOrDefaultAsync()
            ?? Fallback.Site;

        var categories = await db.Categories.AsNoTracking()
            .Where(c => c.ShowInMenu)
            .OrderBy(c => c.SortOrder)
            .Select(c => new MenuItem(c.Name, PortalUrls.Category(c.Slug)))
            .ToListAsync();

        var pages = await db.Pages.AsNoTracking()
            .Where(p => p.ShowInMenu && p.IsPublished && p.Language == "vi")
            .OrderBy(p => p.SortOrder)
            .Select(p => new { p.Title, p.Slug })
            .ToListAsync();

        List<MenuItem> menu = [new("Trang chủ", "/")];
        menu.AddRange(pages.Where(p => p.Slug == Page.IntroductionSlug).Select(p => new MenuItem(p.Title, PortalUrls.Page(p.Slug))));
        menu.AddRange(categories);
        menu.Add(new MenuItem("Văn bản", PortalUrls.Documents));
        menu.AddRange(pages.Where(p => p.Slug != Page.IntroductionSlug).Select(p => new MenuItem(p.Title, PortalUrls.Page(p.Slug))));

        var links = await db.WebLinks.AsNoTracking()
            .Where(l => l.IsVisible)
            .OrderBy(l => l.SortOrder)
            .Select(l => new WebLinkItem(l.Name, l.Url))
            .ToListAsync();

        var homeSections = await db.Categories.AsNoTracking()
            .Where(c => c.ShowOnHome)
            .OrderBy(c => c.SortOrder)
            .Select(c => new HomeSection(c.Id, c.Name, c.Slug))
            .ToListAsync();

        return new SiteChromeModel(site, menu, links, homeSections);
    }
}
