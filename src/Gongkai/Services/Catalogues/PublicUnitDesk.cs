using System.Globalization;
using System.Security.Claims;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Text;
using Gongkai.Services.Rules;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Services.Catalogues;

/// <summary>A public enterprise or institution on its supervising department's dashboard.</summary>
public sealed record PublicUnitRow(Body Unit, Body? Supervisor, BodyGaps Gaps, UnitAssessment? LatestAssessment, int OpenComplaints)
{
    public int SuggestedScore => UnitAssessmentRules.SuggestedScore(Gaps.Count(CatalogueGapState.Late), Gaps.Count(CatalogueGapState.NotUpdated), Gaps.Count(CatalogueGapState.Missing));
}

/// <summary>A public unit's page for its supervisor: the dashboard row, the ratings and the complaints.</summary>
public sealed record PublicUnitDetail(PublicUnitRow Row, IReadOnlyList<UnitAssessment> Assessments, IReadOnlyList<DisclosureComplaint> Complaints, bool MaySupervise);

/// <summary>
/// 公共企事业单位 under their supervising departments (2018 work plan §十七): the department's dashboard of its units
/// (items missing, late, not updated, from each unit's standard catalogue), its yearly 考核, and citizens' complaints
/// about a unit's disclosure, which reach the department. A unit's supervisor is its parent body; staff of the
/// department (or of a body above it) oversee every unit below their body whatever their role's body scope, and a unit's
/// own staff never rate or answer complaints about it.
/// </summary>
public sealed class PublicUnitDesk(GongkaiDbContext db, StandardCatalogueDesk catalogues, BodyDirectory directory, BodyScope scope, RolePermissions permissions,
    AuditLog audit, TimeProvider clock)
{
    public const int MaxName = 50;
    public const int MaxContact = 100;
    public const int MaxText = 2000;

    /// <summary>The public units below the user's body, or the user's own unit (every unit for system admins).</summary>
    public async Task<IReadOnlyList<PublicUnitRow>> DashboardAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var everything = user.IsInRole(StaffRoles.SystemAdmin);
        var own = StaffClaims.BodyIdOf(user);
        var below = own is { } id ? await scope.DescendantsOfAsync(id, cancellationToken) : [];
        var hierarchy = await directory.LoadAsync(cancellationToken);
        var units = hierarchy.All.Where(b => BodyKinds.IsPublicInstitution(b.Kind) && (everything || b.Id == own || below.Contains(b.Id)))
            .OrderBy(b => b.ParentId).ThenBy(b => b.SortOrder).ThenBy(b => b.Id).ToList();
        return await RowsAsync(units, hierarchy, cancellationToken);
    }

    /// <summary>One unit for a user who may see it (the unit's staff or its supervisor's); null otherwise.</summary>
    public async Task<PublicUnitDetail?> DetailAsync(ClaimsPrincipal user, string code, CancellationToken cancellationToken = default)
    {
        var hierarchy = await directory.LoadAsync(cancellationToken);
        var unit = hierarchy.All.FirstOrDefault(b => b.Code == code && BodyKinds.IsPublicInstitution(b.Kind));
        if (unit is null || (!await scope.MayActForAsync(user, unit.Id, cancellationToken) && !await catalogues.SupervisesAsync(user, unit, cancellationToken)))
        {
            return null;
        }

        var row = (await RowsAsync([unit], hierarchy, cancellationToken))[0];
        var assessments = await db.Set<UnitAssessment>().AsNoTracking().Where(a => a.UnitBodyId == unit.Id).OrderByDescending(a => a.Year).ThenByDescending(a => a.Id).ToListAsync(cancellationToken);
        var complaints = await db.Set<DisclosureComplaint>().AsNoTracking().Where(c => c.UnitBodyId == unit.Id).OrderByDescending(c => c.Id).ToListAsync(cancellationToken);
        return new PublicUnitDetail(row, assessments, complaints, await MaySuperviseAsync(user, unit, cancellationToken));
    }

    /// <summary>A supervising department's 考核 of a unit for a year; a score other than the suggested one needs a reason.</summary>
    public async Task<Outcome<UnitAssessment>> RateAsync(ClaimsPrincipal user, string code, int year, int? score, string? comment, CancellationToken cancellationToken = default)
    {
        var unit = await UnitAsync(code, cancellationToken);
        if (unit is null)
        {
            return NoUnit(code);
        }

        if (!await MaySuperviseAsync(user, unit, cancellationToken))
        {
            return Refusal.Forbidden($"只有{unit.Name}的主管部门可以考核该单位。");
        }

        var gaps = await catalogues.GapsAsync(unit, cancellationToken);
        var suggested = UnitAssessmentRules.SuggestedScore(gaps.Count(CatalogueGapState.Late), gaps.Count(CatalogueGapState.NotUpdated), gaps.Count(CatalogueGapState.Missing));
        var text = (comment ?? "").Trim();
        if (UnitAssessmentRules.Refuse(score, text, suggested) is { } problem)
        {
            return Refusal.InvalidField(score is null or < 0 or > 100 ? "score" : "comment", problem, "考核有误");
        }

        var assessment = new UnitAssessment
        {
            UnitBodyId = unit.Id, SupervisorBodyId = unit.ParentId ?? 0, Year = year, Score = score!.Value, SuggestedScore = suggested,
            Grade = UnitAssessmentRules.GradeOf(score.Value), Comment = text, RatedAt = clock.GetUtcNow(), RatedBy = StaffClaims.DisplayNameOf(user),
        };
        db.Add(assessment);
        audit.Record("public-unit.rated", "body:" + unit.Code, $"{year}年度考核：{assessment.Score} 分（{assessment.Grade}；建议 {suggested} 分）", bodyId: unit.ParentId);
        await db.SaveChangesAsync(cancellationToken);
        return assessment;
    }

    /// <summary>A citizen's complaint about a unit's disclosure, filed for its supervising department.</summary>
    public async Task<Outcome<DisclosureComplaint>> FileComplaintAsync(string code, string? name, string? contact, string? text, CancellationToken cancellationToken = default)
    {
        var unit = await UnitAsync(code, cancellationToken);
        if (unit?.ParentId is not { } supervisor)
        {
            return NoUnit(code);
        }

        var errors = new Dictionary<string, string[]>();
        var cleanName = VisibleText.Clean(name ?? "").Trim();
        var cleanContact = (contact ?? "").Trim();
        var cleanText = (text ?? "").Trim();
        if (cleanName.Length is 0 or > MaxName)
        {
            errors["name"] = [$"请填写您的姓名或称呼（不超过{MaxName}个字）。"];
        }

        if (cleanContact.Length is 0 or > MaxContact)
        {
            errors["contact"] = [$"请填写联系电话或电子邮箱，便于主管部门答复（不超过{MaxContact}个字）。"];
        }

        if (cleanText.Length is < 5 or > MaxText)
        {
            errors["text"] = [$"请写明反映的问题（5至{MaxText}个字），如哪项信息没有公开或没有按时更新。"];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid("反映内容有误，请修改后重新提交。", errors, "反映内容有误");
        }

        var complaint = new DisclosureComplaint
        {
            UnitBodyId = unit.Id, SupervisorBodyId = supervisor, Name = cleanName, Contact = cleanContact, Text = cleanText, ReceivedAt = clock.GetUtcNow(),
        };
        db.Add(complaint);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record("public-unit.complaint", "disclosure-complaint:" + complaint.Id.ToString(CultureInfo.InvariantCulture), $"反映{unit.Name}的信息公开问题", bodyId: supervisor, actorName: "公众");
        await db.SaveChangesAsync(cancellationToken);
        return complaint;
    }

    /// <summary>The supervising department answers a complaint (once).</summary>
    public async Task<Outcome<DisclosureComplaint>> ReplyAsync(ClaimsPrincipal user, int complaintId, string? reply, CancellationToken cancellationToken = default)
    {
        var complaint = await db.Set<DisclosureComplaint>().SingleOrDefaultAsync(c => c.Id == complaintId, cancellationToken);
        var unit = complaint is null ? null : await directory.FindAsync(complaint.UnitBodyId, cancellationToken);
        if (complaint is null || unit is null)
        {
            return Refusal.NotFound("没有找到这条反映。", "未找到");
        }

        if (!await MaySuperviseAsync(user, unit, cancellationToken))
        {
            return Refusal.Forbidden($"只有{unit.Name}的主管部门可以答复。");
        }

        if (complaint.Reply is not null)
        {
            return Refusal.Conflict("这条反映已经答复过了。", "已答复");
        }

        var text = (reply ?? "").Trim();
        if (text.Length is 0 or > MaxText)
        {
            return Refusal.InvalidField("reply", $"请填写答复（不超过{MaxText}个字）。", "答复有误");
        }

        complaint.Reply = text;
        complaint.RepliedAt = clock.GetUtcNow();
        complaint.RepliedBy = StaffClaims.DisplayNameOf(user);
        audit.Record("public-unit.complaint-replied", "disclosure-complaint:" + complaint.Id.ToString(CultureInfo.InvariantCulture), unit.Name, bodyId: complaint.SupervisorBodyId);
        await db.SaveChangesAsync(cancellationToken);
        return complaint;
    }

    public async Task<Body?> UnitAsync(string code, CancellationToken cancellationToken = default) =>
        await directory.FindByCodeAsync(code, cancellationToken) is { } body && BodyKinds.IsPublicInstitution(body.Kind) ? body : null;

    /// <summary>Staff of the supervising department (or a body above it) with the permission, not the unit's own staff.</summary>
    private async Task<bool> MaySuperviseAsync(ClaimsPrincipal user, Body unit, CancellationToken cancellationToken) =>
        unit.ParentId is not null && permissions.Grants(user, ServicesPermissions.Catalogues) && await catalogues.SupervisesAsync(user, unit, cancellationToken);

    private async Task<IReadOnlyList<PublicUnitRow>> RowsAsync(IReadOnlyList<Body> units, BodyHierarchy hierarchy, CancellationToken cancellationToken)
    {
        var ids = units.Select(u => u.Id).ToList();
        var gaps = await catalogues.GapsAsync(units, cancellationToken);
        var latest = (await db.Set<UnitAssessment>().AsNoTracking().Where(a => ids.Contains(a.UnitBodyId)).ToListAsync(cancellationToken))
            .GroupBy(a => a.UnitBodyId).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Year).ThenByDescending(a => a.Id).First());
        var open = await db.Set<DisclosureComplaint>().AsNoTracking().Where(c => ids.Contains(c.UnitBodyId) && c.Reply == null)
            .GroupBy(c => c.UnitBodyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return units.Select((u, i) => new PublicUnitRow(u, hierarchy.Find(u.ParentId), gaps[i], latest.GetValueOrDefault(u.Id), open.GetValueOrDefault(u.Id))).ToList();
    }

    private static Refusal NoUnit(string code) => Refusal.NotFound($"没有代码为“{code}”的公共企事业单位。", "未找到单位");
}
