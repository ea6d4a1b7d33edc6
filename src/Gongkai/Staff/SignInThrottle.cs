using Gongkai.Platform.Data;
using Gongkai.Staff.Rules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gongkai.Staff;

/// <summary>Failed sign-ins of one account name from one source, kept in the database so every node of a cluster
/// counts the same attempts. Names that belong to no account are counted too: a guesser cannot tell them apart.</summary>
public sealed class SignInThrottleEntry
{
    /// <summary>The account name as Identity normalises it (upper case).</summary>
    public required string AccountName { get; set; }

    public required string Source { get; set; }

    public int Failures { get; set; }

    public DateTimeOffset LastFailureAt { get; set; }
}

internal sealed class SignInThrottleEntryConfiguration : IEntityTypeConfiguration<SignInThrottleEntry>
{
    public void Configure(EntityTypeBuilder<SignInThrottleEntry> builder)
    {
        builder.ToTable("sign_in_throttle");
        builder.HasKey(e => new { e.AccountName, e.Source });
        builder.Property(e => e.AccountName).HasMaxLength(256);
        builder.Property(e => e.Source).HasMaxLength(64);
        builder.HasIndex(e => e.LastFailureAt);
    }
}

/// <summary>Applies <see cref="SignInThrottleRules"/> to the sign-in page, its two-factor step and the token API.</summary>
public sealed class SignInThrottle(GongkaiDbContext db, ILookupNormalizer normalizer, IHttpContextAccessor http, TimeProvider clock)
{
    /// <summary>Rows older than this are deleted as new failures arrive, so guessed names do not pile up.</summary>
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    public string CurrentSource => SignInThrottleRules.SourceOf(http.HttpContext?.Connection.RemoteIpAddress);

    /// <summary>Until when an attempt on <paramref name="userName"/> from this request's source must wait, or null.</summary>
    public async Task<DateTimeOffset?> WaitUntilAsync(string userName, CancellationToken cancellationToken = default)
    {
        var account = Normalize(userName);
        var rows = await db.Set<SignInThrottleEntry>().AsNoTracking()
            .Where(e => e.AccountName == account)
            .Select(e => new SignInFailures(e.Source, e.Failures, e.LastFailureAt))
            .ToListAsync(cancellationToken);
        return SignInThrottleRules.WaitUntil(rows, CurrentSource, clock.GetUtcNow());
    }

    public async Task RecordFailureAsync(string userName, CancellationToken cancellationToken = default)
    {
        var account = Normalize(userName);
        var source = CurrentSource;
        var now = clock.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            var entry = await db.Set<SignInThrottleEntry>().SingleOrDefaultAsync(e => e.AccountName == account && e.Source == source, cancellationToken);
            var failures = SignInThrottleRules.FailuresAfter(entry is null ? null : new SignInFailures(source, entry.Failures, entry.LastFailureAt), now);
            if (entry is null)
            {
                db.Add(new SignInThrottleEntry { AccountName = account, Source = source, Failures = failures, LastFailureAt = now });
            }
            else
            {
                entry.Failures = failures;
                entry.LastFailureAt = now;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another request from the same source inserted the row first: count on top of it.
                db.ChangeTracker.Clear();
            }
        }

        var stale = now - KeptFor;
        await db.Set<SignInThrottleEntry>().Where(e => e.LastFailureAt < stale).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>A successful sign-in forgets this source's failures (not the other sources').</summary>
    public async Task ForgetAsync(string userName, CancellationToken cancellationToken = default)
    {
        var account = Normalize(userName);
        var source = CurrentSource;
        await db.Set<SignInThrottleEntry>().Where(e => e.AccountName == account && e.Source == source).ExecuteDeleteAsync(cancellationToken);
    }

    private string Normalize(string userName)
    {
        var normalized = normalizer.NormalizeName(userName.Trim()) ?? "";
        return normalized.Length > 256 ? normalized[..256] : normalized;
    }
}
