using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Gongkai.OpenData.Admin;

/// <summary>Enters one record of a type for one of the user's bodies.</summary>
[Authorize(Policy = OpenDataPermissions.EditRecords)]
public sealed class NewRecordModel(RecordTypeStore types, RecordDesk desk, BodyDirectory directory) : RecordFormPage
{
    public string TypeKey { get; private set; } = "";

    public string TypeName { get; private set; } = "";

    public Body? Body { get; private set; }

    public async Task<IActionResult> OnGetAsync(string type, string body, CancellationToken cancellationToken) =>
        await LoadAsync(type, body, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(string type, string body, CancellationToken cancellationToken)
    {
        var refused = await LoadAsync(type, body, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }

        var result = await desk.CreateAsync(User, type, Body!.Id, Values, Submit, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect($"/admin/open-data/{type}?body={body}&done={Uri.EscapeDataString(Submit ? "已保存并提交审核。" : "已保存为草稿。")}");
        }

        if (result.Refusal!.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
        {
            return this.Refused(result.Refusal);
        }

        Errors = result.Refusal.Errors;
        FormError = result.Refusal.Message;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string type, string body, CancellationToken cancellationToken)
    {
        var recordType = await types.FindAsync(type, cancellationToken);
        Body = await directory.FindByCodeAsync(body ?? "", cancellationToken);
        if (recordType is null || Body is null)
        {
            return NotFound();
        }

        TypeKey = recordType.Key;
        TypeName = recordType.Name;
        Schema = recordType.Schema;
        return null;
    }
}
