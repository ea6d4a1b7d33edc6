using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Publishing.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Publishing.Attachments.Admin;

/// <summary>A document's attachments for staff: upload while the document is a draft (or returned), the text status
/// and personal-data findings beside each file, one-click masking of Word files, deletion.</summary>
[Authorize(Policy = Permissions.Staff)]
public sealed class AttachmentsPageModel(GongkaiDbContext db, BodyScope scope, RolePermissions permissions, AttachmentDesk desk) : PageModel
{
    public const string PagePath = "/Publishing/Attachments/Admin/Attachments";

    public Document? Document { get; private set; }

    public IReadOnlyList<DocumentAttachment> Attachments { get; private set; } = [];

    public bool MayChange { get; private set; }

    public string MaxSize => AttachmentDesk.Size(desk.MaxBytes);

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [TempData]
    public string? Done { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>Staff may download any attachment of their body's documents, published or not.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(int id, int attachmentId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Attachments.FirstOrDefault(a => a.Id == attachmentId) is not { } attachment)
        {
            return NotFound();
        }

        var bytes = await db.Set<AttachmentContent>().AsNoTracking().Where(c => c.AttachmentId == attachmentId).Select(c => c.Bytes).SingleAsync(cancellationToken);
        return new FileContentResult(bytes, AttachmentFileType.MediaType(attachment.Kind))
        {
            FileDownloadName = attachment.FileName,
            EntityTag = new EntityTagHeaderValue($"\"{attachment.Sha256}\""),
        };
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, PublishingPermissions.EditDocuments))
        {
            return Forbid();
        }

        if (Upload is null)
        {
            return await FailAsync(id, "请选择要上传的文件。", cancellationToken);
        }

        await using var stream = Upload.OpenReadStream();
        var result = await desk.UploadAsync(User, id, Upload.FileName, stream, cancellationToken);
        return await AfterAsync(id, result, $"已上传附件“{result.Value?.FileName}”。", cancellationToken);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int attachmentId, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, PublishingPermissions.EditDocuments))
        {
            return Forbid();
        }

        var result = await desk.DeleteAsync(User, id, attachmentId, cancellationToken);
        return await AfterAsync(id, result, $"已删除附件“{result.Value?.FileName}”。", cancellationToken);
    }

    public async Task<IActionResult> OnPostMaskAsync(int id, int attachmentId, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, PublishingPermissions.EditDocuments))
        {
            return Forbid();
        }

        var result = await desk.MaskAsync(User, id, attachmentId, cancellationToken);
        return await AfterAsync(id, result, $"已遮盖附件“{result.Value?.FileName}”中的个人信息，原文件已被替换。", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(int id, Outcome<DocumentAttachment> result, string doneMessage, CancellationToken cancellationToken)
    {
        // A missing attachment (deleted in another tab) is told on the document's attachment page; a missing or
        // foreign document is a 404 (FailAsync cannot load it).
        if (!result.Succeeded)
        {
            return await FailAsync(id, result.Refusal.Message, cancellationToken);
        }

        Done = doneMessage;
        return Redirect($"/admin/documents/{id}/attachments");
    }

    private async Task<IActionResult> FailAsync(int id, string message, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Error = message;
        ModelState.AddModelError(string.Empty, message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Document = await db.Set<Document>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (Document is null || !await scope.MayActForAsync(User, Document.BodyId, cancellationToken))
        {
            Document = null;
            return false;
        }

        Attachments = await desk.ListAsync(id, cancellationToken);
        MayChange = ReviewWorkflow.IsEditable(Document.Status) && permissions.Grants(User, PublishingPermissions.EditDocuments);
        return true;
    }
}

