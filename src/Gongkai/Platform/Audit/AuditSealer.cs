using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Audit;

/// <summary>Seals new audit rows into the hash chain every few seconds (one node at a time: the job is leased).
/// Writers never wait for it, so an audit row costs its transaction nothing extra.</summary>
public sealed class AuditSealer(GongkaiDbContext db) : IRecurringJob
{
    private const int BatchSize = 1000;

    public string Name => "audit.seal";

    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromSeconds(10));

    public async Task RunAsync(CancellationToken cancellationToken) => await SealAsync(cancellationToken);

    /// <summary>Seals every committed unsealed row; returns how many.</summary>
    public async Task<int> SealAsync(CancellationToken cancellationToken = default)
    {
        var sealedRows = 0;
        var head = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Seq != null).OrderByDescending(e => e.Seq)
            .Select(e => new { Seq = e.Seq!.Value, Hash = e.Hash! }).FirstOrDefaultAsync(cancellationToken);
        var (seq, previous) = head is null ? (0L, AuditChain.Genesis) : (head.Seq, head.Hash);
        while (true)
        {
            var batch = await db.Set<AuditEntry>().Where(e => e.Seq == null).OrderBy(e => e.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                return sealedRows;
            }

            foreach (var entry in batch)
            {
                entry.Seq = ++seq;
                entry.Hash = previous = AuditChain.HashOf(previous, seq, entry);
            }

            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            sealedRows += batch.Count;
        }
    }
}

/// <summary>What <c>audit verify</c> found.</summary>
public sealed record AuditVerification(long Sealed, long Unsealed, DateTimeOffset? OldestUnsealedAt, long HeadSeq, string HeadHash, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0;
}

/// <summary>Recomputes the whole chain from the stored rows: a changed field, a removed or inserted row, or a reordering
/// shows as the first row whose hash or position does not follow.</summary>
public sealed class AuditVerifier(GongkaiDbContext db)
{
    private const int BatchSize = 5000;
    private const int MaxProblems = 20;

    public async Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        long expected = 1, count = 0;
        var previous = AuditChain.Genesis;
        while (problems.Count < MaxProblems)
        {
            var from = expected;
            var batch = await db.Set<AuditEntry>().AsNoTracking().Where(e => e.Seq >= from).OrderBy(e => e.Seq).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var entry in batch)
            {
                var seq = entry.Seq!.Value;
                if (seq != expected)
                {
                    problems.Add($"第 {expected} 至 {seq - 1} 条审计记录缺失（已被删除）");
                }

                var hash = AuditChain.HashOf(previous, seq, entry);
                if (!string.Equals(hash, entry.Hash, StringComparison.Ordinal))
                {
                    problems.Add($"第 {seq} 条审计记录（编号 {entry.Id}，{entry.Action}，{entry.Target}）与链不符：内容被改动，或其前一条被改动、删除");
                }

                // Continue from the stored hash, so one changed row is reported once, not with every row after it.
                previous = entry.Hash ?? hash;
                expected = seq + 1;
                count++;
            }
        }

        var unsealed = db.Set<AuditEntry>().AsNoTracking().Where(e => e.Seq == null);
        return new AuditVerification(count, await unsealed.LongCountAsync(cancellationToken),
            await unsealed.OrderBy(e => e.Id).Select(e => (DateTimeOffset?)e.At).FirstOrDefaultAsync(cancellationToken),
            expected - 1, previous, problems);
    }
}
