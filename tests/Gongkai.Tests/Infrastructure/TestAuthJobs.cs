using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Gongkai.Platform.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongkai.Tests.Infrastructure;

/// <summary>
/// Stand-in staff authentication for the jobs and notifications tests, while real sign-in is built elsewhere:
/// a request is signed in when it carries <see cref="RolesHeader"/> (comma-separated roles), optionally with
/// <see cref="BodyIdHeader"/> and <see cref="UserHeader"/>; without it, it is anonymous.
/// </summary>
public sealed class TestAuthJobsHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestJobs";
    public const string RolesHeader = "X-Test-Roles";
    public const string BodyIdHeader = "X-Test-BodyId";
    public const string UserHeader = "X-Test-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(RolesHeader, out var rolesHeader))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var user = Request.Headers[UserHeader].FirstOrDefault() ?? "test-user";
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user), new(ClaimTypes.Name, user) };
        claims.AddRange(rolesHeader.ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(role => new Claim(ClaimTypes.Role, role)));
        if (Request.Headers[BodyIdHeader].FirstOrDefault() is { } bodyId)
        {
            claims.Add(new Claim(StaffClaims.BodyId, bodyId));
        }

        // Test principals stand for fully enrolled staff: system admins must have two-factor on.
        claims.Add(new Claim(StaffClaims.TwoFactor, StaffClaims.TwoFactorOn));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}

public static class TestAuthJobs
{
    /// <summary>A host on the same database with the header-driven test scheme as every default scheme.</summary>
    public static WebApplicationFactory<Program> WithTestAuthJobs(
        this WebApplicationFactory<Program> factory,
        Action<IServiceCollection>? configureServices = null,
        IDictionary<string, string?>? settings = null) =>
        factory.WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuthJobsHandler>(TestAuthJobsHandler.SchemeName, _ => { });
                services.PostConfigure<AuthenticationOptions>(options =>
                {
                    options.DefaultScheme = TestAuthJobsHandler.SchemeName;
                    options.DefaultAuthenticateScheme = TestAuthJobsHandler.SchemeName;
                    options.DefaultChallengeScheme = TestAuthJobsHandler.SchemeName;
                    options.DefaultForbidScheme = TestAuthJobsHandler.SchemeName;
                });
                configureServices?.Invoke(services);
            });
        });

    /// <summary>A client signed in with these roles (none: anonymous).</summary>
    public static HttpClient CreateClientAs(this WebApplicationFactory<Program> factory, int? bodyId = null, params string[] roles)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (roles.Length > 0)
        {
            client.DefaultRequestHeaders.Add(TestAuthJobsHandler.RolesHeader, string.Join(',', roles));
        }

        if (bodyId is { } id)
        {
            client.DefaultRequestHeaders.Add(TestAuthJobsHandler.BodyIdHeader, id.ToString(CultureInfo.InvariantCulture));
        }

        return client;
    }
}
