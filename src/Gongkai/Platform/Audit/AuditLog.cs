using System.Security.Claims;
using Gongkai.Platform.Data;
using Gongkai.Platform.Web;

namespace Gongkai.Platform.Audit;

/// <summary>Adds audit rows to the current unit of work, so a state change and its audit row commit together.</summary>
public sealed class AuditLog(GongkaiDbContext db, IHttpContextAccessor httpContextAccessor, TimeProvider clock)
{
    /// <summary>Records an action by the current user (or by <paramref name="actorName"/> when nobody is signed in).
    /// The caller saves the unit of work.</summary>
    public void Record(string action, string target, string? detail = null, int? bodyId = null, string? actorName = null, string? actorId = null)
    {
        var http = httpContextAccessor.HttpContext;
        var user = http?.User;
        var signedIn = user?.Identity?.IsAuthenticated == true;
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            ActorId = actorId ?? (signedIn ? user!.FindFirstValue(ClaimTypes.NameIdentifier) : null),
            ActorName = actorName ?? (signedIn ? user!.Identity!.Name ?? "?" : "anonymous"),
            BodyId = bodyId ?? (signedIn ? ActorClaims.BodyIdOf(user!) : null),
            Action = action,
            Target = target,
            Detail = detail,
            ClientAddress = http?.Connection.RemoteIpAddress?.ToString(),
        });
    }

    /// <summary>Records and saves at once, for actions that change nothing else (sign-in attempts).</summary>
    public async Task RecordNowAsync(string action, string target, string? detail = null, int? bodyId = null, string? actorName = null, string? actorId = null, CancellationToken cancellationToken = default)
    {
        Record(action, target, detail, bodyId, actorName, actorId);
        await db.SaveChangesAsync(cancellationToken);
    }
}
