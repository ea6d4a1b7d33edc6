using System.Globalization;

namespace Gongkai.Oversight.Rules;

/// <summary>Where a figure of table 二 comes from: computed from the platform's records, or entered by hand
/// (no structured source; the report marks it as such).</summary>
public enum FigureSource
{
    Computed,
    Hand,
}

/// <summary>One cell of table 二; <see cref="Value"/> null while a hand figure is not yet entered.</summary>
public sealed record ReportFigure(string Key, string Item, string Column, decimal? Value, FigureSource Source);

/// <summary>One row of table 三: a key, the label the format prints, its kind, the group it belongs to (for a numbered
/// sub-row) and seven counts (自然人, five 法人或其他组织 columns, 总计).</summary>
public sealed record TableThreeLine(string Key, string Label, TableThreeLineKind Kind, string? Group, IReadOnlyList<long> Counts);

public enum TableThreeLineKind
{
    /// <summary>一、本年新收.</summary>
    New,

    /// <summary>二、上年结转.</summary>
    Carried,

    /// <summary>（一）…（六）.</summary>
    Group,

    /// <summary>A numbered sub-row of （三）…（六）.</summary>
    SubRow,

    /// <summary>（七）总计.</summary>
    Results,

    /// <summary>四、结转下年度继续办理.</summary>
    CarriedForward,
}

/// <summary>One group of table 四: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计.</summary>
public sealed record TableFourLine(string Kind, string Label, IReadOnlyList<long> Counts);

/// <summary>The figures of one report: table 二's cells, table 三's rows, table 四's three groups, and — for a government's
/// report that sums its departments — which bodies' figures are in it (<see cref="AnnualReportAggregation"/>).</summary>
public sealed record AnnualReportTables(
    IReadOnlyList<ReportFigure> Two, IReadOnlyList<TableThreeLine> Three, IReadOnlyList<TableFourLine> Four, AggregationNote? Aggregation = null)
{
    public ReportFigure? Figure(string key) => Two.FirstOrDefault(f => f.Key == key);

    public TableThreeLine? Line(string key) => Three.FirstOrDefault(l => l.Key == key);
}

/// <summary>The result of one invariant: a stable rule name, whether it holds, and — when not — the cell and the numbers.</summary>
public sealed record ReportCheck(string Rule, bool Ok, string Detail);

/// <summary>The computed inputs of table 二 (规章 and 行政规范性文件 from the body's documents).</summary>
public sealed record DocumentCounts(long Issued, long Repealed, long InForce);

/// <summary>
/// The 2021 annual-report format (国办公开办函〔2021〕30号): table 二's cells and which are entered by hand, table 二's
/// assembly from computed counts and hand figures, and every invariant of tables 二, 三 and 四. Pure, no I/O.
/// </summary>
public static class AnnualReportRules
{
    public const string Regulations = "规章";
    public const string NormativeDocuments = "行政规范性文件";
    public const string Issued = "本年制发件数";
    public const string Repealed = "本年废止件数";
    public const string InForce = "现行有效件数";
    public const string Decisions = "本年处理决定数量";
    public const string FeeAmount = "本年收费金额（单位：万元）";

    /// <summary>Table 二's cells in the format's order: key, section (第二十条第（…）项), item, column, and whether the
    /// platform computes it. 规章 are not a document type of the platform (the city government makes them rarely and
    /// registers them elsewhere), so they are entered by hand; so are the counts of 行政许可/处罚/强制 decisions and the fee
    /// amount, which have no structured source in this module's reach.</summary>
    public static IReadOnlyList<(string Key, string Section, string Item, string Column, bool Computed)> TableTwoCells { get; } =
    [
        ("regulations.issued", "第二十条第（一）项", Regulations, Issued, false),
        ("regulations.repealed", "第二十条第（一）项", Regulations, Repealed, false),
        ("regulations.in-force", "第二十条第（一）项", Regulations, InForce, false),
        ("normative.issued", "第二十条第（一）项", NormativeDocuments, Issued, true),
        ("normative.repealed", "第二十条第（一）项", NormativeDocuments, Repealed, true),
        ("normative.in-force", "第二十条第（一）项", NormativeDocuments, InForce, true),
        ("licensing.decisions", "第二十条第（五）项", "行政许可", Decisions, false),
        ("penalty.decisions", "第二十条第（六）项", "行政处罚", Decisions, false),
        ("enforcement.decisions", "第二十条第（六）项", "行政强制", Decisions, false),
        ("fees.amount", "第二十条第（八）项", "行政事业性收费", FeeAmount, false),
    ];

