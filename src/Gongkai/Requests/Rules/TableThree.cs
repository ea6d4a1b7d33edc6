namespace Gongkai.Requests.Rules;

/// <summary>One request as table 三 sees it: who applied, when it was received, and when and how it was closed.</summary>
/// <param name="DecisionCode">The <see cref="ReplyDecision.Code"/> the request was closed with; null while open.</param>
public sealed record RequestOutcome(string ApplicantType, DateOnly ReceivedOn, DateOnly? ClosedOn, string? DecisionCode);

/// <summary>One row of table 三: a label and seven counts (six applicant columns, then 总计).</summary>
public sealed record TableThreeRow(string Key, string Label, IReadOnlyList<int> Counts)
{
    public int Total => Counts[^1];
}

/// <summary>Table 三 of the annual report (收到和处理政府信息公开申请情况) for one body and year, built from request
/// outcomes. Pure; <see cref="Violations"/> checks the invariants printed under the table.</summary>
public sealed class TableThree
{
    private TableThree(int year, IReadOnlyList<TableThreeRow> rows)
    {
        Year = year;
        Rows = rows;
    }

    public int Year { get; }

    public IReadOnlyList<TableThreeRow> Rows { get; }

    /// <summary>Applicant columns in the report's order, then 总计.</summary>
    public static IReadOnlyList<string> Columns { get; } = [.. RequestVocabulary.ApplicantTypes, "总计"];

    public TableThreeRow Row(string key) => Rows.Single(r => r.Key == key);

    /// <summary>How a closing event maps onto a decision when no reply decision was recorded.</summary>
    public static string DecisionForFinalEvent(RequestEventType type, string? replyDecision) => type switch
    {
        RequestEventType.Replied => replyDecision ?? "other.other",
        RequestEventType.Transferred => "unavailable.not-held",
        RequestEventType.CorrectionLapsed => "other.correction-lapsed",
        RequestEventType.FeeLapsed => "other.fee-lapsed",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a closing event."),
    };

    /// <summary>How a request closed, from its events in recorded order: the first closing event's date and its table 三
    /// decision; null while none exists. The clock allows one closing event, so "first" only guards odd data.</summary>
    public static (DateOnly ClosedOn, string DecisionCode)? Closing(IEnumerable<(RequestEventType Type, DateOnly On, string? Decision)> eventsInRecordedOrder)
    {
        ArgumentNullException.ThrowIfNull(eventsInRecordedOrder);
        foreach (var (type, on, decision) in eventsInRecordedOrder)
        {
            if (type is RequestEventType.Replied or RequestEventType.Transferred or RequestEventType.CorrectionLapsed or RequestEventType.FeeLapsed)
            {
                return (on, DecisionForFinalEvent(type, decision));
            }
        }

        return null;
    }

    public static TableThree Build(int year, IEnumerable<RequestOutcome> outcomes) => BuildCounted(year, outcomes.Select(o => (o, 1)));

    /// <summary>Builds the table from outcomes that each stand for <c>Count</c> requests (a grouped query's rows).</summary>
    public static TableThree BuildCounted(int year, IEnumerable<(RequestOutcome Outcome, int Count)> outcomes)
    {
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var list = outcomes.Where(o => o.Outcome.ReceivedOn <= end).ToList();
        var rows = new List<TableThreeRow>();
        var types = RequestVocabulary.ApplicantTypes;

        TableThreeRow Count(string key, string label, Func<RequestOutcome, bool> predicate)
        {
            var counts = new int[types.Count];
            foreach (var (outcome, count) in list)
            {
                var column = IndexOf(types, outcome.ApplicantType);
                if (column >= 0 && predicate(outcome))
                {
                    counts[column] += count;
                }
            }

            var row = new TableThreeRow(key, label, [.. counts, counts.Sum()]);
            rows.Add(row);
            return row;
        }

        bool ClosedInYear(RequestOutcome o) => o.ClosedOn is { } closed && closed >= start && closed <= end;

        Count("new", "一、本年新收政府信息公开申请数量", o => o.ReceivedOn >= start);
        Count("carried", "二、上年结转政府信息公开申请数量", o => o.ReceivedOn < start && (o.ClosedOn is null || o.ClosedOn >= start));
        foreach (var group in Enum.GetValues<DecisionGroup>())
        {
            var decisions = ReplyDecisions.All.Where(d => d.Group == group).ToList();
            var groupKey = group.ToString();
            var number = "一二三四五六"[(int)group];
            Count(groupKey, $"（{number}）{ReplyDecisions.GroupLabel(group)}", o => ClosedInYear(o) && decisions.Any(d => d.Code == o.DecisionCode));
            foreach (var row in decisions.Where(d => d.RowNumber is not null))
            {
                Count(row.Code, $"{row.RowNumber}.{row.Label}", o => ClosedInYear(o) && o.DecisionCode == row.Code);
            }
        }

        Count("results", "（七）总计", ClosedInYear);
        Count("carried-forward", "四、结转下年度继续办理", o => o.ClosedOn is null || o.ClosedOn > end);
        return new TableThree(year, rows);
    }

    private static int IndexOf(IReadOnlyList<string> types, string type)
    {
        for (var i = 0; i < types.Count; i++)
        {
            if (types[i] == type)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The invariants under table 三, per column: 一 + 二 = 三（七） + 四; （七） = （一）…（六）; each group = its
    /// sub-rows; 总计 = the six applicant columns. Empty when all hold.</summary>
    public IReadOnlyList<string> Violations()
    {
        var problems = new List<string>();
        for (var c = 0; c < Columns.Count; c++)
        {
            var column = Columns[c];
            if (Row("new").Counts[c] + Row("carried").Counts[c] != Row("results").Counts[c] + Row("carried-forward").Counts[c])
            {
                problems.Add($"{column}：第一项加第二项不等于第三项加第四项。");
            }

            if (Enum.GetValues<DecisionGroup>().Sum(g => Row(g.ToString()).Counts[c]) != Row("results").Counts[c])
            {
                problems.Add($"{column}：（七）总计不等于（一）至（六）之和。");
            }

            foreach (var group in Enum.GetValues<DecisionGroup>())
            {
                var subRows = ReplyDecisions.All.Where(d => d.Group == group && d.RowNumber is not null).ToList();
                if (subRows.Count > 0 && subRows.Sum(d => Row(d.Code).Counts[c]) != Row(group.ToString()).Counts[c])
                {
                    problems.Add($"{column}：{ReplyDecisions.GroupLabel(group)}不等于其各分项之和。");
                }
            }
        }

        foreach (var row in Rows)
        {
            if (row.Counts.Take(Columns.Count - 1).Sum() != row.Total)
            {
                problems.Add($"{row.Label}：总计列不等于各申请人类型之和。");
            }
        }

        return problems;
    }
}
