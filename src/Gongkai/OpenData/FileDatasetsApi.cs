using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Gongkai.OpenData.Data;
using Gongkai.OpenData.Rules;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Safeguards;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.OpenData;

/// <summary>The metadata of a file dataset as the API takes it (<c>keywords</c> separated by commas or 、).</summary>
public sealed record FileDatasetMetadataRequest(string? Title, string? Description, string? Theme, string? Keywords, string? UpdateFrequency, string? OpenCondition,
    string? LicenceId, string? Contact)
{
    public FileDatasetMetadata ToMetadata() =>
        new(Title ?? "", Description ?? "", Theme ?? "", Keywords ?? "", UpdateFrequency ?? "", OpenCondition ?? "", LicenceId ?? "", Contact ?? "");
}

/// <summary><c>POST /api/v1/open-data/datasets</c>: the body's code and the metadata.</summary>
public sealed record CreateFileDatasetRequest(string? Body, string? Title, string? Description, string? Theme, string? Keywords, string? UpdateFrequency,
    string? OpenCondition, string? LicenceId, string? Contact)
{
    public FileDatasetMetadataRequest Metadata => new(Title, Description, Theme, Keywords, UpdateFrequency, OpenCondition, LicenceId, Contact);
}

public sealed record FileDatasetReviewRequest(string? Decision, string? Comment = null);

/// <summary>声明 for flagged columns: column name → <c>not-personal</c>, <c>masked</c>, or null to remove the declaration.</summary>
public sealed record ColumnDeclarationsRequest(Dictionary<string, string?>? Columns);

public sealed record FileVersionView(int Number, string Status, string FileName, string Format, long Size, int Rows, string? SubmittedBy, string SubmittedAt,
    string? ReviewedBy, string? ReviewedAt, string? ReviewComment);

/// <summary>A personal-data finding of the version waiting for review (or the newest): column, kind, count, first rows,
/// and whether it blocks approval (no declaration for the column).</summary>
public sealed record PersonalDataFindingView(string Column, string Kind, string KindName, int Count, IReadOnlyList<int> Rows, bool Blocking);

/// <summary>A file dataset as its staff see it through the API. <c>ckanId</c>/<c>publicUrl</c> are set once a
/// version is published (<c>/api/3/action/package_show?id=</c> takes either the id or <c>name</c>).</summary>
public sealed record FileDatasetView(int Id, string Name, string Body, string Title, int PublishedVersion, string? CkanId, string? PublicUrl,
    FileDatasetMetadata? Metadata, IReadOnlyList<FileVersionView> Versions, IReadOnlyList<PersonalDataFindingView> PersonalData,
    IReadOnlyDictionary<string, string> Declarations);

/// <summary>
/// <c>/api/v1/open-data/datasets</c>: staff publish file datasets with a token as on the console — create with metadata,
/// upload a version (multipart), 声明 flagged columns, review by a second person (approve publishes, return refuses).
/// Every step is <see cref="FileDatasetDesk"/>'s (scope, personal-data rule, audit); refusals are problem details
/// through the one <see cref="OutcomeProblems"/> mapping.
/// </summary>
internal static class FileDatasetsApi
{
    public const string Root = "/api/v1/open-data/datasets";

