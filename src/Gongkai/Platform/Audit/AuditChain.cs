using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Gongkai.Platform.Audit;

/// <summary>
/// The audit log's hash chain, a plain rule: each sealed row's hash covers the previous row's hash and every field of
/// the row, so changing, removing or reordering any sealed row breaks every hash after it. Rows are chained in the
/// order they are sealed, not by id, because on PostgreSQL a row with a lower id can commit after a higher one.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first row.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string HashOf(string previousHash, long seq, AuditEntry entry)
    {
        // A JSON array: unambiguous field boundaries whatever the text holds; times as UTC ticks, culture-free.
        var fields = JsonSerializer.Serialize(new object?[]
        {
            seq, entry.Id, entry.At.UtcTicks.ToString(CultureInfo.InvariantCulture), entry.ActorId, entry.ActorName, entry.BodyId,
            entry.Action, entry.Target, entry.Detail, entry.ClientAddress,
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previousHash + "\n" + fields)));
    }
}
