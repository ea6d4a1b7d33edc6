using Gongkai.OpenData.Data;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.OpenData.Admin;

/// <summary>Edits one record (a published one's changes wait for review as a correction), or withdraws a published one.</summary>
[Authorize(Policy = OpenDataPermissions.EditRecords)]
public sealed class EditRecordModel(GongkaiDbContext db, RecordDesk desk, BodyScope scope, RolePermissions permissions, Organizations.BodyDirectory directory) : RecordFormPage
{
    public DataRecord? Record { get; private set; }

    public RecordType? Type { get; private set; }

    public bool MayWithdraw { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        Values = SchemaJsonFormat.ReadValues(Record!.PendingValuesJson ?? Record.ValuesJson).ToDictionary(p => p.Key, p => (string?)p.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var result = await desk.EditAsync(User, id, Values, Submit, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/admin/open-data/{Type!.Key}?body={await BodyCodeAsync(cancellationToken)}&done={Uri.EscapeDataString("已保存。")}");
        }

        if (result.Refusal!.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
        {
            return this.Refused(result.Refusal);
        }

        Errors = result.Refusal.Errors;
        FormError = result.Refusal.Message;
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(long id, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(id, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        if (!MayWithdraw)
        {
            return Forbid();
        }

        var result = await desk.WithdrawAsync(User, id, Reason, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/admin/open-data/{Type!.Key}?body={await BodyCodeAsync(cancellationToken)}&done={Uri.EscapeDataString("已撤回。")}");
        }

        Values = SchemaJsonFormat.ReadValues(Record!.ValuesJson).ToDictionary(p => p.Key, p => (string?)p.Value);
        Errors = result.Refusal!.Errors;
        FormError = result.Refusal.Message;
        return Page();
    }

    private async Task<string> BodyCodeAsync(CancellationToken cancellationToken) =>
        (await directory.FindAsync(Record!.BodyId, cancellationToken))?.Code ?? "";

    private async Task<IActionResult?> LoadAsync(long id, CancellationToken cancellationToken)
    {
        Record = await db.Set<DataRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (Record is null)
        {
            return NotFound();
        }

        if (!await scope.MayActForAsync(User, Record.BodyId, cancellationToken))
        {
            // Like documents: another body's record is not shown to exist.
            return NotFound();
        }

        Type = await db.Set<RecordType>().AsNoTracking().FirstAsync(t => t.Id == Record.RecordTypeId, cancellationToken);
        Schema = Type.Schema;
        MayWithdraw = Record.Status == RecordStatus.Published && permissions.Grants(User, OpenDataPermissions.ReviewRecords);
        return null;
    }
}
