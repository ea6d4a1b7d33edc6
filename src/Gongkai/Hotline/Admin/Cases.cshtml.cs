using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Hotline.Admin;

/// <summary>The typical cases selected from closed tickets: publish (after the safeguards' check) or withdraw.</summary>
[Authorize(Policy = HotlinePermissions.Operate)]
public sealed class CasesModel(HotlineCases cases) : PageModel
{
    public IReadOnlyList<(HotlineTypicalCase Case, string Number)> Cases { get; private set; } = [];

    public string? Error { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Cases = await cases.AllAsync(cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken) =>
        await DoneAsync(await cases.PublishAsync(id, StaffClaims.DisplayNameOf(User), cancellationToken), "已通过安全检查并发布。", cancellationToken);

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken) =>
        await DoneAsync(await cases.WithdrawAsync(id, StaffClaims.DisplayNameOf(User), cancellationToken), "已撤回。", cancellationToken);

    private async Task<IActionResult> DoneAsync(Outcome<HotlineTypicalCase> outcome, string message, CancellationToken cancellationToken)
    {
        if (outcome.Succeeded)
        {
            Message = message;
            return Redirect("/admin/hotline/cases");
        }

        if (outcome.Refusal.Kind == RefusalKind.NotFound)
        {
            return this.Refused(outcome.Refusal);
        }

        Error = outcome.Refusal.Message;
        Response.StatusCode = StatusCodes.Status409Conflict;
        Cases = await cases.AllAsync(cancellationToken);
        return Page();
    }
}