    public static void MapFileDatasetsApi(this WebApplication app, OpenDataOptions limits)
    {
        var datasets = app.MapGroup(Root).WithTags("数据开放（文件数据集）");
        datasets.MapPost("/", CreateAsync).WithSummary("新建文件数据集（填写元数据，之后上传文件）").RequireAuthorization(OpenDataPermissions.EditRecords);
        datasets.MapGet("/{id:int}", GetAsync).WithSummary("取文件数据集：元数据、各版本、个人信息检查结果").RequireAuthorization(OpenDataPermissions.WorkOnRecords);
        // An API: no antiforgery form token (a multipart endpoint would ask for one); cookie-authenticated writes from
        // another site are refused by Staff's CrossSiteWriteGuard, as for every API write.
        datasets.MapPost("/{id:int}/versions", UploadAsync).WithSummary("上传新版本文件（CSV、XLSX 或 JSON），提交审核")
            .RequireAuthorization(OpenDataPermissions.EditRecords).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(limits.MaxFileDatasetBytes + 1024 * 1024))
            .WithFormOptions(multipartBodyLengthLimit: limits.MaxFileDatasetBytes + 1024 * 1024);
        datasets.MapPost("/{id:int}/declarations", DeclareAsync).WithSummary("声明个人信息检查标出的列：不是个人信息或已遮蔽")
            .RequireAuthorization(OpenDataPermissions.WorkOnRecords);
        datasets.MapPost("/{id:int}/versions/{number:int}/review", ReviewAsync).WithSummary("审核版本：通过并公开（替换当前公开的版本）或退回")
            .RequireAuthorization(OpenDataPermissions.ReviewRecords);
    }

    private static async Task<Results<Created<FileDatasetView>, ProblemHttpResult, ValidationProblem>> CreateAsync(CreateFileDatasetRequest request,
        ClaimsPrincipal user, FileDatasetDesk desk, BodyDirectory bodies, GongkaiDbContext db, CancellationToken cancellationToken)
    {
        var body = string.IsNullOrWhiteSpace(request.Body) ? null : await bodies.FindByCodeAsync(request.Body, cancellationToken);
        if (body is null)
        {
            return Problem<Created<FileDatasetView>>(Refusal.InvalidField("body", $"没有代码为“{request.Body}”的机构：body 应为发布单位的机构代码。", "机构不存在"));
        }

        return await (await desk.CreateAsync(user, body.Id, request.Metadata.ToMetadata(), cancellationToken))
            .ToResultAsync(async owner => TypedResults.Created(Location(owner.Id), await ViewAsync(owner, desk, bodies, db, cancellationToken)));
    }

    private static async Task<Results<Ok<FileDatasetView>, ProblemHttpResult, ValidationProblem>> GetAsync(int id, ClaimsPrincipal user, FileDatasetDesk desk,
        BodyDirectory bodies, GongkaiDbContext db, CancellationToken cancellationToken) =>
        await (await desk.FindAsync(user, id, cancellationToken)).ToResultAsync(async owner => TypedResults.Ok(await ViewAsync(owner, desk, bodies, db, cancellationToken)));

    private static async Task<Results<Created<FileDatasetView>, ProblemHttpResult, ValidationProblem>> UploadAsync(int id, IFormFile? file,
        [FromForm] string? metadata, ClaimsPrincipal user, FileDatasetDesk desk, BodyDirectory bodies, GongkaiDbContext db, CancellationToken cancellationToken)
    {
        var found = await desk.FindAsync(user, id, cancellationToken);
        if (!found.Succeeded)
        {
            return Problem<Created<FileDatasetView>>(found.Refusal);
        }

        if (file is null)
        {
            return Problem<Created<FileDatasetView>>(Refusal.InvalidField("file", "请以 multipart/form-data 上传文件，字段名为 file（CSV、XLSX 或 JSON）。", "缺少文件"));
        }

        FileDatasetMetadata? given = null;
        if (!string.IsNullOrWhiteSpace(metadata))
        {
            try
            {
                given = JsonSerializer.Deserialize<FileDatasetMetadataRequest>(metadata, JsonSerializerOptions.Web)?.ToMetadata();
            }
            catch (JsonException)
            {
                return Problem<Created<FileDatasetView>>(Refusal.InvalidField("metadata", "metadata 字段应为 JSON 对象（title、description、theme、keywords、updateFrequency、openCondition、licenceId、contact）。", "元数据有误"));
            }
        }

        byte[] content;
        using (var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue)))
        {
            await using (var stream = file.OpenReadStream())
            {
                await stream.CopyToAsync(buffer, cancellationToken);
            }

            content = buffer.ToArray();
        }

        var submitted = await desk.SubmitAsync(user, id, found.Value.BodyId, given, file.FileName, content, cancellationToken);
        if (!submitted.Succeeded)
        {
            return Problem<Created<FileDatasetView>>(submitted.Refusal);
        }

        if (submitted.Value.Version is null)
        {
            // The file's own report, row by row where a row is at fault; nothing was stored.
            var errors = submitted.Value.FileErrors;
            return Problem<Created<FileDatasetView>>(Refusal.Invalid(errors[0] + (errors.Count > 1 ? $"（共 {errors.Count} 处问题，见 errors.file）" : ""),
                new Dictionary<string, string[]> { ["file"] = [.. errors] }, "文件有误，未上传"));
        }

        var owner = await db.Set<FileDataset>().AsNoTracking().SingleAsync(f => f.Id == id, cancellationToken);
        return TypedResults.Created(Location(id), await ViewAsync(owner, desk, bodies, db, cancellationToken));
    }

    private static async Task<Results<Ok<FileDatasetView>, ProblemHttpResult, ValidationProblem>> DeclareAsync(int id, ColumnDeclarationsRequest request,
        ClaimsPrincipal user, FileDatasetDesk desk, BodyDirectory bodies, GongkaiDbContext db, CancellationToken cancellationToken)
    {
        if (request.Columns is not { Count: > 0 } columns)
        {
            return Problem<Ok<FileDatasetView>>(Refusal.InvalidField("columns", "请在 columns 中给出要声明的列：列名 → not-personal（不是个人信息）、masked（已遮蔽）或 null（取消声明）。"));
        }

        var chosen = new Dictionary<string, ColumnDeclaration?>(StringComparer.Ordinal);
        foreach (var (column, value) in columns)
        {
            ColumnDeclaration? declaration = value switch
            {
                null => null,
                "not-personal" => ColumnDeclaration.NotPersonal,
                "masked" => ColumnDeclaration.Masked,
                _ => (ColumnDeclaration)(-1),
            };
            if (declaration is { } d && !Enum.IsDefined(d))
            {
                return Problem<Ok<FileDatasetView>>(Refusal.InvalidField("columns", $"列“{column}”的声明“{value}”无效：应为 not-personal、masked 或 null。"));
            }

            chosen[column] = declaration;
        }

        return await (await desk.DeclareColumnsAsync(user, id, chosen, cancellationToken)).WithValue(id).ToResultAsync(async _ =>
            TypedResults.Ok(await ViewAsync(await db.Set<FileDataset>().AsNoTracking().SingleAsync(f => f.Id == id, cancellationToken), desk, bodies, db, cancellationToken)));
    }

    private static async Task<Results<Ok<FileDatasetView>, ProblemHttpResult, ValidationProblem>> ReviewAsync(int id, int number, FileDatasetReviewRequest request,
        ClaimsPrincipal user, FileDatasetDesk desk, BodyDirectory bodies, GongkaiDbContext db, CancellationToken cancellationToken)
    {
        if (request.Decision is not ("approve" or "return"))
        {
            return Problem<Ok<FileDatasetView>>(Refusal.InvalidField("decision", "decision 应为 approve（通过并公开）或 return（退回）。", "审核意见有误"));
        }

        return await (await desk.ReviewAsync(user, id, number, request.Decision == "approve", request.Comment, cancellationToken)).ToResultAsync(async _ =>
            TypedResults.Ok(await ViewAsync(await db.Set<FileDataset>().AsNoTracking().SingleAsync(f => f.Id == id, cancellationToken), desk, bodies, db, cancellationToken)));
    }

    private static string Location(int id) => Root + "/" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The refusal through the one mapping, as a handler's result.</summary>
    private static Results<T, ProblemHttpResult, ValidationProblem> Problem<T>(Refusal refusal)
        where T : IResult => ((Outcome<int>)refusal).ToResult<int, T>(_ => throw new InvalidOperationException("A refusal has no value."));

    private static Outcome<T> WithValue<T>(this Outcome outcome, T value) where T : notnull => outcome.Succeeded ? value : outcome.Refusal;

    public static string StatusCode(FileVersionStatus status) => status switch
    {
        FileVersionStatus.AwaitingReview => "awaiting-review",
        FileVersionStatus.Published => "published",
        FileVersionStatus.Superseded => "superseded",
        _ => "returned",
    };

    private static string Time(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    private static async Task<FileDatasetView> ViewAsync(FileDataset owner, FileDatasetDesk desk, BodyDirectory bodies, GongkaiDbContext db, CancellationToken cancellationToken)
    {
        var versions = await db.Set<FileDatasetVersion>().AsNoTracking().Where(v => v.FileDatasetId == owner.Id).OrderByDescending(v => v.Number).ToListAsync(cancellationToken);
        var catalogue = await db.Set<OpenDataset>().AsNoTracking().Where(d => d.FileDatasetId == owner.Id).Select(d => new { d.Id, d.Name }).FirstOrDefaultAsync(cancellationToken);
        var metadataJson = owner.MetadataJson ?? versions.FirstOrDefault()?.MetadataJson;
        var metadata = metadataJson is null ? null : JsonSerializer.Deserialize<FileDatasetMetadata>(metadataJson, SchemaJsonFormat.Options);
        var scanned = versions.FirstOrDefault(v => v.Status == FileVersionStatus.AwaitingReview) ?? versions.FirstOrDefault();
        var declarations = FileDatasetDesk.ReadDeclarations(owner.ColumnDeclarationsJson);
        var findings = scanned is null ? [] : await desk.FindingsOfAsync(scanned, cancellationToken);
        var blocking = PersonalDataScan.Blocking(findings, declarations).ToHashSet();
        return new FileDatasetView(owner.Id, owner.Name, (await bodies.FindAsync(owner.BodyId, cancellationToken))?.Code ?? "", owner.Title, owner.PublishedVersion,
            owner.PublishedVersion > 0 ? catalogue?.Id.ToString("D") : null, owner.PublishedVersion > 0 && catalogue is not null ? Contracts.PublishedOpenData.DatasetUrl(catalogue.Name) : null,
            metadata,
            versions.Select(v => new FileVersionView(v.Number, StatusCode(v.Status), v.FileName, v.Format, v.Size, v.RowCount, v.SubmittedByName, Time(v.SubmittedAt),
                v.ReviewedByName, v.ReviewedAt is { } at ? Time(at) : null, v.ReviewComment)).ToList(),
            findings.Select(f => new PersonalDataFindingView(f.Column, f.Kind.ToString(), f.Kind.DisplayName(), f.Count, f.Rows, blocking.Contains(f))).ToList(),
            declarations.ToDictionary(d => d.Key, d => d.Value == ColumnDeclaration.NotPersonal ? "not-personal" : "masked", StringComparer.Ordinal));
    }
}
