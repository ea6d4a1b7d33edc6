using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Gongkai.Calendar;
using Gongkai.Hotline.Rules;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Notifications;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Gongkai.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Hotline;

/// <summary>Settings of the hotline (section <c>Hotline</c>).</summary>
public sealed class HotlineOptions
{
    /// <summary>The city's bounding box: Open311 coordinates outside it are refused (default: 绵阳市).</summary>
    public double MinLatitude { get; set; } = 30.7;

    public double MaxLatitude { get; set; } = 33.1;

    public double MinLongitude { get; set; } = 103.7;

    public double MaxLongitude { get; set; } = 105.8;

    /// <summary>The districts a ticket may name (the routing table's second key).</summary>
    public List<string> Districts { get; set; } = ["涪城区", "游仙区", "安州区", "江油市", "三台县", "盐亭县", "梓潼县", "北川羌族自治县", "平武县", "高新区", "经开区"];

    /// <summary>How close to a limit a ticket counts as "即将到期" on the dashboards.</summary>
    public TimeSpan DueSoonWindow { get; set; } = TimeSpan.FromHours(8);
}

/// <summary>What an operator, a web form or an Open311 client hands in.</summary>
/// <param name="SmsConsent">The caller agreed to a text message (the evaluation link) at their mobile number.</param>
/// <param name="Files">Photos or PDF handed in with the ticket; checked before anything is stored, saved with it.</param>
public sealed record TicketDraft(
    string? Channel, string? Category, string? Description, string? Urgency = null, string? Address = null, string? District = null,
    double? Latitude = null, double? Longitude = null, string? MediaUrl = null,
    string? CallerName = null, string? CallerPhone = null, string? CallerEmail = null,
    IReadOnlyDictionary<string, string>? Attributes = null, int? ApiKeyId = null, bool SmsConsent = false, IReadOnlyList<TicketUpload>? Files = null);

/// <summary>An event as the staff API or a console form sends it.</summary>
/// <param name="KnowledgeEntry">For 直接答复: the knowledge-base entry quoted (its answer is the reply when no text is given).</param>
/// <param name="Into">For a merge: the number of the ticket the duplicate joins.</param>
public sealed record TicketEventDraft(
    string? Type, string? Body = null, string? Reason = null, int? WorkingDays = null, string? Text = null, string? Rating = null,
    int? KnowledgeEntry = null, string? Into = null);

/// <summary>Which tickets a list asks for.</summary>
public sealed record TicketFilter(string? Status = null, string? Body = null, bool Overdue = false, bool DueSoon = false, int Limit = 100);

/// <summary>A ticket with its clock and the names a page or the API shows.</summary>
public sealed record TicketView(HotlineTicket Ticket, HotlineCategory Category, string? BodyName, string? BodyCode, TicketClockResult? Clock, TimeLimit Limit, string LimitSource)
{
    public TicketStatus Status => TicketVocabulary.ParseStatus(Ticket.Status) ?? TicketStatus.Received;
}