    /// <summary>The keys staff enter by hand.</summary>
    public static IReadOnlyList<string> HandKeys { get; } = TableTwoCells.Where(c => !c.Computed).Select(c => c.Key).ToList();

    public static bool IsHand(string key) => HandKeys.Contains(key);

    /// <summary>Table 二 from the computed 行政规范性文件 counts, the decision counts structured records give
    /// (<paramref name="computed"/>, key → count; a key present there is computed, not entered), and the hand figures
    /// (a missing hand figure stays null).</summary>
    public static IReadOnlyList<ReportFigure> TableTwo(DocumentCounts normative, IReadOnlyDictionary<string, decimal?> hand,
        IReadOnlyDictionary<string, long>? computed = null)
    {
        ArgumentNullException.ThrowIfNull(normative);
        ArgumentNullException.ThrowIfNull(hand);
        return TableTwoCells.Select(c =>
        {
            if (c.Computed)
            {
                decimal count = c.Key switch
                {
                    "normative.issued" => normative.Issued,
                    "normative.repealed" => normative.Repealed,
                    _ => normative.InForce,
                };
                return new ReportFigure(c.Key, c.Item, c.Column, count, FigureSource.Computed);
            }

            return computed?.TryGetValue(c.Key, out var records) == true
                ? new ReportFigure(c.Key, c.Item, c.Column, records, FigureSource.Computed)
                : new ReportFigure(c.Key, c.Item, c.Column, hand.GetValueOrDefault(c.Key), FigureSource.Hand);
        }).ToList();
    }

    /// <summary>The table 二 cells that structured records (OpenData's 双公示 行政许可/行政处罚) may compute instead of a
    /// hand entry.</summary>
    public static IReadOnlyList<string> RecordKeys { get; } = ["licensing.decisions", "penalty.decisions", "enforcement.decisions"];

    /// <summary>Reads a hand figure as typed: empty is "not entered"; full-width digits and a thousands separator are
    /// accepted; anything else is refused with a message naming the cell.</summary>
    public static (decimal? Value, string? Error) ParseHand(string key, string? text)
    {
        var cell = TableTwoCells.FirstOrDefault(c => c.Key == key);
        if (cell.Key is null)
        {
            return (null, $"没有名为“{key}”的手工填报项。");
        }

        var trimmed = (text ?? "").Trim().Normalize(System.Text.NormalizationForm.FormKC).Replace(",", "", StringComparison.Ordinal);
        if (trimmed.Length == 0)
        {
            return (null, null);
        }

        if (!decimal.TryParse(trimmed, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return (null, $"二·{cell.Item}·{cell.Column}：“{text}”不是数字。");
        }

        return (value, null);
    }

    /// <summary>Every invariant of the report. <paramref name="previous"/> is the body's published report of the year
    /// before, when there is one: its 现行有效 and 结转下年度 figures must carry over.</summary>
    public static IReadOnlyList<ReportCheck> Check(AnnualReportTables tables, AnnualReportTables? previous = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var checks = new List<ReportCheck>();
        CheckTableTwo(tables, previous, checks);
        CheckTableThree(tables.Three, previous?.Three, checks);
        CheckTableFour(tables.Four, checks);
        return checks;
    }

    /// <summary>Whether every check holds.</summary>
    public static bool AllHold(IEnumerable<ReportCheck> checks) => checks.All(c => c.Ok);

    private static void CheckTableTwo(AnnualReportTables tables, AnnualReportTables? previous, List<ReportCheck> checks)
    {
        foreach (var figure in tables.Two)
        {
            var cell = $"二·{figure.Item}·{figure.Column}";
            if (figure.Value is null)
            {
                checks.Add(new($"二.filled.{figure.Key}", false, $"{cell}：未填写（手工填报项，无数据时填 0）。"));
                continue;
            }

            var value = figure.Value.Value;
            if (figure.Key == "fees.amount")
            {
                var ok = value >= 0 && decimal.Round(value, 4) == value;
                checks.Add(new($"二.amount.{figure.Key}", ok, ok ? $"{cell}：{N(value)} 万元" : $"{cell}：{N(value)} 不是不小于 0、至多四位小数的金额（万元）。"));
            }
            else
            {
                var ok = value >= 0 && decimal.Truncate(value) == value;
                checks.Add(new($"二.count.{figure.Key}", ok, ok ? $"{cell}：{N(value)}" : $"{cell}：{N(value)} 不是不小于 0 的整数件数。"));
            }
        }

        foreach (var (prefix, item) in new[] { ("regulations", Regulations), ("normative", NormativeDocuments) })
        {
            var issued = tables.Figure($"{prefix}.issued")?.Value;
            var repealed = tables.Figure($"{prefix}.repealed")?.Value;
            var inForce = tables.Figure($"{prefix}.in-force")?.Value;
            if (issued is null || repealed is null || inForce is null)
            {
                continue;
            }

            // In force at the end of the year = in force a year before + issued − repealed, and the year before is ≥ 0.
            var floor = issued.Value - repealed.Value;
            checks.Add(new($"二.stock.{prefix}", inForce.Value >= floor,
                $"二·{item}·{InForce}：{N(inForce.Value)}，应不小于本年制发 {N(issued.Value)} − 本年废止 {N(repealed.Value)} = {N(floor)}。"));
            if (previous?.Figure($"{prefix}.in-force")?.Value is { } before)
            {
                var expected = before + floor;
                checks.Add(new($"二.carry.{prefix}", inForce.Value == expected,
                    $"二·{item}·{InForce}：{N(inForce.Value)}，应等于上年现行有效 {N(before)} + 本年制发 {N(issued.Value)} − 本年废止 {N(repealed.Value)} = {N(expected)}。"));
            }
        }
    }

    /// <summary>Column names of table 三 in the format's order.</summary>
    public static IReadOnlyList<string> TableThreeColumns { get; } = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];

