using System.Globalization;

namespace Gongkai.Requests;

/// <summary>How request pages write dates and states.</summary>
public static class RequestPresentation
{
    /// <summary>"2024年10月30日（星期三）", or "期限暂停" when there is no date.</summary>
    public static string Date(DateOnly? date) => date is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"{d.Year}年{d.Month}月{d.Day}日（{Gongkai.Calendar.DayKinds.WeekdayName(d.DayOfWeek)}）")
        : "期限暂停，暂无截止日期";

    /// <summary>The due date of a computed clock, saying so when it waits for next year's holiday schedule.</summary>
    public static string Due(Rules.ClockResult clock) => clock.AwaitingCalendarYear is { } year
        ? string.Create(CultureInfo.InvariantCulture, $"须待{year}年节假日安排导入后确定")
        : Date(clock.DueOn);
}
