using System.Net;
using DongNai.EthnicPortal.Web.Controllers;
using DongNai.EthnicPortal.Web.Services.Polls;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Polls;

public sealed class PollVotingTests(PollsFixture fixture) : IClassFixture<PollsFixture>
{
    private static DateTime Now => DateTime.UtcNow;

    [Fact]
    public async Task A_vote_is_counted_sets_the_voter_cookie_and_redirects_to_the_results()
    {
        var poll = await fixture.Factory.CreatePollAsync(Now.AddDays(-1));
        var browser = fixture.Browser("10.1.0.1");

        var response = await browser.VoteAsync(poll.Id, poll.OptionIds[1]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/tham-do-y-kien/{poll.Id}?da-binh-chon=1", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("portal.voter=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=31536000", cookie, StringComparison.OrdinalIgnoreCase);

        var confirmation = await browser.GetAsync(response.Headers.Location);
        Assert.Null(confirmation.Headers.Age);
        Assert.Null((await browser.GetAsync(response.Headers.Location)).Headers.Age);
        var results = await confirmation.Content.ReadAsStringAsync();
        Assert.Contains(PollsController.AcceptedMessage, results, StringComparison.Ordinal);
        Assert.Contains("Tổng số phiếu: 1", results, StringComparison.Ordinal);

        var vote = await fixture.Factory.WithDbAsync(db => db.PollVotes.Include(v => v.Choices).SingleAsync(v => v.PollId == poll.Id));
        Assert.Equal(poll.OptionIds[1], Assert.Single(vote.Choices).PollOptionId);
        Assert.Matches("^[0-9a-f]{64}$", vote.IpHash);
        Assert.Matches("^[0-9a-f]{64}$", vote.VoterKeyHash);
        Assert.DoesNotContain("10.1.0.1", vote.IpHash, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_vote_from_the_same_browser_is_refused_and_not_counted()
    {
        var poll = await fixture.Factory.CreatePollAsync(Now.AddDays(-1));
        var browser = fixture.Browser("10.2.0.1");

        Assert.Equal(HttpStatusCode.SeeOther, (await browser.VoteAsync(poll.Id, poll.OptionIds[0])).StatusCode);
        var again = await browser.VoteAsync(poll.Id, poll.OptionIds[2]);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Bạn đã bình chọn cho cuộc thăm dò này.", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await fixture.Factory.CountVotesAsync(poll.Id));
    }

    [Fact]
    public async Task Concurrent_votes_from_one_browser_count_once()
    {
        var poll = await fixture.Factory.CreatePollAsync(Now.AddDays(-1));
        var voterKey = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
        {
            var client = fixture.CookielessClient($"10.3.0.{i + 1}");
            client.DefaultRequestHeaders.Add("Cookie", $"portal.voter={voterKey}");
            return client.VoteAsync(poll.Id, poll.OptionIds[0]);
        }));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.SeeOther);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.SeeOther), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await fixture.Factory.CountVotesAsync(poll.Id));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("not-a-number")]
    [InlineData("unknown-option")]
    [InlineData("other-poll")]
    [InlineData("two-on-single")]
    public async Task Bad_input_gets_400_and_changes_nothing(string kind)
    {
        var poll = await fixture.Factory.CreatePollAsync(Now.AddDays(-1));
        var other = await fixture.Factory.CreatePollAsync(Now.AddDays(-1));
        string[] fields = kind switch
        {
            "none" => [],
            "not-a-number" => ["abc"],
            "unknown-option" => ["999999"],
            "other-poll" => [other.OptionIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture)],
            _ => [.. poll.OptionIds.Take(2).Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        };

        var response = await fixture.Browser("10.4.0.1").VoteAsync(poll.Id, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("portal.voter=", StringComparison.Ordinal)));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Bình chọn không thành công", body, StringComparison.Ordinal);
        Assert.Equal(0, await fixture.Factory.CountVotesAsync(poll.Id));
        Assert.Equal(0, await fixture.Factory.CountVotesAsync(other.Id));
    }

    [Fact]
    public async Task Several_options_are_accepted_on_a_multiple_choice_poll()
    {
        var poll = await fixture.Factory.CreatePollAsync(Now.AddDays(-1), multiple: true);

        var response = await fixture.Browser("10.5.0.1").VoteAsync(poll.Id, poll.OptionIds[0], poll.OptionIds[2]);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var choices = await fixture.Factory.WithDbAsync(db => db.PollVoteChoices.CountAsync(c => c.PollVote.PollId == poll.Id));
        Assert.Equal(2, choices);
    }

    [Fact]
    public async Task Closed_and_future_polls_refuse_votes_and_say_why()
    {
        var closed = await fixture.Factory.CreatePollAsync(Now.AddDays(-10), Now.AddDays(-1));
        var future = await fixture.Factory.CreatePollAsync(Now.AddDays(2));

        var closedResponse = await fixture.Browser("10.6.0.1").VoteAsync(closed.Id, closed.OptionIds[0]);
        var futureResponse = await fixture.Browser("10.6.0.2").VoteAsync(future.Id, future.OptionIds[0]);

        Assert.Equal(HttpStatusCode.BadRequest, closedResponse.StatusCode);
        Assert.Contains("Cuộc thăm dò đã kết thúc.", await closedResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, futureResponse.StatusCode);
        Assert.Contains("Cuộc thăm dò chưa bắt đầu.", await futureResponse.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.Factory.CountVotesAsync(closed.Id));
        Assert.Equal(0, await fixture.Factory.CountVotesAsync(future.Id));
    }

    [Fact]
    public async Task A_hidden_or_unknown_poll_is_not_found()
    {
        var hidden = await fixture.Factory.CreatePollAsync(Now.AddDays(-1), visible: false);

        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Browser().GetAsync(new Uri($"/tham-do-y-kien/{hidden.Id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Browser("10.7.0.1").VoteAsync(hidden.Id, hidden.OptionIds[0])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Browser().GetAsync(new Uri("/tham-do-y-kien/987654", UriKind.Relative))).StatusCode);
        Assert.Equal(0, await fixture.Factory.CountVotesAsync(hidden.Id));
    }

    [Theory]
    [InlineData("https://evil.example", null)]
    [InlineData("null", null)]
    [InlineData("http://localhost", null)]
    [InlineData("https://localhost.evil.example", null)]
    [InlineData(null, "https://evil.example/tham-do")]
    [InlineData(null, null)]
    public async Task Cross_site_or_unproven_origins_are_refused(string? origin, string? referer)
    {
        var poll = await fixture.Factory.CreatePollAsync(Now.AddDays(-1));

        var response = await fixture.Browser("10.8.0.1").VoteAsync(poll.Id, [poll.OptionIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture)], origin, referer);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(SameOriginRequestAttribute.RejectedMessage, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await fixture.Factory.CountVotesAsync(poll.Id));
    }

    [Fact]
    public async Task A_same_site_referer_is_enough_when_the_browser_sends_no_origin()
    {
        var poll = await fixture.Factory.CreatePollAsync(Now.AddDays(-1));

        var response = await fixture.Browser("10.9.0.1").VoteAsync(poll.Id, [poll.OptionIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture)], origin: null, referer: "https://localhost/tin-tuc/bai-viet-1");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(1, await fixture.Factory.CountVotesAsync(poll.Id));
    }

    [Fact]
    public async Task One_address_may_cast_five_votes_per_poll_per_day()
    {
        var poll = await fixture.Factory.CreatePollAsync(Now.AddDays(-1));
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            statuses.Add((await fixture.Browser("10.10.0.1").VoteAsync(poll.Id, poll.OptionIds[0])).StatusCode);
        }

        var seventh = await fixture.Browser("10.10.0.1").VoteAsync(poll.Id, poll.OptionIds[0]);
        var elsewhere = await fixture.Browser("10.10.0.2").VoteAsync(poll.Id, poll.OptionIds[0]);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.SeeOther, 5), HttpStatusCode.Conflict], statuses);
        Assert.Contains("thử lại vào ngày mai", await seventh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, elsewhere.StatusCode);
        Assert.Equal(6, await fixture.Factory.CountVotesAsync(poll.Id));
    }

    [Fact]
    public async Task Two_hundred_concurrent_voters_add_exactly_two_hundred_votes()
    {
        var poll = await fixture.Factory.CreatePollAsync(Now.AddDays(-1));
        var browsers = Enumerable.Range(0, 200).Select(i => fixture.Browser($"10.20.{i / 250}.{(i % 250) + 1}")).ToList();

        var responses = await Task.WhenAll(browsers.Select((browser, i) => browser.VoteAsync(poll.Id, poll.OptionIds[i % 3])));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.SeeOther, r.StatusCode));
        Assert.Equal(200, await fixture.Factory.CountVotesAsync(poll.Id));
        var page = await fixture.Browser().GetStringAsync(new Uri($"/tham-do-y-kien/{poll.Id}", UriKind.Relative));
        Assert.Contains("Tổng số phiếu: 200", page, StringComparison.Ordinal);
        Assert.Contains("67 phiếu", page, StringComparison.Ordinal);
        Assert.Contains("66 phiếu", page, StringComparison.Ordinal);
    }
}
