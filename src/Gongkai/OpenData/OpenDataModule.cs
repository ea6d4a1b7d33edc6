using Gongkai.OpenData.Admin;
using Gongkai.OpenData.Ckan;
using Gongkai.OpenData.Data;
using Gongkai.OpenData.Dcat;
using Gongkai.Platform.Data;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Gongkai.OpenData;

/// <summary>Settings of the open-data module (<c>Gongkai:OpenData</c>).</summary>
public sealed class OpenDataOptions
{
    public const string Section = "Gongkai:OpenData";

    /// <summary>Largest CSV or XLSX upload on the console's import form (the site-wide request limit is raised for that
    /// page only). A file within it but over <see cref="Rules.ImportPlan.MaxRows"/> rows is refused with a message.</summary>
    public long MaxImportBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>Largest file a staff-published file dataset may have (CSV, XLSX or JSON); larger files are refused with
    /// a message asking to split them.</summary>
    public long MaxFileDatasetBytes { get; set; } = 20 * 1024 * 1024;
}

/// <summary>数据开放 and structured disclosure: record types as data, records per body with review and versions,
/// datasets made from them, the CKAN Action API, the DCAT catalogue, downloads and the portal's 数据开放 pages.</summary>
internal static class OpenDataModule
{
    public static WebApplicationBuilder AddOpenData(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOpenDataPermissions();
        services.Configure<OpenDataOptions>(builder.Configuration.GetSection(OpenDataOptions.Section));
        var limits = builder.Configuration.GetSection(OpenDataOptions.Section).Get<OpenDataOptions>() ?? new OpenDataOptions();
        // The import form takes spreadsheets larger than the site-wide request limit: raise it for that page only.
        services.Configure<RazorPagesOptions>(razor => razor.Conventions.AddPageApplicationModelConvention(TypeRecordsModel.PagePath, page =>
        {
            page.EndpointMetadata.Add(new RequestSizeLimitAttribute(limits.MaxImportBytes));
            page.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = limits.MaxImportBytes });
        }));
        // Uploads of file datasets: room for a file a little over the limit, so it is refused with the dataset
        // form's own message rather than the server's bare 413.
        foreach (var path in new[] { FileDatasetsModel.PagePath, FileDatasetModel.PagePath })
        {
            services.Configure<RazorPagesOptions>(razor => razor.Conventions.AddPageApplicationModelConvention(path, page =>
            {
                page.EndpointMetadata.Add(new RequestSizeLimitAttribute(limits.MaxFileDatasetBytes + 1024 * 1024));
                page.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = limits.MaxFileDatasetBytes + 1024 * 1024 });
            }));
        }

        services.AddConsoleMenuEntry(35, "数据开放", "/admin/open-data", OpenDataPermissions.WorkOnRecords, "填报、导入和审核结构化公开记录（双公示、重大建设项目等），查看逾期未公示的记录。");
        services.AddScoped<RecordTypeStore>();
        services.AddScoped<RecordPublisher>();
        services.AddScoped<RecordDesk>();
        services.AddScoped<FileDatasetDesk>();
        services.AddScoped<Contracts.PublishedRecordActivity>();
        services.AddScoped<OpenDataCatalog>();
        services.AddScoped<Contracts.DecisionRecordCounts>();
        services.AddScoped<Contracts.PublishedOpenData>();
        services.AddSingleton<DatasetViewCache>();
        services.AddScoped<IDataBackfill, OpenDataChangeBackfill>();
        services.AddScoped<IStartupSeeder, RecordTypeSeeder>();
        services.AddScoped<IStartupSeeder, Demo.DemoRecordSeeder>();
        return builder;
    }

    public static WebApplication MapOpenData(this WebApplication app)
    {
        app.MapRecordsApi();
        app.MapFileDatasetsApi(app.Services.GetRequiredService<IOptions<OpenDataOptions>>().Value);
        app.MapCkanApi();
        app.MapDcat();
        app.MapDownloads();
        return app;
    }

    private static void MapDownloads(this WebApplication app)
    {
        app.MapGet("/dataset/{datasetId:guid}/resource/{resourceId:guid}/download/{fileName}", async (Guid datasetId, Guid resourceId, string fileName,
            HttpContext http, OpenDataCatalog catalog, CancellationToken cancellationToken) =>
        {
            var dataset = await catalog.FindDatasetAsync(datasetId.ToString("D"), cancellationToken);
            var format = dataset is null ? null : dataset.ResourceList.FirstOrDefault(f => dataset.ResourceId(f) == resourceId);
            if (dataset is null || format is null)
            {
                return Results.Problem(title: "资源不存在", detail: "没有这个数据资源。", statusCode: 404);
            }

            var mediaType = Downloads.MediaType(dataset.FormatOf(format));
            http.Response.ContentType = dataset.FormatOf(format) == "XLSX" ? mediaType : mediaType + "; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"{dataset.FileName(format)}\"";
            http.Response.Headers.LastModified = dataset.Dataset.ModifiedAt.ToString("R");
            if (format == DatasetView.SourceResource)
            {
                var original = await catalog.SourceFileAsync(dataset, cancellationToken) ?? [];
                await http.Response.Body.WriteAsync(original, cancellationToken);
                return Results.Empty;
            }

            if (format == DatasetView.DictionaryFormat)
            {
                await Downloads.WriteDictionaryAsync(http.Response.Body, dataset.Columns, cancellationToken);
                return Results.Empty;
            }

            // An environment dataset's AQI columns need every reading of a site-day first: one pass before writing.
            var airQuality = await catalog.AirQualityAsync(dataset, cancellationToken);
            Downloads.ComputedColumns? computed = airQuality is null ? null : json => airQuality.ValuesFor(SchemaJsonFormat.ReadValues(json));
            var rows = catalog.StreamPublicJsonAsync(dataset, cancellationToken);
            switch (format)
            {
                case "CSV":
                    await Downloads.WriteCsvAsync(http.Response.Body, dataset.Columns, rows, computed, cancellationToken);
                    break;
                case "XLSX":
                    await Downloads.WriteXlsxAsync(http.Response.Body, dataset.Columns, rows, computed, cancellationToken);
                    break;
                default:
                    await Downloads.WriteJsonAsync(http.Response.Body, rows, computed, cancellationToken);
                    break;
            }

            return Results.Empty;
        }).WithSummary("下载数据集的一个资源文件（CSV、JSON、XLSX、数据字典或上传的原始文件）").WithTags("数据开放");
    }
}
