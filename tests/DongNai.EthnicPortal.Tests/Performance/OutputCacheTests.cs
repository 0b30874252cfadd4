using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
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
/// Which responses come from the output cache, told by whether the request reached the database for
/// content: the visit counter runs before the cache, so only content queries are counted.
/// </summary>
public sealed partial class OutputCacheTests : IDisposable
{
    private readonly ContentQueryCounter counter = new();
    private readonly PortalFactory factory;

    public OutputCacheTests()
    {
        factory = new PortalFactory();
        factory.TestServices.Add(services => services.ConfigureDbContext<PortalDbContext>(options => options.AddInterceptors(counter)));
    }

    public void Dispose() => factory.Dispose();

    [Theory]
    [InlineData("home")]
    [InlineData("category")]
    [InlineData("article")]
    [InlineData("/van-ban")]
    [InlineData("/van-ban?loai=2&nam=2021")]
    [InlineData("/rss")]
    public async Task A_second_anonymous_request_is_served_from_the_output_cache(string target)
    {
        var client = factory.CreateBrowserClient();
        var path = await ResolveAsync(client, target);

        var first = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        counter.Reset();
        var second = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(0, counter.Count);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_different_query_is_a_different_cache_entry()
    {
        var client = factory.CreateBrowserClient();
        await ResolveAsync(client, "home");
        await client.GetAsync("/van-ban?loai=2");
        counter.Reset();

        await client.GetAsync("/van-ban?loai=3");

        Assert.True(counter.Count > 0);
    }

    [Fact]
    public async Task Signed_in_requests_bypass_the_output_cache()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        await client.GetAsync("/");
        await client.GetAsync("/");
        counter.Reset();
        var second = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.True(counter.Count > 0);
    }

    [Fact]
    public async Task Admin_pages_are_never_stored()
    {
        var client = factory.CreateBrowserClient();
        await client.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var response = await client.GetAsync("/quan-tri");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        counter.Reset();
        await client.GetAsync("/quan-tri");
        Assert.True(counter.Count > 0);
    }

    [Fact]
    public async Task Publishing_and_withdrawing_show_at_once_on_home_and_category()
    {
        var client = factory.CreateBrowserClient();
        var categoryPath = await ResolveAsync(client, "category");
        var slug = categoryPath["/chuyen-muc/".Length..];
        var title = "Tin vừa đăng kiểm tra bộ nhớ đệm";

        // Both pages are in the cache before the change.
        Assert.DoesNotContain(title, await client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await client.GetStringAsync(categoryPath), StringComparison.Ordinal);

        var articleId = await factory.WithDbAsync(async db =>
        {
            var categoryId = await db.Categories.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync();
            var now = DateTime.UtcNow.AddMinutes(-1);
            var article = new Article
            {
                Title = title,
                Slug = VietnameseText.Slugify(title),
                Summary = "Tóm tắt tin vừa đăng.",
                BodyHtml = "<p>Nội dung.</p>",
                RenderedBodyHtml = "<p>Nội dung.</p>",
                AuthorByline = "Phóng viên",
                CategoryId = categoryId,
                Status = ArticleStatus.Published,
                PublishAt = now,
                PublishedAt = now,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article.Id;
        });
        await ChangedAsync(articleId);

        Assert.Contains(title, await client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.Contains(title, await client.GetStringAsync(categoryPath), StringComparison.Ordinal);

        await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == articleId)
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, ArticleStatus.Withdrawn)));
        await ChangedAsync(articleId);

        Assert.DoesNotContain(title, await client.GetStringAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await client.GetStringAsync(categoryPath), StringComparison.Ordinal);
    }

    private async Task ChangedAsync(int articleId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ContentChanges>().ArticleChangedAsync(articleId);
    }

    /// <summary>
    /// Seeded categories and articles are found through the home page, as a reader finds them. Any
    /// visit cookie comes with that first response, so the requests under test set none and can be stored.
    /// </summary>
    private static async Task<string> ResolveAsync(HttpClient client, string target)
    {
        var home = await client.GetStringAsync("/");
        var pattern = target switch
        {
            "home" => null,
            "category" => CategoryLink(),
            "article" => ArticleLink(),
            _ => null,
        };
        if (pattern is null)
        {
            return target == "home" ? "/" : target;
        }

        var match = pattern.Match(home);
        Assert.True(match.Success, $"The home page links to no {target}.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("href=\"(/chuyen-muc/[a-z0-9-]+)\"")]
    private static partial Regex CategoryLink();

    [GeneratedRegex("href=\"(/tin-tuc/[a-z0-9-]+)\"")]
    private static partial Regex ArticleLink();

    /// <summary>Counts queries that read site content; the visit counter's writes are not among them.</summary>
    private sealed class ContentQueryCounter : DbCommandInterceptor
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Reset() => Interlocked.Exchange(ref count, 0);

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Note(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Note(command);
            return base.ReaderExecuting(command, eventData, result);
        }

        private void Note(DbCommand command)
        {
            if (ContentTable().IsMatch(command.CommandText))
            {
                Interlocked.Increment(ref count);
            }
        }
    }

    [GeneratedRegex("\"(Articles|OfficialDocuments|Categories|AspNetUsers)\"")]
    private static partial Regex ContentTable();
}
