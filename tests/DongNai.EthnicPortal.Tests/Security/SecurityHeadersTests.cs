using System.Net;
using DongNai.EthnicPortal.Tests.Infrastructure;

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
    };

    [Theory]
    [MemberData(nameof(PageTypes))]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        // HSTS is never sent to localhost, so ask as the public host name would.
        var client = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://cong-thong-tin.test") });
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);

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
