using System.Globalization;

namespace Gongkai.Requests;

/// <summary>How request pages write dates and states.</summary>
public static class RequestPresentation
{
    /// <summary>"2024年10月30日（星期三）", or "期限暂停" when there is no date.</summary>
    public static string Date(DateOnly? date) => date is { } d
        ? string.Create(CultureInfo.InvariantCulture, $"{d.Year}年{d.Month}月{d.Day}日（{Platform.Calendar.DayKinds.WeekdayName(d.DayOfWeek)}）")
        : "期限暂停，暂无截止日期";
}
