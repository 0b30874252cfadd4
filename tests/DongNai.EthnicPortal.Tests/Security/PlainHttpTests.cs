using System.Net;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Tests.Polls;
using DongNai.EthnicPortal.Web.Controllers;
using DongNai.EthnicPortal.Web.Services.Visits;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DongNai.EthnicPortal.Tests.Security;

/// <summary>
/// The portal opened as <c>http://server-ip:8080</c> from another machine (what an operator sees after
/// <c>docker compose up</c>): the sign-in page says that signing in needs HTTPS and how to set it up,
/// and readers keep their visit and voter cookies, so they are neither counted again nor asked to vote again.
/// </summary>
public sealed class PlainHttpTests : IDisposable
{
    private const string PlainSite = "http://192.0.2.10:8080";

    private readonly PortalFactory factory = new();

    public void Dispose() => factory.Dispose();

    [Theory]
    [InlineData(PlainSite, true)]
    [InlineData("http://cong.dongnai.example", true)]
    [InlineData("https://cong.dongnai.example", false)]
    [InlineData("http://localhost:8080", false)]
    [InlineData("http://127.0.0.1:8080", false)]
    public async Task The_sign_in_page_says_that_signing_in_needs_https_only_where_the_cookie_would_be_dropped(string site, bool warns)
    {
        var html = WebUtility.HtmlDecode(await Client(site).GetStringAsync(new Uri("/quan-tri/dang-nhap", UriKind.Relative)));

        Assert.Equal(warns, html.Contains("cần HTTPS", StringComparison.Ordinal));
        Assert.Equal(warns, html.Contains("ForwardedHeaders__KnownProxies", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reader_of_a_plain_http_site_keeps_the_visit_cookie_and_is_counted_once()
    {
        var reader = Client(PlainSite);
        var counter = factory.Services.GetRequiredService<VisitCounter>();
        var today = DongNai.EthnicPortal.Data.Text.VietnamTime.Today(TimeProvider.System);
        await counter.FlushAsync();
        var before = await VisitsAsync(today);

        var first = await reader.GetAsync(new Uri("/", UriKind.Relative));
        await reader.GetAsync(new Uri("/tham-do-y-kien", UriKind.Relative));
        await reader.GetAsync(new Uri("/van-ban", UriKind.Relative));
        await counter.FlushAsync();

        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith(VisitCountingMiddleware.CookieName + "=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before + 1, await VisitsAsync(today));
    }

    [Fact]
    public async Task A_voter_on_a_plain_http_site_keeps_the_voter_cookie_and_is_told_they_already_voted()
    {
        var poll = await factory.CreatePollAsync(DateTime.UtcNow.AddDays(-1));
        var voter = Client(PlainSite);

        var first = await voter.VoteAsync(poll.Id, [poll.OptionIds[0].ToString(System.Globalization.CultureInfo.InvariantCulture)], origin: PlainSite);
        var again = await voter.VoteAsync(poll.Id, [poll.OptionIds[1].ToString(System.Globalization.CultureInfo.InvariantCulture)], origin: PlainSite);

        Assert.Equal(HttpStatusCode.SeeOther, first.StatusCode);
        Assert.DoesNotContain("secure", Assert.Single(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith("portal.voter=", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(PollsController.AlreadyVotedMessage, WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private HttpClient Client(string site)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(site) });
        client.DefaultRequestHeaders.UserAgent.ParseAdd(PollTestData.BrowserAgent);
        return client;
    }

    private Task<long> VisitsAsync(DateOnly day) =>
        factory.WithDbAsync(db => db.VisitDays.Where(v => v.Day == day).Select(v => v.Count).SingleOrDefaultAsync());
}
