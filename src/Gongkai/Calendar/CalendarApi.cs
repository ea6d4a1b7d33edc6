using System.Globalization;
using Gongkai.Staff;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Calendar;

/// <summary><c>GET /api/v1/calendar/days/2024-09-29</c>. <c>Name</c> is null for plain days (the property is always present).</summary>
public sealed record CalendarDayResponse(DateOnly Date, bool WorkingDay, string Kind, string? Name)
{
    public static CalendarDayResponse From(DayInfo day) => new(day.Date, day.WorkingDay, day.KindCode, day.HolidayName);
}

/// <summary>One line of a count's explanation: the starting day, then every day up to the result.</summary>
public sealed record CountExplanationLine(DateOnly Date, bool Counted, string Reason);

/// <summary><c>GET /api/v1/calendar/add-working-days?from=2024-09-27&amp;days=3</c>.</summary>
public sealed record AddWorkingDaysResponse(
    DateOnly From, int Days, DateOnly Date, IReadOnlyList<DateOnly> Skipped, IReadOnlyList<CountExplanationLine> Explanation)
{
    public static AddWorkingDaysResponse Of(WorkingDayCount count) => new(
        count.From,
        count.Days,
        count.Date,
        count.Skipped.Select(s => s.Day.Date).ToList(),
        [new CountExplanationLine(count.From, false, WorkingDayCount.StartDayReason),
            .. count.Steps.Select(s => new CountExplanationLine(s.Day.Date, s.Counted, s.Reason))]);
}

/// <summary><c>PUT /api/v1/calendar/days/{date}</c>.</summary>
public sealed record MarkDayRequest(bool? IsOffDay, string? Name);

/// <summary>A loaded year, as listed by <c>GET /api/v1/calendar/years</c>.</summary>
public sealed record CalendarYearResponse(int Year, string Source, DateTimeOffset ImportedAt);

/// <summary>The working-day calendar's endpoints. Reads are public (citizens check deadlines); edits need
/// <see cref="CalendarPermissions.Manage"/>.</summary>
internal static class CalendarApi
{
    public const int MaxDays = 1000;

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/calendar").WithTags("Calendar");
        api.MapGet("/days/{date}", GetDay).WithSummary("某一天是工作日还是休息日，以及原因");
        api.MapGet("/add-working-days", AddWorkingDays).WithSummary("从某日起算若干个工作日后的日期（含逐日说明）");
        api.MapGet("/years", ListYears).WithSummary("已导入节假日安排的年份");

