using System.Net;
using System.Net.Sockets;

namespace Gongkai.Staff.Rules;

/// <summary>Failed sign-ins recorded for one account name from one source (a client address, IPv6 by its /64).</summary>
public sealed record SignInFailures(string Source, int Failures, DateTimeOffset LastFailureAt);

/// <summary>
/// How long a sign-in must wait after failed attempts, by account <em>and</em> source (ASVS 2.2.1): a guesser slows
/// down only itself unless it tries very many times, and an account is never locked by failures alone — the owner,
/// signing in from elsewhere, still gets in, and the account's access tokens keep working. Plain rules without I/O.
/// </summary>
/// <remarks>
/// One source: four free failures, then 30 s, doubling with each further failure up to 15 minutes — under 100 guesses
/// an hour. Every source together: after 20 failures within the hour (a guesser spread over many addresses), every
/// source waits 1 minute, doubling to 15 minutes. A source's count is forgotten an hour after its last failure or at
/// its next success; the account-wide count only by time, so a success in between does not reopen the guessing.
/// </remarks>
public static class SignInThrottleRules
{
    public const int FreeFailuresPerSource = 4;
    public const int FreeFailuresPerAccount = 20;
    public static readonly TimeSpan FirstSourceDelay = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan FirstAccountDelay = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan LongestDelay = TimeSpan.FromMinutes(15);
    public static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    /// <summary>Until when an attempt for this account from <paramref name="source"/> must wait, or null when it may go ahead now.</summary>
    public static DateTimeOffset? WaitUntil(IReadOnlyCollection<SignInFailures> account, string source, DateTimeOffset now)
    {
        var recent = account.Where(f => now - f.LastFailureAt < Memory).ToList();
        DateTimeOffset? until = null;
        if (recent.FirstOrDefault(f => f.Source == source) is { } mine && mine.Failures > FreeFailuresPerSource)
        {
            until = mine.LastFailureAt + Delay(FirstSourceDelay, mine.Failures - FreeFailuresPerSource);
        }

        var total = recent.Sum(f => f.Failures);
        if (total > FreeFailuresPerAccount)
        {
            var accountUntil = recent.Max(f => f.LastFailureAt) + Delay(FirstAccountDelay, total - FreeFailuresPerAccount);
            until = until is null || accountUntil > until ? accountUntil : until;
        }

        return until > now ? until : null;
    }

    /// <summary>The count to store after a failure: a count older than <see cref="Memory"/> starts again at one.</summary>
    public static int FailuresAfter(SignInFailures? previous, DateTimeOffset now) =>
        previous is null || now - previous.LastFailureAt >= Memory ? 1 : previous.Failures + 1;

    /// <summary>The source an attempt is counted under: the IPv4 address, an IPv6 address's /64 (one host's share of
    /// a network), or "unknown" when the server cannot tell.</summary>
    public static string SourceOf(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>What the person is told: the same words whether or not the account exists.</summary>
    public static string Message(DateTimeOffset until, DateTimeOffset now)
    {
        var seconds = (int)Math.Ceiling((until - now).TotalSeconds);
        return seconds <= 90
            ? $"登录失败次数过多，请 {seconds} 秒后再试。"
            : $"登录失败次数过多，请 {(int)Math.Ceiling(seconds / 60.0)} 分钟后再试。";
    }

    private static TimeSpan Delay(TimeSpan first, int step)
    {
        // step 1 → first, 2 → 2×first … capped; the exponent is bounded before shifting.
        var factor = 1L << Math.Min(step - 1, 20);
        var delay = TimeSpan.FromTicks(Math.Min(first.Ticks * factor, LongestDelay.Ticks));
        return delay;
    }
}
