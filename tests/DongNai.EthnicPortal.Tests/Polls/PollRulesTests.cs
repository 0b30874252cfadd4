using DongNai.EthnicPortal.Web.Services.Formatting;
using DongNai.EthnicPortal.Web.Services.Polls;
using Microsoft.AspNetCore.Http;

namespace DongNai.EthnicPortal.Tests.Polls;

public sealed class PollRulesTests
{
    [Theory]
    [InlineData(3, 7, "42,9%")]
    [InlineData(2, 3, "66,7%")]
    [InlineData(1, 3, "33,3%")]
    [InlineData(7, 7, "100,0%")]
    [InlineData(0, 7, "0,0%")]
    [InlineData(0, 0, "0,0%")]
    [InlineData(1, 8, "12,5%")]
    public void Shares_are_rounded_to_one_decimal_and_written_the_vietnamese_way(int votes, int total, string expected) =>
        Assert.Equal(expected, PollNumbers.Percent(PollNumbers.Share(votes, total)));

    [Theory]
    [InlineData(0, "0")]
    [InlineData(999, "999")]
    [InlineData(1234, "1.234")]
    [InlineData(1234567, "1.234.567")]
    public void Counts_use_a_dot_between_thousands(long count, string expected) =>
        Assert.Equal(expected, VietnameseNumbers.Count(count));

    [Fact]
    public void A_poll_is_open_from_its_opening_instant_until_its_closing_instant()
    {
        var opens = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var closes = opens.AddDays(10);

        Assert.Equal(PollState.NotStarted, PollLifecycle.StateAt(opens, closes, opens.AddTicks(-1)));
        Assert.Equal(PollState.Open, PollLifecycle.StateAt(opens, closes, opens));
        Assert.Equal(PollState.Open, PollLifecycle.StateAt(opens, closes, closes.AddTicks(-1)));
        Assert.Equal(PollState.Closed, PollLifecycle.StateAt(opens, closes, closes));
        Assert.Equal(PollState.Open, PollLifecycle.StateAt(opens, null, opens.AddYears(5)));
    }

    [Theory]
    [InlineData("https", "portal.example", "https://portal.example", null, true)]
    [InlineData("https", "portal.example", null, "https://portal.example/tin-tuc/a-1", true)]
    [InlineData("http", "127.0.0.1:5103", "http://127.0.0.1:5103", null, true)]
    [InlineData("https", "portal.example", "https://portal.example", "https://evil.example/", true)]
    [InlineData("https", "portal.example", "https://evil.example", "https://portal.example/", false)]
    [InlineData("https", "portal.example", "http://portal.example", null, false)]
    [InlineData("https", "portal.example", "https://portal.example:8443", null, false)]
    [InlineData("https", "portal.example", "https://portal.example.evil.example", null, false)]
    [InlineData("https", "portal.example", "null", null, false)]
    [InlineData("https", "portal.example", null, "/relative", false)]
    [InlineData("https", "portal.example", null, null, false)]
    public void Only_this_sites_own_origin_may_post_a_vote(string scheme, string host, string? origin, string? referer, bool expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = scheme;
        context.Request.Host = new HostString(host);
        if (origin is not null)
        {
            context.Request.Headers.Origin = origin;
        }

        if (referer is not null)
        {
            context.Request.Headers.Referer = referer;
        }

        Assert.Equal(expected, SameOriginRequestAttribute.IsSameOrigin(context.Request));
    }
}
