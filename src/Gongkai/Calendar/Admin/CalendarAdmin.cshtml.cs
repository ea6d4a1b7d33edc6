using System.Globalization;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Gongkai.Platform.Time;

namespace Gongkai.Calendar.Admin;

/// <summary>/admin/calendar: a year's schedule month by month, marking single days and importing a whole year.</summary>
[Authorize(Policy = CalendarPermissions.Manage)]
public sealed class CalendarAdminModel(CalendarService calendarService, TimeProvider clock) : PageModel
{
    public const string ArrangementOff = "off";
    public const string ArrangementWork = "work";
    public const string ArrangementRevert = "revert";

    public int Year { get; private set; }

    public IReadOnlyList<CalendarYear> Years { get; private set; } = [];

    public IReadOnlyList<CalendarDay> Days { get; private set; } = [];

    /// <summary>Null when <see cref="Year"/> has not been imported; the month tables are then not shown.</summary>
    public WorkCalendar? Calendar { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>Why the mark form was refused (the form is re-shown with the input kept).</summary>
    public string? MarkError { get; private set; }

    public string? ImportError { get; private set; }

    public IReadOnlyList<string> ImportProblems { get; private set; } = [];

    [BindProperty]
    public MarkInput Mark { get; set; } = new();

    [BindProperty]
    public ImportInput Import { get; set; } = new();

    public async Task OnGetAsync(int? year, CancellationToken cancellationToken)
    {
        await LoadAsync(year, cancellationToken);
        Mark.Date ??= ChinaTime.Today(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    public async Task<IActionResult> OnPostMarkAsync(CancellationToken cancellationToken)
    {
        if (!CalendarApi.TryParseDate(Mark.Date?.Trim(), out var date))
        {
            MarkError = "请填写有效日期（格式 yyyy-MM-dd，例如 2024-10-01）";
            await LoadAsync(Mark.Year, cancellationToken);
            return Page();
        }

        try
        {
            switch (Mark.Arrangement)
            {
                case ArrangementRevert:
                    Message = await calendarService.RevertDayAsync(date, cancellationToken: cancellationToken)
                        ? $"{date:yyyy-MM-dd}已恢复常规（周一至周五上班，周末休息）。"
                        : $"{date:yyyy-MM-dd}本来就没有特殊安排，无需恢复。";
                    break;
                case ArrangementOff or ArrangementWork:
                    var isOffDay = Mark.Arrangement == ArrangementOff;
                    if (CalendarService.ValidateMark(date, isOffDay, Mark.Name) is { } problem)
                    {
                        MarkError = problem;
                        await LoadAsync(date.Year, cancellationToken);
                        return Page();
                    }

                    var day = await calendarService.MarkDayAsync(date, isOffDay, Mark.Name!, cancellationToken: cancellationToken);
                    Message = $"已将{date:yyyy-MM-dd}（{day.WeekdayName}）标记为{CalendarService.Describe(isOffDay, day.HolidayName ?? "")}。";
                    break;
                default:
                    MarkError = "请选择安排：放假、调休上班或恢复常规";
                    await LoadAsync(date.Year, cancellationToken);
                    return Page();
            }
        }
        catch (CalendarYearMissingException missing)
        {
            MarkError = string.Create(CultureInfo.InvariantCulture, $"尚未导入{missing.Year}年的节假日安排，请先在下方导入该年的安排，再标记单日。");
            await LoadAsync(date.Year, cancellationToken);
            return Page();
        }

        return RedirectToPage(new { year = date.Year });
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken cancellationToken)
    {
        string? json = null;
        if (Import.File is { Length: > 0 } upload)
        {
            if (upload.Length > 1_000_000)
            {
                return await ImportFailedAsync("文件过大：一年的安排不会超过 1 MB", [], cancellationToken);
            }

            using var reader = new StreamReader(upload.OpenReadStream());
            json = await reader.ReadToEndAsync(cancellationToken);
        }
        else if (!string.IsNullOrWhiteSpace(Import.Json))
        {
            json = Import.Json;
        }

        if (json is null)
        {
            return await ImportFailedAsync("请选择文件，或把年度安排的 JSON 粘贴到文本框中", [], cancellationToken);
        }

        var file = HolidayYearFile.Parse(json, out var errors);
        if (file is null)
        {
            return await ImportFailedAsync("年度安排无效，未导入任何内容：", errors, cancellationToken);
        }

        var result = await calendarService.ImportYearAsync(file, cancellationToken: cancellationToken);
        Message = string.Create(CultureInfo.InvariantCulture,
            $"已导入{result.Year}年节假日安排：新增{result.Added}天，修改{result.Changed}天，未变{result.Unchanged}天。");
        return RedirectToPage(new { year = result.Year });
    }

    public string CellClass(DayInfo day) => day.Kind switch
    {
        DayKind.Holiday => "holiday",
        DayKind.AdjustedWorkday => "adjusted",
        DayKind.Weekend => "weekend",
        _ => "",
    };

    private async Task<IActionResult> ImportFailedAsync(string error, IReadOnlyList<string> problems, CancellationToken cancellationToken)
    {
        ImportError = error;
        ImportProblems = problems;
        await LoadAsync(Mark.Year, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int? year, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        Year = year is >= HolidayYearFile.EarliestYear and <= HolidayYearFile.LatestYear ? year.Value : today.Year;
        Mark.Year = Year;
        Years = await calendarService.ListYearsAsync(cancellationToken);
        Days = await calendarService.ListDaysAsync(Year, cancellationToken);
        var calendar = await calendarService.GetCalendarAsync(cancellationToken);
        Calendar = calendar.Covers(Year) ? calendar : null;
    }

    public sealed class MarkInput
    {
        /// <summary>The year shown when the form was posted, to return to it when the date is unreadable.</summary>
        public int? Year { get; set; }

        public string? Date { get; set; }

        public string? Arrangement { get; set; } = ArrangementOff;

        public string? Name { get; set; }
    }

    public sealed class ImportInput
    {
        public IFormFile? File { get; set; }

        public string? Json { get; set; }
    }
}
