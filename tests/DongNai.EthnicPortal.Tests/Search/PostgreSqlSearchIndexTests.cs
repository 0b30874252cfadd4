using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Persistence;
using DongNai.EthnicPortal.Web.Services.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DongNai.EthnicPortal.Tests.Search;

/// <summary>
/// PostgreSQL's engine: its query keeps the visitor's words in a parameter (checked without a server),
/// and on a real server it returns exactly what the term index returns, in the same order.
/// </summary>
public sealed class PostgreSqlSearchIndexTests
{
    [Fact]
    public void Matching_translates_to_postgresql_with_parameters_only()
    {
        var sql = MatchSql("\"bình đẳng giới\" ' OR 1=1 --", SearchEntryKind.Document);

        Assert.Contains("\"SearchWords\" @@ (plainto_tsquery('simple', @", sql, StringComparison.Ordinal);
        Assert.Contains("\"SearchVector\" @@ (phraseto_tsquery('simple', @", sql, StringComparison.Ordinal);
        Assert.Contains("LIKE", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("1=1", sql.Split("SELECT", 2)[1], StringComparison.Ordinal);
        Assert.DoesNotContain("binh", sql.Split("SELECT", 2)[1], StringComparison.Ordinal);
    }

    /// <summary>
    /// Words without a phrase are matched and counted on the vector without positions, which stays in
    /// the row; the one with positions is TOASTed, and reading it for each of 1,001 counted matches
    /// was most of a common search's time in the database.
    /// </summary>
    [Fact]
    public void Words_without_a_phrase_never_read_the_vector_with_positions()
    {
        foreach (var kind in new SearchEntryKind?[] { null, SearchEntryKind.Article })
        {
            var sql = MatchSql("bình đẳng giới", kind);

            Assert.Contains("\"SearchWords\" @@", sql, StringComparison.Ordinal);
            Assert.DoesNotContain("SearchVector", sql, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Both generated columns hold the same lexemes and markers, after a rebuild and after edits: words
    /// are matched on one and phrases on the other, so any difference would make a phrase match what
    /// its words do not, or the other way round.
    /// </summary>
    [Fact]
    public async Task The_two_vectors_hold_the_same_lexemes_after_a_rebuild_and_edits()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, "Reads PostgreSQL's generated tsvector columns; set PORTAL_TEST_POSTGRES.");
        using var factory = NewFactory();
        await AddArticlesAsync(factory);
        await AssertSameResultsAsync(factory, "binh dang gioi", [null], [1], _ => Task.CompletedTask);
        await factory.WithDbAsync(async db =>
        {
            var article = await db.Articles.OrderBy(a => a.Id).LastAsync();
            article.BodyHtml = article.RenderedBodyHtml = $"<p>{string.Join(' ', Enumerable.Repeat("Đổi mới nội dung", 3000))}</p>";
            await db.SaveChangesAsync();
        });
        await using var scope = factory.Services.CreateAsyncScope();
        var index = scope.ServiceProvider.GetRequiredService<ISearchIndex>();
        Assert.IsType<PostgreSqlSearchIndex>(index);
        var edited = await factory.WithDbAsync(db => db.Articles.OrderBy(a => a.Id).Select(a => a.Id).LastAsync());
        await index.IndexArticleAsync(edited);

        await factory.WithDbAsync(async db =>
        {
            var entries = await db.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM "SearchEntries" """).SingleAsync();
            var same = await db.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM "SearchEntries" WHERE "SearchWords" = strip("SearchVector") AND length("SearchWords") > 0""").SingleAsync();
            var longOnes = await db.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM "SearchEntries" WHERE "SearchWords" @@ '#long'::tsquery AND "SearchVector" @@ '#long'::tsquery""").SingleAsync();
            Assert.True(entries > 80, $"{entries} entries");
            Assert.Equal(entries, same);
            Assert.Equal(1, longOnes);
        });
        var found = await index.QueryAsync(SearchQuery.Parse("\"doi moi noi dung\""), SearchEntryKind.Article, 1);
        Assert.Equal(1, found.Counts[SearchEntryKind.Article]);
    }

    [Theory]
    [InlineData("binh dang gioi")]
    [InlineData("\"binh dang gioi\"")]
    [InlineData("\"gioi binh dang\"")]
    [InlineData("Bình Đẳng")]
    [InlineData("9478")]
    [InlineData("9478/UBND-KGVX")]
    [InlineData("dong nai phu nu")]
    [InlineData("tanhkhong")]
    [InlineData("thủy tanhkhong")]
    public async Task The_tsvector_engine_returns_what_the_term_index_returns(string text)
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, "Compares the two engines that run on PostgreSQL; set PORTAL_TEST_POSTGRES.");
        using var factory = NewFactory();
        await AddArticlesAsync(factory);

        await AssertSameResultsAsync(factory, text, [null, SearchEntryKind.Article, SearchEntryKind.Document, SearchEntryKind.Page], [1, 2], _ => Task.CompletedTask);
    }

    /// <summary>
    /// Past the count limit the newest matches are read in SortKey order, and a phrase is decided by
    /// word positions except in long texts ("#long", over 32,000 characters), where the folded text
    /// decides: one long text holds the phrase past word 16,383, another only its words apart.
    /// </summary>
    [Theory]
    [InlineData("\"binh dang gioi\"")]
    [InlineData("\"gioi binh dang\"")]
    [InlineData("binh dang gioi")]
    public async Task Many_matches_and_long_texts_give_what_the_term_index_gives(string text)
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, "Compares the two engines that run on PostgreSQL; set PORTAL_TEST_POSTGRES.");
        using var factory = NewFactory();
        await factory.WithDbAsync(async db =>
        {
            var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
            var start = DateTime.UtcNow.AddDays(-30);
            db.Articles.AddRange(Enumerable.Range(1, SearchResults.CountLimit + 100).Select(n =>
            {
                var body = n % 3 == 0 ? "Giới bình đẳng ở Đồng Nai" : "Bình đẳng giới ở Đồng Nai";
                var article = TestArticles.New(category.Id, $"Tin số {n}", ArticleStatus.Published, start.AddMinutes(n));
                article.BodyHtml = article.RenderedBodyHtml = $"<p>{body}</p>";
                return article;
            }));
            var filler = string.Join(' ', Enumerable.Repeat("van", 17000));
            var longWithPhrase = TestArticles.New(category.Id, "Bài dài có cụm từ", ArticleStatus.Published, start.AddDays(29));
            longWithPhrase.BodyHtml = longWithPhrase.RenderedBodyHtml = $"<p>{filler} bình đẳng giới</p>";
            var longWordsApart = TestArticles.New(category.Id, "Bài dài có các từ rời", ArticleStatus.Published, start.AddDays(29).AddMinutes(1));
            longWordsApart.BodyHtml = longWordsApart.RenderedBodyHtml = $"<p>bình {filler} đẳng {filler} giới</p>";
            db.Articles.AddRange(longWithPhrase, longWordsApart);
            await db.SaveChangesAsync();
        });

        var shown = await AssertSameResultsAsync(factory, text, [null, SearchEntryKind.Article], [1, 2, 30], async db =>
        {
            await db.Database.ExecuteSqlRawAsync("""ANALYZE "SearchEntries";""");
            Assert.Equal(2, await db.Database.SqlQueryRaw<int>("""SELECT count(*)::int AS "Value" FROM "SearchEntries" WHERE "SearchWords" @@ '#long'::tsquery""").SingleAsync());
        });
        Assert.Equal(2 * 3 * SearchResults.PageSize, shown);
    }

    /// <summary>The SQL of the engine's match for a query, translated for PostgreSQL without a server.</summary>
    private static string MatchSql(string text, SearchEntryKind? kind)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.PostgreSql, "Host=localhost;Database=portal;Username=portal;Password=unused", new StoragePaths(Path.GetTempPath()));
        using var db = new PortalDbContext(options.Options);
        return new PostgreSqlSearchIndex(db, new SearchEntryBuilder(db), TimeProvider.System).Match(SearchQuery.Parse(text), kind, ranked: false, generation: 0).ToQueryString();
    }

    /// <summary>Attachment reading would re-index a seeded document behind the comparison's back.</summary>
    private static PortalFactory NewFactory() => new() { Settings = { ["Portal:AttachmentText:Enabled"] = "false" } };

    /// <summary>
    /// Builds the term index over the articles (the database derives the tsvector of the same entries),
    /// then asks both engines the query on each tab and page: same counts, same results in the same order.
    /// Returns how many results were shown in all.
    /// </summary>
    private static async Task<int> AssertSameResultsAsync(PortalFactory factory, string text, SearchEntryKind?[] kinds, int[] pages, Func<PortalDbContext, Task> beforeQuerying)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var terms = new TermSearchIndex(db, new SearchEntryBuilder(db), time);
        // The term index writes entries and terms; the database derives the tsvector of the same entries.
        // The rebuild runs as another instance would, holding the lease from the start: the application's
        // own worker, which indexes without terms, must not take over a batch.
        var leases = new DatabaseLeases(db, new InstanceIdentity("engine-comparison"), time);
        Assert.True(await leases.TryAcquireAsync(DatabaseLeases.SearchRebuild, SearchIndexRebuild.LeaseDuration, CancellationToken.None));
        await new SearchIndexRebuild(db, terms, new SearchEntryBuilder(db), leases, scope.ServiceProvider.GetRequiredService<ContentChanges>(), time).RunToEndAsync();
        await beforeQuerying(db);
        var tsvector = new PostgreSqlSearchIndex(db, new SearchEntryBuilder(db), time);
        var query = SearchQuery.Parse(text);
        var shown = 0;
        foreach (var kind in kinds)
        {
            foreach (var page in pages)
            {
                var expected = await terms.QueryAsync(query, kind, page);
                var actual = await tsvector.QueryAsync(query, kind, page);
                Assert.Equal(expected.Counts.OrderBy(c => c.Key), actual.Counts.OrderBy(c => c.Key));
                Assert.Equal(expected.Items.Select(i => i.Url), actual.Items.Select(i => i.Url));
                shown += actual.Items.Count;
            }
        }

        return shown;
    }

    /// <summary>Enough matches for two pages and the re-rank window, with phrases in and out of order.</summary>
    private static Task AddArticlesAsync(PortalFactory factory) => factory.WithDbAsync(async db =>
    {
        var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
        var start = DateTime.UtcNow.AddDays(-10);
        string[] bodies =
        [
            "Bình đẳng giới ở Đồng Nai, tanhkhong",
            "Giới bình đẳng và phụ nữ Đồng Nai tanhkhong",
            "Thủy lợi tanhkhong bình đẳng giới",
            "Công văn 9478 về bình đẳng",
        ];
        db.Articles.AddRange(Enumerable.Range(1, 80).Select(n =>
        {
            var article = TestArticles.New(category.Id, $"Tin thử {n}: {bodies[n % bodies.Length]}", ArticleStatus.Published, start.AddHours(n));
            article.Summary = bodies[(n + 1) % bodies.Length];
            article.BodyHtml = article.RenderedBodyHtml = $"<p>{bodies[n % bodies.Length]}</p>";
            return article;
        }));
        await db.SaveChangesAsync();
    });
}
