using System.Net;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Text;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Tests.Polls;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Caching;
using DongNai.EthnicPortal.Web.Services.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DongNai.EthnicPortal.Tests.Visits;

public sealed class VisitCounterTests : IDisposable
{
    // 10:00 in Vietnam on 28/11/2026.
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory factory;

    public VisitCounterTests()
    {
        factory = new PortalFactory { Time = time };
    }

    private DateOnly Today => VietnamTime.Today(time);

    private VisitCounter Counter => factory.Services.GetRequiredService<VisitCounter>();

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task Concurrent_new_visitors_add_exactly_their_number_after_a_flush()
    {
        const int visitors = 60;
        var before = await CountAsync(Today);

        var responses = await Task.WhenAll(Enumerable.Range(0, visitors).Select(_ => Browser().GetAsync(new Uri("/", UriKind.Relative))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await Counter.FlushAsync();

        Assert.Equal(before + visitors, await CountAsync(Today));
        Assert.Equal(0, Counter.PendingCount);
    }

    [Fact]
    public async Task A_returning_visitor_within_thirty_minutes_is_not_counted_again()
    {
        var browser = Browser();
        var first = await browser.GetAsync(new Uri("/", UriKind.Relative));
        var cookie = Assert.Single(VisitCookies(first));
        Assert.Contains("max-age=1800", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        time.Advance(TimeSpan.FromMinutes(4));
        var soon = await browser.GetAsync(new Uri("/tham-do-y-kien", UriKind.Relative));
        time.Advance(TimeSpan.FromMinutes(2));
        var refreshed = await browser.GetAsync(new Uri("/", UriKind.Relative));
        time.Advance(TimeSpan.FromMinutes(29));
        var stillLive = await browser.GetAsync(new Uri("/", UriKind.Relative));
        await Counter.FlushAsync();
        Assert.Equal(1, await CountAsync(Today));

        // Recent cookies are not re-issued, so those responses stay cacheable; older ones slide the window.
        Assert.Empty(VisitCookies(soon));
        Assert.Single(VisitCookies(refreshed));
        Assert.Single(VisitCookies(stillLive));

        time.Advance(TimeSpan.FromMinutes(31));
        await browser.GetAsync(new Uri("/", UriKind.Relative));
        await Counter.FlushAsync();
        Assert.Equal(2, await CountAsync(Today));
    }

    [Fact]
    public async Task Pages_served_from_the_output_cache_are_still_counted()
    {
        var url = new Uri("/tham-do-y-kien", UriKind.Relative);
        var returning = Browser();
        var first = await returning.GetAsync(url);
        time.Advance(TimeSpan.FromMinutes(1));
        var second = await returning.GetAsync(url);
        time.Advance(TimeSpan.FromSeconds(10));
        var newcomer = await Browser().GetAsync(url);

        // The first view's cookie is added as the page leaves the server, after the output cache stored the
        // page without it, so the returning view is already served from the cache.
        Assert.Single(VisitCookies(first));
        Assert.Null(first.Headers.Age);
        Assert.Empty(VisitCookies(second));
        Assert.NotNull(second.Headers.Age);
        Assert.NotNull(newcomer.Headers.Age);
        Assert.Single(VisitCookies(newcomer));
        await Counter.FlushAsync();
        Assert.Equal(2, await CountAsync(Today));
    }

    [Fact]
    public async Task Bots_head_requests_assets_admin_pages_and_errors_are_not_visits()
    {
        var bot = factory.CreateBrowserClient();
        bot.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
        var noAgent = factory.CreateBrowserClient();

        var responses = new List<HttpResponseMessage>
        {
            await bot.GetAsync(new Uri("/", UriKind.Relative)),
            await noAgent.GetAsync(new Uri("/", UriKind.Relative)),
            await Browser().SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/", UriKind.Relative))),
            await Browser().GetAsync(new Uri("/css/site.css", UriKind.Relative)),
            await Browser().GetAsync(new Uri("/health", UriKind.Relative)),
            await Browser().GetAsync(new Uri("/quan-tri/dang-nhap", UriKind.Relative)),
            await Browser().GetAsync(new Uri("/trang-khong-ton-tai", UriKind.Relative)),
            await Browser().GetAsync(new Uri("/tham-do-y-kien/987654", UriKind.Relative)),
        };
        await Counter.FlushAsync();

        Assert.Equal(HttpStatusCode.OK, responses[0].StatusCode);
        Assert.Equal(HttpStatusCode.OK, responses[5].StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, responses[6].StatusCode);
        Assert.All(responses, r => Assert.Empty(VisitCookies(r)));
        Assert.Equal(0, await CountAsync(Today));
    }

    [Fact]
    public async Task Visits_after_midnight_in_vietnam_count_for_the_new_day()
    {
        // 23:59 in Vietnam is 16:59 UTC.
        time.SetUtcNow(new DateTimeOffset(2026, 11, 28, 16, 59, 0, TimeSpan.Zero));
        var lateEvening = Today;
        await Browser().GetAsync(new Uri("/", UriKind.Relative));
        await Browser().GetAsync(new Uri("/", UriKind.Relative));

        time.Advance(TimeSpan.FromMinutes(2));
        var nextDay = Today;
        await Browser().GetAsync(new Uri("/", UriKind.Relative));
        await Counter.FlushAsync();

        Assert.Equal(new DateOnly(2026, 11, 28), lateEvening);
        Assert.Equal(new DateOnly(2026, 11, 29), nextDay);
        Assert.Equal(2, await CountAsync(lateEvening));
        Assert.Equal(1, await CountAsync(nextDay));
    }

    [Fact]
    public async Task The_widget_shows_today_and_the_all_time_total_with_the_offset()
    {
        await factory.WithDbAsync(async db =>
        {
            db.VisitDays.Add(new VisitDay { Day = Today.AddDays(-1), Count = 1500 });
            await db.SiteSettings.ExecuteUpdateAsync(s => s.SetProperty(x => x.VisitCounterOffset, 100000));
            await db.SaveChangesAsync();
        });
        for (var i = 0; i < 3; i++)
        {
            await Browser().GetAsync(new Uri("/", UriKind.Relative));
        }

        await Counter.FlushAsync();
        await factory.Services.GetRequiredService<PublicCache>().EvictAsync(new CacheEviction([CacheTags.Public], [PublicCopy.VisitTotals]));

        var page = await Browser().GetDocumentAsync("/");
        var counter = page.QuerySelectorAll("aside dt").ToDictionary(dt => dt.Text(), dt => dt.NextElementSibling!.Text());
        Assert.Equal("3", counter["Trong ngày"]);
        Assert.Equal("101.503", counter["Tất cả"]);
    }

    [Fact]
    public async Task Two_counters_over_one_database_lose_nothing()
    {
        using var first = ActivatorUtilities.CreateInstance<VisitCounter>(factory.Services);
        using var second = ActivatorUtilities.CreateInstance<VisitCounter>(factory.Services);
        var days = new List<DateOnly>();

        for (var round = 0; round < 8; round++)
        {
            // A new day each round, so both instances race to insert its row.
            time.Advance(TimeSpan.FromDays(1));
            days.Add(Today);
            await Task.WhenAll(
                Task.Run(() => Parallel.For(0, 25, _ => first.Increment())),
                Task.Run(() => Parallel.For(0, 40, _ => second.Increment())));
            await Task.WhenAll(first.FlushAsync(), second.FlushAsync());
            await Task.WhenAll(
                Task.Run(() => Parallel.For(0, 5, _ => first.Increment())),
                Task.Run(() => Parallel.For(0, 5, _ => second.Increment())));
            await Task.WhenAll(first.FlushAsync(), second.FlushAsync());
        }

        foreach (var day in days)
        {
            Assert.Equal(75, await CountAsync(day));
        }
    }

    [Fact]
    public async Task Two_applications_sharing_one_database_lose_nothing()
    {
        var root = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        var clock = new FakeTimeProvider(time.GetUtcNow());
        var day = VietnamTime.Today(clock);
        using var first = new PortalFactory { StorageRoot = root, KeepStorage = true, Time = clock };
        using var second = new PortalFactory { StorageRoot = root, Time = clock };
        _ = first.Services;
        _ = second.Services;

        await Task.WhenAll(
            VisitAsync(first, 30),
            VisitAsync(second, 45));
        await Task.WhenAll(
            first.Services.GetRequiredService<VisitCounter>().FlushAsync(),
            second.Services.GetRequiredService<VisitCounter>().FlushAsync());

        Assert.Equal(75, await first.WithDbAsync(db => db.VisitDays.Where(v => v.Day == day).Select(v => v.Count).SingleAsync()));

        static Task VisitAsync(PortalFactory app, int visitors) => Task.WhenAll(Enumerable.Range(0, visitors).Select(_ =>
        {
            var browser = app.CreateBrowserClient();
            browser.DefaultRequestHeaders.UserAgent.ParseAdd(PollTestData.BrowserAgent);
            return browser.GetAsync(new Uri("/", UriKind.Relative));
        }));
    }

    [Fact]
    public async Task Stopping_the_application_flushes_what_is_buffered()
    {
        var root = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        var clock = new FakeTimeProvider(time.GetUtcNow());
        var day = VietnamTime.Today(clock);
        using (var running = new PortalFactory { StorageRoot = root, KeepStorage = true, Time = clock })
        {
            for (var i = 0; i < 4; i++)
            {
                var browser = running.CreateBrowserClient();
                browser.DefaultRequestHeaders.UserAgent.ParseAdd(PollTestData.BrowserAgent);
                await browser.GetAsync(new Uri("/", UriKind.Relative));
            }

            Assert.Equal(4, running.Services.GetRequiredService<VisitCounter>().PendingCount);
        }

        using var restarted = new PortalFactory { StorageRoot = root, Time = clock };
        Assert.Equal(4, await restarted.WithDbAsync(db => db.VisitDays.Where(v => v.Day == day).Select(v => v.Count).SingleAsync()));
    }

    private HttpClient Browser()
    {
        var client = factory.CreateBrowserClient();
        client.DefaultRequestHeaders.UserAgent.ParseAdd(PollTestData.BrowserAgent);
        return client;
    }

    private static IEnumerable<string> VisitCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Where(c => c.StartsWith("portal.visit=", StringComparison.Ordinal)) : [];

    private Task<long> CountAsync(DateOnly day) =>
        factory.WithDbAsync(db => db.VisitDays.Where(v => v.Day == day).Select(v => v.Count).SingleOrDefaultAsync());
}
