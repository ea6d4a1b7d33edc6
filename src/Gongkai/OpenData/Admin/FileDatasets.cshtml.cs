using Gongkai.OpenData.Data;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.OpenData.Admin;

/// <summary>A row of the console's file-dataset list.</summary>
public sealed record FileDatasetRow(FileDataset Dataset, string BodyName, int Versions, bool Waiting);

/// <summary>
/// 文件数据集: the file datasets of the user's bodies (published version, one waiting for review) and the form that
/// publishes a new one — metadata plus a CSV, XLSX or JSON file; a bad file gets its report and nothing is stored.
/// </summary>
[Authorize(Policy = OpenDataPermissions.WorkOnRecords)]
public sealed class FileDatasetsModel(GongkaiDbContext db, FileDatasetDesk desk, BodyDirectory directory, BodyScope scope, RolePermissions permissions,
    IOptions<OpenDataOptions> options) : FileDatasetFormPage
{
    public const string PagePath = "/OpenData/Admin/FileDatasets";

    public IReadOnlyList<FileDatasetRow> Datasets { get; private set; } = [];

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public bool MayEdit { get; private set; }

    [BindProperty]
    public string? BodyCode { get; set; }

    public long MaxBytes => options.Value.MaxFileDatasetBytes;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!MayEdit)
        {
            return Forbid();
        }

        var body = Bodies.FirstOrDefault(b => b.Code == BodyCode) ?? (Bodies.Count == 1 ? Bodies[0] : null);
        if (body is null)
        {
            Errors["BodyCode"] = "请选择发布单位。";
            return Page();
        }

        var upload = await ReadUploadAsync(MaxBytes, cancellationToken);
        if (upload is not { } file)
        {
            return Page();
        }

        var result = await desk.SubmitAsync(User, null, body.Id, Form.ToMetadata(), file.Name, file.Content, cancellationToken);
        if (!result.Succeeded)
        {
            Show(result.Refusal!);
            return Page();
        }

        if (result.Value!.Version is not { } version)
        {
            FileErrors = result.Value.FileErrors;
            return Page();
        }

        return Redirect($"/admin/open-data/files/{version.FileDatasetId}?done={Uri.EscapeDataString("已上传并提交审核：须由另一人审核通过后公开。")}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        MayEdit = permissions.Grants(User, OpenDataPermissions.EditRecords);
        var hierarchy = await directory.LoadAsync(cancellationToken);
        var inScope = await scope.BodiesInScopeAsync(User, cancellationToken);
        Bodies = hierarchy.All.Where(b => inScope is null || inScope.Contains(b.Id)).ToList();
        BodyCode ??= hierarchy.Find(StaffClaims.BodyIdOf(User))?.Code;
        var query = db.Set<FileDataset>().AsNoTracking();
        if (inScope is not null)
        {
            query = query.Where(f => inScope.Contains(f.BodyId));
        }

        var datasets = await query.OrderByDescending(f => f.UpdatedAt).Take(500).ToListAsync(cancellationToken);
        var ids = datasets.Select(d => d.Id).ToList();
        var versions = await db.Set<FileDatasetVersion>().AsNoTracking().Where(v => ids.Contains(v.FileDatasetId))
            .GroupBy(v => v.FileDatasetId)
            .Select(g => new { Id = g.Key, Count = g.Count(), Waiting = g.Any(v => v.Status == FileVersionStatus.AwaitingReview) })
            .ToListAsync(cancellationToken);
        Datasets = datasets.Select(d => new FileDatasetRow(d, hierarchy.Find(d.BodyId)?.Name ?? "",
            versions.FirstOrDefault(v => v.Id == d.Id)?.Count ?? 0, versions.FirstOrDefault(v => v.Id == d.Id)?.Waiting ?? false)).ToList();
    }
}
