using System.Text.RegularExpressions;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Articles;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.PublicSite;

/// <summary>The one visibility rule, in ordinary queries and inside the compiled ones of the hottest pages.</summary>
public sealed class PublishedArticlesTests : IDisposable
{
    private static readonly DateTime Now = new(2026, 11, 28, 13, 45, 0, DateTimeKind.Utc);

    private readonly PortalFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [InlineData(DatabaseProvider.SqlServer, "Server=localhost;Database=Portal;User Id=sa;Password=unused;TrustServerCertificate=True")]
    public void The_time_stays_a_parameter_so_one_plan_serves_every_request(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(options, provider, connectionString, new StoragePaths(Path.GetTempPath()));
        using var db = new PortalDbContext(options.Options);

        var sql = db.Articles.Visible(Now).Select(PublishedArticles.Card).ToQueryString();
        var statement = sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];

        Assert.Contains("\"PublishedAt\" <= @", statement.Replace('[', '"').Replace(']', '"'), StringComparison.Ordinal);
        Assert.Contains($"\"Status\" = {(int)ArticleStatus.Published}", statement.Replace('[', '"').Replace(']', '"'), StringComparison.Ordinal);
        Assert.DoesNotContain("2026", statement, StringComparison.Ordinal);
        Assert.DoesNotContain("BodyHtml", statement, StringComparison.Ordinal);
    }

    /// <summary>
    /// The home blocks: one statement however many blocks, each block a seek in the category index; not
    /// ROW_NUMBER() over every published article, which is what EF makes of a correlated Take.
    /// </summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=unused.db", "LIMIT")]
    [InlineData(DatabaseProvider.SqlServer, "Server=localhost;Database=Portal;User Id=sa;Password=unused;TrustServerCertificate=True", "TOP(")]
    [InlineData(DatabaseProvider.PostgreSql, "Host=localhost;Database=portal;Username=portal;Password=unused", "LIMIT")]
    public void The_home_blocks_are_one_statement_of_one_seek_per_category(DatabaseProvider provider, string connectionString, string limit)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(options, provider, connectionString, new StoragePaths(Path.GetTempPath()));
        using var db = new PortalDbContext(options.Options);

        var sql = PublishedArticles.NewestInCategories(db, Now, [3, 1, 2], 5).ToQueryString();
        var statement = sql[sql.IndexOf("SELECT", StringComparison.Ordinal)..];

        Assert.Equal(2, Regex.Count(statement, "UNION ALL"));
        Assert.Equal(3, Regex.Count(statement, Regex.Escape(limit)));
        Assert.DoesNotContain("ROW_NUMBER", statement, StringComparison.Ordinal);
        Assert.DoesNotContain("BodyHtml", statement, StringComparison.Ordinal);
        Assert.DoesNotContain("2026", statement, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Category_queries_list_and_count_only_what_is_published_and_due()
    {
        var (categoryId, ids) = await factory.WithDbAsync(async db =>
        {
            var category = new Category { Name = "Chuyên mục truy vấn biên dịch", Slug = "chuyen-muc-truy-van-bien-dich", SortOrder = 99 };
            db.Categories.Add(category);
            await db.SaveChangesAsync();
            var articles = new[]
            {
                TestArticles.New(category.Id, "Tin cũ nhất", ArticleStatus.Published, Now.AddDays(-3)),
                TestArticles.New(category.Id, "Tin thứ hai", ArticleStatus.Published, Now.AddDays(-2)),
                TestArticles.New(category.Id, "Tin mới nhất", ArticleStatus.Published, Now.AddDays(-1)),
                TestArticles.New(category.Id, "Tin nháp", ArticleStatus.Draft, Now.AddDays(-1)),
                TestArticles.New(category.Id, "Tin đã gỡ", ArticleStatus.Withdrawn, Now.AddDays(-1)),
                TestArticles.New(category.Id, "Tin ngày mai", ArticleStatus.Published, Now.AddDays(1)),
            };
            db.Articles.AddRange(articles);
            await db.SaveChangesAsync();
            return (category.Id, articles.Select(a => a.Id).ToArray());
        });

        var (count, page, withoutNewest, secondPage) = await factory.WithDbAsync(async db => (
            (await PublishedArticles.CountsByCategory(db, Now).ToListAsync()).Single(c => c.CategoryId == categoryId).Count,
            await PublishedArticles.InCategory(db, Now, categoryId, 0, 0, 10).ToCardsAsync(),
            await PublishedArticles.InCategory(db, Now, categoryId, ids[2], 0, 10).ToCardsAsync(),
            await PublishedArticles.InCategory(db, Now, categoryId, 0, 2, 2).ToCardsAsync()));

        Assert.Equal(3, count);
        Assert.Equal(["Tin mới nhất", "Tin thứ hai", "Tin cũ nhất"], page.Select(c => c.Title));
        Assert.Equal(["Tin thứ hai", "Tin cũ nhất"], withoutNewest.Select(c => c.Title));
        Assert.Equal(["Tin cũ nhất"], secondPage.Select(c => c.Title));
    }
}
