namespace Gongkai.Calendar;

/// <summary>Lays a month out as weeks running Monday to Sunday, as Chinese wall calendars do.</summary>
public static class MonthGrid
{
    /// <summary>The month's weeks; each has seven slots, null before the 1st and after the last day.</summary>
    public static IReadOnlyList<DateOnly?[]> Weeks(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        var weeks = new List<DateOnly?[]>();
        var week = new DateOnly?[7];
        var column = ColumnOf(first.DayOfWeek);
        for (var date = first; date.Month == month; date = date.AddDays(1))
        {
            column = ColumnOf(date.DayOfWeek);
            week[column] = date;
            if (column == 6)
            {
                weeks.Add(week);
                week = new DateOnly?[7];
            }
        }

        if (column != 6)
        {
            weeks.Add(week);
        }

        return weeks;
    }

    /// <summary>Monday is column 0, Sunday column 6.</summary>
    public static int ColumnOf(DayOfWeek day) => ((int)day + 6) % 7;
}
