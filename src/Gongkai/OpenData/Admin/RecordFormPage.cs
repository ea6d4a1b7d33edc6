using Gongkai.OpenData.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.OpenData.Admin;

/// <summary>What the entry and edit forms share: the form generated from the schema (one input per field, typed by
/// its field type, code lists as selects), the values typed and the errors beside each field.</summary>
public abstract class RecordFormPage : PageModel
{
    public RecordSchema? Schema { get; protected set; }

    [BindProperty]
    public Dictionary<string, string?> Values { get; set; } = [];

    [BindProperty]
    public bool Submit { get; set; } = true;

    public IReadOnlyDictionary<string, string[]> Errors { get; protected set; } = new Dictionary<string, string[]>();

    public string? FormError { get; protected set; }

    public string[] ErrorsFor(string key) => Errors.TryGetValue(key, out var messages) ? messages : [];

    public static string InputType(FieldType type) => type switch
    {
        FieldType.Date => "date",
        FieldType.Phone => "tel",
        _ => "text",
    };

    public static string? InputMode(FieldType type) => type switch
    {
        FieldType.Amount or FieldType.Number => "decimal",
        FieldType.WholeNumber => "numeric",
        _ => null,
    };
}
