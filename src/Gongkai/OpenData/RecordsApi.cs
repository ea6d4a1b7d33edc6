using System.Security.Claims;
using Gongkai.OpenData.Data;
using Gongkai.OpenData.Rules;
using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.OpenData;

/// <summary>A record as the API shows it. <c>publishBy</c> is the 双公示 deadline (yyyy-MM-dd) when the type has one.</summary>
public sealed record RecordView(long Id, string Type, string Body, string Title, string Status, int Version, string? PublishedAt, string? PublishBy,
    IReadOnlyDictionary<string, string> Fields, bool Withdrawn = false, string? WithdrawalReason = null);

public sealed record RecordList(int Total, IReadOnlyList<RecordView> Items);

/// <summary>What <c>POST /api/v1/records/{type}</c> answers.</summary>
public sealed record RecordCreated(long Id, string Status, string? PublishBy);

public sealed record CreateRecordRequest(string Body, Dictionary<string, string?> Fields, bool Submit = true);

public sealed record EditRecordRequest(Dictionary<string, string?> Fields, bool Submit = true);

public sealed record RecordReviewRequest(string Decision, string? Comment = null);

public sealed record RecordWithdrawalRequest(string? Reason);

public sealed record RecordTypeView(string Key, string Name, int Version, RecordSchema Schema);

/// <summary><c>/api/v1/record-types</c> and <c>/api/v1/records/{type}</c>: the schemas, the public records, and the
/// staff verbs (create, edit, submit, review, withdraw) like documents'.</summary>
internal static class RecordsApi
{
    public const int MaxPageSize = 100;

    public static void MapRecordsApi(this WebApplication app)
    {
        app.MapGet("/api/v1/record-types", async (RecordTypeStore types, CancellationToken cancellationToken) =>
            TypedResults.Ok((await types.ListAsync(cancellationToken)).Select(t => new RecordTypeView(t.Key, t.Name, t.Version, t.Schema)).ToList())).WithSummary("列出结构化信息的记录类型及字段")
            .WithTags("数据开放");

        var records = app.MapGroup("/api/v1/records/{type}").WithTags("数据开放");
        records.MapGet("/", ListAsync).WithSummary("某类已公开记录的列表");
        records.MapGet("/{id:long}", GetAsync).WithSummary("取一条记录");
        records.MapPost("/", CreateAsync).WithSummary("新增记录（草稿）").RequireAuthorization(OpenDataPermissions.EditRecords);
        records.MapPut("/{id:long}", EditAsync).WithSummary("修改记录").RequireAuthorization(OpenDataPermissions.EditRecords);
        records.MapPost("/{id:long}/submit", SubmitAsync).WithSummary("提交审核").RequireAuthorization(OpenDataPermissions.EditRecords);
        records.MapPost("/{id:long}/review", ReviewAsync).WithSummary("审核记录：通过并公开或退回").RequireAuthorization(OpenDataPermissions.ReviewRecords);
        records.MapPost("/{id:long}/withdraw", WithdrawAsync).WithSummary("撤回已公开的记录").RequireAuthorization(OpenDataPermissions.ReviewRecords);
    }

    private static async Task<Results<Ok<RecordList>, ProblemHttpResult>> ListAsync(string type, string? body, int? page, int? size,
        RecordTypeStore types, OpenDataCatalog catalog, BodyDirectory bodies, CancellationToken cancellationToken)
    {
        var recordType = await types.FindAsync(type, cancellationToken);
        if (recordType is null)
        {
            return TypedResults.Problem(title: "记录类型不存在", detail: $"没有“{type}”这种记录类型，可用的见 /api/v1/record-types。", statusCode: 404);
        }

        var pageNumber = page ?? 1;
        var pageSize = size ?? 20;
        if (pageNumber < 1 || pageSize is < 1 or > MaxPageSize)
        {
            return TypedResults.Problem(title: "参数超出范围", detail: $"page 应不小于 1，size 应在 1 至 {MaxPageSize} 之间。", statusCode: 400);
        }

        var hierarchy = await bodies.LoadAsync(cancellationToken);
        int? bodyId = null;
        if (!string.IsNullOrEmpty(body))
        {
            bodyId = hierarchy.FindByCode(body)?.Id;
            if (bodyId is null)
            {
                return TypedResults.Problem(title: "机构不存在", detail: $"没有代码为“{body}”的机构。", statusCode: 404);
            }
        }

        var (total, items) = await catalog.ListRecordsAsync(recordType, bodyId, pageNumber, pageSize, cancellationToken);
        return TypedResults.Ok(new RecordList(total, items.Select(r => View(r, hierarchy)).ToList()));
    }