/// <summary>
/// The 12345 desk: intake from every channel, the routing proposal, events through <see cref="TicketFlow"/> with the
/// clock recomputed by <see cref="TicketClock"/>, and the lists the queues show. Every change is audited in the same
/// unit of work; audit rows name the ticket, never the caller.
/// </summary>
public sealed class HotlineDesk(
    GongkaiDbContext db, CalendarService calendars, AuditLog audit, BodyScope scope, BodyDirectory directory, RolePermissions permissions,
    SequenceAllocator sequences, INotifier notifier, HotlineSms sms, UserManager<StaffUser> users, IHttpContextAccessor http,
    TimeProvider clock, IOptions<HotlineOptions> options, IOptions<HotlineSmsOptions> smsOptions)
{
    public static readonly IReadOnlyList<string> Channels = ["phone", "web", "open311", "letter", "wechat", "app"];

    public static string ChannelName(string channel) => channel switch
    {
        "phone" => "电话",
        "web" => "网站",
        "open311" => "Open311接口",
        "letter" => "来信",
        "wechat" => "微信",
        "app" => "移动应用",
        _ => channel,
    };

    public HotlineOptions Options => options.Value;

    public async Task<IReadOnlyList<HotlineCategory>> CategoriesAsync(CancellationToken cancellationToken = default) =>
        await db.Set<HotlineCategory>().AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(cancellationToken);

    /// <summary>Categories that take tickets: active ones without children.</summary>
    public static IReadOnlyList<HotlineCategory> Leaves(IReadOnlyList<HotlineCategory> all) =>
        all.Where(c => c.Active && all.All(child => child.ParentId != c.Id)).ToList();

    /// <summary>The category's code, then its ancestors' codes.</summary>
    public static IReadOnlyList<string> PathOf(HotlineCategory category, IReadOnlyList<HotlineCategory> all)
    {
        var path = new List<string>();
        for (var c = category; c is not null && path.Count < 10; c = all.FirstOrDefault(p => p.Id == c.ParentId))
        {
            path.Add(c.Code);
        }

        return path;
    }

    public async Task<TimeLimitTable> LimitsAsync(IReadOnlyList<HotlineCategory> categories, CancellationToken cancellationToken)
    {
        var rows = await db.Set<HotlineTimeLimit>().AsNoTracking().ToListAsync(cancellationToken);
        return new TimeLimitTable(rows.Where(r => TicketVocabulary.ParseUrgency(r.Urgency) is not null).Select(r => new TimeLimitOverride(
            categories.FirstOrDefault(c => c.Id == r.CategoryId)?.Code, TicketVocabulary.ParseUrgency(r.Urgency)!.Value,
            new TimeLimit(r.SignWithinHours, r.SignWithinWorkingDays, r.ReplyWithinWorkingDays))));
    }

    /// <summary>The routing proposal: the most specific category with a row for the district, else one for every district.</summary>
    public async Task<int?> ProposeBodyAsync(HotlineCategory category, IReadOnlyList<HotlineCategory> all, string district, CancellationToken cancellationToken)
    {
        var routes = await db.Set<HotlineRoute>().AsNoTracking().ToListAsync(cancellationToken);
        for (var c = category; c is not null; c = all.FirstOrDefault(p => p.Id == c.ParentId))
        {
            var here = routes.Where(r => r.CategoryId == c.Id).ToList();
            var route = here.FirstOrDefault(r => r.District == district && district.Length > 0) ?? here.FirstOrDefault(r => r.District.Length == 0);
            if (route is not null)
            {
                return route.BodyId;
            }
        }

        return null;
    }

    /// <summary>Checks and stores a new ticket with its 受理 event in one unit of work, so a later failure (routing,
    /// dispatch) never loses the caller's words. <paramref name="actor"/> names who took it in.</summary>
    public async Task<Outcome<HotlineTicket>> TakeInAsync(TicketDraft draft, string actor, CancellationToken cancellationToken = default)
    {
        var categories = await CategoriesAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var category = categories.FirstOrDefault(c => c.Code == draft.Category?.Trim());
        if (category is null || !Leaves(categories).Contains(category))
        {
            errors["category"] = [string.IsNullOrWhiteSpace(draft.Category) ? "请选择诉求分类。" : $"没有可受理的分类“{draft.Category}”。"];
        }

        var channel = draft.Channel?.Trim() ?? "";
        if (!Channels.Contains(channel))
        {
            errors["channel"] = ["受理渠道应为电话、网站、Open311、来信、微信或移动应用之一。"];
        }

        var description = draft.Description?.Trim() ?? "";
        if (description.Length == 0)
        {
            errors["description"] = ["请填写诉求内容。"];
        }
        else if (description.Length > TicketFlow.MaxTextLength)
        {
            errors["description"] = [$"诉求内容不能超过 {TicketFlow.MaxTextLength} 个字（现有 {description.Length} 个）。"];
        }

        var urgency = draft.Urgency is { Length: > 0 } u ? TicketVocabulary.ParseUrgency(u) : TicketVocabulary.ParseUrgency(category?.DefaultUrgency) ?? Urgency.General;
        if (urgency is null)
        {
            errors["urgency"] = ["紧急程度应为 urgent、general、complex 或 consultation。"];
        }

        var address = draft.Address?.Trim() ?? "";
        var district = draft.District?.Trim() ?? "";
        if (address.Length > 200)
        {
            errors["address"] = ["地址不能超过 200 个字。"];
        }

        if (district.Length > 0 && !Options.Districts.Contains(district))
        {
            errors["district"] = [$"没有名为“{district}”的区县。"];
        }

        if ((draft.Latitude is null) != (draft.Longitude is null))
        {
            errors["lat"] = ["经纬度须同时提供。"];
        }
        else if (draft.Latitude is { } lat && draft.Longitude is { } lon && !InsideCity(lat, lon))
        {
            errors["lat"] = ["坐标不在本市范围内。"];
        }

        if (address.Length == 0 && district.Length == 0 && draft.Latitude is null && channel != "phone")
        {
            errors["address"] = ["请提供地点：地址或经纬度。"];
        }

        var media = draft.MediaUrl?.Trim() ?? "";
        if (media.Length > 0 && (media.Length > 500 || !Uri.TryCreate(media, UriKind.Absolute, out var mediaUri) || mediaUri.Scheme is not ("http" or "https")))
        {
            errors["media_url"] = ["附件地址应为 http(s) 网址，且不超过 500 个字符。"];
        }

        var name = draft.CallerName?.Trim() ?? "";
        var phone = draft.CallerPhone?.Trim() ?? "";
        var email = draft.CallerEmail?.Trim() ?? "";
        if (name.Length > 64 || phone.Length > 32 || email.Length > 128)
        {
            errors["caller"] = ["来电人姓名、电话或电子邮箱过长。"];
        }

        var files = new List<(TicketUpload Upload, Publishing.Contracts.CheckedUpload Checked)>();
        foreach (var upload in draft.Files ?? [])
        {
            var checkedFile = HotlineAttachments.Check(upload.FileName, upload.Content);
            if (checkedFile.Refusal is { } badFile)
            {
                errors["file"] = [.. errors.GetValueOrDefault("file") ?? [], .. badFile.Errors.Values.SelectMany(m => m).DefaultIfEmpty(badFile.Message)];
            }
            else
            {
                files.Add((upload, checkedFile.Value!));
            }
        }

        if (files.Count > HotlineAttachments.MaxPerTicket)
        {
            errors["file"] = [$"每件工单最多 {HotlineAttachments.MaxPerTicket} 个附件。"];
        }

        if (draft.SmsConsent && HotlineSms.Mobile(draft.CallerPhone) is null)
        {
            errors["caller"] = ["同意接收短信回访时，请留下手机号码（11位）。"];
        }

        var attributes = draft.Attributes is { Count: > 0 } ? JsonSerializer.Serialize(draft.Attributes) : "";
        if (attributes.Length > 2000)
        {
            errors["attribute"] = ["附加属性过长。"];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors, "工单内容有误");
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        var proposed = await ProposeBodyAsync(category!, categories, district, cancellationToken);
        var ticket = new HotlineTicket
        {
            Number = "",
            Channel = channel,
            CategoryId = category!.Id,
            Urgency = TicketVocabulary.Code(urgency!.Value),
            Status = TicketVocabulary.Code(TicketStatus.Received),
            Description = description,
            PublicDescription = PublicText(description, name, phone, email, ChinaTime.DateOf(now)),
            Address = address,
            District = district,
            Latitude = draft.Latitude,
            Longitude = draft.Longitude,
            MediaUrl = media,
            Attributes = attributes,
            CallerName = name,
            CallerPhone = phone,
            CallerEmail = email,
            ProposedBodyId = proposed,
            ReceivedAt = now,
            UpdatedAt = now,
            Token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
            EvaluationToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant(),
            SmsConsent = draft.SmsConsent,
            ApiKeyId = draft.ApiKeyId,
        };
        ticket.Events.Add(new HotlineTicketEvent { Type = TicketVocabulary.Code(TicketEventType.Received), At = now, Actor = actor, Text = ChannelName(channel) });
        // The number is drawn inside the ticket's own transaction: one commit per intake instead of two (on SQLite each
        // commit waits for a sync of the log, which is what bounds intake), and a failed save leaves no gap.
        await db.InTransactionAsync(async () =>
        {
            ticket.Number = await NextNumberAsync(ChinaTime.DateOf(now).Year, cancellationToken);
            db.Set<HotlineTicket>().Add(ticket);
            audit.Record("hotline.received", ticket.Number, $"{ChannelName(channel)}受理，分类 {category.Name}", actorName: actor);
            await db.SaveChangesAsync(cancellationToken);
            if (files.Count > 0)
            {
                // The files belong to the 受理 event; saved in the same transaction, so a ticket never lacks what came with it.
                var received = ticket.Events[0].Id;
                var attachments = files.Select(f => HotlineAttachments.Build(ticket.Id, received, f.Checked, f.Upload.Content, "caller", f.Upload.Public, actor, null, now)).ToList();
                db.Set<HotlineAttachment>().AddRange(attachments);
                await db.SaveChangesAsync(cancellationToken);
                foreach (var attachment in attachments)
                {
                    audit.Record("hotline.attachment.add", ticket.Number, HotlineAttachments.Describe(attachment), actorName: actor);
                }

                await db.SaveChangesAsync(cancellationToken);
            }
        }, cancellationToken);
        return ticket;
    }

    /// <summary>What the public may read of a caller's words: their own contact details struck out, then the
    /// safeguards' masking of any other personal data (ID numbers, phones, e-mail, names).</summary>
    public static string PublicText(string text, string name, string phone, string email, DateOnly today)
    {
        // A name given as "姓 名" is also written without the space, and each part alone.
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var own in new[] { name, string.Concat(parts), phone, email }.Concat(parts).Where(v => v.Length >= 2).Distinct().OrderByDescending(v => v.Length))
        {
            text = text.Replace(own, new string('＊', Math.Min(own.Length, 6)), StringComparison.OrdinalIgnoreCase);
        }

        return Safeguards.SafeguardsChecker.Check(text, null, Safeguards.SafeguardsProfile.Default, today).Masked;
    }

    public bool InsideCity(double latitude, double longitude) =>
        latitude >= Options.MinLatitude && latitude <= Options.MaxLatitude && longitude >= Options.MinLongitude && longitude <= Options.MaxLongitude;

    /// <summary>Finds a ticket by its number or its numeric id.</summary>
    public async Task<HotlineTicket?> FindAsync(string reference, bool track = false, CancellationToken cancellationToken = default)
    {
        var tickets = track ? db.Set<HotlineTicket>() : db.Set<HotlineTicket>().AsNoTracking();
        var trimmed = reference.Trim();
        return int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? await tickets.Include(t => t.Events).SingleOrDefaultAsync(t => t.Id == id, cancellationToken)
            : await tickets.Include(t => t.Events).SingleOrDefaultAsync(t => t.Number == trimmed, cancellationToken);
    }

    /// <summary>Whether the user may see this ticket (and the caller's contact on it): the centre sees every ticket,
    /// a body's handlers the tickets with their body (now or before).</summary>
    public async Task<bool> MaySeeAsync(ClaimsPrincipal user, HotlineTicket ticket, CancellationToken cancellationToken = default)
    {
        if (permissions.Grants(user, HotlinePermissions.Operate))
        {
            return true;
        }

        if (!permissions.Grants(user, HotlinePermissions.Handle))
        {
            return false;
        }

        var bodies = ticket.Events.Where(e => e.BodyId is not null).Select(e => e.BodyId!.Value).Append(ticket.BodyId ?? 0).Distinct();
        foreach (var body in bodies)
        {
            if (body != 0 && await scope.MayActForAsync(user, body, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    public async Task<Outcome<TicketView>> ViewAsync(ClaimsPrincipal user, string reference, CancellationToken cancellationToken = default)
    {
        var ticket = await FindAsync(reference, cancellationToken: cancellationToken);
        if (ticket is null)
        {
            return Refusal.NotFound($"没有编号为“{reference}”的工单。", "未找到工单");
        }

        if (!await MaySeeAsync(user, ticket, cancellationToken))
        {
            return Refusal.Forbidden("这件工单不在您的办理范围内。");
        }

        return await DescribeAsync(ticket, cancellationToken);
    }

    /// <summary>The ticket with its category, body and clock (computed afresh from the events).</summary>
    public async Task<TicketView> DescribeAsync(HotlineTicket ticket, CancellationToken cancellationToken = default)
    {
        var categories = await CategoriesAsync(cancellationToken);
        var category = categories.Single(c => c.Id == ticket.CategoryId);
        var (limit, source) = (await LimitsAsync(categories, cancellationToken)).For(PathOf(category, categories), TicketVocabulary.ParseUrgency(ticket.Urgency) ?? Urgency.General);
        var body = ticket.BodyId is { } id ? await directory.FindAsync(id, cancellationToken) : null;
        TicketClockResult? computed;
        try
        {
            computed = TicketClock.Compute(ClockEvents(ticket), limit, await calendars.GetCalendarAsync(cancellationToken));
        }
        catch (CalendarYearMissingException)
        {
            computed = null;
        }

        return new TicketView(ticket, category, body?.Name, body?.Code, computed, limit, source);
    }

    private static List<ClockEvent> ClockEvents(HotlineTicket ticket) => ticket.Events.OrderBy(e => e.At).ThenBy(e => e.Id)
        .Select(e => (Type: TicketVocabulary.ParseEvent(e.Type), e))
        .Where(x => x.Type is not null)
        .Select(x => new ClockEvent(x.Type!.Value, x.e.At, x.e.WorkingDays)).ToList();

    /// <summary>Events the 12345 centre records; the others are the handling body's.</summary>
    public static readonly IReadOnlySet<TicketEventType> CentreEvents = new HashSet<TicketEventType>
    {
        TicketEventType.Dispatched, TicketEventType.ExtensionApproved, TicketEventType.ExtensionRefused, TicketEventType.Evaluated, TicketEventType.Reopened,
        TicketEventType.AnsweredDirectly, TicketEventType.Merged,
    };

    /// <summary>What the flow needs to know about a ticket, including an extension request waiting for the centre.</summary>
    public static TicketState StateOf(HotlineTicket ticket) => new(
        TicketVocabulary.ParseStatus(ticket.Status) ?? TicketStatus.Received, ticket.ReopenCount, TicketVocabulary.ParseRating(ticket.Rating), ticket.BodyId is not null,
        TicketFlow.PendingExtension(ticket.Events.OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => (Type: TicketVocabulary.ParseEvent(e.Type), e.WorkingDays)).Where(e => e.Type is not null).Select(e => (e.Type!.Value, e.WorkingDays))));

    /// <summary>Records one event: permission and body scope, the flow's order, then the ticket, its clock and the
    /// audit row in one unit of work. A concurrent change to the same ticket is refused as a conflict.</summary>
    public async Task<Outcome<TicketView>> RecordAsync(ClaimsPrincipal user, string reference, TicketEventDraft draft, CancellationToken cancellationToken = default)
    {
        var type = TicketVocabulary.ParseEvent(draft.Type);
        if (type is null or TicketEventType.Received)
        {
            return Refusal.InvalidField("type", "事件类型应为 dispatched、signed、returned、extension-requested、extension-approved、extension-refused、replied、evaluated、reopened、answered-directly 或 merged。", "事件类型有误");
        }

        var ticket = await FindAsync(reference, track: true, cancellationToken);
        if (ticket is null)
        {
            return Refusal.NotFound($"没有编号为“{reference}”的工单。", "未找到工单");
        }

        var centre = CentreEvents.Contains(type.Value);
        if (centre && !permissions.Grants(user, HotlinePermissions.Operate))
        {
            return Refusal.Forbidden($"{TicketVocabulary.ChineseName(type.Value)}由12345中心办理。");
        }

        if (!centre && !(permissions.Grants(user, HotlinePermissions.Handle) && ticket.BodyId is { } bodyId && await scope.MayActForAsync(user, bodyId, cancellationToken)))
        {
            return Refusal.Forbidden($"{TicketVocabulary.ChineseName(type.Value)}由承办单位办理，这件工单不在您单位名下。");
        }

        return await ApplyAsync(ticket, type.Value, draft, StaffClaims.DisplayNameOf(user), cancellationToken);
    }

    /// <summary>The citizen's own evaluation through the web link (回访 by web): the ticket's number and its 查询码 stand
    /// for the caller, as on the tracking page. 不满意 needs a reason, which the centre reads before deciding to reopen.</summary>
    public async Task<Outcome<TicketView>> EvaluateByCitizenAsync(string number, string token, string? rating, string? reason, CancellationToken cancellationToken = default)
    {
        var ticket = await FindByTokenAsync(number, token, track: true, cancellationToken);
        if (ticket is null)
        {
            return Refusal.NotFound("工单编号或查询码不正确。", "未找到工单");
        }

        if (TicketVocabulary.ParseRating(rating) == Rules.Rating.Unsatisfied && string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.InvalidField("reason", "选择“不满意”时，请写明不满意的原因，以便中心决定是否重办。");
        }

        return await ApplyAsync(ticket, TicketEventType.Evaluated, new TicketEventDraft("evaluated", Reason: reason, Rating: rating), "市民（网上评价）", cancellationToken);
    }

    /// <summary>The evaluation through the link sent by SMS: its token stands for the caller.</summary>
    public async Task<Outcome<TicketView>> EvaluateByLinkAsync(string token, string? rating, string? reason, CancellationToken cancellationToken = default)
    {
        var ticket = await FindByEvaluationTokenAsync(token, track: true, cancellationToken);
        return ticket is null ? Refusal.NotFound("评价链接无效。", "未找到工单")
            : await EvaluateByCitizenAsync(ticket.Number, ticket.Token, rating, reason, cancellationToken);
    }

    /// <summary>A ticket by the token of its evaluation link; null when none matches.</summary>
    public async Task<HotlineTicket?> FindByEvaluationTokenAsync(string token, bool track = false, CancellationToken cancellationToken = default)
    {
        var trimmed = token.Trim().ToLowerInvariant();
        if (trimmed.Length != 32)
        {
            return null;
        }

        var tickets = track ? db.Set<HotlineTicket>() : db.Set<HotlineTicket>().AsNoTracking();
        return await tickets.Include(t => t.Events).SingleOrDefaultAsync(t => t.EvaluationToken == trimmed, cancellationToken);
    }

    /// <summary>A ticket by its number and 查询码 (the Open311 token), as the caller holds them; null when they do not match.</summary>
    public async Task<HotlineTicket?> FindByTokenAsync(string number, string token, bool track = false, CancellationToken cancellationToken = default)
    {
        var trimmedNumber = number.Trim();
        var trimmedToken = token.Trim().ToLowerInvariant();
        if (trimmedNumber.Length == 0 || trimmedToken.Length < 8)
        {
            return null;
        }

        var tickets = track ? db.Set<HotlineTicket>() : db.Set<HotlineTicket>().AsNoTracking();
        var ticket = await tickets.Include(t => t.Events).SingleOrDefaultAsync(t => t.Number == trimmedNumber, cancellationToken);
        return ticket is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(ticket.Token), System.Text.Encoding.ASCII.GetBytes(trimmedToken)) ? ticket : null;
    }

    /// <summary>The ticket the caller should follow: the one it was merged into, or itself.</summary>
    public async Task<HotlineTicket> FollowedAsync(HotlineTicket ticket, CancellationToken cancellationToken = default) =>
        ticket.MergedIntoId is { } main
            ? await db.Set<HotlineTicket>().AsNoTracking().SingleAsync(t => t.Id == main, cancellationToken)
            : ticket;

    /// <summary>Open tickets that may be the same matter at the same place: same category, same district (or both without
    /// one), taken in within the last 30 days, not merged themselves. The dispatcher judges.</summary>
    public async Task<IReadOnlyList<HotlineTicket>> PossibleDuplicatesAsync(HotlineTicket ticket, CancellationToken cancellationToken = default)
    {
        var since = ticket.ReceivedAt.AddDays(-30);
        return await db.Set<HotlineTicket>().AsNoTracking()
            .Where(t => t.Id != ticket.Id && t.CategoryId == ticket.CategoryId && t.District == ticket.District && t.MergedIntoId == null
                && t.IsOpen && t.ReceivedAt >= since)
            .OrderByDescending(t => t.ReceivedAt).Take(10).ToListAsync(cancellationToken);
    }

    /// <summary>Tickets merged into this one (their callers hear its reply).</summary>
    public async Task<IReadOnlyList<HotlineTicket>> MergedIntoAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Set<HotlineTicket>().AsNoTracking().Where(t => t.MergedIntoId == id).OrderBy(t => t.ReceivedAt).ToListAsync(cancellationToken);

    private async Task<Outcome<TicketView>> ApplyAsync(HotlineTicket ticket, TicketEventType type, TicketEventDraft draft, string actor, CancellationToken cancellationToken)
    {
        Body? target = null;
        if (type == TicketEventType.Dispatched && !string.IsNullOrWhiteSpace(draft.Body))
        {
            target = await directory.FindByCodeAsync(draft.Body.Trim(), cancellationToken);
            if (target is null)
            {
                return Refusal.InvalidField("body", $"没有代码为“{draft.Body}”的机关。", "承办单位有误");
            }
        }

        HotlineTicket? main = null;
        if (type == TicketEventType.Merged && !string.IsNullOrWhiteSpace(draft.Into))
        {
            main = await FindAsync(draft.Into, track: true, cancellationToken);
            if (main is null)
            {
                return Refusal.InvalidField("into", $"没有编号为“{draft.Into}”的工单。", "主工单有误");
            }

            if (main.Id == ticket.Id || main.MergedIntoId is not null || !main.IsOpen)
            {
                return Refusal.Conflict(main.Id == ticket.Id ? "工单不能并入自己。"
                    : main.MergedIntoId is not null ? $"工单 {main.Number} 本身已并入其他工单，请并入主工单。"
                    : $"工单 {main.Number} 已经办结，不能再并入。", "不能合并");
            }

            if (main.District.Length > 0 && ticket.District.Length > 0 && main.District != ticket.District)
            {
                return Refusal.Conflict($"两件工单的地点不在同一区县（{ticket.District}、{main.District}），不是同一地点的同一事项。", "不能合并");
            }
        }

        HotlineKnowledgeEntry? entry = null;
        if (type == TicketEventType.AnsweredDirectly && draft.KnowledgeEntry is { } entryId)
        {
            entry = await db.Set<HotlineKnowledgeEntry>().AsNoTracking().SingleOrDefaultAsync(k => k.Id == entryId && k.Active, cancellationToken);
            if (entry is null)
            {
                return Refusal.InvalidField("knowledgeEntry", $"没有编号为 {entryId} 的有效知识库条目。", "知识库条目有误");
            }
        }

        var replyText = type == TicketEventType.AnsweredDirectly && entry is not null && string.IsNullOrWhiteSpace(draft.Text)
            ? $"{entry.Answer}（依据：{entry.Source}）"
            : draft.Text;
        var rating = TicketVocabulary.ParseRating(draft.Rating);
        var state = StateOf(ticket);
        var next = TicketFlow.Apply(state, new TicketStep(type, target is not null, draft.Reason, draft.WorkingDays, replyText, rating, main is not null));
        if (!next.Succeeded)
        {
            return next.Refusal;
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        var text = (type is TicketEventType.Replied or TicketEventType.AnsweredDirectly ? replyText : draft.Reason)?.Trim() ?? "";
        ticket.Events.Add(new HotlineTicketEvent
        {
            Type = TicketVocabulary.Code(type),
            At = now,
            Actor = actor,
            BodyId = target?.Id ?? ticket.BodyId,
            Text = type switch
            {
                TicketEventType.Dispatched => $"派至{target?.Name}",
                TicketEventType.Merged => $"与工单 {main!.Number} 为同一地点的同一事项，并入该工单办理",
                TicketEventType.AnsweredDirectly when entry is not null => $"{text}〔知识库：{entry.Title}〕",
                _ => text,
            },
            // An approval without days grants what the body asked for; the clock reads the days from this event.
            WorkingDays = type switch
            {
                TicketEventType.ExtensionRequested => draft.WorkingDays,
                TicketEventType.ExtensionApproved => draft.WorkingDays ?? state.PendingExtensionDays,
                _ => null,
            },
            Rating = rating is { } r && type == TicketEventType.Evaluated ? TicketVocabulary.Code(r) : null,
        });
        ticket.Status = TicketVocabulary.Code(next.Value!.Status);
        ticket.ReopenCount = next.Value.ReopenCount;
        switch (type)
        {
            case TicketEventType.Dispatched:
                ticket.BodyId = target!.Id;
                break;
            case TicketEventType.Returned:
                ticket.BodyId = null;
                break;
            case TicketEventType.Replied:
            case TicketEventType.AnsweredDirectly:
                ticket.ReplyText = text;
                ticket.RepliedAt = now;
                ticket.KnowledgeEntryId = entry?.Id;
                break;
            case TicketEventType.Evaluated:
                ticket.Rating = TicketVocabulary.Code(rating!.Value);
                break;
            case TicketEventType.Reopened:
                ticket.Rating = null;
                break;
            case TicketEventType.Merged:
                ticket.MergedIntoId = main!.Id;
                main.Events.Add(new HotlineTicketEvent
                {
                    Type = TicketVocabulary.Code(TicketEventType.Merged), At = now, Actor = actor, BodyId = main.BodyId,
                    Text = $"重复工单 {ticket.Number} 并入本工单，办理结果一并告知其来电人",
                });
                main.UpdatedAt = now;
                audit.Record("hotline.merged", main.Number, $"并入重复工单 {ticket.Number}", main.BodyId, actor);
                break;
            default:
                break;
        }

        var view = await DescribeAsync(ticket, cancellationToken);
        Stamp(ticket, view.Clock, now);
        if (type == TicketEventType.Merged)
        {
            // The duplicate's caller follows the main ticket: open while it is, no limits of its own.
            ticket.IsOpen = true;
            ticket.NextDueAt = null;
            await InformAsync(ticket, $"12345：您的诉求 {ticket.Number} 已合并办理",
                $"您反映的诉求与工单 {main!.Number} 为同一地点的同一事项，已并入该工单统一办理，办理结果将一并告知您。", cancellationToken);
        }

        if (type is TicketEventType.Replied or TicketEventType.AnsweredDirectly or TicketEventType.Reopened)
        {
            await FollowMainAsync(ticket, type, now, cancellationToken);
        }

        if (type == TicketEventType.Replied)
        {
            SendEvaluationLink(ticket);
        }

        if (type is TicketEventType.ExtensionRequested or TicketEventType.ExtensionApproved or TicketEventType.ExtensionRefused && ticket.BodyId is { } handlingBody)
        {
            await TellAboutExtensionAsync(ticket, type, handlingBody, draft.Reason?.Trim() ?? "", state.PendingExtensionDays, draft.WorkingDays, cancellationToken);
        }

        audit.Record("hotline." + TicketVocabulary.Code(type), ticket.Number,
            type switch
            {
                TicketEventType.Dispatched => $"派至 {target!.Code}",
                TicketEventType.Evaluated => TicketVocabulary.ChineseName(rating!.Value),
                TicketEventType.Merged => $"并入 {main!.Number}",
                TicketEventType.AnsweredDirectly when entry is not null => $"知识库条目 {entry.Id}",
                TicketEventType.ExtensionRequested => $"申请延期 {draft.WorkingDays} 个工作日",
                TicketEventType.ExtensionApproved => $"批准延期 {draft.WorkingDays ?? state.PendingExtensionDays} 个工作日",
                TicketEventType.ExtensionRefused => $"不同意延期 {state.PendingExtensionDays} 个工作日",
                _ => null,
            },
            target?.Id ?? ticket.BodyId, actor);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("这件工单刚刚被其他人办理过，请刷新后再试。");
        }

        return view;
    }

    /// <summary>Tickets merged into <paramref name="main"/> follow it: the reply is theirs too (and their callers are told
    /// it), a reopening opens them again.</summary>
    private async Task FollowMainAsync(HotlineTicket main, TicketEventType type, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var merged = await db.Set<HotlineTicket>().Where(t => t.MergedIntoId == main.Id).ToListAsync(cancellationToken);
        foreach (var duplicate in merged)
        {
            duplicate.UpdatedAt = now;
            if (type == TicketEventType.Reopened)
            {
                duplicate.IsOpen = true;
                continue;
            }

            duplicate.IsOpen = false;
            duplicate.ReplyText = main.ReplyText;
            duplicate.RepliedAt = now;
            await InformAsync(duplicate, $"12345：您的诉求 {duplicate.Number} 已办结",
                $"您反映的诉求已并入工单 {main.Number} 办理。答复如下：\n{main.ReplyText}", cancellationToken);
        }
    }

    /// <summary>The link a caller opens to rate the reply: the tracking page keyed by the ticket's evaluation token.</summary>
    public string EvaluationLink(HotlineTicket ticket)
    {
        var configured = smsOptions.Value.PublicBaseUrl.Trim().TrimEnd('/');
        var request = http.HttpContext?.Request;
        var origin = configured.Length > 0 ? configured : request is not null ? $"{request.Scheme}://{request.Host}" : "http://localhost";
        return $"{origin}/hotline/track?e={ticket.EvaluationToken}";
    }

    /// <summary>After the reply, a caller who gave a mobile number and agreed gets the evaluation link by SMS (queued in
    /// this unit of work; recorded only, when no gateway is configured).</summary>
    private void SendEvaluationLink(HotlineTicket ticket)
    {
        if (!ticket.SmsConsent || ticket.EvaluationToken.Length == 0 || HotlineSms.Mobile(ticket.CallerPhone) is not { } mobile)
        {
            return;
        }

        var signature = smsOptions.Value.Signature.Trim();
        sms.Queue(mobile, $"{(signature.Length > 0 ? $"【{signature}】" : "")}您反映的诉求（工单{ticket.Number}）已办结，请对办理结果评价：{EvaluationLink(ticket)}",
            "hotline.evaluation-link", ticket.Id);
        audit.Record("hotline.sms.evaluation-link", ticket.Number, "办结后向来电人发送评价链接短信", ticket.BodyId);
    }

    /// <summary>An extension request goes to the centre's operators; the decision (with the reason for a refusal) to the
    /// handling body's handlers, who also see it on the ticket page.</summary>
    private async Task TellAboutExtensionAsync(HotlineTicket ticket, TicketEventType type, int bodyId, string reason, int? requested, int? granted, CancellationToken cancellationToken)
    {
        var link = $"/admin/hotline/tickets/{ticket.Number}";
        var (role, subject, body) = type switch
        {
            TicketEventType.ExtensionRequested => (StaffRoles.HotlineOperator, $"12345：工单 {ticket.Number} 申请延期 {granted} 个工作日",
                $"承办单位申请延期 {granted} 个工作日，理由：{reason}\n请审批：{link}"),
            TicketEventType.ExtensionApproved => (StaffRoles.HotlineHandler, $"12345：工单 {ticket.Number} 延期已批准",
                $"中心已批准延期 {granted ?? requested} 个工作日，新的办结期限见工单：{link}"),
            _ => (StaffRoles.HotlineHandler, $"12345：工单 {ticket.Number} 延期申请未获批准",
                $"中心不同意延期 {requested} 个工作日，原办结期限不变。理由：{reason}\n{link}"),
        };
        var recipients = (await users.GetUsersInRoleAsync(role))
            .Where(u => role == StaffRoles.HotlineOperator || u.BodyId == bodyId).Select(u => u.Id).ToList();
        if (recipients.Count > 0)
        {
            await notifier.NotifyAsync(new Notification(recipients, subject, body, "hotline." + TicketVocabulary.Code(type)), cancellationToken);
        }
    }

    /// <summary>Tells a caller who left an e-mail address; callers who left only a phone number are called back by the
    /// centre (the main ticket's page lists every merged caller's contact).</summary>
    private async Task InformAsync(HotlineTicket ticket, string subject, string body, CancellationToken cancellationToken)
    {
        if (ticket.CallerEmail.Length > 0)
        {
            await notifier.NotifyAsync(new Notification([ticket.CallerEmail], subject, body, "hotline.caller-informed"), cancellationToken);
        }
    }

    /// <summary>Copies the clock into the ticket's columns the queues and statistics read.</summary>
    private static void Stamp(HotlineTicket ticket, TicketClockResult? computed, DateTimeOffset now)
    {
        var status = TicketVocabulary.ParseStatus(ticket.Status) ?? TicketStatus.Received;
        ticket.IsOpen = TicketFlow.IsOpen(status);
        // Stored in UTC: SQLite keeps DateTimeOffset as ticks of the local clock time, so only one offset orders correctly.
        ticket.SignDueAt = computed?.SignDueAt?.ToUniversalTime();
        ticket.ReplyDueAt = computed?.ReplyDueAt?.ToUniversalTime();
        ticket.NextDueAt = !ticket.IsOpen ? null
            : ticket.SignDueAt is { } sign && (ticket.ReplyDueAt is null || sign < ticket.ReplyDueAt) ? sign : ticket.ReplyDueAt;
        ticket.SignedOnTime = computed?.SignedOnTime ?? ticket.SignedOnTime;
        ticket.RepliedOnTime = computed?.RepliedOnTime ?? ticket.RepliedOnTime;
        ticket.Supervised = false;
        ticket.UpdatedAt = now;
    }

    /// <summary>Tickets for a queue or the API: the centre sees every body's, a handler only those with the bodies in
    /// scope. Ordered by the nearest limit (overdue first), then intake.</summary>
    public async Task<Outcome<IReadOnlyList<HotlineTicket>>> ListAsync(ClaimsPrincipal user, TicketFilter filter, CancellationToken cancellationToken = default)
    {
        var query = db.Set<HotlineTicket>().AsNoTracking();
        if (!permissions.Grants(user, HotlinePermissions.Operate))
        {
            var inScope = await scope.BodiesInScopeAsync(user, cancellationToken);
            if (inScope is not null)
            {
                query = query.Where(t => t.BodyId != null && inScope.Contains(t.BodyId.Value));
            }
        }

        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            if (filter.Status.Trim() == "open")
            {
                // A merged duplicate is open while its main ticket is, but is handled there.
                query = query.Where(t => t.IsOpen && t.MergedIntoId == null);
            }
            else if (TicketVocabulary.ParseStatus(filter.Status) is { } status)
            {
                var code = TicketVocabulary.Code(status);
                query = query.Where(t => t.Status == code);
            }
            else
            {
                return Refusal.InvalidField("status", $"没有名为“{filter.Status}”的工单状态。");
            }
        }

        if (!string.IsNullOrWhiteSpace(filter.Body))
        {
            var body = await directory.FindByCodeAsync(filter.Body.Trim(), cancellationToken);
            if (body is null)
            {
                return Refusal.InvalidField("body", $"没有代码为“{filter.Body}”的机关。");
            }

            query = query.Where(t => t.BodyId == body.Id);
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        if (filter.Overdue)
        {
            query = query.Where(t => t.IsOpen && t.NextDueAt < now);
        }
        else if (filter.DueSoon)
        {
            var soon = now + Options.DueSoonWindow;
            query = query.Where(t => t.IsOpen && t.NextDueAt >= now && t.NextDueAt <= soon);
        }

        var limit = Math.Clamp(filter.Limit, 1, 500);
        // Nearest limit first, then tickets without one. Two reads, each in the order of the (BodyId, IsOpen, NextDueAt) or
        // (IsOpen, NextDueAt) index, stop after `limit` rows; one ORDER BY "NextDueAt IS NULL, …" made the database sort
        // every matching row first (tens of thousands of open tickets at 1,000,000).
        var rows = await query.Where(t => t.NextDueAt != null).OrderBy(t => t.NextDueAt).ThenBy(t => t.Id).Take(limit).ToListAsync(cancellationToken);
        if (rows.Count < limit && !filter.Overdue && !filter.DueSoon)
        {
            rows.AddRange(await query.Where(t => t.NextDueAt == null).OrderBy(t => t.Id).Take(limit - rows.Count).ToListAsync(cancellationToken));
        }

        return rows;
    }

    private async Task<string> NextNumberAsync(int year, CancellationToken cancellationToken)
    {
        var next = await sequences.NextAsync(string.Create(CultureInfo.InvariantCulture, $"hotline-ticket/{year}"), cancellationToken: cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"12345-{year}-{next:D7}");
    }
}
