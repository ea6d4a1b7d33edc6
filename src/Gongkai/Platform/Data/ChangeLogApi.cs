using Gongkai.Platform.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Platform.Data;

/// <summary><c>GET /api/v1/changes/status</c>: how far each follower has come, for operators. Platform knows no
/// permissions; the console maps it with the policy that may read it.</summary>
internal static class ChangeLogApi
{
    public static IEndpointRouteBuilder MapChangeLogApi(this IEndpointRouteBuilder app, string policy)
    {
        app.MapGroup("/api/v1/changes")
            .WithTags("变更日志")
            .RequireAuthorization(policy)
            .MapGet("/status", StatusAsync)
            .WithSummary("变更日志的最新位置和各跟随者的进度");
        return app;
    }

    private static async Task<Ok<ChangeLogStatus>> StatusAsync(
        GongkaiDbContext db, ChangeLogReader reader, IEnumerable<IChangeLogFollower> followers, NodeIdentity node, CancellationToken cancellationToken)
    {
        var latest = await reader.LatestAsync(cancellationToken);
        var positions = await db.Set<ChangeLogCursor>().AsNoTracking()
            .ToDictionaryAsync(c => c.Follower, c => c.Position, StringComparer.Ordinal, cancellationToken);
        // Followers registered here that have not applied anything yet stand at 0; cursors of other nodes are listed too.
        foreach (var follower in followers)
        {
            positions.TryAdd(ChangeLogFollowers.CursorKey(follower, node), 0);
        }

        var rows = new List<FollowerStatus>(positions.Count);
        foreach (var (name, position) in positions.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            rows.Add(new FollowerStatus(name, position, await reader.CountAfterAsync(position, cancellationToken)));
        }

        return TypedResults.Ok(new ChangeLogStatus(latest, rows));
    }
}

public sealed record ChangeLogStatus(long Latest, IReadOnlyList<FollowerStatus> Followers);

/// <param name="Name">The cursor key: <c>follower@node</c> for node-local followers.</param>
/// <param name="Pending">Rows written after <paramref name="Position"/> that the follower has yet to apply.</param>
public sealed record FollowerStatus(string Name, long Position, int Pending);
