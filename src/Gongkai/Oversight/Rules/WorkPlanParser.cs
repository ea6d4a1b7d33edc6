using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Gongkai.Oversight.Rules;

/// <summary>A dated milestone the task's text sets (e.g. "8月底前完成试点验收" → 31 August).</summary>
public sealed record WorkPlanMilestone(DateOnly Due, string Text);

/// <summary>One task of a work plan as the text gives it: its number ((十四) → 14), the section it sits in, its title
/// (the first sentence), its text without the units' marker, the unit names of the marker, and the milestones.</summary>
public sealed record ParsedTask(
    int Number, string Section, string Title, string Text, IReadOnlyList<string> Lead, IReadOnlyList<string> Responsible,
    IReadOnlyList<WorkPlanMilestone> Milestones)
{
    /// <summary>The task's deadline: its latest milestone, or none when the text sets no date.</summary>
    public DateOnly? Deadline => Milestones.Count == 0 ? null : Milestones.Max(m => m.Due);

    public string Numeral => WorkPlanParser.Numeral(Number);
}

/// <summary>Something irregular in the text. A blocking problem refuses the import (nothing could be trusted); the
/// others are imported with the task and shown to a person.</summary>
public sealed record WorkPlanProblem(int? TaskNumber, string Message, bool Blocking = false);

/// <summary>What the parser read: the plan's title and year, its tasks, and every problem found.</summary>
public sealed record WorkPlanParse(string Title, int? Year, IReadOnlyList<ParsedTask> Tasks, IReadOnlyList<WorkPlanProblem> Problems)
{
    public bool Importable => Tasks.Count > 0 && !Problems.Any(p => p.Blocking);
}

/// <summary>
/// Reads a 政务公开工作要点 as published: a title line, sections ("一、…"), and tasks ("（一）…") each ending with
/// "（牵头单位：…；责任单位：…）". Pure: text in, tasks and problems out. It is lenient where a reader is (a comma
/// where the semicolon belongs, a half-width comma between names) but names every irregularity, and never drops a
/// task or a unit name.
/// </summary>
public static partial class WorkPlanParser
{
    private const string Digits = "〇一二三四五六七八九";

    public static WorkPlanParse Parse(string text, int? year = null)
    {
        var problems = new List<WorkPlanProblem>();
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(l => l.Trim().Trim('\u3000', '\uFEFF').Trim())
            .Where(l => l.Length > 0)
            .ToList();
        var title = lines.FirstOrDefault() ?? "";
        var titleYear = YearInTitle().Match(title) is { Success: true } y ? int.Parse(y.Groups[1].Value, CultureInfo.InvariantCulture) : (int?)null;
        if (year is { } given && titleYear is { } read && given != read)
        {
            problems.Add(new(null, $"标题写的是{read}年，导入时指定的是{given}年，按{given}年导入。"));
        }

        var planYear = year ?? titleYear;
        if (planYear is null)
        {
            problems.Add(new(null, "标题中没有年份，也没有指定年份，无法计算“8月底前”这类期限。", Blocking: true));
        }

        var drafts = new List<(int Number, string Section, StringBuilder Text)>();
        var section = "";
        foreach (var line in lines.Skip(1))
        {
            if (SectionHeading().Match(line) is { Success: true } heading && ParseNumeral(heading.Groups[1].Value) is not null)
            {
                section = line;
                continue;
            }

            if (TaskStart().Match(line) is { Success: true } start)
            {
                var number = ParseNumeral(start.Groups[1].Value);
                if (number is null)
                {
                    problems.Add(new(null, $"无法识别的任务序号“（{start.Groups[1].Value}）”。", Blocking: true));
                    continue;
                }

                drafts.Add((number.Value, section, new StringBuilder(line[start.Length..].Trim())));
                continue;
            }

            if (drafts.Count > 0)
            {
                // A task continued on a further paragraph.
                drafts[^1].Text.Append('\n').Append(line);
            }
        }

        if (drafts.Count == 0)
        {
            problems.Add(new(null, "没有找到任何以“（一）”这样的序号开头的任务。", Blocking: true));
        }

        CheckNumbering(drafts.Select(d => d.Number).ToList(), problems);
        var tasks = drafts.Select(d => Task(d.Number, d.Section, d.Text.ToString(), planYear ?? 1, problems)).ToList();
        return new WorkPlanParse(title, planYear, tasks, problems);
    }

