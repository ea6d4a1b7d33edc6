using System.Text.RegularExpressions;
using Gongkai.Calendar;
using Gongkai.Organizations;

namespace Gongkai.Services.Rules;

/// <summary>One item of a standard catalogue (标准目录), with the nine elements the 2019 field guidelines fix for
/// every item: 公开事项 (<see cref="Name"/>), 公开内容, 公开依据, 公开时限, 公开主体, 公开渠道和载体, 公开对象
/// (全社会/特定群体), 公开方式 (主动/依申请) and 公开层级 (县级/乡级). <see cref="RecordType"/> optionally names the record
/// type (数据开放) whose published records fill the item as documents do (e.g. <c>administrative-penalty</c>).</summary>
public sealed record StandardCatalogueItem(
    string Name,
    string Content,
    string Basis,
    string TimeLimit,
    string Subject,
    string Channels,
    string Audience,
    string Mode,
    IReadOnlyList<string> Levels,
    string? RecordType = null);

/// <summary>A standard catalogue: a field template (one of the 26 fields of the 2019 guidelines) or a sector template
/// for public enterprises and institutions (<see cref="Sector"/> names the body kind it serves, e.g. <c>school</c>).</summary>
public sealed record StandardCatalogue(string Code, string Title, string Field, string? Sector, string Description, IReadOnlyList<StandardCatalogueItem> Items);

/// <summary>How the catalogue states an item's time limit, read into something a clock can count: a number of
/// working days from when the item is listed, or a period the item must be refreshed in (每月/每季度/每半年/每年).</summary>
public sealed record DisclosureTimeLimit(int WorkingDays, int? PeriodMonths)
{
    /// <summary>条例 Art. 26: 20 working days when the catalogue names no shorter limit.</summary>
    public const int StatutoryWorkingDays = 20;
}

/// <summary>Where an instantiated item stands: 已公开 (something published, and recent enough for a periodic item),
/// 待公开 (nothing yet, within its limit), 已逾期 (nothing yet, past its limit), 未按期更新 (a periodic item whose
/// latest publication is older than its period).</summary>
public enum CatalogueGapState
{
    Current,
    Missing,
    Late,
    NotUpdated,
}

/// <summary>One item's place on the gap view: the state and the day it was (or is) due.</summary>
public sealed record CatalogueGap(CatalogueGapState State, DateOnly DueOn);

/// <summary>
/// The rules of standard catalogues: what a well-formed template is, which items a county or a township takes
/// (公开层级), how a time limit reads, and where an item stands on the gap view. No I/O.
/// </summary>
public static partial class StandardCatalogueRules
{
    public const int MaxItemName = 50;
    public const int MaxText = 1000;
    public const int MaxShortText = 200;

    public static readonly IReadOnlyList<string> Audiences = ["全社会", "特定群体"];
    public static readonly IReadOnlyList<string> Modes = ["主动", "依申请"];
    public static readonly IReadOnlyList<string> LevelNames = ["县级", "乡级"];

