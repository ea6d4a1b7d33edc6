using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Platform.Jobs;

/// <summary>
/// Who may do a named piece of work now, across every instance sharing the database: a recurring job's runs, or a
/// cluster-wide change-log follower. Claimed with one conditional UPDATE (see <see cref="JobLeases"/>).
/// </summary>
/// <remarks>
/// Why a lease row rather than a PostgreSQL advisory lock: the same code works on SQLite; a lock lives only as
/// long as one connection (or transaction), which a long job would have to keep open from the pool, whereas a row
/// with an expiry survives connection loss and lets another instance take over after a crash; and the row also
/// records the schedule (<see cref="NextRunAt"/>), which is what makes a run happen once per occurrence rather
/// than once per instance.
/// </remarks>
public sealed class JobLease
{
    public required string Name { get; set; }

    /// <summary>The instance running the work now; null when nobody is.</summary>
    public string? Holder { get; set; }

    /// <summary>When the holder's claim lapses unless renewed (a crashed holder's work is taken over after this).</summary>
    public DateTimeOffset? ExpiresAt { get; set; }

    public DateTimeOffset? LastRunAt { get; set; }

    /// <summary>When the next run is due (recurring jobs).</summary>
    public DateTimeOffset NextRunAt { get; set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.ToTable("job_leases");
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(200);
        builder.Property(l => l.Holder).HasMaxLength(200);
    }
}

/// <summary>Atomic claims on <see cref="JobLease"/> rows. Every claim is a single UPDATE … WHERE with the
/// condition in the WHERE clause, so of several instances racing, exactly one sees "1 row affected".
/// Times come from the application clock; instances are assumed to keep their clocks roughly in step (NTP),
/// which the lease duration comfortably absorbs.</summary>
public sealed class JobLeases(GongkaiDbContext db)
{
    /// <summary>Creates the lease row if it does not exist yet (losing a creation race is fine).</summary>
    public async Task EnsureAsync(string name, DateTimeOffset firstRunAt, CancellationToken cancellationToken = default)
    {
        if (await db.Set<JobLease>().AnyAsync(l => l.Name == name, cancellationToken))
        {
            return;
        }

        var lease = new JobLease { Name = name, NextRunAt = firstRunAt };
        db.Add(lease);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance created it first.
        }
        finally
        {
            db.Entry(lease).State = EntityState.Detached;
        }
    }

    /// <summary>Claims the run that is due now: succeeds for one instance per due occurrence. Returns the due time
    /// claimed, or null when the run is not due or another instance holds it.</summary>
    public async Task<DateTimeOffset?> TryClaimDueAsync(string name, string holder, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken = default)
    {
        var until = now + leaseFor;
        var claimed = await db.Set<JobLease>()
            .Where(l => l.Name == name && l.NextRunAt <= now && (l.Holder == null || l.ExpiresAt < now || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (claimed == 0)
        {
            return null;
        }

        // We hold the lease, so nobody else moves NextRunAt until we release it.
        return await db.Set<JobLease>().AsNoTracking().Where(l => l.Name == name).Select(l => l.NextRunAt).SingleAsync(cancellationToken);
    }

    /// <summary>Takes or renews a lease that has no schedule (one node at a time does continuous work).</summary>
    public async Task<bool> TryHoldAsync(string name, string holder, DateTimeOffset now, TimeSpan leaseFor, CancellationToken cancellationToken = default)
    {
        var until = now + leaseFor;
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var held = await db.Set<JobLease>()
                .Where(l => l.Name == name && (l.Holder == null || l.ExpiresAt < now || l.Holder == holder))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken);
            if (held > 0)
            {
                return true;
            }

            if (attempt == 0)
            {
                await EnsureAsync(name, now, cancellationToken);
            }
        }

        return false;
    }

    /// <summary>Keeps a lease while long work goes on; false when it was lost (expired and taken by another instance).</summary>
    public async Task<bool> ExtendAsync(string name, string holder, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        await db.Set<JobLease>()
            .Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, until), cancellationToken) > 0;

    /// <summary>Records a finished run and frees the lease for whoever is due next.</summary>
    public async Task CompleteRunAsync(string name, string holder, DateTimeOffset ranAt, DateTimeOffset nextRunAt, CancellationToken cancellationToken = default) =>
        await db.Set<JobLease>()
            .Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(
                s => s.SetProperty(l => l.Holder, (string?)null)
                    .SetProperty(l => l.ExpiresAt, (DateTimeOffset?)null)
                    .SetProperty(l => l.LastRunAt, ranAt)
                    .SetProperty(l => l.NextRunAt, nextRunAt),
                cancellationToken);

    /// <summary>Gives the lease up without recording a run (shutting down mid-run: another instance may run it).</summary>
    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken = default) =>
        await db.Set<JobLease>()
            .Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.ExpiresAt, (DateTimeOffset?)null), cancellationToken);
}
