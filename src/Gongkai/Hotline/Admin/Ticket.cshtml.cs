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
public sealed class TicketModel(HotlineDesk desk, HotlineKnowledge knowledge, HotlineCases cases, BodyDirectory directory, RolePermissions permissions, TimeProvider clock) : PageModel
{
    private static readonly HashSet<TicketEventType> CentreSteps =
        [TicketEventType.Dispatched, TicketEventType.ExtensionApproved, TicketEventType.Evaluated, TicketEventType.Reopened, TicketEventType.AnsweredDirectly,
            TicketEventType.Merged];

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
        var outcome = await desk.RecordAsync(User, number, new TicketEventDraft(Type, Body, Reason, WorkingDays, Text, Rating, KnowledgeEntry, Into), cancellationToken);
        if (!outcome.Succeeded)
        {
            if (outcome.Refusal.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
            {
                return this.Refused(outcome.Refusal);
            }

            Error = string.Join(" ", new[] { outcome.Refusal.Message }.Concat(outcome.Refusal.Errors.Values.SelectMany(m => m)).Distinct());
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(number, cancellationToken);
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
        var state = new TicketState(View.Status, View.Ticket.ReopenCount, TicketVocabulary.ParseRating(View.Ticket.Rating), View.Ticket.BodyId is not null);
        var next = TicketFlow.Next(state);
        IsOperator = isOperator;
        MayMerge = isOperator && next.Contains(TicketEventType.Merged);
        // Merging has its own panel (it names the other ticket).
        Steps = next.Where(step => step != TicketEventType.Merged && (CentreSteps.Contains(step) ? isOperator : isHandler)).ToList();
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
        return Page();
    }

    public string BodyName(int? id) => Bodies.Find(id)?.Name ?? "";
}
