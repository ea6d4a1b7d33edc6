using Gongkai.Participation.Rules;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Participation.Pages;

/// <summary>公众列席: meetings with seats for the public, from the notice to the record after the meeting.</summary>
public sealed class MeetingsModel(MeetingDesk desk) : PageModel
{
    public static readonly IReadOnlyList<(string? Code, string Label)> Tabs =
        [(null, "全部"), ("announced", "接受报名"), ("seated", "已确定列席人员"), ("recorded", "会议已举行")];

    public string? Status { get; private set; }

    public IReadOnlyList<MeetingSummary> Meetings { get; private set; } = [];

    public async Task OnGetAsync(string? status, CancellationToken cancellationToken)
    {
        Status = Tabs.Any(t => t.Code == status) ? status : null;
        Meetings = await desk.ListPublicAsync(MeetingRules.ParsePublicStage(Status), cancellationToken);
    }
}
