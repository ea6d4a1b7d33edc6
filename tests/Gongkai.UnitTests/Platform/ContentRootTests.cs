using Gongkai.Platform.Web;

namespace Gongkai.UnitTests.Platform;

public sealed class ContentRootTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("gongkai-root-work").FullName;
    private readonly string _exe = Directory.CreateTempSubdirectory("gongkai-root-exe").FullName;

    public ContentRootTests() => File.WriteAllText(Path.Combine(_exe, "appsettings.json"), "{}");

    public void Dispose()
    {
        Directory.Delete(_work, recursive: true);
        Directory.Delete(_exe, recursive: true);
    }

    private static string? NoEnvironment(string name) => null;

    [Fact]
    public void A_working_directory_without_settings_gives_way_to_the_executables_folder()
    {
        Assert.Equal(_exe, ContentRoot.Choose([], _work, _exe, NoEnvironment));
    }

    [Fact]
    public void A_working_directory_with_settings_is_kept()
    {
        File.WriteAllText(Path.Combine(_work, "appsettings.json"), "{}");
        Assert.Null(ContentRoot.Choose([], _work, _exe, NoEnvironment));
    }

    [Fact]
    public void An_explicit_content_root_always_wins()
    {
        Assert.Null(ContentRoot.Choose(["--contentRoot", "/srv/site"], _work, _exe, NoEnvironment));
        Assert.Null(ContentRoot.Choose([], _work, _exe, name => name == "ASPNETCORE_CONTENTROOT" ? "/srv/site" : null));
    }

    [Fact]
    public void Without_settings_anywhere_the_default_stays()
    {
        File.Delete(Path.Combine(_exe, "appsettings.json"));
        Assert.Null(ContentRoot.Choose([], _work, _exe, NoEnvironment));
    }
}
