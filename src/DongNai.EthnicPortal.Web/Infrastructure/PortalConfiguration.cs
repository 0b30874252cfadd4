using DongNai.EthnicPortal.Web.Services.Polls;
using DongNai.EthnicPortal.Web.Services.Search;
using Microsoft.Extensions.Options;

namespace DongNai.EthnicPortal.Web.Infrastructure;

/// <summary>The "Database" configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public bool MigrateOnStartup { get; set; } = true;
}

/// <summary>
/// Binds the "Portal" and "Database" sections once, at start-up. The setup methods read the bound
/// objects from here, and services get the same instances as <see cref="IOptions{TOptions}"/>.
/// </summary>
public static class PortalConfiguration
{
    public static PortalOptions PortalOptions(this WebApplicationBuilder builder) => Bound(builder, () =>
    {
        var options = builder.Configuration.GetSection(Infrastructure.PortalOptions.SectionName).Get<PortalOptions>() ?? new();
        builder.Services.AddSingleton(Options.Create(options));
        builder.Services.AddSingleton(Options.Create(options.Polls));
        builder.Services.AddSingleton(Options.Create(options.Sitemap));
        builder.Services.AddSingleton(Options.Create(options.Consultations));
        return options;
    });

    public static DatabaseOptions DatabaseOptions(this WebApplicationBuilder builder) => Bound(builder, () =>
    {
        var options = builder.Configuration.GetSection(Infrastructure.DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new();
        builder.Services.AddSingleton(Options.Create(options));
        return options;
    });

    /// <summary>The storage folders, resolved once under the content root.</summary>
    public static StoragePaths StoragePaths(this WebApplicationBuilder builder) => Bound(builder, () =>
    {
        var storage = Infrastructure.StoragePaths.From(builder.PortalOptions(), builder.Environment);
        builder.Services.AddSingleton(storage);
        return storage;
    });

    private static T Bound<T>(WebApplicationBuilder builder, Func<T> bind)
        where T : class
    {
        if (builder.Host.Properties.TryGetValue(typeof(T), out var bound))
        {
            return (T)bound;
        }

        var options = bind();
        builder.Host.Properties[typeof(T)] = options;
        return options;
    }
}
