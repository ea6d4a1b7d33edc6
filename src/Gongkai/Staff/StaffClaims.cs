using System.Security.Claims;
using Gongkai.Platform.Web;

namespace Gongkai.Staff;

/// <summary>The claims Gongkai adds to a staff principal.</summary>
public static class StaffClaims
{
    public const string BodyId = ActorClaims.BodyId;

    public const string DisplayName = "gongkai:display-name";

    /// <summary>Present (value <see cref="TwoFactorOn"/>) when the user has an authenticator enrolled; accounts that
    /// must have one (<see cref="TwoFactorPolicy"/>) may do nothing but enrol without it.</summary>
    public const string TwoFactor = "gongkai:two-factor";

    public const string TwoFactorOn = "on";

    /// <summary>On principals built from a personal access token: the token's id, so audits can say which one.</summary>
    public const string AccessTokenId = "gongkai:token";

    public static int? BodyIdOf(ClaimsPrincipal user) => ActorClaims.BodyIdOf(user);

    public static string DisplayNameOf(ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";

    public static string? UserIdOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static bool HasTwoFactor(ClaimsPrincipal user) => user.HasClaim(TwoFactor, TwoFactorOn);
}
