using System.Security.Claims;
using Gongkai.Channels.Rules;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Text;
using Gongkai.Platform.Time;
using Gongkai.Publishing.Contracts;
using Gongkai.Publishing.Rules;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Channels.NewMedia;

/// <summary>The form fields of an account.</summary>
public sealed record AccountInput(int BodyId, string? Platform, string? Name, string? PlatformAccountId, string? Organizer, string? Responsible);

/// <summary>Followers and activity as entered by the owner (or reported by an adapter).</summary>
public sealed record ActivityInput(int? Followers, DateOnly? LastPostOn, int UnansweredInteractions, DateOnly? OldestUnansweredOn);

/// <summary>The adapters were saved; <see cref="NewSecret"/> is a signing secret just generated (shown once), or null.</summary>
public sealed record AdaptersSaved(string? NewSecret);

/// <summary>An account on the dashboard with its standing on the indicators.</summary>
public sealed record AccountRow(NewMediaAccount Account, string BodyName, AccountHealth Health);

/// <summary>
/// 政务新媒体 work: accounts are registered and kept by their owner body (body scope checked on every action), posts are
/// drafted from published documents, reviewed by someone else of that body, and only then released. Every change is
/// audited in its unit of work.
/// </summary>
public sealed class NewMediaDesk(GongkaiDbContext db, BodyScope scope, BodyDirectory directory, PublishedDocuments documents, AuditLog audit, TimeProvider clock,
    PostChannels channels, WebSub.CallbackAddresses callbacks)
{
    public DateOnly Today => ChinaTime.Today(clock);

    public static string Target(NewMediaAccount account) => "new-media-account:" + account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Target(NewMediaPost post) => "new-media-post:" + post.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The accounts of the user's bodies (all for a system admin), problems first.</summary>
    public async Task<IReadOnlyList<AccountRow>> AccountsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var bodies = await scope.BodiesInScopeAsync(user, cancellationToken);
        var query = db.Set<NewMediaAccount>().AsNoTracking();
        if (bodies is not null)
        {
            query = query.Where(a => bodies.Contains(a.BodyId));
        }

        var hierarchy = await directory.LoadAsync(cancellationToken);
        var today = Today;
        return (await query.OrderBy(a => a.BodyId).ThenBy(a => a.Id).ToListAsync(cancellationToken))
            .Select(a => new AccountRow(a, hierarchy.Find(a.BodyId)?.Name ?? "", AccountIndicators.Assess(a.Activity, today)))
            .OrderBy(r => r.Health.Healthy).ThenBy(r => r.Account.Status).ToList();
    }

    /// <summary>Accounts closed or merged, with their notices, for the public list.</summary>
    public async Task<IReadOnlyList<AccountRow>> PublicAccountsAsync(CancellationToken cancellationToken = default)
    {
        var hierarchy = await directory.LoadAsync(cancellationToken);
        var today = Today;
        return (await db.Set<NewMediaAccount>().AsNoTracking().OrderBy(a => a.Status).ThenBy(a => a.BodyId).ThenBy(a => a.Id).ToListAsync(cancellationToken))
            .Select(a => new AccountRow(a, hierarchy.Find(a.BodyId)?.Name ?? "", AccountIndicators.Assess(a.Activity, today))).ToList();
    }

    public async Task<Outcome<NewMediaAccount>> FindAccountAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var account = await db.Set<NewMediaAccount>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return Refusal.NotFound("没有这个账号。");
        }

        return await scope.MayActForAsync(user, account.BodyId, cancellationToken) ? account : Refusal.Forbidden("这个账号不属于您的单位。");
    }

    public async Task<Outcome<NewMediaAccount>> RegisterAsync(ClaimsPrincipal user, AccountInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await scope.MayActForAsync(user, input.BodyId, cancellationToken))
        {
            return Refusal.Forbidden("只能为本单位（及下属单位）登记账号：谁开设、谁管理。");
        }

        var errors = new Dictionary<string, string[]>();
        if (input.Platform is null || !NewMediaPlatforms.All.Contains(input.Platform))
        {
            errors["Platform"] = ["请选择平台。"];
        }

        Require(errors, "Name", input.Name, "账号名称", 100);
        Require(errors, "PlatformAccountId", input.PlatformAccountId, "平台账号 ID", 100);
        Require(errors, "Organizer", input.Organizer, "主办单位", 100);
        Require(errors, "Responsible", input.Responsible, "责任人", 50);
        if (errors.Count > 0)
        {
            return Refusal.Invalid("账号信息不完整。", errors);
        }

        var platform = input.Platform!;
        var platformId = input.PlatformAccountId!.Trim();
        if (await db.Set<NewMediaAccount>().AnyAsync(a => a.Platform == platform && a.PlatformAccountId == platformId, cancellationToken))
        {
            return Refusal.InvalidField("PlatformAccountId", "这个平台账号已经登记过了。");
        }

        var now = clock.GetUtcNow();
        var account = new NewMediaAccount
        {
            BodyId = input.BodyId,
            Platform = platform,
            Name = input.Name!.Trim(),
            PlatformAccountId = platformId,
            Organizer = input.Organizer!.Trim(),
            Responsible = input.Responsible!.Trim(),
            CreatedAt = now,
            UpdatedAt = now,
        };
        await db.InTransactionAsync(async () =>
        {
            db.Add(account);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record("new-media.account.registered", Target(account), $"{account.Platform} {account.Name}", account.BodyId, StaffClaims.DisplayNameOf(user), StaffClaims.UserIdOf(user));
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return account;
    }

    /// <summary>Followers and activity entered on the console's form.</summary>
    public async Task<Outcome> ReportActivityAsync(ClaimsPrincipal user, int id, ActivityInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var found = await TrackedAccountAsync(user, id, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }

        var checkedActivity = AccountActivityRules.Check(input.Followers, input.LastPostOn, input.UnansweredInteractions, input.OldestUnansweredOn, Today);
        if (!checkedActivity.Succeeded)
        {
            return checkedActivity.Refusal;
        }

        await RecordActivityAsync(user, found.Value, checkedActivity.Value, "new-media.account.activity", "", cancellationToken);
        return Outcome.Done;
    }

    /// <summary>Followers and activity reported by the account's platform tool through the API (a staff token of the
    /// account's body): checked by <see cref="AccountActivityRules.CheckReport"/>, stored as the console's figures are,
    /// audited as a report; answers the account's standing on the indicators with what was reported.</summary>
    public async Task<Outcome<(NewMediaAccount Account, AccountHealth Health)>> ReportStatsAsync(ClaimsPrincipal user, int id, AccountStatsReport report,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        var found = await TrackedAccountAsync(user, id, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }

        var account = found.Value;
        if (account.Status != AccountStatus.Active)
        {
            return Refusal.Conflict("这个账号已经关停或整合，不再报送运行数据，也不再检查。");
        }

        var checkedActivity = AccountActivityRules.CheckReport(report, clock.GetUtcNow());
        if (!checkedActivity.Succeeded)
        {
            return checkedActivity.Refusal;
        }

        await RecordActivityAsync(user, account, checkedActivity.Value, "new-media.account.stats-reported", "经接口报送：", cancellationToken);
        return (account, AccountIndicators.Assess(account.Activity, Today));
    }

    private async Task RecordActivityAsync(ClaimsPrincipal user, NewMediaAccount account, CheckedActivity activity, string action, string lead,
        CancellationToken cancellationToken)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        account.Followers = activity.Followers;
        account.LastPostOn = activity.LastPostOn;
        account.UnansweredInteractions = activity.UnansweredInteractions;
        account.OldestUnansweredOn = activity.OldestUnansweredOn;
        account.ActivityReportedAt = account.UpdatedAt = clock.GetUtcNow();
        var oldest = activity.OldestUnansweredOn is { } day ? "（最早 " + day.ToString("yyyy-MM-dd", invariant) + "）" : "";
        audit.Record(action, Target(account),
            $"{lead}关注 {activity.Followers?.ToString(invariant) ?? "未填"}，最近更新 {activity.LastPostOn?.ToString("yyyy-MM-dd", invariant) ?? "未填"}，未回应 {activity.UnansweredInteractions.ToString(invariant)}{oldest}",
            account.BodyId, StaffClaims.DisplayNameOf(user), StaffClaims.UserIdOf(user));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>关停 (no <paramref name="mergedIntoId"/>) or 整合 into another account of the same body, with a public notice.</summary>
    public async Task<Outcome> CloseAsync(ClaimsPrincipal user, int id, int? mergedIntoId, string? notice, CancellationToken cancellationToken = default)
    {
        var found = await TrackedAccountAsync(user, id, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }

        var account = found.Value;
        if (account.Status != AccountStatus.Active)
        {
            return Refusal.Conflict("这个账号已经关停或整合。");
        }

        if (string.IsNullOrWhiteSpace(notice) || notice.Trim().Length > 2000)
        {
            return Refusal.InvalidField("Notice", "请填写向公众发布的关停或整合公告（2000 字以内）。");
        }

        if (mergedIntoId is { } target
            && !await db.Set<NewMediaAccount>().AnyAsync(a => a.Id == target && a.Id != id && a.BodyId == account.BodyId && a.Status == AccountStatus.Active, cancellationToken))
        {
            return Refusal.InvalidField("MergedIntoId", "只能整合到本单位另一个运行中的账号。");
        }

        account.Status = mergedIntoId is null ? AccountStatus.Closed : AccountStatus.Merged;
        account.MergedIntoId = mergedIntoId;
        account.ClosureNotice = notice.Trim();
        account.ClosedOn = Today;
        account.UpdatedAt = clock.GetUtcNow();
        audit.Record(mergedIntoId is null ? "new-media.account.closed" : "new-media.account.merged", Target(account), account.ClosureNotice, account.BodyId,
            StaffClaims.DisplayNameOf(user), StaffClaims.UserIdOf(user));
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    public async Task<IReadOnlyList<NewMediaPost>> PostsAsync(int accountId, CancellationToken cancellationToken = default) =>
        await db.Set<NewMediaPost>().AsNoTracking().Where(p => p.AccountId == accountId).OrderByDescending(p => p.Id).ToListAsync(cancellationToken);

    /// <summary>A draft post from a published document: its title, a summary cut to the platform's limit, and its link.</summary>
    public async Task<Outcome<NewMediaPost>> DraftAsync(ClaimsPrincipal user, int accountId, string? indexNo, CancellationToken cancellationToken = default)
    {
        var found = await FindAccountAsync(user, accountId, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }

        var account = found.Value;
        if (account.Status != AccountStatus.Active)
        {
            return Refusal.Conflict("已关停或整合的账号不能再推送。");
        }

        if (string.IsNullOrWhiteSpace(indexNo) || await documents.FindAsync(indexNo.Trim(), cancellationToken) is not { IsWithdrawn: false } source)
        {
            return Refusal.InvalidField("IndexNo", "请填写一件已公开文件的索引号。");
        }

        var document = source.Document;
        var title = document.Title.Length <= PostFlow.MaxTitleLength ? document.Title : document.Title[..(PostFlow.MaxTitleLength - 1)] + "…";
        var post = new NewMediaPost
        {
            AccountId = account.Id,
            SourceDocumentId = document.Id,
            SourceIndexNo = document.IndexNo!,
            Title = title,
            Summary = PostFlow.DraftSummary(account.Platform, HtmlText.Read(document.BodyHtml)),
            LinkPath = DocumentSummary.DocumentUrl(document.IndexNo!),
            AuthorId = StaffClaims.UserIdOf(user),
            AuthorName = StaffClaims.DisplayNameOf(user),
            CreatedAt = clock.GetUtcNow(),
        };
        await db.InTransactionAsync(async () =>
        {
            db.Add(post);
            await db.SaveChangesAsync(cancellationToken);
            audit.Record("new-media.post.drafted", Target(post), $"{account.Name}：{post.Title}", account.BodyId, post.AuthorName, post.AuthorId);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return post;
    }

    public async Task<Outcome<(NewMediaPost Post, NewMediaAccount Account)>> FindPostAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var post = await db.Set<NewMediaPost>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (post is null)
        {
            return Refusal.NotFound("没有这条推送。");
        }

        var account = await FindAccountAsync(user, post.AccountId, cancellationToken);
        return account.Succeeded ? (post, account.Value) : account.Refusal;
    }

    /// <summary>A post released and not withdrawn, with its account: what anyone may see of it (its cover card).</summary>
    public async Task<(NewMediaPost Post, NewMediaAccount Account)?> ReleasedPostAsync(int id, CancellationToken cancellationToken = default)
    {
        var post = await db.Set<NewMediaPost>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == id && p.Status == PostStatus.Released, cancellationToken);
        if (post is null)
        {
            return null;
        }

        return (post, await db.Set<NewMediaAccount>().AsNoTracking().SingleAsync(a => a.Id == post.AccountId, cancellationToken));
    }

    public Task<Outcome> EditAsync(ClaimsPrincipal user, int id, string? title, string? summary, CancellationToken cancellationToken = default) =>
        ChangePostAsync(user, id, (post, account) =>
        {
            var allowed = PostFlow.Edit(post.Status);
            if (!allowed.Succeeded)
            {
                return allowed.Refusal;
            }

            var content = PostFlow.CheckContent(account.Platform, title, summary);
            if (!content.Succeeded)
            {
                return content.Refusal;
            }

            post.Title = content.Value.Title;
            post.Summary = content.Value.Summary;
            audit.Record("new-media.post.edited", Target(post), post.Title, account.BodyId, StaffClaims.DisplayNameOf(user), StaffClaims.UserIdOf(user));
            return Outcome.Done;
        }, cancellationToken);

    public Task<Outcome> SubmitAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default) =>
        ChangePostAsync(user, id, (post, account) =>
        {
            var allowed = PostFlow.Submit(post.Status);
            if (!allowed.Succeeded)
            {
                return allowed.Refusal;
            }

            post.Status = PostStatus.Submitted;
            post.SubmittedAt = clock.GetUtcNow();
            audit.Record("new-media.post.submitted", Target(post), post.Title, account.BodyId, StaffClaims.DisplayNameOf(user), StaffClaims.UserIdOf(user));
            return Outcome.Done;
        }, cancellationToken);

    /// <summary>Release (<paramref name="release"/>) or return the post; the caller checked the review permission. A
    /// release puts the post on its account's adapters in the same unit of work (<see cref="PostChannels"/>);
    /// <paramref name="site"/> is the site's origin its links are made absolute with.</summary>
    public async Task<Outcome> ReviewAsync(ClaimsPrincipal user, int id, bool release, string? comment, Uri site, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(site);
        var sourceStillPublished = await db.Set<NewMediaPost>().Where(p => p.Id == id).Select(p => p.SourceIndexNo).SingleOrDefaultAsync(cancellationToken) is { } indexNo
            && await documents.FindAsync(indexNo, cancellationToken) is { IsWithdrawn: false };
        NewMediaPost? released = null;
        NewMediaAccount? owner = null;
        var outcome = await db.InTransactionAsync(async () =>
        {
            var changed = await ChangePostAsync(user, id, (post, account) =>
            {
                var allowed = PostFlow.Review(post.Status, post.AuthorId, StaffClaims.UserIdOf(user), release, sourceStillPublished, comment);
                if (!allowed.Succeeded)
                {
                    return allowed.Refusal;
                }

                var now = clock.GetUtcNow();
                post.Status = release ? PostStatus.Released : PostStatus.Rejected;
                post.ReviewerId = StaffClaims.UserIdOf(user);
                post.ReviewerName = StaffClaims.DisplayNameOf(user);
                post.ReviewedAt = now;
                post.ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
                post.ReleasedAt = release ? now : null;
                post.SiteOrigin = release ? site.GetLeftPart(UriPartial.Authority) : post.SiteOrigin;
                audit.Record(release ? "new-media.post.released" : "new-media.post.returned", Target(post), post.ReviewComment ?? post.Title, account.BodyId,
                    post.ReviewerName, post.ReviewerId);
                (released, owner) = release ? (post, account) : (null, null);
                return Outcome.Done;
            }, cancellationToken);
            if (changed.Succeeded && released is not null && owner is not null)
            {
                await channels.StageReleaseAsync(released, owner, StaffClaims.DisplayNameOf(user), StaffClaims.UserIdOf(user), cancellationToken);
            }

            return changed;
        }, cancellationToken);
        if (outcome.Succeeded && released is not null)
        {
            channels.Wake();
        }

        return outcome;
    }

    /// <summary>The account's adapters: the export on or off, and a webhook address (checked like a WebSub callback: a
    /// public http(s) address unless allow-listed, never this site). A new address, or <paramref name="newSecret"/>,
    /// generates the signing secret, returned to be shown once.</summary>
    public async Task<Outcome<AdaptersSaved>> SetAdaptersAsync(ClaimsPrincipal user, int id, bool exportEnabled, string? webhookUrl, bool newSecret, Uri site,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(site);
        var found = await TrackedAccountAsync(user, id, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }

        var checkedAdapters = WebhookRules.CheckAdapters(exportEnabled, webhookUrl);
        if (!checkedAdapters.Succeeded)
        {
            return checkedAdapters.Refusal;
        }

        var url = checkedAdapters.Value.WebhookUrl;
        if (url is not null)
        {
            if (WebSub.CallbackAddresses.SameSite(url, site))
            {
                return Refusal.InvalidField("WebhookUrl", "回调地址不能指向本站。");
            }

            if (await callbacks.RefusalAsync(url, cancellationToken) is { } reason)
            {
                return Refusal.InvalidField("WebhookUrl", reason);
            }
        }

        var account = found.Value;
        var address = url?.AbsoluteUri;
        string? secret = null;
        if (address is not null && (newSecret || account.WebhookSecret is null || address != account.WebhookUrl))
        {
            secret = WebhookRules.NewSecret();
            account.WebhookSecret = secret;
            account.WebhookSecretSetAt = clock.GetUtcNow();
        }
        else if (address is null)
        {
            account.WebhookSecret = null;
            account.WebhookSecretSetAt = null;
        }

        account.ExportDisabled = !checkedAdapters.Value.ExportEnabled;
        account.WebhookUrl = address;
        account.UpdatedAt = clock.GetUtcNow();
        audit.Record("new-media.account.adapters", Target(account),
            $"导出：{(exportEnabled ? "开" : "关")}；签名回调：{address ?? "无"}{(secret is null ? "" : "（已生成新密钥）")}", account.BodyId,
            StaffClaims.DisplayNameOf(user), StaffClaims.UserIdOf(user));
        await db.SaveChangesAsync(cancellationToken);
        return new AdaptersSaved(secret);
    }

    private async Task<Outcome> ChangePostAsync(ClaimsPrincipal user, int id, Func<NewMediaPost, NewMediaAccount, Outcome> change, CancellationToken cancellationToken)
    {
        var post = await db.Set<NewMediaPost>().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (post is null)
        {
            return Refusal.NotFound("没有这条推送。");
        }

        var account = await FindAccountAsync(user, post.AccountId, cancellationToken);
        if (!account.Succeeded)
        {
            return account.Refusal;
        }

        var outcome = change(post, account.Value);
        if (outcome.Succeeded)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return outcome;
    }

    private async Task<Outcome<NewMediaAccount>> TrackedAccountAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken)
    {
        var account = await db.Set<NewMediaAccount>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (account is null)
        {
            return Refusal.NotFound("没有这个账号。");
        }

        return await scope.MayActForAsync(user, account.BodyId, cancellationToken) ? account : Refusal.Forbidden("这个账号不属于您的单位。");
    }

    private static void Require(Dictionary<string, string[]> errors, string field, string? value, string label, int max)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > max)
        {
            errors[field] = [$"请填写{label}（{max} 字以内）。"];
        }
    }
}

