using System.CommandLine;
using Gongkai.Platform.Cli;
using Gongkai.Platform.Jobs;
using Gongkai.Safeguards;
using Microsoft.Extensions.Options;

namespace Gongkai.Publishing.Checks.PublishedScan;

/// <summary>Daily (after the link check), scans the published documents for personal data; unchanged texts already
/// scanned with the same rules are skipped, so a daily run costs little once the corpus has been scanned.</summary>
public sealed class PublishedScanJob(PublishedScanner scanner, IOptions<SafeguardsOptions> options) : IRecurringJob
{
    public string Name => "safeguards.published-scan";

    public JobSchedule Schedule => JobSchedule.DailyAt(options.Value.LinkCheckTime.AddHours(1));

    public Task RunAsync(CancellationToken cancellationToken) => scanner.RunAsync("定时任务", null, cancellationToken);
}

/// <summary><c>gongkai safeguards scan</c>: the same scan, now, with its progress on the console.</summary>
internal static class PublishedScanCommand
{
    public static Command Create(WithServices withServices)
    {
        var scan = new Command("scan", "扫描全部已公开文件（正文和附件）中的个人信息；已按相同规则扫描且未改变的内容跳过，结果见“已公开文件个人信息扫描”。");
        scan.SetAction((_, _) => withServices(async (services, cancellationToken) =>
        {
            using var scope = services.CreateScope();
            var started = DateTimeOffset.UtcNow;
            var progress = new SynchronousProgress(p => Console.WriteLine($"已扫描 {p.Scanned} / {p.Total} 份文件（检查 {p.Checked} 项，跳过未变化 {p.Skipped} 项，新发现 {p.NewlyFound} 项）"));
            var run = await scope.ServiceProvider.GetRequiredService<PublishedScanner>().RunAsync("管理命令 safeguards scan", progress, cancellationToken);
            Console.WriteLine($"扫描完成：{run.Scanned} 份文件，检查 {run.Checked} 项，跳过 {run.Skipped} 项，新发现个人信息 {run.NewlyFound} 项，用时 {(DateTimeOffset.UtcNow - started).TotalSeconds:F1} 秒。");
            return 0;
        }));
        var command = new Command("safeguards", "个人信息保护：扫描已公开文件。");
        command.Subcommands.Add(scan);
        return command;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool and print out of order).</summary>
    private sealed class SynchronousProgress(Action<ScanProgress> report) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => report(value);
    }
}