    private static void CheckNumbering(List<int> numbers, List<WorkPlanProblem> problems)
    {
        foreach (var duplicate in numbers.GroupBy(n => n).Where(g => g.Count() > 1))
        {
            problems.Add(new(duplicate.Key, $"任务序号（{Numeral(duplicate.Key)}）出现了 {duplicate.Count()} 次。", Blocking: true));
        }

        for (var i = 0; i < numbers.Count; i++)
        {
            var expected = i == 0 ? 1 : numbers[i - 1] + 1;
            if (numbers[i] != expected && !(i > 0 && numbers[i] == numbers[i - 1]))
            {
                problems.Add(new(numbers[i], $"任务序号不连续：应为（{Numeral(expected)}），实为（{Numeral(numbers[i])}）。"));
            }
        }
    }

    private static ParsedTask Task(int number, string section, string paragraph, int year, List<WorkPlanProblem> problems)
    {
        var body = paragraph;
        IReadOnlyList<string> lead = [];
        IReadOnlyList<string> responsible = [];
        var markerAt = paragraph.LastIndexOf("（牵头单位", StringComparison.Ordinal);
        if (markerAt < 0)
        {
            problems.Add(new(number, "没有“（牵头单位：…；责任单位：…）”标记，牵头单位和责任单位需人工填写。"));
        }
        else
        {
            body = paragraph[..markerAt].TrimEnd();
            var marker = paragraph[(markerAt + 1)..].TrimEnd();
            var trailing = "";
            var close = marker.LastIndexOf('）');
            if (close < 0)
            {
                problems.Add(new(number, "“（牵头单位：…”标记没有右括号“）”。"));
            }
            else
            {
                trailing = marker[(close + 1)..].Trim();
                marker = marker[..close];
            }

            if (trailing.Length > 0)
            {
                // Text after the marker belongs to the task; keep it rather than lose it.
                body += trailing;
                problems.Add(new(number, $"标记之后还有文字“{Shorten(trailing)}”，已并入任务正文。"));
            }

            (lead, responsible) = Units(number, marker, problems);
        }

        var titleEnd = body.IndexOf('。', StringComparison.Ordinal);
        var title = titleEnd < 0 ? body : body[..titleEnd];
        if (titleEnd < 0)
        {
            problems.Add(new(number, "任务没有以句号结束的标题，整段作为标题。"));
        }

        var text = titleEnd < 0 ? "" : body[(titleEnd + 1)..].Trim();
        return new ParsedTask(number, section, title.Trim(), text, lead, responsible, Milestones(body, year));
    }

