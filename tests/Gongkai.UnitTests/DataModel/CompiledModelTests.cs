using Gongkai.Platform.Data;
using Gongkai.DataModel.Postgres;
using Gongkai.DataModel.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Gongkai.UnitTests.DataModel;

/// <summary>
/// The application runs on compiled EF Core models (<c>DataModel</c>, written by
/// <c>scripts/compile-model</c>, which <c>scripts/add-migration</c> runs): building the model from <c>OnModelCreating</c> cost a
/// third of every start of the executable. A compiled model is a snapshot, so it must describe exactly what
/// <c>OnModelCreating</c> builds today — or the app would read and write through a stale map.
/// </summary>
public sealed class CompiledModelTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public void The_compiled_model_is_the_model_OnModelCreating_builds(string provider)
    {
        using GongkaiDbContext context = provider == "Sqlite"
            ? new SqliteDesignTimeFactory().CreateDbContext([])
            : new PostgresDesignTimeFactory().CreateDbContext([]);
        var built = context.GetService<IDesignTimeModel>().Model;
        IModel compiled = provider == "Sqlite" ? SqliteGongkaiDbContextModel.Instance : PostgresGongkaiDbContextModel.Instance;

        var expected = Describe(built);
        var actual = Describe(compiled);
        var firstDifference = expected.Zip(actual).Select((pair, line) => (pair, line)).FirstOrDefault(x => x.pair.First != x.pair.Second);
        Assert.True(expected.SequenceEqual(actual),
            $"the compiled {provider} model is stale: run scripts/compile-model. First difference at line {firstDifference.line}: "
            + $"OnModelCreating builds \"{firstDifference.pair.First}\", the compiled model has \"{firstDifference.pair.Second}\" "
            + $"({expected.Count} and {actual.Count} lines)");
    }

    /// <summary>What the app relies on, one fact a line: entities with their keys, properties (CLR type, nullability,
    /// converter), relationships and query filters (the model's own debug view), then each table's columns (store type,
    /// nullability, default), keys, foreign keys and indexes.</summary>
    private static List<string> Describe(IModel model)
    {
        var lines = model.ToDebugString(MetadataDebugStringOptions.ShortDefault).Split('\n').Select(l => l.TrimEnd()).ToList();
        foreach (var entity in model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            lines.Add($"entity {entity.Name} table {entity.GetTableName()} filter {entity.GetDeclaredQueryFilters().Count}");
            foreach (var property in entity.GetDeclaredProperties().OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                lines.Add($"  {property.Name} {property.ClrType.Name} column {property.GetColumnName()} converter {property.GetValueConverter()?.GetType().Name} "
                    + $"provider {property.GetProviderClrType()?.Name} max {property.GetMaxLength()} unicode {property.IsUnicode()} precision {property.GetPrecision()}");
            }
        }

        foreach (var table in model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            lines.Add($"table {table.Schema}.{table.Name}");
            lines.AddRange(table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => $"  column {c.Name} {c.StoreType} null {c.IsNullable} default {c.DefaultValue ?? c.DefaultValueSql} computed {c.ComputedColumnSql}"));
            lines.Add($"  key {table.PrimaryKey?.Name} ({string.Join(",", table.PrimaryKey?.Columns.Select(c => c.Name) ?? [])})");
            lines.AddRange(table.UniqueConstraints.OrderBy(u => u.Name, StringComparer.Ordinal)
                .Select(u => $"  unique {u.Name} ({string.Join(",", u.Columns.Select(c => c.Name))})"));
            lines.AddRange(table.ForeignKeyConstraints.OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => $"  fk {f.Name} ({string.Join(",", f.Columns.Select(c => c.Name))}) -> {f.PrincipalTable.Name} on delete {f.OnDeleteAction}"));
            lines.AddRange(table.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal)
                .Select(i => $"  index {i.Name} ({string.Join(",", i.Columns.Select(c => c.Name))}) unique {i.IsUnique} filter {i.Filter}"));
        }

        return lines;
    }
}
