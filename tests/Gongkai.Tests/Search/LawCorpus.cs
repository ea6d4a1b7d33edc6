using System.Globalization;
using Gongkai.Search.Indexing;

namespace Gongkai.Tests.Search;

/// <summary>Reads the law corpus (Markdown with YAML front matter) as search documents, keyed by path relative to the
/// corpus folder. A test-side loader: the product imports through its own verb.</summary>
public static class LawCorpus
{
    public static string Folder =>
        Environment.GetEnvironmentVariable("GONGKAI_LAW_CORPUS") is { Length: > 0 } configured ? configured : "/work/shared/corpus/laws";

    public static IEnumerable<SearchDocument> Read(string folder)
    {
        foreach (var path in Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var key = Path.GetRelativePath(folder, path).Replace('\\', '/');
            var (fields, text) = Split(File.ReadAllText(path));
            var title = fields.GetValueOrDefault("title") ?? Path.GetFileNameWithoutExtension(path);
            var issued = DateOnly.TryParseExact(fields.GetValueOrDefault("issued"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date : new DateOnly(2000, 1, 1);
            var category = fields.GetValueOrDefault("category") ?? "其他";
            yield return new SearchDocument(key, title, null, "corpus", "法律法规库", [], category, "其他",
                new DateTimeOffset(issued.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)), "有效", true, text, [], "/laws/" + key);
        }
    }

    private static (Dictionary<string, string> Fields, string Text) Split(string content)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!content.StartsWith("---", StringComparison.Ordinal))
        {
            return (fields, content);
        }

        var end = content.IndexOf("\n---", 3, StringComparison.Ordinal);
        if (end < 0)
        {
            return (fields, content);
        }

        foreach (var line in content[3..end].Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                fields[line[..colon].Trim()] = line[(colon + 1)..].Trim().Trim('"');
            }
        }

        var text = content[(end + 4)..];
        return (fields, text);
    }
}
