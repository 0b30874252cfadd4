using System.Globalization;
using System.Net;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Infrastructure;

namespace DongNai.EthnicPortal.Tests.Search;

public sealed class SearchRateLimitTests
{
    [Fact]
    public async Task Search_is_rate_limited_per_client()
    {
        using var factory = new PortalFactory();
        factory.Settings["Portal:RateLimits:SearchPerMinute"] = "3";
        factory.Settings["Portal:RateLimits:SearchQueue"] = "0";
        var client = factory.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            var allowed = await client.GetAsync(new Uri($"/tim-kiem?q=binh{i}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var limited = await client.GetAsync(new Uri("/tim-kiem?q=binh", UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));

        var feed = await client.GetAsync(new Uri("/rss", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
    }

    /// <summary>
    /// A department of 50 officials behind one NAT address, each searching three times in a minute, all
    /// within the same minute and at once (the worst case of that minute): the shipped per-address budget
    /// takes them, the concurrency limit queues the burst, and nobody gets 429. The window's own queue is
    /// switched off so that nothing waits on the clock: a request over budget would fail at once. Past the
    /// budget the address is still refused, so the protection holds.
    /// </summary>
    [Fact]
    public async Task Fifty_officials_on_one_address_searching_three_times_a_minute_never_see_429()
    {
        var shipped = new PortalOptions.RateLimitOptions();
        using var factory = new PortalFactory();
        factory.Settings["Portal:RateLimits:SearchPerMinute"] = shipped.SearchPerMinute.ToString(CultureInfo.InvariantCulture);
        factory.Settings["Portal:RateLimits:SearchQueue"] = "0";
        var client = factory.CreateClient();
        string[] words = ["binh dang", "dan toc", "dong nai", "ke hoach", "9478", "phu nu"];

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async official =>
        {
            var statuses = new List<HttpStatusCode>();
            for (var search = 0; search < 3; search++)
            {
                using var response = await client.GetAsync(new Uri($"/tim-kiem?q={Uri.EscapeDataString(words[(official + search) % words.Length])}+{official}", UriKind.Relative));
                statuses.Add(response.StatusCode);
            }

            return statuses;
        }));

        Assert.Equal(150, answers.Sum(a => a.Count));
        Assert.All(answers.SelectMany(a => a), status => Assert.Equal(HttpStatusCode.OK, status));

        // The same address keeps going: it is refused once it has used the minute's budget, not before.
        var sent = 150;
        HttpStatusCode last;
        do
        {
            using var response = await client.GetAsync(new Uri($"/tim-kiem?q=x{sent}", UriKind.Relative));
            last = response.StatusCode;
            sent++;
        }
        while (last == HttpStatusCode.OK && sent <= shipped.SearchPerMinute + 10);

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        Assert.Equal(shipped.SearchPerMinute + 1, sent);
    }
}
