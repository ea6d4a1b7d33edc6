namespace Gongkai.Oversight.Rules;

/// <summary>
/// Calendar readiness (issue 18, item 5): statutory clocks stop at the end of the last year whose holiday schedule
/// is loaded, and the State Council publishes next year's schedule in the autumn. From 1 October the system
/// administrators are warned once a week until next year's schedule is imported; a missing current year (a site that
/// slept through the turn of the year) is warned about at once, whatever the month.
/// </summary>
public static class CalendarReadinessRule
{
    /// <summary>The month from which next year's schedule is asked for.</summary>
    public const int WarnFromMonth = 10;

    /// <summary>Days between two warnings.</summary>
    public const int WarnEveryDays = 7;

    /// <summary>The year whose schedule is missing and wanted now, or null when nothing is wanted yet.</summary>
    public static int? MissingYear(DateOnly today, IReadOnlyCollection<int> coveredYears)
    {
        if (!coveredYears.Contains(today.Year))
        {
            return today.Year;
        }

        return today.Month >= WarnFromMonth && !coveredYears.Contains(today.Year + 1) ? today.Year + 1 : null;
    }

    /// <summary>Whether a warning is due today, given the China date of the last one sent (null: never).</summary>
    public static bool WarningDue(DateOnly today, IReadOnlyCollection<int> coveredYears, DateOnly? lastWarnedOn) =>
        MissingYear(today, coveredYears) is not null
        && (lastWarnedOn is not { } last || today.DayNumber - last.DayNumber >= WarnEveryDays);
}
