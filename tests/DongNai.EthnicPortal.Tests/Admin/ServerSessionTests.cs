using System.Net;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Admin;

/// <summary>Sessions are kept on the server: a cookie copied before the session ended opens nothing afterwards.</summary>
public sealed class ServerSessionTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task A_cookie_copied_before_sign_out_opens_nothing_after_it()
    {
        var email = await fixture.Factory.CreateUserAsync(Roles.Editor);
        var client = fixture.Factory.CreateBrowserClient();
        var signIn = await client.PostFormAsync("/quan-tri/dang-nhap", "/quan-tri/dang-nhap", [new("Email", email), new("Password", PortalFactory.StaffPassword)]);
        var copied = signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("portal.auth=", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(copied, "/quan-tri")).StatusCode);

        var signedOut = await client.PostFormAsync("/quan-tri", "/quan-tri/dang-xuat", []);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await WithCookieAsync(copied, "/quan-tri")).StatusCode);
        var userId = await fixture.Factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.Equal(0, await fixture.Factory.WithDbAsync(db => db.AuthSessions.CountAsync(s => s.UserId == userId)));
    }

    private async Task<HttpResponseMessage> WithCookieAsync(string cookie, string url)
    {
        var bare = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        return await bare.SendAsync(request);
    }
}
