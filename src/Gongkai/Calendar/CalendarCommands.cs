using Gongkai.Platform.Cli;
using System.CommandLine;
using System.Globalization;

namespace Gongkai.Calendar;

/// <summary><c>gongkai calendar import &lt;file.json&gt;</c> and <c>gongkai calendar show &lt;yyyy-MM-dd&gt;</c>.</summary>
internal static class CalendarCommands
{
    public const string CliActor = "cli";

    public static Command Create(WithServices withServices)
    {
        var calendar = new Command("calendar", "工作日日历：导入年度节假日安排，查询某一天是否为工作日。");
        calendar.Subcommands.Add(ImportCommand(withServices));
        calendar.Subcommands.Add(ShowCommand(withServices));
        return calendar;
    }

    private static Command ImportCommand(WithServices withServices)
    {
        var file = new Argument<FileInfo>("file") { Description = "holiday-cn 格式的年度安排文件，例如 2027.json" };
        var command = new Command("import", "导入（或重新导入）一年的节假日安排；文件中列出的日期覆盖已有安排，其余日期不变。");
        command.Arguments.Add(file);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var (output, error) = (parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
            var path = parseResult.GetValue(file)!;
            if (!path.Exists)
            {
                await error.WriteLineAsync($"找不到文件：{path.FullName}");
                return 2;
            }

            var json = await File.ReadAllTextAsync(path.FullName, cancellationToken);
            var parsed = HolidayYearFile.Parse(json, out var errors);
            if (parsed is null)
            {
                await error.WriteLineAsync("年度安排无效：");
                foreach (var problem in errors)
                {
                    await error.WriteLineAsync("  " + problem);
                }

                return 1;
            }

            return await withServices(async (services, ct) =>
            {
                var result = await services.GetRequiredService<CalendarService>().ImportYearAsync(parsed, CliActor, ct);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"已导入{result.Year}年节假日安排：新增{result.Added}天，修改{result.Changed}天，未变{result.Unchanged}天。"));
                return 0;
            });
        });
        return command;
    }

    private static Command ShowCommand(WithServices withServices)
    {
        var date = new Argument<string>("date") { Description = "日期，格式 yyyy-MM-dd" };
        var command = new Command("show", "显示某一天的类型（工作日、休息日、放假、调休上班）。");
        command.Arguments.Add(date);
        command.SetAction(async (parseResult, _) =>
        {
            var (output, error) = (parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
            var text = parseResult.GetValue(date);
            if (!CalendarApi.TryParseDate(text, out var day))
            {
                await error.WriteLineAsync($"日期“{text}”无效，应为 yyyy-MM-dd 格式");
                return 2;
            }

            return await withServices(async (services, ct) =>
            {
                try
                {
                    var info = await services.GetRequiredService<CalendarService>().DescribeAsync(day, ct);
                    var name = info.HolidayName is null ? "" : $"（{info.HolidayName}）";
                    await output.WriteLineAsync($"{day:yyyy-MM-dd} {info.WeekdayName}：{DayKinds.ChineseName(info.Kind)}{name}，{(info.WorkingDay ? "上班" : "不上班")}");
                    return 0;
                }
                catch (CalendarYearMissingException missing)
                {
                    await error.WriteLineAsync(missing.Message);
                    return 1;
                }
            });
        });
        return command;
    }
}
