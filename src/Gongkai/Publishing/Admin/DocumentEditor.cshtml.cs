using System.Globalization;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Publishing.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Publishing.Admin;

/// <summary>The editor form as typed: strings only, so any input can be shown again unchanged next to its error.</summary>
public sealed class DocumentForm
{
    public string? Title { get; set; }

    public string? DocNumber { get; set; }

    public string? DocumentType { get; set; }

    public string? Subject { get; set; }

    public string? SignedOn { get; set; }

    public string? EffectiveOn { get; set; }

    public string? ExpiresOn { get; set; }

    public string? Keywords { get; set; }

    /// <summary>Body codes of co-issuers, separated by commas or spaces.</summary>
    public string? CoIssuers { get; set; }

    public string? BodyHtml { get; set; }

    /// <summary>The id of the catalogue node (主动公开目录), empty for none.</summary>
    public string? CatalogueNode { get; set; }

    /// <summary>有效性 by its API name (valid, repealed…); only the correction form shows it, a draft is valid.</summary>
    public string? Validity { get; set; }

    /// <summary>The 索引号 of the repealing or revising document; only the correction form shows it.</summary>
    public string? SupersededBy { get; set; }

    public static DocumentForm From(Document document) => new()
    {
        CatalogueNode = document.CatalogueNodeId?.ToString(CultureInfo.InvariantCulture),
        Title = document.Title,
        DocNumber = document.DocNumber,
        DocumentType = document.DocumentType,
        Subject = document.Subject,
        SignedOn = Format(document.SignedOn),
        EffectiveOn = Format(document.EffectiveOn),
        ExpiresOn = Format(document.ExpiresOn),
        Keywords = document.Keywords,
        CoIssuers = string.Join(", ", document.CoIssuers.Select(c => c.Body?.Code).OfType<string>()),
        BodyHtml = document.BodyHtml,
        Validity = document.Validity.ToString(),
        SupersededBy = document.SupersededBy?.IndexNo,
    };

    /// <summary>The input, or errors for dates that are not dates.</summary>
    public (DocumentInput Input, Dictionary<string, string[]> Errors) ToInput()
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        DateOnly? Date(string field, string label, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            errors[field] = [$"{label}“{text}”不是有效日期，请按“2024-09-27”的格式填写。"];
            return null;
        }

        var validity = DocumentValidity.Valid;
        if (!string.IsNullOrWhiteSpace(Validity))
        {
            if (DocumentCatalog.ParseValidity(Validity.Trim()) is { } parsed)
            {
                validity = parsed;
            }
            else
            {
                errors["validity"] = [$"有效性“{Validity}”不在可选范围内。"];
            }
        }

