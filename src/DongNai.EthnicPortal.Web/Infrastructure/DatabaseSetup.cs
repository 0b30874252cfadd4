using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Runtime.CompilerServices;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Services.Articles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DongNai.EthnicPortal.Web.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    PostgreSql,
}

public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "DongNai.EthnicPortal.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "DongNai.EthnicPortal.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "DongNai.EthnicPortal.Migrations.PostgreSql";

    private static readonly ConcurrentDictionary<DatabaseProvider, IModel?> CompiledModels = new();

    public static WebApplicationBuilder AddPortalDatabase(this WebApplicationBuilder builder)
    {
        var storage = builder.StoragePaths();

        var provider = builder.DatabaseOptions().Provider;
        var connectionString = builder.Configuration.GetConnectionString("Portal");

        builder.Services.AddDbContextPool<PortalDbContext>(options => Configure(options, provider, connectionString, storage));
        builder.Services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database", tags: ["ready"]);
        if (provider == DatabaseProvider.Sqlite)
        {
            builder.Services.Configure<MvcOptions>(options => options.Filters.Add<SqliteRequestConnection>());
        }

        return builder;
    }

    /// <param name="compiledModel">
    /// Use the provider's compiled model, which saves building the model from the configurations at
    /// start-up. The EF tools never use it: they must see the model as configured.
    /// </param>
    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string? connectionString, StoragePaths storage, bool compiledModel = true)
    {
        options.AddInterceptors(PublishedArticles.RuleExpander.Instance);
        if (compiledModel && !EF.IsDesignTime && CompiledModel(provider) is { } model)
        {
            options.UseModel(model);
        }

        switch (provider)
        {
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(RequiredConnectionString(connectionString, provider), sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly).EnableRetryOnFailure());
                return;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(RequiredConnectionString(connectionString, provider), npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly).EnableRetryOnFailure());
                return;
        }

        options.UseSqlite(SqliteConnectionString(connectionString, storage), sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly));
        options.AddInterceptors(SqlitePragmaInterceptor.Instance);
    }

    /// <summary>
    /// The compiled model in the provider's migrations assembly (its <c>CompiledModel</c> folder, made by
    /// <c>scripts/compiled-models.sh</c>), or null when there is none. The model differs per provider
    /// (column types, PostgreSQL's generated tsvector), so each set has its own. Found through the
    /// assembly attribute EF generates rather than by name, so that the script can delete a stale one
    /// whose code no longer compiles and still build the project to generate it again.
    /// </summary>
    public static IModel? CompiledModel(DatabaseProvider provider) =>
        CompiledModels.GetOrAdd(provider, static provider =>
        {
            var assembly = Assembly.Load(MigrationsAssembly(provider));
            var modelType = assembly.GetCustomAttributes<DbContextModelAttribute>().FirstOrDefault(a => a.ContextType == typeof(PortalDbContext))?.ModelType;
            return (IModel?)modelType?.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
        });

    public static string MigrationsAssembly(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.SqlServer => SqlServerMigrationsAssembly,
        DatabaseProvider.PostgreSql => PostgreSqlMigrationsAssembly,
        _ => SqliteMigrationsAssembly,
    };

    private static string RequiredConnectionString(string? connectionString, DatabaseProvider provider) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException($"ConnectionStrings:Portal is required when Database:Provider is {provider}.")
            : connectionString;

    private static string SqliteConnectionString(string? configured, StoragePaths storage)
    {
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? $"Data Source={Path.Combine(storage.Root, "portal.db")}"
            : configured);

        // Writers wait for each other instead of failing with "database is locked".
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }

        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && Path.GetDirectoryName(Path.GetFullPath(file)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        // Pooling stays on by default; an explicit "Pooling=False" (bench/faults.sh) is honoured.
        return builder.ToString();
    }

    /// <summary>
    /// Connection settings: WAL lets readers run beside the writer; busy_timeout makes writers queue;
    /// optimize gathers the planner's statistics when they are missing or stale (cheap otherwise),
    /// without which SQLite walked 100,000 articles to find a document's two citing ones. They belong
    /// to the physical connection, which the pool keeps open across many logical opens, so they are
    /// sent once per physical connection rather than on every open of every request.
    /// </summary>
    private sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
    {
        public static readonly SqlitePragmaInterceptor Instance = new();

        private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON; PRAGMA optimize=0x10002;";

        private readonly ConditionalWeakTable<object, object> configured = [];

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
        {
            if (!NeedsPragmas(connection))
            {
                return;
            }

            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            if (!NeedsPragmas(connection))
            {
                return;
            }

            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        private bool NeedsPragmas(DbConnection connection) =>
            connection is not SqliteConnection { Handle: { } handle } || configured.TryAdd(handle, handle);
    }

    /// <summary>
    /// Keeps the context's connection open for the whole action and its view instead of opening and
    /// closing it around each of the page's statements. A logical open of a pooled SQLite connection
    /// registers EF's SQL functions on it again and its close removes them; on the home page those
    /// round trips cost about a tenth of the request's CPU. Not for the server databases, whose opens
    /// are cheap and whose pooled connections would then be held while the view renders.
    /// </summary>
    private sealed class SqliteRequestConnection(PortalDbContext db) : IAsyncResourceFilter
    {
        public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
        {
            await db.Database.OpenConnectionAsync();
            try
            {
                await next();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
