using Gongkai.OpenData.Data;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.OpenData.Admin;

/// <summary>The metadata a file dataset is uploaded with, as the form posts it.</summary>
public sealed class FileMetadataInput
{
    public string Title { get; set; } = "";

    public string Description { get; set; } = "";

    public string Theme { get; set; } = "";

    public string Keywords { get; set; } = "";

    public string UpdateFrequency { get; set; } = "不定期";

    public string OpenCondition { get; set; } = "无条件开放";

    public string LicenceId { get; set; } = "cc-by";

    public string Contact { get; set; } = "";

    public FileDatasetMetadata ToMetadata() => new(Title, Description, Theme, Keywords, UpdateFrequency, OpenCondition, LicenceId, Contact);

    public static FileMetadataInput From(FileDatasetMetadata m) => new()
    {
        Title = m.Title, Description = m.Description, Theme = m.Theme, Keywords = m.Keywords.Replace(",", "，", StringComparison.Ordinal),
        UpdateFrequency = m.UpdateFrequency, OpenCondition = m.OpenCondition, LicenceId = m.LicenceId, Contact = m.Contact,
    };
}

/// <summary>What the upload pages share: the metadata form, the file, and the way an upload's outcome is shown
/// (field errors, the file's per-row report — the form keeps what was typed).</summary>
public abstract class FileDatasetFormPage : PageModel
{
    [BindProperty]
    public FileMetadataInput Form { get; set; } = new();

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> FileErrors { get; protected set; } = [];

    /// <summary>The themes offered (those of the shipped record types; CKAN groups).</summary>
    public static IReadOnlyList<string> Themes => [.. Ckan.CkanJson.ThemeSlugs.Keys];

    /// <summary>Reads the upload; false (with the error set) when none was chosen.</summary>
    protected async Task<(string Name, byte[] Content)?> ReadUploadAsync(long maxBytes, CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Errors["Upload"] = "请选择要发布的文件（CSV、XLSX 或 JSON）。";
            return null;
        }

        if (Upload.Length > maxBytes)
        {
            FileErrors = [$"文件大小 {Upload.Length / 1024d / 1024d:0.#} MB，超过上限 {maxBytes / 1024d / 1024d:0.#} MB：请拆分后分别发布。"];
            return null;
        }

        using var buffer = new MemoryStream((int)Upload.Length);
        await using (var stream = Upload.OpenReadStream())
        {
            await stream.CopyToAsync(buffer, cancellationToken);
        }

        return (Upload.FileName, buffer.ToArray());
    }

    /// <summary>Shows a refusal of the metadata next to its field (or above the form).</summary>
    protected void Show(Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        if (refusal.Errors.Count > 0)
        {
            foreach (var (field, messages) in refusal.Errors)
            {
                Errors[field] = string.Join(" ", messages);
            }
        }
        else
        {
            Errors[""] = refusal.Message;
        }
    }
}
