using System.Text;
using Gongkai.OpenData.Import;
using Gongkai.Platform.Outcomes;
using Gongkai.Services.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Services.Admin;

/// <summary>One row of the adjustment table: the values by column key, and whether to drop the item.</summary>
public sealed class ListRowForm
{
    public Dictionary<string, string?> Values { get; set; } = new(StringComparer.Ordinal);

    public bool Remove { get; set; }
}

/// <summary>One list in the console: its versions, and (for editors of its body) the adjustment — the current items
/// as an editable table with rows to add and a remove box on each, or a whole new version from a CSV/XLSX file — with
/// the effective date and the reason. Any problem refuses the whole adjustment with every row's problem listed.</summary>
[Authorize(Policy = ServicesPermissions.View)]
public sealed class ListAdminModel(ListDesk desk) : PageModel
{
    public const int BlankRows = 3;

    public ListSummary Summary { get; private set; } = null!;

    public DateOnly Today => desk.Today;

    public IReadOnlyList<ServiceListVersion> Versions { get; private set; } = [];

    public bool MayEdit { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public string? Done { get; private set; }

    [BindProperty]
    public List<ListRowForm> Rows { get; set; } = [];

    [BindProperty]
    public DateOnly? EffectiveOn { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? adopted, CancellationToken cancellationToken)
    {
        Done = adopted is { } number ? $"已调整：第 {number} 版已公开。" : null;
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        await FillRowsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAdjustAsync(int id, CancellationToken cancellationToken)
    {
        var items = Rows.Where(r => !r.Remove && r.Values.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
            .Select(r => new ListItem(r.Values.Select(v => new KeyValuePair<string, string>(v.Key, v.Value ?? "")))).ToList();
        return await AfterAsync(id, await desk.AdjustAsync(User, id, EffectiveOn, Reason, items, cancellationToken), keepRows: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostImportAsync(int id, CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            return await AfterAsync(id, Refusal.InvalidField("upload", "请选择要导入的 CSV 或 XLSX 文件。"), keepRows: false, cancellationToken);
        }

        var extension = Path.GetExtension(Upload.FileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            return await AfterAsync(id, Refusal.InvalidField("upload", "只能导入 .csv（UTF-8 编码）或 .xlsx 文件。"), keepRows: false, cancellationToken);
        }

        await using var stream = Upload.OpenReadStream();
        Platform.Outcomes.Outcome<ServiceListVersion> result;
        try
        {
            var table = extension == ".csv"
                ? TableReaders.ReadCsv(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
                : TableReaders.ReadXlsx(stream);
            result = await desk.ImportAsync(User, id, EffectiveOn, Reason, table.Header, table.Rows, cancellationToken);
        }
        catch (TableFormatException error)
        {
            result = Refusal.InvalidField("upload", error.Message + "（未做任何调整）");
        }

        return await AfterAsync(id, result, keepRows: false, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(int id, Platform.Outcomes.Outcome<ServiceListVersion> result, bool keepRows, CancellationToken cancellationToken)
    {
        if (result.Succeeded)
        {
            return Redirect($"/admin/lists/{id}?adopted={result.Value!.Number}");
        }

        var refusal = result.Refusal!;
        if (refusal.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
        {
            return this.Refused(refusal);
        }

        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Problems = [refusal.Message, .. refusal.Errors.Where(e => e.Key != "items").SelectMany(e => e.Value).Where(m => m != refusal.Message),
            .. refusal.Errors.TryGetValue("items", out var rows) ? rows : []];
        if (!keepRows)
        {
            await FillRowsAsync(cancellationToken);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await desk.SummaryAsync(id, cancellationToken) is not { } summary)
        {
            return false;
        }

        Summary = summary;
        Versions = await desk.VersionsAsync(id, cancellationToken);
        MayEdit = await desk.MayEditAsync(User, summary.List.BodyId, cancellationToken);
        return true;
    }

    /// <summary>The latest version's items, then blank rows for additions.</summary>
    private async Task FillRowsAsync(CancellationToken cancellationToken)
    {
        var latest = Versions.Count > 0 ? await desk.VersionAsync(Summary.List.Id, Versions[0].Number, cancellationToken) : null;
        Rows = (latest?.Items ?? []).Select(i => new ListRowForm { Values = Summary.Kind.Columns.ToDictionary(c => c.Key, c => (string?)i[c.Key], StringComparer.Ordinal) })
            .Concat(Enumerable.Range(0, BlankRows).Select(_ => new ListRowForm())).ToList();
    }
}
