using Gongkai.Platform.Data;
using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Gongkai.Staff;

/// <summary>The authentication schemes of the staff side.</summary>
public static class StaffSchemes
{
    /// <summary>The application's default: a request with <c>Authorization: Bearer …</c> is authenticated by its
    /// access token, any other by the Identity cookie.</summary>
    public const string CookieOrToken = "gongkai";

    public const string AccessToken = "gongkai-token";

    private const string BearerPrefix = "Bearer ";

    public static string? BearerTokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? header[BearerPrefix.Length..].Trim() : null;
    }

    internal static string Select(HttpContext context) =>
        BearerTokenOf(context.Request) is null ? IdentityConstants.ApplicationScheme : AccessToken;
}

/// <summary>Authenticates <c>Authorization: Bearer gk_…</c> against the stored token hashes and builds the same
/// claims the cookie carries (roles, body, display name, two-factor enrolment).</summary>
internal sealed class AccessTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AccessTokenService tokens,
    IUserClaimsPrincipalFactory<StaffUser> principals)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string RejectionItem = "gongkai:token-rejection";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = StaffSchemes.BearerTokenOf(Request);
        if (presented is null)
        {
            return AuthenticateResult.NoResult();
        }

        var (user, token, rejection) = await tokens.AuthenticateAsync(presented, Context.RequestAborted);
        if (user is null || token is null)
        {
            Context.Items[RejectionItem] = rejection ?? AccessTokenRejection.Unknown;
            return AuthenticateResult.Fail(AccessTokenService.Describe(rejection ?? AccessTokenRejection.Unknown));
        }

        var cookiePrincipal = await principals.CreateAsync(user);
        var claims = cookiePrincipal.Claims.Append(new Claim(StaffClaims.AccessTokenId, token.Id.ToString(CultureInfo.InvariantCulture)));
        var identity = new ClaimsIdentity(claims, Scheme.Name, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
        var rejection = Context.Items[RejectionItem] as AccessTokenRejection?;
        return StaffProblems.NotSignedInAsync(Context, rejection is null ? null : AccessTokenService.Describe(rejection.Value));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => StaffProblems.ForbiddenAsync(Context);
}
