using System.Globalization;
using System.Text;
using Gongkai.Staff;
using Gongkai.Platform;
using Gongkai.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Organizations.Demo;

/// <summary>One demo account to create.</summary>
public sealed record DemoAccount(string UserName, string Role, Body Body, string DisplayName);

/// <summary>Which demo accounts exist: <c>admin</c> (system admin of the municipal government) and, for three
/// bodies — the municipal government, one municipal department, one county government — one account per other
/// role, named after the body's code (<c>editor.myszf</c>); and an editor each for the first public institution and its
/// supervising department. A plain rule over the body list.</summary>
public static class DemoStaffPlan
{
    public const string AdminUserName = "admin";

    private static readonly (string Role, string Prefix)[] RolePrefixes =
    [
        (StaffRoles.BodyAdmin, "bodyadmin"),
        (StaffRoles.Editor, "editor"),
        (StaffRoles.FirstReviewer, "reviewer1"),
        (StaffRoles.SecondReviewer, "reviewer2"),
        (StaffRoles.FinalReviewer, "reviewer3"),
        (StaffRoles.RequestOfficer, "officer"),
        (StaffRoles.Auditor, "auditor"),
        (StaffRoles.HotlineOperator, "hotline"),
        (StaffRoles.HotlineHandler, "handler"),
    ];

    /// <summary>The municipal government: the root body of kind MunicipalGovernment (preferring code myszf).</summary>
    public static Body? MunicipalGovernment(IReadOnlyCollection<Body> bodies) =>
        Ordered(bodies.Where(b => b.ParentId is null && b.Kind == BodyKind.MunicipalGovernment)).OrderBy(b => b.Code != "myszf").FirstOrDefault();

    public static IReadOnlyList<Body> DemoBodies(IReadOnlyCollection<Body> bodies)
    {
        var municipal = MunicipalGovernment(bodies);
        if (municipal is null)
        {
            return [];
        }

        var department = bodies.FirstOrDefault(b => b.Code == "mysfgw")
            ?? Ordered(bodies.Where(b => b.Kind == BodyKind.MunicipalDepartment)).FirstOrDefault();
        var county = Ordered(bodies.Where(b => b.Kind == BodyKind.CountyGovernment)).FirstOrDefault();
        return new[] { municipal, department, county }.OfType<Body>().DistinctBy(b => b.Id).ToArray();
    }

    public static IReadOnlyList<DemoAccount> Accounts(IReadOnlyCollection<Body> bodies)
    {
        var municipal = MunicipalGovernment(bodies);
        if (municipal is null)
        {
            return [];
        }

        var accounts = new List<DemoAccount> { new(AdminUserName, StaffRoles.SystemAdmin, municipal, "系统管理员") };
        foreach (var body in DemoBodies(bodies))
        {
            accounts.AddRange(RolePrefixes.Select(r =>
                new DemoAccount($"{r.Prefix}.{body.Code}", r.Role, body, $"{body.ShortName}{StaffRoles.ChineseName(r.Role)}")));
        }

        // A public institution and its supervising department, each with an editor: the unit keeps its own pages and
        // catalogue, the department oversees it (issue 17).
        var unit = Ordered(bodies.Where(b => BodyKinds.IsPublicInstitution(b.Kind) && b.ParentId is not null)).FirstOrDefault();
        var supervisor = unit is null ? null : bodies.FirstOrDefault(b => b.Id == unit.ParentId);
        foreach (var body in new[] { supervisor, unit }.OfType<Body>().Where(b => accounts.All(a => a.Body.Id != b.Id)))
        {
            accounts.Add(new DemoAccount($"editor.{body.Code}", StaffRoles.Editor, body, $"{body.ShortName}{StaffRoles.ChineseName(StaffRoles.Editor)}"));
        }

        return accounts;
    }

    private static IOrderedEnumerable<Body> Ordered(IEnumerable<Body> bodies) => bodies.OrderBy(b => b.SortOrder).ThenBy(b => b.Id);
}

