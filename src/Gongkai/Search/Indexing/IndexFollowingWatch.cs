namespace Gongkai.Search.Indexing;

/// <summary>
/// Tells an index that has stopped following the change log from one that is merely busy: it is stalled when rows are
/// waiting and its position has not moved for longer than <see cref="Allowance"/>. Plain state, no I/O; the readiness
/// check feeds it what it reads.
/// </summary>
public sealed class IndexFollowingWatch(TimeProvider time)
{
    /// <summary>Longer than any batch takes to apply (a full corpus import applies in well under a minute).</summary>
    public static readonly TimeSpan Allowance = TimeSpan.FromMinutes(2);

    private readonly Lock _gate = new();
    private long _position = -1;
    private DateTimeOffset _positionSince;

    /// <summary>Records the index's <paramref name="position"/> and whether rows are <paramref name="pending"/>; true when
    /// rows have waited on an unmoving position longer than the allowance.</summary>
    public bool IsStalled(long position, int pending)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (position != _position || pending == 0)
            {
                _position = position;
                _positionSince = now;
                return false;
            }

            return now - _positionSince > Allowance;
        }
    }
}
