using System.Net;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DongNai.EthnicPortal.Tests.Security;

public sealed class SecurityHeadersTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    public static TheoryData<string> PageTypes => new()
    {
        "/",
        "/quan-tri/dang-nhap",
        "/khong-ton-tai",
        "/media/seed-binh-dang-gioi.jpg",
        "/health",
        "/rss",
        "/tin-tuc",
        "/van-ban",
        "/tim-kiem?q=d%C3%A2n+t%E1%BB%99c",
        "/tham-do-y-kien",
        "/loi/404",
        "/loi/413",
    };

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        // HSTS is never sent to localhost, so ask as the public host name would.
        var client = PublicHostClient(fixture.Factory);
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task A_document_attachment_download_carries_the_security_headers()
    {
        var id = await fixture.Factory.WithDbAsync(db => db.DocumentAttachments.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        var response = await PublicHostClient(fixture.Factory).GetAsync(new Uri($"/van-ban/tep/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Content.Headers.ContentDisposition);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Admin_pages_signed_in_carry_the_security_headers()
    {
        await using var factory = new PortalFactory();
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://cong-thong-tin.test") });
        await client.SignInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        foreach (var url in new[] { "/quan-tri", "/quan-tri/bai-viet/tao", "/quan-tri/nguoi-dung", "/quan-tri/cau-hinh" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertSecurityHeaders(response);
        }
    }

    [Fact]
    public async Task An_unhandled_exception_and_a_rate_limited_request_carry_the_security_headers()
    {
        await using var factory = new PortalFactory();
        factory.Settings["Portal:RateLimits:SearchPerMinute"] = "1";
        factory.Settings["Portal:RateLimits:SearchQueue"] = "0";
        factory.TestServices.Add(services => services.AddControllersWithViews().AddApplicationPart(typeof(FaultingController).Assembly));
        var client = PublicHostClient(factory);

        var failed = await client.GetAsync(new Uri("/__test/loi", UriKind.Relative));
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        AssertSecurityHeaders(failed);

        HttpResponseMessage limited;
        var attempts = 0;
        do
        {
            limited = await client.GetAsync(new Uri($"/tim-kiem?q=ph%E1%BB%91-{attempts}", UriKind.Relative));
        }
        while (limited.StatusCode != HttpStatusCode.TooManyRequests && ++attempts < 5);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        AssertSecurityHeaders(limited);
    }

    private static HttpClient PublicHostClient(PortalFactory factory) =>
        factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://cong-thong-tin.test") });

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Header(response, "Content-Security-Policy");
        foreach (var directive in new[] { "default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'" })
        {
            Assert.Contains(directive, csp, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("same-origin", Header(response, "Cross-Origin-Opener-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("max-age=31536000", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"Missing header {name} on {response.RequestMessage?.RequestUri}");
}
