using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Tests.Polls;
using DongNai.EthnicPortal.Web.Services.Audit;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Admin;

/// <summary>
/// "Phiên đăng nhập": a user sees their sessions and ends one, an administrator ends all of an account's,
/// and a password change ends the others at once. Each time, a cookie copied from an ended session is
/// refused on its very next request.
/// </summary>
public sealed class SessionManagementTests : IDisposable
{
    private const string SessionsPage = "/quan-tri/tai-khoan/phien-dang-nhap";
    private const string AndroidChrome = "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
    private const string WindowsFirefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

    private readonly PortalFactory factory = new();

    public SessionManagementTests() => factory.TestServices.Add(TestClientAddress.Register);

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task The_account_page_lists_each_session_and_ending_one_refuses_its_copied_cookie()
    {
        var email = await factory.CreateUserAsync(Roles.Editor);
        var (_, phoneCookie) = await SignInAsync(email, PortalFactory.StaffPassword, AndroidChrome, "203.0.113.21");
        var (desk, deskCookie) = await SignInAsync(email, PortalFactory.StaffPassword, WindowsFirefox, "203.0.113.22");

        var page = await SessionsAsync(desk);
        var current = Assert.Single(page, s => s.TextContent.Contains("Phiên này", StringComparison.Ordinal));
        var phone = Assert.Single(page, s => s != current);
        Assert.Contains("Firefox trên Windows", current.TextContent, StringComparison.Ordinal);
        Assert.Contains("203.0.113.22", current.TextContent, StringComparison.Ordinal);
        Assert.Null(current.QuerySelector("form"));
        Assert.Contains("Chrome trên Android", phone.TextContent, StringComparison.Ordinal);
        Assert.Contains("203.0.113.21", phone.TextContent, StringComparison.Ordinal);
        var signedIn = await factory.WithDbAsync(db => db.AuthSessions.Where(s => s.Device == AndroidChrome).Select(s => s.CreatedAt).SingleAsync());
        Assert.Contains(VietnamTime(signedIn), phone.TextContent, StringComparison.Ordinal);

        var ended = await desk.SubmitFormAsync(SessionsPage, phone.QuerySelector("form")!.GetAttribute("action")!);

        Assert.Equal(SessionsPage, ended.Headers.Location?.OriginalString);
        Assert.Equal("/quan-tri/dang-nhap", await RedirectWithCookieAsync(phoneCookie));
        Assert.Null(await RedirectWithCookieAsync(deskCookie));
        Assert.Single(await SessionsAsync(desk));
        Assert.True(await AuditedAsync(AuditActions.SessionEnded, email));
    }

