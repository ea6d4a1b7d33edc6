using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Gongkai.Platform.Audit;

/// <summary>
/// Every request of a signed-in staff member that ends refused — a 403 from the API, or a page sent to the
/// access-denied page — leaves an <c>access.denied</c> audit row naming the method and path, so attempts on another
/// body's data or beyond one's role are on record, whichever module or policy refused them. It runs between
/// authentication and authorization, so it sees the authorization middleware's refusals too. Written in a unit of
/// work of its own: the refused request's may hold changes that must never be saved.
/// </summary>
public static class DeniedAccessAudit
{
    public const string Action = "access.denied";

    public static WebApplication UseDeniedAccessAudit(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            await next();
            if (context.User.Identity?.IsAuthenticated == true && IsDenied(context))
            {
                await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                var target = $"{context.Request.Method} {context.Request.Path}";
                await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordNowAsync(Action, target.Length > 256 ? target[..256] : target,
                    $"HTTP {context.Response.StatusCode}", cancellationToken: CancellationToken.None);
            }
        });
        return app;
    }

    private static bool IsDenied(HttpContext context)
    {
        var response = context.Response;
        if (response.StatusCode == StatusCodes.Status403Forbidden)
        {
            return true;
        }

        if (response.StatusCode != StatusCodes.Status302Found)
        {
            return false;
        }

        var deniedPath = context.RequestServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme).AccessDeniedPath;
        return deniedPath.HasValue && response.Headers.Location.ToString().Contains(deniedPath.Value!, StringComparison.OrdinalIgnoreCase);
    }
}