    private static void CheckTableThree(IReadOnlyList<TableThreeLine> lines, IReadOnlyList<TableThreeLine>? previous, List<ReportCheck> checks)
    {
        var newLine = lines.FirstOrDefault(l => l.Kind == TableThreeLineKind.New);
        var carried = lines.FirstOrDefault(l => l.Kind == TableThreeLineKind.Carried);
        var results = lines.FirstOrDefault(l => l.Kind == TableThreeLineKind.Results);
        var forward = lines.FirstOrDefault(l => l.Kind == TableThreeLineKind.CarriedForward);
        var groups = lines.Where(l => l.Kind == TableThreeLineKind.Group).ToList();
        if (newLine is null || carried is null || results is null || forward is null || groups.Count != 6 || lines.Any(l => l.Counts.Count != TableThreeColumns.Count))
        {
            checks.Add(new("三.shape", false, "三：表格不完整（应有一至四项、（一）至（七）和 7 列）。"));
            return;
        }

        for (var c = 0; c < TableThreeColumns.Count; c++)
        {
            var column = TableThreeColumns[c];
            var incoming = newLine.Counts[c] + carried.Counts[c];
            var outgoing = results.Counts[c] + forward.Counts[c];
            checks.Add(new($"三.balance.{c}", incoming == outgoing,
                $"三·{column}列：一 {newLine.Counts[c]} + 二 {carried.Counts[c]} = {incoming}，三（七）{results.Counts[c]} + 四 {forward.Counts[c]} = {outgoing}。"));

            var groupSum = groups.Sum(g => g.Counts[c]);
            checks.Add(new($"三.results.{c}", groupSum == results.Counts[c],
                $"三·{column}列·（七）总计：{results.Counts[c]}，（一）至（六）之和 {groupSum}。"));

            foreach (var group in groups)
            {
                var subRows = lines.Where(l => l.Kind == TableThreeLineKind.SubRow && l.Group == group.Key).ToList();
                if (subRows.Count == 0)
                {
                    continue;
                }

                var sum = subRows.Sum(s => s.Counts[c]);
                checks.Add(new($"三.group.{group.Key}.{c}", sum == group.Counts[c],
                    $"三·{column}列·{group.Label}：{group.Counts[c]}，其各分项之和 {sum}。"));
            }
        }

        foreach (var line in lines)
        {
            var applicants = line.Counts.Take(TableThreeColumns.Count - 1).Sum();
            var negative = line.Counts.Any(n => n < 0);
            checks.Add(new($"三.total.{line.Key}", applicants == line.Counts[^1] && !negative,
                negative ? $"三·{line.Label}：有负数。" : $"三·{line.Label}·总计列：{line.Counts[^1]}，自然人和法人或其他组织各列之和 {applicants}。"));
        }

        if (previous?.FirstOrDefault(l => l.Kind == TableThreeLineKind.CarriedForward) is { } before)
        {
            for (var c = 0; c < TableThreeColumns.Count; c++)
            {
                checks.Add(new($"三.carried.{c}", before.Counts[c] == carried.Counts[c],
                    $"三·{TableThreeColumns[c]}列·二、上年结转：{carried.Counts[c]}，上年报告四、结转下年度继续办理 {before.Counts[c]}。"));
            }
        }
    }

