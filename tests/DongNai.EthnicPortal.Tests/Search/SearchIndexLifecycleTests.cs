using System.Net;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace DongNai.EthnicPortal.Tests.Search;

/// <summary>
/// The index follows the editorial workflow, for the provider's own engine (FTS5 on SQLite, tsvector
/// on PostgreSQL) and for the term table that SQL Server uses, which runs anywhere because it is plain EF.
/// </summary>
public sealed class SearchIndexLifecycleTests
{
    /// <summary>The engines that can run on the test database: FTS5 exists only in SQLite, tsvector only in PostgreSQL.</summary>
    public static TheoryData<string> Engines => TestDatabase.IsSqlite
        ? [nameof(Fts5SearchIndex), nameof(TermSearchIndex)]
        : [nameof(PostgreSqlSearchIndex), nameof(TermSearchIndex)];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Unpublished_articles_never_appear_and_published_ones_do(string engine)
    {
        using var factory = Create(engine, out _);
        await factory.WithDbAsync(async db => Assert.NotEqual(0, await db.SearchEntries.CountAsync()));
        Assert.Contains("Công văn số 9478/UBND-KGVX", await TitlesAsync(factory, "binh dang gioi"));

        var draft = await AddArticleAsync(factory, "Bản nháp quýtxanh chưa duyệt", ArticleStatus.Draft, null);
        var submitted = await AddArticleAsync(factory, "Bài chờ duyệt quýtxanh", ArticleStatus.Submitted, null);
        var scheduled = await AddArticleAsync(factory, "Bài hẹn giờ quýtxanh", ArticleStatus.Scheduled, null, publishAt: DateTime.UtcNow.AddDays(3));
        var withdrawn = await AddArticleAsync(factory, "Bài đã gỡ quýtxanh", ArticleStatus.Withdrawn, DateTime.UtcNow.AddDays(-3));
        var published = await AddArticleAsync(factory, "Bài đã xuất bản quýtxanh", ArticleStatus.Published, DateTime.UtcNow.AddHours(-1));

        Assert.Equal(["Bài đã xuất bản quýtxanh"], await TitlesAsync(factory, "quytxanh"));
        await factory.WithDbAsync(async db =>
        {
            var indexed = await db.SearchEntries.Where(e => e.Kind == SearchEntryKind.Article).Select(e => e.EntityId).ToListAsync();
            Assert.Contains(published, indexed);
            Assert.DoesNotContain(draft, indexed);
            Assert.DoesNotContain(submitted, indexed);
            Assert.DoesNotContain(scheduled, indexed);
            Assert.DoesNotContain(withdrawn, indexed);
        });
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Editing_and_withdrawing_update_the_index(string engine)
    {
        using var factory = Create(engine, out _);
        var id = await AddArticleAsync(factory, "Hội thi đan lát cậpnhật", ArticleStatus.Published, DateTime.UtcNow.AddHours(-1));
        Assert.Equal(["Hội thi đan lát cậpnhật"], await TitlesAsync(factory, "capnhat"));

        await ChangeArticleAsync(factory, id, a =>
        {
            a.Title = "Hội thi dệt thổ cẩm cậpnhật";
            a.Summary = a.Title;
            a.BodyHtml = a.RenderedBodyHtml = "<p>Nội dung đã sửa.</p>";
        });
        Assert.Empty(await TitlesAsync(factory, "dan lat capnhat"));
        Assert.Equal(["Hội thi dệt thổ cẩm cậpnhật"], await TitlesAsync(factory, "det tho cam capnhat"));
        Assert.Equal(["Hội thi dệt thổ cẩm cậpnhật"], await TitlesAsync(factory, "\"det tho cam\" capnhat"));
        Assert.Empty(await TitlesAsync(factory, "\"dan lat\" capnhat"));

        await ChangeArticleAsync(factory, id, a => a.Status = ArticleStatus.Withdrawn);
        Assert.Empty(await TitlesAsync(factory, "capnhat"));

        await factory.WithDbAsync(async db =>
        {
            db.Articles.Remove(await db.Articles.SingleAsync(a => a.Id == id));
            await db.SaveChangesAsync();
        });
        await NotifyAsync(factory, id);
        await factory.WithDbAsync(async db => Assert.False(await db.SearchEntries.AnyAsync(e => e.Kind == SearchEntryKind.Article && e.EntityId == id)));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task An_article_dated_in_the_future_stays_hidden_until_its_time(string engine)
    {
        using var factory = Create(engine, out var clock);
        var now = clock.GetUtcNow().UtcDateTime;
        await AddArticleAsync(factory, "Bài đăng sau hẹngiờ", ArticleStatus.Published, now.AddHours(2));
        Assert.Empty(await TitlesAsync(factory, "hengio"));

        clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(["Bài đăng sau hẹngiờ"], await TitlesAsync(factory, "hengio"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_query_with_diacritics_ranks_the_same_spelling_first(string engine)
    {
        using var factory = Create(engine, out _);
        await AddArticleAsync(factory, "Thi đua bàn giao mô hình quýtđỏ", ArticleStatus.Published, DateTime.UtcNow.AddHours(-2));
        await AddArticleAsync(factory, "Thi đua bán giao mô hình quýtđỏ", ArticleStatus.Published, DateTime.UtcNow.AddHours(-1));

        Assert.Equal("Thi đua bàn giao mô hình quýtđỏ", (await TitlesAsync(factory, "bàn quytdo"))[0]);
        Assert.Equal("Thi đua bán giao mô hình quýtđỏ", (await TitlesAsync(factory, "bán quytdo"))[0]);
        Assert.Equal(2, (await TitlesAsync(factory, "ban quytdo")).Count);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Documents_and_pages_follow_their_published_flag(string engine)
    {
        using var factory = Create(engine, out _);
        var documentId = await factory.WithDbAsync(db => db.OfficialDocuments.Where(d => d.NumberAndSymbol == "9478/UBND-KGVX").Select(d => d.Id).SingleAsync());
        var pageId = await factory.WithDbAsync(db => db.Pages.Where(p => p.Slug == Page.ContactSlug).Select(p => p.Id).SingleAsync());

        await factory.WithDbAsync(async db =>
        {
            (await db.OfficialDocuments.SingleAsync(d => d.Id == documentId)).IsPublished = false;
            (await db.Pages.SingleAsync(p => p.Id == pageId)).IsPublished = false;
            await db.SaveChangesAsync();
        });
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var changes = scope.ServiceProvider.GetRequiredService<ContentChanges>();
            await changes.DocumentChangedAsync(documentId);
            await changes.PageChangedAsync(pageId);
        }

        var titles = await TitlesAsync(factory, "9478");
        Assert.DoesNotContain("Công văn số 9478/UBND-KGVX", titles);
        Assert.DoesNotContain("Liên hệ", await TitlesAsync(factory, "lien he"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Rebuilding_gives_the_same_index(string engine)
    {
        using var factory = Create(engine, out _);
        var before = await factory.WithDbAsync(db => db.SearchEntries.OrderBy(e => e.Kind).ThenBy(e => e.EntityId).Select(e => new { e.Kind, e.EntityId, e.FoldedText }).ToListAsync());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.Equal(before.Count, await scope.ServiceProvider.GetRequiredService<SearchIndexRebuild>().RunToEndAsync());
        }

        var after = await factory.WithDbAsync(db => db.SearchEntries.OrderBy(e => e.Kind).ThenBy(e => e.EntityId).Select(e => new { e.Kind, e.EntityId, e.FoldedText }).ToListAsync());
        Assert.Equal(before, after);
        Assert.Contains("Công văn số 9478/UBND-KGVX", await TitlesAsync(factory, "9478"));
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task A_broad_query_counts_up_to_the_limit_and_lists_the_newest_first(string engine)
    {
        using var factory = Create(engine, out _);
        var start = DateTime.UtcNow.AddDays(-30);
        await factory.WithDbAsync(async db =>
        {
            var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
            db.Articles.AddRange(Enumerable.Range(1, SearchResults.CountLimit + 5).Select(n => new Article
            {
                Title = $"Tin số {n} rộngkhắp",
                Slug = $"tin-so-{n}-rongkhap",
                Summary = "Tóm tắt",
                BodyHtml = "<p>Nội dung</p>",
                RenderedBodyHtml = "<p>Nội dung</p>",
                AuthorByline = "Phóng viên",
                CategoryId = category.Id,
                Status = ArticleStatus.Published,
                PublishedAt = start.AddMinutes(n),
                CreatedAt = start,
                UpdatedAt = start,
            }));
            await db.SaveChangesAsync();
        });
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SearchIndexRebuild>().RunToEndAsync();
        }

        var html = await factory.CreateClient().GetStringAsync(new Uri("/tim-kiem?q=rongkhap&loai=tin-bai&trang=500", UriKind.Relative));
        Assert.Contains("Tìm thấy hơn 1.000 kết quả", html, StringComparison.Ordinal);
        Assert.Contains("Tin bài <span class=\"count\">(hơn 1.000)</span>", html, StringComparison.Ordinal);
        Assert.Contains("aria-current=\"page\" aria-label=\"Trang 100, trang hiện tại\"", html, StringComparison.Ordinal);

        Assert.Equal(
            Enumerable.Range(SearchResults.CountLimit - 14, SearchResults.PageSize).Reverse().Select(n => $"Tin số {n} rộngkhắp"),
            await TitlesAsync(factory, "rongkhap", "&loai=tin-bai&trang=2"));

        var oldest = await factory.WithDbAsync(db => db.Articles.Where(a => a.Slug == "tin-so-1-rongkhap").Select(a => a.Id).SingleAsync());
        await ChangeArticleAsync(factory, oldest, a => a.PublishedAt = DateTime.UtcNow.AddMinutes(-1));
        Assert.Equal("Tin số 1 rộngkhắp", (await TitlesAsync(factory, "rongkhap"))[0]);
    }

    private static PortalFactory Create(string engine, out FakeTimeProvider clock)
    {
        clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var factory = new PortalFactory { Time = clock };

        // Results are checked right after each change and clock move, so nothing may come from the cache.
        factory.Settings["Portal:OutputCache:Enabled"] = "false";
        if (engine == nameof(TermSearchIndex))
        {
            // The provider's own engine is the default; the term table can stand in for it on any provider.
            factory.TestServices.Add(services =>
            {
                services.RemoveAll<ISearchIndex>();
                services.AddScoped<ISearchIndex, TermSearchIndex>();
            });
        }

        return factory;
    }

    private static async Task<int> AddArticleAsync(PortalFactory factory, string title, ArticleStatus status, DateTime? publishedAt, DateTime? publishAt = null)
    {
        var id = await factory.WithDbAsync(async db =>
        {
            var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
            var article = new Article
            {
                Title = title,
                Slug = Data.Text.VietnameseText.Slugify(title),
                Summary = "Tóm tắt: " + title,
                BodyHtml = $"<p>{title}</p>",
                RenderedBodyHtml = $"<p>{title}</p>",
                AuthorByline = "Phóng viên",
                CategoryId = category.Id,
                Status = status,
                PublishedAt = publishedAt,
                PublishAt = publishAt,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article.Id;
        });
        await NotifyAsync(factory, id);
        return id;
    }

    private static async Task ChangeArticleAsync(PortalFactory factory, int id, Action<Article> change)
    {
        await factory.WithDbAsync(async db =>
        {
            change(await db.Articles.SingleAsync(a => a.Id == id));
            await db.SaveChangesAsync();
        });
        await NotifyAsync(factory, id);
    }

    private static async Task NotifyAsync(PortalFactory factory, int articleId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ContentChanges>().ArticleChangedAsync(articleId);
    }

    internal static async Task<List<string>> TitlesAsync(PortalFactory factory, string query, string more = "")
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/tim-kiem?q=" + Uri.EscapeDataString(query) + more, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return SearchPageTests.ResultTitles().Matches(html)
            .Select(m => WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(m.Groups[1].Value, "<[^>]+>", "")))
            .ToList();
    }
}
