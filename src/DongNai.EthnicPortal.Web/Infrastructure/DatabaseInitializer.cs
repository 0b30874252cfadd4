using System.Security.Cryptography;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Data.Seeding;
using DongNai.EthnicPortal.Web.Services.Persistence;
using DongNai.EthnicPortal.Web.Services.Polls;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DongNai.EthnicPortal.Web.Infrastructure;

/// <summary>A step that prepares derived content (rendered links, search index) once the database is ready.</summary>
public interface IContentInitializer
{
    Task InitializeAsync(bool demoContentSeeded, CancellationToken cancellationToken);
}

public static class DatabaseInitializer
{
    /// <summary>How long the start-up work may hold its lease before another instance may take over (a crashed holder).</summary>
    private static readonly TimeSpan InitializationLease = TimeSpan.FromMinutes(15);

    private static readonly TimeSpan MigrationTimeout = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Applies the migrations (unless <c>Database:MigrateOnStartup=false</c>; <c>--migrate</c> always does),
    /// then seeds, creates the first administrator and derives content. EF's migration lock serialises the
    /// migrations; a database lease makes exactly one of several instances starting together do the rest,
    /// while the others wait and then find everything done.
    /// </summary>
    public static async Task InitializePortalDatabaseAsync(this WebApplication app, bool forceMigrations = false, CancellationToken cancellationToken = default)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            if (forceMigrations || app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
            {
                var database = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database;
                // A migration that rewrites a large table (the search entries of 100,000 articles) takes
                // minutes, far past the 30 s a page's query may take.
                database.SetCommandTimeout(MigrationTimeout);
                // The history table says whether there is anything to apply. MigrateAsync alone would
                // also build the model from the configurations on every start, to compare it with the
                // migrations (the compiled model cannot be compared), which took a second of start-up
                // on two busy cores; it still makes that check whenever it applies migrations.
                if ((await database.GetPendingMigrationsAsync(cancellationToken)).Any())
                {
                    await database.MigrateAsync(cancellationToken);
                }
            }
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseInitializer));
        var waited = false;
        while (true)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var leases = scope.ServiceProvider.GetRequiredService<DatabaseLeases>();
            if (await leases.TryAcquireAsync(DatabaseLeases.Initialization, InitializationLease, cancellationToken))
            {
                try
                {
                    await InitializeContentAsync(scope.ServiceProvider, logger, cancellationToken);
                }
                finally
                {
                    await leases.ReleaseAsync(DatabaseLeases.Initialization, CancellationToken.None);
                }

                return;
            }

            if (!waited)
            {
                logger.LogInformation("Another instance is initializing the database; waiting for it to finish.");
                waited = true;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    private static async Task InitializeContentAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var options = services.GetRequiredService<IOptions<PortalOptions>>().Value;
        var storage = services.GetRequiredService<StoragePaths>();

        var importedKeys = await DataProtectionSetup.ImportFileKeysAsync(db, storage.Keys, cancellationToken);
        if (importedKeys > 0)
        {
            logger.LogInformation("Moved {Count} data-protection key(s) from {Folder} into the database.", importedKeys, storage.Keys);
        }

        // Made here, under the lease, so instances starting together do not each create a key of their own.
        services.GetRequiredService<IDataProtectionProvider>().CreateProtector(nameof(DatabaseInitializer)).Protect("key ring ready");
        services.GetRequiredService<PollKeyHasher>().EnsureSecret();

        var seeded = await PortalSeeder.SeedAsync(db, new SeedOptions(options.SeedDemoContent, storage.Uploads), services.GetRequiredService<TimeProvider>(), cancellationToken);
        await EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        await EnsureFirstAdministratorAsync(services.GetRequiredService<UserManager<PortalUser>>(), options.Admin, services.GetRequiredService<TimeProvider>(), logger);

        foreach (var initializer in services.GetServices<IContentInitializer>())
        {
            await initializer.InitializeAsync(seeded, cancellationToken);
        }
    }

    private static async Task EnsureRolesAsync(RoleManager<IdentityRole> roleManager)
    {
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new IdentityRole(role));
            }
        }
    }

    private static async Task EnsureFirstAdministratorAsync(UserManager<PortalUser> userManager, PortalOptions.AdminAccountOptions admin, TimeProvider time, ILogger logger)
    {
        if (await userManager.Users.AnyAsync())
        {
            return;
        }

        var generated = string.IsNullOrWhiteSpace(admin.Password);
        var password = generated ? GeneratePassword() : admin.Password!;
        var user = new PortalUser
        {
            UserName = admin.Email,
            Email = admin.Email,
            EmailConfirmed = true,
            DisplayName = "Quản trị viên",
            MustChangePassword = generated,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };

        var result = await userManager.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The first administrator could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }

        await userManager.AddToRoleAsync(user, Roles.Administrator);
        if (generated)
        {
            // The only time this password exists in clear text; it must be changed at first sign-in.
            logger.LogWarning(
                "Đã tạo tài khoản quản trị đầu tiên. Đăng nhập tại /quan-tri/dang-nhap với email {Email} và mật khẩu tạm thời {Password}, rồi đổi mật khẩu ngay. (First administrator created: sign in at /quan-tri/dang-nhap with this one-time password and change it.)",
                admin.Email,
                password);
        }
        else
        {
            logger.LogInformation("First administrator {Email} created with the configured password.", admin.Email);
        }
    }

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 24);
    }
}