    /// <summary>Table 四's outcome columns in the format's order.</summary>
    public static IReadOnlyList<string> TableFourColumns { get; } = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

    private static void CheckTableFour(IReadOnlyList<TableFourLine> groups, List<ReportCheck> checks)
    {
        if (groups.Count != 3 || groups.Any(g => g.Counts.Count != TableFourColumns.Count))
        {
            checks.Add(new("四.shape", false, "四：表格不完整（应有行政复议、两类行政诉讼，每类 5 个数）。"));
            return;
        }

        foreach (var group in groups)
        {
            var sum = group.Counts.Take(4).Sum();
            var negative = group.Counts.Any(n => n < 0);
            checks.Add(new($"四.total.{group.Kind}", sum == group.Counts[4] && !negative,
                negative ? $"四·{group.Label}：有负数。" : $"四·{group.Label}·总计：{group.Counts[4]}，维持、纠正、其他、尚未审结之和 {sum}。"));
        }
    }

    private static string N(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>The statutory deadline (条例 第四十九条) for the report of <paramref name="year"/>: a government by 31 March
    /// of the next year, a department by 31 January.</summary>
    public static DateOnly DueOn(int year, bool isGovernment) => isGovernment ? new DateOnly(year + 1, 3, 31) : new DateOnly(year + 1, 1, 31);

    /// <summary>Where a report stands against its deadline on <paramref name="today"/>.</summary>
    public static ReportDeadlineState Deadline(DateOnly dueOn, DateOnly today, DateOnly? publishedOn) => publishedOn switch
    {
        { } p when p <= dueOn => ReportDeadlineState.PublishedOnTime,
        { } => ReportDeadlineState.PublishedLate,
        null when today > dueOn => ReportDeadlineState.Overdue,
        null when today.AddDays(DueSoonDays) >= dueOn => ReportDeadlineState.DueSoon,
        _ => ReportDeadlineState.Open,
    };

    /// <summary>The reminder due on <paramref name="today"/> for an unpublished report due on <paramref name="dueOn"/>:
    /// "14" from 14 days before, "3" from 3 days before, "overdue" after the day; null before the first or once
    /// published. Each is sent once (the caller keeps what was sent), so a body hears three times at most.</summary>
    public static string? ReminderDue(DateOnly dueOn, DateOnly today, bool published)
    {
        if (published)
        {
            return null;
        }

        var left = dueOn.DayNumber - today.DayNumber;
        return left < 0 ? "overdue" : left <= 3 ? "3" : left <= DueSoonDays ? "14" : null;
    }

    /// <summary>Days before the deadline from which the dashboard marks a report as due soon.</summary>
    public const int DueSoonDays = 14;

    public static string ChineseName(ReportDeadlineState state) => state switch
    {
        ReportDeadlineState.Open => "未到期",
        ReportDeadlineState.DueSoon => "即将到期",
        ReportDeadlineState.Overdue => "已逾期",
        ReportDeadlineState.PublishedOnTime => "已按时发布",
        ReportDeadlineState.PublishedLate => "逾期发布",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };
}

public enum ReportDeadlineState
{
    Open,
    DueSoon,
    Overdue,
    PublishedOnTime,
    PublishedLate,
}
