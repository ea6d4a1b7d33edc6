using System.Globalization;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing;

/// <summary>
/// 索引号 sequences of a body and year, drawn from the platform's <see cref="SequenceAllocator"/> (scope
/// <c>index-number/{bodyId}/{year}</c>), so a publication and a running import never get the same number. A scope
/// created on first use starts after the highest number its body's documents of that year already carry.
/// </summary>
public sealed class IndexNumberAllocator(GongkaiDbContext db, SequenceAllocator sequences)
{
    public static string Scope(int bodyId, int year) => string.Create(CultureInfo.InvariantCulture, $"index-number/{bodyId}/{year}");

    /// <summary>Reserves <paramref name="count"/> consecutive sequences of <paramref name="body"/>'s <paramref name="year"/>; returns the first.</summary>
    public async Task<int> ReserveAsync(Body body, int year, int count = 1, CancellationToken cancellationToken = default)
    {
        var first = await sequences.NextAsync(Scope(body.Id, year), async ct =>
        {
            var prefix = IndexNumber.Prefix(body.CreditCode, year);
            var taken = await db.Set<Document>().AsNoTracking().Where(d => d.IndexNo!.StartsWith(prefix)).Select(d => d.IndexNo!).ToListAsync(ct);
            return taken.Select(i => IndexNumber.SequenceOf(i, prefix)).DefaultIfEmpty(0).Max();
        }, count, cancellationToken);
        if (first + count - 1 > 99999)
        {
            throw new InvalidOperationException($"Body {body.Code} has used up the 索引号 sequences of {year}.");
        }

        return (int)first;
    }
}
