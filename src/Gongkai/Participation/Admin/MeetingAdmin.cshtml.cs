using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Participation.Admin;

/// <summary>One attendance row of the console's record form.</summary>
public sealed class AttendanceForm
{
    public long ApplicationId { get; set; }

    public bool Attended { get; set; }

    public string? Opinion { get; set; }
}

/// <summary>One meeting in the console: announce the notice (终审), the applications with ID numbers masked (each
/// links to its identity check), fill the seats after the deadline (终审; a draw with a seed when needed), and after
/// the meeting record attendance and opinions. Every step is decided again by the desk.</summary>
[Authorize(Policy = ParticipationPermissions.View)]
public sealed class MeetingAdminModel(MeetingDesk desk) : PageModel
{
    public MeetingView View { get; private set; } = null!;

    public IReadOnlyList<SeatApplication> Applications { get; private set; } = [];

    public bool MayPrepare { get; private set; }

    public bool MayApprove { get; private set; }

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    [BindProperty]
    public string? Seed { get; set; }

    [BindProperty]
    public string? RecordSummary { get; set; }

    [BindProperty]
    public List<AttendanceForm> Attendance { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string? done, CancellationToken cancellationToken)
    {
        Done = done switch
        {
            "edited" => "会议公告草稿已保存。",
            "announced" => "会议公告已发布，公众现在可以报名。",
            "checked" => "核验结果已保存。",
            "seated" => "列席人员已确定并公开。",
            "recorded" => "会议记录已公开。",
            _ => null,
        };
        return await LoadAsync(id, fromStore: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostAnnounceAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await desk.AnnounceAsync(User, id, cancellationToken)).WithoutValue(), "announced", cancellationToken);

    public async Task<IActionResult> OnPostSeatsAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await desk.FillSeatsAsync(User, id, Seed, cancellationToken)).WithoutValue(), "seated", cancellationToken);

    public async Task<IActionResult> OnPostRecordAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await desk.RecordAsync(User, id, RecordSummary, Attendance.Select(a => new AttendanceInput(a.ApplicationId, a.Attended, a.Opinion)).ToList(), cancellationToken)).WithoutValue(),
            "recorded", cancellationToken);

    private async Task<IActionResult> AfterAsync(int id, Outcome outcome, string done, CancellationToken cancellationToken)
    {
        if (outcome.Refusal is { } refusal)
        {
            if (refusal.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
            {
                return this.Refused(refusal);
            }

            Error = string.Join(" ", new[] { refusal.Message }.Concat(refusal.Errors.Values.SelectMany(m => m)).Distinct());
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, fromStore: false, cancellationToken);
        }

        return Redirect($"/admin/meetings/{id}?done={done}");
    }

    private async Task<IActionResult> LoadAsync(int id, bool fromStore, CancellationToken cancellationToken)
    {
        var outcome = await desk.ViewAsync(User, id, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            return this.Refused(refusal);
        }

        View = outcome.Value!;
        var applications = await desk.StaffApplicationsAsync(User, id, cancellationToken);
        if (applications.Refusal is { } forbidden)
        {
            return this.Refused(forbidden);
        }

        Applications = applications.Value!;
        MayPrepare = await desk.MayActAsync(User, View.Meeting.BodyId, ParticipationPermissions.Prepare, cancellationToken);
        MayApprove = await desk.MayActAsync(User, View.Meeting.BodyId, ParticipationPermissions.Approve, cancellationToken);
        if (fromStore || Attendance.Count == 0)
        {
            RecordSummary ??= View.Meeting.RecordSummary;
            Attendance = Applications.Where(a => a.Seated == true).OrderBy(a => a.Rank)
                .Select(a => new AttendanceForm { ApplicationId = a.Id, Attended = a.Attended ?? true, Opinion = a.Opinion }).ToList();
        }

        return Page();
    }

    public int Pending => Applications.Count(a => a.IdentityCheck == "pending");

    public int Accepted => Applications.Count(a => a.IdentityCheck == "accepted");
}
