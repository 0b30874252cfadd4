using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DongNai.EthnicPortal.Tests.Infrastructure;

/// <summary>
/// The real application over a real database with the real migrations: a SQLite file in a private
/// temporary folder that is deleted afterwards, or a PostgreSQL database of its own when the tests
/// run against a server (<see cref="TestDatabase"/>), dropped afterwards.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "mat-khau-quan-tri-thu-nghiem";
    public const string StaffPassword = "mat-khau-bien-tap-thu-nghiem";

    public string StorageRoot { get; init; } = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Leaves the database and uploads behind, so a second factory can start over the same files.</summary>
    public bool KeepStorage { get; init; }

    /// <summary>Replaces the clock, e.g. with a FakeTimeProvider.</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>Extra service registrations for one test, applied after the application's own.</summary>
    public List<Action<IServiceCollection>> TestServices { get; } = [];

    /// <summary>Extra configuration for one test class.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Outside Development the host skips the static web assets manifest, and the precompressed
        // files MapStaticAssets picks for a browser's Accept-Encoding exist only in the build output.
        builder.UseStaticWebAssets();
        builder.UseSetting("Portal:Storage:Root", StorageRoot);
        builder.UseSetting("Portal:Admin:Email", AdminEmail);
        builder.UseSetting("Portal:Admin:Password", AdminPassword);
        builder.UseSetting("Portal:RateLimits:SignInPerMinute", "1000");
        builder.UseSetting("Portal:RateLimits:VotesPerMinute", "1000");
        builder.UseSetting("Portal:RateLimits:SearchPerMinute", "1000");
        builder.UseSetting("Portal:RateLimits:UploadsPerMinute", "1000");
        builder.UseSetting("Portal:Polls:VoterKeySecret", "test-secret-for-voter-keys-0123456789");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        if (TestDatabase.IsPostgreSql)
        {
            builder.UseSetting("Database:Provider", nameof(DatabaseProvider.PostgreSql));
            builder.UseSetting("ConnectionStrings:Portal", TestDatabase.PostgresConnectionString(StorageRoot));
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            if (Time is not null)
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton(Time);
            }

            foreach (var configure in TestServices)
            {
                configure(services);
            }
        });
    }

    /// <summary>A client that keeps cookies and does not follow redirects; https, because auth cookies are Secure outside Development.</summary>
    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });

    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    public async Task WithDbAsync(Func<PortalDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>Creates a staff account with <see cref="StaffPassword"/> and returns its email.</summary>
    public async Task<string> CreateUserAsync(string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local";
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"{Roles.DisplayName(role)} thử nghiệm", CreatedAt = DateTime.UtcNow };
        var created = await users.CreateAsync(user, StaffPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return email;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (disposing && !KeepStorage)
        {
            if (TestDatabase.IsPostgreSql)
            {
                TestDatabase.DropPostgres(StorageRoot);
            }

            try
            {
                Directory.Delete(StorageRoot, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by the OS only leaves a temp folder behind.
            }
        }
    }
}
