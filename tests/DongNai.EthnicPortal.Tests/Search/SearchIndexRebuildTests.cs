using System.Net;
using System.Text.Json;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Audit;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Persistence;
using DongNai.EthnicPortal.Web.Services.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DongNai.EthnicPortal.Tests.Search;

/// <summary>
/// "Xây dựng lại chỉ mục" runs in the background, one instance at a time, beside the index readers
/// use: search answers from the old index until the switch, changes made meanwhile reach the new one,
/// and a rebuild whose instance stopped is carried on by another once its lease has expired.
/// </summary>
public sealed class SearchIndexRebuildTests
{
    private const string PageUrl = "/quan-tri/chi-muc-tim-kiem";
    private const string RebuildUrl = "/quan-tri/chi-muc-tim-kiem/xay-dung-lai";

    [Fact]
    public async Task Search_answers_from_the_old_index_while_another_instance_rebuilds_and_this_one_takes_over_when_it_stops()
    {
        using var factory = new PortalFactory();
        factory.Settings["Portal:OutputCache:Enabled"] = "false";
        var admin = factory.CreateBrowserClient();
        await admin.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var published = await factory.WithDbAsync(async db =>
            await db.Articles.CountAsync(a => a.Status == ArticleStatus.Published && a.PublishedAt != null) + await db.OfficialDocuments.CountAsync(d => d.IsPublished) + await db.Pages.CountAsync(p => p.IsPublished));

        // Another instance of the farm holds the rebuild's lease, as if it were in the middle of a batch.
        await using (var other = OtherInstance(factory))
        {
            Assert.True(await other.Leases.TryAcquireAsync(DatabaseLeases.SearchRebuild, TimeSpan.FromHours(1), CancellationToken.None));
        }

        var response = await admin.PostFormAsync(PageUrl, RebuildUrl, []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var running = await admin.GetStringAsync(new Uri(PageUrl, UriKind.Relative));
        Assert.Contains("Đang xây dựng lại chỉ mục", running, StringComparison.Ordinal);
        Assert.Contains("<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>", running, StringComparison.Ordinal);
        Assert.Contains($"Đã xử lý 0 / {published} mục (0%).", running, StringComparison.Ordinal);
        Assert.Contains($"bởi {PortalFactory.AdminEmail}.", running, StringComparison.Ordinal);
        Assert.DoesNotContain("<button type=\"submit\">Xây dựng lại chỉ mục</button>", running, StringComparison.Ordinal);

        // Half of a new index stands beside the old one: readers still see every kind, each item once.
        var building = Assert.NotNull(await BuildingAsync(factory));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<ISearchIndex>().AddBatchAsync(building, SearchEntryKind.Article, 0, SearchIndexRebuild.BatchSize)).Count > 0);
        }

        Assert.Contains("Công văn số 9478/UBND-KGVX", await TitlesAsync(factory, "9478"));
        var articleId = await RetitleFirstArticleAsync(factory, "Tin chimcanhcut đổi tên trong lúc xây dựng");
        Assert.Equal(["Tin chimcanhcut đổi tên trong lúc xây dựng"], await TitlesAsync(factory, "chimcanhcut"));
        await factory.WithDbAsync(async db => Assert.True(await db.SearchEntries.AnyAsync(e => e.Generation == building && e.Kind == SearchEntryKind.Article && e.EntityId == articleId && e.Title.Contains("chimcanhcut"))));

        // This instance may not start a second rebuild, nor work on the first while the other holds it.
        var again = await admin.PostFormAsync(PageUrl, RebuildUrl, []);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("Chỉ mục đang được xây dựng lại", await admin.GetStringAsync(new Uri(PageUrl, UriKind.Relative)), StringComparison.Ordinal);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.False(await scope.ServiceProvider.GetRequiredService<SearchIndexRebuild>().ContinueAsync(audited: true));
        }

        var progress = JsonDocument.Parse(await admin.GetStringAsync(new Uri(PageUrl + "/tien-do", UriKind.Relative))).RootElement;
        Assert.True(progress.GetProperty("running").GetBoolean());
        Assert.Equal(0, progress.GetProperty("done").GetInt32());
        Assert.Equal(published, progress.GetProperty("total").GetInt32());

        // The other instance stops: once its lease has expired, this instance's worker carries the rebuild through.
        await factory.WithDbAsync(db => db.BackgroundLeases.Where(l => l.Name == DatabaseLeases.SearchRebuild)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ExpiresAt, DateTime.UtcNow.AddMinutes(-1))));
        await WaitForAuditedFinishAsync(factory);

        await factory.WithDbAsync(async db =>
        {
            Assert.Equal(published, await db.SearchEntries.CountAsync());
            Assert.False(await db.SearchEntries.AnyAsync(e => e.Generation != building));
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == AuditActions.SearchIndexRebuilt);
            Assert.Equal(PortalFactory.AdminEmail, audit.UserName);
        });
        Assert.Equal(["Tin chimcanhcut đổi tên trong lúc xây dựng"], await TitlesAsync(factory, "chimcanhcut"));
        Assert.Contains("Công văn số 9478/UBND-KGVX", await TitlesAsync(factory, "9478"));
        var finished = await admin.GetStringAsync(new Uri(PageUrl, UriKind.Relative));
        Assert.Contains($"chỉ mục có {published} mục.", finished, StringComparison.Ordinal);
        Assert.Contains("Hoàn tất lúc ", finished, StringComparison.Ordinal);
        Assert.DoesNotContain("http-equiv=\"refresh\"", finished, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_two_instances_starting_a_rebuild_at_once_one_starts_it()
    {
        using var factory = new PortalFactory();
        await using var first = OtherInstance(factory);
        await using var second = OtherInstance(factory);
        // Held from the start: this app's own worker polls too, and would otherwise take up the rebuild between the steps below.
        Assert.True(await first.Leases.TryAcquireAsync(DatabaseLeases.SearchRebuild, TimeSpan.FromHours(1), CancellationToken.None));
        var started = await Task.WhenAll(first.Rebuild.StartAsync("a@example.vn"), second.Rebuild.StartAsync("b@example.vn"));
        Assert.Single(started, true);
        Assert.NotNull(await BuildingAsync(factory));

        // Each batch renews the lease; only its holder moves the rebuild on, and the other waits.
        Assert.True(await first.Leases.TryAcquireAsync(DatabaseLeases.SearchRebuild, TimeSpan.FromHours(1), CancellationToken.None));
        Assert.False(await second.Rebuild.ContinueAsync(audited: false));
        Assert.Equal(0, await factory.WithDbAsync(db => db.SearchIndexStates.Select(s => s.EntriesDone).SingleAsync()));
        Assert.True(await first.Rebuild.ContinueAsync(audited: false));
        Assert.Null(await BuildingAsync(factory));
    }

    [Fact]
    public async Task An_article_withdrawn_while_its_batch_is_written_does_not_reach_the_new_index()
    {
        using var factory = new PortalFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var appDb = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var articleId = await appDb.Articles.Where(a => a.Status == ArticleStatus.Published).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var building = await SearchGenerations.ActiveAsync(appDb, CancellationToken.None) + 1;

        // The batch has read the article; just before its entries are saved, an editor withdraws it.
        var withdraw = new BeforeSavingEntry(articleId, async () =>
        {
            await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == articleId).ExecuteUpdateAsync(set => set.SetProperty(a => a.Status, ArticleStatus.Draft)));
            await using var editor = factory.Services.CreateAsyncScope();
            await editor.ServiceProvider.GetRequiredService<ContentChanges>().ArticleStatusChangedAsync(articleId);
        });
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(options, TestDatabase.IsPostgreSql ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite, appDb.Database.GetConnectionString(), new StoragePaths(factory.StorageRoot));
        options.AddInterceptors(withdraw);
        await using var batchDb = new PortalDbContext(options.Options);
        var engine = (ISearchIndex)Activator.CreateInstance(scope.ServiceProvider.GetRequiredService<ISearchIndex>().GetType(), batchDb, new SearchEntryBuilder(batchDb), TimeProvider.System)!;

        var batch = await engine.AddBatchAsync(building, SearchEntryKind.Article, 0, SearchIndexRebuild.BatchSize);

        Assert.True(withdraw.Fired);
        Assert.True(batch.Count > 1);
        Assert.False(await appDb.SearchEntries.AnyAsync(e => e.Generation == building && e.Kind == SearchEntryKind.Article && e.EntityId == articleId));
        Assert.Equal(batch.Count - 1, await appDb.SearchEntries.CountAsync(e => e.Generation == building && e.Kind == SearchEntryKind.Article));
    }

    /// <summary>Runs an action once, when a context is about to save the search entry of one article.</summary>
    private sealed class BeforeSavingEntry(int articleId, Func<Task> action) : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
    {
        public bool Fired { get; private set; }

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
            Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (!Fired && eventData.Context!.ChangeTracker.Entries<SearchEntry>().Any(e => e.State == EntityState.Added && e.Entity.Kind == SearchEntryKind.Article && e.Entity.EntityId == articleId))
            {
                Fired = true;
                await action();
            }

            return result;
        }
    }

    private static async Task<int?> BuildingAsync(PortalFactory factory) =>
        await factory.WithDbAsync(db => db.SearchIndexStates.Select(s => s.BuildingGeneration).SingleAsync());

    /// <summary>
    /// Until the rebuild's audit entry is written: readers switch first, the old generation is dropped
    /// after that, and the audit comes last, so the switch alone may still leave the old entries.
    /// </summary>
    private static async Task WaitForAuditedFinishAsync(PortalFactory factory)
    {
        // The worker looks every PollInterval; bounded so that a rebuild that never finishes fails the test.
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await BuildingAsync(factory) is not null
            || !await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditActions.SearchIndexRebuilt)))
        {
            Assert.True(DateTime.UtcNow < deadline, "The rebuild was not taken over and finished.");
            await Task.Delay(200);
        }
    }

    private static async Task<int> RetitleFirstArticleAsync(PortalFactory factory, string title)
    {
        var id = await factory.WithDbAsync(async db =>
        {
            var article = await db.Articles.OrderBy(a => a.Id).FirstAsync(a => a.Status == ArticleStatus.Published);
            article.Title = title;
            await db.SaveChangesAsync();
            return article.Id;
        });
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ContentChanges>().ArticleChangedAsync(id);
        return id;
    }

    private static Task<List<string>> TitlesAsync(PortalFactory factory, string query) =>
        SearchIndexLifecycleTests.TitlesAsync(factory, query);

    /// <summary>A second instance sharing the database: its own lease holder, the same index engine.</summary>
    private static Instance OtherInstance(PortalFactory factory)
    {
        var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();
        var leases = new DatabaseLeases(db, new InstanceIdentity("other"), TimeProvider.System);
        var rebuild = new SearchIndexRebuild(db, services.GetRequiredService<ISearchIndex>(), services.GetRequiredService<SearchEntryBuilder>(), leases, services.GetRequiredService<ContentChanges>(), TimeProvider.System);
        return new Instance(scope, leases, rebuild);
    }

    private sealed record Instance(AsyncServiceScope Scope, DatabaseLeases Leases, SearchIndexRebuild Rebuild) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Scope.DisposeAsync();
    }
}
