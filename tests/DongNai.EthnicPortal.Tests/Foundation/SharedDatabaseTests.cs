using System.Net;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Tests.Polls;
using DongNai.EthnicPortal.Web.Services.Articles;
using DongNai.EthnicPortal.Web.Services.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DongNai.EthnicPortal.Tests.Foundation;

/// <summary>
/// Two instances of the application on one database, as a web farm runs them. On SQLite the file
/// serializes writers; on PostgreSQL (PORTAL_TEST_POSTGRES) these are real concurrent transactions,
/// so the unique keys, the atomic add and the version check are what keep the counts exact.
/// </summary>
public sealed class SharedDatabaseTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory first;
    private readonly PortalFactory second;

    public SharedDatabaseTests()
    {
        var root = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        first = new PortalFactory { StorageRoot = root, KeepStorage = true, Time = clock };
        second = new PortalFactory { StorageRoot = root, Time = clock };
        first.TestServices.Add(TestClientAddress.Register);
        second.TestServices.Add(TestClientAddress.Register);
        _ = first.Services;
        _ = second.Services;
    }

    public void Dispose()
    {
        first.Dispose();
        second.Dispose();
    }

    [Fact]
    public async Task Two_hundred_concurrent_votes_over_two_instances_are_counted_exactly()
    {
        var poll = await first.CreatePollAsync(clock.GetUtcNow().UtcDateTime.AddDays(-1));

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Browser(i % 2 == 0 ? first : second, $"10.30.{i / 250}.{(i % 250) + 1}").VoteAsync(poll.Id, poll.OptionIds[i % 3])));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        Assert.Equal(200, await second.CountVotesAsync(poll.Id));
        var perOption = await first.WithDbAsync(db => db.PollVoteChoices.Where(c => c.PollVote.PollId == poll.Id).GroupBy(c => c.PollOptionId).Select(g => g.Count()).OrderBy(c => c).ToListAsync());
        Assert.Equal([66, 67, 67], perOption);
    }

    [Fact]
    public async Task One_browser_voting_on_both_instances_at_once_is_counted_once()
    {
        var poll = await first.CreatePollAsync(clock.GetUtcNow().UtcDateTime.AddDays(-1));
        var voterKey = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

        // The same voter cookie on 20 requests split over both instances: the unique key lets one through.
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
        {
            var client = (i % 2 == 0 ? first : second).CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
            client.From($"10.31.0.{i + 1}");
            client.DefaultRequestHeaders.Add("Cookie", $"portal.voter={voterKey}");
            return client.VoteAsync(poll.Id, poll.OptionIds[1]);
        }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.SeeOther);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.SeeOther), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await second.CountVotesAsync(poll.Id));
    }

    [Fact]
    public async Task Two_hundred_concurrent_first_visits_over_two_instances_are_counted_exactly()
    {
        var day = VietnamTime.Today(clock);

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Browser(i % 2 == 0 ? first : second, $"10.32.0.{(i % 250) + 1}").GetAsync(new Uri("/", UriKind.Relative))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        // Both instances insert the day's first row at once: one insert wins, the other adds to it.
        await Task.WhenAll(
            first.Services.GetRequiredService<VisitCounter>().FlushAsync(),
            second.Services.GetRequiredService<VisitCounter>().FlushAsync());

        Assert.Equal(200, await first.WithDbAsync(db => db.VisitDays.Where(v => v.Day == day).Select(v => v.Count).SingleAsync()));
    }

    [Fact]
    public async Task Two_instances_publishing_at_the_same_moment_publish_each_article_once()
    {
        var due = clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
        var ids = await first.WithDbAsync(async db =>
        {
            var category = await db.Categories.OrderBy(c => c.Id).FirstAsync();
            var articles = Enumerable.Range(1, 30).Select(n => new Article
            {
                Title = $"Bài hẹn giờ đồng thời {n}",
                Slug = $"bai-hen-gio-dong-thoi-{n}",
                Summary = "Tóm tắt",
                BodyHtml = "<p>Nội dung</p>",
                RenderedBodyHtml = "<p>Nội dung</p>",
                AuthorByline = "Phóng viên",
                CategoryId = category.Id,
                Status = ArticleStatus.Scheduled,
                PublishAt = due,
                CreatedAt = due,
                UpdatedAt = due,
            }).ToList();
            db.Articles.AddRange(articles);
            await db.SaveChangesAsync();
            return articles.Select(a => a.Id).ToList();
        });

        var counts = await Task.WhenAll(
            Task.Run(() => first.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync()),
            Task.Run(() => second.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync()));

        Assert.Equal(ids.Count, counts.Sum());
        var audited = await second.WithDbAsync(db => db.AuditEntries
            .Where(e => e.Action == "ArticlePublishedOnSchedule" && e.EntityType == nameof(Article))
            .Select(e => e.EntityId)
            .ToListAsync());
        Assert.Equal(ids.Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), audited.Order());
        Assert.Equal(ids.Count, await first.WithDbAsync(db => db.Articles.CountAsync(a => ids.Contains(a.Id) && a.Status == ArticleStatus.Published && a.PublishedAt == due)));
    }

    private static HttpClient Browser(PortalFactory factory, string address)
    {
        var client = factory.CreateBrowserClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(PollTestData.BrowserAgent);
        return client.From(address);
    }
}
