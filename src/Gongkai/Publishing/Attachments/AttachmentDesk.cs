using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Publishing.Rules;
using Gongkai.Safeguards;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Publishing.Attachments;

/// <summary>Settings of attachments (section <c>Publishing:Attachments</c>).</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Publishing:Attachments";

    public const long DefaultMaxBytes = 20 * 1024 * 1024;

    /// <summary>The largest file accepted (default 20 MiB). Upload endpoints raise the request size limit to this plus
    /// room for the form fields.</summary>
    public long MaxBytes { get; set; } = DefaultMaxBytes;

    public int MaxPerDocument { get; set; } = 30;

    /// <summary>The request size limit of upload endpoints: the file and the multipart envelope.</summary>
    public long MaxRequestBytes => MaxBytes + 64 * 1024;
}

/// <summary>Staff work on a draft's attachments: upload (type checked by content, size capped, text read, personal data
/// looked for), delete, and one-click masking of a Word file. Attachments change only while the document is editable
/// (draft or returned); every change is audited in the same unit of work.</summary>
public sealed class AttachmentDesk(GongkaiDbContext db, BodyScope scope, AuditLog audit, TimeProvider clock, SafeguardsService safeguards, IOptions<AttachmentOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public long MaxBytes => options.Value.MaxBytes;

    public async Task<IReadOnlyList<DocumentAttachment>> ListAsync(int documentId, CancellationToken cancellationToken = default) =>
        await db.Set<DocumentAttachment>().AsNoTracking().Where(a => a.DocumentId == documentId)
            .OrderBy(a => a.Position).ThenBy(a => a.Id).ToListAsync(cancellationToken);

    /// <summary>Reads the upload (refusing more than the cap without reading it all) and stores it.</summary>
    public async Task<Outcome<DocumentAttachment>> UploadAsync(ClaimsPrincipal user, int documentId, string? fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var max = options.Value.MaxBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > max)
            {
                return Refusal.Invalid(TooLarge(max));
            }
        }

        return await UploadAsync(user, documentId, fileName, buffer.ToArray(), cancellationToken);
    }

    public async Task<Outcome<DocumentAttachment>> UploadAsync(ClaimsPrincipal user, int documentId, string? fileName, byte[] bytes, CancellationToken cancellationToken = default)
    {
        var editable = await EditableDocumentAsync(user, documentId, cancellationToken);
        if (!editable.Succeeded)
        {
            return editable.Refusal;
        }

        var document = editable.Value;

        var name = CleanName(fileName);
        if (name is null)
        {
            return Refusal.Invalid("请选择要上传的文件。");
        }

        if (bytes.Length > options.Value.MaxBytes)
        {
            return Refusal.Invalid(TooLarge(options.Value.MaxBytes));
        }

        var (kind, error) = AttachmentFileType.Check(name, bytes);
        if (kind is null)
        {
            return Refusal.Invalid(error!);
        }

        var existing = await db.Set<DocumentAttachment>().Where(a => a.DocumentId == documentId).Select(a => a.Position).ToListAsync(cancellationToken);
        if (existing.Count >= options.Value.MaxPerDocument)
        {
            return Refusal.Invalid($"每个文件最多 {options.Value.MaxPerDocument} 个附件，请先删除不需要的附件。");
        }

        var attachment = new DocumentAttachment
        {
            DocumentId = documentId,
            FileName = name,
            Kind = kind.Value,
            Sha256 = "",
            Position = existing.DefaultIfEmpty(0).Max() + 1,
            UploadedAt = clock.GetUtcNow(),
            UploadedBy = StaffClaims.DisplayNameOf(user),
        };
        await FillAsync(attachment, bytes, document.SignedOn, cancellationToken);
        db.Add(attachment);
        await db.SaveChangesAsync(cancellationToken);
        db.Add(new AttachmentContent { AttachmentId = attachment.Id, Bytes = bytes });
        audit.Record("document.attachment-added", Target(document, attachment), $"{name}（{AttachmentFileType.ChineseName(kind.Value)}，{Size(bytes.Length)}，SHA-256 {attachment.Sha256}）", bodyId: document.BodyId);
        await db.SaveChangesAsync(cancellationToken);
        return attachment;
    }

    public async Task<Outcome<DocumentAttachment>> DeleteAsync(ClaimsPrincipal user, int documentId, int attachmentId, CancellationToken cancellationToken = default)
    {
        var editable = await EditableDocumentAsync(user, documentId, cancellationToken);
        if (!editable.Succeeded)
        {
            return editable.Refusal;
        }

        var document = editable.Value;

        var attachment = await db.Set<DocumentAttachment>().SingleOrDefaultAsync(a => a.Id == attachmentId && a.DocumentId == documentId, cancellationToken);
        if (attachment is null)
        {
            return Refusal.NotFound("没有找到该附件，可能已被删除。");
        }

        db.Remove(attachment);
        audit.Record("document.attachment-deleted", Target(document, attachment), $"{attachment.FileName}（SHA-256 {attachment.Sha256}）", bodyId: document.BodyId);
        await db.SaveChangesAsync(cancellationToken);
        return attachment;
    }

    /// <summary>Masks, inside the Word file, every personal-data finding that lies within one text element; the masked
    /// file replaces the stored one (new hash, text and findings), and the audit row keeps both hashes.</summary>
    public async Task<Outcome<DocumentAttachment>> MaskAsync(ClaimsPrincipal user, int documentId, int attachmentId, CancellationToken cancellationToken = default)
    {
        var editable = await EditableDocumentAsync(user, documentId, cancellationToken);
        if (!editable.Succeeded)
        {
            return editable.Refusal;
        }

        var document = editable.Value;

        var attachment = await db.Set<DocumentAttachment>().SingleOrDefaultAsync(a => a.Id == attachmentId && a.DocumentId == documentId, cancellationToken);
        if (attachment is null)
        {
            return Refusal.NotFound("没有找到该附件，可能已被删除。");
        }

        if (attachment.Kind != AttachmentKind.Docx)
        {
            return Refusal.Invalid("只有 Word（.docx）附件可以一键遮盖；其他附件请在本地处理后重新上传替换。");
        }

        var findings = FindingsOf(attachment).Where(f => f.OneClick).ToList();
        if (findings.Count == 0)
        {
            return Refusal.Invalid("该附件没有可以一键遮盖的个人信息；跨越多处格式的内容请在本地修改后重新上传替换。");
        }

        var content = await db.Set<AttachmentContent>().SingleAsync(c => c.AttachmentId == attachmentId, cancellationToken);
        var (masked, count) = DocxMasker.Mask(content.Bytes, findings.Select(f => (f.Text, f.Replacement)).ToList());
        var oldHash = attachment.Sha256;
        content.Bytes = masked;
        await FillAsync(attachment, masked, document.SignedOn, cancellationToken);
        attachment.UploadedAt = clock.GetUtcNow();
        attachment.UploadedBy = StaffClaims.DisplayNameOf(user);
        audit.Record("document.attachment-masked", Target(document, attachment),
            $"{attachment.FileName}：遮盖 {count} 处个人信息，SHA-256 {oldHash} → {attachment.Sha256}", bodyId: document.BodyId);
        await db.SaveChangesAsync(cancellationToken);
        return attachment;
    }

    public static IReadOnlyList<AttachmentFinding> FindingsOf(DocumentAttachment attachment) =>
        JsonSerializer.Deserialize<List<AttachmentFinding>>(attachment.FindingsJson, Json) ?? [];

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };

    /// <summary>Sets the size, hash, text and findings of <paramref name="attachment"/> from <paramref name="bytes"/>.</summary>
    internal async Task FillAsync(DocumentAttachment attachment, byte[] bytes, DateOnly? documentDate, CancellationToken cancellationToken)
    {
        attachment.Size = bytes.Length;
        attachment.Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var text = AttachmentTextExtractor.Extract(attachment.Kind, bytes);
        attachment.TextStatus = text.Status;
        attachment.Text = text.Text;
        attachment.TextTruncated = text.Truncated;
        attachment.TextProblem = text.Problem;
        var findings = new List<AttachmentFinding>();
        if (text.Text.Length > 0)
        {
            var check = await safeguards.CheckAsync(text.Text, documentDate, cancellationToken);
            var personal = check.Findings.Where(f => f.Kind.IsPersonal()).ToList();
            var oneNode = attachment.Kind == AttachmentKind.Docx
                ? DocxMasker.FindableInOneNode(bytes, personal.Select(f => f.Text))
                : new HashSet<string>();
            findings.AddRange(personal.Select(f => new AttachmentFinding(f.Kind.Code(), f.Kind.DisplayName(), f.Start, f.Length, f.Text, f.Replacement, f.Message, oneNode.Contains(f.Text))));
        }

        attachment.FindingsJson = JsonSerializer.Serialize(findings, Json);
    }

    private async Task<Outcome<Document>> EditableDocumentAsync(ClaimsPrincipal user, int documentId, CancellationToken cancellationToken)
    {
        var document = await db.Set<Document>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null || !await scope.MayActForAsync(user, document.BodyId, cancellationToken))
        {
            return Refusal.NotFound("没有找到该文件，或它不属于您所在的单位。", "文件不存在");
        }

        if (!ReviewWorkflow.IsEditable(document.Status))
        {
            return Refusal.Conflict(
                $"该文件当前状态为“{ReviewWorkflow.ChineseName(document.Status)}”，附件不能再增删；只有草稿或被退回的文件可以修改附件。");
        }

        return document;
    }

    internal static string? CleanName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return null;
        }

        // Browsers on some systems send the full path; keep the last part, and nothing that could break a header.
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = Platform.Text.VisibleText.Clean(name.Replace("\"", "", StringComparison.Ordinal));
        if (name.Length > 200)
        {
            name = name[..(200 - Path.GetExtension(name).Length)] + Path.GetExtension(name);
        }

        return name.Length == 0 ? null : name;
    }

    private static string TooLarge(long max) => $"文件过大：附件不能超过 {Size(max)}。请压缩或拆分后重新上传。";

    private static string Target(Document document, DocumentAttachment attachment) =>
        $"{DocumentPublisher.Target(document)}/attachment:{attachment.Id}";
}