    private static async Task<Results<Ok<RecordView>, ProblemHttpResult>> GetAsync(string type, long id, OpenDataCatalog catalog, BodyDirectory bodies, CancellationToken cancellationToken)
    {
        var found = await catalog.FindRecordAsync(id, cancellationToken);
        if (found is not { } pair || pair.Type.Key != type)
        {
            return TypedResults.Problem(title: "记录不存在", detail: "没有这条已公开的记录。", statusCode: 404);
        }

        return TypedResults.Ok(View(pair.Record, await bodies.LoadAsync(cancellationToken)));
    }

    private static async Task<Results<Created<RecordCreated>, ProblemHttpResult, ValidationProblem>> CreateAsync(string type, CreateRecordRequest request,
        ClaimsPrincipal user, RecordDesk desk, BodyDirectory bodies, CancellationToken cancellationToken)
    {
        var body = await bodies.FindByCodeAsync(request.Body, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem(title: "机构不存在", detail: $"没有代码为“{request.Body}”的机构。", statusCode: 400);
        }

        return (await desk.CreateAsync(user, type, body.Id, request.Fields, request.Submit, cancellationToken)).ToResult(record =>
            TypedResults.Created($"/api/v1/records/{type}/{record.Id}", Created(record)));
    }

    private static async Task<Results<Ok<RecordCreated>, ProblemHttpResult, ValidationProblem>> EditAsync(string type, long id, EditRecordRequest request,
        ClaimsPrincipal user, RecordDesk desk, CancellationToken cancellationToken) =>
        (await desk.EditAsync(user, id, request.Fields, request.Submit, cancellationToken)).ToResult(record => TypedResults.Ok(Created(record)));

    private static async Task<Results<Ok<RecordCreated>, ProblemHttpResult, ValidationProblem>> SubmitAsync(string type, long id,
        ClaimsPrincipal user, RecordDesk desk, CancellationToken cancellationToken) =>
        (await desk.SubmitAsync(user, id, cancellationToken)).ToResult(record => TypedResults.Ok(Created(record)));

    private static async Task<Results<Ok<RecordCreated>, ProblemHttpResult, ValidationProblem>> ReviewAsync(string type, long id, RecordReviewRequest request,
        ClaimsPrincipal user, RecordDesk desk, CancellationToken cancellationToken)
    {
        if (request.Decision is not ("approve" or "return"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["decision"] = ["decision 应为 approve（通过并公开）或 return（退回）。"] },
                title: "审核意见有误");
        }

        return (await desk.ReviewAsync(user, id, request.Decision == "approve", request.Comment, cancellationToken)).ToResult(record => TypedResults.Ok(Created(record)));
    }

    private static async Task<Results<Ok<RecordCreated>, ProblemHttpResult, ValidationProblem>> WithdrawAsync(string type, long id, RecordWithdrawalRequest request,
        ClaimsPrincipal user, RecordDesk desk, CancellationToken cancellationToken) =>
        (await desk.WithdrawAsync(user, id, request.Reason, cancellationToken)).ToResult(record => TypedResults.Ok(Created(record)));

    public static string StatusCode(RecordStatus status) => status switch
    {
        RecordStatus.Draft => "draft",
        RecordStatus.AwaitingReview => "awaiting-review",
        RecordStatus.Published => "published",
        RecordStatus.Withdrawn => "withdrawn",
        _ => status.ToString(),
    };

    public static string StatusName(RecordStatus status, bool changesWaiting = false) => status switch
    {
        RecordStatus.Draft => "草稿",
        RecordStatus.AwaitingReview => "待审核",
        RecordStatus.Published => changesWaiting ? "已公开（更新待审核）" : "已公开",
        RecordStatus.Withdrawn => "已撤回",
        _ => status.ToString(),
    };

    private static RecordCreated Created(DataRecord record) =>
        new(record.Id, StatusCode(record.Status), record.PublishBy?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    private static RecordView View(PublicRecord record, BodyHierarchy hierarchy) => new(
        record.Id, record.Type, hierarchy.Find(record.BodyId)?.Code ?? "", record.Title, record.Withdrawn ? "withdrawn" : "published", record.Version,
        record.PublishedAt is { } at ? at.ToString("O", System.Globalization.CultureInfo.InvariantCulture) : null,
        record.PublishBy?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), record.Values, record.Withdrawn, record.WithdrawalReason);
}
