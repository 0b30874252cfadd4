using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace DongNai.EthnicPortal.Tests.Admin;

public sealed partial class TwoFactorAndSessionTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Fact]
    public async Task Authenticator_app_two_factor_is_enabled_and_then_required_at_sign_in()
    {
        var email = await fixture.Factory.CreateUserAsync(Roles.Editor);
        var client = fixture.Factory.CreateBrowserClient();
        await client.SignInAsync(email, PortalFactory.StaffPassword);
        var setup = await client.GetStringAsync(new Uri("/quan-tri/xac-thuc-hai-buoc", UriKind.Relative));
        var key = SharedKey().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.NotEmpty(key);

        var wrong = await client.PostFormAsync("/quan-tri/xac-thuc-hai-buoc", "/quan-tri/xac-thuc-hai-buoc", [new("code", "000000")]);
        Assert.Equal("/quan-tri/xac-thuc-hai-buoc", wrong.Headers.Location?.OriginalString);

        var enabled = await client.PostFormAsync("/quan-tri/xac-thuc-hai-buoc", "/quan-tri/xac-thuc-hai-buoc", [new("code", Totp(key, 0))]);
        Assert.Equal("/quan-tri/tai-khoan", enabled.Headers.Location?.OriginalString);

        var next = fixture.Factory.CreateBrowserClient();
        var password = await next.PostFormAsync("/quan-tri/dang-nhap", "/quan-tri/dang-nhap", [new("Email", email), new("Password", PortalFactory.StaffPassword)]);
        Assert.StartsWith("/quan-tri/dang-nhap/ma-xac-thuc", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await next.GetAsync(new Uri("/quan-tri", UriKind.Relative))).StatusCode);

        var badCode = await next.PostFormAsync("/quan-tri/dang-nhap/ma-xac-thuc", "/quan-tri/dang-nhap/ma-xac-thuc", [new("Code", "123456")]);
        Assert.Contains("Mã xác thực không đúng", System.Net.WebUtility.HtmlDecode(await badCode.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var signedIn = await next.PostFormAsync("/quan-tri/dang-nhap/ma-xac-thuc", "/quan-tri/dang-nhap/ma-xac-thuc", [new("Code", Totp(key, 1)), new("ReturnUrl", "/quan-tri")]);
        Assert.Equal("/quan-tri", signedIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await next.GetAsync(new Uri("/quan-tri", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_authenticator_code_is_accepted_once_including_the_code_that_turned_two_factor_on()
    {
        var email = await fixture.Factory.CreateUserAsync(Roles.Editor);
        var client = fixture.Factory.CreateBrowserClient();
        await client.SignInAsync(email, PortalFactory.StaffPassword);
        var setup = await client.GetStringAsync(new Uri("/quan-tri/xac-thuc-hai-buoc", UriKind.Relative));
        var key = SharedKey().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var enabled = await client.PostFormAsync("/quan-tri/xac-thuc-hai-buoc", "/quan-tri/xac-thuc-hai-buoc", [new("code", Totp(key, 0))]);
        Assert.Equal("/quan-tri/tai-khoan", enabled.Headers.Location?.OriginalString);

        // The code that turned two-factor on, and one from before it, open nothing.
        foreach (var used in new[] { Totp(key, 0), Totp(key, -1) })
        {
            var browser = await PasswordStepAsync(email);
            var refused = await browser.PostFormAsync("/quan-tri/dang-nhap/ma-xac-thuc", "/quan-tri/dang-nhap/ma-xac-thuc", [new("Code", used)]);
            Assert.Contains("Mã xác thực không đúng", System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(new Uri("/quan-tri", UriKind.Relative))).StatusCode);
        }

        // A fresh code signs in one browser; the same six digits in a second browser are refused.
        // Computed once: computing it again could cross a 30-second step and give the next, valid code.
        var fresh = Totp(key, 1);
        var first = await PasswordStepAsync(email);
        var accepted = await first.PostFormAsync("/quan-tri/dang-nhap/ma-xac-thuc", "/quan-tri/dang-nhap/ma-xac-thuc", [new("Code", fresh), new("ReturnUrl", "/quan-tri")]);
        Assert.Equal("/quan-tri", accepted.Headers.Location?.OriginalString);
        var second = await PasswordStepAsync(email);
        var replayed = await second.PostFormAsync("/quan-tri/dang-nhap/ma-xac-thuc", "/quan-tri/dang-nhap/ma-xac-thuc", [new("Code", fresh), new("ReturnUrl", "/quan-tri")]);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("Mã xác thực không đúng", System.Net.WebUtility.HtmlDecode(await replayed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync(new Uri("/quan-tri", UriKind.Relative))).StatusCode);
    }

    private async Task<HttpClient> PasswordStepAsync(string email)
    {
        var browser = fixture.Factory.CreateBrowserClient();
        var password = await browser.PostFormAsync("/quan-tri/dang-nhap", "/quan-tri/dang-nhap", [new("Email", email), new("Password", PortalFactory.StaffPassword)]);
        Assert.StartsWith("/quan-tri/dang-nhap/ma-xac-thuc", password.Headers.Location?.OriginalString, StringComparison.Ordinal);
        return browser;
    }

    [Fact]
    public async Task An_active_session_still_ends_at_the_absolute_limit()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 1, 0, 0, TimeSpan.Zero));
        using var factory = new PortalFactory { Time = time };
        var client = await factory.SignedInAsync(Roles.Author);

        time.Advance(TimeSpan.FromHours(5));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/quan-tri", UriKind.Relative))).StatusCode);
        time.Advance(TimeSpan.FromHours(5));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/quan-tri", UriKind.Relative))).StatusCode);

        time.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(5));
        var expired = await client.GetAsync(new Uri("/quan-tri", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/quan-tri/dang-nhap", expired.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    /// <summary>RFC 6238 with the defaults authenticator apps use: SHA-1, 30-second steps, 6 digits.</summary>
    private static string Totp(string base32Key, int stepOffset)
    {
        var key = Base32(base32Key);
        var step = (DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30) + stepOffset;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; the test must match them.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex("class=\"one-time-password\">([^<]+)<")]
    private static partial Regex SharedKey();
}
