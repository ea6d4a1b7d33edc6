using Gongkai.Hotline.Rules;
using Gongkai.Organizations;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Hotline.Admin;

/// <summary>The queues: the centre's (awaiting dispatch, returned), each body's own, and the overdue and due-soon lists,
/// nearest limit first, with each ticket's clock.</summary>
[Authorize(Policy = HotlinePermissions.View)]
public sealed class QueueModel(HotlineDesk desk, BodyDirectory directory, RolePermissions permissions, TimeProvider clock) : PageModel
{
    public static readonly IReadOnlyList<(string? View, string Label)> Views =
    [
        (null, "办理中全部"), ("dispatch", "待派单和已退单"), ("due-soon", "即将到期"), ("overdue", "已超期"), ("closed", "已办结"),
    ];

    public string? View { get; private set; }

    public IReadOnlyList<HotlineTicket> Tickets { get; private set; } = [];

    public BodyHierarchy Bodies { get; private set; } = new([]);

    public bool IsOperator { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(string? view, CancellationToken cancellationToken)
    {
        View = Views.Any(v => v.View == view) ? view : null;
        IsOperator = permissions.Grants(User, HotlinePermissions.Operate);
        Now = clock.GetUtcNow();
        Bodies = await directory.LoadAsync(cancellationToken);
        var filter = View switch
        {
            "overdue" => new TicketFilter(Overdue: true),
            "due-soon" => new TicketFilter(DueSoon: true),
            "closed" => new TicketFilter(Status: TicketVocabulary.Code(TicketStatus.Replied)),
            _ => new TicketFilter(Status: "open"),
        };
        var outcome = await desk.ListAsync(User, filter, cancellationToken);
        var rows = outcome.Value ?? [];
        Tickets = View == "dispatch"
            ? rows.Where(t => t.Status is "received" or "returned").ToList()
            : rows;
    }

    public string ClockText(HotlineTicket t)
    {
        if (!t.IsOpen)
        {
            return t.RepliedOnTime == false ? "超期办结" : "已办结";
        }

        if (t.NextDueAt is not { } due)
        {
            return t.Status is "received" or "returned" ? "待派单（中心）" : "期限待定";
        }

        var what = t.SignDueAt == due ? "签收" : "办结";
        return due < Now ? $"{what}已超期（期限 {TicketClock.FormatDue(due)}）"
            : $"{what}期限 {TicketClock.FormatDue(due)}{(due - Now <= desk.Options.DueSoonWindow ? "，即将到期" : "")}";
    }
}
