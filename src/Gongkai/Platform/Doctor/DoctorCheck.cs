namespace Gongkai.Platform.Doctor;

/// <summary>
/// One invariant the <c>doctor</c> verb checks on a live database, contributed by the module that owns it
/// (<c>services.AddDoctorCheck&lt;T&gt;()</c>): documents published with all their rows (Publishing), import records
/// without duplicates (Publishing), the search index counting what the database publishes (Search). With
/// <c>--repair</c> a check repairs what it safely can, in the database only, and says what it did.
/// </summary>
public interface IDoctorCheck
{
    /// <summary>Lower runs first: repairs that write change-log rows run before the checks that read what follows them.</summary>
    int Order { get; }

    /// <summary>The heading printed before the check's lines, in Chinese.</summary>
    string Title { get; }

    Task RunAsync(DoctorReport report, bool repair, CancellationToken cancellationToken);
}

/// <summary>What the checks found and did, printed as it happens; the exit code follows <see cref="Unresolved"/>.</summary>
public sealed class DoctorReport(TextWriter output)
{
    /// <summary>How many offending 索引号 (or rows) a line lists at most; the count is always exact.</summary>
    public const int ListedAtMost = 20;

    public int Problems { get; private set; }

    public int Repaired { get; private set; }

    /// <summary>Problems found and not repaired: non-zero makes the exit code 1.</summary>
    public int Unresolved => Problems - Repaired;

    public Task PassedAsync(string text) => output.WriteLineAsync("  正常：" + text);

    public Task NoteAsync(string text) => output.WriteLineAsync("  说明：" + text);

    /// <summary><paramref name="count"/> problems of one kind, with the items that show them.</summary>
    public Task ProblemAsync(int count, string text, IEnumerable<string> items)
    {
        Problems += count;
        return output.WriteLineAsync($"  问题：{text}（{count} 处）{List(items)}");
    }

    public Task RepairedAsync(int count, string text, IEnumerable<string> items)
    {
        Repaired += count;
        return output.WriteLineAsync($"  已修复：{text}（{count} 处）{List(items)}");
    }

    public Task HeadingAsync(string title) => output.WriteLineAsync("【" + title + "】");

    public Task WriteLineAsync(string text) => output.WriteLineAsync(text);

    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        if (all.Count == 0)
        {
            return "";
        }

        var shown = string.Join("、", all.Take(ListedAtMost));
        return "：" + shown + (all.Count > ListedAtMost ? $" 等 {all.Count} 项" : "");
    }
}

public static class DoctorRegistration
{
    public static IServiceCollection AddDoctorCheck<T>(this IServiceCollection services) where T : class, IDoctorCheck =>
        services.AddScoped<IDoctorCheck, T>();
}
