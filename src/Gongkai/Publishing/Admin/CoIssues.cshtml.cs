using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Publishing.Admin;

/// <summary>联合发文会签: documents of other bodies that name this body as co-issuer. A reviewer of the body accepts
/// (会签) or declines with a reason; until then the document does not show under this body.</summary>
[Authorize(Policy = Permissions.Staff)]
public sealed class CoIssuesModel(CoIssueDesk desk, RolePermissions permissions) : PageModel
{
    public const string ConfirmationKey = "co-issue-confirmation";

    public IReadOnlyList<CoIssueRequestView> Waiting { get; private set; } = [];

    public IReadOnlyList<CoIssueRequestView> Answered { get; private set; } = [];

    /// <summary>Whether the user holds a review stage and so may answer for the body.</summary>
    public bool MayAnswer { get; private set; }

    /// <summary>The document whose decline form was sent with an error, so its reason is shown again.</summary>
    [BindProperty]
    public int? DocumentId { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAcceptAsync(CancellationToken cancellationToken) =>
        await AfterAsync(await desk.AnswerAsync(User, DocumentId ?? 0, accept: true, reason: null, cancellationToken), "已会签。该文件现在也列在本单位的信息公开目录中。", cancellationToken);

    public async Task<IActionResult> OnPostDeclineAsync(CancellationToken cancellationToken) =>
        await AfterAsync(await desk.AnswerAsync(User, DocumentId ?? 0, accept: false, Reason, cancellationToken), "已拒绝。该文件不会列在本单位名下，发文机关可以看到您填写的理由。", cancellationToken);

    private async Task<IActionResult> AfterAsync(Outcome<CoIssueRequestView> result, string confirmation, CancellationToken cancellationToken)
    {
        if (!result.Succeeded)
        {
            return await this.RefusedAsync(result.Refusal, async () =>
            {
                await LoadAsync(cancellationToken);
                return Page();
            });
        }

        TempData[ConfirmationKey] = confirmation;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var all = await desk.ListAsync(User, includeAnswered: true, cancellationToken);
        Waiting = all.Where(r => r.State == nameof(Rules.CoIssueState.Requested)).ToList();
        Answered = all.Where(r => r.State != nameof(Rules.CoIssueState.Requested)).Take(50).ToList();
        MayAnswer = DocumentDesk.StagesOf(User, permissions).Count > 0;
    }
}
