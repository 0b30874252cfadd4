using System.Net;
using System.Net.Http.Headers;
using DongNai.EthnicPortal.Tests.Admin;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Tests.Polls;
using DongNai.EthnicPortal.Web.Services.Visits;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace DongNai.EthnicPortal.Tests.Visits;

public sealed class ConditionalRequestTests : IDisposable
{
    // The flusher waits on this clock, which never moves, so the pending count is exactly what was counted.
    private readonly PortalFactory factory = new() { Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 3, 0, 0, TimeSpan.Zero)) };

    private VisitCounter Counter => factory.Services.GetRequiredService<VisitCounter>();

    public void Dispose() => factory.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/van-ban")]
    [InlineData("/tim-kiem?q=binh+dang")]
    public async Task A_public_page_answers_its_etag_with_304_and_no_body_and_the_304_is_a_visit_like_a_200(string path)
    {
        var first = await NewBrowser().GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);
        Assert.True(first.Headers.CacheControl?.NoCache, $"Cache-Control: {first.Headers.CacheControl}");
        Assert.NotEmpty(await first.Content.ReadAsByteArrayAsync());

        var pending = Counter.PendingCount;
        var notModified = await NewBrowser().SendAsync(Conditional(path, etag));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Contains(notModified.Headers.GetValues("Set-Cookie"), c => c.StartsWith(VisitCountingMiddleware.CookieName + "=", StringComparison.Ordinal));
        Assert.Equal(pending + 1, Counter.PendingCount);

        // A stale copy gets the page again, and that visitor is counted the same way.
        var changed = await NewBrowser().SendAsync(Conditional(path, new EntityTagHeaderValue("\"0123456789abcdef\"")));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(etag, changed.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await changed.Content.ReadAsStringAsync());
        Assert.Equal(pending + 2, Counter.PendingCount);
    }

    [Fact]
    public async Task Signed_in_pages_and_files_get_no_etag_from_the_page_rule()
    {
        var admin = await factory.AdministratorAsync();
        var dashboard = await admin.GetAsync(new Uri("/quan-tri", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Null(dashboard.Headers.ETag);

        var signedInHome = await admin.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Null(signedInHome.Headers.ETag);
    }

    private HttpClient NewBrowser()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        client.DefaultRequestHeaders.UserAgent.ParseAdd(PollTestData.BrowserAgent);
        return client;
    }

    private static HttpRequestMessage Conditional(string path, EntityTagHeaderValue etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.IfNoneMatch.Add(etag);
        return request;
    }
}
