using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Gongkai.Services.Rules;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Services;

/// <summary>A list with its body, kind and the version in force today (null before the first takes effect).</summary>
public sealed record ListSummary(ServiceList List, Body? Body, ListKind Kind, ServiceListVersion? InForce, int VersionCount);

/// <summary>A version with its items read back.</summary>
public sealed record ListVersionView(ServiceListVersion Version, IReadOnlyList<ListItem> Items);

/// <summary>
/// Lists (清单) with history: staff of a body create a list of a kind, then adopt versions — from the console's
/// table, a CSV or XLSX file, or the API. Each version is checked whole (<see cref="ListAdjustmentRules"/>) and saved
/// with its audit row and change-log row in one unit of work, or refused with every row's problem and nothing saved.
/// Versions are never edited. The public reads the version in force on any date and the difference between two.
/// </summary>
public sealed class ListDesk(GongkaiDbContext db, AuditLog audit, BodyScope scope, BodyDirectory directory, RolePermissions permissions, TimeProvider clock)
{
    /// <summary>The column of a list's 设定依据 (依据 of fee lists), linked to the law library on the public pages.</summary>
    public const string BasisColumn = "basis";

    private static readonly JsonSerializerOptions Storage = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<ServiceList?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Set<ServiceList>().AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, cancellationToken);

    /// <summary>Every list, or a body's, with the version in force today, for the public index and the API.</summary>
    public async Task<IReadOnlyList<ListSummary>> ListAsync(int? bodyId = null, CancellationToken cancellationToken = default)
    {
        var lists = db.Set<ServiceList>().AsNoTracking();
        if (bodyId is { } body)
        {
            lists = lists.Where(l => l.BodyId == body);
        }

        return await SummariesAsync(await lists.OrderBy(l => l.BodyId).ThenBy(l => l.Id).ToListAsync(cancellationToken), cancellationToken);
    }

    /// <summary>The lists of the bodies in the user's scope.</summary>
    public async Task<IReadOnlyList<ListSummary>> ListForStaffAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var inScope = await scope.BodiesInScopeAsync(user, cancellationToken);
        var lists = db.Set<ServiceList>().AsNoTracking();
        if (inScope is not null)
        {
            lists = lists.Where(l => inScope.Contains(l.BodyId));
        }

        return await SummariesAsync(await lists.OrderBy(l => l.BodyId).ThenBy(l => l.Id).ToListAsync(cancellationToken), cancellationToken);
    }

    private async Task<IReadOnlyList<ListSummary>> SummariesAsync(List<ServiceList> lists, CancellationToken cancellationToken)
    {
        var ids = lists.Select(l => l.Id).ToList();
        var versions = (await HeadersQuery().Where(v => ids.Contains(v.ListId)).ToListAsync(cancellationToken)).ToLookup(v => v.ListId);
        var bodies = await directory.LoadAsync(cancellationToken);
        var today = Today;
        return lists.Select(l => new ListSummary(l, bodies.Find(l.BodyId), ListKinds.Find(l.Kind) ?? ListKinds.Power,
            VersionsInForce.On(versions[l.Id], today), versions[l.Id].Count())).ToList();
    }

    public async Task<ListSummary?> SummaryAsync(int id, CancellationToken cancellationToken = default) =>
        await FindAsync(id, cancellationToken) is { } list ? (await SummariesAsync([list], cancellationToken))[0] : null;

    /// <summary>A list's versions without their items, newest first.</summary>
    public async Task<IReadOnlyList<ServiceListVersion>> VersionsAsync(int listId, CancellationToken cancellationToken = default) =>
        await HeadersQuery().Where(v => v.ListId == listId).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);

    /// <summary>Versions without the (large) items column.</summary>
    private IQueryable<ServiceListVersion> HeadersQuery() => db.Set<ServiceListVersion>().AsNoTracking().Select(v => new ServiceListVersion
    {
        Id = v.Id, ListId = v.ListId, Number = v.Number, EffectiveOn = v.EffectiveOn, Reason = v.Reason, ItemsJson = "", ItemCount = v.ItemCount,
        CreatedAt = v.CreatedAt, CreatedBy = v.CreatedBy,
    });

    public async Task<ListVersionView?> VersionAsync(int listId, int number, CancellationToken cancellationToken = default) =>
        await db.Set<ServiceListVersion>().AsNoTracking().SingleOrDefaultAsync(v => v.ListId == listId && v.Number == number, cancellationToken) is { } version
            ? new ListVersionView(version, ReadItems(version.ItemsJson))
            : null;

    /// <summary>The version in force on <paramref name="date"/> with its items, or null before the first took effect.</summary>
    public async Task<ListVersionView?> InForceAsync(int listId, DateOnly date, CancellationToken cancellationToken = default) =>
        VersionsInForce.On(await VersionsAsync(listId, cancellationToken), date) is { } header ? await VersionAsync(listId, header.Number, cancellationToken) : null;

    /// <summary>The difference from version <paramref name="from"/> to <paramref name="to"/>.</summary>
    public async Task<Outcome<(ListVersionView From, ListVersionView To, ListDifference Difference)>> DiffAsync(
        ServiceList list, int from, int to, CancellationToken cancellationToken = default)
    {
        var older = await VersionAsync(list.Id, from, cancellationToken);
        var newer = await VersionAsync(list.Id, to, cancellationToken);
        if (older is null || newer is null)
        {
            return Refusal.NotFound($"清单“{list.Title}”没有第 {(older is null ? from : to)} 版。", "未找到版本");
        }

        var kind = ListKinds.Find(list.Kind) ?? ListKinds.Power;
        return (older, newer, ListDiff.Compute(kind, older.Items, newer.Items));
    }

    public async Task<bool> MayEditAsync(ClaimsPrincipal user, int bodyId, CancellationToken cancellationToken = default) =>
        permissions.Grants(user, ServicesPermissions.Edit) && await scope.MayActForAsync(user, bodyId, cancellationToken);

    public async Task<Outcome<ServiceList>> CreateAsync(ClaimsPrincipal user, string? bodyCode, string? kindCode, string? title, CancellationToken cancellationToken = default)
    {
        if (!permissions.Grants(user, ServicesPermissions.Edit))
        {
            return Refusal.Forbidden("只有信息编辑可以建立清单。");
        }

        var body = await directory.NamedOrOwnAsync(user, bodyCode, cancellationToken);
        if (body is null)
        {
            return Refusal.InvalidField("body", string.IsNullOrWhiteSpace(bodyCode) ? "请选择清单所属单位。" : $"没有代码为“{bodyCode}”的机关。", "单位有误");
        }

        if (!await scope.MayActForAsync(user, body.Id, cancellationToken))
        {
            return Refusal.Forbidden($"您不能为{body.Name}建立清单。");
        }

        var kind = ListKinds.Find(kindCode);
        if (kind is null)
        {
            return Refusal.InvalidField("kind", $"清单类型应为 {string.Join("、", ListKinds.All.Select(k => k.Code + "（" + k.Name + "）"))} 之一。", "清单类型有误");
        }

        var name = Platform.Text.VisibleText.Clean(title ?? "").Trim();
        if (name.Length == 0)
        {
            name = body.Name + kind.Name;
        }
        else if (name.Length > 200)
        {
            return Refusal.InvalidField("title", "清单名称不能超过 200 个字。", "清单名称有误");
        }

        var list = new ServiceList { BodyId = body.Id, Kind = kind.Code, Title = name, CreatedAt = clock.GetUtcNow().ToUniversalTime(), CreatedBy = StaffClaims.DisplayNameOf(user) };
        db.Set<ServiceList>().Add(list);
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            audit.Record("service-list.create", Target(list.Id), $"{kind.Name}：{list.Title}", body.Id);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return list;
    }

    /// <summary>Adopts a new version of the list: every item checked, nothing saved on any problem.</summary>
    public async Task<Outcome<ServiceListVersion>> AdjustAsync(
        ClaimsPrincipal user, int listId, DateOnly? effectiveOn, string? reason, IReadOnlyList<ListItem> items, CancellationToken cancellationToken = default)
    {
        var list = await FindAsync(listId, cancellationToken);
        if (list is null)
        {
            return Refusal.NotFound($"没有编号为 {listId} 的清单。", "未找到清单");
        }

        if (!await MayEditAsync(user, list.BodyId, cancellationToken))
        {
            return Refusal.Forbidden("只有本单位的信息编辑可以调整这份清单。");
        }

        var kind = ListKinds.Find(list.Kind) ?? ListKinds.Power;
        var versions = await VersionsAsync(listId, cancellationToken);
        var latest = versions.Count > 0 ? versions[0] : null;
        var latestItems = latest is null ? null : (await VersionAsync(listId, latest.Number, cancellationToken))!.Items;
        var checkedAdjustment = ListAdjustmentRules.Check(kind, effectiveOn, reason, items, latest?.EffectiveOn, latestItems);
        if (checkedAdjustment.Refusal is { } refusal)
        {
            return refusal;
        }

        var adjustment = checkedAdjustment.Value!;
        var version = new ServiceListVersion
        {
            ListId = list.Id,
            Number = (latest?.Number ?? 0) + 1,
            EffectiveOn = adjustment.EffectiveOn,
            Reason = adjustment.Reason,
            ItemsJson = WriteItems(kind, adjustment.Items),
            ItemCount = adjustment.Items.Count,
            CreatedAt = clock.GetUtcNow().ToUniversalTime(),
            CreatedBy = StaffClaims.DisplayNameOf(user),
        };
        db.Set<ServiceListVersion>().Add(version);
        var difference = latestItems is null ? null : ListDiff.Compute(kind, latestItems, adjustment.Items);
        audit.Record("service-list.adjust", Target(list.Id),
            $"第 {version.Number} 版，{VersionsInForce.FormatDate(version.EffectiveOn)}生效，{version.Reason}"
            + (difference is null ? $"，共 {version.ItemCount} 项" : $"，新增 {difference.Added.Count} 项、取消 {difference.Removed.Count} 项、调整 {difference.Changed.Count} 项"),
            list.BodyId);
        db.RecordChange(ServicesChanges.ListAdjusted, list.Id.ToString(CultureInfo.InvariantCulture), list.BodyId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique (list, number) index: someone else adopted a version at the same moment.
            return Refusal.Conflict("这份清单刚刚被其他人调整过，请刷新后再试。");
        }

        return version;
    }

    /// <summary>Adopts a new version from a table (CSV or XLSX read by the caller): header mapped to the kind's
    /// columns, every row checked; any problem — unknown 职权类型, a duplicate item, a missing 设定依据 — is reported
    /// with its row and nothing is saved.</summary>
    public async Task<Outcome<ServiceListVersion>> ImportAsync(ClaimsPrincipal user, int listId, DateOnly? effectiveOn, string? reason,
        IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, CancellationToken cancellationToken = default)
    {
        var list = await FindAsync(listId, cancellationToken);
        if (list is null)
        {
            return Refusal.NotFound($"没有编号为 {listId} 的清单。", "未找到清单");
        }

        if (!await MayEditAsync(user, list.BodyId, cancellationToken))
        {
            return Refusal.Forbidden("只有本单位的信息编辑可以调整这份清单。");
        }

        var kind = ListKinds.Find(list.Kind) ?? ListKinds.Power;
        var read = ListTable.Read(kind, header, rows);
        if (!read.Valid)
        {
            return Refusal.Invalid($"文件有 {read.Problems.Count} 处问题，未做任何调整。",
                new Dictionary<string, string[]>(StringComparer.Ordinal) { ["items"] = read.Problems.Select(p => p.Describe()).ToArray() }, "清单导入有误");
        }

        return await AdjustAsync(user, listId, effectiveOn, reason, read.Items, cancellationToken);
    }

    public static IReadOnlyList<ListItem> ReadItems(string json) =>
        (JsonSerializer.Deserialize<List<Dictionary<string, string>>>(json, Storage) ?? []).Select(d => new ListItem(d)).ToList();

    public static string WriteItems(ListKind kind, IEnumerable<ListItem> items) =>
        JsonSerializer.Serialize(items.Select(i => i.For(kind)).ToList(), Storage);

    private static string Target(int id) => "service-list:" + id.ToString(CultureInfo.InvariantCulture);
}
