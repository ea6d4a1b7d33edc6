using Gongkai.OpenData.Contracts;
using System.Security.Claims;
using System.Text.Json;
using Gongkai.Calendar;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Gongkai.Publishing.Contracts;
using Gongkai.Services.Rules;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Services.Catalogues;

/// <summary>One instantiated item on the gap view.</summary>
/// <remarks><see cref="PublishedCount"/> counts documents filed in the item's column, <see cref="RecordCount"/> published
/// records of <see cref="RecordType"/> (数据开放) when the item names or is named like one; <see cref="LastPublishedOn"/>
/// is the latest of either, and the gap counts both.</remarks>
public sealed record CatalogueGapRow(string ItemName, int NodeId, string TimeLimit, DateOnly ListedOn, int PublishedCount, DateOnly? LastPublishedOn, CatalogueGap Gap,
    RecordTypeName? RecordType = null, int RecordCount = 0);

/// <summary>One instantiated template on a body's gap view, with the columns the body added itself under it.</summary>
public sealed record InstanceGaps(CatalogueInstance Instance, IReadOnlyList<CatalogueGapRow> Rows, IReadOnlyList<string> LocalAdditions)
{
    public int Count(CatalogueGapState state) => Rows.Count(r => r.Gap.State == state);
}

/// <summary>A body's gap view: every template it instantiated.</summary>
public sealed record BodyGaps(Body Body, IReadOnlyList<InstanceGaps> Instances)
{
    public int Count(CatalogueGapState state) => Instances.Sum(i => i.Count(state));

    public int Total => Instances.Sum(i => i.Rows.Count);
}

/// <summary>The body of <c>PUT /api/v1/catalogue-templates/{code}</c>: a standard catalogue as
/// <c>GET /api/v1/catalogue-templates/{code}</c> returns it (the code comes from the address).</summary>
public sealed record CatalogueTemplateRequest(string? Title, string? Field, string? Sector, string? Description, IReadOnlyList<CatalogueTemplateItemRequest>? Items);

/// <summary>One item of <see cref="CatalogueTemplateRequest"/>.</summary>
public sealed record CatalogueTemplateItemRequest(string? Name, string? Content, string? Basis, string? TimeLimit, string? Subject, string? Channels, string? Audience,
    string? Mode, IReadOnlyList<string?>? Levels, string? RecordType = null);

/// <summary>What one instantiation did.</summary>
public sealed record InstantiationResult(Body Body, StandardCatalogue Catalogue, int Added, int Kept);

