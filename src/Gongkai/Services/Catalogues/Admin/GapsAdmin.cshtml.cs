using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Services.Catalogues.Admin;

/// <summary>A body's gap view: per instantiated standard catalogue, which items have nothing published yet, which are
/// past their time limit, which periodic items were not refreshed, and the columns the body added itself.</summary>
[Authorize(Policy = ServicesPermissions.View)]
public sealed class GapsAdminModel(StandardCatalogueDesk desk, BodyDirectory directory) : PageModel
{
    public BodyGaps Gaps { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? template, int? added, int? kept, CancellationToken cancellationToken)
    {
        if (await directory.FindByCodeAsync(code, cancellationToken) is not { } body)
        {
            return NotFound();
        }

        if (!await desk.MayViewAsync(User, body, cancellationToken))
        {
            return this.Refused(Refusal.Forbidden($"您不能查看{body.Name}的目录缺项。"));
        }

        Today = desk.Today;
        Gaps = await desk.GapsAsync(body, cancellationToken);
        var title = Gaps.Instances.FirstOrDefault(i => i.Instance.TemplateCode == template)?.Instance.Title;
        Done = title is not null && added is { } a ? $"已按“{title}”生成本单位目录：新增 {a} 项，保留已有 {kept ?? 0} 项。" : null;
        return Page();
    }
}
