namespace Gongkai.Platform.Jobs;

/// <summary>Exponential backoff: the first retry after <c>baseDelay</c>, then doubling, never more than <c>maxDelay</c>.</summary>
public static class RetryBackoff
{
    /// <param name="failures">How many attempts have failed so far (1 after the first failure).</param>
    public static TimeSpan Delay(int failures, TimeSpan baseDelay, TimeSpan maxDelay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failures, 1);
        // 2^30 × even a millisecond overflows nothing; beyond that the cap applies anyway.
        var factor = Math.Pow(2, Math.Min(failures - 1, 30));
        var delay = baseDelay * factor;
        return delay > maxDelay ? maxDelay : delay;
    }
}
