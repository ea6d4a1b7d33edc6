using Gongkai.Admin;
using Gongkai.Calendar;
using Gongkai.Channels;
using Gongkai.DataModel;
using Gongkai.Hotline;
using Gongkai.OpenData;
using Gongkai.Organizations;
using Gongkai.Oversight;
using Gongkai.Platform;
using Gongkai.Participation;
using Gongkai.Platform.Cli;
using Gongkai.Platform.Web;
using Gongkai.Portal;
using Gongkai.Publishing;
using Gongkai.Safeguards;
using Gongkai.Requests;
using Gongkai.Search;
using Gongkai.Services;
using Gongkai.Staff;
using Gongkai.Transparency;

// Gongkai reads top to bottom like a table of contents: each module registers its services and maps its
// pages and endpoints explicitly. Admin verbs (`gongkai import …`) share the same application and configuration.
var (arguments, hostSettings) = GongkaiCommandLine.TakeDemoFlag(args);
if (GongkaiCommandLine.IsAdminVerb(arguments, Program.AdminVerbs))
{
    return await GongkaiCommandLine.RunAsync(arguments, hostSettings, Program.AdminVerbs, CreateApplication);
}

if (GongkaiCommandLine.IsUnknownVerb(arguments, Program.AdminVerbs))
{
    return GongkaiCommandLine.RejectUnknownVerb(arguments[0], Program.AdminVerbs, Console.Error);
}

var application = CreateApplication([.. GongkaiCommandLine.ServeArguments(arguments), .. hostSettings]);
try
{
    await application.RunAsync();
}
catch (Gongkai.Platform.Data.DatabaseNewerThanBuildException refusal)
{
    // Already logged as critical; say it once more plainly where an operator looks first.
    await Console.Error.WriteLineAsync(refusal.Message);
    return GongkaiCommandLine.DatabaseTooNewExitCode;
}

return 0;

static WebApplication CreateApplication(string[] args)
{
    var builder = WebApplication.CreateBuilder(ContentRoot.Options(args));

    builder.AddPlatform();          // plumbing: data + change log, audit, jobs, notifications, web conventions, PDF, telemetry
    builder.AddCalendar();          // the working-day calendar: official holidays as data, the working-day rule
    builder.AddStaff();             // staff identity, roles and permissions, body scope, sign-in with 2FA, tokens
    builder.AddOrganizations();     // bodies, their hierarchy, public profiles and 政府信息公开指南
    builder.AddPublishing();        // published documents (主动公开), their list, pages and API
    builder.AddSafeguards();        // before publication: personal data masked, wording and outdated names checked
    builder.AddRequests();          // requests for disclosure (依申请公开): applications, the statutory clock, replies
    builder.AddHotline();          // the 12345 hotline: tickets, dispatch on working-day limits, evaluation, Open311 GeoReport v2
    builder.AddSearch();            // full-text search: a Lucene index per node following the change log, API and page
    builder.AddTransparency();      // the public log: RFC 6962 Merkle tree of every published version, signed tree heads, /ct/v1
    builder.AddOpenData();          // 数据开放: record types as data, records with review and versions, datasets, CKAN API, DCAT
    builder.AddChannels();          // every channel from one source: the WebSub hub for the feeds, 政务新媒体 accounts and reviewed posts
    builder.AddParticipation();     // 公众参与: consultations on drafts with minimum periods, moderated comments, reasoned feedback
    builder.AddServices();         // 清单 with dated versions and public diffs, 办事指南 with the 1-working-day change clock
    builder.AddOversight();         // oversight: the work plan task by task, public-opinion clocks, the website's self-inspection
    builder.AddPortal();            // the public site shell: home, elderly mode, site map
    builder.AddAdmin();             // the staff console shell
    builder.UseCompiledDataModel(); // every module's entities as one compiled EF Core model per provider (start-up speed)

    var app = builder.Build();

    app.UsePlatform();
    app.MapPlatform();
    app.MapCalendar();
    app.MapStaff();
    app.MapOrganizations();
    app.MapPublishing();
    app.MapSafeguards();
    app.MapRequests();
    app.MapHotline();
    app.MapSearch();
    app.MapTransparency();
    app.MapOpenData();
    app.MapChannels();
    app.MapParticipation();
    app.MapServices();
    app.MapOversight();
    app.MapPortal();
    app.MapAdmin();

    return app;
}

/// <summary>Entry point type, public so integration tests can host the application.</summary>
public partial class Program
{
    /// <summary>The executable's admin verbs, each contributed by the module that owns it.</summary>
    internal static AdminVerb[] AdminVerbs { get; } =
    [
        .. GongkaiCommandLine.PlatformVerbs,   // migrate, audit verify, backup, restore, doctor
        .. CalendarModule.AdminVerbs,          // calendar import|show
        .. StaffModule.AdminVerbs,             // token create|list|revoke
        .. PublishingModule.AdminVerbs,        // import <folder>, safeguards scan
        .. SearchModule.AdminVerbs,            // reindex
        .. TransparencyModule.AdminVerbs,      // log verify|monitor
        .. HotlineModule.AdminVerbs,           // open311 keys create|list|revoke
    ];
}
