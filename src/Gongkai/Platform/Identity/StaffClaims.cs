using System.Globalization;
using System.Security.Claims;

namespace Gongkai.Platform.Identity;

/// <summary>The claims Gongkai adds to a staff principal.</summary>
public static class StaffClaims
{
    public const string BodyId = "gongkai:body";

    public static int? BodyIdOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(BodyId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
