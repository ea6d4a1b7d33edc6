using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Hotline.Admin;

/// <summary>The knowledge base: search (everyone on the hotline), and new entries or edits (the centre). An entry
/// needs its source, so an operator can tell the caller where the answer comes from.</summary>
[Authorize(Policy = HotlinePermissions.View)]
public sealed class KnowledgeModel(HotlineKnowledge knowledge, HotlineDesk desk, RolePermissions permissions) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public string? Source { get; set; }

    [BindProperty]
    public string? SourceUrl { get; set; }

    [BindProperty]
    public string? Category { get; set; }

    [BindProperty]
    public bool Active { get; set; } = true;

    /// <summary>The entry being edited (route <c>/admin/hotline/knowledge/{id}</c>); null for the list and a new entry.</summary>
    public int? Id { get; private set; }

    public IReadOnlyList<KnowledgeHit> Hits { get; private set; } = [];

    public IReadOnlyList<HotlineKnowledgeEntry> Entries { get; private set; } = [];

    public IReadOnlyList<HotlineCategory> Categories { get; private set; } = [];

    public bool MayEdit { get; private set; }

    public bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, bool saved, CancellationToken cancellationToken)
    {
        Id = id;
        Saved = saved;
        if (id is { } existing)
        {
            var entry = await knowledge.FindAsync(existing, cancellationToken);
            if (entry is null)
            {
                return NotFound();
            }

            Title = entry.Title;
            Answer = entry.Answer;
            Source = entry.Source;
            SourceUrl = entry.SourceUrl;
            Active = entry.Active;
            Categories = await desk.CategoriesAsync(cancellationToken);
            Category = Categories.FirstOrDefault(c => c.Id == entry.CategoryId)?.Code;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, HotlinePermissions.Operate))
        {
            return Forbid();
        }

        Id = id;
        var outcome = await knowledge.SaveAsync(id, new KnowledgeDraft(Title, Answer, Source, SourceUrl, Category, Active), StaffClaims.DisplayNameOf(User), cancellationToken);
        if (!outcome.Succeeded)
        {
            if (outcome.Refusal.Kind == RefusalKind.NotFound)
            {
                return this.Refused(outcome.Refusal);
            }

            ModelState.AddRefusal(outcome.Refusal, field => field switch
            {
                "title" => nameof(Title),
                "answer" => nameof(Answer),
                "source" => nameof(Source),
                "sourceUrl" => nameof(SourceUrl),
                "category" => nameof(Category),
                _ => "",
            });
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/admin/hotline/knowledge/{outcome.Value!.Id}?saved=true");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        MayEdit = permissions.Grants(User, HotlinePermissions.Operate);
        if (Categories.Count == 0)
        {
            Categories = await desk.CategoriesAsync(cancellationToken);
        }

        if (Id is null)
        {
            Hits = await knowledge.SearchAsync(Query, cancellationToken: cancellationToken);
            Entries = string.IsNullOrWhiteSpace(Query) ? await knowledge.AllAsync(cancellationToken) : [];
        }
    }
}