    /// <summary>The 26 fields of the 2019 grassroots standard guidelines (国办发〔2019〕54号), in their order.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "城乡规划", "重大建设项目", "公共资源交易", "财政预决算", "安全生产", "税收管理", "征地补偿", "国有土地上房屋征收与补偿", "环境保护",
        "公共卫生", "保障性住房", "食品药品监管", "城市综合执法", "扶贫", "救灾", "社会救助", "养老服务", "户籍管理", "涉农补贴", "就业",
        "社会保险", "义务教育", "公共文化服务", "公共法律服务", "农村危房改造", "市政服务",
    ];

    /// <summary>Every problem of a template, keyed like the API's fields (<c>items[3].audience</c>), in Chinese; empty
    /// when it may be saved.</summary>
    public static Dictionary<string, string[]> Validate(StandardCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var errors = new Dictionary<string, List<string>>();
        void Add(string key, string message)
        {
            if (!errors.TryGetValue(key, out var list))
            {
                errors[key] = list = [];
            }

            list.Add(message);
        }

        if (!CodePattern().IsMatch(catalogue.Code ?? ""))
        {
            Add("code", "目录代码只能使用小写字母、数字和连字符，以字母开头，长度2至40位。");
        }

        if (string.IsNullOrWhiteSpace(catalogue.Title) || catalogue.Title.Length > MaxItemName)
        {
            Add("title", $"请填写目录名称（不超过{MaxItemName}个字）。");
        }

        if (string.IsNullOrWhiteSpace(catalogue.Field) || catalogue.Field.Length > MaxItemName)
        {
            Add("field", $"请填写所属领域（不超过{MaxItemName}个字）。");
        }

        if (catalogue.Sector is { } sector && !BodyKinds.TryParse(sector, out _))
        {
            Add("sector", $"适用单位类型“{sector}”无效。");
        }

        var items = catalogue.Items ?? [];
        if (items.Count == 0)
        {
            Add("items", "目录至少要有一个公开事项。");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var row = $"第 {i + 1} 项";
            var key = $"items[{i}]";
            if (string.IsNullOrWhiteSpace(item.Name))
            {
                Add(key + ".name", $"{row}：请填写公开事项。");
            }
            else if (item.Name.Length > MaxItemName)
            {
                Add(key + ".name", $"{row}：公开事项不能超过{MaxItemName}个字。");
            }
            else if (seen.TryGetValue(item.Name, out var first))
            {
                Add(key + ".name", $"{row}：公开事项“{item.Name}”与第 {first + 1} 项重复。");
            }
            else
            {
                seen[item.Name] = i;
            }

            Text(item.Content, "content", "公开内容", MaxText);
            Text(item.Basis, "basis", "公开依据", MaxText);
            Text(item.TimeLimit, "timeLimit", "公开时限", MaxShortText);
            Text(item.Subject, "subject", "公开主体", MaxShortText);
            Text(item.Channels, "channels", "公开渠道和载体", MaxShortText);
            if (!Audiences.Contains(item.Audience ?? ""))
            {
                Add(key + ".audience", $"{row}：公开对象应为“全社会”或“特定群体”。");
            }

            if (!Modes.Contains(item.Mode ?? ""))
            {
                Add(key + ".mode", $"{row}：公开方式应为“主动”或“依申请”。");
            }

            if (item.RecordType is { } recordType && !RecordTypePattern().IsMatch(recordType))
            {
                Add(key + ".recordType", $"{row}：数据类型代码只能使用小写字母、数字和连字符。");
            }

            var levels = item.Levels ?? [];
            if (levels.Count == 0 || levels.Any(l => !LevelNames.Contains(l)))
            {
                Add(key + ".levels", $"{row}：公开层级应为“县级”“乡级”之一或两者。");
            }

            void Text(string? value, string field, string label, int max)
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    Add($"{key}.{field}", $"{row}：请填写{label}。");
                }
                else if (value.Length > max)
                {
                    Add($"{key}.{field}", $"{row}：{label}不能超过{max}个字。");
                }
            }
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    /// <summary>The record type whose published records fill <paramref name="item"/>: the one the item names
    /// (<see cref="StandardCatalogueItem.RecordType"/>, by key), else the one whose name is the item's name; null when
    /// neither exists (then only documents fill the item). <paramref name="types"/> are the record types as (key, name).</summary>
    public static string? RecordTypeFor(StandardCatalogueItem? item, string itemName, IReadOnlyList<(string Key, string Name)> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        if (item?.RecordType is { Length: > 0 } named && types.Any(t => t.Key == named))
        {
            return named;
        }

        var name = (item?.Name ?? itemName).Trim();
        return types.Where(t => t.Name == name).Select(t => t.Key).FirstOrDefault();
    }

    /// <summary>What has filled an item: documents filed in its column and records of its type, counted together, and the
    /// latest publication of either.</summary>
    public static (int Count, DateOnly? Last) Filled(int documents, DateOnly? lastDocument, int records, DateOnly? lastRecord) =>
        (documents + records, lastDocument is { } d && lastRecord is { } r ? (d > r ? d : r) : lastDocument ?? lastRecord);

    /// <summary>The level a body discloses at: townships 乡级, county governments and their departments 县级; other
    /// bodies (the city, public enterprises and institutions) take every item.</summary>
    public static string? LevelOf(BodyKind kind) => kind switch
    {
        BodyKind.Township => "乡级",
        BodyKind.CountyGovernment or BodyKind.CountyDepartment => "县级",
        _ => null,
    };

    /// <summary>The items a body of <paramref name="kind"/> takes into its catalogue (公开层级 filters).</summary>
    public static IReadOnlyList<StandardCatalogueItem> ItemsFor(StandardCatalogue catalogue, BodyKind kind)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        var level = LevelOf(kind);
        return level is null ? catalogue.Items : catalogue.Items.Where(i => i.Levels.Contains(level)).ToList();
    }

    /// <summary>Reads a time limit as written in a catalogue: "…N个工作日内" counts working days; 每月/每季度/每半年/每年
    /// (or 月度/季度/年度) sets a refresh period; anything else gets the statutory 20 working days.</summary>
    public static DisclosureTimeLimit ParseTimeLimit(string? text)
    {
        var value = text ?? "";
        var days = WorkingDaysPattern().Match(value);
        var workingDays = days.Success ? int.Parse(days.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : DisclosureTimeLimit.StatutoryWorkingDays;
        int? period = value switch
        {
            _ when value.Contains("每月", StringComparison.Ordinal) || value.Contains("月度", StringComparison.Ordinal) => 1,
            _ when value.Contains("每季度", StringComparison.Ordinal) || value.Contains("季度", StringComparison.Ordinal) => 3,
            _ when value.Contains("每半年", StringComparison.Ordinal) || value.Contains("半年", StringComparison.Ordinal) => 6,
            _ when value.Contains("每年", StringComparison.Ordinal) || value.Contains("年度", StringComparison.Ordinal) => 12,
            _ => null,
        };
        return new DisclosureTimeLimit(workingDays, period);
    }

    /// <summary>
    /// Where an item listed on <paramref name="listedOn"/> stands today. Nothing published: due
    /// <see cref="DisclosureTimeLimit.WorkingDays"/> working days after listing (the day of listing not counted), or one
    /// period after listing for a periodic item; 待公开 until then, 已逾期 after. Something published: a periodic item
    /// whose latest publication is more than one period old is 未按期更新; otherwise 已公开.
    /// </summary>
    public static CatalogueGap Assess(DisclosureTimeLimit limit, DateOnly listedOn, int publishedCount, DateOnly? lastPublishedOn, DateOnly today, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentNullException.ThrowIfNull(calendar);
        if (publishedCount > 0 && lastPublishedOn is { } last)
        {
            if (limit.PeriodMonths is { } months)
            {
                var next = last.AddMonths(months);
                return new CatalogueGap(today > next ? CatalogueGapState.NotUpdated : CatalogueGapState.Current, next);
            }

            return new CatalogueGap(CatalogueGapState.Current, last);
        }

        var due = limit.PeriodMonths is { } period ? listedOn.AddMonths(period) : AddWorkingDays(calendar, listedOn, limit.WorkingDays);
        return new CatalogueGap(today > due ? CatalogueGapState.Late : CatalogueGapState.Missing, due);
    }

    public static string StateName(CatalogueGapState state) => state switch
    {
        CatalogueGapState.Current => "已公开",
        CatalogueGapState.Missing => "待公开",
        CatalogueGapState.Late => "已逾期",
        CatalogueGapState.NotUpdated => "未按期更新",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static string StateCode(CatalogueGapState state) => state switch
    {
        CatalogueGapState.Current => "current",
        CatalogueGapState.Missing => "missing",
        CatalogueGapState.Late => "late",
        CatalogueGapState.NotUpdated => "not-updated",
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    /// <summary>Beyond the years the calendar holds, a working week is counted as seven days for five: the item is
    /// still shown with a due date rather than failing the whole view.</summary>
    private static DateOnly AddWorkingDays(WorkCalendar calendar, DateOnly from, int days)
    {
        try
        {
            return calendar.AddWorkingDays(from, days).Date;
        }
        catch (CalendarYearMissingException)
        {
            return from.AddDays((days * 7 + 4) / 5);
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,39}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial Regex RecordTypePattern();

    [GeneratedRegex(@"(\d+)\s*个?工作日")]
    private static partial Regex WorkingDaysPattern();
}

/// <summary>The supervising department's 考核 of a public enterprise or institution: a suggested score from the gap
/// view (100, less 10 per late item, 5 per item not updated, 2 per item still due, never below 0) and the grade a
/// score earns. The department may give another score with its reason; the suggestion is what the figures say.</summary>
public static class UnitAssessmentRules
{
    public static readonly IReadOnlyList<string> Grades = ["优秀", "良好", "合格", "不合格"];

    public static int SuggestedScore(int late, int notUpdated, int missing) => Math.Max(0, 100 - (10 * late) - (5 * notUpdated) - (2 * missing));

    public static string GradeOf(int score) => score switch
    {
        >= 90 => "优秀",
        >= 80 => "良好",
        >= 60 => "合格",
        _ => "不合格",
    };

    /// <summary>Null when a rating may be saved; otherwise the message for the form.</summary>
    public static string? Refuse(int? score, string? comment, int suggested)
    {
        if (score is null or < 0 or > 100)
        {
            return "请填写 0 至 100 之间的考核分数。";
        }

        if (score != suggested && string.IsNullOrWhiteSpace(comment))
        {
            return $"分数与按缺项计算的建议分（{suggested} 分）不同，请写明理由。";
        }

        return comment is { Length: > 1000 } ? "考核意见不能超过 1000 个字。" : null;
    }
}
