using System.Globalization;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Controllers;

public sealed class ArticlesController(PortalDbContext db, TimeProvider time) : Controller
{
    private const int OtherCount = 10;

    [HttpGet("/tin-tuc/{slugAndId}")]
    [OutputCache(PolicyName = CachePolicies.PublicPage, Tags = [CacheTags.Articles])]
    public async Task<IActionResult> Show(string slugAndId, CancellationToken cancellationToken)
    {
        if (ParseId(slugAndId) is not { } id)
        {
            return NotFound();
        }

        HttpContext.Features.Get<IOutputCacheFeature>()?.Context.Tags.Add(CacheTags.Article(id));

        var now = time.GetUtcNow().UtcDateTime;
        var article = await db.Articles.AsNoTracking()
            .Visible(now)
            .Where(a => a.Id == id)
            .Select(a => new
            {
                a.Id,
                a.Title,
                a.Slug,
                a.Summary,
                a.RenderedBodyHtml,
                a.AuthorByline,
                PublishedAt = a.PublishedAt!.Value,
                a.UpdatedAt,
                a.CategoryId,
                CategoryName = a.Category.Name,
                CategorySlug = a.Category.Slug,
                a.CoverImageCaption,
                Cover = a.CoverImageId == null ? null : new PublishedArticles.CoverRow(a.CoverImage!.StoredName, a.CoverImage.ContentType, a.CoverImage.VariantWidths, a.CoverImage.Width, a.CoverImage.Height, a.CoverImage.AltText),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return NotFound();
        }

        var canonical = PortalUrls.Article(article.Id, article.Slug);
        // Case is ignored because the output cache ignores it too: a cached page would answer anyway.
        if (!string.Equals(Request.Path.Value, canonical, StringComparison.OrdinalIgnoreCase))
        {
            return RedirectPermanent(canonical);
        }

        var others = await db.Articles.AsNoTracking()
            .Visible(now)
            .Where(a => a.CategoryId == article.CategoryId && a.Id != article.Id)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Take(OtherCount)
            .ToCardsAsync(cancellationToken);

        var cover = article.Cover?.ToImage();
        // Editors often place the cover inside the body as a captioned figure; showing it twice would be noise.
        var coverInBody = cover is not null && article.RenderedBodyHtml.Contains(cover.Url, StringComparison.Ordinal);

        return View(new ArticleViewModel(
            article.Id,
            article.Title,
            article.Slug,
            article.Summary,
            ArticleBodies.WithLazyImages(article.RenderedBodyHtml),
            article.AuthorByline,
            article.PublishedAt,
            article.UpdatedAt,
            article.CategoryName,
            article.CategorySlug,
            cover,
            article.CoverImageCaption,
            coverInBody,
            others));
    }

    /// <summary>The id is whatever follows the last hyphen; the slug before it is only decoration.</summary>
    public static int? ParseId(string slugAndId)
    {
        var digits = slugAndId[(slugAndId.LastIndexOf('-') + 1)..];
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }
}
