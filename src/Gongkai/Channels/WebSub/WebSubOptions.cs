namespace Gongkai.Channels.WebSub;

/// <summary>The WebSub hub's settings (<c>Gongkai:Channels:WebSub</c>). Callbacks are called through
/// <c>Platform.Http.OutboundHttp</c>: only public addresses, unless listed in <c>Gongkai:OutboundHttp:AllowedHosts</c>.</summary>
public sealed class WebSubOptions
{
    public const string Section = "Gongkai:Channels:WebSub";

    /// <summary>Shortest lease a subscriber may ask for (seconds).</summary>
    public int MinLeaseSeconds { get; set; } = 3600;

    /// <summary>The lease granted when a subscriber names none: 10 days.</summary>
    public int DefaultLeaseSeconds { get; set; } = 864_000;

    /// <summary>Longest lease a subscriber may ask for: 30 days.</summary>
    public int MaxLeaseSeconds { get; set; } = 2_592_000;

    /// <summary>Subscription requests accepted per client address and minute; more are refused with 429.</summary>
    public int RequestsPerMinute { get; set; } = 30;

    /// <summary>How long one call to a callback (verification or delivery) may take.</summary>
    public TimeSpan CallbackTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries sent at once; a slow subscriber holds one slot, never the others.</summary>
    public int Concurrency { get; set; } = 16;

    /// <summary>Attempts before a delivery is given up.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait before the first retry; it doubles with each failure up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long a node holds deliveries it claimed; if it dies mid-delivery, another node (or the next start)
    /// takes them over after this.</summary>
    public TimeSpan DeliveryLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often retries, deliveries left by a dead node and expired leases are looked for.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Finished deliveries and their content are kept this long (for the console), then removed.</summary>
    public TimeSpan KeepFinished { get; set; } = TimeSpan.FromDays(7);
}
