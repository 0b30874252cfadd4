using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace DongNai.EthnicPortal.Tests.Foundation;

/// <summary>
/// SQL Server rules that only fail when a migration meets a real server, checked on the relational
/// model of a context configured for SQL Server. Each method returns one message per violation.
/// </summary>
public static partial class SqlServerModelRules
{
    public const int MaxIdentifierLength = 128;
    public const int MaxClusteredKeyBytes = 900;
    public const int MaxNonClusteredKeyBytes = 1700;

    public static IRelationalModel RelationalModel(DbContext db) =>
        db.GetService<IDesignTimeModel>().Model.GetRelationalModel();

    public static IEnumerable<string> All(IRelationalModel model) =>
        CascadePaths(model).Concat(KeySizes(model)).Concat(IdentifierLengths(model)).Concat(NullableUniqueFilters(model));

    /// <summary>
    /// SQL Server refuses a foreign key whose cascading action (CASCADE or SET NULL on delete) would
    /// make a delete reach one table along two paths, or come back to where it started.
    /// </summary>
    public static IEnumerable<string> CascadePaths(IRelationalModel model)
    {
        var edges = model.Tables
            .SelectMany(t => t.ForeignKeyConstraints)
            .Where(fk => fk.OnDeleteAction is ReferentialAction.Cascade or ReferentialAction.SetNull or ReferentialAction.SetDefault)
            .ToLookup(fk => fk.PrincipalTable.Name, fk => fk.Table.Name);

        var violations = new List<string>();
        foreach (var start in model.Tables.Select(t => t.Name))
        {
            // Paths from start to every table it reaches; a table reached again while on the path is a cycle.
            var paths = new Dictionary<string, int>(StringComparer.Ordinal);
            var onPath = new HashSet<string>(StringComparer.Ordinal) { start };
            var cycle = false;
            void Walk(string table)
            {
                foreach (var next in edges[table])
                {
                    if (onPath.Contains(next))
                    {
                        cycle |= next == start;
                        continue;
                    }

                    paths[next] = paths.GetValueOrDefault(next) + 1;
                    onPath.Add(next);
                    Walk(next);
                    onPath.Remove(next);
                }
            }

            Walk(start);
            if (cycle)
            {
                violations.Add($"Cascade cycle: a delete in {start} cascades back to {start}.");
            }

            violations.AddRange(paths.Where(p => p.Value > 1).Select(p => $"Multiple cascade paths: a delete in {start} reaches {p.Key} along {p.Value} paths."));
        }

        return violations;
    }

    /// <summary>Key columns of every primary key, unique constraint and index within SQL Server's byte limits.</summary>
    public static IEnumerable<string> KeySizes(IRelationalModel model)
    {
        foreach (var table in model.Tables)
        {
            var keys = table.UniqueConstraints.Select(k => (k.Name, k.Columns, Clustered: k.GetIsPrimaryKey() && k.MappedKeys.First().IsClustered() != false))
                .Concat(table.Indexes.Select(i => (i.Name, i.Columns, Clustered: i.MappedIndexes.First().IsClustered() == true)));
            foreach (var (name, columns, clustered) in keys)
            {
                var limit = clustered ? MaxClusteredKeyBytes : MaxNonClusteredKeyBytes;
                var sizes = columns.Select(c => (c.Name, c.StoreType, Bytes: KeyBytes(c.StoreType))).ToList();
                if (sizes.FirstOrDefault(s => s.Bytes is null) is { Name: not null } unbounded)
                {
                    yield return $"{table.Name}.{name}: column {unbounded.Name} ({unbounded.StoreType}) cannot be an index key.";
                }
                else if (sizes.Sum(s => s.Bytes!.Value) is var total && total > limit)
                {
                    yield return $"{table.Name}.{name}: key of {total} bytes exceeds the {limit}-byte limit of a {(clustered ? "clustered" : "non-clustered")} key.";
                }
            }
        }
    }

    /// <summary>Table, column, key, index and constraint names of at most 128 characters.</summary>
    public static IEnumerable<string> IdentifierLengths(IRelationalModel model) =>
        model.Tables.SelectMany(t => new[] { t.Name }
                .Concat(t.Columns.Select(c => c.Name))
                .Concat(t.UniqueConstraints.Select(k => k.Name))
                .Concat(t.ForeignKeyConstraints.Select(fk => fk.Name))
                .Concat(t.Indexes.Select(i => i.Name))
                .Concat(t.CheckConstraints.Select(c => c.Name!)))
            .Where(name => name.Length > MaxIdentifierLength)
            .Select(name => $"Identifier of {name.Length} characters (limit {MaxIdentifierLength}): {name[..40]}…");

    /// <summary>
    /// A SQL Server unique index treats NULL as a value, so a second row without one would be refused;
    /// every unique index over a nullable column needs a filter that leaves NULLs out.
    /// </summary>
    public static IEnumerable<string> NullableUniqueFilters(IRelationalModel model) =>
        model.Tables.SelectMany(t => t.Indexes
            .Where(i => i.IsUnique)
            .SelectMany(i => i.Columns.Where(c => c.IsNullable)
                .Where(c => i.Filter is null || !i.Filter.Contains($"[{c.Name}] IS NOT NULL", StringComparison.OrdinalIgnoreCase))
                .Select(c => $"{t.Name}.{i.Name}: unique over nullable {c.Name} without a filter \"[{c.Name}] IS NOT NULL\".")));

    /// <summary>The bytes a key column can take, or null for a type that cannot be a key (max, xml …).</summary>
    public static int? KeyBytes(string storeType)
    {
        var match = TypePattern().Match(storeType.ToLowerInvariant());
        if (!match.Success)
        {
            throw new ArgumentException($"Unknown SQL Server store type {storeType}; teach {nameof(KeyBytes)} its size.", nameof(storeType));
        }

        var type = match.Groups["type"].Value;
        var length = match.Groups["length"].Value;
        if (length == "max")
        {
            return null;
        }

        var declared = length.Length > 0 ? int.Parse(length, CultureInfo.InvariantCulture) : 1;
        return type switch
        {
            "nvarchar" or "nchar" => 2 * declared,
            "varchar" or "char" or "varbinary" or "binary" => declared,
            "bit" or "tinyint" => 1,
            "smallint" => 2,
            "int" or "real" or "smalldatetime" => 4,
            "bigint" or "float" or "datetime" or "datetime2" or "money" => 8,
            "date" => 3,
            "time" => 5,
            "datetimeoffset" => 10,
            "uniqueidentifier" => 16,
            "decimal" or "numeric" => 17,
            _ => null,
        };
    }

    [GeneratedRegex(@"^(?<type>[a-z0-9]+)(\((?<length>max|\d+)(,\s*\d+)?\))?$")]
    private static partial Regex TypePattern();
}
