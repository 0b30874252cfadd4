using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Events;

namespace DongNai.EthnicPortal.Tests.Foundation;

/// <summary>
/// Serilog's request logging writes through the static logger, which the most recently built host owns;
/// running alone keeps another test's host from taking the log event this test reads.
/// </summary>
[CollectionDefinition(nameof(FirstAdministratorTests), DisableParallelization = true)]
[Collection(nameof(FirstAdministratorTests))]
public sealed class FirstAdministratorTests
{
    [Fact]
    public async Task Configured_password_creates_an_administrator_who_can_sign_in()
    {
        using var factory = new PortalFactory();
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var admin = await users.FindByEmailAsync(PortalFactory.AdminEmail);

        Assert.NotNull(admin);
        Assert.True(await users.IsInRoleAsync(admin, Roles.Administrator));
        Assert.True(await users.CheckPasswordAsync(admin, PortalFactory.AdminPassword));
        Assert.False(admin.MustChangePassword);
    }

    [Fact]
    public async Task Without_a_configured_password_a_random_one_is_generated_logged_once_and_must_be_changed()
    {
        var log = new CapturedLog();
        using var factory = new PortalFactory();
        factory.Settings["Portal:Admin:Password"] = "";
        factory.TestServices.Add(services => services.AddSingleton<Serilog.Core.ILogEventSink>(log));

        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var admin = await users.FindByEmailAsync(PortalFactory.AdminEmail);
        Assert.NotNull(admin);
        Assert.True(admin.MustChangePassword);

        var announcement = Assert.Single(log.Events, e => e.Properties.ContainsKey("Password"));
        Assert.Equal(LogEventLevel.Warning, announcement.Level);
        Assert.Contains("/quan-tri/dang-nhap", announcement.RenderMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var password = ((ScalarValue)announcement.Properties["Password"]).Value as string;
        Assert.False(string.IsNullOrEmpty(password));
        Assert.True(password.Length >= 20);
        Assert.True(await users.CheckPasswordAsync(admin, password), "The logged password must be the one that signs in.");
    }
}
