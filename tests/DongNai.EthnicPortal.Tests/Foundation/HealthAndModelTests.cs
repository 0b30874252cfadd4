using System.Net;
using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Tests.Infrastructure;
using DongNai.EthnicPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Foundation;

public sealed class HealthAndModelTests(PortalFixture fixture) : IClassFixture<PortalFixture>
{
    /// <summary>Connection strings for building a provider's model; no server is contacted.</summary>
    internal static readonly Dictionary<DatabaseProvider, string> UnusedConnectionStrings = new()
    {
        [DatabaseProvider.Sqlite] = "Data Source=:memory:",
        [DatabaseProvider.SqlServer] = "Server=localhost;Database=Portal;User Id=sa;Password=unused;TrustServerCertificate=True",
        [DatabaseProvider.PostgreSql] = "Host=localhost;Database=portal;Username=portal;Password=unused",
    };

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_report_healthy(string url)
    {
        var response = await fixture.Factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void Migrations_cover_the_whole_model(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        // No server is contacted: comparing the model with the snapshot needs only the provider.
        DatabaseSetup.Configure(options, provider, UnusedConnectionStrings[provider], new StoragePaths(Path.GetTempPath()));
        using var db = new PortalDbContext(options.Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"The {provider} migrations do not match the model; add a migration to all three sets (README, \"Adding a migration\").");
    }

    /// <summary>SQLite has no INCLUDE; SQL Server would refuse the folded columns as key columns (over 1,700 bytes).</summary>
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "CREATE INDEX \"IX_Articles_AdminSearch\" ON \"Articles\" (\"UpdatedAt\", \"Id\", \"TitleFolded\", \"SummaryFolded\");")]
    [InlineData(DatabaseProvider.SqlServer, "CREATE INDEX [IX_Articles_AdminSearch] ON [Articles] ([UpdatedAt], [Id]) INCLUDE ([TitleFolded], [SummaryFolded]);")]
    [InlineData(DatabaseProvider.PostgreSql, "CREATE INDEX \"IX_Articles_AdminSearch\" ON \"Articles\" (\"UpdatedAt\", \"Id\") INCLUDE (\"TitleFolded\", \"SummaryFolded\");")]
    public void The_admin_search_index_carries_the_folded_columns_on_every_provider(DatabaseProvider provider, string expected)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(options, provider, UnusedConnectionStrings[provider], new StoragePaths(Path.GetTempPath()));
        using var db = new PortalDbContext(options.Options);

        Assert.Contains(expected, db.Database.GenerateCreateScript(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_uses_write_ahead_logging()
    {
        Assert.SkipUnless(TestDatabase.IsSqlite, "SQLite's journal mode; PostgreSQL always writes ahead.");
        var mode = await fixture.Factory.WithDbAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            return (string?)await command.ExecuteScalarAsync();
        });
        Assert.Equal("wal", mode);
    }

    [Fact]
    public async Task Unknown_pages_get_a_vietnamese_404()
    {
        var response = await fixture.Factory.CreateClient().GetAsync(new Uri("/khong-ton-tai", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = HtmlPages.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Không tìm thấy trang", page.One("h1").Text(), StringComparison.Ordinal);
        Assert.Equal("vi", page.DocumentElement.GetAttribute("lang"));
    }
}
