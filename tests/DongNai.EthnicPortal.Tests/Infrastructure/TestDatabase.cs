using System.Security.Cryptography;
using System.Text;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DongNai.EthnicPortal.Tests.Infrastructure;

/// <summary>
/// The database the functional tests run on: a SQLite file under each factory's storage root by
/// default, or a PostgreSQL server when <see cref="PostgresVariable"/> holds a connection string
/// (server and credentials; the database name is chosen here). On PostgreSQL each factory gets a
/// database of its own, copied from a template that the real migrations built once per test run,
/// and drops it when it is disposed.
/// </summary>
public static class TestDatabase
{
    public const string PostgresVariable = "PORTAL_TEST_POSTGRES";

    private static readonly Lock CreationLock = new();
    private static string? template;

    public static string? PostgresServer { get; } = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server : null;

    public static DatabaseProvider Provider => PostgresServer is null ? DatabaseProvider.Sqlite : DatabaseProvider.PostgreSql;

    public static bool IsPostgreSql => Provider == DatabaseProvider.PostgreSql;

    public static bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    /// <summary>
    /// The connection string of the PostgreSQL database that belongs to a storage root, created from
    /// the template if it does not exist yet; two factories over one root (KeepStorage) share it.
    /// </summary>
    public static string PostgresConnectionString(string storageRoot)
    {
        var name = DatabaseName(storageRoot);
        lock (CreationLock)
        {
            template ??= CreateTemplate();
            using var admin = OpenMaintenanceConnection();
            if (!Exists(admin, name))
            {
                Execute(admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
            }
        }

        return WithDatabase(name);
    }

    /// <summary>Drops the database of a storage root, closing whatever connections still use it.</summary>
    public static void DropPostgres(string storageRoot)
    {
        var connectionString = WithDatabase(DatabaseName(storageRoot));
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        using var admin = OpenMaintenanceConnection();
        Execute(admin, $"DROP DATABASE IF EXISTS \"{DatabaseName(storageRoot)}\" WITH (FORCE)");
    }

    private static string DatabaseName(string storageRoot) =>
        "portal_test_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(storageRoot)))[..20];

    /// <summary>Migrates an empty database once per test process; copying it is much cheaper than migrating each one.</summary>
    private static string CreateTemplate()
    {
        var name = $"portal_template_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
        using (var admin = OpenMaintenanceConnection())
        {
            Execute(admin, $"CREATE DATABASE \"{name}\"");
        }

        var options = new DbContextOptionsBuilder<PortalDbContext>();
        var connectionString = WithDatabase(name);
        DatabaseSetup.Configure(options, DatabaseProvider.PostgreSql, connectionString, new StoragePaths(Path.GetTempPath()));
        using (var db = new PortalDbContext(options.Options))
        {
            db.Database.Migrate();
        }

        // CREATE DATABASE … TEMPLATE refuses a template that has open connections.
        using (var pooled = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            using var admin = OpenMaintenanceConnection();
            Execute(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        };
        return name;
    }

    private static string WithDatabase(string name) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = name }.ConnectionString;

    private static NpgsqlConnection OpenMaintenanceConnection()
    {
        // Pooling off: a pooled connection to "postgres" would outlive the test run for nothing.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgresServer) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        return connection;
    }

    private static bool Exists(NpgsqlConnection admin, string name)
    {
        using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
        command.Parameters.AddWithValue("name", name);
        return command.ExecuteScalar() is not null;
    }

    private static void Execute(NpgsqlConnection admin, string sql)
    {
        using var command = new NpgsqlCommand(sql, admin);
        command.ExecuteNonQuery();
    }
}
