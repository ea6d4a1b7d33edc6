using Gongkai.Platform.Cli;
using System.CommandLine;
using System.Globalization;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Import;

/// <summary><c>gongkai import &lt;folder&gt; [--body &lt;code&gt;] [--batch-size &lt;n&gt;]</c>: Markdown files with YAML front matter become
/// published documents of the body (default: the top-level government). Exit code 0 when every file was imported,
/// updated or unchanged, 1 when some were rejected (each is listed), 2 when nothing could be started.</summary>
internal static class ImportCommand
{
    public static Command Create(WithServices withServices)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "含 Markdown 文件（带 YAML front matter）的文件夹，包括其子文件夹" };
        var body = new Option<string?>("--body") { Description = "发布机构代码，例如 myszf；省略时为最高一级的人民政府" };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "每批（一个事务）导入的文件数，默认 200；网站运行时用较小的批次可缩短其他写入的等待",
            DefaultValueFactory = _ => DocumentImporter.BatchSize,
        };
        batchSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--batch-size 必须是正整数。");
            }
        });
        var command = new Command("import", "把文件夹中的 Markdown 文件作为已发布文件导入；可重复执行：已导入的文件有变化时更新，不会重复。");
        command.Arguments.Add(folder);
        command.Options.Add(body);
        command.Options.Add(batchSize);
        command.SetAction(async (parseResult, _) =>
        {
            var (output, error) = (parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);
            var path = parseResult.GetValue(folder)!;
            if (!path.Exists)
            {
                await error.WriteLineAsync($"找不到文件夹：{path.FullName}");
                return 2;
            }

            var code = parseResult.GetValue(body);
            return await withServices(async (services, ct) =>
            {
                var target = FindBody(await services.GetRequiredService<BodyDirectory>().LoadAsync(ct), code);
                if (target is null)
                {
                    await error.WriteLineAsync(code is null ? "数据库中没有人民政府机构，请用 --body 指定发布机构。" : $"没有代码为“{code}”的机构。");
                    return 2;
                }

                await output.WriteLineAsync($"导入到：{target.Name}（{target.Code}）");
                var progress = new ConsoleImportProgress(output, error, interactive: !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out));
                var summary = await services.GetRequiredService<DocumentImporter>().ImportAsync(path.FullName, target, progress, parseResult.GetValue(batchSize), ct);
                progress.Finish();
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"导入完成：新增 {summary.Imported} 件，更新 {summary.Updated} 件，未变 {summary.Unchanged} 件，拒绝 {summary.Rejected.Count} 件，用时 {summary.Elapsed.TotalSeconds:0.0} 秒。"));
                if (summary.References > 0)
                {
                    // Laws and regulations go to the law library under their issuer, never under the body imported into.
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                        $"其中 {summary.References} 件为政策法规库的参考文件（不属于{target.Name}，不编本机构索引号，不计入本机构主动公开信息）。"));
                }

                if (summary.Notes.Count > 0)
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{summary.Notes.Count} 条字段留空或未采用（未作猜测）："));
                    foreach (var note in summary.Notes)
                    {
                        await output.WriteLineAsync($"  {note.Path}：{note.Note}");
                    }
                }
                return summary.Rejected.Count == 0 ? 0 : 1;
            });
        });
        return command;
    }

    /// <summary>The body by code, or without one the top-level government (a municipal government without a parent).</summary>
    internal static Body? FindBody(BodyHierarchy hierarchy, string? code)
    {
        var bodies = hierarchy.All;
        return code is not null
            ? bodies.SingleOrDefault(b => b.Code == code)
            : bodies.Where(b => b.ParentId == null).OrderBy(b => b.Kind == BodyKind.MunicipalGovernment ? 0 : b.Kind == BodyKind.CountyGovernment ? 1 : 2).ThenBy(b => b.Id)
                .FirstOrDefault();
    }
}

/// <summary>A progress bar redrawn on one line for a terminal; when output is redirected, a plain line every tenth
/// of the way. Rejected files are written to the error stream, one line each.</summary>
internal sealed class ConsoleImportProgress(TextWriter output, TextWriter error, bool interactive) : IImportProgress
{
    private const int Width = 30;
    private readonly Lock _gate = new();
    private int _total;
    private int _lastTenth = -1;
    private bool _drawn;

    public void Started(int total)
    {
        _total = total;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"共 {total} 个 Markdown 文件。"));
        Advanced(0);
    }

    public void Advanced(int done)
    {
        lock (_gate)
        {
            if (interactive)
            {
                output.Write("\r" + Bar(done, _total));
                _drawn = true;
                return;
            }

            var tenth = _total == 0 ? 10 : done * 10 / _total;
            if (tenth != _lastTenth)
            {
                _lastTenth = tenth;
                output.WriteLine(Bar(done, _total));
            }
        }
    }

    public void Rejected(ImportRejection rejection)
    {
        lock (_gate)
        {
            if (_drawn)
            {
                output.WriteLine();
                _drawn = false;
            }

            error.WriteLine($"已拒绝 {rejection.Path}：{rejection.Reason}");
        }
    }

    public void Finish()
    {
        lock (_gate)
        {
            if (_drawn)
            {
                output.WriteLine();
                _drawn = false;
            }
        }
    }

    public static string Bar(int done, int total)
    {
        var fraction = total == 0 ? 1.0 : (double)done / total;
        var filled = (int)Math.Round(fraction * Width);
        return string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string('-', Width - filled)}] {done}/{total} {fraction:P0}");
    }
}
