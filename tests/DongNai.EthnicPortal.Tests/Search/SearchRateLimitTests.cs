using System.Net;
using DongNai.EthnicPortal.Tests.Infrastructure;

namespace DongNai.EthnicPortal.Tests.Search;

public sealed class SearchRateLimitTests
{
    [Fact]
    public async Task Search_is_rate_limited_per_client()
    {
        using var factory = new PortalFactory();
        factory.Settings["Portal:RateLimits:SearchPerMinute"] = "3";
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
}
