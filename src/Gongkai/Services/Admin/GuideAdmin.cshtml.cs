using Gongkai.Platform.Outcomes;
using Gongkai.Services.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Services.Admin;

/// <summary>One guide in the console: every version with its approval, effective and publish-by dates and its place on
/// the change clock; publishing a saved version; and the form for a change (a new version, prefilled from the latest).
/// Published versions offer no edit — only a new version.</summary>
[Authorize(Policy = ServicesPermissions.View)]
public sealed class GuideAdminModel(GuideDesk desk, LawLinks laws) : PageModel
{
    public GuideSummary Summary { get; private set; } = null!;

    public IReadOnlyList<GuideVersionView> Versions { get; private set; } = [];

    public bool MayEdit { get; private set; }

    public string? Done { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public GuideForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, int? saved, int? published, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Done = saved is { } s ? $"第 {s} 版已保存，应于{VersionsInForce.FormatDate(Versions.First(v => v.Version.Number == s).Version.PublishBy)}前公开。"
            : published is { } p ? $"第 {p} 版已公开。" : null;
        Form = Versions.Count > 0 ? GuideForm.From(Versions[0].Content) : new GuideForm();
        Form.ApprovedOn = desk.Today;
        Form.EffectiveOn = desk.Today;
        Form.WithBlankMaterials();
        return Page();
    }

    public async Task<IActionResult> OnPostChangeAsync(int id, CancellationToken cancellationToken)
    {
        var changed = await desk.ChangeAsync(User, id, Form.ToInput(), cancellationToken);
        if (changed.Refusal is { } refusal)
        {
            Form.WithBlankMaterials();
            return await this.RefusedAsync(refusal, async () =>
            {
                if (!await LoadAsync(id, cancellationToken))
                {
                    return NotFound();
                }

                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            });
        }

        return Redirect($"/admin/guides/{id}?saved={changed.Value!.Version.Number}");
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, int number, CancellationToken cancellationToken)
    {
        var published = await desk.PublishAsync(User, id, number, cancellationToken);
        if (published.Refusal is { } refusal)
        {
            if (refusal.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
            {
                return this.Refused(refusal);
            }

            Error = refusal.Message;
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }

            Form = Versions.Count > 0 ? GuideForm.From(Versions[0].Content).WithBlankMaterials() : new GuideForm().WithBlankMaterials();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        return Redirect($"/admin/guides/{id}?published={number}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await desk.SummaryAsync(id, cancellationToken) is not { } summary)
        {
            return false;
        }

        Summary = summary;
        Versions = await desk.VersionsAsync(id, cancellationToken);
        MayEdit = await desk.MayEditAsync(User, summary.Guide.BodyId, cancellationToken);
        ViewData["Laws"] = Versions.Count > 0 ? await laws.ForAsync([Versions[0].Content.Basis], cancellationToken) : BasisLinks.None;
        return MayEdit || await desk.MayViewAsync(User, summary.Guide.BodyId, cancellationToken);
    }
}
