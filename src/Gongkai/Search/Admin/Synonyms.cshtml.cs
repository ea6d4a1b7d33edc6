using Gongkai.Safeguards;
using Gongkai.Staff;
using Gongkai.Search.Synonyms;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Search.Admin;

/// <summary>/admin/search/synonyms: the synonym groups applied to every search (effective at once, no rebuild).</summary>
[Authorize(Policy = SafeguardsPermissions.ManageWordLists)]
public sealed class SynonymsModel(SynonymEditor editor) : PageModel
{
    public IReadOnlyList<SynonymGroup> Groups { get; private set; } = [];

    [BindProperty]
    public int? GroupId { get; set; }

    [BindProperty]
    public string? Words { get; set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Groups = await editor.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var saved = await editor.SaveAsync(GroupId, Words, User.Identity?.Name ?? "", cancellationToken);
        if (!saved.Succeeded)
        {
            // A group deleted meanwhile is told on the form too, not as a 404 of the whole page.
            ModelState.AddRefusal(saved.Refusal);
            Groups = await editor.ListAsync(cancellationToken);
            return Page();
        }

        Message = $"已保存同义词“{Words?.Trim()}”，检索立即生效。";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        Message = await editor.DeleteAsync(id, cancellationToken) ? "已删除该组同义词。" : "该组同义词已不存在。";
        return RedirectToPage();
    }
}
