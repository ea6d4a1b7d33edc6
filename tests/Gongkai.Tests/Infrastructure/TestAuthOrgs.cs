using System.Security.Claims;
using System.Text.Encodings.Web;
using Gongkai.Platform.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongkai.Tests.Infrastructure;

/// <summary>
/// A test authentication scheme: the request's headers say who is signed in, so integration tests can act as any
/// staff member without the sign-in pages. No <c>X-Test-Name</c> header means an anonymous visitor.
/// </summary>
public static class TestAuthOrgs
{
    public const string Scheme = "TestOrgs";
    public const string NameHeader = "X-Test-Name";
    public const string RolesHeader = "X-Test-Roles";
    public const string BodyIdHeader = "X-Test-BodyId";

    /// <summary>Makes the test scheme the default for authenticating, challenging and forbidding.</summary>
    public static void Install(IServiceCollection services) =>
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultAuthenticateScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
                options.DefaultForbidScheme = Scheme;
            })
            .AddScheme<AuthenticationSchemeOptions, TestAuthOrgsHandler>(Scheme, _ => { });

    /// <summary>Adds the headers that sign <paramref name="client"/> in as a staff member.</summary>
    public static HttpClient SignedInAs(this HttpClient client, string name, int bodyId, params string[] roles)
    {
        client.DefaultRequestHeaders.Add(NameHeader, name);
        client.DefaultRequestHeaders.Add(BodyIdHeader, bodyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        client.DefaultRequestHeaders.Add(RolesHeader, string.Join(',', roles));
        return client;
    }
}

public sealed class TestAuthOrgsHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var name = Request.Headers[TestAuthOrgs.NameHeader].ToString();
        if (string.IsNullOrEmpty(name))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "test:" + name), new(ClaimTypes.Name, name) };
        var bodyId = Request.Headers[TestAuthOrgs.BodyIdHeader].ToString();
        if (!string.IsNullOrEmpty(bodyId))
        {
            claims.Add(new Claim(StaffClaims.BodyId, bodyId));
        }

        foreach (var role in Request.Headers[TestAuthOrgs.RolesHeader].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }

        // Test principals stand for fully enrolled staff: system admins must have two-factor on.
        claims.Add(new Claim(StaffClaims.TwoFactor, StaffClaims.TwoFactorOn));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, TestAuthOrgs.Scheme));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, TestAuthOrgs.Scheme)));
    }
}

/// <summary>A <see cref="GongkaiFactory"/> with <see cref="TestAuthOrgs"/> installed, for test classes that act
/// as staff; one host per test class.</summary>
public class OrgsStaffFactory : GongkaiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(TestAuthOrgs.Install);
    }
}
