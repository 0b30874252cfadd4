using System.Net;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DongNai.EthnicPortal.Tests.Security;

public sealed class ErrorHandlingTests : IDisposable
{
    private readonly PortalFactory factory = new();

    public ErrorHandlingTests() =>
        factory.TestServices.Add(services => services.AddControllersWithViews().AddApplicationPart(typeof(FaultingController).Assembly));

    [Fact]
    public async Task An_exception_shows_a_vietnamese_page_with_a_correlation_id_and_no_internals()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/__test/loi", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Đã xảy ra lỗi", html, StringComparison.Ordinal);
        Assert.Matches("Mã tra cứu sự cố: <code>[^<]{8,}</code>", html);
        Assert.DoesNotContain("hunter2", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", html.Replace("Mã tra cứu", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_outage_is_a_503_maintenance_page_not_a_500()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/__test/mat-co-so-du-lieu", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("Hệ thống đang bảo trì", html, StringComparison.Ordinal);
    }

    public void Dispose() => factory.Dispose();
}
