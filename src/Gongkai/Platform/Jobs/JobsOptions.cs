namespace Gongkai.Platform.Jobs;

/// <summary>Background work settings (<c>Gongkai:Jobs</c>).</summary>
public sealed class JobsOptions
{
    public const string Section = "Gongkai:Jobs";

    /// <summary>Run the job runner and the change-log pump in this process. Turn off for an instance that should
    /// only serve requests, or in tests that drive the runner themselves.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often due work is looked for; a job scheduled in this process wakes the runner at once.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts before a one-off job is marked failed (a handler may set its own).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the first retry; it doubles with each further failure.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a claim lasts without renewal; a running job renews it every third of this. When an
    /// instance dies mid-job, another takes the job over after this long.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);
}
