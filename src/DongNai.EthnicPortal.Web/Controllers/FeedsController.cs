using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Controllers;

/// <summary>RSS 2.0 feeds of the newest published articles, overall and per category.</summary>
public sealed class FeedsController(PortalDbContext db, TimeProvider time) : Controller
{
    public const int ItemCount = 50;
    public const string ContentType = "application/rss+xml; charset=utf-8";

    // The same name the layout puts in every page title.
    private const string SiteTitle = "Ban Dân tộc tỉnh Đồng Nai";

    [HttpGet("/rss")]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Articles])]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var items = await ItemsAsync(null, cancellationToken);
        return Feed(SiteTitle, PortalUrls.Home, $"Tin tức mới nhất của {SiteTitle}.", PortalUrls.Rss, items);
    }

    [HttpGet("/rss/{slug}")]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Articles])]
    public async Task<IActionResult> Category(string slug, CancellationToken cancellationToken)
    {
        // Stored in lower case, compared so on every provider (SQL Server's collation would ignore the case anyway).
        var lowerSlug = slug.ToLowerInvariant();
        var category = await db.Categories.AsNoTracking()
            .Where(c => c.Slug == lowerSlug)
            .Select(c => new { c.Id, c.Name, c.Slug, c.Description })
            .FirstOrDefaultAsync(cancellationToken);
        if (category is null)
        {
            return NotFound();
        }

        var items = await ItemsAsync(category.Id, cancellationToken);
        return Feed(
            $"{category.Name} – {SiteTitle}",
            PortalUrls.Category(category.Slug),
            string.IsNullOrWhiteSpace(category.Description) ? $"Tin bài chuyên mục {category.Name} của {SiteTitle}." : category.Description,
            PortalUrls.CategoryFeed(category.Slug),
            items);
    }

    private async Task<List<FeedItem>> ItemsAsync(int? categoryId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var articles = db.Articles.AsNoTracking().Visible(now);
        if (categoryId is { } id)
        {
            articles = articles.Where(a => a.CategoryId == id);
        }

        return await articles
            .OrderByDescending(a => a.PublishedAt)
            .ThenByDescending(a => a.Id)
            .Take(ItemCount)
            .Select(a => new FeedItem(
                a.Id,
                a.Title,
                a.Slug,
                a.Summary,
                a.PublishedAt!.Value,
                a.Category.Name,
                a.AuthorByline,
                a.CoverImage == null ? null : new FeedImage(a.CoverImage.StoredName, a.CoverImage.ContentType, a.CoverImage.SizeBytes)))
            .ToListAsync(cancellationToken);
    }

    private FileContentResult Feed(string title, string link, string description, string selfPath, List<FeedItem> items)
    {
        var feed = new SyndicationFeed(title, description, new Uri(PortalUrls.Absolute(Request, link)))
        {
            Language = "vi",
            Copyright = new TextSyndicationContent(SiteTitle),
            LastUpdatedTime = VietnamOffset(items.Count == 0 ? time.GetUtcNow().UtcDateTime : items.Max(i => i.PublishedAt)),
            Items = items.Select(Item).ToList(),
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(PortalUrls.Absolute(Request, selfPath)), "application/rss+xml"));
        return File(Rss20(feed), ContentType);
    }

    /// <summary>RSS 2.0 as UTF-8 without a byte order mark.</summary>
    public static byte[] Rss20(SyndicationFeed feed)
    {
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            new Rss20FeedFormatter(feed, serializeExtensionsAsAtom: true).WriteTo(writer);
        }

        return buffer.ToArray();
    }

    /// <summary>Dates in a feed carry the Vietnam offset, as readers there expect: "Wed, 20 Sep 2023 08:00:00 +0700".</summary>
    public static DateTimeOffset VietnamOffset(DateTime utc) =>
        new(Data.Text.VietnamTime.ToLocal(utc), Data.Text.VietnamTime.Zone.GetUtcOffset(utc));

    private SyndicationItem Item(FeedItem article)
    {
        var url = new Uri(PortalUrls.Absolute(Request, PortalUrls.Article(article.Id, article.Slug)));
        var item = new SyndicationItem(article.Title, article.Summary, url)
        {
            Id = url.AbsoluteUri,
            PublishDate = VietnamOffset(article.PublishedAt),
        };
        item.Categories.Add(new SyndicationCategory(article.CategoryName));
        if (!string.IsNullOrWhiteSpace(article.Author))
        {
            item.ElementExtensions.Add("creator", "http://purl.org/dc/elements/1.1/", article.Author);
        }

        if (article.Cover is { } cover && MediaExtension(cover.ContentType) is { } extension)
        {
            var imageUrl = new Uri(PortalUrls.Absolute(Request, PortalUrls.Media(cover.StoredName + extension)));
            item.Links.Add(SyndicationLink.CreateMediaEnclosureLink(imageUrl, cover.ContentType, cover.SizeBytes));
        }

        return item;
    }

    /// <summary>The file extension under which the media library serves an image type.</summary>
    private static string? MediaExtension(string contentType) => contentType switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        "image/gif" => ".gif",
        _ => null,
    };

    private sealed record FeedImage(string StoredName, string ContentType, long SizeBytes);

    private sealed record FeedItem(int Id, string Title, string Slug, string Summary, DateTime PublishedAt, string CategoryName, string Author, FeedImage? Cover);
}
