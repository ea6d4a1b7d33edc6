using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Platform.Notifications;
using Gongkai.Staff;
using Gongkai.Requests.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;

namespace Gongkai.Requests;

/// <summary>A filed application. <see cref="Code"/> is shown to the applicant once; <see cref="Clock"/> is null while
/// the holiday schedule its period needs is not loaded; <see cref="Replayed"/> when an idempotency key returned an
/// application filed before.</summary>
public sealed record FiledRequest(DisclosureRequest Request, string Code, ClockResult? Clock, bool Replayed = false);

/// <summary>What an officer sends to record an event.</summary>
/// <param name="FeeMethod">Fee notices: "per-application" (the default) or "per-page".</param>
/// <param name="Pages">Fee notices charged per page: the number of pages provided.</param>
/// <param name="ResponsibleBody">Transfers: the code of the body responsible, when it is one of ours.</param>
public sealed record EventDraft(string? Type, DateOnly? On, int? WorkingDays, string? Decision, string? Details,
    string? FeeMethod = null, int? Pages = null, string? ResponsibleBody = null);

/// <summary>An event recorded: the request and its clock afterwards.</summary>
public sealed record RecordedEvent(DisclosureRequest Request, ClockResult Clock);

/// <summary>Files applications, finds them for applicants and officers, records events and recomputes the clock.
/// Thin over the pure rules: every decision about dates comes from <see cref="RequestClock"/>.</summary>
public sealed class RequestDesk(
    GongkaiDbContext db, CalendarService calendars, AuditLog audit, BodyScope scope, TimeProvider clock, BodyDirectory directory, IOptions<OrganizationsOptions> organizations,
    SequenceAllocator sequences, INotifier notifier)
{
    public const string ApplicantActor = "申请人（网上提交）";

    private const string CodeAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const int CodeLength = 10;

    public DateOnly Today => ChinaTime.Today(clock);

    /// <summary>Validates and files an application. <paramref name="staff"/> is null for the public form. With a
    /// <paramref name="filingKey"/> (<see cref="FilingKey"/>), the same key and application return the first filing
    /// instead of a second one, and the same key with a different application is refused.</summary>
    public async Task<Outcome<FiledRequest>> FileAsync(
        RequestApplication application, ClaimsPrincipal? staff, string? filingKey = null, CancellationToken cancellationToken = default)
    {
        if (filingKey is null)
        {
            return await FileOnceAsync(application, staff, null, cancellationToken);
        }

        if (FilingKey.Problem(filingKey) is { } problem)
        {
            return Refusal.InvalidField("idempotencyKey", problem, "Idempotency-Key 无效");
        }

        var keyHash = FilingKey.Hash(filingKey);
        var fingerprint = FilingKey.Fingerprint(
            staff is null ? "public" : StaffClaims.UserIdOf(staff), application.ApplicantType, application.Name, application.IdType, application.IdNumber,
            application.Phone, application.Email, application.Address, application.Description, application.DocNumber, application.Form,
            application.Delivery, application.Body, application.Channel, application.ReceivedOn?.ToString("O", CultureInfo.InvariantCulture));
        await db.Set<RequestFilingKeyRecord>().Where(k => k.CreatedAt < clock.GetUtcNow() - FilingKey.Lifetime).ExecuteDeleteAsync(cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var earlier = await db.Set<RequestFilingKeyRecord>().AsNoTracking().FirstOrDefaultAsync(k => k.KeyHash == keyHash, cancellationToken);
            if (earlier is not null)
            {
                return await ReplayAsync(earlier, filingKey, fingerprint, cancellationToken);
            }

            try
            {
                return await FileOnceAsync(application, staff, (keyHash, fingerprint, filingKey), cancellationToken);
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // A concurrent call with the same key filed first (the key's unique index refused ours, and with it
                // our application, in the same transaction): answer with that filing.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Outcome<FiledRequest>> ReplayAsync(RequestFilingKeyRecord earlier, string filingKey, string fingerprint, CancellationToken cancellationToken)
    {
        var code = FilingKey.OpenCode(filingKey, earlier.SealedCode);
        if (earlier.Fingerprint != fingerprint || code is null)
        {
            return Refusal.Blocked("这个 Idempotency-Key 已用于提交另一份内容不同的申请。重新提交一份新申请时，请使用新的键值。", "Idempotency-Key 已被使用");
        }

        var request = await db.Set<DisclosureRequest>().AsNoTracking().Include(r => r.Events).FirstAsync(r => r.Id == earlier.RequestId, cancellationToken);
        ClockResult? computed;
        try
        {
            computed = await ClockOfAsync(request, cancellationToken);
        }
        catch (RequestClockException)
        {
            computed = null;
        }

        return new FiledRequest(request, code, computed, Replayed: true);
    }

    private async Task<Outcome<FiledRequest>> FileOnceAsync(
        RequestApplication application, ClaimsPrincipal? staff, (string Hash, string Fingerprint, string Key)? filingKey, CancellationToken cancellationToken)
    {
        var today = Today;
        var errors = RequestApplicationValidator.Validate(application, staff is not null, today);
        var body = string.IsNullOrWhiteSpace(application.Body)
            ? null
            : await directory.FindByCodeAsync(application.Body.Trim(), cancellationToken);
        if (body is null && !errors.ContainsKey("body"))
        {
            errors["body"] = [$"没有代码为“{application.Body}”的机关。"];
        }

        if (staff is not null && body is not null && !await scope.MayActForAsync(staff, body.Id, cancellationToken))
        {
            errors["body"] = ["只能为本机关登记申请。"];
        }

        var receivedOn = application.ReceivedOn ?? today;
        ClockResult? computed = null;
        WorkCalendar? calendar = null;
        if (errors.Count == 0)
        {
            try
            {
                calendar = await calendars.GetCalendarAsync(cancellationToken);
                computed = RequestClock.Compute([new RequestEvent(RequestEventType.Received, receivedOn)], RequestRuleSets.ForReceipt(receivedOn), calendar, today);
            }
            catch (RequestClockException exception) when (exception.MissingCalendarYear > calendar?.CoveredYears.DefaultIfEmpty().Max())
            {
                // Next year's holiday schedule is not published yet. Receipt is a fact whatever the calendar holds:
                // accept the application now; its due date is set when that year is imported (DeadlineRecomputer
                // follows calendar.changed). A gap in past years stays an error.
                computed = null;
            }
            catch (RequestClockException exception)
            {
                errors["receivedOn"] = [exception.Message];
            }
        }

        if (errors.Count > 0)
        {
            if (staff is not null)
            {
                audit.Record("request.file.refused", application.Body ?? "", string.Join(" ", errors.Values.SelectMany(m => m)), body?.Id);
                await db.SaveChangesAsync(cancellationToken);
            }

            return Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors, "申请内容有误");
        }

        var natural = application.ApplicantType!.Trim() == RequestVocabulary.NaturalPerson;
        var idNumber = application.IdType == RequestVocabulary.CitizenId ? CitizenIdNumber.Normalize(application.IdNumber)
            : application.IdType == RequestVocabulary.CreditCodeId ? CreditCode.Normalize(application.IdNumber)
            : application.IdNumber!.Trim();
        var code = NewCode();
        var salt = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var request = new DisclosureRequest
        {
            TrackingNumber = await NextTrackingNumberAsync(today.Year, cancellationToken),
            CodeHash = Hash(salt, code),
            CodeSalt = salt,
            BodyId = body!.Id,
            ApplicantType = application.ApplicantType.Trim(),
            ApplicantName = application.Name!.Trim(),
            IdType = application.IdType!.Trim(),
            IdNumber = idNumber,
            Phone = application.Phone?.Trim() ?? "",
            Email = application.Email?.Trim() ?? "",
            Address = application.Address?.Trim() ?? "",
            Description = application.Description!.Trim(),
            DocNumber = application.DocNumber?.Trim() ?? "",
            Form = application.Form!,
            Delivery = application.Delivery!,
            Channel = application.Channel ?? "online",
            ReceivedOn = receivedOn,
            RegisteredAt = clock.GetUtcNow(),
            RegisteredBy = staff is null ? ApplicantActor : StaffClaims.DisplayNameOf(staff),
            RuleSetCode = RequestRuleSets.ForReceipt(receivedOn).Code,
            Stage = RequestStage.Registered,
            ClockState = (computed?.State ?? ClockState.Running).ToString(),
            DueOn = computed?.DueOn,
        };
        request.Events.Add(new RequestEventRecord
        {
            Type = RequestEventTypes.Code(RequestEventType.Received),
            On = receivedOn,
            RecordedAt = request.RegisteredAt,
            RecordedBy = request.RegisteredBy,
            Details = RequestVocabulary.Label(RequestVocabulary.Channels, request.Channel),
        });
        db.Set<DisclosureRequest>().Add(request);
        if (filingKey is { } key)
        {
            db.Set<RequestFilingKeyRecord>().Add(new RequestFilingKeyRecord
            {
                KeyHash = key.Hash, Fingerprint = key.Fingerprint, SealedCode = FilingKey.SealCode(key.Key, code), CreatedAt = clock.GetUtcNow(),
                Request = request,
            });
        }

        // The audit row names the request, never the applicant: applicant data stays in the request row.
        audit.Record("request.filed", request.TrackingNumber, $"{(natural ? "自然人" : "法人或其他组织")}申请，收到日期 {RequestClock.Iso(receivedOn)}", body.Id, staff is null ? ApplicantActor : null);
        if (ApplicantMail.Acknowledgement(request, body.Name, code, computed?.DueOn) is { } acknowledgement)
        {
            // In the same unit of work as the filing: the outbox row exists exactly when the application does.
            await notifier.NotifyAsync(acknowledgement, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new FiledRequest(request, code, computed);
    }

    /// <summary>The request for an applicant holding its number and code; null for any mismatch, without saying which.</summary>
    public async Task<DisclosureRequest?> FindForApplicantAsync(string? trackingNumber, string? code, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(trackingNumber) || string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var number = trackingNumber.Trim().ToUpperInvariant();
        var request = await db.Set<DisclosureRequest>().AsNoTracking().Include(r => r.Events).Include(r => r.Body)
            .FirstOrDefaultAsync(r => r.TrackingNumber == number, cancellationToken);
        // Hash even when the number is unknown, so timing does not reveal which numbers exist.
        var expected = Convert.FromHexString(request?.CodeHash ?? new string('0', 64));
        var actual = Convert.FromHexString(Hash(request?.CodeSalt ?? "00", code.Trim().ToUpperInvariant()));
        return CryptographicOperations.FixedTimeEquals(expected, actual) && request is not null ? request : null;
    }

    /// <summary>The request for a staff member who may see applicant data: a request officer of the handling body
    /// (or a body admin above it) or an auditor. Null when not found or not allowed.</summary>
    public const string ViewedAction = "request.viewed";
    public const string AccessDeniedAction = "request.access.denied";

    public async Task<DisclosureRequest?> FindForStaffAsync(ClaimsPrincipal user, string trackingNumber, CancellationToken cancellationToken = default)
    {
        var number = trackingNumber.Trim().ToUpperInvariant();
        var request = await db.Set<DisclosureRequest>().Include(r => r.Events).Include(r => r.Body)
            .FirstOrDefaultAsync(r => r.TrackingNumber == number, cancellationToken);
        if (request is null)
        {
            return null;
        }

        if (!await MaySeeAsync(user, request, cancellationToken))
        {
            // An attempt on another body's application (or beyond one's role) is on record; the caller answers 404.
            await audit.RecordNowAsync(AccessDeniedAction, request.TrackingNumber, "无权查看该申请", request.BodyId, cancellationToken: cancellationToken);
            return null;
        }

        return request;
    }

    /// <summary>A staff page showing the application, the applicant's personal data included: the view is audited.</summary>
    public async Task<DisclosureRequest?> OpenForStaffAsync(ClaimsPrincipal user, string trackingNumber, string purpose, CancellationToken cancellationToken = default)
    {
        var request = await FindForStaffAsync(user, trackingNumber, cancellationToken);
        if (request is not null)
        {
            await audit.RecordNowAsync(ViewedAction, request.TrackingNumber, purpose, request.BodyId, cancellationToken: cancellationToken);
        }

        return request;
    }

    public async Task<bool> MaySeeAsync(ClaimsPrincipal user, DisclosureRequest request, CancellationToken cancellationToken = default)
    {
        if (user.IsInRole(StaffRoles.Auditor) && StaffClaims.BodyIdOf(user) is { } own)
        {
            return own == request.BodyId || (await scope.DescendantsOfAsync(own, cancellationToken)).Contains(request.BodyId);
        }

        return user.IsInRole(StaffRoles.RequestOfficer) && await scope.MayActForAsync(user, request.BodyId, cancellationToken);
    }

    /// <summary>The clock for a request's recorded events, as of today.</summary>
    public async Task<ClockResult> ClockOfAsync(DisclosureRequest request, CancellationToken cancellationToken = default) =>
        RequestClock.Compute(ToClockEvents(request.Events), RuleSetOf(request), await calendars.GetCalendarAsync(cancellationToken), Today);

    /// <summary>Records one event after checking the officer's right, the fields and the resulting event order.
    /// Every attempt, refused ones included, leaves an audit row.</summary>
    public async Task<Outcome<RecordedEvent>> RecordEventAsync(ClaimsPrincipal user, string trackingNumber, EventDraft draft, CancellationToken cancellationToken = default)
    {
        var number = trackingNumber.Trim().ToUpperInvariant();
        var request = await db.Set<DisclosureRequest>().Include(r => r.Events)
            .FirstOrDefaultAsync(r => r.TrackingNumber == number, cancellationToken);
        if (request is null)
        {
            return await RefuseAsync(Refusal.NotFound("没有该编号的申请。", "未找到申请"), trackingNumber, null, cancellationToken);
        }

        if (!user.IsInRole(StaffRoles.RequestOfficer) || !await scope.MayActForAsync(user, request.BodyId, cancellationToken))
        {
            return await RefuseAsync(Refusal.Forbidden("只有受理机关的依申请公开经办人可以登记办理事项。", "无权办理该申请"), trackingNumber, request.BodyId, cancellationToken);
        }

        var errors = ValidateDraft(draft, Today);
        if (errors.Count > 0)
        {
            audit.Record("request.event.refused", request.TrackingNumber, $"{draft.Type} {draft.On}: {string.Join(" ", errors.Values.SelectMany(m => m))}", request.BodyId);
            await db.SaveChangesAsync(cancellationToken);
            return InvalidEvent(errors);
        }

        var type = RequestEventTypes.Parse(draft.Type)!.Value;
        var record = new RequestEventRecord
        {
            Type = RequestEventTypes.Code(type),
            On = draft.On!.Value,
            WorkingDays = type == RequestEventType.ExtensionApproved ? draft.WorkingDays : null,
            Decision = type == RequestEventType.Replied ? draft.Decision : null,
            Details = draft.Details?.Trim() ?? "",
            RecordedAt = clock.GetUtcNow(),
            RecordedBy = StaffClaims.DisplayNameOf(user),
        };

        if (type == RequestEventType.FeeNoticeIssued)
        {
            var method = Rules.FeeSchedule.Parse(draft.FeeMethod) ?? Rules.FeeMethod.PerApplication;
            var units = method == Rules.FeeMethod.PerPage ? draft.Pages!.Value : await MonthlyOrdinalAsync(request, cancellationToken);
            var quote = Rules.FeeSchedule.Quote(method, units);
            record.FeeMethod = Rules.FeeSchedule.Code(method);
            record.FeeUnits = units;
            record.FeeAmountYuan = quote.AmountYuan;
            record.Details = string.IsNullOrEmpty(record.Details) ? quote.Explanation : $"{quote.Explanation}；{record.Details}";
        }

        if (type == RequestEventType.Transferred && !string.IsNullOrWhiteSpace(draft.ResponsibleBody))
        {
            var responsible = (await directory.LoadAsync(cancellationToken)).All.FirstOrDefault(b => b.Code == draft.ResponsibleBody.Trim());
            if (responsible is null || responsible.Id == request.BodyId)
            {
                var message = responsible is null ? $"没有代码为“{draft.ResponsibleBody}”的机关。" : "负责机关不能是本机关。";
                audit.Record("request.event.refused", request.TrackingNumber, $"{record.Type}: {message}", request.BodyId);
                await db.SaveChangesAsync(cancellationToken);
                return InvalidEvent(new Dictionary<string, string[]> { ["responsibleBody"] = [message] });
            }

            record.Details = string.IsNullOrEmpty(record.Details) ? $"负责机关：{responsible.Name}" : $"负责机关：{responsible.Name}；{record.Details}";
        }

        ClockResult computed;
        try
        {
            computed = RequestClock.Compute(ToClockEvents([.. request.Events, record]), RuleSetOf(request), await calendars.GetCalendarAsync(cancellationToken), Today);
        }
        catch (RequestClockException exception)
        {
            audit.Record("request.event.refused", request.TrackingNumber, $"{record.Type} {RequestClock.Iso(record.On)}: {exception.Message}", request.BodyId);
            await db.SaveChangesAsync(cancellationToken);
            // The input is well formed; the rules of the clock refuse the order or date (422, not 400).
            return Refusal.Blocked(exception.Message, "事件顺序或日期不符合规定") with { Errors = new Dictionary<string, string[]> { ["on"] = [exception.Message] } };
        }

        request.Events.Add(record);
        Apply(request, computed);
        StampClosing(request, request.Events);
        if (type == RequestEventType.Replied)
        {
            var decision = ReplyDecisions.Find(record.Decision)!;
            var reviewBody = await ReviewBodyOfAsync(request.BodyId, cancellationToken);
            db.Set<RequestReply>().Add(new RequestReply
            {
                RequestId = request.Id,
                Decision = decision.Code,
                RepliedOn = record.On,
                Reasons = record.Details,
                ReviewBody = reviewBody,
                LetterText = ReplyLetter.Compose(decision, request.ApplicantName, request.ReceivedOn, request.Description, record.Details, reviewBody),
                RecordedBy = record.RecordedBy,
                RecordedAt = record.RecordedAt,
            });
        }

        audit.Record("request.event", request.TrackingNumber, $"{RequestEventTypes.ChineseName(type)} {RequestClock.Iso(record.On)}{(record.WorkingDays is { } n ? $"（{n}个工作日）" : "")}{(record.Decision is { } d ? $"：{d}" : "")}{(record.FeeAmountYuan is { } fee ? $"：{fee}元" : "")}", request.BodyId);
        if (ApplicantMail.ForEvent(request, type, record.Details) is { } notice)
        {
            await notifier.NotifyAsync(notice, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new RecordedEvent(request, computed);
    }

    /// <summary>Moves a request to its next handling stage, audited.</summary>
    public async Task<Outcome> AdvanceStageAsync(ClaimsPrincipal user, string trackingNumber, CancellationToken cancellationToken = default)
    {
        var number = trackingNumber.Trim().ToUpperInvariant();
        var request = await db.Set<DisclosureRequest>().FirstOrDefaultAsync(r => r.TrackingNumber == number, cancellationToken);
        if (request is null || !user.IsInRole(StaffRoles.RequestOfficer) || !await scope.MayActForAsync(user, request.BodyId, cancellationToken))
        {
            audit.Record("request.stage.refused", number, "无权办理该申请", request?.BodyId);
            await db.SaveChangesAsync(cancellationToken);
            return Refusal.Forbidden("无权办理该申请。");
        }

        var (next, refusal) = RequestStageRules.NextStage(request.Stage, request.IsClosed);
        if (next is null)
        {
            audit.Record("request.stage.refused", number, refusal, request.BodyId);
            await db.SaveChangesAsync(cancellationToken);
            return Refusal.Conflict(refusal ?? "该申请不能进入下一环节。");
        }

        audit.Record("request.stage", number, $"{RequestStages.ChineseName(request.Stage)} → {RequestStages.ChineseName(next.Value)}", request.BodyId);
        request.Stage = next.Value;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>The body that hears an administrative reconsideration against the handling body's reply, as the
    /// body's 政府信息公开指南 names it.</summary>
    public async Task<string> ReviewBodyOfAsync(int bodyId, CancellationToken cancellationToken = default)
    {
        var hierarchy = await directory.LoadAsync(cancellationToken);
        var body = hierarchy.Find(bodyId)!;
        return DisclosureGuide.For(body, hierarchy.AncestorsOf(body), organizations.Value.ProvincialGovernment).ReviewBody;
    }

    /// <summary>The request's place among the same applicant's applications received in its calendar month (1 for the
    /// first), the count the 按件 fee schedule reads.</summary>
    public async Task<int> MonthlyOrdinalAsync(DisclosureRequest request, CancellationToken cancellationToken = default)
    {
        var first = new DateOnly(request.ReceivedOn.Year, request.ReceivedOn.Month, 1);
        var earlier = await db.Set<DisclosureRequest>().CountAsync(
            r => r.IdNumber == request.IdNumber && r.IdType == request.IdType && r.ReceivedOn >= first
                && (r.ReceivedOn < request.ReceivedOn || (r.ReceivedOn == request.ReceivedOn && r.Id < request.Id)),
            cancellationToken);
        return earlier + 1;
    }

    public Task<RequestReply?> ReplyOfAsync(int requestId, CancellationToken cancellationToken = default) =>
        db.Set<RequestReply>().FirstOrDefaultAsync(r => r.RequestId == requestId, cancellationToken);

    /// <summary>Copies the clock's verdict onto the stored row used by queues and reminders.</summary>
    public static void Apply(DisclosureRequest request, ClockResult computed)
    {
        request.DueOn = computed.DueOn;
        request.ClockState = computed.State.ToString();
        request.IsClosed = computed.State is ClockState.Replied or ClockState.Transferred or ClockState.Abandoned;
        if (request.IsClosed && request.Stage < RequestStage.Answered)
        {
            request.Stage = RequestStage.Answered;
        }
    }

    /// <summary>Copies how the request closed (date and table 三 decision, from its first closing event) onto the row,
    /// or clears both while it has none. Called in the same unit of work as every change to the events.</summary>
    public static void StampClosing(DisclosureRequest request, IEnumerable<RequestEventRecord> events)
    {
        ArgumentNullException.ThrowIfNull(request);
        var closing = TableThree.Closing(InRecordedOrder(events).Select(e => (RequestEventTypes.Parse(e.Type)!.Value, e.On, e.Decision)));
        request.ClosedOn = closing?.ClosedOn;
        request.ClosingDecision = closing?.DecisionCode;
    }

    public static RequestRuleSet RuleSetOf(DisclosureRequest request) =>
        RequestRuleSets.ByCode(request.RuleSetCode) ?? RequestRuleSets.ForReceipt(request.ReceivedOn);

    /// <summary>Events in the order they were recorded (the clock sorts by date, keeping that order within a day).</summary>
    public static IEnumerable<RequestEvent> ToClockEvents(IEnumerable<RequestEventRecord> records) =>
        InRecordedOrder(records).Select(r => new RequestEvent(RequestEventTypes.Parse(r.Type)!.Value, r.On, r.WorkingDays));

    private static IEnumerable<RequestEventRecord> InRecordedOrder(IEnumerable<RequestEventRecord> records) =>
        records.OrderBy(r => r.RecordedAt).ThenBy(r => r.Id == 0 ? int.MaxValue : r.Id);

    public static Dictionary<string, string[]> ValidateDraft(EventDraft draft, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var type = RequestEventTypes.Parse(draft.Type);
        if (type is null || type == RequestEventType.Received)
        {
            errors["type"] = [$"事件类型只能是：{string.Join("、", RequestEventTypes.RecordableCodes)}。"];
        }

        if (draft.On is not { } on)
        {
            errors["on"] = ["请填写事件发生的日期。"];
        }
        else if (on > today)
        {
            errors["on"] = ["事件日期不能晚于今天。"];
        }

        if (type == RequestEventType.ExtensionApproved && draft.WorkingDays is not > 0)
        {
            errors["workingDays"] = ["批准延期须写明延长的工作日数。"];
        }

        if (type == RequestEventType.Replied && ReplyDecisions.Find(draft.Decision) is null)
        {
            errors["decision"] = ["作出答复须选择答复类型（年度报告表三的处理结果之一）。"];
        }

        if (type == RequestEventType.FeeNoticeIssued)
        {
            var method = string.IsNullOrWhiteSpace(draft.FeeMethod) ? Rules.FeeMethod.PerApplication : Rules.FeeSchedule.Parse(draft.FeeMethod.Trim());
            if (method is null)
            {
                errors["feeMethod"] = ["收费方式只能是 per-application（按件）或 per-page（按量）。"];
            }
            else if (method == Rules.FeeMethod.PerPage && draft.Pages is not > 0)
            {
                errors["pages"] = ["按量计收须填写提供信息的页数（正整数）。"];
            }
        }

        if ((draft.Details?.Length ?? 0) > 2000)
        {
            errors["details"] = ["说明不能超过2000个字。"];
        }

        return errors;
    }

    private async Task<Refusal> RefuseAsync(Refusal refusal, string target, int? bodyId, CancellationToken cancellationToken)
    {
        audit.Record("request.event.refused", target, refusal.Message, bodyId);
        await db.SaveChangesAsync(cancellationToken);
        return refusal;
    }

    /// <summary>The first message is the detail, as an integrator reading one line needs the first problem.</summary>
    private static Refusal InvalidEvent(IReadOnlyDictionary<string, string[]> errors) =>
        Refusal.Invalid(errors.Values.SelectMany(m => m).First(), errors, "事件内容有误");

    /// <summary>"YSQ-2026-000123" from the platform's sequence allocator: two citizens applying at the same moment get
    /// distinct numbers (reading the highest and adding one made the second insert fail on the unique index).</summary>
    private async Task<string> NextTrackingNumberAsync(int year, CancellationToken cancellationToken)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"YSQ-{year}-");
        var next = await sequences.NextAsync(string.Create(CultureInfo.InvariantCulture, $"request-tracking/{year}"), async ct =>
        {
            // Numbers given before the scope existed (databases older than the allocator).
            var last = await db.Set<DisclosureRequest>().AsNoTracking().Where(r => r.TrackingNumber.StartsWith(prefix))
                .OrderByDescending(r => r.TrackingNumber).Select(r => r.TrackingNumber).FirstOrDefaultAsync(ct);
            return last is null ? 0 : long.Parse(last[prefix.Length..], CultureInfo.InvariantCulture);
        }, cancellationToken: cancellationToken);
        return prefix + next.ToString("D6", CultureInfo.InvariantCulture);
    }

    private static string NewCode() =>
        new(Enumerable.Range(0, CodeLength).Select(_ => CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)]).ToArray());

    private static string Hash(string salt, string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(salt + ":" + code)));
}
