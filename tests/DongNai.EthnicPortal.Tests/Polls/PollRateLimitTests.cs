using System.Net;
using DongNai.EthnicPortal.Tests.Infrastructure;

namespace DongNai.EthnicPortal.Tests.Polls;

public sealed class PollRateLimitTests
{
    [Fact]
    public async Task Too_many_votes_from_one_address_get_429_with_a_vietnamese_page()
    {
        using var factory = new PortalFactory { Settings = { ["Portal:RateLimits:VotesPerMinute"] = "2" } };
        factory.TestServices.Add(TestClientAddress.Register);
        var poll = await factory.CreatePollAsync(DateTime.UtcNow.AddDays(-1));

        HttpResponseMessage? last = null;
        for (var i = 0; i < 3; i++)
        {
            last = await factory.CreateBrowserClient().From("10.40.0.1").VoteAsync(poll.Id, poll.OptionIds[0]);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last!.StatusCode);
        Assert.Contains("Quá nhiều yêu cầu", await last.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await factory.CountVotesAsync(poll.Id));
    }
}
