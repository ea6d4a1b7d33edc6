using Gongkai.Platform.Data;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Publishing.Admin;

/// <summary>更正 of a published document: the fields prefilled with what the public sees, a required reason, and on
/// saving a proposed correction through <see cref="DocumentDesk.CorrectAsync"/> (the same rules, safeguards gate and
/// audit as the API) that a reviewer holding 终审 must approve before the public sees it. Bad input comes back with
/// Chinese messages and everything typed kept.</summary>
[Authorize(Policy = PublishingPermissions.EditDocuments)]
public sealed class DocumentCorrectionModel(GongkaiDbContext db, DocumentDesk desk, BodyScope scope, Catalogue.CatalogueDesk catalogue) : PageModel
{
    public int DocumentId { get; private set; }

    public string? IndexNo { get; private set; }

    public IReadOnlyList<(int Id, string Label)> CatalogueOptions { get; private set; } = [];

    [BindProperty]
    public DocumentForm Form { get; set; } = new();

    /// <summary>Shown publicly on the document page beside the change.</summary>
    [BindProperty]
    public string? Reason { get; set; }

    public IReadOnlyDictionary<string, string[]> Errors => ModelState.FieldErrors();

    public string[] ErrorsFor(string field) => ModelState.ErrorsFor(field);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var document = await LoadAsync(id, cancellationToken);
        if (document is null)
        {
            return NotFound();
        }

        if (document.Status != DocumentStatus.Published)
        {
            return Redirect($"/admin/documents/{id}");
        }

        Form = DocumentForm.From(document);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var (input, formErrors) = Form.ToInput();
        if (formErrors.Count > 0)
        {
            return this.Refused(Refusal.Invalid("更正内容有误，请按提示修改。", formErrors));
        }

        var result = await desk.CorrectAsync(User, id, input, Reason, cancellationToken);
        if (!result.Succeeded)
        {
            return this.Refused(result.Refusal);
        }

        TempData[DocumentReviewModel.ConfirmationKey] = result.Value.State == CorrectionState.AwaitingFinalReview
            ? "更正已提交，待本单位终审通过后公开；在此之前公开页面仍显示原版本。"
            : $"更正已提交（{CorrectionReview.ChineseName(result.Value.State)}），三审通过后公开；在此之前公开页面仍显示原版本。";
        return Redirect($"/admin/documents/{id}/corrections/{result.Value.Id}");
    }

    /// <summary>The document when it exists and the user may act for its body; also fills the page's context.</summary>
    private async Task<Document?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var document = await db.Set<Document>().AsNoTracking().Include(d => d.CoIssuers).ThenInclude(c => c.Body).Include(d => d.SupersededBy)
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null || !await scope.MayActForAsync(User, document.BodyId, cancellationToken))
        {
            return null;
        }

        DocumentId = id;
        IndexNo = document.IndexNo;
        CatalogueOptions = await DocumentEditorModel.CatalogueOptionsAsync(catalogue, document.BodyId, cancellationToken);
        return document;
    }
}
