using Gongkai.Platform.Data;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Gongkai.Staff;

/// <summary>Builds the principal of a staff member — for the cookie and for access tokens alike — with the user's
/// roles, body, display name and whether two-factor sign-in is enrolled.</summary>
internal sealed class StaffClaimsPrincipalFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.BodyId, user.BodyId.ToString(CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(StaffClaims.DisplayName, user.DisplayName));
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(StaffClaims.TwoFactor, StaffClaims.TwoFactorOn));
        }

        return identity;
    }
}
