namespace Gongkai.Tests.Infrastructure;

/// <summary>Waiting for background work (job runner, change-log pump, mail delivery) that the test cannot await.</summary>
public static class Poll
{
    /// <summary>Checks <paramref name="condition"/> every 20 ms; fails the test, naming what it waited for, once
    /// <paramref name="timeout"/> has passed.</summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string waitingFor)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {waitingFor}");
            await Task.Delay(20);
        }
    }
}
