namespace Gongkai.Requests.Rules;

/// <summary>When an officer is reminded of a due date: 5 and 1 working days before it. A reminder missed (the job did
/// not run that day) is sent late rather than never, but a 5-day reminder is not sent once only one day is left.
/// Pure.</summary>
public static class ReminderRule
{
    public static IReadOnlyList<int> Thresholds { get; } = [5, 1];

    /// <summary>The threshold due with <paramref name="workingDaysLeft"/> working days left before the due date (0 on
    /// the due date itself); null when none is (too early, or already overdue).</summary>
    public static int? Due(int workingDaysLeft) => workingDaysLeft switch
    {
        < 0 => null,
        <= 1 => 1,
        <= 5 => 5,
        _ => null,
    };
}
