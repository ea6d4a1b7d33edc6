using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Platform.Data;

/// <summary>The last number handed out in one scope (<c>index-number/12/2026</c>, <c>request-tracking/2026</c>).
/// Only <see cref="SequenceAllocator"/> changes it, with one atomic UPDATE.</summary>
public sealed class Sequence
{
    public required string Scope { get; set; }

    public long Last { get; set; }
}

internal sealed class SequenceConfiguration : IEntityTypeConfiguration<Sequence>
{
    public void Configure(EntityTypeBuilder<Sequence> builder)
    {
        builder.ToTable("sequences");
        builder.HasKey(s => s.Scope);
        builder.Property(s => s.Scope).HasMaxLength(128);
    }
}

/// <summary>
/// The one allocator of numbers that must never repeat (索引号, application tracking numbers, every future number).
/// A reservation is one <c>UPDATE … SET Last = Last + n … RETURNING Last</c>, atomic on SQLite and PostgreSQL:
/// concurrent callers get disjoint blocks without reading a maximum and racing on a unique index. It commits at once,
/// or with the caller's transaction when one is open; a unit of work that fails after reserving leaves a gap, never a
/// duplicate. A scope's row is created on first use, starting after <c>startAfter</c> (the highest number already
/// given out before the row existed — e.g. on a database upgraded from the read-the-maximum days).
/// </summary>
public sealed class SequenceAllocator(GongkaiDbContext db)
{
    /// <summary>Reserves <paramref name="count"/> consecutive numbers of <paramref name="scope"/>; returns the first.</summary>
    public async Task<long> NextAsync(string scope, Func<CancellationToken, Task<long>>? startAfter = null, int count = 1, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (!await db.Set<Sequence>().AsNoTracking().AnyAsync(s => s.Scope == scope, cancellationToken))
        {
            var highest = startAfter is null ? 0 : await startAfter(cancellationToken);
            // Two first callers may race here; the loser's row is ignored and both then draw from the winner's.
            await ExecuteAsync(
                "INSERT INTO sequences (\"Scope\", \"Last\") VALUES (@scope, @value) ON CONFLICT DO NOTHING",
                command => command.ExecuteNonQueryAsync(cancellationToken), scope, highest);
        }

        var last = await ExecuteAsync(
            "UPDATE sequences SET \"Last\" = \"Last\" + @value WHERE \"Scope\" = @scope RETURNING \"Last\"",
            command => command.ExecuteScalarAsync(cancellationToken), scope, count);
        return Convert.ToInt64(last, CultureInfo.InvariantCulture) - count + 1;
    }

    private async Task<T> ExecuteAsync<T>(string sql, Func<DbCommand, Task<T>> run, string scope, long value)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            void Add(string name, object parameterValue)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = parameterValue;
                command.Parameters.Add(parameter);
            }

            Add("@scope", scope);
            Add("@value", value);
            return await run(command);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

/// <summary>Runs work that saves more than once (an id needed before the audit row, a batch and its versions) as one
/// transaction, so a killed process leaves all of it or none. Inside a caller's transaction it simply joins it.</summary>
public static class UnitOfWork
{
    public static async Task<T> InTransactionAsync<T>(this GongkaiDbContext db, Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await work();
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public static Task InTransactionAsync(this GongkaiDbContext db, Func<Task> work, CancellationToken cancellationToken = default) =>
        db.InTransactionAsync(async () =>
        {
            await work();
            return true;
        }, cancellationToken);
}
