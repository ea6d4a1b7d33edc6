using Gongkai.Participation.Rules;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Participation.Pages;

/// <summary>意见征集: the consultations opened by every body, filtered by status (open, closed, feedback published).</summary>
public sealed class ConsultationsModel(ConsultationDesk desk) : PageModel
{
    public static readonly IReadOnlyList<(string? Code, string Label)> Tabs =
        [(null, "全部"), ("open", "正在征集"), ("closed", "征集结束"), ("feedback-published", "已公布反馈")];

    public string? Status { get; private set; }

    public IReadOnlyList<ConsultationSummary> Consultations { get; private set; } = [];

    public async Task OnGetAsync(string? status, CancellationToken cancellationToken)
    {
        Status = Tabs.Any(t => t.Code == status) ? status : null;
        Consultations = await desk.ListPublicAsync(ConsultationVocabulary.ParseStatus(Status), cancellationToken);
    }
}
