using System.Globalization;
using Gongkai.Hotline.Rules;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Hotline;

/// <summary>The tables a system administrator edits: the category tree, the time limits per category and urgency,
/// and the routing table (category × district → body). Every change is audited; rows in use by tickets are hidden
/// (categories) rather than deleted.</summary>
public sealed class HotlineConfiguration(GongkaiDbContext db, AuditLog audit, BodyDirectory directory, HotlineDesk desk)
{
    public async Task<IReadOnlyList<HotlineTimeLimit>> LimitsAsync(CancellationToken cancellationToken = default) =>
        await db.Set<HotlineTimeLimit>().AsNoTracking().OrderBy(l => l.CategoryId).ThenBy(l => l.Urgency).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<HotlineRoute>> RoutesAsync(CancellationToken cancellationToken = default) =>
        await db.Set<HotlineRoute>().AsNoTracking().OrderBy(r => r.CategoryId).ThenBy(r => r.District).ToListAsync(cancellationToken);

    /// <summary>Adds a category (under <paramref name="parentCode"/>, or a new group) or, when <paramref name="code"/>
    /// exists, renames it and sets its default urgency and whether it takes new tickets.</summary>
    public async Task<Outcome<HotlineCategory>> SaveCategoryAsync(string? code, string? name, string? parentCode, string? urgency, bool active, string actor, CancellationToken cancellationToken = default)
    {
        code = code?.Trim() ?? "";
        name = name?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (code.Length is 0 or > 32 || !code.All(char.IsAsciiLetterOrDigit))
        {
            errors["code"] = ["分类代码为 1 到 32 位字母或数字（也是 Open311 的 service_code）。"];
        }

        if (name.Length is 0 or > 64)
        {
            errors["name"] = ["分类名称为 1 到 64 个字。"];
        }

        var parsedUrgency = TicketVocabulary.ParseUrgency(string.IsNullOrWhiteSpace(urgency) ? "general" : urgency);
        if (parsedUrgency is null)
        {
            errors["urgency"] = ["默认紧急程度应为紧急、一般、复杂或咨询。"];
        }

        var all = await db.Set<HotlineCategory>().ToListAsync(cancellationToken);
        HotlineCategory? parent = null;
        if (!string.IsNullOrWhiteSpace(parentCode))
        {
            parent = all.FirstOrDefault(c => c.Code == parentCode.Trim());
            if (parent is null || parent.Code == code)
            {
                errors["parent"] = [$"没有可作为上级的分类“{parentCode}”。"];
            }
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors, "分类有误");
        }

        var category = all.FirstOrDefault(c => c.Code == code);
        var created = category is null;
        if (category is null)
        {
            category = new HotlineCategory { Code = code, Name = name, SortOrder = all.Count == 0 ? 0 : all.Max(c => c.SortOrder) + 1 };
            db.Set<HotlineCategory>().Add(category);
        }