    private static (IReadOnlyList<string> Lead, IReadOnlyList<string> Responsible) Units(int number, string marker, List<WorkPlanProblem> problems)
    {
        // marker: "牵头单位：A、B；责任单位：C，D"
        var afterLeadLabel = marker["牵头单位".Length..];
        if (afterLeadLabel.StartsWith('：'))
        {
            afterLeadLabel = afterLeadLabel[1..];
        }
        else if (afterLeadLabel.StartsWith(':'))
        {
            afterLeadLabel = afterLeadLabel[1..];
            problems.Add(new(number, "“牵头单位”后用了半角冒号“:”。"));
        }
        else
        {
            problems.Add(new(number, "“牵头单位”后缺少冒号“：”。"));
        }

        var responsibleAt = afterLeadLabel.IndexOf("责任单位", StringComparison.Ordinal);
        string leadPart;
        var responsiblePart = "";
        if (responsibleAt < 0)
        {
            leadPart = afterLeadLabel;
            problems.Add(new(number, "标记中没有“责任单位”，责任单位需人工填写。"));
        }
        else
        {
            leadPart = afterLeadLabel[..responsibleAt];
            var separator = leadPart.Length > 0 ? leadPart[^1] : ' ';
            if (separator == '；')
            {
                leadPart = leadPart[..^1];
            }
            else if (separator is '，' or ',' or ';' or '、')
            {
                leadPart = leadPart[..^1];
                problems.Add(new(number, $"“责任单位”前应为分号“；”，实为“{separator}”。"));
            }
            else
            {
                problems.Add(new(number, "“责任单位”前缺少分号“；”。"));
            }

            responsiblePart = afterLeadLabel[(responsibleAt + "责任单位".Length)..];
            if (responsiblePart.StartsWith('：') || responsiblePart.StartsWith(':'))
            {
                responsiblePart = responsiblePart[1..];
            }
            else
            {
                problems.Add(new(number, "“责任单位”后缺少冒号“：”。"));
            }
        }

        var lead = Names(leadPart);
        var responsible = Names(responsiblePart);
        if (leadPart.Contains(',', StringComparison.Ordinal) || responsiblePart.Contains(',', StringComparison.Ordinal))
        {
            problems.Add(new(number, "单位名称之间用了半角逗号“,”，已按分隔处理。"));
        }

        if (lead.Count == 0)
        {
            problems.Add(new(number, "牵头单位为空。"));
        }

        return (lead, responsible);
    }

    private static List<string> Names(string list) =>
        list.Split(['、', '，', ',', '；', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.Trim('\u3000'))
            .Where(n => n.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Dated milestones in a task's text, in order: "8月底前…", "2018年年底前…", "年底前…", "6月30日前…".</summary>
    public static IReadOnlyList<WorkPlanMilestone> Milestones(string text, int year)
    {
        var found = new List<WorkPlanMilestone>();
        foreach (Match match in DeadlinePhrase().Matches(text))
        {
            var y = match.Groups["year"].Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : year;
            DateOnly due;
            if (match.Groups["yearEnd"].Success)
            {
                due = new DateOnly(y, 12, 31);
            }
            else
            {
                var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
                if (month is < 1 or > 12)
                {
                    continue;
                }

                if (match.Groups["day"].Success)
                {
                    var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
                    if (day < 1 || day > DateTime.DaysInMonth(y, month))
                    {
                        continue;
                    }

                    due = new DateOnly(y, month, day);
                }
                else if (match.Groups["monthEnd"].Success)
                {
                    due = new DateOnly(y, month, DateTime.DaysInMonth(y, month));
                }
                else
                {
                    // "9月前": before September begins.
                    due = new DateOnly(y, month, 1).AddDays(-1);
                }
            }

            // The milestone's words: from the date to the end of its clause.
            var end = text.IndexOfAny(['，', '。', '；', '\n'], match.Index);
            var clause = (end < 0 ? text[match.Index..] : text[match.Index..end]).Trim();
            found.Add(new WorkPlanMilestone(due, clause));
        }

        return found;
    }

    /// <summary>1 → 一, 14 → 十四, 20 → 二十, 23 → 二十三 (task numbers up to 99).</summary>
    public static string Numeral(int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 99);
        var tens = number / 10;
        var ones = number % 10;
        var prefix = tens switch { 0 => "", 1 => "十", _ => $"{Digits[tens]}十" };
        return ones == 0 ? prefix : prefix + Digits[ones];
    }

    /// <summary>一 … 九十九 → 1 … 99; anything else → null.</summary>
    public static int? ParseNumeral(string numeral)
    {
        for (var n = 1; n <= 99; n++)
        {
            if (Numeral(n) == numeral)
            {
                return n;
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    [GeneratedRegex(@"^((?:19|20)\d{2})年")]
    private static partial Regex YearInTitle();

    [GeneratedRegex(@"^([一二三四五六七八九十]+)、")]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^（([一二三四五六七八九十]+)）")]
    private static partial Regex TaskStart();

    [GeneratedRegex(@"(?:(?<year>(?:19|20)\d{2})年)?(?:(?<yearEnd>年底|年末)|(?<month>\d{1,2})月(?:(?<monthEnd>底|末)|(?<day>\d{1,2})日)?)前")]
    private static partial Regex DeadlinePhrase();
}