/// <summary>When a document is withdrawn, its posts go with it: drafts and posts under review are withdrawn; released
/// ones are taken down where an adapter can (the webhook is sent <c>post.withdrawn</c>) and flagged where it cannot
/// (the export is 须在平台删除 until an editor confirms the removal).</summary>
public sealed class NewMediaWithdrawals(GongkaiDbContext db, AuditLog audit, PostChannels channels) : IChangeLogFollower
{
    public string Name => "new-media.withdrawals";

    public ChangeLogFollowerScope Scope => ChangeLogFollowerScope.Cluster;

    public bool Follows(ChangeKind kind) => kind == Publishing.PublishingChanges.DocumentWithdrawn;

    public async Task ApplyAsync(IReadOnlyList<ChangeLogEntry> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        // Publishing names documents by 索引号 in the change log.
        var ids = batch.Where(e => Follows(ChangeKind.Of(e))).Select(e => e.EntityId).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var posts = await db.Set<NewMediaPost>().Where(p => ids.Contains(p.SourceIndexNo) && p.Status != PostStatus.Withdrawn).ToListAsync(cancellationToken);
        var queued = false;
        await db.InTransactionAsync(async () =>
        {
            foreach (var post in posts)
            {
                var wasReleased = post.Status == PostStatus.Released;
                post.Status = PostStatus.Withdrawn;
                post.WithdrawnReason = "来源文件已撤回";
                if (wasReleased)
                {
                    queued |= await channels.StageWithdrawalAsync(post, cancellationToken);
                }

                audit.Record("new-media.post.withdrawn", NewMediaDesk.Target(post), post.NeedsRemovalOnPlatform ? "来源文件已撤回，须在平台上删除" : "来源文件已撤回", actorName: "系统");
            }

            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        if (queued)
        {
            channels.Wake();
        }
    }
}
