using System.Text;
using Gongkai.OpenData.Data;
using Gongkai.OpenData.Import;
using Gongkai.OpenData.Rules;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.OpenData.Admin;

/// <summary>
/// One record type's records for one of the user's bodies: the list with status and 公示时限, entry of a new record,
/// import of a CSV or XLSX file (a per-row report; nothing stored unless every row is right), and for reviewers the
/// approval of what someone else submitted.
/// </summary>
[Authorize(Policy = OpenDataPermissions.WorkOnRecords)]
public sealed class TypeRecordsModel(GongkaiDbContext db, RecordTypeStore types, RecordDesk desk, BodyDirectory directory, BodyScope scope,
    RolePermissions permissions, TimeProvider clock) : PageModel
{
    public const string PagePath = "/OpenData/Admin/TypeRecords";
    public const int PageSize = 50;

    public RecordType? Type { get; private set; }

    public RecordSchema Schema => Type!.Schema;

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public Body? Body { get; private set; }

    public IReadOnlyList<DataRecord> Records { get; private set; } = [];

    public int Total { get; private set; }

    [BindProperty(SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public bool MayReview { get; private set; }

    /// <summary>May enter and import (reviewers only review).</summary>
    public bool MayEdit { get; private set; }

    public DateOnly Today { get; private set; }

    public ImportResult? Import { get; private set; }

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(string type, string? body, string? done, CancellationToken cancellationToken)
    {
        Message = done;
        return await LoadAsync(type, body, cancellationToken) ?? Page();
    }

    public async Task<IActionResult> OnPostImportAsync(string type, string? body, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(type, body, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (!MayEdit)
        {
            return Forbid();
        }

        if (Upload is null || Upload.Length == 0)
        {
            Error = "请选择要导入的 CSV 或 XLSX 文件。";
            return Page();
        }

        var extension = Path.GetExtension(Upload.FileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            Error = "只能导入 .csv（UTF-8 编码）或 .xlsx 文件。";
            return Page();
        }

        await using var stream = Upload.OpenReadStream();
        Outcome<ImportResult> result;
        try
        {
            // XLSX needs a seekable stream; the upload is already buffered by the form reader.
            var table = extension == ".csv"
                ? TableReaders.ReadCsv(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
                : TableReaders.ReadXlsx(stream);
            result = await desk.ImportAsync(User, type, Body!.Id, table.Header, table.Rows, cancellationToken);
        }
        catch (TableFormatException error)
        {
            Error = error.Message + "（本次未导入任何记录）";
            return Page();
        }

        if (!result.Succeeded)
        {
            return this.Refused(result.Refusal!);
        }

        Import = result.Value;
        await ReloadListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAllAsync(string type, string? body, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(type, body, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (!MayReview)
        {
            return Forbid();
        }

        var result = await desk.ApproveAllAsync(User, type, Body!.Id, cancellationToken);
        if (!result.Succeeded)
        {
            Error = result.Refusal!.Message;
            return Page();
        }

        return Redirect($"/admin/open-data/{type}?body={Body.Code}&done={Uri.EscapeDataString($"已审核并公开 {result.Value} 条记录。")}");
    }

    public async Task<IActionResult> OnPostReviewAsync(string type, string? body, long id, string decision, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(type, body, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (!MayReview)
        {
            return Forbid();
        }

        var result = await desk.ReviewAsync(User, id, decision == "approve", null, cancellationToken);
        if (!result.Succeeded)
        {
            Error = result.Refusal!.Message;
            return Page();
        }

        return Redirect($"/admin/open-data/{type}?body={Body!.Code}&done={Uri.EscapeDataString(decision == "approve" ? "已审核并公开。" : "已退回。")}");
    }

    public string StateOf(DataRecord record) =>
        PublishDeadline.DisplayName(PublishDeadline.StateOf(record.PublishBy, record.FirstPublishedAt is { } at ? ChinaTime.DateOf(at) : null, Today));

    public bool IsLate(DataRecord record) =>
        PublishDeadline.StateOf(record.PublishBy, record.FirstPublishedAt is { } at ? ChinaTime.DateOf(at) : null, Today) is PublishState.Overdue or PublishState.PublishedLate;

    public string PageUrl(int page) => $"/admin/open-data/{Type!.Key}?body={Body!.Code}&pageNumber={page}";

    private async Task<IActionResult?> LoadAsync(string type, string? body, CancellationToken cancellationToken)
    {
        Type = await types.FindAsync(type, cancellationToken);
        if (Type is null)
        {
            return NotFound();
        }

        var hierarchy = await directory.LoadAsync(cancellationToken);
        var inScope = await scope.BodiesInScopeAsync(User, cancellationToken);
        Bodies = hierarchy.All.Where(b => inScope is null || inScope.Contains(b.Id)).ToList();
        Body = body is null ? hierarchy.Find(StaffClaims.BodyIdOf(User)) ?? (Bodies.Count > 0 ? Bodies[0] : null) : hierarchy.FindByCode(body);
        if (Body is null)
        {
            return NotFound();
        }

        if (!await scope.MayActForAsync(User, Body.Id, cancellationToken))
        {
            return Forbid();
        }

        MayReview = permissions.Grants(User, OpenDataPermissions.ReviewRecords);
        MayEdit = permissions.Grants(User, OpenDataPermissions.EditRecords);
        Today = ChinaTime.Today(clock);
        await ReloadListAsync(cancellationToken);
        return null;
    }

    private async Task ReloadListAsync(CancellationToken cancellationToken)
    {
        var query = db.Set<DataRecord>().AsNoTracking().Where(r => r.RecordTypeId == Type!.Id && r.BodyId == Body!.Id);
        Total = await query.CountAsync(cancellationToken);
        PageNumber = Math.Max(1, PageNumber);
        Records = await query.OrderBy(r => r.Status == RecordStatus.Published && r.PendingValuesJson == null ? 1 : 0).ThenByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
    }
}
