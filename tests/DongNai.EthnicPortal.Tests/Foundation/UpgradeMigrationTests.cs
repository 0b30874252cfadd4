using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DongNai.EthnicPortal.Tests.Foundation;

/// <summary>Migrations that change stored content, run the way an upgrade runs them: over a database of the version before.</summary>
public sealed class UpgradeMigrationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("portal-upgrade-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Bodies_rendered_before_lazy_images_gain_them_and_lose_them_on_rollback()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "portal.db")}", new StoragePaths(folder));
        await using var db = new PortalDbContext(options.Options);
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        var lazyImages = migrations.Single(m => m.EndsWith("_LazyBodyImages", StringComparison.Ordinal));
        var before = migrations[migrations.IndexOf(lazyImages) - 1];

        await migrator.MigrateAsync(before);
        const string oldBody = "<p>Mở đầu</p><figure><img src=\"/media/a.jpg\" alt=\"Ảnh &lt;img \"></figure><p>Chữ &lt;img không phải thẻ</p>";
        // Written in SQL: the current model has columns that this older schema lacks.
        var categoryId = await InsertAsync(db, "Categories", new() { ["Name"] = "Tin tức", ["Slug"] = "tin-tuc" });
        var article = new { Id = await InsertAsync(db, "Articles", new() { ["Title"] = "Bài cũ", ["Slug"] = "bai-cu", ["CategoryId"] = categoryId, ["BodyHtml"] = oldBody, ["RenderedBodyHtml"] = oldBody, ["Status"] = (int)ArticleStatus.Published }) };

        await migrator.MigrateAsync(lazyImages);
        Assert.Equal(
            "<p>Mở đầu</p><figure><img loading=\"lazy\" decoding=\"async\" src=\"/media/a.jpg\" alt=\"Ảnh &lt;img \"></figure><p>Chữ &lt;img không phải thẻ</p>",
            await StoredBodyAsync(db, article.Id));

        await migrator.MigrateAsync(before);
        Assert.Equal(oldBody, await StoredBodyAsync(db, article.Id));
    }

    /// <summary>Inserts a row giving every other required column of the table as it is now a neutral value; returns its id.</summary>
    private static async Task<int> InsertAsync(PortalDbContext db, string table, Dictionary<string, object> values)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var info = connection.CreateCommand();
        info.CommandText = $"SELECT name, type FROM pragma_table_info('{table}') WHERE \"notnull\" = 1 AND dflt_value IS NULL AND pk = 0";
        await using (var reader = await info.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var type = reader.GetString(1);
                values.TryAdd(reader.GetString(0), type == "INTEGER" ? 0 : type == "TEXT" && reader.GetString(0).EndsWith("At", StringComparison.Ordinal) ? "2024-01-01 00:00:00" : type == "TEXT" ? Guid.Empty.ToString() : 0);
            }
        }

        await using var insert = connection.CreateCommand();
        var names = values.Keys.ToList();
        insert.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", names.Select((_, i) => "$p" + i))}); SELECT last_insert_rowid();";
        for (var i = 0; i < names.Count; i++)
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = "$p" + i;
            parameter.Value = values[names[i]];
            insert.Parameters.Add(parameter);
        }

        return Convert.ToInt32(await insert.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<string> StoredBodyAsync(PortalDbContext db, int id) =>
        db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => a.RenderedBodyHtml).SingleAsync();
}
