using System.Globalization;
using System.Security.Claims;

namespace Gongkai.Platform.Web;

/// <summary>The claim the plumbing reads off a signed-in principal: the body the actor acts for, so that audit rows
/// and change-log rows name it. The Staff module puts it on the principal (see <c>StaffClaims</c>).</summary>
public static class ActorClaims
{
    public const string BodyId = "gongkai:body";

    public static int? BodyIdOf(ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(BodyId), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
