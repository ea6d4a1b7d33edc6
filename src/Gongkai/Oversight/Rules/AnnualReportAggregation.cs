namespace Gongkai.Oversight.Rules;

/// <summary>A department under a government and its report of the year: <see cref="Frozen"/> holds the figures once
/// frozen (or published); null when the report is missing (<see cref="Generated"/> false) or its figures are still live.</summary>
public sealed record DepartmentFigures(string Body, bool Generated, AnnualReportTables? Frozen);

/// <summary>A department whose figures a government's report could not include, and why.</summary>
public sealed record MissingDepartment(string Body, string Reason);

/// <summary>Which bodies' figures a government's report includes (itself first) and which departments it could not
/// include; <see cref="Cells"/> names the cells that are sums.</summary>
public sealed record AggregationNote(IReadOnlyList<string> Included, IReadOnlyList<MissingDepartment> Missing, IReadOnlyList<string> Cells);

/// <summary>
/// A government's annual report (市、县人民政府) summed with its departments'. The 2021 format (国办公开办函〔2021〕30号, see
/// the reference) prints one set of tables per report and does not itself say which bodies a government's tables cover;
/// Gongkai's choice, stated in every such report: the cells that count decisions and requests handled by the
/// government's working departments in its name — 二 第二十条第（五）（六）（八）项 (行政许可, 行政处罚, 行政强制 decisions and
/// the fee amount), the whole of 三 and 四 — are the government's own figures plus those of every department directly
/// under it; 二 第二十条第（一）项 (规章, 行政规范性文件) stays the government's own, because those are documents the
/// government itself makes and their stock carries over from its own previous report. A department is counted only
/// with frozen figures (what it will publish); a missing or unfrozen report is named in the report, never skipped
/// silently. Pure, no I/O.
/// </summary>
public static class AnnualReportAggregation
{
    /// <summary>The table 二 cells summed over the departments.</summary>
    public static IReadOnlyList<string> SummedTableTwoKeys { get; } = ["licensing.decisions", "penalty.decisions", "enforcement.decisions", "fees.amount"];

    /// <summary>What the note lists as summed.</summary>
    public static IReadOnlyList<string> SummedCells { get; } =
        ["二·第二十条第（五）项 行政许可", "二·第二十条第（六）项 行政处罚、行政强制", "二·第二十条第（八）项 行政事业性收费", "三（全表）", "四（全表）"];

    public const string NotGenerated = "年度报告尚未生成";
    public const string NotFrozen = "年度报告数据尚未冻结";

    /// <summary>The government's tables with its departments' frozen figures added where the rule above says; a cell
    /// the government has not filled yet stays empty (its own figure is still wanted).</summary>
    public static AnnualReportTables Aggregate(string government, AnnualReportTables own, IReadOnlyList<DepartmentFigures> departments)
    {
        ArgumentNullException.ThrowIfNull(own);
        ArgumentNullException.ThrowIfNull(departments);
        var counted = departments.Where(d => d.Frozen is not null).ToList();
        var missing = departments.Where(d => d.Frozen is null)
            .Select(d => new MissingDepartment(d.Body, d.Generated ? NotFrozen : NotGenerated)).ToList();

        var two = own.Two.Select(f => SummedTableTwoKeys.Contains(f.Key) && f.Value is { } value
            ? f with { Value = value + counted.Sum(d => d.Frozen!.Figure(f.Key)?.Value ?? 0) }
            : f).ToList();
        var three = own.Three.Select(line => line with
        {
            Counts = Add(line.Counts, counted.Select(d => d.Frozen!.Line(line.Key)?.Counts)),
        }).ToList();
        var four = own.Four.Select(group => group with
        {
            Counts = Add(group.Counts, counted.Select(d => d.Frozen!.Four.FirstOrDefault(g => g.Kind == group.Kind)?.Counts)),
        }).ToList();
        var note = new AggregationNote([government, .. counted.Select(d => d.Body)], missing, SummedCells);
        return new AnnualReportTables(two, three, four, note);
    }

    /// <summary>The sentence the report prints about what it includes.</summary>
    public static string Statement(AggregationNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        var text = $"本报告{string.Join("、", note.Cells)}的数据为{string.Join("、", note.Included)}的汇总数据" +
            (note.Included.Count == 1 ? "（没有可汇总的部门数据）" : $"（共 {note.Included.Count} 个机关）") +
            "；第二十条第（一）项为本级政府自身数据。";
        if (note.Missing.Count > 0)
        {
            text += "以下部门的数据未计入：" + string.Join("；", note.Missing.Select(m => $"{m.Body}（{m.Reason}）")) + "。";
        }

        return text;
    }

    private static List<long> Add(IReadOnlyList<long> own, IEnumerable<IReadOnlyList<long>?> others)
    {
        var sum = own.ToList();
        foreach (var counts in others)
        {
            if (counts is null)
            {
                continue;
            }

            for (var i = 0; i < sum.Count && i < counts.Count; i++)
            {
                sum[i] += counts[i];
            }
        }

        return sum;
    }
}
