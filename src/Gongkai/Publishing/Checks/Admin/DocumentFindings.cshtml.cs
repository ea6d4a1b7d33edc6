using Gongkai.Platform.Data;
using Gongkai.Publishing.Checks.Pages;
using Gongkai.Publishing.Checks;
using Gongkai.Publishing;
using Gongkai.Safeguards.Links;
using Gongkai.Safeguards;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Publishing.Checks.Admin;

/// <summary>/admin/documents/{id}/findings: a document's safeguard findings on their own page, and the one-click fixes
/// the panel on the editor and review pages posts to. A fix that worked returns to the page it came from with a
/// message; one that could not be applied (the text changed meanwhile…) is explained here.</summary>
[Authorize(Policy = Permissions.Staff)]
public sealed class DocumentFindingsModel(GongkaiDbContext db, BodyScope scope, FindingFixer fixer) : PageModel
{
    public int Id { get; private set; }

    public string Title { get; private set; } = "";

    public string ReturnUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, null, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostMaskAsync(int id, string? kind, int start, string? text, string? returnUrl, CancellationToken cancellationToken) =>
        await FixAsync(id, returnUrl, Reference(kind, start, text) is { } reference
            ? fixer.MaskAsync(User, id, reference, cancellationToken)
            : Task.FromResult<Outcome<string>>(Refusal.Invalid("请求缺少要遮盖的内容，请刷新页面后重试。")), cancellationToken);

    public async Task<IActionResult> OnPostCorrectAsync(int id, string? kind, int start, string? text, string? returnUrl, CancellationToken cancellationToken) =>
        await FixAsync(id, returnUrl, Reference(kind, start, text) is { } reference
            ? fixer.CorrectAsync(User, id, reference, cancellationToken)
            : Task.FromResult<Outcome<string>>(Refusal.Invalid("请求缺少要修改的内容，请刷新页面后重试。")), cancellationToken);

    public async Task<IActionResult> OnPostMaskAllAsync(int id, string? returnUrl, CancellationToken cancellationToken) =>
        await FixAsync(id, returnUrl, fixer.MaskAllAsync(User, id, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostMaskAttachmentAsync(int id, int attachmentId, string? returnUrl, CancellationToken cancellationToken) =>
        await FixAsync(id, returnUrl, fixer.MaskAttachmentAsync(User, id, attachmentId, cancellationToken), cancellationToken);

    /// <summary>An attachment's version from before a masking, for the body's staff only (never cached, never public).</summary>
    public async Task<IActionResult> OnGetOriginalAsync(int id, int originalId, CancellationToken cancellationToken)
    {
        var original = await db.Set<AttachmentOriginal>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == originalId && o.DocumentId == id, cancellationToken);
        if (original is null || !await LoadAsync(id, null, cancellationToken))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(original.Bytes, Gongkai.Publishing.Attachments.AttachmentFileType.MediaType(original.Kind), "遮盖前原件-" + original.FileName);
    }

    private static FindingReference? Reference(string? kind, int start, string? text) =>
        kind is not null && FindingKinds.TryParse(kind, out var parsed) && !string.IsNullOrEmpty(text) ? new FindingReference(parsed, start, text) : null;

    private async Task<IActionResult> FixAsync(int id, string? returnUrl, Task<Outcome<string>> fix, CancellationToken cancellationToken)
    {
        var result = await fix;
        if (result.Succeeded)
        {
            TempData[DocumentFindingsViewComponent.MessageKey] = result.Value;
            return LocalRedirect(SafeReturn(id, returnUrl) + "#findings");
        }

        return await this.RefusedAsync(result.Refusal, async () => await LoadAsync(id, returnUrl, cancellationToken) ? Page() : NotFound());
    }

    private async Task<bool> LoadAsync(int id, string? returnUrl, CancellationToken cancellationToken)
    {
        var document = await db.Set<Document>().AsNoTracking().Where(d => d.Id == id).Select(d => new { d.Title, d.BodyId }).SingleOrDefaultAsync(cancellationToken);
        if (document is null || !await scope.MayActForAsync(User, document.BodyId, cancellationToken))
        {
            return false;
        }

        Id = id;
        Title = document.Title;
        ReturnUrl = SafeReturn(id, returnUrl);
        return true;
    }

    private string SafeReturn(int id, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith("/admin/documents/", StringComparison.Ordinal)
            ? returnUrl
            : $"/admin/documents/{id}";
}
