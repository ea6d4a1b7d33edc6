using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Requests.Admin;

/// <summary>The auditor's read-only view of the requests of their body (and the bodies below it): the list, or one
/// case with its events, reply, review cases and history. Nothing here changes anything.</summary>
[Authorize(Policy = Permissions.ViewAudit)]
public sealed class RecordModel(RequestDesk desk, RequestCaseWork work, Platform.Data.GongkaiDbContext db, BodyScope scope) : PageModel
{
    public DisclosureRequest? Application { get; private set; }

    public RequestReply? Reply { get; private set; }

    public IReadOnlyList<RequestAppeal> Appeals { get; private set; } = [];

    public IReadOnlyList<Platform.Audit.AuditEntry> History { get; private set; } = [];

    public IReadOnlyList<DisclosureRequest> Recent { get; private set; } = [];

    public bool NotAuditor { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? trackingNumber, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(StaffRoles.Auditor))
        {
            // Applicant data is for the handling officers and auditors only, not for body administrators.
            NotAuditor = true;
            return trackingNumber is null ? Page() : NotFound();
        }

        if (trackingNumber is null)
        {
            var own = StaffClaims.BodyIdOf(User);
            var bodies = own is null ? [] : await scope.DescendantsOfAsync(own.Value, cancellationToken);
            if (own is not null)
            {
                bodies.Add(own.Value);
            }

            Recent = await db.Set<DisclosureRequest>().AsNoTracking().Include(r => r.Body).Where(r => bodies.Contains(r.BodyId))
                .OrderByDescending(r => r.Id).Take(200).ToListAsync(cancellationToken);
            return Page();
        }

        Application = await desk.OpenForStaffAsync(User, trackingNumber, "查看申请档案", cancellationToken);
        if (Application is null)
        {
            return NotFound();
        }

        Reply = await desk.ReplyOfAsync(Application.Id, cancellationToken);
        Appeals = await work.AppealsOfAsync(Application.Id, cancellationToken);
        History = await work.HistoryOfAsync(Application, cancellationToken);
        return Page();
    }
}
