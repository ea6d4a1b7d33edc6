using Gongkai.Oversight.Rules;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Oversight.Admin;

/// <summary>One annual report: its checks (failed first, each naming the cell and the numbers), the tables with the hand
/// figures to enter, the text parts, and the steps — save, freeze, unfreeze, submit to review.</summary>
[Authorize(Policy = OversightPermissions.ViewInspection)]
public sealed class AnnualReportAdminModel(AnnualReportDesk desk, Staff.RolePermissions permissions) : PageModel
{
    public AnnualReportView View { get; private set; } = null!;

    public bool MayWrite => permissions.Grants(User, OversightPermissions.WriteAnnualReport);

    [BindProperty]
    public string? Overview { get; set; }

    [BindProperty]
    public string? Problems { get; set; }

    [BindProperty]
    public string? Other { get; set; }

    [BindProperty]
    public Dictionary<string, string?> Hand { get; set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var view = await desk.ViewAsync(User, id, cancellationToken);
        if (view.Refusal is { } refusal)
        {
            return this.Refused(refusal);
        }

        Fill(view.Value!);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, () => desk.SaveAsync(User, id, Overview, Problems, Other, Hand, cancellationToken), "已保存。", cancellationToken);

    public Task<IActionResult> OnPostFreezeAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, () => desk.FreezeAsync(User, id, cancellationToken), "数据已冻结。", cancellationToken);

    public Task<IActionResult> OnPostUnfreezeAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, () => desk.UnfreezeAsync(User, id, cancellationToken), "数据已解冻，可以修改手工填报数据。", cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, () => desk.SubmitAsync(User, id, cancellationToken), "报告已生成文件并提交初审，审核在“文件管理”中进行。", cancellationToken);

    private async Task<IActionResult> StepAsync(int id, Func<Task<Outcome<AnnualReport>>> step, string done, CancellationToken cancellationToken)
    {
        var outcome = await step();
        if (outcome.Refusal is { } refusal)
        {
            if (refusal.Kind is RefusalKind.Forbidden or RefusalKind.NotFound)
            {
                return this.Refused(refusal);
            }

            ModelState.AddRefusal(refusal, field => field);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var view = await desk.ViewAsync(User, id, cancellationToken);
            if (view.Refusal is { } gone)
            {
                return this.Refused(gone);
            }

            View = view.Value!;
            return Page();
        }

        Done = done;
        return Redirect($"/admin/oversight/annual-reports/{id}");
    }

    private void Fill(AnnualReportView view)
    {
        View = view;
        Overview = view.Report.Overview;
        Problems = view.Report.Problems;
        Other = view.Report.Other;
        // The stored entries, not the table's cells: a government's cells add its departments' figures.
        var stored = AnnualReportDesk.Hand(view.Report);
        Hand = AnnualReportRules.HandKeys.ToDictionary(k => k, k => stored.GetValueOrDefault(k)?.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture));
    }
}
