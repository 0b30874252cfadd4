using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Admin;

/// <summary>
/// The admin article search: a substring of the folded title or summary, counted exactly up to the
/// limit and as "more than" beyond it, read from its own index. A database of its own, because it
/// stores more than a thousand articles.
/// </summary>
public sealed class AdminArticleSearchTests : IDisposable
{
    private static readonly DateTime Base = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly PortalFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task A_search_counts_exactly_under_the_limit_and_matches_title_or_summary_without_diacritics()
    {
        var categoryId = await factory.FirstCategoryIdAsync();
        await factory.WithDbAsync(async db =>
        {
            var byTitle = TestArticles.New(categoryId, "Hội thảo về Quỹ Tương Trợ Đắk Lua", ArticleStatus.Draft, null);
            var bySummary = TestArticles.New(categoryId, "Tin không có từ khóa trong tiêu đề", ArticleStatus.Published, Base);
            bySummary.Summary = "Buổi gặp mặt của quỹ tương trợ Đắk Lua năm nay";
            var neither = TestArticles.New(categoryId, "Tin khác hẳn", ArticleStatus.Draft, null);
            neither.Summary = "Quỹ khác, Đắk Lua";
            foreach (var (article, minutes) in new[] { (byTitle, 1), (bySummary, 2), (neither, 3) })
            {
                article.UpdatedAt = Base.AddMinutes(minutes);
            }

            db.Articles.AddRange(byTitle, bySummary, neither);
            await db.SaveChangesAsync();
        });
        var editor = await factory.SignedInAsync(Roles.Editor);

        var page = await editor.GetDocumentAsync("/quan-tri/bai-viet?q=" + Uri.EscapeDataString("QUY TUONG TRO DAK LUA"));

        Assert.Equal(["Tin không có từ khóa trong tiêu đề", "Hội thảo về Quỹ Tương Trợ Đắk Lua"], page.Texts("table.data tbody td:first-child a"));
        Assert.Contains("2 bài viết.", page.Texts("p"));
        Assert.DoesNotContain(page.Texts("p"), text => text.StartsWith("Hơn", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_search_past_the_limit_says_more_than_a_thousand_and_pages_to_fifty()
    {
        var categoryId = await factory.FirstCategoryIdAsync();
        await factory.WithDbAsync(async db =>
        {
            // 1,001 matches, article i last changed i minutes after Base: the newest is "Bài 1001".
            var articles = Enumerable.Range(1, 1001).Select(i =>
            {
                var article = TestArticles.New(categoryId, $"Bài {i}", ArticleStatus.Draft, null);
                article.Summary = "Chương trình giới hạn đếm thử nghiệm";
                article.UpdatedAt = Base.AddMinutes(i);
                return article;
            });
            db.Articles.AddRange(articles);
            await db.SaveChangesAsync();
        });
        var editor = await factory.SignedInAsync(Roles.Editor);
        const string List = "/quan-tri/bai-viet?q=gioi+han+dem+thu+nghiem";

        var first = await editor.GetDocumentAsync(List);
        var last = await editor.GetDocumentAsync(List + "&page=50");
        var beyond = await editor.GetDocumentAsync(List + "&page=51");

        Assert.Contains(first.Texts("p"), text => text.StartsWith("Hơn 1.000 bài viết khớp.", StringComparison.Ordinal));
        Assert.Equal("Bài 1001", first.Texts("table.data tbody td:first-child a")[0]);
        Assert.Contains("50", first.Texts(".pager a"));
        Assert.DoesNotContain("51", first.Texts(".pager a"));
        // Page 50 holds matches 981–1,000 newest first; the 1,001st (the oldest, "Bài 1") is past the limit.
        Assert.Equal(Enumerable.Range(2, 20).Reverse().Select(i => $"Bài {i}"), last.Texts("table.data tbody td:first-child a"));
        Assert.Equal(last.Texts("table.data tbody td:first-child a"), beyond.Texts("table.data tbody td:first-child a"));
    }

    [Fact]
    public async Task The_search_page_is_found_in_the_admin_search_index_without_reading_the_articles()
    {
        Assert.SkipUnless(TestDatabase.IsSqlite, "SQLite's query plan; SQL Server and PostgreSQL carry the folded columns as INCLUDE columns (AdminSearchIndexModelTests).");
        var plan = await factory.WithDbAsync(async db =>
        {
            // The shape of ArticleQueries.ListAsync with a search: the page's ids, last changed first.
            var term = "binh dang gioi";
            var ids = db.Articles
                .Where(a => a.TitleFolded.Contains(term) || a.SummaryFolded.Contains(term))
                .OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
                .Skip(20).Take(20)
                .Select(a => a.Id);
            return await ExplainAsync(db, ids);
        });

        Assert.Contains("COVERING INDEX IX_Articles_AdminSearch", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    private static async Task<string> ExplainAsync(PortalDbContext db, IQueryable<int> query)
    {
        await using var command = query.CreateDbCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        await using var reader = await command.ExecuteReaderAsync();
        var details = new List<string>();
        while (await reader.ReadAsync())
        {
            details.Add(reader.GetString(3));
        }

        return string.Join(Environment.NewLine, details);
    }
}
