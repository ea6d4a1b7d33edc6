using Gongkai.Organizations.Demo;
using System.Net;
using Gongkai.Organizations;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OtpNet;

namespace Gongkai.Tests.Infrastructure;

/// <summary>The application with staff accounts ready: demo bodies (created here only if the organisations seeder
/// has not provided any) and the demo accounts. Each client it makes has its own client address, so sign-in rate
/// limits (per address) apply per test client as they would per person.</summary>
public class StaffTestHost : GongkaiFactory
{
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private static int _nextAddress;
    private readonly SemaphoreSlim _ready = new(1, 1);
    private bool _seeded;

    /// <summary>The clock authenticator codes are checked against: each code a test asks for moves it on by one 30 s
    /// step, as if the user waited for the next code, because the server accepts each code only once.</summary>
    private readonly FakeTimeProvider _authenticatorTime = new(DateTimeOffset.UtcNow);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
            services.AddSingleton(new AuthenticatorClock(_authenticatorTime));
        });
    }

    /// <summary>The next code the user's authenticator app shows (the server's authenticator clock moves on 30 s).</summary>
    public string NextCode(string base32Key)
    {
        lock (_authenticatorTime)
        {
            _authenticatorTime.Advance(TimeSpan.FromSeconds(30));
            return CodeAt(base32Key, _authenticatorTime.GetUtcNow().UtcDateTime);
        }
    }

    /// <summary>The code the authenticator app showed at <paramref name="utc"/>.</summary>
    public static string CodeAt(string base32Key, DateTime utc) => new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp(utc);

    /// <summary>The server's authenticator clock now.</summary>
    public DateTime AuthenticatorNow => _authenticatorTime.GetUtcNow().UtcDateTime;

    public string DemoPassword => Services.GetRequiredService<IOptions<GongkaiOptions>>().Value.Demo.Password;

    public string AdminTotpKey => Services.GetRequiredService<IOptions<GongkaiOptions>>().Value.Demo.AdminTotpKey;

    /// <summary>A client with cookies, no automatic redirects, and a fresh client address.</summary>
    public HttpClient NewClient(string? address = null, CookieContainer? cookies = null)
    {
        address ??= $"198.51.100.{Interlocked.Increment(ref _nextAddress) % 250 + 1}";
        return CreateDefaultClient(new Uri("http://localhost"), cookies is null ? new CookieContainerHandler() : new CookieContainerHandler(cookies),
            new ClientAddressHandler(address));
    }

    /// <summary>Makes sure the demo bodies and accounts exist and returns the bodies the demo accounts belong to.</summary>
    public async Task<DemoStaff> DemoStaffAsync()
    {
        await _ready.WaitAsync();
        try
        {
            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            if (!_seeded)
            {
                if (!await db.Set<Body>().AnyAsync())
                {
                    await TestBodies.AddDemoTreeAsync(db);
                }

                foreach (var seeder in scope.ServiceProvider.GetServices<IStartupSeeder>().Where(s => s.Order == 20))
                {
                    await seeder.SeedAsync(scope.ServiceProvider, demo: true, CancellationToken.None);
                }

                _seeded = true;
            }

            var bodies = await db.Set<Body>().AsNoTracking().ToListAsync();
            return new DemoStaff(DemoStaffPlan.DemoBodies(bodies), DemoStaffPlan.Accounts(bodies));
        }
        finally
        {
            _ready.Release();
        }
    }

    /// <summary>Signs in through the real sign-in page (and the two-factor step when <paramref name="totpKey"/> is
    /// given); returns the last response, a redirect into the console on success.</summary>
    public async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string? password = null, string? totpKey = null)
    {
        var response = await client.SubmitAsync("/admin/sign-in", new Dictionary<string, string>
        {
            ["UserName"] = userName,
            ["Password"] = password ?? DemoPassword,
        });
        if (response.Headers.Location?.OriginalString.StartsWith("/admin/sign-in/two-factor", StringComparison.Ordinal) != true)
        {
            return response;
        }

        if (totpKey is null)
        {
            return response;
        }

        return await client.SubmitAsync(response.Headers.Location.OriginalString, new Dictionary<string, string> { ["Code"] = NextCode(totpKey) });
    }

    /// <summary>A signed-in client for a user. Demo accounts that must use two factors (admin, body admins, 终审 — issue
    /// 23) are enrolled with the demo authenticator key and pass the code step with it, as a person with the app would.</summary>
    public async Task<HttpClient> SignedInClientAsync(string userName, string? password = null, string? totpKey = null)
    {
        var client = NewClient();
        totpKey ??= await DemoEnrolledAsync(userName) ? AdminTotpKey : null;
        var response = await SignInAsync(client, userName, password, totpKey);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString.StartsWith("/admin/sign-in", StringComparison.Ordinal) == true)
        {
            throw new InvalidOperationException($"Signing in {userName} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }

        return client;
    }

    /// <summary>Whether the account is a demo account enrolled with the demo authenticator key.</summary>
    private async Task<bool> DemoEnrolledAsync(string userName)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return await users.FindByNameAsync(userName) is { IsDemo: true, TwoFactorEnabled: true } user
            && await users.GetAuthenticatorKeyAsync(user) == AdminTotpKey;
    }

    /// <summary>Enrols an authenticator for a user created by a test and returns its key (the user then signs in with
    /// <c>SignedInClientAsync(name, totpKey: key)</c>).</summary>
    public async Task<string> EnrolAsync(string userName)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}.");
        await users.ResetAuthenticatorKeyAsync(user);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        return await users.GetAuthenticatorKeyAsync(user) ?? "";
    }

    /// <summary>Creates a user directly (for cases the demo accounts do not cover).</summary>
    public async Task<StaffUser> CreateUserAsync(string userName, int bodyId, params string[] roles)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = userName, DisplayName = userName, BodyId = bodyId, CreatedAt = DateTimeOffset.UtcNow };
        var created = await users.CreateAsync(user, DemoPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        if (roles.Length > 0)
        {
            Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        }

        return user;
    }


    private sealed class ClientAddressHandler(string address) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove(ClientAddressHeader);
            request.Headers.Add(ClientAddressHeader, address);
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>The in-memory test server has no client address; this gives each test client one.</summary>
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientAddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The demo bodies and the accounts planned for them.</summary>
public sealed record DemoStaff(IReadOnlyList<Body> Bodies, IReadOnlyList<DemoAccount> Accounts)
{
    public Body Municipal => Bodies[0];

