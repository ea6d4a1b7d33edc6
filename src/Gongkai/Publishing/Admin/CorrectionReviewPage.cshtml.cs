using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Text;
using Gongkai.Publishing.Rules;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Admin;

/// <summary>One field of a correction that differs from the public version.</summary>
public sealed record CorrectionFieldChange(string Name, string Before, string After);

/// <summary>A proposed correction (更正) beside the public version it would replace: the changed fields and the text
/// line by line (<see cref="TextDiff"/>), its reason and state; a reviewer holding the stage it waits for approves or
/// returns it here (<see cref="DocumentDesk.ApproveCorrectionAsync"/>, <see cref="DocumentDesk.ReturnCorrectionAsync"/>).</summary>
[Authorize(Policy = Permissions.Staff)]
public sealed class CorrectionReviewPageModel(GongkaiDbContext db, DocumentDesk desk, BodyScope scope, RolePermissions permissions) : PageModel
{
    public Document? Document { get; private set; }

    public DocumentCorrection? Correction { get; private set; }

    public IReadOnlyList<CorrectionFieldChange> Fields { get; private set; } = [];

    public IReadOnlyList<DiffLine> Text { get; private set; } = [];

    /// <summary>The stage the correction waits for, when the user holds it.</summary>
    public ReviewStage? MyStage { get; private set; }

    [BindProperty]
    public string? ReturnReason { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int correctionId, CancellationToken cancellationToken) =>
        await LoadAsync(id, correctionId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostApproveAsync(int id, int correctionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, correctionId, cancellationToken))
        {
            return NotFound();
        }

        var result = await desk.ApproveCorrectionAsync(User, id, correctionId, cancellationToken);
        if (!result.Succeeded)
        {
            return await ShowRefusalAsync(result.Refusal, id, correctionId, cancellationToken);
        }

        TempData[DocumentReviewModel.ConfirmationKey] = result.Value.State == CorrectionState.Approved
            ? "更正已通过终审并公开，公开页面注明了更正说明。"
            : $"{ReviewWorkflow.ChineseName(CorrectionReview.StageAwaited(Correction!.State) ?? ReviewStage.Final)}已通过，更正转入下一环节（{CorrectionReview.ChineseName(result.Value.State)}）。";
        return Redirect($"/admin/documents/{id}/corrections/{correctionId}");
    }

    public async Task<IActionResult> OnPostReturnAsync(int id, int correctionId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, correctionId, cancellationToken))
        {
            return NotFound();
        }

        var result = await desk.ReturnCorrectionAsync(User, id, correctionId, ReturnReason, cancellationToken);
        if (!result.Succeeded)
        {
            return await ShowRefusalAsync(result.Refusal, id, correctionId, cancellationToken);
        }

        TempData[DocumentReviewModel.ConfirmationKey] = "更正已退回起草人，公开版本未改变。";
        return Redirect($"/admin/documents/{id}/corrections/{correctionId}");
    }

    /// <summary>Every refusal but a vanished correction is told on the page (also "your own correction", which a
    /// reviewer should read rather than meet the access-denied page).</summary>
    private async Task<IActionResult> ShowRefusalAsync(Refusal refusal, int id, int correctionId, CancellationToken cancellationToken)
    {
        if (refusal.Kind == RefusalKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddRefusal(refusal);
        await LoadAsync(id, correctionId, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, int correctionId, CancellationToken cancellationToken)
    {
        Document = await db.Set<Document>().AsNoTracking().Include(d => d.Body).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        Correction = await db.Set<DocumentCorrection>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == correctionId && c.DocumentId == id, cancellationToken);
        if (Document is null || Correction is null || !await scope.MayActForAsync(User, Document.BodyId, cancellationToken))
        {
            return false;
        }

        // Compared with the version the author corrected, so the reviewer sees exactly the change proposed.
        var basis = await db.Set<DocumentVersion>().AsNoTracking()
            .SingleOrDefaultAsync(v => v.DocumentId == id && v.Number == Correction.BaseVersion, cancellationToken);
        var fields = new List<CorrectionFieldChange>();
        void Compare(string name, string? before, string? after)
        {
            if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal))
            {
                fields.Add(new CorrectionFieldChange(name, before ?? "（空）", after ?? "（空）"));
            }
        }

        Compare("标题", basis?.Title ?? Document.Title, Correction.Title);
        Compare("文号", basis?.DocNumber ?? Document.DocNumber, Correction.DocNumber);
        Compare("文件类型", basis?.DocumentType ?? Document.DocumentType, Correction.DocumentType);
        Compare("主题分类", basis?.Subject ?? Document.Subject, Correction.Subject);
        Compare("成文日期", Date(basis?.SignedOn ?? Document.SignedOn), Date(Correction.SignedOn));
        if (Correction.State != CorrectionState.Approved)
        {
            // Fields outside the public snapshot, compared with the document as it stands.
            Compare("关键词", Document.Keywords, Correction.Keywords);
            Compare("施行日期", Date(Document.EffectiveOn), Date(Correction.EffectiveOn));
            Compare("失效日期", Date(Document.ExpiresOn), Date(Correction.ExpiresOn));
            Compare("有效性", DocumentCatalog.ChineseName(Document.Validity), DocumentCatalog.ChineseName(Correction.Validity));
        }

        Fields = fields;
        Text = TextDiff.Lines(HtmlText.Read(basis?.BodyHtml ?? Document.BodyHtml), HtmlText.Read(Correction.BodyHtml));
        var stages = DocumentDesk.StagesOf(User, permissions);
        MyStage = CorrectionReview.StageAwaited(Correction.State) is { } awaited && stages.Contains(awaited) ? awaited : null;
        return true;
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