        api.MapPut("/days/{date}", MarkDay).WithSummary("把某一天标为工作日或休息日（本地调整）").RequireAuthorization(CalendarPermissions.Manage);
        api.MapDelete("/days/{date}", RevertDay).WithSummary("撤销某一天的本地调整").RequireAuthorization(CalendarPermissions.Manage);
        api.MapPost("/years", ImportYear).WithSummary("导入一年的国务院节假日安排").RequireAuthorization(CalendarPermissions.Manage);
        return app;
    }

    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Why a requested number of working days is unacceptable, in Chinese; null when it is fine.</summary>
    public static string? ValidateDays(string? text, out int days)
    {
        days = 0;
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "请填写工作日天数";
        }

        var negative = trimmed.StartsWith('-');
        var digits = negative ? trimmed[1..] : trimmed;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return $"工作日天数“{trimmed}”不是整数";
        }

        if (negative && digits.Any(c => c != '0'))
        {
            return "工作日天数不能为负数";
        }

        if (digits.TrimStart('0').Length > 4 || int.Parse(digits, CultureInfo.InvariantCulture) > MaxDays)
        {
            return string.Create(CultureInfo.InvariantCulture, $"工作日天数不能超过{MaxDays}");
        }

        days = int.Parse(digits, CultureInfo.InvariantCulture);
        return null;
    }

    private static async Task<Results<Ok<CalendarDayResponse>, ProblemHttpResult>> GetDay(
        string date, CalendarService calendar, CancellationToken cancellationToken)
    {
        if (!TryParseDate(date, out var day))
        {
            return BadDate(date);
        }

        try
        {
            return TypedResults.Ok(CalendarDayResponse.From(await calendar.DescribeAsync(day, cancellationToken)));
        }
        catch (CalendarYearMissingException missing)
        {
            return YearMissing(missing);
        }
    }

    private static async Task<Results<Ok<AddWorkingDaysResponse>, ProblemHttpResult>> AddWorkingDays(
        string? from, string? days, CalendarService calendar, CancellationToken cancellationToken)
    {
        if (!TryParseDate(from, out var start))
        {
            return BadDate(from, "from");
        }

        if (ValidateDays(days, out var count) is { } problem)
        {
            return TypedResults.Problem(title: "参数无效", detail: problem, statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            return TypedResults.Ok(AddWorkingDaysResponse.Of(await calendar.AddWorkingDaysAsync(start, count, cancellationToken)));
        }
        catch (CalendarYearMissingException missing)
        {
            return YearMissing(missing);
        }
    }

    private static async Task<Ok<List<CalendarYearResponse>>> ListYears(CalendarService calendar, CancellationToken cancellationToken) =>
        TypedResults.Ok((await calendar.ListYearsAsync(cancellationToken)).Select(y => new CalendarYearResponse(y.Year, y.Source, y.ImportedAt)).ToList());

    private static async Task<Results<Ok<CalendarDayResponse>, ProblemHttpResult>> MarkDay(
        string date, MarkDayRequest? body, CalendarService calendar, CancellationToken cancellationToken)
    {
        if (!TryParseDate(date, out var day))
        {
            return BadDate(date);
        }

        if (body?.IsOffDay is not { } isOffDay)
        {
            return TypedResults.Problem(title: "参数无效", detail: "请求体须包含 isOffDay（true 放假，false 调休上班）和 name", statusCode: StatusCodes.Status400BadRequest);
        }

        if (CalendarService.ValidateMark(day, isOffDay, body.Name) is { } problem)
        {
            return TypedResults.Problem(title: "参数无效", detail: problem, statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            return TypedResults.Ok(CalendarDayResponse.From(await calendar.MarkDayAsync(day, isOffDay, body.Name!, cancellationToken: cancellationToken)));
        }
        catch (CalendarYearMissingException missing)
        {
            return TypedResults.Problem(title: "缺少节假日安排",
                detail: string.Create(CultureInfo.InvariantCulture, $"尚未导入{missing.Year}年的节假日安排，请先导入该年的安排再标记单日"),
                statusCode: StatusCodes.Status422UnprocessableEntity);
        }
    }

    /// <summary>Answers with the day as it now counts; with no content when its year is not loaded (a stray December
    /// day stored by the next year's import can still be removed).</summary>
    private static async Task<Results<Ok<CalendarDayResponse>, NoContent, ProblemHttpResult>> RevertDay(
        string date, CalendarService calendar, CancellationToken cancellationToken)
    {
        if (!TryParseDate(date, out var day))
        {
            return BadDate(date);
        }

        if (!await calendar.RevertDayAsync(day, cancellationToken: cancellationToken))
        {
            return TypedResults.Problem(title: "无需恢复", detail: $"{day:yyyy-MM-dd}没有特殊安排，已按常规（周一至周五上班）计算", statusCode: StatusCodes.Status404NotFound);
        }

        var current = await calendar.GetCalendarAsync(cancellationToken);
        return current.Covers(day.Year) ? TypedResults.Ok(CalendarDayResponse.From(current.Describe(day))) : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<YearImportResult>, ProblemHttpResult>> ImportYear(
        HttpRequest request, CalendarService calendar, CancellationToken cancellationToken)
    {
        // The body is read as text so that malformed JSON gets a Chinese problem; insisting on the JSON content type
        // keeps cross-site form posts (which cannot set it) out.
        if (!request.HasJsonContentType())
        {
            return TypedResults.Problem(title: "格式不支持", detail: "请以 application/json 提交 holiday-cn 格式的年度安排", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        using var reader = new StreamReader(request.Body);
        var json = await reader.ReadToEndAsync(cancellationToken);
        var file = HolidayYearFile.Parse(json, out var errors);
        if (file is null)
        {
            return TypedResults.Problem(title: "年度安排无效", detail: string.Join("；", errors), statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["errors"] = errors });
        }

        return TypedResults.Ok(await calendar.ImportYearAsync(file, cancellationToken: cancellationToken));
    }

    private static ProblemHttpResult BadDate(string? text, string parameter = "date") =>
        TypedResults.Problem(
            title: "参数无效",
            detail: string.IsNullOrEmpty(text) ? $"缺少日期参数 {parameter}（格式 yyyy-MM-dd）" : $"日期“{text}”无效，应为 yyyy-MM-dd 格式，例如 2024-09-27",
            statusCode: StatusCodes.Status400BadRequest);

    private static ProblemHttpResult YearMissing(CalendarYearMissingException missing) =>
        TypedResults.Problem(title: "缺少节假日安排", detail: missing.Message, statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?> { ["year"] = missing.Year });
}