/// <summary>In demo mode only, creates the demo accounts (after the bodies, seeded at order 10, and the roles, at 15)
/// and prints them with the shared password and the authenticator key of the accounts that must use two factors.
/// Existing accounts are left as they are, so restarting never resets a password someone changed.</summary>
internal sealed class DemoStaffSeeder(
    GongkaiDbContext db,
    UserManager<StaffUser> users,
    IUserStore<StaffUser> store,
    IOptions<GongkaiOptions> options,
    TimeProvider clock,
    TwoFactorPolicy twoFactor,
    ILogger<DemoStaffSeeder> logger) : IStartupSeeder
{
    public int Order => 20;

    public async Task SeedAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken)
    {
        if (!demo)
        {
            return;
        }

        var bodies = await db.Set<Body>().AsNoTracking().ToListAsync(cancellationToken);
        var plan = DemoStaffPlan.Accounts(bodies);
        if (plan.Count == 0)
        {
            logger.LogWarning("演示模式：数据库中没有市人民政府（根单位），未创建演示账户。");
            return;
        }

        var demoOptions = options.Value.Demo;
        // Every demo account has the one published demo password, so it is hashed once: a hash costs ~100 ms of
        // processor by design, and the demo city has dozens of accounts (the seeding ran several seconds longer).
        // Each account still passes the password validators (they look at the user name).
        string? demoPasswordHash = null;
        foreach (var account in plan)
        {
            if (await users.FindByNameAsync(account.UserName) is not null)
            {
                continue;
            }

            var user = new StaffUser
            {
                UserName = account.UserName,
                DisplayName = account.DisplayName,
                BodyId = account.Body.Id,
                IsDemo = true,
                CreatedAt = clock.GetUtcNow(),
            };
            foreach (var validator in users.PasswordValidators)
            {
                Require(await validator.ValidateAsync(users, user, demoOptions.Password), account.UserName);
            }

            user.PasswordHash = demoPasswordHash ??= users.PasswordHasher.HashPassword(user, demoOptions.Password);
            Require(await users.CreateAsync(user), account.UserName);
            Require(await users.AddToRoleAsync(user, account.Role), account.UserName);
            // Every demo account that must use two factors (admin, body admins, 终审) is pre-enrolled with the one
            // published demo key, so a visitor tries the real two-step sign-in without setting up an app
            // (the two-factor page shows demo accounts their current code; README, "Demo accounts").
            if (twoFactor.Required([account.Role]))
            {
                if (IsBase32Key(demoOptions.AdminTotpKey))
                {
                    await EnrolAuthenticatorAsync(user, demoOptions.AdminTotpKey, cancellationToken);
                }
                else
                {
                    logger.LogError("Gongkai:Demo:AdminTotpKey 不是有效的 base32 密钥（至少 16 位 A–Z、2–7），{UserName} 首次登录时需自行设置两步验证。", account.UserName);
                }
            }
        }

        // The table (with the password) goes to the console once for the person starting the demo; the log keeps
        // only a one-line record, so structured logs never carry credentials.
        logger.LogInformation("已创建 {Count} 个演示账户（仅演示模式）", plan.Count);
        Console.WriteLine(DescribeAccounts(plan, demoOptions));
    }

    /// <summary>Pre-enrols a demo account with the configured key, as if they had scanned it on first sign-in.</summary>
    private async Task EnrolAuthenticatorAsync(StaffUser user, string key, CancellationToken cancellationToken)
    {
        if (store is not IUserAuthenticatorKeyStore<StaffUser> keys)
        {
            throw new InvalidOperationException("The user store cannot keep authenticator keys.");
        }

        await keys.SetAuthenticatorKeyAsync(user, key, cancellationToken);
        Require(await users.UpdateAsync(user), user.UserName!);
        Require(await users.SetTwoFactorEnabledAsync(user, true), user.UserName!);
    }

    /// <summary>Authenticator apps take base32 keys; 16 characters (80 bits) is the least RFC 4226 allows.</summary>
    internal static bool IsBase32Key(string key) =>
        key.Length >= 16 && key.All(c => c is >= 'A' and <= 'Z' or >= '2' and <= '7');

    private static void Require(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    internal static string DescribeAccounts(IReadOnlyList<DemoAccount> accounts, DemoOptions demo)
    {
        var rows = accounts.Select(a => new[] { a.UserName, StaffRoles.ChineseName(a.Role), a.Body.Name }).ToList();
        string[] header = ["用户名", "角色", "单位"];
        var widths = Enumerable.Range(0, header.Length)
            .Select(column => rows.Append(header).Max(row => DisplayWidth(row[column])))
            .ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((cell, i) => cell + new string(' ', widths[i] - DisplayWidth(cell)))).TrimEnd();

        var text = new StringBuilder();
        text.AppendLine("==== 演示账户（仅演示模式创建，生产环境不会创建）====");
        text.AppendLine(Line(header));
        text.AppendLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            text.AppendLine(Line(row));
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"所有演示账户的密码：{demo.Password}");
        text.AppendLine(CultureInfo.InvariantCulture, $"admin、单位管理员和终审账户已启用两步验证，验证器密钥：{demo.AdminTotpKey}");
        text.AppendLine("  （演示账户登录时，两步验证页面会显示当前可用的动态口令）");
        text.AppendLine(CultureInfo.InvariantCulture, $"  （可添加到任意验证器应用，或运行 oathtool --totp -b {demo.AdminTotpKey} 获取动态口令）");
        return text.ToString();
    }

    /// <summary>Terminal columns: CJK characters take two.</summary>
    private static int DisplayWidth(string text) => text.Sum(c => c >= 0x1100 && (c <= 0x115F || c >= 0x2E80) ? 2 : 1);
}
