using Gongkai.Organizations;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Publishing.Catalogue.Admin;

/// <summary>A body's 主动公开基本目录 for its admins: the whole tree with hidden nodes, each with its document count
/// and buttons to move it, hide or show it, and delete it when empty and unused.</summary>
[Authorize(Policy = OrganizationsPermissions.ManageBody)]
public sealed class CatalogueAdminModel(BodyDirectory directory, BodyScope scope, CatalogueDesk desk) : PageModel
{
    public Body? Body { get; private set; }

    /// <summary>The bodies this admin may manage, for the body switcher.</summary>
    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public IReadOnlyList<CatalogueTreeNode> Tree { get; private set; } = [];

    public IReadOnlyDictionary<int, int> DocumentCounts { get; private set; } = new Dictionary<int, int>();

    /// <summary>What the last action did, announced as a status.</summary>
    public string? Message { get; private set; }

    public Task<IActionResult> OnGetAsync(string? code, CancellationToken cancellationToken) => ShowAsync(code, null, cancellationToken);

    public Task<IActionResult> OnPostMoveAsync(string? code, int id, string? direction, CancellationToken cancellationToken) =>
        ActAsync(code, desk.MoveAsync(User, id, direction == "up" ? -1 : 1, cancellationToken), node => $"已移动“{node.Name}”。", cancellationToken);

    public Task<IActionResult> OnPostHideAsync(string? code, int id, CancellationToken cancellationToken) =>
        ActAsync(code, desk.SetHiddenAsync(User, id, true, cancellationToken), node => $"已隐藏“{node.Name}”，公众不再看到该目录及其子目录；其中的文件仍可访问。", cancellationToken);

    public Task<IActionResult> OnPostShowAsync(string? code, int id, CancellationToken cancellationToken) =>
        ActAsync(code, desk.SetHiddenAsync(User, id, false, cancellationToken), node => $"已恢复显示“{node.Name}”。", cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(string? code, int id, CancellationToken cancellationToken) =>
        ActAsync(code, desk.DeleteAsync(User, id, cancellationToken), node => $"已删除“{node.Name}”。", cancellationToken);

    private async Task<IActionResult> ActAsync(string? code, Task<Outcome<CatalogueNode>> action, Func<CatalogueNode, string> done, CancellationToken cancellationToken)
    {
        var result = await action;
        return result.Succeeded
            ? await ShowAsync(code, done(result.Value), cancellationToken)
            : await this.RefusedAsync(result.Refusal, () => ShowAsync(code, null, cancellationToken));
    }

    private async Task<IActionResult> ShowAsync(string? code, string? message, CancellationToken cancellationToken)
    {
        var hierarchy = await directory.LoadAsync(cancellationToken);
        var inScope = await scope.BodiesInScopeAsync(User, cancellationToken);
        Bodies = hierarchy.All.Where(b => inScope is null || inScope.Contains(b.Id)).ToList();
        Body = string.IsNullOrEmpty(code) ? hierarchy.Find(StaffClaims.BodyIdOf(User)) ?? (Bodies.Count > 0 ? Bodies[0] : null) : hierarchy.FindByCode(code);
        if (Body is null)
        {
            return NotFound();
        }

        if (!await scope.MayActForAsync(User, Body.Id, cancellationToken))
        {
            return Forbid();
        }

        Message = message;
        Tree = await desk.TreeAsync(Body.Id, includeHidden: true, cancellationToken);
        DocumentCounts = await desk.DocumentCountsAsync(Body.Id, cancellationToken);
        return Page();
    }
}
