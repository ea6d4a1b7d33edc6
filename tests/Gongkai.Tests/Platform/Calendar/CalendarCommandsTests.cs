using System.CommandLine;
using Gongkai.Calendar;
using Gongkai.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Calendar;

/// <summary><c>gongkai calendar import</c> and <c>gongkai calendar show</c>, run against the test application's services.</summary>
public sealed class CalendarCommandsTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        _ = factory.Server;
        var root = new RootCommand();
        root.Subcommands.Add(CalendarCommands.Create(async action =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await action(scope.ServiceProvider, CancellationToken.None);
        }));
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Show_prints_the_kind_of_a_day()
    {
        var (exitCode, output, _) = await RunAsync("calendar", "show", "2024-09-29");

        Assert.Equal(0, exitCode);
        Assert.Contains("2024-09-29 星期日：调休上班（国庆节），上班", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_refuses_a_year_without_a_schedule()
    {
        var (exitCode, _, error) = await RunAsync("calendar", "show", "2042-01-01");

        Assert.Equal(1, exitCode);
        Assert.Contains("尚未导入2042年的节假日安排", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_loads_a_year_file_which_show_then_uses()
    {
        var path = Path.Combine(factory.Database.DataFolder, "2034.json");
        await File.WriteAllTextAsync(path, """{"year":2034,"days":[{"name":"元旦","date":"2034-01-02","isOffDay":true}]}""");

        var imported = await RunAsync("calendar", "import", path);
        var shown = await RunAsync("calendar", "show", "2034-01-02");

        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("已导入2034年节假日安排：新增1天", imported.Output, StringComparison.Ordinal);
        Assert.Contains("放假（元旦），不上班", shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_reports_an_invalid_file_and_fails()
    {
        var path = Path.Combine(factory.Database.DataFolder, "bad.json");
        await File.WriteAllTextAsync(path, """{"year":2034,"days":[{"name":"元旦","date":"2036-01-02","isOffDay":true}]}""");

        var (exitCode, _, error) = await RunAsync("calendar", "import", path);

        Assert.Equal(1, exitCode);
        Assert.Contains("不在2034年内", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_calendar_command_has_help()
    {
        var (exitCode, output, _) = await RunAsync("calendar", "import", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("导入", output, StringComparison.Ordinal);
    }
}
