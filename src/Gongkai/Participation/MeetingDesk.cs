using System.Globalization;
using System.Security.Claims;
using Gongkai.Organizations;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Participation;

/// <summary>A meeting notice as staff prepare it.</summary>
public sealed record MeetingDraft(string? Body, string? Topic, string? Description, DateTimeOffset? HeldAt, string? Place, int? Seats, string? Eligibility, DateOnly? ApplyBy);

/// <summary>A meeting with its body.</summary>
public sealed record MeetingView(Meeting Meeting, Body? Body)
{
    public MeetingStage Stage => MeetingRules.ParseStage(Meeting.Stage);
}

/// <summary>A meeting in a list, with the number of applications.</summary>
public sealed record MeetingSummary(Meeting Meeting, Body? Body, int Applications)
{
    public MeetingStage Stage => MeetingRules.ParseStage(Meeting.Stage);
}

/// <summary>One representative's attendance and opinion as staff record them after the meeting.</summary>
public sealed record AttendanceInput(long ApplicationId, bool Attended, string? Opinion);

/// <summary>
/// The public-seat desk (公众列席): staff prepare a meeting notice, a 终审 user announces it, citizens apply (their ID
/// number is personal data: masked in every staff list, shown in full only where identity is checked), staff accept or
/// refuse each application with a reason, fill the seats after the deadline — by the reproducible draw when accepted
/// applicants exceed the seats — and after the meeting record attendance and the representatives' opinions, which the
/// public page then shows. Every change is checked on the server and audited.
/// </summary>
public sealed class MeetingDesk(GongkaiDbContext db, AuditLog audit, BodyScope scope, BodyDirectory directory, RolePermissions permissions, TimeProvider clock)
{
    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<Meeting?> FindAsync(int id, bool track = false, CancellationToken cancellationToken = default) =>
        await (track ? db.Set<Meeting>() : db.Set<Meeting>().AsNoTracking()).SingleOrDefaultAsync(m => m.Id == id, cancellationToken);

    public async Task<bool> MayActAsync(ClaimsPrincipal user, int bodyId, string permission, CancellationToken cancellationToken = default) =>
        permissions.Grants(user, permission) && await scope.MayActForAsync(user, bodyId, cancellationToken);

    public async Task<Outcome<MeetingView>> ViewAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var meeting = await FindAsync(id, cancellationToken: cancellationToken);
        if (meeting is null || (meeting.Stage == "draft" && !await MayActAsync(user, meeting.BodyId, ParticipationPermissions.View, cancellationToken)))
        {
            return NotFound(id);
        }

