namespace Gongkai.Requests.Rules;

/// <summary>The three kinds of case table 四 counts, in its column order.</summary>
public static class AppealKinds
{
    public const string Reconsideration = "reconsideration";
    public const string LitigationDirect = "litigation-direct";
    public const string LitigationAfterReview = "litigation-after-review";

    public static IReadOnlyList<(string Code, string Label)> All { get; } =
    [
        (Reconsideration, "行政复议"),
        (LitigationDirect, "行政诉讼：未经复议直接起诉"),
        (LitigationAfterReview, "行政诉讼：复议后起诉"),
    ];

    public static string? Label(string? code) => All.Where(k => k.Code == code).Select(k => k.Label).FirstOrDefault();
}

/// <summary>The outcomes table 四 distinguishes, in its column order (总计 is computed).</summary>
public static class AppealOutcomes
{
    public const string Upheld = "upheld";
    public const string Corrected = "corrected";
    public const string Other = "other";
    public const string Pending = "pending";

    public static IReadOnlyList<(string Code, string Label)> All { get; } =
    [
        (Upheld, "结果维持"),
        (Corrected, "结果纠正"),
        (Other, "其他结果"),
        (Pending, "尚未审结"),
    ];

    public static string? Label(string? code) => All.Where(o => o.Code == code).Select(o => o.Label).FirstOrDefault();
}

/// <summary>One case as table 四 sees it: its kind, when it was filed, and its outcome with the decision date.</summary>
public sealed record AppealOutcome(string Kind, DateOnly FiledOn, string Outcome, DateOnly? DecidedOn);

/// <summary>One group of table 四: 维持, 纠正, 其他, 尚未审结, 总计.</summary>
public sealed record TableFourGroup(string Kind, string Label, int Upheld, int Corrected, int Other, int Pending)
{
    public int Total => Upheld + Corrected + Other + Pending;

    public IReadOnlyList<int> Counts => [Upheld, Corrected, Other, Pending, Total];
}

/// <summary>
/// Table 四 (政府信息公开行政复议、行政诉讼情况) for one body and year: the cases of the year with their outcome as at the
/// end of the year. A case counts in the year it was filed (so each case is counted once over the years); one
/// decided after 31 December, or not yet, counts as 尚未审结. Pure.
/// </summary>
public sealed class TableFour
{
    private TableFour(int year, IReadOnlyList<TableFourGroup> groups)
    {
        Year = year;
        Groups = groups;
    }

    public int Year { get; }

    public IReadOnlyList<TableFourGroup> Groups { get; }

    public TableFourGroup Group(string kind) => Groups.Single(g => g.Kind == kind);

    /// <summary>The 15 numbers of the data row, in the report's order.</summary>
    public IReadOnlyList<int> Row => Groups.SelectMany(g => g.Counts).ToList();

    public static TableFour Build(int year, IEnumerable<AppealOutcome> cases)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var counted = cases
            .Where(c => c.FiledOn >= start && c.FiledOn <= end)
            .Select(c => c with { Outcome = c.DecidedOn is { } decided && decided <= end && c.Outcome != AppealOutcomes.Pending ? c.Outcome : AppealOutcomes.Pending })
            .ToList();
        var groups = AppealKinds.All.Select(kind =>
        {
            var ofKind = counted.Where(c => c.Kind == kind.Code).ToList();
            return new TableFourGroup(kind.Code, kind.Label,
                ofKind.Count(c => c.Outcome == AppealOutcomes.Upheld),
                ofKind.Count(c => c.Outcome == AppealOutcomes.Corrected),
                ofKind.Count(c => c.Outcome == AppealOutcomes.Other),
                ofKind.Count(c => c.Outcome == AppealOutcomes.Pending));
        }).ToList();
        return new TableFour(year, groups);
    }
}