        category.Name = name;
        category.ParentId = parent?.Id ?? (created ? null : category.ParentId);
        category.DefaultUrgency = TicketVocabulary.Code(parsedUrgency!.Value);
        category.Active = active;
        audit.Record(created ? "hotline.category-created" : "hotline.category-updated", "hotline-category/" + code,
            $"{name}{(parent is null ? "" : "，上级 " + parent.Code)}{(active ? "" : "（停止受理）")}", actorName: actor);
        await db.SaveChangesAsync(cancellationToken);
        return category;
    }

    /// <summary>Sets the limit for a category (empty: every category) and urgency; a row equal to nothing is removed with
    /// <see cref="DeleteLimitAsync"/>.</summary>
    public async Task<Outcome<HotlineTimeLimit>> SaveLimitAsync(string? categoryCode, string? urgency, int? signHours, int? signDays, int? replyDays, string actor, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        var parsed = TicketVocabulary.ParseUrgency(urgency);
        if (parsed is null)
        {
            errors["urgency"] = ["请选择紧急程度。"];
        }

        int? categoryId = null;
        if (!string.IsNullOrWhiteSpace(categoryCode))
        {
            categoryId = await db.Set<HotlineCategory>().Where(c => c.Code == categoryCode.Trim()).Select(c => (int?)c.Id).SingleOrDefaultAsync(cancellationToken);
            if (categoryId is null)
            {
                errors["category"] = [$"没有代码为“{categoryCode}”的分类。"];
            }
        }

        if (signHours is not null and (< 1 or > 72))
        {
            errors["signHours"] = ["按小时计的签收时限应为 1 到 72 小时。"];
        }

        if (signHours is null && signDays is not (>= 1 and <= 10))
        {
            errors["signDays"] = ["签收时限应为 1 到 10 个工作日（或填写小时数）。"];
        }

        if (replyDays is not (>= 1 and <= 60))
        {
            errors["replyDays"] = ["办结时限应为 1 到 60 个工作日。"];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors, "时限有误");
        }

        var code = TicketVocabulary.Code(parsed!.Value);
        var row = await db.Set<HotlineTimeLimit>().SingleOrDefaultAsync(l => l.CategoryId == categoryId && l.Urgency == code, cancellationToken);
        if (row is null)
        {
            row = new HotlineTimeLimit { CategoryId = categoryId, Urgency = code };
            db.Set<HotlineTimeLimit>().Add(row);
        }

        row.SignWithinHours = signHours;
        row.SignWithinWorkingDays = signHours is null ? signDays!.Value : 0;
        row.ReplyWithinWorkingDays = replyDays!.Value;
        audit.Record("hotline.time-limit-set", "hotline-time-limit/" + (categoryCode?.Trim() is { Length: > 0 } c ? c : "all") + "/" + code,
            new TimeLimit(row.SignWithinHours, row.SignWithinWorkingDays, row.ReplyWithinWorkingDays).Describe(), actorName: actor);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    public async Task<Outcome<bool>> DeleteLimitAsync(int id, string actor, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<HotlineTimeLimit>().SingleOrDefaultAsync(l => l.Id == id, cancellationToken);
        if (row is null)
        {
            return Refusal.NotFound("没有这条时限设置。");
        }

        db.Set<HotlineTimeLimit>().Remove(row);
        audit.Record("hotline.time-limit-removed", string.Create(CultureInfo.InvariantCulture, $"hotline-time-limit/{row.Id}"), row.Urgency, actorName: actor);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Sends tickets of a category (and its sub-categories) in a district (empty: every district) to a body.</summary>
    public async Task<Outcome<HotlineRoute>> SaveRouteAsync(string? categoryCode, string? district, string? bodyCode, string actor, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string[]>();
        var category = await db.Set<HotlineCategory>().AsNoTracking().SingleOrDefaultAsync(c => c.Code == (categoryCode ?? "").Trim(), cancellationToken);
        if (category is null)
        {
            errors["category"] = ["请选择分类。"];
        }

        district = district?.Trim() ?? "";
        if (district.Length > 0 && !desk.Options.Districts.Contains(district))
        {
            errors["district"] = [$"没有名为“{district}”的区县。"];
        }

        var body = string.IsNullOrWhiteSpace(bodyCode) ? null : await directory.FindByCodeAsync(bodyCode.Trim(), cancellationToken);
        if (body is null)
        {
            errors["body"] = ["请选择承办单位。"];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors, "派单规则有误");
        }

        var row = await db.Set<HotlineRoute>().SingleOrDefaultAsync(r => r.CategoryId == category!.Id && r.District == district, cancellationToken);
        if (row is null)
        {
            row = new HotlineRoute { CategoryId = category!.Id, District = district };
            db.Set<HotlineRoute>().Add(row);
        }

        row.BodyId = body!.Id;
        audit.Record("hotline.route-set", $"hotline-route/{category!.Code}/{(district.Length > 0 ? district : "全市")}", $"派至 {body.Code}", body.Id, actor);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    public async Task<Outcome<bool>> DeleteRouteAsync(int id, string actor, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<HotlineRoute>().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (row is null)
        {
            return Refusal.NotFound("没有这条派单规则。");
        }

        db.Set<HotlineRoute>().Remove(row);
        audit.Record("hotline.route-removed", string.Create(CultureInfo.InvariantCulture, $"hotline-route/{row.Id}"), row.District, row.BodyId, actor);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
