using Gongkai.Platform.Time;
namespace Gongkai.Platform.Jobs;

/// <summary>When a recurring job is due. A pure rule: given the occurrence that just ran and the time now, the next
/// occurrence. Occurrences missed while every instance was down collapse into one catch-up run, never a burst.</summary>
public abstract record JobSchedule
{
    /// <summary>Daily times are Beijing time (UTC+8; China has had no daylight saving time since 1991).</summary>

    public static JobSchedule Every(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return new EverySchedule(interval);
    }

    public static JobSchedule DailyAt(TimeOnly beijingTime) => new DailySchedule(beijingTime);

    /// <summary>The first due time of a job first seen at <paramref name="now"/>.</summary>
    public abstract DateTimeOffset FirstRunAfter(DateTimeOffset now);

    /// <summary>The next due time after the occurrence due at <paramref name="dueAt"/> ran; always later than <paramref name="now"/>.</summary>
    public abstract DateTimeOffset NextRunAfter(DateTimeOffset dueAt, DateTimeOffset now);

    private sealed record EverySchedule(TimeSpan Interval) : JobSchedule
    {
        public override DateTimeOffset FirstRunAfter(DateTimeOffset now) => (now + Interval).ToUniversalTime();

        public override DateTimeOffset NextRunAfter(DateTimeOffset dueAt, DateTimeOffset now)
        {
            // Stay on the original grid (no drift from run time), skipping the occurrences already past.
            var next = dueAt + Interval;
            if (next <= now)
            {
                var missed = (now - dueAt).Ticks / Interval.Ticks;
                next = dueAt + (Interval * (missed + 1));
            }

            return next.ToUniversalTime();
        }

        public override string ToString() => $"every {Interval}";
    }

    private sealed record DailySchedule(TimeOnly Time) : JobSchedule
    {
        public override DateTimeOffset FirstRunAfter(DateTimeOffset now) => NextAfter(now);

        public override DateTimeOffset NextRunAfter(DateTimeOffset dueAt, DateTimeOffset now) => NextAfter(dueAt > now ? dueAt : now);

        private DateTimeOffset NextAfter(DateTimeOffset instant)
        {
            var local = ChinaTime.ToChina(instant);
            var candidate = new DateTimeOffset(local.Date + Time.ToTimeSpan(), ChinaTime.Offset);
            if (candidate <= instant)
            {
                candidate = candidate.AddDays(1);
            }

            return candidate.ToUniversalTime();
        }

        public override string ToString() => $"daily at {Time:HH\\:mm} Beijing time";
    }
}
