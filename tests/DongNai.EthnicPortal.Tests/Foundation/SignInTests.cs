using System.Net;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;

namespace DongNai.EthnicPortal.Tests.Foundation;

public sealed class SignInTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Admin_pages_send_anonymous_users_to_the_sign_in_page()
    {
        var response = await fixture.Factory.CreateBrowserClient().GetAsync(new Uri("/quan-tri", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/quan-tri/dang-nhap", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_sign_in_reaches_the_dashboard_which_is_never_cached()
    {
        var email = await fixture.Factory.CreateUserAsync(Roles.Editor);
        var client = fixture.Factory.CreateBrowserClient();
        await client.SignInAsync(email, PortalFactory.StaffPassword);

        var response = await client.GetAsync(new Uri("/quan-tri", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Contains("noindex", response.Headers.GetValues("X-Robots-Tag").Single(), StringComparison.Ordinal);
        Assert.Contains("Bảng điều khiển", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_user_and_wrong_password_get_the_same_message()
    {
        var email = await fixture.Factory.CreateUserAsync(Roles.Author);
        var client = fixture.Factory.CreateBrowserClient();

        var wrongPassword = await client.PostFormAsync("/quan-tri/dang-nhap", "/quan-tri/dang-nhap", [new("Email", email), new("Password", "khong-phai-mat-khau-nay")]);
        var unknownUser = await client.PostFormAsync("/quan-tri/dang-nhap", "/quan-tri/dang-nhap", [new("Email", "khong-co@test.local"), new("Password", "khong-phai-mat-khau-nay")]);

        Assert.Equal(wrongPassword.StatusCode, unknownUser.StatusCode);
        Assert.Contains("Email hoặc mật khẩu không đúng.", await wrongPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Email hoặc mật khẩu không đúng.", await unknownUser.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_failures_lock_the_account()
    {
        var email = await fixture.Factory.CreateUserAsync(Roles.Author);
        var client = fixture.Factory.CreateBrowserClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await client.PostFormAsync("/quan-tri/dang-nhap", "/quan-tri/dang-nhap", [new("Email", email), new("Password", "mat-khau-sai-" + attempt)]);
        }

        var withRightPassword = await client.PostFormAsync("/quan-tri/dang-nhap", "/quan-tri/dang-nhap", [new("Email", email), new("Password", PortalFactory.StaffPassword)]);
        Assert.Equal(HttpStatusCode.OK, withRightPassword.StatusCode);
        Assert.Contains("Tài khoản tạm thời bị khóa", await withRightPassword.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_refuses_a_post_without_antiforgery_token()
    {
        var client = fixture.Factory.CreateBrowserClient();
        var response = await client.PostAsync(new Uri("/quan-tri/dang-nhap", UriKind.Relative), new FormUrlEncodedContent([new("Email", PortalFactory.AdminEmail), new("Password", PortalFactory.AdminPassword)]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
