using System.Globalization;
using Gongkai.Platform.Data;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace Gongkai.Staff;

/// <summary>The clock authenticator codes are checked against; its own service so the tests can step it by 30 s per
/// sign-in instead of waiting for the next code.</summary>
public sealed class AuthenticatorClock(TimeProvider time)
{
    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;
}

/// <summary>
/// Authenticator (TOTP, RFC 6238) codes as ASVS L2 asks: a code is accepted at most ±30 s from its time step (one step
/// either side, for phones whose clocks drift) and only once — the step of the last accepted code is stored with the
/// account, and a code of that step or an earlier one is refused, so a code seen over a shoulder or in a proxy log
/// cannot be replayed. Identity's own provider accepted each code up to ±90 s, any number of times.
/// </summary>
internal sealed class OneTimeAuthenticatorCodes(AuthenticatorClock clock) : IUserTwoFactorTokenProvider<StaffUser>
{
    public const string ProviderName = "GongkaiAuthenticator";
    private const string LoginProvider = "Gongkai";
    private const string LastStepName = "AuthenticatorLastStep";
    private static readonly VerificationWindow OneStepEitherSide = new(previous: 1, future: 1);

    /// <summary>For demo accounts only (the two-factor page shows it): the code of the earliest step the server would
    /// accept now — the current step, or the next one when the current was used — or null when both were used.</summary>
    public static async Task<string?> NextAcceptedCodeAsync(UserManager<StaffUser> manager, StaffUser user, AuthenticatorClock clock)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        var now = clock.UtcNow;
        var current = new DateTimeOffset(now).ToUnixTimeSeconds() / 30;
        var last = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepName);
        var lastStep = long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : long.MinValue;
        var step = current > lastStep ? current : current + 1 > lastStep ? current + 1 : (long?)null;
        return step is { } usable ? totp.ComputeTotp(DateTimeOffset.FromUnixTimeSeconds(usable * 30).UtcDateTime) : null;
    }

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The code comes from the user's authenticator app, never from the server.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(string.Empty);

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.UtcNow, token, out var step, OneStepEitherSide))
        {
            return false;
        }

        var last = await manager.GetAuthenticationTokenAsync(user, LoginProvider, LastStepName);
        if (long.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep)
        {
            return false;
        }

        // Saving checks the account's concurrency stamp: of two requests racing with one code, only one succeeds.
        var saved = await manager.SetAuthenticationTokenAsync(user, LoginProvider, LastStepName, step.ToString(CultureInfo.InvariantCulture));
        return saved.Succeeded;
    }
}
