using System.Text.Json;
using Gongkai.OpenData.Data;
using Gongkai.OpenData.Rules;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.OpenData.Admin;

/// <summary>
/// One file dataset in the console: its versions (the one waiting for review with 通过并公开/退回 for a reviewer who
/// did not upload it), the data dictionary's descriptions, and the form for a new version (metadata prefilled).
/// </summary>
[Authorize(Policy = OpenDataPermissions.WorkOnRecords)]
public sealed class FileDatasetModel(GongkaiDbContext db, FileDatasetDesk desk, BodyDirectory directory, BodyScope scope, RolePermissions permissions,
    IOptions<OpenDataOptions> options) : FileDatasetFormPage
{
    public const string PagePath = "/OpenData/Admin/FileDataset";

    public FileDataset? Dataset { get; private set; }

    public string BodyName { get; private set; } = "";

    public IReadOnlyList<FileDatasetVersion> Versions { get; private set; } = [];

    /// <summary>The columns of the newest version that is a table, with the saved descriptions.</summary>
    public IReadOnlyList<FieldDefinition> Columns { get; private set; } = [];

    public bool MayEdit { get; private set; }

    /// <summary>The version the personal-data scan is shown for: the one waiting for review, else the newest.</summary>
    public FileDatasetVersion? Scanned { get; private set; }

    /// <summary>What the scan found in <see cref="Scanned"/>'s cells.</summary>
    public IReadOnlyList<ColumnFinding> Findings { get; private set; } = [];

    public IReadOnlyDictionary<string, ColumnDeclaration> Declarations { get; private set; } = new Dictionary<string, ColumnDeclaration>();

    public bool MayReview { get; private set; }

    public string? Message { get; private set; }

    /// <summary>Why a review or a declaration was refused, shown above the versions (not in the upload form).</summary>
    public string? ActionError { get; private set; }

    public string? CurrentUserId => StaffClaims.UserIdOf(User);

    public long MaxBytes => options.Value.MaxFileDatasetBytes;

    public async Task<IActionResult> OnGetAsync(int id, string? done, CancellationToken cancellationToken)
    {
        Message = done;
        var refused = await LoadAsync(id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        // The dataset's current metadata (given at creation through the API, or with the latest upload), else the newest version's.
        if ((Dataset!.MetadataJson ?? (Versions.Count > 0 ? Versions[0].MetadataJson : null)) is { } json
            && JsonSerializer.Deserialize<FileDatasetMetadata>(json, SchemaJsonFormat.Options) is { } latest)
        {
            Form = FileMetadataInput.From(latest);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (!MayEdit)
        {
            return Forbid();
        }

        var upload = await ReadUploadAsync(MaxBytes, cancellationToken);
        if (upload is not { } file)
        {
            return Page();
        }

        var result = await desk.SubmitAsync(User, id, Dataset!.BodyId, Form.ToMetadata(), file.Name, file.Content, cancellationToken);
        if (!result.Succeeded)
        {
            Show(result.Refusal!);
            return Page();
        }

        if (result.Value!.Version is null)
        {
            FileErrors = result.Value.FileErrors;
            return Page();
        }

        return Redirect($"/admin/open-data/files/{id}?done={Uri.EscapeDataString("新版本已上传并提交审核：审核通过后替换当前公开的数据。")}");
    }

    public async Task<IActionResult> OnPostReviewAsync(int id, int version, string decision, string? comment, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (!MayReview)
        {
            return Forbid();
        }

        if (!Versions.Any(v => v.Id == version))
        {
            return NotFound();
        }

        var result = await desk.ReviewAsync(User, version, decision == "approve", comment, cancellationToken);
        if (!result.Succeeded)
        {
            ActionError = result.Refusal!.Message;
            return Page();
        }

        return Redirect($"/admin/open-data/files/{id}?done={Uri.EscapeDataString(decision == "approve" ? "已审核并公开。" : "已退回。")}");
    }

    public async Task<IActionResult> OnPostDescriptionsAsync(int id, Dictionary<string, string?> descriptions, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (!MayEdit)
        {
            return Forbid();
        }

        var known = Columns.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var result = await desk.SaveDescriptionsAsync(User, id, descriptions.Where(d => known.Contains(d.Key)).ToDictionary(), cancellationToken);
        if (!result.Succeeded)
        {
            Errors[""] = result.Refusal!.Message;
            return Page();
        }

        return Redirect($"/admin/open-data/files/{id}?done={Uri.EscapeDataString("数据字典的说明已保存。")}");
    }

    /// <summary>声明: flagged columns are not personal data, or are masked already (an empty choice removes it).</summary>
    public async Task<IActionResult> OnPostDeclarationsAsync(int id, Dictionary<string, string?> declarations, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (!MayEdit && !MayReview)
        {
            return Forbid();
        }

        var flagged = Findings.Select(f => f.Column).Concat(Declarations.Keys).ToHashSet(StringComparer.Ordinal);
        var chosen = new Dictionary<string, ColumnDeclaration?>(StringComparer.Ordinal);
        foreach (var (column, value) in declarations.Where(d => flagged.Contains(d.Key)))
        {
            chosen[column] = Enum.TryParse<ColumnDeclaration>(value, out var declaration) && Enum.IsDefined(declaration) ? declaration : null;
        }

        var result = await desk.DeclareColumnsAsync(User, id, chosen, cancellationToken);
        if (!result.Succeeded)
        {
            ActionError = result.Refusal!.Message;
            return Page();
        }

        return Redirect($"/admin/open-data/files/{id}?done={Uri.EscapeDataString("个人信息检查的声明已保存。")}");
    }

    public static string StatusName(FileVersionStatus status) => status switch
    {
        FileVersionStatus.AwaitingReview => "待审核",
        FileVersionStatus.Published => "当前公开",
        FileVersionStatus.Superseded => "已被新版本替换",
        _ => "已退回",
    };

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Dataset = await db.Set<FileDataset>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (Dataset is null)
        {
            return NotFound();
        }

        if (!await scope.MayActForAsync(User, Dataset.BodyId, cancellationToken))
        {
            return Forbid();
        }

        BodyName = (await directory.FindAsync(Dataset.BodyId, cancellationToken))?.Name ?? "";
        MayEdit = permissions.Grants(User, OpenDataPermissions.EditRecords);
        MayReview = permissions.Grants(User, OpenDataPermissions.ReviewRecords);
        Versions = await db.Set<FileDatasetVersion>().AsNoTracking().Where(v => v.FileDatasetId == id).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        var descriptions = FileDatasetSchema.ReadDescriptions(Dataset.DescriptionsJson);
        var table = Versions.FirstOrDefault(v => v.Status == FileVersionStatus.Published && v.ColumnsJson is not null)
            ?? Versions.FirstOrDefault(v => v.ColumnsJson is not null);
        Columns = FileDatasetSchema.ReadColumns(table?.ColumnsJson)
            .Select(c => c with { Description = descriptions.GetValueOrDefault(c.Key) }).ToList();
        Scanned = Versions.FirstOrDefault(v => v.Status == FileVersionStatus.AwaitingReview) ?? (Versions.Count > 0 ? Versions[0] : null);
        Findings = Scanned is null ? [] : await desk.FindingsOfAsync(Scanned, cancellationToken);
        Declarations = FileDatasetDesk.ReadDeclarations(Dataset.ColumnDeclarationsJson);
        return null;
    }
}
