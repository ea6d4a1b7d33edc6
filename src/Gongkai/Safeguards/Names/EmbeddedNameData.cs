using Gongkai.Safeguards.Detection;

namespace Gongkai.Safeguards.Names;

/// <summary>Loads the surname list and given-name statistics embedded in the assembly (this folder's data files)
/// once; the detectors receive the parsed <see cref="NameStatistics"/> through the profile.</summary>
public static class EmbeddedNameData
{
    private static readonly Lazy<NameStatistics> Loaded = new(() => new NameStatistics(
        Read("Safeguards/surnames.tsv"), Read("Safeguards/given-name-characters.tsv"), Read("Safeguards/not-name-characters.txt")));

    public static NameStatistics Statistics => Loaded.Value;

    private static string Read(string name)
    {
        using var stream = typeof(EmbeddedNameData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"嵌入资源 {name} 缺失。");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
