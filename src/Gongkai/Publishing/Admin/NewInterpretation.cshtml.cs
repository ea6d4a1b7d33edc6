using Gongkai.Platform.Data;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Publishing.Admin;

/// <summary>An editor writes the interpretation (解读) of one of the body's documents, usually while the document is
/// in review so that 终审 can see it; it becomes public with the document.</summary>
[Authorize(Policy = PublishingPermissions.EditDocuments)]
public sealed class NewInterpretationModel(GongkaiDbContext db, DocumentDesk desk, BodyScope scope) : PageModel
{
    public Document? Document { get; private set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public InterpretationKind Kind { get; set; }

    [BindProperty]
    public string? BodyHtml { get; set; }

    [BindProperty]
    public string? MediaUrl { get; set; }

    [BindProperty]
    public string? AltText { get; set; }

    public IReadOnlyDictionary<string, string[]> Errors => ModelState.FieldErrors();

    public string[] ErrorsFor(string field) => ModelState.ErrorsFor(field);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Title ??= "《" + Document!.Title + "》政策解读";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var result = await desk.InterpretAsync(User, new InterpretationInput(Title, Kind, BodyHtml, MediaUrl, AltText, [id]), cancellationToken);
        return result.Succeeded ? Redirect($"/admin/documents/{id}") : this.Refused(result.Refusal);
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Document = await db.Set<Document>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        return Document is not null && await scope.MayActForAsync(User, Document.BodyId, cancellationToken);
    }
}
