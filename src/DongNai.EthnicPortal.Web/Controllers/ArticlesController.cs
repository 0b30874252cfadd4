using System.Globalization;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Controllers;

public sealed class ArticlesController(PortalDbContext db, TimeProvider time) : Controller
{
    private const int OtherCount = 10;

    private static readonly Func<PortalDbContext, DateTime, int, CancellationToken, Task<ArticleRow?>> ById =
        EF.CompileAsyncQuery((PortalDbContext db, DateTime nowUtc, int id, CancellationToken _) =>
            db.Articles.Visible(nowUtc)
                .Where(a => a.Id == id)
                .Select(a => new ArticleRow(
                    a.Id,
                    a.Title,
                    a.Slug,
                    a.Summary,
                    a.RenderedBodyHtml,
                    a.AuthorByline,
                    a.PublishedAt!.Value,
                    a.UpdatedAt,
                    a.CategoryId,
                    a.Category.Name,
                    a.Category.Slug,
                    a.CoverImageCaption,
                    a.CoverImageId == null ? null : new PublishedArticles.CoverRow(a.CoverImage!.StoredName, a.CoverImage.ContentType, a.CoverImage.VariantWidths, a.CoverImage.WebpWidths, a.CoverImage.Width, a.CoverImage.Height, a.CoverImage.AltText)))
                .FirstOrDefault());

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
        var article = await ById(db, now, id, cancellationToken);
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

        var others = await PublishedArticles.InCategory(db, now, article.CategoryId, article.Id, 0, OtherCount)
            .ToCardsAsync(cancellationToken);

        return View(article.ToViewModel(others));
    }

    /// <summary>The id is whatever follows the last hyphen; the slug before it is only decoration.</summary>
    public static int? ParseId(string slugAndId)
    {
        var digits = slugAndId[(slugAndId.LastIndexOf('-') + 1)..];
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
    }

    private sealed record ArticleRow(
        int Id,
        string Title,
        string Slug,
        string Summary,
        string RenderedBodyHtml,
        string AuthorByline,
        DateTime PublishedAt,
        DateTime UpdatedAt,
        int CategoryId,
        string CategoryName,
        string CategorySlug,
        string? CoverImageCaption,
        PublishedArticles.CoverRow? Cover)
    {
        public ArticleViewModel ToViewModel(List<ArticleCard> others)
        {
            var cover = Cover?.ToImage();
            // Editors often place the cover inside the body as a captioned figure; showing it twice would be noise.
            var coverInBody = cover is not null && RenderedBodyHtml.Contains(cover.Url, StringComparison.Ordinal);
            return new ArticleViewModel(Id, Title, Slug, Summary, RenderedBodyHtml, AuthorByline, PublishedAt, UpdatedAt, CategoryName, CategorySlug, cover, CoverImageCaption, coverInBody, others);
        }
    }
}
