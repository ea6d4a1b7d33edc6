using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Channels.Rules;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Channels.NewMedia;

/// <summary>A post's channel with its Chinese names, for pages and the API.</summary>
public sealed record PostChannelView(NewMediaPostChannel Channel)
{
    public string AdapterName => PostAdapters.ChineseName(Channel.Adapter);

    public string StatusName => PostChannelFlow.ChineseName(Channel.Adapter, Channel.Status);
}

/// <summary>Raised when this process queued webhook deliveries, so the <see cref="NewMediaWebhookWorker"/> sends them at once.</summary>
public sealed class NewMediaWebhooksStaged : WakeUpSignal;

/// <summary>
/// A released post on its account's adapters: at release, a channel per adapter (the export waiting for the editor's
/// 已发布, the webhook with its <c>post.released</c> delivery queued); at the source's withdrawal, <c>post.withdrawn</c>
/// queued and the export flagged 须在平台删除; the editor's confirmations and a failed webhook queued again. Every change
/// of a channel is audited in its unit of work; the editor's actions check the account's owner body.
/// </summary>
public sealed class PostChannels(GongkaiDbContext db, BodyScope scope, BodyDirectory directory, Platform.Web.SiteContext site, AuditLog audit, TimeProvider clock,
    NewMediaWebhooksStaged staged)
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The public address of a released post's cover card (the webhook's <c>coverImageUrl</c>).</summary>
    public static string PublicCoverPath(int postId, CoverShape shape = CoverShape.Wide) =>
        "/channels/posts/" + postId.ToString(CultureInfo.InvariantCulture) + "/cover.png" + (shape == CoverShape.Square ? "?shape=square" : "");

    /// <summary>The console's address of any post's cover card (a draft's too, to judge it before review).</summary>
    public static string ConsoleCoverPath(int postId, CoverShape shape = CoverShape.Wide) =>
        ChannelsPaths.Post(postId) + "/cover.png" + (shape == CoverShape.Square ? "?shape=square" : "");

    public static string Target(NewMediaPost post) => NewMediaDesk.Target(post);

    public async Task<IReadOnlyList<PostChannelView>> OfAsync(NewMediaPost post, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        var rows = await db.Set<NewMediaPostChannel>().AsNoTracking().Where(c => c.PostId == post.Id).OrderBy(c => c.Adapter).ToListAsync(cancellationToken);
        if (rows.Count == 0 && LegacyExport(post) is { } legacy)
        {
            rows.Add(legacy);
        }

        return rows.Select(r => new PostChannelView(r)).ToList();
    }

    /// <summary>The cover card's content: the post's title, the account's body, the site's name, the original's address.</summary>
    public async Task<CoverContent> CoverAsync(NewMediaPost post, NewMediaAccount account, Uri origin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(account);
        var body = await directory.FindAsync(account.BodyId, cancellationToken);
        return new CoverContent(post.Title, body?.Name ?? account.Organizer, site.Site.Name, new Uri(origin, post.LinkPath).AbsoluteUri);
    }

    /// <summary>In the release's unit of work (the post is saved): a channel per adapter of the account, the webhook's
    /// <c>post.released</c> queued.</summary>
    internal async Task StageReleaseAsync(NewMediaPost post, NewMediaAccount account, string actorName, string? actorId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (!account.ExportDisabled)
        {
            db.Add(new NewMediaPostChannel { PostId = post.Id, Adapter = PostAdapters.Export, Status = PostChannelFlow.OnRelease(PostAdapters.Export), UpdatedAt = now });
            audit.Record("new-media.channel.exported", Target(post), "导出内容已生成，待编辑在平台发布并确认", account.BodyId, actorName, actorId);
        }

        if (account.WebhookUrl is not null)
        {
            var channel = new NewMediaPostChannel { PostId = post.Id, Adapter = PostAdapters.Webhook, Status = PostChannelFlow.OnRelease(PostAdapters.Webhook), UpdatedAt = now };
            db.Add(channel);
            await db.SaveChangesAsync(cancellationToken);
            Queue(channel, post, account, PostEvents.Released, now);
            audit.Record("new-media.channel.queued", Target(post), $"{PostEvents.Released} 已排队投递", account.BodyId, actorName, actorId);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>After the caller's unit of work committed: wake the deliverer.</summary>
    internal void Wake() => staged.Signal();

    /// <summary>In the withdrawal's unit of work: every channel not yet taken down is flagged; webhooks get
    /// <c>post.withdrawn</c> (a release still queued is cancelled). Returns whether a webhook event was queued.</summary>
    internal async Task<bool> StageWithdrawalAsync(NewMediaPost post, CancellationToken cancellationToken)
    {
        var channels = await db.Set<NewMediaPostChannel>().Where(c => c.PostId == post.Id).ToListAsync(cancellationToken);
        if (channels.Count == 0)
        {
            // Released before the adapters existed: its export is the only channel.
            if (LegacyExport(post) is not null)
            {
                channels.Add(new NewMediaPostChannel { PostId = post.Id, Adapter = PostAdapters.Export, Status = PostChannelStatus.Exported, UpdatedAt = clock.GetUtcNow() });
                db.Add(channels[0]);
            }
        }

        var account = await db.Set<NewMediaAccount>().AsNoTracking().SingleAsync(a => a.Id == post.AccountId, cancellationToken);
        var now = clock.GetUtcNow();
        var queued = false;
        foreach (var channel in channels)
        {
            if (PostChannelFlow.OnWithdrawal(channel.Status) is not { } next)
            {
                continue;
            }

            channel.Status = next;
            channel.UpdatedAt = now;
            if (channel.Adapter == PostAdapters.Webhook)
            {
                var waiting = WebSub.WebSubDeliveryStatus.Pending;
                await db.Set<NewMediaWebhookDelivery>().Where(d => d.ChannelId == channel.Id && d.Status == waiting && d.Event == PostEvents.Released)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, NewMediaWebhookDelivery.Cancelled), cancellationToken);
                channel.Attempts = 0;
                channel.LastError = null;
                channel.NextAttemptAt = null;
                Queue(channel, post, account, PostEvents.Withdrawn, now);
                queued = true;
                audit.Record("new-media.channel.queued", Target(post), $"来源文件已撤回，{PostEvents.Withdrawn} 已排队投递", account.BodyId, "系统");
            }
            else
            {
                audit.Record("new-media.channel.removal-needed", Target(post), "来源文件已撤回，须在平台删除", account.BodyId, "系统");
            }
        }

        post.NeedsRemovalOnPlatform = channels.Any(c => c.Adapter == PostAdapters.Export && c.Status == PostChannelStatus.RemovalNeeded);
        return queued;
    }

    /// <summary>The editor records that the export is on the platform (已发布), optionally with the post's address there.</summary>
    public Task<Outcome> ConfirmPublishedAsync(ClaimsPrincipal user, int postId, string? platformPostUrl, CancellationToken cancellationToken = default) =>
        ChangeExportAsync(user, postId, (post, channel) =>
        {
            if (post.Status != PostStatus.Released)
            {
                return Refusal.Conflict("只有已审核发布的推送可以确认已发布。");
            }

            var allowed = PostChannelFlow.ConfirmPublished(channel.Adapter, channel.Status, platformPostUrl);
            if (!allowed.Succeeded)
            {
                return allowed.Refusal;
            }

            channel.Status = PostChannelStatus.Confirmed;
            channel.PlatformPostUrl = string.IsNullOrWhiteSpace(platformPostUrl) ? channel.PlatformPostUrl : platformPostUrl.Trim();
            channel.ConfirmedByName = StaffClaims.DisplayNameOf(user);
            channel.ConfirmedAt = clock.GetUtcNow();
            return Outcome.Done;
        }, channel => ("new-media.channel.confirmed", "已在平台发布" + (channel.PlatformPostUrl is null ? "" : "：" + channel.PlatformPostUrl)), cancellationToken);

    /// <summary>The editor records that the post was taken down on the platform after its source was withdrawn.</summary>
    public Task<Outcome> ConfirmRemovedAsync(ClaimsPrincipal user, int postId, CancellationToken cancellationToken = default) =>
        ChangeExportAsync(user, postId, (post, channel) =>
        {
            var allowed = PostChannelFlow.ConfirmRemoved(channel.Adapter, channel.Status);
            if (!allowed.Succeeded)
            {
                return allowed.Refusal;
            }

            channel.Status = PostChannelStatus.Removed;
            channel.RemovedByName = StaffClaims.DisplayNameOf(user);
            channel.RemovedAt = clock.GetUtcNow();
            post.NeedsRemovalOnPlatform = false;
            return Outcome.Done;
        }, _ => ("new-media.channel.removed", "已在平台删除"), cancellationToken);

    /// <summary>Queue a webhook event again after its delivery was given up.</summary>
    public async Task<Outcome> RetryWebhookAsync(ClaimsPrincipal user, int postId, CancellationToken cancellationToken = default)
    {
        var found = await TrackedPostAsync(user, postId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }

        var (post, account) = found.Value;
        var channel = await db.Set<NewMediaPostChannel>().SingleOrDefaultAsync(c => c.PostId == postId && c.Adapter == PostAdapters.Webhook, cancellationToken);
        if (channel is null)
        {
            return Refusal.Conflict("这条推送没有签名回调渠道。");
        }

        var allowed = PostChannelFlow.Retry(channel.Adapter, channel.Status);
        if (!allowed.Succeeded)
        {
            return allowed.Refusal;
        }

        if (account.WebhookUrl is null)
        {
            return Refusal.Conflict("账号已没有回调地址，请先在账号的发布方式中填写。");
        }

        var last = await db.Set<NewMediaWebhookDelivery>().AsNoTracking().Where(d => d.ChannelId == channel.Id).OrderByDescending(d => d.Id).FirstAsync(cancellationToken);
        var now = clock.GetUtcNow();
        channel.Status = last.Event == PostEvents.Withdrawn ? PostChannelStatus.RemovalNeeded : PostChannelStatus.Pending;
        channel.Attempts = 0;
        channel.NextAttemptAt = null;
        channel.UpdatedAt = now;
        Queue(channel, post, account, last.Event, now);
        audit.Record("new-media.channel.retried", Target(post), $"{last.Event} 重新排队投递", account.BodyId, StaffClaims.DisplayNameOf(user), StaffClaims.UserIdOf(user));
        await db.SaveChangesAsync(cancellationToken);
        staged.Signal();
        return Outcome.Done;
    }

    /// <summary>The webhook's JSON body (documented in docs/integrations/new-media-webhook.md).</summary>
    public static string Payload(string eventName, NewMediaPost post, NewMediaAccount account, DateTimeOffset occurredAt)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(account);
        var origin = new Uri((post.SiteOrigin ?? "http://localhost").TrimEnd('/') + "/");
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("event", eventName);
            json.WriteString("occurredAt", occurredAt);
            json.WriteStartObject("post");
            json.WriteNumber("id", post.Id);
            json.WriteString("title", post.Title);
            json.WriteString("summary", post.Summary);
            json.WriteString("link", new Uri(origin, post.LinkPath).AbsoluteUri);
            json.WriteString("coverImageUrl", new Uri(origin, PublicCoverPath(post.Id)).AbsoluteUri);
            json.WriteString("coverImageSquareUrl", new Uri(origin, PublicCoverPath(post.Id, CoverShape.Square)).AbsoluteUri);
            json.WriteString("sourceIndexNo", post.SourceIndexNo);
            if (post.ReleasedAt is { } released)
            {
                json.WriteString("releasedAt", released);
            }
            else
            {
                json.WriteNull("releasedAt");
            }

            if (eventName == PostEvents.Withdrawn)
            {
                json.WriteString("withdrawnReason", post.WithdrawnReason ?? "来源文件已撤回");
            }

            json.WriteEndObject();
            json.WriteStartObject("account");
            json.WriteNumber("id", account.Id);
            json.WriteString("platform", account.Platform);
            json.WriteString("name", account.Name);
            json.WriteString("platformAccountId", account.PlatformAccountId);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private void Queue(NewMediaPostChannel channel, NewMediaPost post, NewMediaAccount account, string eventName, DateTimeOffset now) =>
        db.Add(new NewMediaWebhookDelivery
        {
            PostId = post.Id,
            ChannelId = channel.Id,
            AccountId = account.Id,
            Event = eventName,
            Payload = Payload(eventName, post, account, now),
            CreatedAt = now,
            DueAt = now,
        });

    /// <summary>A post released before the adapters existed has no channel rows: its export is its channel.</summary>
    private static NewMediaPostChannel? LegacyExport(NewMediaPost post) => post.ReleasedAt is null ? null : new NewMediaPostChannel
    {
        PostId = post.Id,
        Adapter = PostAdapters.Export,
        Status = post.NeedsRemovalOnPlatform ? PostChannelStatus.RemovalNeeded : PostChannelStatus.Exported,
        UpdatedAt = post.ReleasedAt.Value,
    };

    private async Task<Outcome> ChangeExportAsync(ClaimsPrincipal user, int postId, Func<NewMediaPost, NewMediaPostChannel, Outcome> change,
        Func<NewMediaPostChannel, (string Action, string Detail)> audited, CancellationToken cancellationToken)
    {
        var found = await TrackedPostAsync(user, postId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }

        var (post, account) = found.Value;
        var channel = await db.Set<NewMediaPostChannel>().SingleOrDefaultAsync(c => c.PostId == postId && c.Adapter == PostAdapters.Export, cancellationToken);
        if (channel is null)
        {
            if (await db.Set<NewMediaPostChannel>().AnyAsync(c => c.PostId == postId, cancellationToken) || LegacyExport(post) is not { } legacy)
            {
                return Refusal.Conflict("这条推送没有导出渠道。");
            }

            channel = legacy;
            db.Add(channel);
        }

        var outcome = change(post, channel);
        if (!outcome.Succeeded)
        {
            return outcome;
        }

        channel.UpdatedAt = clock.GetUtcNow();
        var (action, detail) = audited(channel);
        audit.Record(action, Target(post), detail, account.BodyId, StaffClaims.DisplayNameOf(user), StaffClaims.UserIdOf(user));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    private async Task<Outcome<(NewMediaPost Post, NewMediaAccount Account)>> TrackedPostAsync(ClaimsPrincipal user, int postId, CancellationToken cancellationToken)
    {
        var post = await db.Set<NewMediaPost>().SingleOrDefaultAsync(p => p.Id == postId, cancellationToken);
        if (post is null)
        {
            return Refusal.NotFound("没有这条推送。");
        }

        var account = await db.Set<NewMediaAccount>().AsNoTracking().SingleAsync(a => a.Id == post.AccountId, cancellationToken);
        return await scope.MayActForAsync(user, account.BodyId, cancellationToken) ? (post, account) : Refusal.Forbidden("这个账号不属于您的单位。");
    }
}
