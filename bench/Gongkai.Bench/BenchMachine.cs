namespace Gongkai.Bench;

/// <summary>What every wall-clock scenario needs to know about where it runs.</summary>
internal static class BenchMachine
{
    /// <summary>The 1-, 5- and 15-minute load averages, so a recorded number says how busy the machine was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>src/Gongkai, found upwards from the working directory (the application's content root).</summary>
    public static string ApplicationFolder()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "src", "Gongkai");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("Run from the repository (src/Gongkai not found above the working directory).");
    }
}
