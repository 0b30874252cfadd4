using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Models;
using DongNai.EthnicPortal.Web.Services.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DongNai.EthnicPortal.Web.Services.Articles;

/// <summary>The public view of articles: only what is published and due, listed without bodies.</summary>
public static class PublishedArticles
{
    // The one visibility rule, kept as an expression so that ordinary and compiled queries share it.
    private static readonly Expression<Func<Article, DateTime, bool>> VisibleAt =
        (article, nowUtc) => article.Status == ArticleStatus.Published && article.PublishedAt <= nowUtc;

    private static readonly MethodInfo VisibleMethod = typeof(PublishedArticles).GetMethod(nameof(Visible))!;

    /// <summary>The columns a list card shows and the cover's file data, never the body.</summary>
    public static readonly Expression<Func<Article, CardRow>> Card = a => new CardRow(
        a.Id,
        a.CategoryId,
        a.Title,
        a.Slug,
        a.Summary,
        a.PublishedAt!.Value,
        a.CoverImageId == null ? null : new CoverRow(a.CoverImage!.StoredName, a.CoverImage.ContentType, a.CoverImage.VariantWidths, a.CoverImage.WebpWidths, a.CoverImage.Width, a.CoverImage.Height, a.CoverImage.AltText));

    /// <summary>
    /// The newest cards of a category, optionally without one article, a page at a time: the home blocks,
    /// category pages and an article's "other news". Compiled because these are the hottest queries.
    /// The page's ids are found first, in the (CategoryId, Status, PublishedAt, Id) index alone, and only
    /// those rows are read: a deep page (500 of a large category) skips ten thousand index entries instead
    /// of ten thousand rows, which PostgreSQL would otherwise each fetch from the table.
    /// </summary>
    public static readonly Func<PortalDbContext, DateTime, int, int, int, int, IAsyncEnumerable<CardRow>> InCategory =
        EF.CompileAsyncQuery((PortalDbContext db, DateTime nowUtc, int categoryId, int excludedId, int skip, int take) =>
            db.Articles
                .Where(a => db.Articles.Visible(nowUtc)
                    .Where(p => p.CategoryId == categoryId && p.Id != excludedId)
                    .OrderByDescending(p => p.PublishedAt).ThenByDescending(p => p.Id)
                    .Skip(skip)
                    .Take(take)
                    .Select(p => p.Id)
                    .Contains(a.Id))
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Select(Card));

    /// <summary>
    /// The newest cards of several categories in one statement, grouped by category in the order asked:
    /// the home blocks. Each category's ids come from a small seek in the (CategoryId, Status,
    /// PublishedAt, Id) index, joined by UNION ALL, then only those rows are read. Neither portable form
    /// of "top N per group" serves here: EF translates a correlated Take to ROW_NUMBER() over every
    /// published article (3.6–17 s on SQLite at 100,000 articles) or, on SQLite, not at all (APPLY).
    /// The statement's text grows with the number of categories, so it is not a compiled query.
    /// </summary>
    public static async Task<ILookup<int, ArticleCard>> NewestInCategoriesAsync(PortalDbContext db, DateTime nowUtc, IReadOnlyList<int> categoryIds, int perCategory, CancellationToken cancellationToken = default)
    {
        var rows = categoryIds.Count == 0 ? [] : await NewestInCategories(db, nowUtc, categoryIds, perCategory).ToListAsync(cancellationToken);
        return rows.ToLookup(r => r.CategoryId, ToCard);
    }

    /// <summary>The statement of <see cref="NewestInCategoriesAsync"/>, newest first; at least one category.</summary>
    public static IQueryable<CardRow> NewestInCategories(PortalDbContext db, DateTime nowUtc, IReadOnlyList<int> categoryIds, int perCategory)
    {
        var ids = categoryIds
            .Select(categoryId => db.Articles.Visible(nowUtc)
                .Where(a => a.CategoryId == categoryId)
                .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                .Take(perCategory)
                .Select(a => a.Id))
            .Aggregate(Queryable.Concat);
        return db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
            .Select(Card);
    }

    /// <summary>The number of visible articles of every category that has one, in one pass over the category index.</summary>
    public static IQueryable<CategoryCount> CountsByCategory(PortalDbContext db, DateTime nowUtc) =>
        db.Articles.Visible(nowUtc)
            .GroupBy(a => a.CategoryId)
            .Select(g => new CategoryCount(g.Key, g.Count()));

    public sealed record CategoryCount(int CategoryId, int Count);

    /// <summary>
    /// Only published articles whose time has come. The time goes in through a box, which EF turns into
    /// a SQL parameter, so one cached plan serves every request.
    /// </summary>
    public static IQueryable<Article> Visible(this IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(VisibleWith(Expression.Field(Expression.Constant(new StrongBox<DateTime>(nowUtc)), nameof(StrongBox<DateTime>.Value))));

    public static async Task<List<ArticleCard>> ToCardsAsync(this IAsyncEnumerable<CardRow> rows, CancellationToken cancellationToken = default) =>
        (await rows.ToListAsync(cancellationToken)).ConvertAll(ToCard);

    private static ArticleCard ToCard(CardRow r) => new(r.Id, r.Title, r.Slug, r.Summary, r.PublishedAt, r.Cover?.ToImage());

    private static Expression<Func<Article, bool>> VisibleWith(Expression nowUtc) =>
        Expression.Lambda<Func<Article, bool>>(
            new ParameterReplacer(VisibleAt.Parameters[1], nowUtc).Visit(VisibleAt.Body),
            VisibleAt.Parameters[0]);

    public sealed record CoverRow(string StoredName, string ContentType, string VariantWidths, string WebpWidths, int Width, int Height, string AltText)
    {
        public ImageModel ToImage() => Media.MediaUrls.Image(StoredName, ContentType, VariantWidths, WebpWidths, Width, Height, AltText);
    }

    public sealed record CardRow(int Id, int CategoryId, string Title, string Slug, string Summary, DateTime PublishedAt, CoverRow? Cover);

    private sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
    }

    /// <summary>
    /// Inside a compiled query <c>Visible(now)</c> and <see cref="Card"/> stay as they are written, and EF
    /// cannot look inside a method or a field; this writes the rule and the projection into the query
    /// before EF translates it. Ordinary queries have already run <c>Visible</c> and pass unchanged.
    /// </summary>
    public sealed class RuleExpander : ExpressionVisitor, IQueryExpressionInterceptor
    {
        public static readonly RuleExpander Instance = new();

        public Expression QueryCompilationStarting(Expression queryExpression, QueryExpressionEventData eventData) => Visit(queryExpression);

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method != VisibleMethod)
            {
                return base.VisitMethodCall(node);
            }

            return Expression.Call(
                typeof(Queryable), nameof(Queryable.Where), [typeof(Article)],
                Visit(node.Arguments[0]),
                Expression.Quote(VisibleWith(Visit(node.Arguments[1]))));
        }

        protected override Expression VisitMember(MemberExpression node) =>
            node is { Expression: null, Member: FieldInfo field } && field.GetValue(null) is LambdaExpression lambda
                ? Expression.Quote(lambda)
                : base.VisitMember(node);

        protected override Expression VisitConstant(ConstantExpression node) =>
            node.Value is LambdaExpression lambda ? Expression.Quote(lambda) : node;
    }
}
