using System.Text.RegularExpressions;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;

namespace DongNai.EthnicPortal.Tests.Security;

/// <summary>Sign-in answers an unknown user exactly as it answers a wrong password (Umbraco CVE-2025-24011).</summary>
public sealed partial class EnumerationTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Unknown_user_and_wrong_password_get_identical_pages_apart_from_the_token()
    {
        var email = await fixture.Factory.CreateUserAsync(Roles.Author);
        var unknown = $"x{email[1..]}".Replace("@test.local", "@khong-co.local", StringComparison.Ordinal);

        var wrongPassword = await fixture.Factory.CreateBrowserClient().PostFormAsync("/quan-tri/dang-nhap", "/quan-tri/dang-nhap", [new("Email", email), new("Password", "khong-phai-mat-khau-nay")]);
        var unknownUser = await fixture.Factory.CreateBrowserClient().PostFormAsync("/quan-tri/dang-nhap", "/quan-tri/dang-nhap", [new("Email", unknown), new("Password", "khong-phai-mat-khau-nay")]);

        Assert.Equal(wrongPassword.StatusCode, unknownUser.StatusCode);
        Assert.Equal(CookieNames(wrongPassword), CookieNames(unknownUser));
        var known = Normalise(await wrongPassword.Content.ReadAsStringAsync(), email);
        var stranger = Normalise(await unknownUser.Content.ReadAsStringAsync(), unknown);
        Assert.Contains("Email hoặc mật khẩu không đúng.", known, StringComparison.Ordinal);
        Assert.Equal(known, stranger);
    }

    private static string Normalise(string html, string email) =>
        TokenValue().Replace(html, "value=\"TOKEN\"").Replace(email, "EMAIL", StringComparison.Ordinal);

    private static string CookieNames(HttpResponseMessage response) =>
        string.Join(",", response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.Select(c => c.Split('=')[0]).Order(StringComparer.Ordinal) : []);

    [GeneratedRegex("(?<=name=\"__RequestVerificationToken\" type=\"hidden\" )value=\"[^\"]+\"")]
    private static partial Regex TokenValue();
}
