using System.Diagnostics;
using Gongkai.Platform.Cli;

namespace Gongkai.Tests.Platform.Cli;

/// <summary>A mistyped verb is refused with the list of verbs instead of silently starting the portal; host
/// settings still start it.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("opne311")]
    [InlineData("imprt", "/data")]
    [InlineData("Serve")]
    public void A_word_that_is_no_verb_is_unknown(params string[] args)
    {
        Assert.True(GongkaiCommandLine.IsUnknownVerb(args, Program.AdminVerbs));
    }

    [Theory]
    [InlineData]
    [InlineData("serve")]
    [InlineData("serve", "--urls", "http://127.0.0.1:5001")]
    [InlineData("--urls", "http://127.0.0.1:5001")]
    [InlineData("--Gongkai:DataFolder=/srv/gongkai")]
    [InlineData("--demo")]
    [InlineData("-h")]
    [InlineData("urls=http://127.0.0.1:5001")]
    [InlineData("migrate")]
    [InlineData("reindex")]
    [InlineData("import", "/data")]
    public void Serving_options_help_and_admin_verbs_are_not_unknown(params string[] args)
    {
        Assert.False(GongkaiCommandLine.IsUnknownVerb(args, Program.AdminVerbs));
    }

    [Fact]
    public void The_refusal_names_the_word_and_lists_every_verb()
    {
        using var error = new StringWriter();
        Assert.Equal(2, GongkaiCommandLine.RejectUnknownVerb("opne311", Program.AdminVerbs, error));
        var text = error.ToString();
        Assert.Contains("未知的命令：opne311", text, StringComparison.Ordinal);
        foreach (var verb in Program.AdminVerbs.Select(v => v.Name).Append("serve"))
        {
            Assert.Contains($"  {verb}", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_executable_exits_with_code_2_on_a_mistyped_verb_without_starting()
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("opne311");
        start.Environment["Gongkai__DataFolder"] = Path.Combine(Path.GetTempPath(), "gongkai-cli-" + Guid.NewGuid().ToString("N"));
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("未知的命令：opne311", await error, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", await output, StringComparison.Ordinal);
    }
}
