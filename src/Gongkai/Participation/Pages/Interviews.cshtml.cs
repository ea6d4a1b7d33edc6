using Gongkai.Participation.Rules;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Participation.Pages;

/// <summary>在线访谈: announced, live and archived interviews of every body.</summary>
public sealed class InterviewsModel(InterviewDesk desk) : PageModel
{
    public static readonly IReadOnlyList<(string? Code, string Label)> Tabs =
        [(null, "全部"), ("announced", "访谈预告"), ("live", "正在访谈"), ("archived", "往期回顾")];

    public string? Status { get; private set; }

    public IReadOnlyList<InterviewSummary> Interviews { get; private set; } = [];

    public async Task OnGetAsync(string? status, CancellationToken cancellationToken)
    {
        Status = Tabs.Any(t => t.Code == status) ? status : null;
        Interviews = await desk.ListPublicAsync(InterviewRules.ParsePublicStage(Status), cancellationToken);
    }
}
