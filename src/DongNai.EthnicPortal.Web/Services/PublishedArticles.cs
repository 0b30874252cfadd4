using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Models;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Web.Services;

/// <summary>The public view of articles: only what is published and due, listed without bodies.</summary>
public static class PublishedArticles
{
    public static IQueryable<Article> Visible(this IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(a => a.Status == ArticleStatus.Published && a.PublishedAt <= nowUtc);

    /// <summary>Projects to list cards: the columns a list shows and the cover's file data, never the body.</summary>
    public static async Task<List<ArticleCard>> ToCardsAsync(this IQueryable<Article> articles, CancellationToken cancellationToken = default)
    {
        var rows = await articles
            .Select(a => new CardRow(
                a.Id,
                a.Title,
                a.Slug,
                a.Summary,
                a.PublishedAt!.Value,
                a.CoverImageId == null ? null : new CoverRow(a.CoverImage!.StoredName, a.CoverImage.ContentType, a.CoverImage.VariantWidths, a.CoverImage.Width, a.CoverImage.Height, a.CoverImage.AltText)))
            .ToListAsync(cancellationToken);
        return rows.Select(r => new ArticleCard(r.Id, r.Title, r.Slug, r.Summary, r.PublishedAt, r.Cover?.ToImage())).ToList();
    }

    public sealed record CoverRow(string StoredName, string ContentType, string VariantWidths, int Width, int Height, string AltText)
    {
        public ImageModel ToImage() => MediaImages.Image(StoredName, ContentType, VariantWidths, Width, Height, AltText);
    }

    private sealed record CardRow(int Id, string Title, string Slug, string Summary, DateTime PublishedAt, CoverRow? Cover);
}
