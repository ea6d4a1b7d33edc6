using System.Globalization;
using Gongkai.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Hotline.Pages;

/// <summary>The public monthly figures of the 12345 hotline: bodies ranked by on-time reply rate, categories, and a CSV
/// download. Aggregates only, and the typical cases staff published for the month.</summary>
[AllowAnonymous]
public sealed class StatisticsModel(HotlineStatistics statistics, HotlineCases cases, TimeProvider clock) : PageModel
{
    /// <summary>The typical cases published for the month (checked by the safeguards before publication).</summary>
    public IReadOnlyList<HotlineTypicalCase> Cases { get; private set; } = [];

    public HotlineMonth Month { get; private set; } = null!;

    public string MonthText => string.Create(CultureInfo.InvariantCulture, $"{Month.Year}-{Month.Month:D2}");

    public string Previous { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? month, string? format, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var chosen = DateOnly.TryParseExact((month ?? "") + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            && parsed.Year is >= 2017 and <= 2100 ? parsed : new DateOnly(today.Year, today.Month, 1);
        Month = await statistics.MonthAsync(chosen.Year, chosen.Month, cancellationToken);
        Previous = chosen.AddMonths(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        if (format == "csv")
        {
            return File(System.Text.Encoding.UTF8.GetBytes(HotlineStatistics.Csv(Month)), "text/csv; charset=utf-8", $"12345-{MonthText}.csv");
        }

        Cases = await cases.PublishedAsync(MonthText, cancellationToken);
        return Page();
    }
}
