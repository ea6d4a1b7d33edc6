using Gongkai.Staff;
using Gongkai.Safeguards.Data;
using Gongkai.Safeguards.Wording;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Safeguards.Admin;

/// <summary>/admin/safeguards/word-lists: the word lists the pre-publication checks use, by category; add, change, remove.</summary>
[Authorize(Policy = SafeguardsPermissions.ManageWordLists)]
public sealed class WordListsModel(WordListEditor editor) : PageModel
{
    public IReadOnlyList<WordListEntry> Entries { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public WordingListKind? Show { get; set; }

    [BindProperty]
    public WordListInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Entries = await editor.ListAsync(Show, cancellationToken);
        Input.Kind = Show ?? WordingListKind.Miswriting;
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var saved = await editor.SaveAsync(Input, User.Identity?.Name ?? "", cancellationToken);
        if (!saved.Succeeded)
        {
            return await this.RefusedAsync(saved.Refusal, async () =>
            {
                Entries = await editor.ListAsync(Show, cancellationToken);
                return Page();
            });
        }

        Message = $"已保存“{Input.Pattern?.Trim()}”。";
        return RedirectToPage(new { show = Input.Kind });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken)
    {
        Message = await editor.DeleteAsync(id, cancellationToken) ? "已删除该词条。" : "该词条已不存在。";
        return RedirectToPage(new { show = Show });
    }
}
