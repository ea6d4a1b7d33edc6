using System.Data.Common;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gongkai.Publishing;

/// <summary>The last 索引号 sequence handed out for one body and year. Only <see cref="IndexNumberAllocator"/> changes it,
/// with one atomic UPDATE, so a publication and a running import never get the same number.</summary>
public sealed class IndexNumberSequence
{
    public int BodyId { get; set; }

    public int Year { get; set; }

    public int Last { get; set; }
}

internal sealed class IndexNumberSequenceConfiguration : IEntityTypeConfiguration<IndexNumberSequence>
{
    public void Configure(EntityTypeBuilder<IndexNumberSequence> builder)
    {
        builder.ToTable("index_number_sequences");
        builder.HasKey(s => new { s.BodyId, s.Year });
        builder.HasOne<Body>().WithMany().HasForeignKey(s => s.BodyId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// Hands out 索引号 sequences for the publisher and the importer alike. A reservation is one
/// <c>UPDATE … SET Last = Last + n … RETURNING Last</c>, atomic on SQLite and PostgreSQL, committed at once (or
/// with the caller's transaction): concurrent callers get disjoint blocks. A unit of work that fails after
/// reserving leaves a gap, never a duplicate. The row of a body and year starts from the highest number its
/// documents already carry, so numbers given before the row existed are not reused.
/// </summary>
public sealed class IndexNumberAllocator(GongkaiDbContext db)
{
    /// <summary>Reserves <paramref name="count"/> consecutive sequences of <paramref name="body"/>'s <paramref name="year"/>; returns the first.</summary>
    public async Task<int> ReserveAsync(Body body, int year, int count = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (!await db.Set<IndexNumberSequence>().AsNoTracking().AnyAsync(s => s.BodyId == body.Id && s.Year == year, cancellationToken))
        {
            var prefix = IndexNumber.Prefix(body.CreditCode, year);
            var taken = await db.Set<Document>().AsNoTracking().Where(d => d.IndexNo!.StartsWith(prefix)).Select(d => d.IndexNo!).ToListAsync(cancellationToken);
            var highest = taken.Select(i => IndexNumber.SequenceOf(i, prefix)).DefaultIfEmpty(0).Max();
            // Two first callers may race here; the loser's row is ignored and both then take numbers from the winner's.
            await ExecuteAsync(
                "INSERT INTO index_number_sequences (\"BodyId\", \"Year\", \"Last\") VALUES (@body, @year, @highest) ON CONFLICT DO NOTHING",
                command => command.ExecuteNonQueryAsync(cancellationToken), body.Id, year, highest);
        }

        var last = await ExecuteAsync(
            "UPDATE index_number_sequences SET \"Last\" = \"Last\" + @count WHERE \"BodyId\" = @body AND \"Year\" = @year RETURNING \"Last\"",
            command => command.ExecuteScalarAsync(cancellationToken), body.Id, year, count: count);
        var first = Convert.ToInt32(last, System.Globalization.CultureInfo.InvariantCulture) - count + 1;
        if (first + count - 1 > 99999)
        {
            throw new InvalidOperationException($"Body {body.Code} has used up the 索引号 sequences of {year}.");
        }

        return first;
    }

    private async Task<T> ExecuteAsync<T>(string sql, Func<DbCommand, Task<T>> run, int bodyId, int year, int highest = 0, int count = 0)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            void Add(string name, int value)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value;
                command.Parameters.Add(parameter);
            }

            Add("@body", bodyId);
            Add("@year", year);
            if (sql.Contains("@highest", StringComparison.Ordinal))
            {
                Add("@highest", highest);
            }

            if (sql.Contains("@count", StringComparison.Ordinal))
            {
                Add("@count", count);
            }

            return await run(command);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
