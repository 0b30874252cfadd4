using System.Globalization;
using System.Text;
using System.Xml;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Consultations;
using DongNai.EthnicPortal.Web.Services.Formatting;
using DongNai.EthnicPortal.Web.Services.Search;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DongNai.EthnicPortal.Web.Controllers;

/// <summary>/sitemap.xml and /robots.txt for search engines.</summary>
public sealed class SitemapController(PortalDbContext db, TimeProvider time, IOptions<SitemapOptions> options) : Controller
{
    private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [HttpGet("/robots.txt")]
    [OutputCache(PolicyName = CachePolicies.PublicPage)]
    public ContentResult Robots() => Content(
        $"User-agent: *\nDisallow: {PortalUrls.Admin}\n\nSitemap: {PortalUrls.Absolute(Request, "/sitemap.xml")}\n",
        "text/plain; charset=utf-8",
        Encoding.UTF8);

    /// <summary>One file while the site has at most 50,000 URLs; above that an index of parts, <c>?trang=N</c>.</summary>
    [HttpGet("/sitemap.xml")]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Articles, CacheTags.Documents, CacheTags.Consultations])]
    public async Task<IActionResult> Index(string? trang, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var perFile = SitemapPaging.PerFile(options.Value.UrlsPerFile);
        var fixedUrls = await FixedUrlsAsync(now, cancellationToken);
        int[] counts = [fixedUrls.Count, await PublishedArticles(now).CountAsync(cancellationToken), await PublishedDocuments().CountAsync(cancellationToken)];
        var parts = SitemapPaging.PartCount(counts.Sum(c => (long)c), perFile);

        if (trang is null)
        {
            return parts == 1
                ? await XmlAsync(writer => WriteUrlSetAsync(writer, fixedUrls, SitemapPaging.Slices(counts, 1, perFile), now, cancellationToken))
                : await XmlAsync(writer => WriteIndexAsync(writer, parts, fixedUrls.Max(u => u.LastModified)));
        }

        if (!int.TryParse(trang, NumberStyles.None, CultureInfo.InvariantCulture, out var part) || part < 1 || part > parts)
        {
            return NotFound();
        }

        return await XmlAsync(writer => WriteUrlSetAsync(writer, fixedUrls, SitemapPaging.Slices(counts, part, perFile), now, cancellationToken));
    }

    private IQueryable<Article> PublishedArticles(DateTime now) =>
        db.Articles.AsNoTracking().Visible(now);

    private IQueryable<OfficialDocument> PublishedDocuments() => db.OfficialDocuments.AsNoTracking().Where(d => d.IsPublished);

    /// <summary>The home page, the document registry, categories, pages and consultations: few, so always listed in full.</summary>
    private async Task<List<SitemapUrl>> FixedUrlsAsync(DateTime now, CancellationToken cancellationToken)
    {
        var newestByCategory = await PublishedArticles(now)
            .GroupBy(a => a.CategoryId)
            .Select(g => new { CategoryId = g.Key, Newest = g.Max(a => a.PublishedAt) })
            .ToDictionaryAsync(g => g.CategoryId, g => g.Newest, cancellationToken);
        var newestDocument = await PublishedDocuments().MaxAsync(d => (DateTime?)d.UpdatedAt, cancellationToken);
        var newestArticle = newestByCategory.Values.Max();

        List<SitemapUrl> urls = [new(PortalUrls.Home, Latest(newestArticle, newestDocument))];
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.Slug }).ToListAsync(cancellationToken);
        urls.AddRange(categories.Select(c => new SitemapUrl(PortalUrls.Category(c.Slug), newestByCategory.GetValueOrDefault(c.Id))));
        urls.Add(new SitemapUrl(PortalUrls.Documents, newestDocument));
        urls.Add(new SitemapUrl(PortalUrls.OpenData, newestDocument));
        var pages = await db.Pages.AsNoTracking().Where(p => p.IsPublished).OrderBy(p => p.SortOrder).Select(p => new { p.Slug, p.UpdatedAt }).ToListAsync(cancellationToken);
        urls.AddRange(pages.Select(p => new SitemapUrl(PortalUrls.Page(p.Slug), p.UpdatedAt)));
        var consultations = await db.Consultations.AsNoTracking().Where(c => c.IsPublished).OrderByDescending(c => c.OpensAt).ThenByDescending(c => c.Id).Select(c => new { c.Id, c.Slug, c.UpdatedAt }).ToListAsync(cancellationToken);
        if (consultations.Count > 0)
        {
            urls.Add(new SitemapUrl(ConsultationUrls.Index, consultations.Max(c => c.UpdatedAt)));
        }

        urls.AddRange(consultations.Select(c => new SitemapUrl(ConsultationUrls.Show(c.Id, c.Slug), c.UpdatedAt)));
        return urls;
    }

    private static DateTime? Latest(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private async Task WriteUrlSetAsync(XmlWriter writer, List<SitemapUrl> fixedUrls, IReadOnlyList<SitemapSlice> slices, DateTime now, CancellationToken cancellationToken)
    {
        await writer.WriteStartElementAsync(null, "urlset", SitemapNamespace);
        foreach (var slice in slices)
        {
            var urls = slice.Segment switch
            {
                0 => fixedUrls.Skip(slice.Skip).Take(slice.Take).ToList(),
                1 => await PublishedArticles(now).OrderBy(a => a.Id).Skip(slice.Skip).Take(slice.Take)
                    .Select(a => new SitemapUrl(PortalUrls.Article(a.Id, a.Slug), a.UpdatedAt > a.PublishedAt ? a.UpdatedAt : a.PublishedAt))
                    .ToListAsync(cancellationToken),
                _ => await PublishedDocuments().OrderBy(d => d.Id).Skip(slice.Skip).Take(slice.Take)
                    .Select(d => new SitemapUrl(PortalUrls.Document(d.Id, d.Slug), d.UpdatedAt))
                    .ToListAsync(cancellationToken),
            };
            foreach (var url in urls)
            {
                await writer.WriteStartElementAsync(null, "url", SitemapNamespace);
                await writer.WriteElementStringAsync(null, "loc", SitemapNamespace, PortalUrls.Absolute(Request, url.Path));
                if (url.LastModified is { } lastModified)
                {
                    await writer.WriteElementStringAsync(null, "lastmod", SitemapNamespace, VietnamDates.Iso(lastModified));
                }

                await writer.WriteEndElementAsync();
            }
        }

        await writer.WriteEndElementAsync();
    }

    private async Task WriteIndexAsync(XmlWriter writer, int parts, DateTime? lastModified)
    {
        await writer.WriteStartElementAsync(null, "sitemapindex", SitemapNamespace);
        for (var part = 1; part <= parts; part++)
        {
            await writer.WriteStartElementAsync(null, "sitemap", SitemapNamespace);
            await writer.WriteElementStringAsync(null, "loc", SitemapNamespace, PortalUrls.Absolute(Request, "/sitemap.xml?trang=" + part.ToString(CultureInfo.InvariantCulture)));
            if (lastModified is { } date)
            {
                await writer.WriteElementStringAsync(null, "lastmod", SitemapNamespace, VietnamDates.Iso(date));
            }

            await writer.WriteEndElementAsync();
        }

        await writer.WriteEndElementAsync();
    }

    private async Task<FileContentResult> XmlAsync(Func<XmlWriter, Task> write)
    {
        using var buffer = new MemoryStream();
        await using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true, Indent = true }))
        {
            await writer.WriteStartDocumentAsync();
            await write(writer);
            await writer.WriteEndDocumentAsync();
        }

        return File(buffer.ToArray(), "application/xml; charset=utf-8");
    }

    private sealed record SitemapUrl(string Path, DateTime? LastModified);
}
