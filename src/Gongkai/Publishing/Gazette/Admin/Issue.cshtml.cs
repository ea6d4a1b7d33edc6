using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Publishing.Gazette.Admin;

/// <summary>One issue for staff: add published documents by 索引号, move them up and down, remove them, publish.</summary>
[Authorize(Policy = PublishingPermissions.EditDocuments)]
public sealed class IssueModel(GazetteArchive archive, GazetteDesk desk) : PageModel
{
    public GazetteIssueView? View { get; private set; }

    [BindProperty]
    public string? IndexNo { get; set; }

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        (View = await archive.ForStaffAsync(id, cancellationToken)) is null ? NotFound() : Page();

    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await desk.AddAsync(id, IndexNo, cancellationToken), "已加入本期。", cancellationToken);

    public async Task<IActionResult> OnPostMoveAsync(int id, int documentId, int offset, CancellationToken cancellationToken) =>
        await AfterAsync(id, await desk.MoveAsync(id, documentId, offset, cancellationToken), "已调整顺序。", cancellationToken);

    public async Task<IActionResult> OnPostRemoveAsync(int id, int documentId, CancellationToken cancellationToken) =>
        await AfterAsync(id, await desk.RemoveAsync(id, documentId, cancellationToken), "已从本期移除。", cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, await desk.PublishAsync(id, cancellationToken), "本期已发布。", cancellationToken);

    private async Task<IActionResult> AfterAsync(int id, Outcome<GazetteIssue> result, string done, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            Done = done;
            return Redirect($"/admin/gazette/{id}");
        }

        View = await archive.ForStaffAsync(id, cancellationToken);
        if (View is null)
        {
            return NotFound();
        }

        // Every refusal here is about the issue shown, so it is told on the issue's page with 400.
        ModelState.AddModelError(string.Empty, result.Refusal.Message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
