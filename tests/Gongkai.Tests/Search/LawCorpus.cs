namespace Gongkai.Tests.Search;

/// <summary>Where the law corpus (Markdown with YAML front matter) lives: <c>GONGKAI_LAW_CORPUS</c>, else
/// <c>shared/corpus/laws</c> beside the repository (as the work tree and CI lay it out).</summary>
public static class LawCorpus
{
    public static string Folder =>
        Environment.GetEnvironmentVariable("GONGKAI_LAW_CORPUS") is { Length: > 0 } configured ? configured : BesideRepository();

    private static string BesideRepository()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Gongkai.slnx")))
            {
                return Path.Combine(folder.Parent?.FullName ?? folder.FullName, "shared", "corpus", "laws");
            }
        }

        return "/work/shared/corpus/laws";
    }
}
