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
        var category = new Category { Name = "Tin tức", Slug = "tin-tuc" };
        var article = new Article { Title = "Bài cũ", Slug = "bai-cu", Category = category, BodyHtml = oldBody, RenderedBodyHtml = oldBody, Status = ArticleStatus.Published };
        db.Articles.Add(article);
        await db.SaveChangesAsync();

        await migrator.MigrateAsync(lazyImages);
        Assert.Equal(
            "<p>Mở đầu</p><figure><img loading=\"lazy\" decoding=\"async\" src=\"/media/a.jpg\" alt=\"Ảnh &lt;img \"></figure><p>Chữ &lt;img không phải thẻ</p>",
            await StoredBodyAsync(db, article.Id));

        await migrator.MigrateAsync(before);
        Assert.Equal(oldBody, await StoredBodyAsync(db, article.Id));
    }

    private static Task<string> StoredBodyAsync(PortalDbContext db, int id) =>
        db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => a.RenderedBodyHtml).SingleAsync();
}
