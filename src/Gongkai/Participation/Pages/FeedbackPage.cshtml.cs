using Gongkai.Participation.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Participation.Pages;

/// <summary>意见采纳情况: the published feedback — counts per decision, each group with its decision and (unless
/// adopted) its reason and the comments it answers, and the tally per alternative.</summary>
public sealed class FeedbackPageModel(ConsultationDesk desk) : PageModel
{
    public ConsultationView View { get; private set; } = null!;

    public FeedbackReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await desk.ViewAsync(User, id, cancellationToken);
        if (outcome.Refusal is not null || outcome.Value!.Status != ConsultationStatus.FeedbackPublished)
        {
            return NotFound();
        }

        View = outcome.Value;
        Report = await desk.FeedbackAsync(View.Consultation, cancellationToken);
        return Page();
    }
}
