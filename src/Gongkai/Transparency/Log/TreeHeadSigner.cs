using Gongkai.Platform.Jobs;
using Gongkai.Platform.Notifications;
using Gongkai.Staff;
using Gongkai.Transparency.Rules;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Gongkai.Platform.Data;

namespace Gongkai.Transparency.Log;

/// <summary>
/// Publishes a signed tree head when the log has grown: a leased recurring job (one signer across the nodes), every
/// <see cref="TransparencyOptions.SignInterval"/>. Before signing it checks the stored tree against the leaves
/// appended since the last head (<see cref="TransparencyLog.CheckSinceAsync"/>); if they disagree it signs nothing,
/// logs a critical error and notifies the system administrators once per node, and keeps refusing until the tree is
/// repaired: a log must never sign over a tree it cannot vouch for.
/// </summary>
internal sealed class TreeHeadSigner(
    GongkaiDbContext db, TransparencyLog log, LogSigningKey key, SigningHalt halt, INotifier notifier, UserManager<StaffUser> users,
    TimeProvider clock, IOptions<TransparencyOptions> options, ILogger<TreeHeadSigner> logger) : IRecurringJob
{
    public string Name => "transparency-tree-head";

    public JobSchedule Schedule => JobSchedule.Every(options.Value.SignInterval);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var size = await log.SizeAsync(cancellationToken);
        var last = await log.LatestHeadAsync(cancellationToken);
        if (last is not null && last.TreeSize == size)
        {
            return;
        }

        var problem = await log.CheckSinceAsync(last, size, cancellationToken);
        if (problem is not null)
        {
            await RaiseAsync(problem, cancellationToken);
            return;
        }

        halt.Clear();
        var root = await log.RootAsync(size, cancellationToken);
        // Strictly later than the last head's time, as RFC 6962 monitors expect.
        var timestamp = Math.Max(clock.GetUtcNow().ToUnixTimeMilliseconds(), (last?.TimestampMs ?? 0) + 1);
        var signature = TreeHeadSignature.Encode(key.Sign(TreeHeadSignature.SignedBytes(timestamp, size, root)));
        db.Add(new SignedTreeHead { TreeSize = size, TimestampMs = timestamp, RootHash = root, Signature = signature, KeyId = key.KeyId });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Signed tree head {TreeSize} ({Root}).", size, Convert.ToBase64String(root));
    }

    private async Task RaiseAsync(string problem, CancellationToken cancellationToken)
    {
        logger.LogCritical("The public log stopped signing: {Problem}", problem);
        if (!halt.Raise(problem))
        {
            return;
        }

        var admins = await users.GetUsersInRoleAsync(StaffRoles.SystemAdmin);
        await notifier.NotifyAsync(new Notification(
            admins.Select(a => a.Id).ToList(),
            "公开日志已停止签名：存储的树与叶子不符",
            $"公开日志在签发新的树头前核对存储的默克尔树，发现：{problem}\n\n在查明原因并修复之前，本站不再签发树头。请运行 `gongkai log verify` 查看全部不符之处。",
            "transparency.halted"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>This node's memory that signing stopped, so the alert goes out once, not every few seconds; shown on the 公开日志 page.</summary>
public sealed class SigningHalt
{
    private string? _problem;

    public string? Problem => Volatile.Read(ref _problem);

    /// <summary>True the first time (the alert should go out).</summary>
    public bool Raise(string problem) => Interlocked.Exchange(ref _problem, problem) is null;

    public void Clear() => Volatile.Write(ref _problem, null);
}
