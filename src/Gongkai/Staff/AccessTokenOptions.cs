namespace Gongkai.Staff;

/// <summary><c>Gongkai:Tokens</c>: how long a personal access token lives when its creator does not choose, and how
/// long a renewal extends it. Every token expires (ASVS 3.5): a script renews its token, or gets a new one, in time.</summary>
public sealed class AccessTokenOptions
{
    public const string Section = "Gongkai:Tokens";

    /// <summary>1 to <see cref="AccessTokenService.MaxLifetimeDays"/>; 90 unless configured.</summary>
    public int DefaultLifetimeDays { get; set; } = AccessTokenService.DefaultLifetimeDays;
}
