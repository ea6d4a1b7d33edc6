using System.Globalization;
using System.Text;
using Gongkai.Services.Rules;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Services.Pages;

/// <summary>Downloads the list in force on a date as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese)
/// or XLSX; the same columns the import accepts.</summary>
public sealed class ListExportModel(ListDesk desk) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, string? format, DateOnly? on, CancellationToken cancellationToken)
    {
        if (await desk.SummaryAsync(id, cancellationToken) is not { } summary)
        {
            return NotFound();
        }

        var date = on ?? desk.Today;
        var version = await desk.InForceAsync(id, date, cancellationToken);
        if (version is null)
        {
            return NotFound();
        }

        var name = $"{summary.List.Title}-第{version.Version.Number}版-{date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";
        if (string.Equals(format, "xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return File(ListSpreadsheet.Write(summary.Kind, version.Items), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
        }

        var csv = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ListTable.ToCsv(summary.Kind, version.Items))).ToArray();
        return File(csv, "text/csv; charset=utf-8", name + ".csv");
    }
}
