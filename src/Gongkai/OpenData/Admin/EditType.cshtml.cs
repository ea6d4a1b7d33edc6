using Gongkai.OpenData.Rules;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.OpenData.Admin;

/// <summary>The record type as a form: name, description, fields one per line, key fields, deadline.</summary>
public sealed class TypeDraft
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public string Fields { get; set; } = "";
    public string NaturalKey { get; set; } = "";
    public string TitleField { get; set; } = "";
    public string? DecisionDateField { get; set; }
    public int? PublishWithinWorkingDays { get; set; }
    public string Theme { get; set; } = "";
    public string UpdateFrequency { get; set; } = "不定期";

    public static TypeDraft From(RecordSchema schema) => new()
    {
        Key = schema.Key,
        Name = schema.Name,
        Description = schema.Description,
        Fields = SchemaText.Format(schema.Fields),
        NaturalKey = string.Join(",", schema.NaturalKey),
        TitleField = schema.TitleField,
        DecisionDateField = schema.DecisionDateField,
        PublishWithinWorkingDays = schema.PublishWithinWorkingDays,
        Theme = schema.Theme,
        UpdateFrequency = schema.UpdateFrequency,
    };
}

/// <summary>Creates a record type (<c>/admin/open-data/types/new</c>) or edits one; every save is a new version.</summary>
[Authorize(Policy = OpenDataPermissions.ManageRecordTypes)]
public sealed class EditTypeModel(RecordTypeStore types) : PageModel
{
    public static IReadOnlyList<string> Frequencies { get; } = ["实时", "每日", "每周", "每月", "每季度", "每年", "不定期"];

    [BindProperty]
    public TypeDraft Draft { get; set; } = new();

    public bool IsNew { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public string? Message { get; private set; }

    public string[] ErrorsFor(string key) => Errors.TryGetValue(key, out var messages) ? messages : [];

    public async Task<IActionResult> OnGetAsync(string key, bool saved, CancellationToken cancellationToken)
    {
        IsNew = key == "new";
        if (!IsNew)
        {
            var type = await types.FindAsync(key, cancellationToken);
            if (type is null)
            {
                return NotFound();
            }

            Draft = TypeDraft.From(type.Schema);
            Version = type.Version;
        }

        Message = saved ? "已保存为新版本。" : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken cancellationToken)
    {
        IsNew = key == "new";
        if (!IsNew)
        {
            var existing = await types.FindAsync(key, cancellationToken);
            if (existing is null)
            {
                return NotFound();
            }

            Draft.Key = existing.Key;
            Version = existing.Version;
        }
        else if (await types.FindAsync(Draft.Key.Trim(), cancellationToken) is not null)
        {
            Errors = new Dictionary<string, string[]> { ["key"] = ["已有这个类型标识，请换一个。"] };
            return Page();
        }

        var fields = SchemaText.Parse(Draft.Fields ?? "");
        if (!fields.Succeeded)
        {
            Errors = fields.Refusal!.Errors;
            return Page();
        }

        var schema = new RecordSchema(Draft.Key.Trim(), Draft.Name?.Trim() ?? "", Draft.Description?.Trim() ?? "", fields.Value!,
            (Draft.NaturalKey ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Draft.TitleField?.Trim() ?? "", string.IsNullOrWhiteSpace(Draft.DecisionDateField) ? null : Draft.DecisionDateField.Trim(),
            Draft.PublishWithinWorkingDays, Draft.Theme?.Trim() ?? "", Frequencies.Contains(Draft.UpdateFrequency) ? Draft.UpdateFrequency : "不定期");
        var result = await types.SaveAsync(schema, StaffClaims.DisplayNameOf(User), cancellationToken);
        if (!result.Succeeded)
        {
            Errors = result.Refusal!.Errors.Count > 0 ? result.Refusal.Errors : new Dictionary<string, string[]> { ["fields"] = [result.Refusal.Message] };
            return Page();
        }

        return Redirect($"/admin/open-data/types/{result.Value!.Key}?saved=true");
    }
}
