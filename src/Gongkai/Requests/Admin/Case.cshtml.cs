using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Requests.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Requests.Admin;

/// <summary>One request for the officer: applicant data, events, the deadline explained day by day, and the form to
/// record the next event (including the reply).</summary>
[Authorize(Policy = RequestsPermissions.HandleRequests)]
public sealed class CaseModel(RequestDesk desk, RequestCaseWork work, Organizations.BodyDirectory directory, RequestReplyFiles replyFiles) : PageModel
{
    /// <summary>The files sent with the reply.</summary>
    public IReadOnlyList<ReplyFile> ReplyFiles { get; private set; } = [];

    public string AcceptedReplyFileTypes => replyFiles.AcceptedExtensions;

    /// <summary>Why the last reply file was refused (wrong type, too large …).</summary>
    public string? ReplyFileError { get; private set; }

    public DisclosureRequest? Application { get; private set; }

    public ClockResult? Clock { get; private set; }

    public string? ClockError { get; private set; }

    public RequestReply? Reply { get; private set; }

    [BindProperty]
    public EventForm Event { get; set; } = new();

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Recorded { get; private set; }

    public string[] ErrorsFor(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    [BindProperty]
    public AppealForm Appeal { get; set; } = new();

    public IReadOnlyDictionary<string, string[]> AppealErrors { get; private set; } = new Dictionary<string, string[]>();

    public IReadOnlyList<RequestAppeal> Appeals { get; private set; } = [];

    public IReadOnlyList<StaffUser> Officers { get; private set; } = [];

    public IReadOnlyList<DuplicateHint> Duplicates { get; private set; } = [];

    public IReadOnlyList<Organizations.Body> OtherBodies { get; private set; } = [];

    public IReadOnlyList<Platform.Audit.AuditEntry> History { get; private set; } = [];

    public int MonthlyOrdinal { get; private set; }

    public string? AssignError { get; private set; }

    /// <summary>What the last action did (stage advanced, officer assigned, appeal recorded), shown once after the redirect.</summary>
    [TempData]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(string trackingNumber, string? recorded, CancellationToken cancellationToken)
    {
        Recorded = recorded;
        return await LoadAsync(trackingNumber, cancellationToken, viewing: true) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        var result = await desk.RecordEventAsync(User, trackingNumber, new EventDraft(Event.Type, Event.On, Event.WorkingDays, Event.Decision, Event.Details, Event.FeeMethod, Event.Pages, Event.ResponsibleBody), cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/admin/requests/{result.Value.Request.TrackingNumber}?recorded={Uri.EscapeDataString(Event.Type ?? "")}");
        }

        if (result.Refusal.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
        {
            return this.Refused(result.Refusal);
        }

        // The page holds several forms; the event form lists its own errors, apart from the appeal's.
        Errors = result.Refusal.Errors;
        await LoadAsync(trackingNumber, cancellationToken);
        return Page();
    }

    public string? StageError { get; private set; }

    public async Task<IActionResult> OnPostAdvanceAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        var advanced = await desk.AdvanceStageAsync(User, trackingNumber, cancellationToken);
        StageError = advanced.Refusal?.Message;
        if (advanced.Succeeded)
        {
            Confirmation = "已进入下一办理环节。";
            return Redirect($"/admin/requests/{trackingNumber.Trim().ToUpperInvariant()}");
        }

        return await LoadAsync(trackingNumber, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAssignAsync(string trackingNumber, string? assignee, CancellationToken cancellationToken)
    {
        var assigned = await work.AssignAsync(User, trackingNumber, assignee, cancellationToken);
        AssignError = assigned.Refusal?.Message;
        if (assigned.Succeeded)
        {
            Confirmation = string.IsNullOrWhiteSpace(assignee) ? "已取消分配承办人。" : "承办人已分配。";
            return Redirect($"/admin/requests/{trackingNumber.Trim().ToUpperInvariant()}");
        }

        return await LoadAsync(trackingNumber, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAppealAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        var recorded = await work.RecordAppealAsync(User, trackingNumber, new AppealDraft(Appeal.Kind, Appeal.FiledOn, Appeal.Outcome, Appeal.DecidedOn, Appeal.Reference, Appeal.Details), cancellationToken);
        if (recorded.Succeeded)
        {
            Confirmation = "行政复议或诉讼情况已登记。";
            return Redirect($"/admin/requests/{trackingNumber.Trim().ToUpperInvariant()}#appeals");
        }

        AppealErrors = recorded.Refusal.Errors;
        return await LoadAsync(trackingNumber, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDecideAppealAsync(string trackingNumber, int appealId, string? outcome, DateOnly? decidedOn, CancellationToken cancellationToken)
    {
        var decided = await work.DecideAppealAsync(User, trackingNumber, appealId, outcome, decidedOn, cancellationToken);
        if (decided.Succeeded)
        {
            Confirmation = "复议或诉讼结果已登记。";
            return Redirect($"/admin/requests/{trackingNumber.Trim().ToUpperInvariant()}#appeals");
        }

        AppealErrors = decided.Refusal.Errors;
        return await LoadAsync(trackingNumber, cancellationToken) ? Page() : NotFound();
    }

    /// <summary>Adds a file to the reply (multipart form; works without JavaScript).</summary>
    public async Task<IActionResult> OnPostReplyFileAsync(string trackingNumber, IFormFile? file, CancellationToken cancellationToken)
    {
        Outcome<ReplyFile> added;
        if (file is null || file.Length == 0)
        {
            added = Refusal.InvalidField("file", "请选择要上传的答复附件。", "缺少文件");
        }
        else
        {
            await using var stream = file.OpenReadStream();
            added = await replyFiles.AddAsync(User, trackingNumber, file.FileName, stream, cancellationToken);
        }

        if (added.Succeeded)
        {
            Confirmation = $"答复附件“{added.Value.FileName}”已上传，申请人可在申请查询页面凭申请编号和查询码下载。";
            return Redirect($"/admin/requests/{trackingNumber.Trim().ToUpperInvariant()}#reply");
        }

        if (added.Refusal.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
        {
            return this.Refused(added.Refusal);
        }

        ReplyFileError = added.Refusal.Errors.Values.SelectMany(m => m).FirstOrDefault() ?? added.Refusal.Message;
        return await LoadAsync(trackingNumber, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRemoveReplyFileAsync(string trackingNumber, int attachmentId, CancellationToken cancellationToken)
    {
        var removed = await replyFiles.RemoveAsync(User, trackingNumber, attachmentId, cancellationToken);
        if (!removed.Succeeded)
        {
            return this.Refused(removed.Refusal ?? Refusal.NotFound("未找到附件。"));
        }

        Confirmation = "答复附件已删除。";
        return Redirect($"/admin/requests/{trackingNumber.Trim().ToUpperInvariant()}#reply");
    }

    /// <summary>The file as the applicant gets it, for the officer to check.</summary>
    public async Task<IActionResult> OnGetReplyFileAsync(string trackingNumber, int attachmentId, CancellationToken cancellationToken)
    {
        var attachment = await replyFiles.ForStaffAsync(User, trackingNumber, attachmentId, cancellationToken);
        return attachment is null ? NotFound() : File(attachment.Content, attachment.MediaType, attachment.FileName);
    }

    public string[] AppealErrorsFor(string field) => AppealErrors.TryGetValue(field, out var messages) ? messages : [];

    private async Task<bool> LoadAsync(string trackingNumber, CancellationToken cancellationToken, bool viewing = false)
    {
        Application = viewing
            ? await desk.OpenForStaffAsync(User, trackingNumber, "查看办理页面", cancellationToken)
            : await desk.FindForStaffAsync(User, trackingNumber, cancellationToken);
        if (Application is null)
        {
            return false;
        }

        try
        {
            Clock = await desk.ClockOfAsync(Application, cancellationToken);
        }
        catch (RequestClockException exception)
        {
            // A calendar edit can make a stored event list uncountable (e.g. a year removed); say so instead of failing.
            ClockError = exception.Message;
        }

        Reply = await desk.ReplyOfAsync(Application.Id, cancellationToken);
        ReplyFiles = await replyFiles.ListAsync(Application.Id, cancellationToken);
        Event.On ??= desk.Today;
        Appeal.FiledOn ??= desk.Today;
        Appeals = await work.AppealsOfAsync(Application.Id, cancellationToken);
        Officers = await work.OfficersOfAsync(Application.BodyId);
        Duplicates = await work.DuplicatesOfAsync(Application, cancellationToken);
        History = await work.HistoryOfAsync(Application, cancellationToken);
        MonthlyOrdinal = await desk.MonthlyOrdinalAsync(Application, cancellationToken);
        OtherBodies = (await directory.LoadAsync(cancellationToken)).All.Where(b => b.Id != Application.BodyId).ToList();
        return true;
    }

    public sealed class EventForm
    {
        public string? Type { get; set; }

        public DateOnly? On { get; set; }

        public int? WorkingDays { get; set; }

        public string? Decision { get; set; }

        public string? Details { get; set; }

        public string? FeeMethod { get; set; }

        public int? Pages { get; set; }

        public string? ResponsibleBody { get; set; }
    }

    public sealed class AppealForm
    {
        public string? Kind { get; set; }

        public DateOnly? FiledOn { get; set; }

        public string? Outcome { get; set; }

        public DateOnly? DecidedOn { get; set; }

        public string? Reference { get; set; }

        public string? Details { get; set; }
    }
}