        return new MeetingView(meeting, await directory.FindAsync(meeting.BodyId, cancellationToken));
    }

    public async Task<Outcome<Meeting>> CreateAsync(ClaimsPrincipal user, MeetingDraft draft, CancellationToken cancellationToken = default)
    {
        if (!permissions.Grants(user, ParticipationPermissions.Prepare))
        {
            return Refusal.Forbidden("只有信息编辑可以起草会议公告。");
        }

        var body = await directory.NamedOrOwnAsync(user, draft.Body, cancellationToken);
        if (body is null)
        {
            return Refusal.InvalidField("body", string.IsNullOrWhiteSpace(draft.Body) ? "请选择召开会议的单位。" : $"没有代码为“{draft.Body}”的机关。", "单位有误");
        }

        if (!await scope.MayActForAsync(user, body.Id, cancellationToken))
        {
            return Refusal.Forbidden($"您不能为{body.Name}起草会议公告。");
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        var meeting = new Meeting { BodyId = body.Id, Topic = "", Place = "", CreatedAt = now, CreatedBy = StaffClaims.DisplayNameOf(user), UpdatedAt = now };
        if (Apply(meeting, draft).Refusal is { } invalid)
        {
            return invalid;
        }

        db.Set<Meeting>().Add(meeting);
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            audit.Record("meeting.create", Target(meeting), meeting.Topic, body.Id);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return meeting;
    }

    public async Task<Outcome<Meeting>> UpdateAsync(ClaimsPrincipal user, int id, MeetingDraft draft, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.Prepare, "只有本单位的信息编辑可以修改会议公告。", cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var meeting = found.Value!;
        if (MeetingRules.MayEdit(MeetingRules.ParseStage(meeting.Stage)).Refusal is { } closed)
        {
            return closed;
        }

        if (Apply(meeting, draft).Refusal is { } invalid)
        {
            return invalid;
        }

        audit.Record("meeting.update", Target(meeting), meeting.Topic, meeting.BodyId);
        return await SaveAsync(meeting, cancellationToken);
    }

    private static Outcome Apply(Meeting meeting, MeetingDraft draft)
    {
        var errors = new Dictionary<string, string[]>();
        var topic = Gongkai.Platform.Text.VisibleText.Clean(draft.Topic ?? "").Trim();
        if (topic.Length is 0 or > 200)
        {
            errors["topic"] = ["请填写会议议题（不超过 200 字）。"];
        }

        var place = draft.Place?.Trim() ?? "";
        if (place.Length is 0 or > 200)
        {
            errors["place"] = ["请填写会议地点（不超过 200 字）。"];
        }

        var description = draft.Description?.Trim() ?? "";
        if (description.Length > 4000)
        {
            errors["description"] = ["会议说明不能超过 4000 字。"];
        }

        var eligibility = draft.Eligibility?.Trim() ?? "";
        if (eligibility.Length is 0 or > 1000)
        {
            errors["eligibility"] = ["请说明哪些人可以报名（不超过 1000 字）。"];
        }

        if (draft.Seats is not (>= 1 and <= MeetingRules.MaxSeats))
        {
            errors["seats"] = [$"列席席位数应为 1 至 {MeetingRules.MaxSeats}。"];
        }

        if (draft.HeldAt is null)
        {
            errors["heldAt"] = ["请填写会议时间。"];
        }

        if (draft.ApplyBy is null)
        {
            errors["applyBy"] = ["请填写报名截止日期。"];
        }
        else if (draft.HeldAt is { } held && draft.ApplyBy >= ChinaTime.DateOf(held))
        {
            errors["applyBy"] = ["报名截止日期应早于会议日期，以便核验身份和确定列席人员。"];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors, "会议公告内容有误");
        }

        meeting.Topic = topic;
        meeting.Place = place;
        meeting.Description = description;
        meeting.Eligibility = eligibility;
        meeting.Seats = draft.Seats!.Value;
        meeting.HeldAt = draft.HeldAt!.Value.ToUniversalTime();
        meeting.ApplyBy = draft.ApplyBy!.Value;
        return Outcome.Done;
    }

    /// <summary>Announces the notice (终审): applications open until the deadline.</summary>
    public async Task<Outcome<MeetingView>> AnnounceAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.Approve, "会议公告由本单位终审人员发布。", cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var meeting = found.Value!;
        if (MeetingRules.MayAnnounce(MeetingRules.ParseStage(meeting.Stage)).Refusal is { } notNow)
        {
            return notNow;
        }

        meeting.Stage = MeetingRules.Code(MeetingStage.Announced);
        meeting.AnnouncedAt = clock.GetUtcNow().ToUniversalTime();
        meeting.AnnouncedBy = StaffClaims.DisplayNameOf(user);
        audit.Record("meeting.announce", Target(meeting), $"{meeting.Topic}，{meeting.Seats} 个席位，{ConsultationRules.Format(meeting.ApplyBy)}截止报名", meeting.BodyId);
        db.RecordChange(ParticipationChanges.MeetingAnnounced, Id(meeting), meeting.BodyId);
        return await SavedViewAsync(meeting, cancellationToken);
    }

    /// <summary>Takes a citizen's application while the notice is out and before the deadline.</summary>
    public async Task<Outcome<SeatApplication>> ApplyAsync(ClaimsPrincipal user, int id, string? name, string? idNumber, string? contact, string? reason, CancellationToken cancellationToken = default)
    {
        var view = await ViewAsync(user, id, cancellationToken);
        if (view.Refusal is { } missing)
        {
            return missing;
        }

        var meeting = view.Value!.Meeting;
        var today = Today;
        if (MeetingRules.MayApply(MeetingRules.ParseStage(meeting.Stage), meeting.ApplyBy, today).Refusal is { } closed)
        {
            return closed;
        }

        var checkedApplication = MeetingRules.CheckApplication(name, idNumber, contact, reason, today);
        if (checkedApplication.Refusal is { } invalid)
        {
            return invalid;
        }

        var a = checkedApplication.Value!;
        if (await db.Set<SeatApplication>().AnyAsync(x => x.MeetingId == id && x.IdNumber == a.IdNumber, cancellationToken))
        {
            return Refusal.Conflict("这个身份证号码已经报名过这次会议，无需重复报名。", "已经报名");
        }

        var application = new SeatApplication
        {
            MeetingId = id, Name = a.Name, IdNumber = a.IdNumber, Contact = a.Contact, Reason = a.Reason, CreatedAt = clock.GetUtcNow().ToUniversalTime(),
        };
        db.Set<SeatApplication>().Add(application);
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            // The audit row names the meeting and the application number, never the applicant's identity.
            audit.Record("meeting.apply", Target(meeting), $"报名 {application.Id}", meeting.BodyId, actorName: "公众");
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return application;
    }

    /// <summary>Every application for staff of the meeting's body (the caller masks ID numbers in lists).</summary>
    public async Task<Outcome<IReadOnlyList<SeatApplication>>> StaffApplicationsAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.View, "这次会议不属于您的单位。", cancellationToken);
        return found.Refusal is { } refusal ? refusal : Outcome.Success(await ApplicationsAsync(id, cancellationToken));
    }

    public async Task<IReadOnlyList<SeatApplication>> ApplicationsAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Set<SeatApplication>().AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.Id).ToListAsync(cancellationToken);

    /// <summary>One application in full (the ID number unmasked) for the identity check, by staff who may check it; the viewing is audited.</summary>
    public async Task<Outcome<(MeetingView Meeting, SeatApplication Application)>> ApplicationForCheckAsync(ClaimsPrincipal user, int id, long applicationId, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.Prepare, "只有本单位的信息编辑可以核验报名人身份。", cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var application = await db.Set<SeatApplication>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId && a.MeetingId == id, cancellationToken);
        if (application is null)
        {
            return Refusal.NotFound($"这次会议没有编号为 {applicationId} 的报名。", "未找到报名");
        }

        var meeting = found.Value!;
        audit.Record("meeting.application.view-identity", Target(meeting), $"报名 {application.Id}", meeting.BodyId);
        await db.SaveChangesAsync(cancellationToken);
        return (new MeetingView(meeting, await directory.FindAsync(meeting.BodyId, cancellationToken)), application);
    }

    /// <summary>Accepts or refuses an application after checking identity; a refusal needs a reason.</summary>
    public async Task<Outcome<SeatApplication>> CheckAsync(ClaimsPrincipal user, int id, long applicationId, string? decision, string? reason, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.Prepare, "只有本单位的信息编辑可以核验报名人身份。", cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var meeting = found.Value!;
        if (MeetingRules.MayCheck(MeetingRules.ParseStage(meeting.Stage)).Refusal is { } notNow)
        {
            return notNow;
        }

        var check = MeetingRules.ParseCheck(decision?.Trim());
        if (check is not (IdentityCheck.Accepted or IdentityCheck.Refused))
        {
            return Refusal.InvalidField("decision", "核验结果应为 accepted（通过）或 refused（不通过）。", "核验结果有误");
        }

        var why = reason?.Trim() ?? "";
        if (check == IdentityCheck.Refused && why.Length == 0)
        {
            return Refusal.InvalidField("reason", "不通过的，请说明理由（将告知报名人）。", "缺少理由");
        }

        if (why.Length > 1000)
        {
            return Refusal.InvalidField("reason", "理由不能超过 1000 字。", "理由过长");
        }

        var application = await db.Set<SeatApplication>().SingleOrDefaultAsync(a => a.Id == applicationId && a.MeetingId == id, cancellationToken);
        if (application is null)
        {
            return Refusal.NotFound($"这次会议没有编号为 {applicationId} 的报名。", "未找到报名");
        }

        application.IdentityCheck = MeetingRules.Code(check.Value);
        application.CheckReason = why.Length == 0 ? null : why;
        application.CheckedBy = StaffClaims.DisplayNameOf(user);
        application.CheckedAt = clock.GetUtcNow().ToUniversalTime();
        audit.Record("meeting.application.check", Target(meeting), $"报名 {application.Id}：{MeetingRules.ChineseName(check.Value)}{(why.Length == 0 ? "" : "，" + why)}", meeting.BodyId);
        var saved = await SaveAsync(meeting, cancellationToken);
        return saved.Refusal is { } conflict ? conflict : application;
    }

    /// <summary>Fills the seats after the deadline once every application is checked: when accepted applicants exceed
    /// the seats, by the draw with the given seed (or a random one), recorded and published; otherwise all are seated.</summary>
    public async Task<Outcome<MeetingView>> FillSeatsAsync(ClaimsPrincipal user, int id, string? seed, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.Approve, "列席人员由本单位终审人员确定。", cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var meeting = found.Value!;
        var applications = await db.Set<SeatApplication>().Where(a => a.MeetingId == id).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var pending = applications.Count(a => a.IdentityCheck == "pending");
        if (MeetingRules.MayFillSeats(MeetingRules.ParseStage(meeting.Stage), meeting.ApplyBy, Today, pending).Refusal is { } notNow)
        {
            return notNow;
        }

        var accepted = applications.Where(a => a.IdentityCheck == "accepted").ToList();
        string summary;
        if (accepted.Count > meeting.Seats)
        {
            var checkedSeed = MeetingRules.CheckSeed(seed);
            if (checkedSeed.Refusal is { } badSeed)
            {
                return badSeed;
            }

            var result = MeetingRules.Draw(checkedSeed.Value!, accepted.Select(a => a.Id), meeting.Seats);
            var byId = accepted.ToDictionary(a => a.Id);
            foreach (var entry in result.Entries)
            {
                byId[entry.ApplicationId].Rank = entry.Rank;
                byId[entry.ApplicationId].Seated = entry.Seated;
            }

            meeting.DrawSeed = result.Seed;
            summary = $"抽签：种子 {result.Seed}，{accepted.Count} 人通过核验，{meeting.Seats} 人列席";
        }
        else
        {
            // No draw is needed: every accepted applicant has a seat, in the order they applied.
            for (var i = 0; i < accepted.Count; i++)
            {
                accepted[i].Rank = i + 1;
                accepted[i].Seated = true;
            }

            summary = $"无需抽签：{accepted.Count} 人通过核验，{meeting.Seats} 个席位";
        }

        meeting.Stage = MeetingRules.Code(MeetingStage.Seated);
        meeting.SeatedAt = clock.GetUtcNow().ToUniversalTime();
        meeting.SeatedBy = StaffClaims.DisplayNameOf(user);
        audit.Record("meeting.seat", Target(meeting), summary, meeting.BodyId);
        db.RecordChange(ParticipationChanges.MeetingSeated, Id(meeting), meeting.BodyId);
        return await SavedViewAsync(meeting, cancellationToken);
    }

    /// <summary>Keeps the meeting's record after it was held and publishes it: the summary, each seated representative's
    /// attendance and opinion (masked for the public page).</summary>
    public async Task<Outcome<MeetingView>> RecordAsync(ClaimsPrincipal user, int id, string? summary, IReadOnlyList<AttendanceInput>? attendance, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.Prepare, "只有本单位的信息编辑可以记录会议情况。", cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var meeting = found.Value!;
        if (MeetingRules.MayRecord(MeetingRules.ParseStage(meeting.Stage), meeting.HeldAt, clock.GetUtcNow()).Refusal is { } notNow)
        {
            return notNow;
        }

        var text = summary?.Trim() ?? "";
        if (text.Length is 0 or > 8000)
        {
            return Refusal.InvalidField("summary", "请填写会议情况（不超过 8000 字）。", "会议情况有误");
        }

        var seated = await db.Set<SeatApplication>().Where(a => a.MeetingId == id && a.Seated == true).ToListAsync(cancellationToken);
        var given = (attendance ?? []).ToLookup(a => a.ApplicationId);
        var unknown = given.Select(g => g.Key).Where(k => seated.All(s => s.Id != k)).ToList();
        if (unknown.Count > 0)
        {
            return Refusal.InvalidField("attendance", $"报名 {string.Join("、", unknown)} 不是这次会议的列席人员。", "出席情况有误");
        }

        var missing = seated.Where(s => !given.Contains(s.Id)).Select(s => s.Id).ToList();
        if (missing.Count > 0)
        {
            return Refusal.InvalidField("attendance", $"请记录列席人员 {string.Join("、", missing)} 是否出席。", "出席情况不完整");
        }

        foreach (var representative in seated)
        {
            var entry = given[representative.Id].First();
            var opinion = entry.Opinion?.Trim() ?? "";
            if (opinion.Length > MeetingRules.MaxOpinionLength)
            {
                return Refusal.InvalidField("attendance", $"列席人员 {representative.Id} 的意见不能超过 {MeetingRules.MaxOpinionLength} 字。", "意见过长");
            }

            representative.Attended = entry.Attended;
            representative.Opinion = opinion.Length == 0 ? null : opinion;
            representative.PublicOpinion = opinion.Length == 0 ? null : ConsultationDesk.PublicText(opinion, representative.Name, representative.Contact, Today);
        }

        meeting.RecordSummary = text;
        meeting.Stage = MeetingRules.Code(MeetingStage.Recorded);
        meeting.RecordedAt = clock.GetUtcNow().ToUniversalTime();
        meeting.RecordedBy = StaffClaims.DisplayNameOf(user);
        audit.Record("meeting.record", Target(meeting), $"出席 {seated.Count(s => s.Attended == true)} 人，意见 {seated.Count(s => s.Opinion is not null)} 条", meeting.BodyId);
        db.RecordChange(ParticipationChanges.MeetingRecorded, Id(meeting), meeting.BodyId);
        return await SavedViewAsync(meeting, cancellationToken);
    }

    /// <summary>The draw as the public re-runs it: the seed, the accepted numbers, and the resulting ranks (null without a draw).</summary>
    public async Task<DrawResult?> PublishedDrawAsync(Meeting meeting, CancellationToken cancellationToken = default)
    {
        if (meeting.DrawSeed is null)
        {
            return null;
        }

        var accepted = await db.Set<SeatApplication>().AsNoTracking().Where(a => a.MeetingId == meeting.Id && a.IdentityCheck == "accepted").Select(a => a.Id).ToListAsync(cancellationToken);
        return MeetingRules.Draw(meeting.DrawSeed, accepted, meeting.Seats);
    }

    public async Task<IReadOnlyList<MeetingSummary>> ListPublicAsync(MeetingStage? stage, CancellationToken cancellationToken = default)
    {
        var query = db.Set<Meeting>().AsNoTracking().Where(m => m.Stage != "draft");
        if (stage is { } wanted)
        {
            var code = MeetingRules.Code(wanted);
            query = query.Where(m => m.Stage == code);
        }

        return await SummariesAsync(query, cancellationToken);
    }

    public async Task<IReadOnlyList<MeetingSummary>> ListForStaffAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var query = db.Set<Meeting>().AsNoTracking();
        var inScope = await scope.BodiesInScopeAsync(user, cancellationToken);
        if (inScope is not null)
        {
            query = query.Where(m => inScope.Contains(m.BodyId));
        }

        return await SummariesAsync(query, cancellationToken);
    }

    private async Task<IReadOnlyList<MeetingSummary>> SummariesAsync(IQueryable<Meeting> query, CancellationToken cancellationToken)
    {
        var rows = await query.OrderByDescending(m => m.HeldAt).ThenByDescending(m => m.Id).Take(500)
            .Select(m => new { Meeting = m, Applications = db.Set<SeatApplication>().Count(a => a.MeetingId == m.Id) })
            .ToListAsync(cancellationToken);
        var bodies = await directory.LoadAsync(cancellationToken);
        return rows.Select(r => new MeetingSummary(r.Meeting, bodies.Find(r.Meeting.BodyId), r.Applications)).ToList();
    }

    private async Task<Outcome<Meeting>> FindForStaffAsync(ClaimsPrincipal user, int id, string permission, string forbidden, CancellationToken cancellationToken)
    {
        var meeting = await FindAsync(id, track: true, cancellationToken);
        if (meeting is null)
        {
            return NotFound(id);
        }

        return await MayActAsync(user, meeting.BodyId, permission, cancellationToken) ? meeting : Refusal.Forbidden(forbidden);
    }

    private async Task<Outcome<MeetingView>> SavedViewAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        var saved = await SaveAsync(meeting, cancellationToken);
        return saved.Refusal is { } conflict ? conflict : new MeetingView(meeting, await directory.FindAsync(meeting.BodyId, cancellationToken));
    }

    private async Task<Outcome<Meeting>> SaveAsync(Meeting meeting, CancellationToken cancellationToken)
    {
        try
        {
            meeting.UpdatedAt = clock.GetUtcNow().ToUniversalTime();
            await db.SaveChangesAsync(cancellationToken);
            return meeting;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("这次会议刚刚被其他人修改过，请刷新后再试。");
        }
    }

    private static Refusal NotFound(int id) => Refusal.NotFound($"没有编号为 {id} 的公众列席会议。", "未找到会议");

    private static string Target(Meeting m) => "meeting:" + Id(m);

    private static string Id(Meeting m) => m.Id.ToString(CultureInfo.InvariantCulture);
}
