using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gongkai.Calendar;

/// <summary>
/// One year's schedule in the holiday-cn format: <c>{"year":2024,"days":[{"name":"国庆节","date":"2024-10-01","isOffDay":true}]}</c>.
/// A file may also list the last days of December of the year before and the first days of January of the year
/// after, because a holiday (元旦) can straddle the turn of the year.
/// </summary>
public sealed record HolidayYearFile(int Year, IReadOnlyList<SpecialDay> Days)
{
    public const int EarliestYear = 2000;
    public const int LatestYear = 2100;
    public const int MaxNameLength = 50;

    private const string ResourcePrefix = "Holidays/";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>An empty file is how holiday-cn marks a year whose schedule the State Council has not yet published.
    /// Such a year is not loaded: every real year has at least 元旦 and 春节.</summary>
    public bool IsPublished => Days.Count > 0;

    /// <summary>Parses and validates a file. Returns null with the problems (in Chinese) when it is not acceptable.</summary>
    public static HolidayYearFile? Parse(string json, out IReadOnlyList<string> errors)
    {
        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, JsonOptions);
        }
        catch (JsonException exception)
        {
            errors = [$"不是有效的 JSON：{FirstLine(exception.Message)}"];
            return null;
        }

        if (document is null)
        {
            errors = ["不是有效的 JSON：内容为空"];
            return null;
        }

        var problems = new List<string>();
        if (document.Year is not { } year)
        {
            errors = ["缺少 year（年份）"];
            return null;
        }

        if (year is < EarliestYear or > LatestYear)
        {
            errors = [string.Create(CultureInfo.InvariantCulture, $"年份 {year} 超出允许范围（{EarliestYear}–{LatestYear}）")];
            return null;
        }

        if (document.Days is null)
        {
            errors = ["缺少 days（日期列表）"];
            return null;
        }

        var days = new List<SpecialDay>();
        var seen = new HashSet<DateOnly>();
        for (var i = 0; i < document.Days.Count; i++)
        {
            var entry = document.Days[i];
            var position = string.Create(CultureInfo.InvariantCulture, $"第{i + 1}项");
            if (entry is null)
            {
                problems.Add($"{position}为空");
                continue;
            }

            if (!DateOnly.TryParseExact(entry.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                problems.Add($"{position}的日期“{entry.Date}”不是 yyyy-MM-dd 格式");
                continue;
            }

            var label = string.Create(CultureInfo.InvariantCulture, $"{position}（{date:yyyy-MM-dd}）");
            if (!BelongsToYear(date, year))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{label}不在{year}年内，也不是{year - 1}年12月或{year + 1}年1月"));
            }

            if (!seen.Add(date))
            {
                problems.Add($"{label}重复出现");
            }

            if (entry.IsOffDay is not { } isOffDay)
            {
                problems.Add($"{label}缺少 isOffDay（true 放假，false 调休上班）");
                continue;
            }

            var name = entry.Name?.Trim() ?? "";
            if (name.Length == 0)
            {
                problems.Add($"{label}缺少名称（如“国庆节”）");
            }
            else if (name.Length > MaxNameLength)
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"{label}的名称超过{MaxNameLength}个字"));
            }

            days.Add(new SpecialDay(date, isOffDay, name));
        }

        if (problems.Count == 0 && days.Count == 0)
        {
            problems.Add("days 为空：尚未公布的年份不能导入");
        }

        errors = problems;
        return problems.Count == 0 ? new HolidayYearFile(year, days) : null;
    }

    /// <summary>Whether a date may appear in the file of <paramref name="year"/>.</summary>
    public static bool BelongsToYear(DateOnly date, int year) =>
        date.Year == year
        || (date.Year == year - 1 && date.Month == 12)
        || (date.Year == year + 1 && date.Month == 1);

    /// <summary>The official files shipped inside the assembly, oldest first.</summary>
    public static IReadOnlyList<HolidayYearFile> LoadEmbedded()
    {
        var assembly = typeof(HolidayYearFile).Assembly;
        var files = new List<HolidayYearFile>();
        foreach (var resource in assembly.GetManifestResourceNames()
                     .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            files.Add(ReadResource(assembly, resource));
        }

        return files.OrderBy(f => f.Year).ToList();
    }

    /// <summary>Combines several years' files into one set of special days. When two files list the same date the
    /// later year's file wins: it was published later, with the turn of the year in view.</summary>
    public static IReadOnlyList<SpecialDay> Merge(IEnumerable<HolidayYearFile> files)
    {
        var merged = new Dictionary<DateOnly, SpecialDay>();
        foreach (var file in files.OrderBy(f => f.Year))
        {
            foreach (var day in file.Days)
            {
                merged[day.Date] = day;
            }
        }

        return merged.Values.OrderBy(d => d.Date).ToList();
    }

    /// <summary>A calendar from files alone (the official data, or a test's own files): the published years are covered.</summary>
    public static WorkCalendar BuildCalendar(IReadOnlyCollection<HolidayYearFile> files) =>
        new(Merge(files), files.Where(f => f.IsPublished).Select(f => f.Year));

    private static HolidayYearFile ReadResource(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded holiday file {resource} is missing.");
        using var reader = new StreamReader(stream);
        var json = reader.ReadToEnd();
        var document = JsonSerializer.Deserialize<Document>(json, JsonOptions)
            ?? throw new InvalidOperationException($"Embedded holiday file {resource} is empty.");
        if (document.Days is { Count: 0 } && document.Year is { } unpublished)
        {
            return new HolidayYearFile(unpublished, []);
        }

        return Parse(json, out var errors)
            ?? throw new InvalidOperationException($"Embedded holiday file {resource} is invalid: {string.Join("; ", errors)}");
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? message : message[..end];
    }

    private sealed class Document
    {
        [JsonPropertyName("year")]
        public int? Year { get; set; }

        [JsonPropertyName("days")]
        public List<Entry?>? Days { get; set; }
    }

    private sealed class Entry
    {
        [JsonPropertyName("name")]
        public string? Name { get; set; }

        [JsonPropertyName("date")]
        public string? Date { get; set; }

        [JsonPropertyName("isOffDay")]
        public bool? IsOffDay { get; set; }
    }
}
