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
public sealed class TicketModel(HotlineDesk desk, BodyDirectory directory, RolePermissions permissions, TimeProvider clock) : PageModel
{
    private static readonly HashSet<TicketEventType> CentreSteps =
        [TicketEventType.Dispatched, TicketEventType.ExtensionApproved, TicketEventType.Evaluated, TicketEventType.Reopened, TicketEventType.AnsweredDirectly];

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

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken) => await LoadAsync(number, cancellationToken);

    public async Task<IActionResult> OnPostAsync(string number, CancellationToken cancellationToken)
    {
        var outcome = await desk.RecordAsync(User, number, new TicketEventDraft(Type, Body, Reason, WorkingDays, Text, Rating), cancellationToken);
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
        Steps = TicketFlow.Next(state).Where(step => CentreSteps.Contains(step) ? isOperator : isHandler).ToList();
        return Page();
    }

    public string BodyName(int? id) => Bodies.Find(id)?.Name ?? "";
}
