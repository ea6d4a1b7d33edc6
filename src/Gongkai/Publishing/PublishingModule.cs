using Gongkai.Platform.Doctor;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Gongkai.Organizations;
using Gongkai.Staff;
using Gongkai.Platform.Web;
using Gongkai.Platform.Cli;
using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Gongkai.Publishing.Catalogue;
using Gongkai.Publishing.Checks;
using Gongkai.Publishing.Attachments;
using Gongkai.Publishing.Gazette;
using Gongkai.Publishing.Feeds;
using Gongkai.Publishing.Contracts;
using Gongkai.Publishing.Demo;

namespace Gongkai.Publishing;

/// <summary>主动公开: documents from draft through three-stage review to publication, correction and withdrawal; public lists and pages.</summary>
internal static class PublishingModule
{
    /// <summary><c>import</c>: publish a folder of Markdown files as documents of a body.</summary>
    public static IEnumerable<AdminVerb> AdminVerbs { get; } =
        [new("import", Import.ImportCommand.Create), new("safeguards", Checks.PublishedScan.PublishedScanCommand.Create)];

    public static WebApplicationBuilder AddPublishing(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddPublishingPermissions();
        services.AddDoctorCheck<PublishedDocumentsCheck>();
        services.AddDoctorCheck<ImportRecordsCheck>();
        services.AddConsoleMenuEntry(40, "文件发布", "/admin/documents", Permissions.Staff, "起草文件，初审、复审、终审，发布、更正和撤回；公开时限提醒。");
        services.AddConsoleMenuEntry(45, "联合发文会签", "/admin/co-issues", Permissions.Staff, "其他机关把本单位列为联合发文机关的文件：由本单位审核人员会签或说明理由拒绝。");
        services.AddConsoleMenuEntry(50, "主动公开目录", "/admin/catalogue", OrganizationsPermissions.ManageBody, "维护本单位主动公开基本目录：内容、主体、时限、载体和更新频率。");
        services.AddConsoleMenuEntry(60, "政府公报", "/admin/gazette", PublishingPermissions.EditDocuments, "编辑各期政府公报，收录已发布文件，发布公报及其 PDF 版。");
        services.AddConsoleMenuEntry(110, "链接检查", "/admin/safeguards/links", Permissions.Staff, "查看各单位文件中的失效链接（站内和外部），每天定时检查。");
        services.AddConsoleMenuEntry(116, "已公开文件个人信息扫描", Checks.PublishedScan.PublishedScanPaths.Dashboard, Permissions.Staff, "按当前规则扫描已公开文件的正文和附件，列出发现的个人信息，一步遮盖并更正发布。");
        services.AddConsoleMenuEntry(115, "个人信息泄露报告", "/admin/safeguards/leak-reports", Permissions.Staff, "公众报告已发布文件中的个人信息：核实、遮盖后更正发布，并答复报告人。");
        services.AddOptions<PublishingOptions>().BindConfiguration(PublishingOptions.Section);
        services.AddScoped<IndexNumberAllocator>();
        services.AddScoped<DocumentPublisher>();
        services.AddScoped<Gongkai.Calendar.IOpenClockCensus, PublicationClockCensus>();
        services.AddScoped<DocumentDesk>();
        services.AddScoped<CoIssueDesk>();
        services.AddScoped<PublishedDocuments>();
        services.AddScoped<DraftDocuments>();
        services.AddScoped<PublishedColumns>();
        services.AddScoped<CatalogueItems>();
        services.AddScoped<RecentPublications>();
        services.AddScoped<PublishedLinkHealth>();
        services.AddScoped<DocumentFigures>();
        services.AddScoped<PublishedVersions>();
        services.AddScoped<PublishedRecords>();
        services.AddScoped<LawLibraryTitles>();
        // The public log (Transparency, a module above this one) replaces this with its own answer.
        services.TryAddScoped<IPublicLogEntries, NoPublicLog>();
        services.TryAddScoped<IDocumentConsultations, NoDocumentConsultations>();
        services.AddRecurringJob<ScheduledPublicationJob>();
        services.AddScoped<IStartupSeeder, DemoDocumentSeeder>();
        services.AddCatalogue();
        services.AddDocumentChecks();
        services.AddScoped<Import.DocumentImporter>();
        builder.AddAttachments();
        builder.AddGazette();
        builder.AddFeeds();
        return builder;
    }

    public static WebApplication MapPublishing(this WebApplication app)
    {
        app.MapPublishingApi();
        app.MapCoIssuesApi();
        app.MapCatalogue();
        app.MapAttachments();
        app.MapGazette();
        app.MapFeeds();
        return app;
    }
}
