namespace Gongkai.Channels.Rules;

/// <summary>When a failed content delivery is tried again: after <c>baseDelay</c>, doubling with each failure, at
/// most <c>maxDelay</c>; after <c>maxAttempts</c> the delivery is given up (the subscriber still has the feed).</summary>
public static class DeliveryBackoff
{
    /// <summary>The next attempt after <paramref name="failures"/> failed ones, or null when the delivery is given up.</summary>
    public static DateTimeOffset? NextAttempt(DateTimeOffset failedAt, int failures, int maxAttempts, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        if (failures >= maxAttempts)
        {
            return null;
        }

        var delay = baseDelay * Math.Pow(2, Math.Min(failures - 1, 30));
        return failedAt + (delay > maxDelay ? maxDelay : delay);
    }
}
