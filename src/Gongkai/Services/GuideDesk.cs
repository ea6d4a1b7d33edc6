using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Calendar;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Gongkai.Services.Rules;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Services;

/// <summary>A guide version with its content read back and its place on the change clock today.</summary>
public sealed record GuideVersionView(ServiceGuideVersion Version, GuideContent Content, GuideClockState State)
{
    public DateOnly? PublishedOn => Version.PublishedAt is { } at ? ChinaTime.DateOf(at) : null;
}

/// <summary>A guide with its body, the published version in force today, the next published one not yet effective,
/// and (for staff) the latest version whatever its state.</summary>
public sealed record GuideSummary(ServiceGuide Guide, Body? Body, GuideVersionView? InForce, GuideVersionView? Upcoming, GuideVersionView? Latest);

/// <summary>One row of the overdue dashboard: a version not public by its publish-by date, or public late.</summary>
public sealed record GuideClockRow(ServiceGuide Guide, Body? Body, GuideVersionView Version);

/// <summary>
/// 办事指南 and their changes: staff save a new version with its approval and effective dates (checked by
/// <see cref="GuideRules"/>; publish-by computed on the site's calendar and stored), then publish it; a published
/// version is never edited — only a new version changes a guide. Every step is checked on the server (permission and
/// body scope) and audited in its unit of work.
/// </summary>
public sealed class GuideDesk(GongkaiDbContext db, CalendarService calendars, AuditLog audit, BodyScope scope, BodyDirectory directory, RolePermissions permissions, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Storage = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<ServiceGuide?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Set<ServiceGuide>().AsNoTracking().SingleOrDefaultAsync(g => g.Id == id, cancellationToken);

    public async Task<bool> MayEditAsync(ClaimsPrincipal user, int bodyId, CancellationToken cancellationToken = default) =>
        permissions.Grants(user, ServicesPermissions.Edit) && await scope.MayActForAsync(user, bodyId, cancellationToken);

    public async Task<bool> MayViewAsync(ClaimsPrincipal user, int bodyId, CancellationToken cancellationToken = default) =>
        permissions.Grants(user, ServicesPermissions.View) && await scope.MayActForAsync(user, bodyId, cancellationToken);

    /// <summary>Every version of a guide, newest first.</summary>
    public async Task<IReadOnlyList<GuideVersionView>> VersionsAsync(int guideId, CancellationToken cancellationToken = default)
    {
        var today = Today;
        return (await db.Set<ServiceGuideVersion>().AsNoTracking().Where(v => v.GuideId == guideId).ToListAsync(cancellationToken))
            .OrderByDescending(v => v.Number).Select(v => View(v, today)).ToList();
    }

    /// <summary>Guides with a version the public may read (published), for the public index and the API.</summary>
    public async Task<IReadOnlyList<GuideSummary>> ListPublicAsync(CancellationToken cancellationToken = default) =>
        (await SummariesAsync(db.Set<ServiceGuide>().AsNoTracking(), cancellationToken)).Where(s => s.InForce is not null || s.Upcoming is not null).ToList();

    public async Task<IReadOnlyList<GuideSummary>> ListForStaffAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var inScope = await scope.BodiesInScopeAsync(user, cancellationToken);
        var guides = db.Set<ServiceGuide>().AsNoTracking();
        if (inScope is not null)
        {
            guides = guides.Where(g => inScope.Contains(g.BodyId));
        }

        return await SummariesAsync(guides, cancellationToken);
    }

    public async Task<GuideSummary?> SummaryAsync(int id, CancellationToken cancellationToken = default) =>
        (await SummariesAsync(db.Set<ServiceGuide>().AsNoTracking().Where(g => g.Id == id), cancellationToken)).SingleOrDefault();

    private async Task<IReadOnlyList<GuideSummary>> SummariesAsync(IQueryable<ServiceGuide> query, CancellationToken cancellationToken)
    {
        var guides = await query.OrderBy(g => g.BodyId).ThenBy(g => g.ItemName).ThenBy(g => g.Id).ToListAsync(cancellationToken);
        var ids = guides.Select(g => g.Id).ToList();
        var versions = (await db.Set<ServiceGuideVersion>().AsNoTracking().Where(v => ids.Contains(v.GuideId)).ToListAsync(cancellationToken)).ToLookup(v => v.GuideId);
        var bodies = await directory.LoadAsync(cancellationToken);
        var today = Today;
        return guides.Select(g =>
        {
            var published = versions[g.Id].Where(v => v.PublishedAt is not null).ToList();
            var inForce = VersionsInForce.On(published, today);
            var upcoming = published.Where(v => v.EffectiveOn > today).OrderBy(v => v.EffectiveOn).ThenBy(v => v.Number).LastOrDefault();
            var latest = versions[g.Id].MaxBy(v => v.Number);
            return new GuideSummary(g, bodies.Find(g.BodyId), inForce is null ? null : View(inForce, today), upcoming is null ? null : View(upcoming, today),
                latest is null ? null : View(latest, today));
        }).ToList();
    }

    /// <summary>The overdue dashboard: every version in the user's scope not yet public (overdue first), and those made
    /// public after their publish-by date in the last 90 days.</summary>
    public async Task<IReadOnlyList<GuideClockRow>> ClockAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var inScope = await scope.BodiesInScopeAsync(user, cancellationToken);
        var guides = db.Set<ServiceGuide>().AsNoTracking();
        if (inScope is not null)
        {
            guides = guides.Where(g => inScope.Contains(g.BodyId));
        }

        var today = Today;
        var since = today.AddDays(-90);
        var rows = await db.Set<ServiceGuideVersion>().AsNoTracking()
            .Where(v => v.PublishedAt == null || v.PublishBy >= since)
            .Join(guides, v => v.GuideId, g => g.Id, (v, g) => new { Version = v, Guide = g })
            .ToListAsync(cancellationToken);
        var bodies = await directory.LoadAsync(cancellationToken);
        return rows.Select(r => new GuideClockRow(r.Guide, bodies.Find(r.Guide.BodyId), View(r.Version, today)))
            .Where(r => r.Version.State is GuideClockState.Due or GuideClockState.Overdue or GuideClockState.PublishedLate)
            .OrderBy(r => r.Version.State == GuideClockState.Overdue ? 0 : r.Version.State == GuideClockState.Due ? 1 : 2)
            .ThenBy(r => r.Version.Version.PublishBy).ThenBy(r => r.Guide.Id).ToList();
    }

    /// <summary>What publish-by a version approved on <paramref name="approvedOn"/> would get, for the form's hint.</summary>
    public async Task<DateOnly> PublishByAsync(DateOnly approvedOn, CancellationToken cancellationToken = default) =>
        GuideRules.PublishBy(approvedOn, await calendars.GetCalendarAsync(cancellationToken));

    /// <summary>A new guide with its first version (unpublished).</summary>
    public async Task<Outcome<GuideVersionView>> CreateAsync(ClaimsPrincipal user, string? bodyCode, GuideVersionInput input, CancellationToken cancellationToken = default)
    {
        if (!permissions.Grants(user, ServicesPermissions.Edit))
        {
            return Refusal.Forbidden("只有信息编辑可以编写办事指南。");
        }

        var body = await directory.NamedOrOwnAsync(user, bodyCode, cancellationToken);
        if (body is null)
        {
            return Refusal.InvalidField("body", string.IsNullOrWhiteSpace(bodyCode) ? "请选择实施机关。" : $"没有代码为“{bodyCode}”的机关。", "单位有误");
        }

        if (!await scope.MayActForAsync(user, body.Id, cancellationToken))
        {
            return Refusal.Forbidden($"您不能为{body.Name}编写办事指南。");
        }

        var checkedVersion = GuideRules.Check(input);
        if (checkedVersion.Refusal is { } refusal)
        {
            return refusal;
        }

        var version = checkedVersion.Value!;
        var now = clock.GetUtcNow().ToUniversalTime();
        var guide = new ServiceGuide { BodyId = body.Id, ItemName = version.Content.ItemName, CreatedAt = now, CreatedBy = StaffClaims.DisplayNameOf(user) };
        db.Set<ServiceGuide>().Add(guide);
        ServiceGuideVersion? saved = null;
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            saved = await AddVersionAsync(user, guide, version, 1, cancellationToken);
            audit.Record("service-guide.create", Target(guide.Id), guide.ItemName, body.Id);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return View(saved!, Today);
    }

    /// <summary>A new version of a guide (the only way a guide changes), saved unpublished with its publish-by date.</summary>
    public async Task<Outcome<GuideVersionView>> ChangeAsync(ClaimsPrincipal user, int guideId, GuideVersionInput input, CancellationToken cancellationToken = default)
    {
        var guide = await db.Set<ServiceGuide>().SingleOrDefaultAsync(g => g.Id == guideId, cancellationToken);
        if (guide is null)
        {
            return Refusal.NotFound($"没有编号为 {guideId} 的办事指南。", "未找到办事指南");
        }

        if (!await MayEditAsync(user, guide.BodyId, cancellationToken))
        {
            return Refusal.Forbidden("只有本单位的信息编辑可以变更这份办事指南。");
        }

        var checkedVersion = GuideRules.Check(input);
        if (checkedVersion.Refusal is { } refusal)
        {
            return refusal;
        }

        var number = await db.Set<ServiceGuideVersion>().Where(v => v.GuideId == guideId).MaxAsync(v => (int?)v.Number, cancellationToken) ?? 0;
        guide.ItemName = checkedVersion.Value!.Content.ItemName;
        try
        {
            var version = await AddVersionAsync(user, guide, checkedVersion.Value!, number + 1, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return View(version, Today);
        }
        catch (DbUpdateException)
        {
            return Refusal.Conflict("这份办事指南刚刚被其他人变更过，请刷新后再试。");
        }
    }

    private async Task<ServiceGuideVersion> AddVersionAsync(ClaimsPrincipal user, ServiceGuide guide, CheckedGuideVersion input, int number, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUniversalTime();
        var version = new ServiceGuideVersion
        {
            GuideId = guide.Id,
            Number = number,
            ContentJson = JsonSerializer.Serialize(input.Content, Storage),
            ApprovedOn = input.ApprovedOn,
            EffectiveOn = input.EffectiveOn,
            PublishBy = await PublishByAsync(input.ApprovedOn, cancellationToken),
            CreatedAt = now,
            CreatedBy = StaffClaims.DisplayNameOf(user),
            UpdatedAt = now,
        };
        db.Set<ServiceGuideVersion>().Add(version);
        audit.Record("service-guide.version", Target(guide.Id),
            $"第 {number} 版：{VersionsInForce.FormatDate(version.ApprovedOn)}批准，{VersionsInForce.FormatDate(version.EffectiveOn)}施行，应于{VersionsInForce.FormatDate(version.PublishBy)}前公开",
            guide.BodyId);
        return version;
    }

    /// <summary>Makes a saved version public. A version is published once; afterwards nothing of it changes.</summary>
    public async Task<Outcome<GuideVersionView>> PublishAsync(ClaimsPrincipal user, int guideId, int number, CancellationToken cancellationToken = default)
    {
        var guide = await FindAsync(guideId, cancellationToken);
        var version = guide is null ? null : await db.Set<ServiceGuideVersion>().SingleOrDefaultAsync(v => v.GuideId == guideId && v.Number == number, cancellationToken);
        if (guide is null || version is null)
        {
            return Refusal.NotFound($"没有编号为 {guideId} 的办事指南第 {number} 版。", "未找到办事指南");
        }

        if (!await MayEditAsync(user, guide.BodyId, cancellationToken))
        {
            return Refusal.Forbidden("只有本单位的信息编辑可以公开这份办事指南。");
        }

        if (version.PublishedAt is not null)
        {
            return Refusal.Conflict($"第 {number} 版已于{ChinaTime.FormatMinutes(version.PublishedAt.Value)}公开，已公开的版本不能修改或重复公开；如需变更，请提交新版本。", "已经公开");
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        version.PublishedAt = now;
        version.PublishedBy = StaffClaims.DisplayNameOf(user);
        version.UpdatedAt = now;
        var view = View(version, Today);
        audit.Record("service-guide.publish", Target(guide.Id), $"第 {number} 版公开（{GuideRules.ChineseName(view.State)}，应于{VersionsInForce.FormatDate(version.PublishBy)}前公开）", guide.BodyId);
        db.RecordChange(ServicesChanges.GuidePublished, guide.Id.ToString(CultureInfo.InvariantCulture), guide.BodyId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("这一版刚刚被其他人公开了，请刷新后再看。");
        }

        return view;
    }

    public static GuideContent ReadContent(string json) => JsonSerializer.Deserialize<GuideContent>(json, Storage)!;

    private static GuideVersionView View(ServiceGuideVersion v, DateOnly today)
    {
        var publishedOn = v.PublishedAt is { } at ? ChinaTime.DateOf(at) : (DateOnly?)null;
        return new GuideVersionView(v, ReadContent(v.ContentJson), GuideRules.StateOf(v.PublishBy, publishedOn, today));
    }

    private static string Target(int id) => "service-guide:" + id.ToString(CultureInfo.InvariantCulture);
}
