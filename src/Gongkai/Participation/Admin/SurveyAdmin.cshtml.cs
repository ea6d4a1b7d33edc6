using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Participation.Admin;

/// <summary>One survey in the console: its questions, and the steps the user may take now — edit or open a draft,
/// moderate text answers, publish the results after closing, export the responses. Every step is decided again by
/// the desk.</summary>
[Authorize(Policy = ParticipationPermissions.View)]
public sealed class SurveyAdminModel(SurveyDesk desk) : PageModel
{
    public SurveyView View { get; private set; } = null!;

    public IReadOnlyList<SurveyAnswer> TextAnswers { get; private set; } = [];

    public int ResponseCount { get; private set; }

    public bool MayPrepare { get; private set; }

    public bool MayApprove { get; private set; }

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    [BindProperty]
    public string? Summary { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, string? done, CancellationToken cancellationToken)
    {
        Done = done switch
        {
            "opened" => "已发布，调查开始后公众即可参加。",
            "moderated" => "审核结果已保存。",
            "published" => "结果已公布。",
            _ => null,
        };
        return await LoadAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostOpenAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await desk.OpenAsync(User, id, cancellationToken)).WithoutValue(), "opened", cancellationToken);

    public async Task<IActionResult> OnPostModerateAsync(int id, long answerId, string? moderation, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await desk.ModerateAsync(User, id, answerId, moderation, cancellationToken)).WithoutValue(), "moderated", cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await desk.PublishResultsAsync(User, id, Summary, cancellationToken)).WithoutValue(), "published", cancellationToken);

    private async Task<IActionResult> AfterAsync(int id, Outcome outcome, string done, CancellationToken cancellationToken)
    {
        if (outcome.Refusal is { } refusal)
        {
            if (refusal.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
            {
                return this.Refused(refusal);
            }

            // The form comes back with what was typed; the message says what to change.
            Error = string.Join(" ", new[] { refusal.Message }.Concat(refusal.Errors.Values.SelectMany(m => m)).Distinct());
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, cancellationToken);
        }

        return Redirect($"/admin/surveys/{id}?done={done}");
    }

    private async Task<IActionResult> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await desk.ViewAsync(User, id, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            return this.Refused(refusal);
        }

        View = outcome.Value!;
        var answers = await desk.StaffTextAnswersAsync(User, id, cancellationToken);
        if (answers.Refusal is { } forbidden)
        {
            return this.Refused(forbidden);
        }

        TextAnswers = answers.Value!;
        ResponseCount = await desk.ResponseCountAsync(id, cancellationToken);
        MayPrepare = await desk.MayActAsync(User, View.Survey.BodyId, ParticipationPermissions.Prepare, cancellationToken);
        MayApprove = await desk.MayActAsync(User, View.Survey.BodyId, ParticipationPermissions.Approve, cancellationToken);
        return Page();
    }
}
