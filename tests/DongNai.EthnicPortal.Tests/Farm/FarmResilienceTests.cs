using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Tests.Admin;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DongNai.EthnicPortal.Tests.Farm;

/// <summary>The farm's failure paths, on the real application: Redis configured but unreachable, metrics kept private, a backup restored.</summary>
public sealed class FarmResilienceTests
{
    [Fact]
    public async Task With_redis_unreachable_pages_serve_saves_succeed_and_readiness_says_degraded()
    {
        await using var factory = new PortalFactory();
        // Nothing listens on port 1: the same as a Redis that is down.
        factory.Settings["Portal:Redis:Configuration"] = "127.0.0.1:1,connectTimeout=200";
        var anonymous = factory.CreateClient(new() { AllowAutoRedirect = false });

        Assert.Equal(System.Net.HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
        var ready = await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var readiness = await ready.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, ready.StatusCode);
        Assert.StartsWith("Degraded", readiness, StringComparison.Ordinal);
        Assert.Contains("Redis unreachable", readiness, StringComparison.Ordinal);

        var editor = await factory.SignedInAsync(Roles.Editor);
        var link = await factory.WithDbAsync(db => db.WebLinks.AsNoTracking().OrderBy(l => l.Id).FirstAsync());
        var saved = await editor.PostFormAsync($"/quan-tri/lien-ket/{link.Id}/sua", $"/quan-tri/lien-ket/{link.Id}/sua", [
            new("Id", link.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Name", "Cổng dịch vụ công khi Redis ngừng"),
            new("Url", link.Url),
            new("SortOrder", link.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("IsVisible", "true"),
        ]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Cổng dịch vụ công khi Redis ngừng", await anonymous.GetStringAsync(new Uri("/", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_redis_readiness_is_healthy_and_metrics_are_not_served_to_remote_clients()
    {
        await using var factory = new PortalFactory();
        var client = factory.CreateClient();

        Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative)));
        // The test server has no loopback client address, like any request from outside.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync(new Uri(FarmSetup.MetricsPath, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_sqlite_backup_taken_while_serving_restores_with_every_row()
    {
        Assert.SkipUnless(TestDatabase.IsSqlite, "SQLite's online backup (VACUUM INTO); PostgreSQL is backed up with pg_dump.");
        var backupFolder = Path.Combine(Path.GetTempPath(), "portal-tests", Guid.NewGuid().ToString("N"));
        var backup = Path.Combine(backupFolder, "portal.db");
        await using var live = new PortalFactory();
        var editor = await live.SignedInAsync(Roles.Editor);
        await editor.CreateArticleAsync(live, "Bài viết trước khi sao lưu");
        var before = await live.WithDbAsync(db => TableCountsAsync(db.Database.GetDbConnection().ConnectionString));

        await live.WithDbAsync(db => MaintenanceCommands.BackupSqliteAsync(db, backup));
        var copied = await TableCountsAsync($"Data Source={backup};Pooling=False");

        Assert.True(before.Count > 20, $"only {before.Count} tables counted");
        Assert.Equal(before, copied);
        // Restore: a fresh instance started over the copy serves its content.
        await using var restored = new PortalFactory { StorageRoot = backupFolder };
        Assert.True(await restored.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == "Bài viết trước khi sao lưu")));
    }

    private static async Task<SortedDictionary<string, long>> TableCountsAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'SearchFts%' AND name <> '__EFMigrationsLock'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }

        return counts;
    }
}
