using System.Net;
using DongNai.EthnicPortal.Tests.Infrastructure;

namespace DongNai.EthnicPortal.Tests.Security;

public sealed class OpenRedirectTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    [Theory]
    [InlineData("https://evil.example/phishing")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task Sign_in_never_redirects_off_site(string returnUrl)
    {
        var client = fixture.Factory.CreateBrowserClient();
        var response = await client.PostFormAsync("/quan-tri/dang-nhap", "/quan-tri/dang-nhap",
            [new("Email", PortalFactory.AdminEmail), new("Password", PortalFactory.AdminPassword), new("ReturnUrl", returnUrl)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/quan-tri", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Sign_in_follows_a_local_return_url()
    {
        var client = fixture.Factory.CreateBrowserClient();
        var response = await client.PostFormAsync("/quan-tri/dang-nhap", "/quan-tri/dang-nhap",
            [new("Email", PortalFactory.AdminEmail), new("Password", PortalFactory.AdminPassword), new("ReturnUrl", "/quan-tri?x=1")]);

        Assert.Equal("/quan-tri?x=1", response.Headers.Location?.OriginalString);
    }
}