    [Fact]
    public async Task A_session_of_another_account_cannot_be_ended_by_its_id()
    {
        var victim = await factory.CreateUserAsync(Roles.Editor);
        var (victimClient, victimCookie) = await SignInAsync(victim, PortalFactory.StaffPassword, WindowsFirefox, "203.0.113.30");
        Assert.Null((await SessionsAsync(victimClient)).Single().QuerySelector("form"));
        var victimId = await PublicIdOfOnlyOtherSessionAsync(victim);
        var (attacker, _) = await SignInAsync(await factory.CreateUserAsync(Roles.Editor), PortalFactory.StaffPassword, AndroidChrome, "203.0.113.31");

        var refused = await attacker.PostFormAsync(SessionsPage, $"{SessionsPage}/{victimId}/ket-thuc", []);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Null(await RedirectWithCookieAsync(victimCookie));
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_at_once_and_keeps_this_one()
    {
        var email = await factory.CreateUserAsync(Roles.Author);
        var (_, otherCookie) = await SignInAsync(email, PortalFactory.StaffPassword, AndroidChrome, "203.0.113.40");
        var (changer, changerCookie) = await SignInAsync(email, PortalFactory.StaffPassword, WindowsFirefox, "203.0.113.41");
        const string newPassword = "mat-khau-moi-sau-khi-mat-dien-thoai";

        var changed = await changer.PostFormAsync("/quan-tri/doi-mat-khau", "/quan-tri/doi-mat-khau", [
            new("CurrentPassword", PortalFactory.StaffPassword), new("NewPassword", newPassword), new("ConfirmPassword", newPassword),
        ]);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        // At once: not after the one-minute security-stamp check.
        Assert.Equal("/quan-tri/dang-nhap", await RedirectWithCookieAsync(otherCookie));
        Assert.Null(await RedirectWithCookieAsync(changerCookie));
        Assert.Equal(HttpStatusCode.OK, (await changer.GetAsync(new Uri("/quan-tri", UriKind.Relative))).StatusCode);
        var userId = await UserIdAsync(email);
        Assert.Equal(1, await factory.WithDbAsync(db => db.AuthSessions.CountAsync(s => s.UserId == userId)));
    }

    [Fact]
    public async Task An_administrator_ends_every_session_of_an_account_from_its_edit_page()
    {
        var email = await factory.CreateUserAsync(Roles.Editor);
        var (_, first) = await SignInAsync(email, PortalFactory.StaffPassword, AndroidChrome, "203.0.113.50");
        var (_, second) = await SignInAsync(email, PortalFactory.StaffPassword, WindowsFirefox, "203.0.113.51");
        var admin = await factory.AdministratorAsync();
        var editPage = $"/quan-tri/nguoi-dung/{await UserIdAsync(email)}/sua";
        Assert.Contains("Số phiên đăng nhập đang mở: 2.", await admin.GetStringAsync(new Uri(editPage, UriKind.Relative)), StringComparison.Ordinal);

        var ended = await admin.SubmitFormAsync(editPage, $"/quan-tri/nguoi-dung/{await UserIdAsync(email)}/ket-thuc-phien");

        Assert.Equal(editPage, ended.Headers.Location?.OriginalString);
        Assert.Equal("/quan-tri/dang-nhap", await RedirectWithCookieAsync(first));
        Assert.Equal("/quan-tri/dang-nhap", await RedirectWithCookieAsync(second));
        Assert.Contains("Số phiên đăng nhập đang mở: 0.", await admin.GetStringAsync(new Uri(editPage, UriKind.Relative)), StringComparison.Ordinal);
        Assert.True(await AuditedAsync(AuditActions.UserSessionsEnded, null));
    }

    private async Task<(HttpClient Client, string Cookie)> SignInAsync(string email, string password, string userAgent, string address)
    {
        var client = factory.CreateBrowserClient().From(address);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        var signIn = await client.PostFormAsync("/quan-tri/dang-nhap", "/quan-tri/dang-nhap", [new("Email", email), new("Password", password)]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith("portal.auth=", StringComparison.Ordinal));
        return (client, cookie);
    }

    private static async Task<List<IElement>> SessionsAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri(SessionsPage, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return [.. page.QuerySelectorAll("li.session")];
    }

    /// <summary>Where a bare request carrying only <paramref name="cookie"/> is sent for the dashboard; null when it is let in.</summary>
    private async Task<string?> RedirectWithCookieAsync(string cookie)
    {
        var bare = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost") });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/quan-tri", UriKind.Relative));
        request.Headers.Add("Cookie", cookie);
        var response = await bare.SendAsync(request);
        return response.StatusCode == HttpStatusCode.OK ? null : response.Headers.Location?.AbsolutePath;
    }

    /// <summary>The id the sessions page would give the victim's session, read from a second session's page.</summary>
    private async Task<string> PublicIdOfOnlyOtherSessionAsync(string email)
    {
        var (second, _) = await SignInAsync(email, PortalFactory.StaffPassword, AndroidChrome, "203.0.113.32");
        var form = (await SessionsAsync(second)).Single(s => s.QuerySelector("form") is not null).QuerySelector("form")!;
        return form.GetAttribute("action")!.Split('/')[^2];
    }

    private Task<string> UserIdAsync(string email) =>
        factory.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<bool> AuditedAsync(string action, string? userName) =>
        factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == action && (userName == null || e.UserName == userName)));

    private static string VietnamTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh")).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture);
}
