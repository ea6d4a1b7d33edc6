using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Oversight.Admin;

/// <summary>每日读网: today's reader and reading of a body (the user's own by default), the items published since the
/// previous reading to mark read or to raise a problem with, the rota (its admins set it) and the record of earlier readings.</summary>
[Authorize(Policy = OversightPermissions.ReadSite)]
public sealed class DailyReadingAdminModel(DailyReadingDesk desk, Gongkai.Staff.RolePermissions permissions) : PageModel
{
    public ReadingDay Day { get; private set; } = null!;

    public bool MayManageRota => permissions.Grants(User, OversightPermissions.ManageReadingRota);

    /// <summary>The rota text as typed, kept when it was refused.</summary>
    public string? ReadersInput { get; private set; }

    /// <summary>The item whose problem note was refused, with the note as typed.</summary>
    public (int ItemId, string Text)? ProblemInput { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? body, CancellationToken cancellationToken) => await ShowAsync(body, cancellationToken);

    public async Task<IActionResult> OnPostRotaAsync(string? body, string? readers, DateOnly? startsOn, CancellationToken cancellationToken)
    {
        ReadersInput = readers;
        return await AfterAsync(body, (await desk.SetRotaAsync(User, body, readers, startsOn, cancellationToken)).Refusal, "读网值班已保存。", cancellationToken);
    }

    public async Task<IActionResult> OnPostStartAsync(string? body, CancellationToken cancellationToken) =>
        await AfterAsync(body, (await desk.StartAsync(User, body, cancellationToken)).Refusal, null, cancellationToken);

    public async Task<IActionResult> OnPostReadAsync(string? body, int item, CancellationToken cancellationToken) =>
        await AfterAsync(body, (await desk.MarkAsync(User, item, problem: false, null, cancellationToken)).Refusal, null, cancellationToken);

    public async Task<IActionResult> OnPostProblemAsync(string? body, int item, string? problem, CancellationToken cancellationToken)
    {
        ProblemInput = (item, problem ?? "");
        return await AfterAsync(body, (await desk.MarkAsync(User, item, problem: true, problem, cancellationToken)).Refusal, "问题已发送给发布人。", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(string? body, Refusal? refusal, string? message, CancellationToken cancellationToken)
    {
        if (refusal is null)
        {
            if (message is not null)
            {
                TempData["Message"] = message;
            }

            return Redirect($"/admin/oversight/reading?body={Uri.EscapeDataString(body ?? "")}");
        }

        if (refusal.Kind is RefusalKind.NotFound)
        {
            return this.Refused(refusal);
        }

        ModelState.AddRefusal(refusal);
        var page = await ShowAsync(body, cancellationToken);
        Response.StatusCode = refusal.Kind == RefusalKind.Forbidden ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<IActionResult> ShowAsync(string? body, CancellationToken cancellationToken)
    {
        var day = await desk.DayAsync(User, body, cancellationToken);
        if (day.Refusal is { } refusal)
        {
            return refusal.Kind == RefusalKind.Invalid ? NotFound() : this.Refused(refusal);
        }

        Day = day.Value!;
        return Page();
    }
}
