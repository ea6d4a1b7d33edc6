using System.Reflection;
using NetArchTest.Rules;

namespace Gongkai.UnitTests.Architecture;

/// <summary>
/// The layer order of docs/ARCHITECTURE.md, enforced on the compiled assembly: a module may use the modules listed
/// below it and nothing above it. Lowest first:
/// Platform ← Calendar ← Staff ← Organizations ← Safeguards ← Publishing ← Search; Requests beside Publishing
/// (it uses what is below Safeguards); Transparency (the public log) above Publishing, beside Search; Search and
/// Transparency also above OpenData (they index and log its published records and file datasets, read through
/// OpenData.Contracts.PublishedOpenData, as they read Publishing's documents); Participation above Publishing (it links the document a consultation produced); Oversight above Publishing, Requests and OpenData (it reads the catalogue, documents, request statistics and 双公示 decision counts); Portal and Admin, the two shells, on top, and nothing depends on a shell.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Application = typeof(Gongkai.Platform.Data.GongkaiDbContext).Assembly;

    /// <summary>Each module and the modules it may depend on.</summary>
    public static TheoryData<string, string[]> Layers => new()
    {
        { "Platform", [] },
        { "Calendar", ["Platform"] },
        { "Staff", ["Platform", "Calendar"] },
        { "Organizations", ["Platform", "Calendar", "Staff"] },
        { "Safeguards", ["Platform", "Calendar", "Staff", "Organizations"] },
        { "Publishing", ["Platform", "Calendar", "Staff", "Organizations", "Safeguards"] },
        { "Search", ["Platform", "Calendar", "Staff", "Organizations", "Safeguards", "Publishing", "OpenData"] },
        { "Requests", ["Platform", "Calendar", "Staff", "Organizations", "Safeguards"] },
        { "Transparency", ["Platform", "Calendar", "Staff", "Organizations", "Safeguards", "Publishing", "OpenData"] },
        { "Hotline", ["Platform", "Calendar", "Staff", "Organizations", "Safeguards", "Publishing", "Search"] },
        { "OpenData", ["Platform", "Calendar", "Staff", "Organizations", "Safeguards"] },
        { "Channels", ["Platform", "Calendar", "Staff", "Organizations", "Safeguards", "Publishing"] },
        { "Participation", ["Platform", "Calendar", "Staff", "Organizations", "Safeguards", "Publishing"] },
        { "Services", ["Platform", "Calendar", "Staff", "Organizations", "Safeguards", "Publishing", "OpenData"] },
        { "Oversight", ["Platform", "Calendar", "Staff", "Organizations", "Safeguards", "Publishing", "Requests", "OpenData"] },
        { "Portal", ["Platform", "Calendar", "Staff", "Organizations", "Safeguards", "Publishing", "Search", "Requests", "Transparency", "Hotline", "OpenData", "Channels", "Participation", "Services", "Oversight"] },
        { "Admin", ["Platform", "Calendar", "Staff", "Organizations", "Safeguards", "Publishing", "Search", "Requests", "Transparency", "Hotline", "OpenData", "Channels", "Participation", "Services", "Oversight"] },
    };

    private static readonly string[] Modules = ["Platform", "Calendar", "Staff", "Organizations", "Safeguards", "Publishing", "Search", "Requests", "Transparency", "Hotline", "OpenData", "Channels", "Participation", "Services", "Oversight", "Portal", "Admin"];

    [Theory]
    [MemberData(nameof(Layers))]
    public void A_module_depends_only_on_the_modules_below_it(string module, string[] allowed)
    {
        var forbidden = Modules.Where(m => m != module && !allowed.Contains(m)).Select(m => "Gongkai." + m).ToArray();
        var result = Types.InAssembly(Application).That().ResideInNamespace("Gongkai." + module)
            .ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        Assert.True(result.IsSuccessful, Describe(module, result));
    }

    /// <summary>The checker reads dependencies out of method bodies, not only signatures: Publishing's use of bodies
    /// (it stamps each document with its body) must be visible to it, or every rule above would pass vacuously.</summary>
    [Fact]
    public void The_checker_sees_dependencies_inside_method_bodies()
    {
        var seen = Types.InAssembly(Application).That().ResideInNamespace("Gongkai.Publishing")
            .And().HaveName("DocumentPublisher")
            .Should().HaveDependencyOn("Gongkai.Organizations").GetResult();
        Assert.True(seen.IsSuccessful);
    }

    [Fact]
    public void Every_module_of_the_assembly_has_a_place_in_the_layer_order()
    {
        var topLevel = Application.GetTypes()
            .Select(t => t.Namespace ?? "")
            .Where(n => n.StartsWith("Gongkai.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[1])
            .Distinct()
            .Where(m => !BesideTheModules.Contains(m));
        Assert.Empty(topLevel.Except(Modules));
    }

    /// <summary>Not modules: the embedded demo data files, and the compiled EF Core model (it names every module's
    /// entities), which Program.cs alone wires in.</summary>
    private static readonly string[] BesideTheModules = ["DemoData", "DataModel"];

    [Fact]
    public void No_module_depends_on_the_compiled_data_model()
    {
        var result = Types.InAssembly(Application).That().ResideInNamespace("Gongkai")
            .And().DoNotResideInNamespace("Gongkai.DataModel")
            .ShouldNot().HaveDependencyOn("Gongkai.DataModel").GetResult();
        Assert.True(result.IsSuccessful, Describe("the modules", result));
    }

    [Fact]
    public void No_module_depends_on_the_portal()
    {
        var result = Types.InAssembly(Application).That().DoNotResideInNamespace("Gongkai.Portal")
            .And().ResideInNamespace("Gongkai")
            .ShouldNot().HaveDependencyOn("Gongkai.Portal").GetResult();
        Assert.True(result.IsSuccessful, Describe("everything but Portal", result));
    }

    /// <summary>Business rules are plain classes: no database, no files, no network, no web, no service that does.</summary>
    [Theory]
    [InlineData("Gongkai.Publishing.Rules")]
    [InlineData("Gongkai.Requests.Rules")]
    [InlineData("Gongkai.Safeguards.Detection")]
    [InlineData("Gongkai.Safeguards.Wording")]
    [InlineData("Gongkai.Transparency.Rules")]
    [InlineData("Gongkai.Hotline.Rules")]
    [InlineData("Gongkai.OpenData.Rules")]
    [InlineData("Gongkai.Channels.Rules")]
    [InlineData("Gongkai.Participation.Rules")]
    [InlineData("Gongkai.Services.Rules")]
    [InlineData("Gongkai.Oversight.Rules")]
    public void Rules_namespaces_do_no_input_or_output(string rules)
    {
        var result = Types.InAssembly(Application).That().ResideInNamespace(rules)
            .ShouldNot().HaveDependencyOnAny(
                "Microsoft.EntityFrameworkCore", "Microsoft.Data.Sqlite", "Npgsql", "System.IO", "System.Net",
                "Microsoft.AspNetCore", "Microsoft.Extensions.Hosting", "Gongkai.Platform.Data", "Gongkai.Platform.Jobs",
                "Gongkai.Platform.Notifications", "Gongkai.Calendar.CalendarService")
            .GetResult();
        Assert.True(result.IsSuccessful, Describe(rules, result));
    }

    [Fact]
    public void The_working_day_rule_does_no_input_or_output()
    {
        var result = Types.InAssembly(Application).That().HaveName("WorkCalendar")
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "System.IO", "System.Net", "Gongkai.Platform.Data")
            .GetResult();
        Assert.True(result.IsSuccessful, Describe("WorkCalendar", result));
    }

    private static string Describe(string subject, NetArchTest.Rules.TestResult result) =>
        $"{subject} breaks the layer rules in: {string.Join(", ", result.FailingTypeNames ?? [])}";
}
