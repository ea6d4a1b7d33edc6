using Gongkai.Platform.Data;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gongkai.Tests.Infrastructure;

/// <summary>
/// Test-only authentication: a request carrying <c>X-Test-User</c> is signed in as that user with the roles listed in
/// <c>X-Test-Roles</c>; a request without it is anonymous. The scheme replaces the application's defaults, so
/// authorization policies evaluate this principal. Nothing of it exists in the product.
/// </summary>
public static class TestAuth
{
    public const string Scheme = "Test";
    public const string UserHeader = "X-Test-User";
    public const string UserIdHeader = "X-Test-User-Id";
    public const string RolesHeader = "X-Test-Roles";
    public const string BodyHeader = "X-Test-Body";

    public static IServiceCollection AddTestAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultAuthenticateScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
                options.DefaultForbidScheme = Scheme;
            })
            .AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(Scheme, _ => { });
        return services;
    }

    /// <summary>Creates a real Identity user holding <paramref name="roles"/> (so audit rows name a real account) and
    /// returns a client that acts as that user.</summary>
    public static async Task<HttpClient> CreateStaffClientAsync(this GongkaiFactory factory, string userName, params string[] roles)
    {
        var user = await EnsureUserAsync(factory.Services, userName, roles);
        var client = factory.CreateClient().SignedInAs(user.UserName ?? userName, user.BodyId, roles);
        client.DefaultRequestHeaders.Add(UserIdHeader, user.Id);
        return client;
    }

    /// <summary>Adds the headers that sign <paramref name="client"/> in as <paramref name="name"/>, a member of
    /// <paramref name="bodyId"/> holding <paramref name="roles"/>, without creating an account (for tests that need no
    /// audit row naming a real user).</summary>
    public static HttpClient SignedInAs(this HttpClient client, string name, int bodyId, params string[] roles)
    {
        client.DefaultRequestHeaders.Add(UserHeader, name);
        client.DefaultRequestHeaders.Add(BodyHeader, bodyId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        client.DefaultRequestHeaders.Add(RolesHeader, string.Join(',', roles));
        return client;
    }

    /// <summary>A host on the same database as <paramref name="factory"/>, with <see cref="TestAuth"/> as its
    /// authentication, <paramref name="settings"/> applied and <paramref name="configureServices"/> run after the
    /// application's registrations.</summary>
    public static WebApplicationFactory<Program> WithTestAuth(
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
                services.AddTestAuthentication();
                configureServices?.Invoke(services);
            });
        });

    public static async Task<StaffUser> EnsureUserAsync(IServiceProvider services, string userName, IReadOnlyCollection<string> roles)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var roleManager = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in roles)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                Check(await roleManager.CreateAsync(new IdentityRole(role)));
            }
        }

        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            user = new StaffUser { UserName = userName, DisplayName = userName, BodyId = 1, CreatedAt = DateTimeOffset.UtcNow };
            Check(await users.CreateAsync(user, "Test-Password-2026"));
        }

        foreach (var role in roles)
        {
            if (!await users.IsInRoleAsync(user, role))
            {
                Check(await users.AddToRoleAsync(user, role));
            }
        }

        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>Builds the principal from the test headers.</summary>
public sealed class TestAuthHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var name = Request.Headers[TestAuth.UserHeader].ToString();
        if (string.IsNullOrEmpty(name))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, name),
            new(ClaimTypes.NameIdentifier, Request.Headers[TestAuth.UserIdHeader].ToString() is { Length: > 0 } id ? id : name),
        };
        if (Request.Headers[TestAuth.BodyHeader].ToString() is { Length: > 0 } body)
        {
            claims.Add(new Claim(StaffClaims.BodyId, body));
        }

        foreach (var role in Request.Headers[TestAuth.RolesHeader].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }

        // Test principals stand for fully enrolled staff: system admins must have two-factor on.
        claims.Add(new Claim(StaffClaims.TwoFactor, StaffClaims.TwoFactorOn));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, TestAuth.Scheme));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, TestAuth.Scheme)));
    }
}

/// <summary>The application on a fresh database, with <see cref="TestAuth"/> as its authentication.</summary>
public class TestAuthFactory : GongkaiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddTestAuthentication());
    }
}
