using System.Text.RegularExpressions;

namespace Gongkai.UnitTests.Architecture;

/// <summary>
/// A module's tables are read and written through that module's code; other modules go through its published
/// services (e.g. Organizations' <c>BodyDirectory</c>, Publishing's <c>PublishedDocuments</c>). Platform's own tables
/// (audit log, outbox, change log, jobs) are plumbing every module may use. The owner of an entity is the module
/// whose folder holds its <c>IEntityTypeConfiguration</c>; the check reads the source, where <c>Set&lt;T&gt;()</c> is visible.
/// </summary>
public sealed partial class DataOwnershipTests
{
    [Fact]
    public void No_module_queries_another_modules_tables()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "Gongkai");
        var files = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path: f, Module: ModuleOf(source, f), Text: File.ReadAllText(f)))
            .ToList();
        var owners = files
            .SelectMany(f => EntityConfiguration().Matches(f.Text).Select(m => (Entity: m.Groups[1].Value, f.Module)))
            .GroupBy(e => e.Entity).ToDictionary(g => g.Key, g => g.First().Module, StringComparer.Ordinal);
        Assert.True(owners.Count > 20, "the entity configurations were not found; the check would pass vacuously");
        Assert.Equal("Organizations", owners["Body"]);

        var breaches = files
            .SelectMany(f => SetOf().Matches(f.Text)
                .Select(m => m.Groups[1].Value)
                .Where(entity => owners.TryGetValue(entity, out var owner) && owner != f.Module && owner != "Platform")
                .Select(entity => $"{Path.GetRelativePath(source, f.Path)} reads {entity} ({owners[entity]})"))
            .ToList();
        Assert.True(breaches.Count == 0, string.Join(Environment.NewLine, breaches));
    }

    private static string ModuleOf(string source, string file) => Path.GetRelativePath(source, file).Split(Path.DirectorySeparatorChar)[0];

    internal static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Gongkai.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Gongkai.slnx not found above the test's folder.");
    }

    [GeneratedRegex(@"IEntityTypeConfiguration<(\w+)>")]
    private static partial Regex EntityConfiguration();

    [GeneratedRegex(@"Set<(\w+)>\(\)")]
    private static partial Regex SetOf();
}