        var input = new DocumentInput(Title, DocNumber, DocumentType, Subject, Date("signedOn", "成文日期", SignedOn), BodyHtml, Keywords,
            Date("effectiveOn", "施行日期", EffectiveOn), Date("expiresOn", "失效日期", ExpiresOn),
            (CoIssuers ?? "").Split([',', '，', ' ', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Validity: validity, SupersededBy: SupersededBy,
            CatalogueNode: int.TryParse(CatalogueNode, NumberStyles.None, CultureInfo.InvariantCulture, out var node) ? node : null);
        return (input, errors);
    }

    private static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>What the shared document fields (_DocumentFields.cshtml) show: the form as typed, its errors, the body's
/// catalogue nodes, and whether validity and the superseding document are offered (corrections only).</summary>
public sealed record DocumentFieldsView(DocumentForm Form, IReadOnlyDictionary<string, string[]> Errors, IReadOnlyList<(int Id, string Label)> CatalogueOptions,
    bool ShowValidity)
{
    public string[] ErrorsFor(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];
}

/// <summary>New and edit form of a draft. Bad input comes back with Chinese messages beside the fields and everything
/// typed kept; "保存并提交审核" saves and submits in one go.</summary>
[Authorize(Policy = PublishingPermissions.EditDocuments)]
public sealed class DocumentEditorModel(GongkaiDbContext db, DocumentDesk desk, BodyScope scope, Catalogue.CatalogueDesk catalogue) : PageModel
{
    /// <summary>The body's visible catalogue nodes, depth first, with their path as the label.</summary>
    public IReadOnlyList<(int Id, string Label)> CatalogueOptions { get; private set; } = [];

    [BindProperty]
    public DocumentForm Form { get; set; } = new();

    public int? DocumentId { get; private set; }

    /// <summary>After 导入 Word: what was carried into the body (not yet saved).</summary>
    public string? ImportConfirmation { get; private set; }

    /// <summary>After 导入 Word: what the file had that the body cannot keep (unsupported pictures…).</summary>
    public IReadOnlyList<string> ImportNotes { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors => ModelState.FieldErrors();

    public string[] ErrorsFor(string field) => ModelState.ErrorsFor(field);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        DocumentId = id;
        if (id is null)
        {
            await LoadCatalogueAsync(StaffClaims.BodyIdOf(User), cancellationToken);
            return Page();
        }

        var document = await db.Set<Document>().AsNoTracking().Include(d => d.CoIssuers).ThenInclude(c => c.Body).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null || !await scope.MayActForAsync(User, document.BodyId, cancellationToken))
        {
            return NotFound();
        }

        if (!ReviewWorkflow.IsEditable(document.Status))
        {
            return Redirect($"/admin/documents/{id}");
        }

        Form = DocumentForm.From(document);
        await LoadCatalogueAsync(document.BodyId, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, string? submit, CancellationToken cancellationToken)
    {
        DocumentId = id;
        var bodyId = id is null ? StaffClaims.BodyIdOf(User) : await db.Set<Document>().Where(d => d.Id == id).Select(d => (int?)d.BodyId).SingleOrDefaultAsync(cancellationToken);
        await LoadCatalogueAsync(bodyId, cancellationToken);
        var (input, dateErrors) = Form.ToInput();
        if (dateErrors.Count > 0)
        {
            return this.Refused(Refusal.Invalid("文件信息有误，请按提示修改。", dateErrors));
        }

        var result = id is null ? await desk.CreateAsync(User, input, cancellationToken: cancellationToken) : await desk.EditAsync(User, id.Value, input, cancellationToken);
        if (result.Succeeded && submit == "true")
        {
            result = await desk.SubmitAsync(User, result.Value.Id, cancellationToken);
        }

        if (!result.Succeeded)
        {
            return this.Refused(result.Refusal);
        }

        TempData[DocumentReviewModel.ConfirmationKey] = submit == "true" ? "已保存并提交初审。" : "草稿已保存。";
        return Redirect($"/admin/documents/{result.Value.Id}");
    }

    /// <summary>
    /// 导入 Word: the .docx becomes the body in the form shown again — every other field as typed, the title taken from
    /// the file only when it was left empty. Nothing is saved (so nothing is audited here); the editor checks the result
    /// and saves through the usual buttons, which sanitise and audit as for anything typed. A bad file comes back with
    /// a Chinese message beside the file field and the form unchanged.
    /// </summary>
    public async Task<IActionResult> OnPostImportWordAsync(int? id, IFormFile? wordFile, CancellationToken cancellationToken)
    {
        DocumentId = id;
        int? bodyId = StaffClaims.BodyIdOf(User);
        if (id is not null)
        {
            var document = await db.Set<Document>().AsNoTracking().Where(d => d.Id == id).Select(d => new { d.BodyId, d.Status }).SingleOrDefaultAsync(cancellationToken);
            if (document is null || !await scope.MayActForAsync(User, document.BodyId, cancellationToken))
            {
                return NotFound();
            }

            if (!ReviewWorkflow.IsEditable(document.Status))
            {
                return Redirect($"/admin/documents/{id}");
            }

            bodyId = document.BodyId;
        }

        await LoadCatalogueAsync(bodyId, cancellationToken);
        if (wordFile is null || wordFile.Length == 0)
        {
            return this.Refused(Refusal.InvalidField("wordFile", "请先选择要导入的 Word 文档（.docx），再点击“导入 Word”。"));
        }

        if (wordFile.Length > WordImport.WordToHtml.MaxFileBytes)
        {
            return this.Refused(Refusal.InvalidField("wordFile",
                $"“{wordFile.FileName}”超过 {WordImport.WordToHtml.MaxFileBytes / 1024 / 1024} MB，无法导入；请压缩其中的图片后再试，或将图片作为附件上传。"));
        }

        byte[] content;
        using (var buffer = new MemoryStream((int)wordFile.Length))
        {
            await wordFile.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        var outcome = WordImport.WordToHtml.Convert(wordFile.FileName, content);
        if (!outcome.Succeeded || outcome.Value is not { } imported)
        {
            return this.Refused(outcome.Refusal ?? Refusal.InvalidField("wordFile", "无法导入该文件。"));
        }

        Form.BodyHtml = RichText.Sanitize(imported.BodyHtml);
        var confirmation = $"已导入：{imported.Counts()}。";
        if (string.IsNullOrWhiteSpace(Form.Title) && (imported.Title ?? imported.FirstHeading()) is { } title)
        {
            Form.Title = title.Length > DocumentInputRules.MaxTitleLength ? title[..DocumentInputRules.MaxTitleLength] : title;
            confirmation += $"标题取自文档：“{Form.Title}”。";
        }

        ImportConfirmation = confirmation + "正文尚未保存，请检查后点击“保存草稿”或“保存并提交审核”。";
        ImportNotes = imported.Notes;
        return Page();
    }

    private async Task LoadCatalogueAsync(int? bodyId, CancellationToken cancellationToken)
    {
        if (bodyId is null)
        {
            return;
        }

        CatalogueOptions = await CatalogueOptionsAsync(catalogue, bodyId.Value, cancellationToken);
    }

    /// <summary>The body's visible catalogue nodes, depth first, labelled with their path.</summary>
    public static async Task<IReadOnlyList<(int Id, string Label)>> CatalogueOptionsAsync(Catalogue.CatalogueDesk catalogue, int bodyId, CancellationToken cancellationToken)
    {
        var tree = await catalogue.TreeAsync(bodyId, includeHidden: false, cancellationToken);
        var options = new List<(int, string)>();
        void Walk(IReadOnlyList<Catalogue.CatalogueTreeNode> nodes, string prefix)
        {
            foreach (var node in nodes)
            {
                var label = prefix + node.Node.Name;
                options.Add((node.Node.Id, label));
                Walk(node.Children, label + " / ");
            }
        }

        Walk(tree, "");
        return options;
    }
}