    /// <summary>The demo account of a role in a body (the municipal government by default).</summary>
    public string UserName(string role, Body? body = null) =>
        Accounts.First(a => a.Role == role && (role == StaffRoles.SystemAdmin || a.Body.Id == (body ?? Municipal).Id)).UserName;
}

/// <summary>A small body tree for tests run before the organisations seeder exists: the municipal government, one
/// municipal department and one county government under it, with valid 统一社会信用代码.</summary>
public static class TestBodies
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static async Task AddDemoTreeAsync(GongkaiDbContext db)
    {
        var municipal = new Body { Code = "myszf", Name = "绵阳市人民政府", ShortName = "市政府", Kind = BodyKind.MunicipalGovernment, CreditCode = "91110000600037341L" };
        db.Add(municipal);
        await db.SaveChangesAsync();
        db.AddRange(
            new Body { Code = "mysfgw", Name = "绵阳市发展和改革委员会", ShortName = "市发展改革委", Kind = BodyKind.MunicipalDepartment, ParentId = municipal.Id, CreditCode = CreditCode("11510700MB1234567"), SortOrder = 1 },
            new Body { Code = "fcq", Name = "绵阳市涪城区人民政府", ShortName = "涪城区政府", Kind = BodyKind.CountyGovernment, ParentId = municipal.Id, CreditCode = CreditCode("11510703MB7654321"), SortOrder = 2 });
        await db.SaveChangesAsync();
    }

    /// <summary>Appends the GB 32100 check character to the first 17 characters.</summary>
    public static string CreditCode(string first17)
    {
        var sum = first17.Select((c, i) => Alphabet.IndexOf(c, StringComparison.Ordinal) * Weights[i]).Sum();
        return first17 + Alphabet[(31 - sum % 31) % 31];
    }
}
