using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Calendar.Pages;

/// <summary>/calendar/explain: counts N working days from a date and shows every day, counted or not, with the reason —
/// so a citizen or an officer can check any deadline against the published holiday schedule.</summary>
public sealed class ExplainModel(CalendarService calendarService) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Days { get; set; }

    public string? FromError { get; private set; }

    public string? DaysError { get; private set; }

    /// <summary>Set when the count cannot be made (a year's schedule is missing).</summary>
    public string? CountError { get; private set; }

    public WorkingDayCount? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (From is null && Days is null)
        {
            return;
        }

        if (!CalendarApi.TryParseDate(From?.Trim(), out var from))
        {
            FromError = "请填写有效的起算日期（格式 yyyy-MM-dd，例如 2024-09-27）";
        }

        DaysError = CalendarApi.ValidateDays(Days, out var days);
        if (FromError is not null || DaysError is not null)
        {
            return;
        }

        try
        {
            Result = await calendarService.AddWorkingDaysAsync(from, days, cancellationToken);
        }
        catch (CalendarYearMissingException missing)
        {
            CountError = missing.Message + "。请联系网站管理员导入该年的安排。";
        }
    }
}
