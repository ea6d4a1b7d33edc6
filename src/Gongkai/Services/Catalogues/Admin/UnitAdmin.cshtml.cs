using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Services.Catalogues.Admin;

/// <summary>One public unit for its supervising department: its gaps, its 考核 and the complaints about it.</summary>
[Authorize(Policy = ServicesPermissions.Catalogues)]
public sealed class UnitAdminModel(PublicUnitDesk desk, TimeProvider clock) : PageModel
{
    public PublicUnitDetail Detail { get; private set; } = null!;

    public string? Done { get; private set; }

    [BindProperty]
    public int Year { get; set; }

    [BindProperty]
    public int? Score { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public string? Reply { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, bool? rated, bool? replied, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(code, cancellationToken))
        {
            return NotFound();
        }

        Year = ChinaTime.Today(clock).Year;
        Score = Detail.Row.SuggestedScore;
        Done = rated == true ? "考核已保存。" : replied == true ? "答复已提交。" : null;
        return Page();
    }

    public async Task<IActionResult> OnPostRateAsync(string code, CancellationToken cancellationToken)
    {
        var outcome = await desk.RateAsync(User, code, Year, Score, Comment, cancellationToken);
        return outcome.Refusal is { } refusal ? await ShowRefusalAsync(code, refusal, cancellationToken) : Redirect($"/admin/public-units/{code}?rated=true");
    }

    public async Task<IActionResult> OnPostReplyAsync(string code, int complaintId, CancellationToken cancellationToken)
    {
        var outcome = await desk.ReplyAsync(User, complaintId, Reply, cancellationToken);
        return outcome.Refusal is { } refusal ? await ShowRefusalAsync(code, refusal, cancellationToken) : Redirect($"/admin/public-units/{code}?replied=true");
    }

    private Task<IActionResult> ShowRefusalAsync(string code, Refusal refusal, CancellationToken cancellationToken) =>
        this.RefusedAsync(refusal, async () =>
        {
            if (!await LoadAsync(code, cancellationToken))
            {
                return NotFound();
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        });

    private async Task<bool> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (await desk.DetailAsync(User, code, cancellationToken) is not { } detail)
        {
            return false;
        }

        Detail = detail;
        return true;
    }
}
