using Gongkai.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Staff;

internal static class IdentityRegistration
{
    public const string CookieName = "gongkai.staff";

    public static void AddGongkaiIdentity(this IServiceCollection services)
    {
        services.AddIdentity<StaffUser, IdentityRole>(identity =>
            {
                // Length and a check against common passwords (StaffPasswordValidator), no composition rules (ASVS 2.1).
                identity.Password.RequiredLength = StaffPasswordValidator.MinimumLength;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireDigit = false;
                // Failed attempts never lock an account (SignInThrottle slows them by account and source instead);
                // a lock is an administrator's decision. Lockout stays enabled so that decision is honoured.
                identity.Lockout.MaxFailedAccessAttempts = int.MaxValue;
                identity.Lockout.AllowedForNewUsers = true;
                identity.User.RequireUniqueEmail = false;
                identity.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorCodes.ProviderName;
            })
            .AddEntityFrameworkStores<GongkaiDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<StaffPasswordValidator>()
            .AddTokenProvider<OneTimeAuthenticatorCodes>(OneTimeAuthenticatorCodes.ProviderName)
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>();

        // Bearer requests use their access token, everything else the cookie. Identity's own schemes stay as they
        // are for signing in (the application cookie, the two-factor step's user-id cookie).
        services.AddAuthentication(authentication =>
            {
                authentication.DefaultScheme = StaffSchemes.CookieOrToken;
                authentication.DefaultAuthenticateScheme = StaffSchemes.CookieOrToken;
                authentication.DefaultChallengeScheme = StaffSchemes.CookieOrToken;
                authentication.DefaultForbidScheme = StaffSchemes.CookieOrToken;
            })
            .AddPolicyScheme(StaffSchemes.CookieOrToken, "工作人员（Cookie 或访问令牌）", policy => policy.ForwardDefaultSelector = StaffSchemes.Select)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(StaffSchemes.AccessToken, "个人访问令牌", null);

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/admin/sign-in";
            cookie.AccessDeniedPath = "/admin/denied";
            cookie.Cookie.Name = CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);

            // Pages keep the redirect to the sign-in and denied pages; API clients get 401/403 problem details.
            var toSignIn = cookie.Events.OnRedirectToLogin;
            var toDenied = cookie.Events.OnRedirectToAccessDenied;
            cookie.Events.OnRedirectToLogin = context =>
                StaffProblems.IsApiRequest(context.Request) ? StaffProblems.NotSignedInAsync(context.HttpContext) : toSignIn(context);
            cookie.Events.OnRedirectToAccessDenied = context =>
                StaffProblems.IsApiRequest(context.Request) ? StaffProblems.ForbiddenAsync(context.HttpContext) : toDenied(context);
        });

        // The security stamp is checked on every request (one indexed read per staff request): signing out, a password
        // change, a lock or a role change ends every open session of the account at once, not minutes later.
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.Zero);

        services.AddAuthorizationBuilder().AddGongkaiPolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, TwoFactorEnrolmentResultHandler>();
        services.AddOptions<TwoFactorOptions>().BindConfiguration(TwoFactorOptions.Section);
        services.AddSingleton<TwoFactorPolicy>();
        services.AddSingleton<IAuthorizationHandler, TwoFactorEnrolledHandler>();
        services.AddSingleton<AuthenticatorClock>();
        services.AddScoped<BodyScope>();
        services.AddScoped<AccessTokenService>();
        services.AddOptions<AccessTokenOptions>().BindConfiguration(AccessTokenOptions.Section)
            .Validate(o => o.DefaultLifetimeDays is >= 1 and <= AccessTokenService.MaxLifetimeDays,
                $"{AccessTokenOptions.Section}:DefaultLifetimeDays 应在 1 到 {AccessTokenService.MaxLifetimeDays} 之间。")
            .ValidateOnStart();
        services.AddScoped<SignInAudit>();
        services.AddScoped<SignInThrottle>();
        services.AddScoped<StaffAdministration>();
        services.AddScoped<IStartupSeeder, StaffRolesSeeder>();
    }
}
