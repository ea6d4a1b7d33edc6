namespace Gongkai.Calendar;

/// <summary>
/// Holds the built <see cref="WorkCalendar"/> between requests (deadlines are computed on many pages). An edit on
/// this node drops it at once; an edit made on another node reaches this one when the entry expires, or sooner when
/// a change-log follower of <c>calendar.changed</c> calls <see cref="Invalidate"/>.
/// </summary>
public sealed class CalendarCache(TimeProvider clock)
{
    /// <summary>How long another node's edit can go unseen here at most.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private WorkCalendar? _calendar;
    private DateTimeOffset _expiresAt;
    private long _generation;

    /// <summary>Changes with every invalidation; a load that started under an older generation is not stored, so a
    /// slow load cannot put back a calendar from before an edit.</summary>
    public long Generation
    {
        get
        {
            lock (_gate)
            {
                return _generation;
            }
        }
    }

    public bool TryGet(out WorkCalendar calendar)
    {
        lock (_gate)
        {
            if (_calendar is not null && clock.GetUtcNow() < _expiresAt)
            {
                calendar = _calendar;
                return true;
            }
        }

        calendar = null!;
        return false;
    }

    public void Store(WorkCalendar calendar, long loadedUnderGeneration)
    {
        lock (_gate)
        {
            if (loadedUnderGeneration == _generation)
            {
                _calendar = calendar;
                _expiresAt = clock.GetUtcNow() + Lifetime;
            }
        }
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
            _calendar = null;
        }
    }
}
