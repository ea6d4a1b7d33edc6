using Gongkai.Hotline.Rules;
using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Hotline.Admin;

/// <summary>One ticket: what was asked, who asked (for those who may see it), the clock and why, every event, and the
/// forms for the steps the flow allows now and the user may take.</summary>
[Authorize(Policy = HotlinePermissions.View)]
[RequestSizeLimit(HotlineAttachments.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = HotlineAttachments.MaxRequestBytes)]
public sealed class TicketModel(
    HotlineDesk desk, HotlineKnowledge knowledge, HotlineCases cases, HotlineAttachments attachments, BodyDirectory directory, RolePermissions permissions, BodyScope scope,
    TimeProvider clock) : PageModel
{
    /// <summary>A file sent with a step (the reply, a return …) or on its own.</summary>
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<TicketFile> Files { get; private set; } = [];

    /// <summary>Whether the user may add files now (the centre, or a handler of the body the ticket is with).</summary>
    public bool MayAttach { get; private set; }

    /// <summary>The working days of an extension request waiting for the centre.</summary>
    public int? PendingExtensionDays { get; private set; }

    /// <summary>The centre's latest refusal of an extension request, while the ticket is still handled: the handler reads why.</summary>
    public HotlineTicketEvent? ExtensionRefusal { get; private set; }

    /// <summary>The evaluation link for the caller (sent by SMS when they agreed).</summary>
    public string EvaluationLink { get; private set; } = "";

    /// <summary>A ticket's file, for those who may see the ticket (the centre and the bodies it is or was with).</summary>
    public async Task<IActionResult> OnGetFileAsync(string number, int id, CancellationToken cancellationToken)
    {
        var file = await attachments.DownloadAsync(User, number, id, cancellationToken);
        if (file is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        return File(file.Content, file.MediaType, file.FileName);
    }

    /// <summary>Adds a file to the ticket without recording a step.</summary>
    public async Task<IActionResult> OnPostAttachAsync(string number, CancellationToken cancellationToken)
    {
        if (Upload is null)
        {
            Error = "请选择要上传的照片或 PDF 文件。";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(number, cancellationToken);
        }

        await using var stream = Upload.OpenReadStream();
        var outcome = await attachments.AddAsync(User, number, Upload.FileName, await HotlineAttachments.ReadAsync(stream, cancellationToken), cancellationToken: cancellationToken);
        if (!outcome.Succeeded)
        {
            if (outcome.Refusal.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
            {
                return this.Refused(outcome.Refusal);
            }

            Error = Describe(outcome.Refusal);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(number, cancellationToken);
        }

        return Redirect($"/admin/hotline/tickets/{number}#files");
    }

    private static string Describe(Refusal refusal) =>
        string.Join(" ", new[] { refusal.Message }.Concat(refusal.Errors.Values.SelectMany(m => m)).Distinct());

    public TicketView View { get; private set; } = null!;

    public BodyHierarchy Bodies { get; private set; } = new([]);

    public IReadOnlyList<TicketEventType> Steps { get; private set; } = [];

    public string? ProposedBodyCode { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public string? Type { get; set; }

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public int? WorkingDays { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Rating { get; set; }

    [BindProperty]
    public int? KnowledgeEntry { get; set; }

    [BindProperty]
    public string? Into { get; set; }

    /// <summary>The knowledge-base search on the page (GET <c>?kb=</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "kb")]
    public string? KnowledgeQuery { get; set; }

    public IReadOnlyList<KnowledgeHit> KnowledgeHits { get; private set; } = [];

    public IReadOnlyList<HotlineTicket> Duplicates { get; private set; } = [];

    public IReadOnlyList<HotlineTicket> Merged { get; private set; } = [];

    public HotlineTicket? MergedInto { get; private set; }

    public HotlineKnowledgeEntry? QuotedEntry { get; private set; }

    public bool IsOperator { get; private set; }

    public bool MayAnswerDirectly => Steps.Contains(TicketEventType.AnsweredDirectly);

    public bool MayMerge { get; private set; }

    /// <summary>The ticket's typical case, when selected.</summary>
    public HotlineTypicalCase? Case { get; private set; }

    public bool MaySelectCase => IsOperator && View.Status is TicketStatus.Replied or TicketStatus.Evaluated or TicketStatus.AnsweredDirectly;

    [BindProperty]
    public string? CaseTitle { get; set; }

    [BindProperty]
    public string? CaseText { get; set; }

    /// <summary>Selects the ticket as a typical case (or rewrites it); publication happens on the cases page.</summary>
    public async Task<IActionResult> OnPostCaseAsync(string number, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, HotlinePermissions.Operate))
        {
            return Forbid();
        }

        var ticket = await desk.FindAsync(number, cancellationToken: cancellationToken);
        if (ticket is null)
        {
            return NotFound();
        }

        var outcome = await cases.SelectAsync(ticket, CaseTitle, CaseText, StaffClaims.DisplayNameOf(User), cancellationToken);
        if (!outcome.Succeeded)
        {
            Error = string.Join(" ", new[] { outcome.Refusal.Message }.Concat(outcome.Refusal.Errors.Values.SelectMany(m => m)).Distinct());
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(number, cancellationToken);
        }

        return Redirect("/admin/hotline/cases");
    }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) => await LoadAsync(number, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string number, CancellationToken cancellationToken)
    {
        // A file sent with the step is checked first: a bad one records nothing, and the page keeps what was typed.
        byte[]? upload = null;
        if (Upload is { Length: > 0 })
        {
            await using var stream = Upload.OpenReadStream();
            upload = await HotlineAttachments.ReadAsync(stream, cancellationToken);
            if (HotlineAttachments.Check(Upload.FileName, upload).Refusal is { } badFile)
            {
                Error = Describe(badFile);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return await LoadAsync(number, cancellationToken);
            }
        }

        var outcome = await desk.RecordAsync(User, number, new TicketEventDraft(Type, Body, Reason, WorkingDays, Text, Rating, KnowledgeEntry, Into), cancellationToken);
        if (!outcome.Succeeded)
        {
            if (outcome.Refusal.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
            {
                return this.Refused(outcome.Refusal);
            }

            Error = Describe(outcome.Refusal);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(number, cancellationToken);
        }

        if (upload is not null && Upload is not null)
        {
            var step = outcome.Value!.Ticket.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Last();
            var added = await attachments.AddAsync(User, number, Upload.FileName, upload, step.Id, cancellationToken);
            if (!added.Succeeded)
            {
                // The step is recorded; say why the file is not there rather than lose the step.
                Error = $"{TicketVocabulary.ChineseName(TicketVocabulary.ParseEvent(step.Type) ?? TicketEventType.Replied)}已登记，但附件未能保存：{Describe(added.Refusal)}";
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return await LoadAsync(number, cancellationToken);
            }
        }

        return Redirect($"/admin/hotline/tickets/{number}");
    }

    private async Task<IActionResult> LoadAsync(string number, CancellationToken cancellationToken)
    {
        var outcome = await desk.ViewAsync(User, number, cancellationToken);
        if (!outcome.Succeeded)
        {
            return this.Refused(outcome.Refusal);
        }

        View = outcome.Value!;
        Now = clock.GetUtcNow();
        Bodies = await directory.LoadAsync(cancellationToken);
        ProposedBodyCode = Bodies.Find(View.Ticket.ProposedBodyId)?.Code;
        var isOperator = permissions.Grants(User, HotlinePermissions.Operate);
        var isHandler = permissions.Grants(User, HotlinePermissions.Handle);
        var state = HotlineDesk.StateOf(View.Ticket);
        PendingExtensionDays = state.PendingExtensionDays;
        var next = TicketFlow.Next(state);
        IsOperator = isOperator;
        MayMerge = isOperator && next.Contains(TicketEventType.Merged);
        // Merging has its own panel (it names the other ticket).
        Steps = next.Where(step => step != TicketEventType.Merged && (HotlineDesk.CentreEvents.Contains(step) ? isOperator : isHandler)).ToList();
        if (MayAnswerDirectly && !string.IsNullOrWhiteSpace(KnowledgeQuery))
        {
            KnowledgeHits = await knowledge.SearchAsync(KnowledgeQuery, 10, cancellationToken);
        }

        if (MayMerge)
        {
            Duplicates = await desk.PossibleDuplicatesAsync(View.Ticket, cancellationToken);
        }

        Merged = await desk.MergedIntoAsync(View.Ticket.Id, cancellationToken);
        MergedInto = View.Ticket.MergedIntoId is not null ? await desk.FollowedAsync(View.Ticket, cancellationToken) : null;
        Case = await cases.ForTicketAsync(View.Ticket.Id, cancellationToken);
        QuotedEntry = View.Ticket.KnowledgeEntryId is { } entryId ? await knowledge.FindAsync(entryId, cancellationToken) : null;
        Files = await attachments.ListAsync(View.Ticket.Id, cancellationToken);
        MayAttach = isOperator || (isHandler && View.Ticket.BodyId is { } bodyId && await scope.MayActForAsync(User, bodyId, cancellationToken));
        var lastExtension = View.Ticket.Events.OrderBy(e => e.At).ThenBy(e => e.Id)
            .LastOrDefault(e => e.Type is "extension-requested" or "extension-approved" or "extension-refused");
        ExtensionRefusal = TicketFlow.IsHandling(View.Status) && lastExtension?.Type == "extension-refused" ? lastExtension : null;
        EvaluationLink = View.Ticket.EvaluationToken.Length > 0 ? desk.EvaluationLink(View.Ticket) : "";
        return Page();
    }

    public string BodyName(int? id) => Bodies.Find(id)?.Name ?? "";
}