/// <summary>
/// Standard catalogues at work: an operator stores a template; a county, a township or a public unit instantiates one
/// into its 主动公开基本目录 in one step (through Publishing's <see cref="CatalogueItems"/>: items already there and the
/// body's own additions are kept); the gap view shows, per item, whether anything is published and whether it is past
/// its time limit. Checked on the server (permission and body scope) and audited.
/// </summary>
public sealed class StandardCatalogueDesk(
    GongkaiDbContext db, StandardCatalogues catalogues, CatalogueItems catalogueItems, PublishedColumns columns, PublishedRecordActivity records, CalendarService calendars,
    BodyDirectory directory, BodyScope scope, RolePermissions permissions, AuditLog audit, TimeProvider clock)
{
    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<bool> MayInstantiateAsync(ClaimsPrincipal user, int bodyId, CancellationToken cancellationToken = default) =>
        permissions.Grants(user, ServicesPermissions.Catalogues) && await scope.MayActForAsync(user, bodyId, cancellationToken);

    public async Task<bool> MayViewAsync(ClaimsPrincipal user, Body body, CancellationToken cancellationToken = default) =>
        permissions.Grants(user, ServicesPermissions.View)
        && (await scope.MayActForAsync(user, body.Id, cancellationToken) || await SupervisesAsync(user, body, cancellationToken));

    /// <summary>The bodies the user may instantiate templates for, in directory order: those in the user's scope and the
    /// public enterprises and institutions the user's body supervises.</summary>
    public async Task<IReadOnlyList<Body>> BodiesForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (!permissions.Grants(user, ServicesPermissions.Catalogues))
        {
            return [];
        }

        var inScope = await scope.BodiesInScopeAsync(user, cancellationToken);
        var below = StaffClaims.BodyIdOf(user) is { } own ? await scope.DescendantsOfAsync(own, cancellationToken) : [];
        return (await directory.LoadAsync(cancellationToken)).All
            .Where(b => inScope is null || inScope.Contains(b.Id) || (BodyKinds.IsPublicInstitution(b.Kind) && below.Contains(b.Id)))
            .OrderBy(b => b.SortOrder).ThenBy(b => b.Id).ToList();
    }

    /// <summary>Whether the user's body supervises <paramref name="unit"/>, a public enterprise or institution: the unit
    /// sits below the user's body (its supervising department or a body above that). A unit's own staff do not
    /// supervise it; system admins supervise every unit. Any role — the permission is the caller's check.</summary>
    public async Task<bool> SupervisesAsync(ClaimsPrincipal user, Body unit, CancellationToken cancellationToken = default)
    {
        if (!BodyKinds.IsPublicInstitution(unit.Kind))
        {
            return false;
        }

        if (user.IsInRole(StaffRoles.SystemAdmin))
        {
            return true;
        }

        return StaffClaims.BodyIdOf(user) is { } own && own != unit.Id && (await scope.DescendantsOfAsync(own, cancellationToken)).Contains(unit.Id);
    }

    /// <summary>Stores (adds or replaces) a template after <see cref="StandardCatalogueRules.Validate"/>.</summary>
    public async Task<Outcome<StandardCatalogue>> SaveTemplateAsync(ClaimsPrincipal user, string code, CatalogueTemplateRequest? input, CancellationToken cancellationToken = default)
    {
        if (!permissions.Grants(user, ServicesPermissions.ManageTemplates))
        {
            return Refusal.Forbidden("只有系统管理员可以维护标准目录。");
        }

        if (input is null)
        {
            return Refusal.Invalid("请提交标准目录的内容。", null, "标准目录有误");
        }

        var catalogue = Normalize(code, input);
        var errors = StandardCatalogueRules.Validate(catalogue);
        if (errors.Count > 0)
        {
            return Refusal.Invalid("标准目录有误，没有保存；请按提示修改。", errors, "标准目录有误");
        }

        var json = JsonSerializer.Serialize(catalogue, StandardCatalogues.Json);
        var stored = await db.Set<StoredStandardCatalogue>().SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
        var now = clock.GetUtcNow();
        if (stored is null)
        {
            db.Add(new StoredStandardCatalogue { Code = code, Json = json, UpdatedAt = now, UpdatedBy = StaffClaims.DisplayNameOf(user) });
        }
        else
        {
            stored.Json = json;
            stored.UpdatedAt = now;
            stored.UpdatedBy = StaffClaims.DisplayNameOf(user);
        }

        audit.Record("standard-catalogue.saved", "standard-catalogue:" + code, $"{catalogue.Title}（{catalogue.Items.Count} 项）");
        await db.SaveChangesAsync(cancellationToken);
        return catalogue;
    }

    /// <summary>Instantiates a template into a body's catalogue in one step; again later, adds only what is missing.</summary>
    public async Task<Outcome<InstantiationResult>> InstantiateAsync(ClaimsPrincipal user, string templateCode, string? bodyCode, CancellationToken cancellationToken = default)
    {
        if (!permissions.Grants(user, ServicesPermissions.Catalogues))
        {
            return Refusal.Forbidden("只有信息编辑或单位管理员可以使用标准目录。");
        }

        var catalogue = await catalogues.FindAsync(templateCode, cancellationToken);
        if (catalogue is null)
        {
            return Refusal.NotFound($"没有代码为“{templateCode}”的标准目录。", "未找到标准目录");
        }

        var body = await directory.NamedOrOwnAsync(user, bodyCode, cancellationToken);
        if (body is null)
        {
            return Refusal.InvalidField("body", string.IsNullOrWhiteSpace(bodyCode) ? "请选择单位。" : $"没有代码为“{bodyCode}”的单位。", "单位有误");
        }

        if (!await scope.MayActForAsync(user, body.Id, cancellationToken) && !await SupervisesAsync(user, body, cancellationToken))
        {
            return Refusal.Forbidden($"您不能为{body.Name}建立目录。");
        }

        if (catalogue.Sector is { } sector && sector != BodyKinds.Slug(body.Kind))
        {
            var kindName = BodyKinds.TryParse(sector, out var kind) ? BodyKinds.ChineseName(kind) : sector;
            return Refusal.InvalidField("body", $"“{catalogue.Title}”适用于{kindName}，{body.Name}不是{kindName}。", "单位类型不符");
        }

        var items = StandardCatalogueRules.ItemsFor(catalogue, body.Kind);
        if (items.Count == 0)
        {
            return Refusal.InvalidField("body", $"“{catalogue.Title}”没有适用于{BodyKinds.ChineseName(body.Kind)}的公开事项。", "没有适用的事项");
        }

        return await InstantiateForAsync(body, catalogue, items, StaffClaims.DisplayNameOf(user), null, ChinaTime.Today(clock), cancellationToken);
    }

    /// <summary>The instantiation itself, for a caller that checked the permission and scope (or the demo seeder):
    /// items are listed on <paramref name="listedOn"/>.</summary>
    internal async Task<InstantiationResult> InstantiateForAsync(Body body, StandardCatalogue catalogue, IReadOnlyList<StandardCatalogueItem> items, string actorName,
        string? systemActor, DateOnly listedOn, CancellationToken cancellationToken) =>
        await db.InTransactionAsync(async () =>
        {
            var placed = await catalogueItems.GraftAsync(body.Id, catalogue.Title, catalogue.Description, items.Select(i => ToNode(i, body)).ToList(), systemActor, cancellationToken);
            var instance = await db.Set<CatalogueInstance>().SingleOrDefaultAsync(i => i.BodyId == body.Id && i.TemplateCode == catalogue.Code, cancellationToken);
            if (instance is null)
            {
                instance = new CatalogueInstance { BodyId = body.Id, TemplateCode = catalogue.Code, Title = catalogue.Title, InstantiatedAt = clock.GetUtcNow(), InstantiatedBy = actorName };
                db.Add(instance);
                await db.SaveChangesAsync(cancellationToken);
            }

            var linked = await db.Set<CatalogueInstanceItem>().Where(i => i.InstanceId == instance.Id).Select(i => i.ItemName).ToListAsync(cancellationToken);
            foreach (var (item, node) in items.Zip(placed))
            {
                if (!linked.Contains(item.Name))
                {
                    db.Add(new CatalogueInstanceItem { InstanceId = instance.Id, BodyId = body.Id, ItemName = item.Name, CatalogueNodeId = node.NodeId, TimeLimit = item.TimeLimit, ListedOn = listedOn });
                }
            }

            var added = placed.Count(p => p.Added);
            audit.Record("standard-catalogue.instantiated", "body:" + body.Code, $"{catalogue.Title}：新增 {added} 项，保留 {placed.Count - added} 项", bodyId: body.Id, actorName: systemActor);
            await db.SaveChangesAsync(cancellationToken);
            return new InstantiationResult(body, catalogue, added, placed.Count - added);
        }, cancellationToken);

    /// <summary>The gap view of one body.</summary>
    public async Task<BodyGaps> GapsAsync(Body body, CancellationToken cancellationToken = default) =>
        (await GapsAsync([body], cancellationToken))[0];

    /// <summary>The gap views of several bodies: one query per table and one over the catalogue's activity.</summary>
    public async Task<IReadOnlyList<BodyGaps>> GapsAsync(IReadOnlyList<Body> bodies, CancellationToken cancellationToken = default)
    {
        var ids = bodies.Select(b => b.Id).ToList();
        var instances = (await db.Set<CatalogueInstance>().AsNoTracking().Where(i => ids.Contains(i.BodyId)).OrderBy(i => i.Id).ToListAsync(cancellationToken)).ToLookup(i => i.BodyId);
        var items = (await db.Set<CatalogueInstanceItem>().AsNoTracking().Where(i => ids.Contains(i.BodyId)).OrderBy(i => i.Id).ToListAsync(cancellationToken)).ToLookup(i => i.InstanceId);
        var activity = ids.Count == 0 ? [] : await columns.ActivityAsync(ids, cancellationToken);
        var byNode = activity.ToDictionary(a => a.Id);
        var calendar = await calendars.GetCalendarAsync(cancellationToken);
        var today = Today;

        // Items filled by structured records: the template's item names its record type, or is named like one.
        var types = await records.TypesAsync(cancellationToken);
        var typePairs = types.Select(t => (t.Key, t.Name)).ToList();
        var typeByKey = types.ToDictionary(t => t.Key, StringComparer.Ordinal);
        var templates = instances.SelectMany(g => g).Select(i => i.TemplateCode).Distinct(StringComparer.Ordinal).ToList();
        var all = templates.Count == 0 ? [] : await catalogues.AllAsync(cancellationToken);
        var templateItems = all.Where(t => templates.Contains(t.Code)).ToDictionary(t => t.Code, t => t.Items.ToDictionary(i => i.Name, StringComparer.Ordinal), StringComparer.Ordinal);
        string? TypeOf(CatalogueInstance instance, CatalogueInstanceItem item) => StandardCatalogueRules.RecordTypeFor(
            templateItems.GetValueOrDefault(instance.TemplateCode)?.GetValueOrDefault(item.ItemName), item.ItemName, typePairs);
        var wanted = instances.SelectMany(g => g).SelectMany(i => items[i.Id].Select(item => TypeOf(i, item))).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var recordActivity = wanted.Count == 0 ? [] : await records.ActivityAsync(ids, wanted, cancellationToken);
        var recordsOf = recordActivity.ToDictionary(a => (a.BodyId, a.TypeKey));

        return bodies.Select(body => new BodyGaps(body, instances[body.Id].Select(instance =>
        {
            var linkedNodes = items[instance.Id].Select(i => i.CatalogueNodeId).ToHashSet();
            var rows = items[instance.Id].Select(item =>
            {
                var seen = byNode.GetValueOrDefault(item.CatalogueNodeId);
                var lastDocument = seen?.LastPublishedAt is { } at ? ChinaTime.DateOf(at) : (DateOnly?)null;
                var documents = seen?.PublishedCount ?? 0;
                var typeKey = TypeOf(instance, item);
                var filledBy = typeKey is null ? null : recordsOf.GetValueOrDefault((body.Id, typeKey));
                var recordCount = filledBy?.PublishedCount ?? 0;
                var lastRecord = filledBy?.LastPublishedAt is { } recordAt ? ChinaTime.DateOf(recordAt) : (DateOnly?)null;
                var (count, last) = StandardCatalogueRules.Filled(documents, lastDocument, recordCount, lastRecord);
                var gap = StandardCatalogueRules.Assess(StandardCatalogueRules.ParseTimeLimit(item.TimeLimit), item.ListedOn, count, last, today, calendar);
                return new CatalogueGapRow(item.ItemName, item.CatalogueNodeId, item.TimeLimit, item.ListedOn, documents, last, gap,
                    typeKey is null ? null : typeByKey[typeKey], recordCount);
            }).ToList();
            var prefix = instance.Title + " › ";
            var local = activity.Where(a => a.BodyId == body.Id && a.Path.StartsWith(prefix, StringComparison.Ordinal) && !linkedNodes.Contains(a.Id)).Select(a => a.Name).ToList();
            return new InstanceGaps(instance, rows, local);
        }).ToList())).ToList();
    }

    private static NewCatalogueItem ToNode(StandardCatalogueItem item, Body body)
    {
        var limit = StandardCatalogueRules.ParseTimeLimit(item.TimeLimit);
        var frequency = limit.PeriodMonths switch
        {
            1 => "每月更新",
            3 => "每季度更新",
            6 => "每半年更新",
            12 => "每年更新",
            _ => "随时更新",
        };
        var content = $"{item.Content}（公开依据：{item.Basis}；公开对象：{item.Audience}；公开方式：{item.Mode}公开；标准目录所列主体：{item.Subject}）";
        return new NewCatalogueItem(item.Name, content, body.Name, item.TimeLimit, item.Channels, frequency);
    }

    private static StandardCatalogue Normalize(string code, CatalogueTemplateRequest c) => new(
        code.Trim(), (c.Title ?? "").Trim(), (c.Field ?? "").Trim(), string.IsNullOrWhiteSpace(c.Sector) ? null : c.Sector.Trim(), (c.Description ?? "").Trim(),
        (c.Items ?? []).Select(i => new StandardCatalogueItem((i.Name ?? "").Trim(), (i.Content ?? "").Trim(), (i.Basis ?? "").Trim(), (i.TimeLimit ?? "").Trim(),
            (i.Subject ?? "").Trim(), (i.Channels ?? "").Trim(), (i.Audience ?? "").Trim(), (i.Mode ?? "").Trim(), (i.Levels ?? []).Select(l => (l ?? "").Trim()).ToList(),
            string.IsNullOrWhiteSpace(i.RecordType) ? null : i.RecordType.Trim())).ToList());
}
