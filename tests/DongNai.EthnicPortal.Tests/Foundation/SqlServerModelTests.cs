using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace DongNai.EthnicPortal.Tests.Foundation;

/// <summary>
/// No SQL Server runs here, so the rules it enforces only when a migration is applied are checked on
/// the portal's SQL Server model; each rule is also shown to catch the case it guards, on a small
/// model built wrong on purpose.
/// </summary>
public sealed class SqlServerModelTests
{
    private const string UnusedServer = "Server=localhost;Database=Portal;User Id=sa;Password=unused;TrustServerCertificate=True";

    [Fact]
    public void The_portal_model_keeps_every_sql_server_rule()
    {
        var model = PortalModel();

        Assert.True(model.Tables.Count() > 20, "The relational model should hold every table.");
        var violations = SqlServerModelRules.All(model).Where(v => !IdentityWideKeys.Any(key => v.StartsWith(key + ": key of", StringComparison.Ordinal))).ToList();
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    /// <summary>
    /// ASP.NET Core Identity's own SQL Server schema declares these composite keys of nvarchar(450)
    /// columns (1,800–2,700 bytes). SQL Server creates them with a warning and refuses only a row whose
    /// actual key exceeds 900 bytes; the portal's values are 36-character GUIDs and short fixed provider
    /// and token names (under 200 bytes), so the warning is expected and named here rather than hidden.
    /// </summary>
    private static readonly string[] IdentityWideKeys =
    [
        "AspNetUserLogins.PK_AspNetUserLogins",
        "AspNetUserRoles.PK_AspNetUserRoles",
        "AspNetUserTokens.PK_AspNetUserTokens",
    ];

    [Fact]
    public void Only_identitys_own_keys_are_declared_wider_than_sql_server_allows()
    {
        var wide = SqlServerModelRules.KeySizes(PortalModel()).Select(v => v[..v.IndexOf(':', StringComparison.Ordinal)]).Order(StringComparer.Ordinal);

        Assert.Equal(IdentityWideKeys, wide);
    }

    [Fact]
    public void Two_cascade_paths_to_one_table_are_caught()
    {
        var violations = SqlServerModelRules.CascadePaths(Model(b =>
        {
            b.Entity<Parent>();
            b.Entity<Left>().HasOne<Parent>().WithMany().HasForeignKey(l => l.ParentId).OnDelete(DeleteBehavior.Cascade);
            b.Entity<Right>().HasOne<Parent>().WithMany().HasForeignKey(r => r.ParentId).OnDelete(DeleteBehavior.Cascade);
            b.Entity<Leaf>().HasOne<Left>().WithMany().HasForeignKey(l => l.LeftId).OnDelete(DeleteBehavior.Cascade);
            b.Entity<Leaf>().HasOne<Right>().WithMany().HasForeignKey(l => l.RightId).OnDelete(DeleteBehavior.SetNull);
        })).ToList();

        Assert.Equal(["Multiple cascade paths: a delete in Parent reaches Leaf along 2 paths."], violations);
    }

    [Fact]
    public void A_cascade_cycle_is_caught()
    {
        var violations = SqlServerModelRules.CascadePaths(Model(b =>
            b.Entity<Node>().HasOne<Node>().WithMany().HasForeignKey(n => n.ParentId).OnDelete(DeleteBehavior.Cascade))).ToList();

        Assert.Contains("Cascade cycle: a delete in Node cascades back to Node.", violations);
    }

    [Fact]
    public void Keys_over_the_byte_limits_are_caught()
    {
        var violations = SqlServerModelRules.KeySizes(Model(b =>
        {
            b.Entity<Wide>().HasKey(w => w.Code);
            b.Entity<Wide>().Property(w => w.Code).HasMaxLength(451);
            b.Entity<Wide>().Property(w => w.First).HasMaxLength(500);
            b.Entity<Wide>().Property(w => w.Second).HasMaxLength(400);
            b.Entity<Wide>().HasIndex(w => new { w.First, w.Second }).HasDatabaseName("IX_Wide_First_Second");
            // An indexed string would get nvarchar(450) by convention; a declared max type cannot be a key.
            b.Entity<Wide>().Property(w => w.Body).HasColumnType("nvarchar(max)");
            b.Entity<Wide>().HasIndex(w => w.Body).HasDatabaseName("IX_Wide_Body");
        })).ToList();

        string[] expected =
        [
            "Wide.IX_Wide_Body: column Body (nvarchar(max)) cannot be an index key.",
            "Wide.IX_Wide_First_Second: key of 1800 bytes exceeds the 1700-byte limit of a non-clustered key.",
            "Wide.PK_Wide: key of 902 bytes exceeds the 900-byte limit of a clustered key.",
        ];
        Assert.Equal(expected, violations.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Identifiers_over_128_characters_are_caught()
    {
        var violations = SqlServerModelRules.IdentifierLengths(Model(b =>
            b.Entity<Node>().ToTable("Nodes").Property(n => n.ParentId).HasColumnName(new string('P', 129)))).ToList();

        Assert.Equal([$"Identifier of 129 characters (limit 128): {new string('P', 40)}…"], violations);
    }

    [Fact]
    public void A_unique_index_on_a_nullable_column_without_a_filter_is_caught()
    {
        var withoutFilter = SqlServerModelRules.NullableUniqueFilters(Model(b =>
            b.Entity<Node>().HasIndex(n => n.ParentId).IsUnique().HasFilter(null))).ToList();
        var withConventionFilter = SqlServerModelRules.NullableUniqueFilters(Model(b =>
            b.Entity<Node>().HasIndex(n => n.ParentId).IsUnique())).ToList();

        Assert.Equal(["Node.IX_Node_ParentId: unique over nullable ParentId without a filter \"[ParentId] IS NOT NULL\"."], withoutFilter);
        Assert.Empty(withConventionFilter);
    }

    [Theory]
    [InlineData("nvarchar(450)", 900)]
    [InlineData("varchar(20)", 20)]
    [InlineData("int", 4)]
    [InlineData("uniqueidentifier", 16)]
    [InlineData("datetime2", 8)]
    [InlineData("decimal(18,2)", 17)]
    [InlineData("nvarchar(max)", null)]
    public void Key_column_sizes_follow_sql_server(string storeType, int? bytes) =>
        Assert.Equal(bytes, SqlServerModelRules.KeyBytes(storeType));

    private static Microsoft.EntityFrameworkCore.Metadata.IRelationalModel PortalModel()
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.SqlServer, UnusedServer, new StoragePaths(Path.GetTempPath()));
        using var db = new PortalDbContext(options.Options);
        return SqlServerModelRules.RelationalModel(db);
    }

    private static Microsoft.EntityFrameworkCore.Metadata.IRelationalModel Model(Action<ModelBuilder> configure)
    {
        var options = new DbContextOptionsBuilder<ScratchContext>()
            .UseSqlServer(UnusedServer)
            .ReplaceService<IModelCacheKeyFactory, ScratchContext.PerInstanceKey>()
            .Options;
        using var db = new ScratchContext(options, configure);
        return SqlServerModelRules.RelationalModel(db);
    }

    private sealed class ScratchContext(DbContextOptions<ScratchContext> options, Action<ModelBuilder> configure) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder) => configure(modelBuilder);

        /// <summary>Every scratch context builds its own model instead of reusing the first one's.</summary>
        public sealed class PerInstanceKey : IModelCacheKeyFactory
        {
            public object Create(DbContext context, bool designTime) => (context, designTime);
        }
    }

    private sealed class Parent
    {
        public int Id { get; set; }
    }

    private sealed class Left
    {
        public int Id { get; set; }

        public int ParentId { get; set; }
    }

    private sealed class Right
    {
        public int Id { get; set; }

        public int ParentId { get; set; }
    }

    private sealed class Leaf
    {
        public int Id { get; set; }

        public int LeftId { get; set; }

        public int? RightId { get; set; }
    }

    private sealed class Node
    {
        public int Id { get; set; }

        public int? ParentId { get; set; }
    }

    private sealed class Wide
    {
        public string Code { get; set; } = "";

        public string First { get; set; } = "";

        public string Second { get; set; } = "";

        public string Body { get; set; } = "";
    }
}
