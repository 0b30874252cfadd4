using DongNai.EthnicPortal.Data;
using DongNai.EthnicPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace DongNai.EthnicPortal.Tests.Foundation;

/// <summary>
/// The app starts with a compiled model per provider instead of building the model from the
/// configurations; a compiled model that no longer matches them would map entities wrongly at run
/// time, so a stale one fails here with the command that regenerates it.
/// </summary>
public sealed class CompiledModelTests
{
    private const string Regenerate = "The compiled model is stale; run scripts/compiled-models.sh (README, \"Adding a migration\") and commit the CompiledModel folders.";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void The_app_uses_the_compiled_model(DatabaseProvider provider)
    {
        using var db = Context(provider, compiledModel: true);

        Assert.True(DatabaseSetup.CompiledModel(provider) is not null, $"No compiled model in {DatabaseSetup.MigrationsAssembly(provider)}. {Regenerate}");
        Assert.Same(DatabaseSetup.CompiledModel(provider), db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Model);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.SqlServer)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public void The_compiled_model_maps_entities_as_the_configured_model_does(DatabaseProvider provider)
    {
        using var compiled = Context(provider, compiledModel: true);
        using var configured = Context(provider, compiledModel: false);

        // Tables, columns and their store types, keys, indexes and foreign keys, then what the tables do
        // not show: converters, navigations, concurrency tokens, value generation. (EF's own model differ
        // cannot be used: a compiled model keeps only what queries need, not the design-time annotations.)
        var expected = Shape(configured.GetService<IDesignTimeModel>().Model);
        var actual = Shape(compiled.Model);

        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, $"{Regenerate} Configured but not compiled: [{string.Join("; ", missing)}]. Compiled but no longer configured: [{string.Join("; ", extra)}].");
    }

    private static PortalDbContext Context(DatabaseProvider provider, bool compiledModel)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        DatabaseSetup.Configure(options, provider, HealthAndModelTests.UnusedConnectionStrings[provider], new StoragePaths(Path.GetTempPath()), compiledModel);
        return new PortalDbContext(options.Options);
    }

    private static HashSet<string> Shape(IModel model) =>
        model.GetRelationalModel().Tables.SelectMany(table =>
            table.Columns.Select(c => $"{table.Name}.{c.Name} {c.StoreType}{(c.IsNullable ? " null" : "")}")
                .Concat(table.Indexes.Select(i => $"{table.Name} index {i.Name} ({string.Join(", ", i.Columns.Select(c => c.Name))}){(i.IsUnique ? " unique" : "")}"))
                .Concat(table.ForeignKeyConstraints.Select(fk => $"{table.Name} fk {fk.Name} ({string.Join(", ", fk.Columns.Select(c => c.Name))}) -> {fk.PrincipalTable.Name} {fk.OnDeleteAction}"))
                .Append($"{table.Name} key {table.PrimaryKey?.Name} ({string.Join(", ", table.PrimaryKey?.Columns.Select(c => c.Name) ?? [])})"))
        .Concat(model.GetEntityTypes().SelectMany(entity =>
            entity.GetProperties().Select(p => $"{entity.Name}.{p.Name}: {p.ClrType.Name}{(p.IsNullable ? "?" : "")} max {p.GetMaxLength()} converter {p.GetValueConverter()?.GetType().Name} concurrency {p.IsConcurrencyToken} generated {p.ValueGenerated}")
                .Concat(entity.GetNavigations().Select(n => $"{entity.Name}.{n.Name} -> {n.TargetEntityType.Name}{(n.IsCollection ? "[]" : "")}"))
                .Concat(entity.GetSkipNavigations().Select(n => $"{entity.Name}.{n.Name} -> {n.TargetEntityType.Name}[] skip"))
                .Append($"{entity.Name} base {entity.BaseType?.Name} discriminator {entity.GetDiscriminatorValue()}")))
        .ToHashSet(StringComparer.Ordinal);
}
