using Gongkai.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace Gongkai.Platform.Identity;

internal static class IdentityRegistration
{
    public static void AddGongkaiIdentity(this IServiceCollection services)
    {
        services.AddIdentity<StaffUser, IdentityRole>(identity =>
            {
                identity.Password.RequiredLength = 10;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Password.RequireUppercase = true;
                identity.Password.RequireLowercase = true;
                identity.Password.RequireDigit = true;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                identity.Lockout.AllowedForNewUsers = true;
                identity.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<GongkaiDbContext>()
            .AddDefaultTokenProviders();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/admin/sign-in";
            cookie.AccessDeniedPath = "/admin/denied";
            cookie.Cookie.Name = "gongkai.staff";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.SlidingExpiration = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
        });
        services.AddAuthorizationBuilder().AddGongkaiPolicies();
        services.AddScoped<BodyScope>();
    }
}
