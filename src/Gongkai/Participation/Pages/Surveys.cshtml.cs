using Gongkai.Participation.Rules;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Participation.Pages;

/// <summary>网上调查: the surveys opened by every body, filtered by status (open, closed, results published).</summary>
public sealed class SurveysModel(SurveyDesk desk) : PageModel
{
    public static readonly IReadOnlyList<(string? Code, string Label)> Tabs =
        [(null, "全部"), ("open", "正在调查"), ("closed", "调查结束"), ("results-published", "已公布结果")];

    public string? Status { get; private set; }

    public IReadOnlyList<SurveySummary> Surveys { get; private set; } = [];

    public async Task OnGetAsync(string? status, CancellationToken cancellationToken)
    {
        Status = Tabs.Any(t => t.Code == status) ? status : null;
        Surveys = await desk.ListPublicAsync(SurveyVocabulary.ParseStatus(Status), cancellationToken);
    }
}
