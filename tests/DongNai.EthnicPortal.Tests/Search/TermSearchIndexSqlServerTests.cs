using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Data.Entities;
using DongNai.EthnicPortal.Web.Infrastructure;
using DongNai.EthnicPortal.Web.Services.Search;
using Microsoft.EntityFrameworkCore;

namespace DongNai.EthnicPortal.Tests.Search;

/// <summary>
/// No SQL Server runs here, but EF translates a query without a connection: this proves the term
/// index's queries are valid for the SQL Server provider and keep the visitor's words as parameters.
/// </summary>
public sealed class TermSearchIndexSqlServerTests
{
    [Fact]
    public void Matching_translates_to_sql_server_with_parameters_only()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.SqlServer, "Server=localhost;Database=Portal;User Id=sa;Password=unused;TrustServerCertificate=True", new StoragePaths(Path.GetTempPath()));
        using var db = new PortalDbContext(options.Options);
        var index = new TermSearchIndex(db, new SearchEntryBuilder(db), TimeProvider.System);

        var sql = index.Match(SearchQuery.Parse("\"bình đẳng giới\" ' OR 1=1 --"), SearchEntryKind.Document, ranked: true, generation: 0).ToQueryString();

        Assert.Contains("[SearchTerms]", sql, StringComparison.Ordinal);
        Assert.Contains("LIKE", sql, StringComparison.Ordinal);
        Assert.Contains("HAVING COUNT(*) = @", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("1=1", sql.Split("SELECT", 2)[1], StringComparison.Ordinal);
    }
}
