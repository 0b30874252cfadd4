using System.Data.Common;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace DongNai.EthnicPortal.Tests.Performance;

/// <summary>
/// An editor's change that commits while a reader's request is rendering the old version: the old
/// page or copy may reach that reader, but must not be kept for the next ones.
/// </summary>
public sealed class StaleRenderTests : IDisposable
{
    private readonly EditDuringRead editDuringRead = new();
    private readonly PortalFactory factory;

    public StaleRenderTests()
    {
        factory = new PortalFactory();
        factory.TestServices.Add(services => services.ConfigureDbContext<PortalDbContext>(options => options.AddInterceptors(editDuringRead)));
    }

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task A_page_read_before_an_edit_and_finished_after_its_eviction_is_not_stored()
    {
        var article = await factory.WithDbAsync(async db =>
        {
            var created = TestArticles.New(await db.Categories.Select(c => c.Id).FirstAsync(), "Tiêu đề trước khi sửa", ArticleStatus.Published, DateTime.UtcNow.AddDays(-1));
            db.Articles.Add(created);
            await db.SaveChangesAsync();
            return created;
        });
        var url = $"/tin-tuc/{article.Slug}-{article.Id}";
        var client = factory.CreateBrowserClient();
        // The first visit sets the visit cookie, and a response that sets a cookie is never stored anyway.
        await client.GetStringAsync("/");

        // The article page reads the row, then the edit commits and evicts, then the page finishes rendering.
        editDuringRead.Arm(async () =>
        {
            await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Title, "Tiêu đề sau khi sửa")));
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ContentChanges>().ArticleChangedAsync(article.Id);
        });
        var during = await client.GetStringAsync(url);
        Assert.True(editDuringRead.Ran, "The edit did not run during the article's read.");
        Assert.Contains("Tiêu đề trước khi sửa", during, StringComparison.Ordinal);

        var after = await client.GetStringAsync(url);
        Assert.Contains("Tiêu đề sau khi sửa", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_copy_loaded_before_an_eviction_and_finished_after_it_is_not_kept()
    {
        var cache = factory.Services.GetRequiredService<PublicCache>();
        var copy = PublicCopy.OpenConsultations;
        var loads = 0;

        async Task<object> LoadEvictedMidwayAsync()
        {
            loads++;
            await cache.EvictAsync(new CacheEviction([], [copy]));
            return new object();
        }

        await cache.GetOrLoadAsync(copy, LoadEvictedMidwayAsync);
        await cache.GetOrLoadAsync(copy, () => { loads++; return Task.FromResult(new object()); });
        await cache.GetOrLoadAsync(copy, () => { loads++; return Task.FromResult(new object()); });

        // The first load was stale, so the second loads again; the third is served from the kept copy.
        Assert.Equal(2, loads);
    }

    /// <summary>Runs an action once, right after the article page's own query has read its row.</summary>
    private sealed class EditDuringRead : DbCommandInterceptor
    {
        private Func<Task>? pending;

        public bool Ran { get; private set; }

        public void Arm(Func<Task> action) => pending = action;

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("RenderedBodyHtml", StringComparison.Ordinal) && Interlocked.Exchange(ref pending, null) is { } action)
            {
                await action();
                Ran = true;
            }

            return result;
        }
    }
}
