using Microsoft.AspNetCore.Mvc;
using System.Globalization;
using System.Security.Claims;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Gongkai.Platform.Web;
using Gongkai.Publishing.Contracts;
using Gongkai.Publishing.Rules;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Time;

namespace Gongkai.Publishing;

/// <summary>A document in the API's list. <c>publishedOn</c> is the China-time date (yyyy-MM-dd).</summary>
public sealed record DocumentListItem(string IndexNo, string Title, string? DocNumber, string Body, string Type, string PublishedOn, string Url);

public sealed record DocumentList(int Total, IReadOnlyList<DocumentListItem> Items);

/// <summary>A correction as the public sees it.</summary>
public sealed record CorrectionView(int Version, string CorrectedOn, string? Reason, IReadOnlyList<string> Changed);

/// <summary>A public document. A withdrawn one has <c>withdrawn</c> set with the reason, and no text.</summary>
/// <summary>A public document. A law-library document (<c>Kind</c> reference) has no <c>Body</c> of this site: it names
/// its <c>Issuer</c> (制定机关), <c>Level</c> (效力级别), <c>Region</c> (地域), <c>Status</c> (时效性), <c>EffectiveOn</c>
/// and the other <c>Versions</c> of the same law; <c>IndexNo</c> is then its library number (FG-…).</summary>
public sealed record PublicDocumentView(
    string IndexNo, string Title, string? DocNumber, string? Body, IReadOnlyList<string> CoIssuers, string Type, string Subject,
    string? SignedOn, string PublishedOn, string Validity, string? SupersededBy, string? Keywords, string? BodyHtml,
    string ContentHash, IReadOnlyList<CorrectionView> Corrections, bool Withdrawn, string? WithdrawalReason, TransparencyView? Transparency,
    string Kind = "own", string? Issuer = null, string? Level = null, string? Region = null, string? Status = null, string? EffectiveOn = null,
    IReadOnlyList<VersionView>? Versions = null);

/// <summary>One version of a law in the library.</summary>
public sealed record VersionView(string IndexNo, string Title, string? PromulgatedOn, string? Status, string Url);

/// <summary>Where the version shown sits in the public log (<c>/ct/v1</c>): null until the log has appended it (seconds).</summary>
/// <param name="LeafIndex">RFC 6962 leaf_index (0-based).</param>
/// <param name="LeafHash">Base64 SHA-256 leaf hash, usable with <c>/ct/v1/get-proof-by-hash</c>.</param>
public sealed record TransparencyView(long LeafIndex, string LeafHash);

/// <summary>A document as staff see it, with its review state and history.</summary>
public sealed record StaffDocumentView(
    int Id, string? IndexNo, string Title, string? DocNumber, string Body, IReadOnlyList<string> CoIssuers, string Type, string Subject,
    string? SignedOn, string? EffectiveOn, string? ExpiresOn, string? Keywords, string Validity, string BodyHtml, string Status, string StatusName,
    int Revision, string? NoInterpretationReason, DateTimeOffset? PublishAt, DateTimeOffset? PublishedAt, IReadOnlyList<HistoryView> History,
    int? CatalogueNode = null, IReadOnlyList<CoIssueStateView>? CoIssueStates = null);

public sealed record HistoryView(DateTimeOffset At, string Action, string ActionName, string? Actor, string? Comment);

/// <summary>Request bodies of the staff API.</summary>
public sealed record CreateDocumentRequest(DocumentInput Document, string? Body = null);

/// <param name="OverrideReason">At 终审: why personal data the safeguards found must be published anyway (recorded and audited).</param>
public sealed record ReviewRequest(string Decision, string? Comment, string? NoInterpretationReason = null, DateTimeOffset? PublishAt = null, string? OverrideReason = null);

public sealed record CorrectionRequest(DocumentInput Document, string? Reason);

/// <summary>A proposed correction (更正) and where its review stands. <c>state</c>: AwaitingFirstReview,
/// AwaitingSecondReview, AwaitingFinalReview, Approved (the public version now) or Returned (with <c>returnReason</c>).
/// <c>baseVersion</c> is the public version it corrects.</summary>
public sealed record PendingCorrectionView(
    int Id, int DocumentId, string State, string StateName, string Reason, int BaseVersion, string Title, string? DocNumber, string BodyHtml,
    string SubmittedBy, DateTimeOffset SubmittedAt, string? DecidedBy, DateTimeOffset? DecidedAt, string? ReturnReason, string Url)
{
    public static PendingCorrectionView Of(DocumentCorrection c) => new(
        c.Id, c.DocumentId, c.State.ToString(), CorrectionReview.ChineseName(c.State), c.Reason, c.BaseVersion, c.Title, c.DocNumber, c.BodyHtml,
        c.SubmittedByName, c.SubmittedAt, c.DecidedByName, c.DecidedAt, c.ReturnReason, $"/api/v1/documents/{c.DocumentId}/corrections/{c.Id}");
}

public sealed record CorrectionReturnRequest(string? Reason);

public sealed record WithdrawalRequest(string? Reason);

public sealed record InterpretationCreated(int Id, string Url);

internal static class PublishingApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static void MapPublishingApi(this WebApplication app)
    {
        var documents = app.MapGroup("/api/v1/documents").WithTags("文件");
        documents.MapGet("/", ListAsync).WithSummary("已公开文件列表（可按机关、类型、主题筛选）").CacheOutput(PublicCache.DocumentPages);
        documents.MapGet("/by-index", ([FromQuery] string indexNo, PublishedDocuments published, IPublicLogEntries log, GongkaiDbContext db, CancellationToken ct) =>
            GetAsync(indexNo, published, log, db, ct)).WithSummary("按索引号或法规库编号取一份已公开文件（编号中含“/”，放在查询参数 indexNo 中）")
            .CacheOutput(PublicCache.DocumentPages);
        // The same lookup with the number in the path, for links and clients made before /by-index; left out of the
        // OpenAPI document because its template looks like the staff endpoint's /{id} there.
        documents.MapGet("/{**indexNo}", GetAsync).ExcludeFromDescription().CacheOutput(PublicCache.DocumentPages);

        // Staff work on documents by id (索引号 exist only once published); a numeric segment outranks the catch-all.
        var staff = app.MapGroup("/api/v1/documents").WithTags("文件（工作人员）");
        staff.MapPost("/", CreateAsync).WithSummary("起草文件").RequireAuthorization(PublishingPermissions.EditDocuments);
        staff.MapGet("/{id:int}", GetForStaffAsync).WithSummary("工作人员查看一份文件（含审核状态）").RequireAuthorization(Permissions.Staff);
        staff.MapPut("/{id:int}", EditAsync).WithSummary("修改草稿或退回的文件").RequireAuthorization(PublishingPermissions.EditDocuments);
        staff.MapPost("/{id:int}/submit", SubmitAsync).WithSummary("提交初审").RequireAuthorization(PublishingPermissions.EditDocuments);
        staff.MapPost("/{id:int}/review/first", (int id, ReviewRequest request, ClaimsPrincipal user, DocumentDesk desk, GongkaiDbContext db, CancellationToken ct) =>
            ReviewAsync(id, ReviewStage.First, request, user, desk, db, ct)).WithSummary("初审：通过或退回").RequireAuthorization(PublishingPermissions.ReviewFirst);
        staff.MapPost("/{id:int}/review/second", (int id, ReviewRequest request, ClaimsPrincipal user, DocumentDesk desk, GongkaiDbContext db, CancellationToken ct) =>
            ReviewAsync(id, ReviewStage.Second, request, user, desk, db, ct)).WithSummary("复审：通过或退回").RequireAuthorization(PublishingPermissions.ReviewSecond);
        staff.MapPost("/{id:int}/review/final", (int id, ReviewRequest request, ClaimsPrincipal user, DocumentDesk desk, GongkaiDbContext db, CancellationToken ct) =>
            ReviewAsync(id, ReviewStage.Final, request, user, desk, db, ct)).WithSummary("终审：通过（立即或定时发布）或退回").RequireAuthorization(PublishingPermissions.ReviewFinal);
        staff.MapPost("/{id:int}/publish", PublishAsync).WithSummary("立即发布已通过终审的定时文件").RequireAuthorization(PublishingPermissions.ReviewFinal);
        staff.MapPost("/{id:int}/correct", CorrectAsync)
            .WithSummary("提出更正已发布的文件（202：更正待审核，通过终审后才公开）").RequireAuthorization(PublishingPermissions.EditDocuments);
        staff.MapGet("/{id:int}/corrections", CorrectionsAsync).WithSummary("一份文件的更正及其审核状态").RequireAuthorization(Permissions.Staff);
        staff.MapGet("/{id:int}/corrections/{correctionId:int}", CorrectionAsync).WithSummary("一项更正及其审核状态").RequireAuthorization(Permissions.Staff);
        staff.MapPost("/{id:int}/corrections/{correctionId:int}/approve", ApproveCorrectionAsync)
            .WithSummary("审核通过更正（终审通过后更正内容公开）").RequireAuthorization(PublishingPermissions.ReviewCorrections);
        staff.MapPost("/{id:int}/corrections/{correctionId:int}/return", ReturnCorrectionAsync)
            .WithSummary("退回更正（须说明理由，公开版本不变）").RequireAuthorization(PublishingPermissions.ReviewCorrections);
        staff.MapPost("/{id:int}/withdraw", WithdrawAsync).WithSummary("撤回已发布的文件（须说明理由）").RequireAuthorization(PublishingPermissions.ReviewFinal);

        app.MapPost("/api/v1/interpretations/", InterpretAsync).WithSummary("为政策文件发布解读").WithTags("政策解读").RequireAuthorization(PublishingPermissions.EditDocuments);
    }

    private static async Task<Results<Ok<DocumentList>, ProblemHttpResult>> ListAsync(
        PublishedDocuments documents, BodyDirectory directory, Catalogue.CatalogueDesk catalogue, int? page, int? size, string? body, string? type, string? subject,
        int? year, string? validity, int? node, CancellationToken cancellationToken)
    {
        if (year is < 1 or > 9999 || page is < 1 || size is < 1 or > MaxPageSize)
        {
            return TypedResults.Problem(title: "参数超出范围",
                detail: $"year 应为 1–9999 之间的年份，page 从 1 开始，size 为 1–{MaxPageSize}。", statusCode: StatusCodes.Status400BadRequest);
        }

        int? bodyId = null;
        if (!string.IsNullOrEmpty(body))
        {
            var hierarchy = await directory.LoadAsync(cancellationToken);
            bodyId = hierarchy.FindByCode(body)?.Id;
            if (bodyId is null)
            {
                return TypedResults.Problem(title: "机构不存在", detail: $"没有代码为“{body}”的机构。", statusCode: StatusCodes.Status404NotFound);
            }
        }

        DocumentValidity? validityFilter = null;
        if (!string.IsNullOrEmpty(validity))
        {
            validityFilter = DocumentCatalog.ParseValidity(validity);
            if (validityFilter is null)
            {
                return TypedResults.Problem(title: "有效性参数有误", detail: "validity 应为 有效、失效、废止、已修订 之一（或 valid、expired、repealed、revised）。",
                    statusCode: StatusCodes.Status400BadRequest);
            }
        }

        IReadOnlyCollection<int>? nodeIds = null;
        if (node is { } nodeId)
        {
            nodeIds = (await catalogue.PublicSubtreeAsync(nodeId, bodyId, cancellationToken))?.Ids;
            if (nodeIds is null)
            {
                return TypedResults.Problem(title: "目录不存在", detail: $"没有编号为 {nodeId} 的公开目录{(bodyId is null ? "" : "，或它不属于该机构")}。", statusCode: StatusCodes.Status404NotFound);
            }
        }

        var filter = new DocumentFilter(bodyId, string.IsNullOrEmpty(type) ? null : type, string.IsNullOrEmpty(subject) ? null : subject, year, validityFilter, nodeIds);
        var result = await documents.PageAsync(page ?? 1, size ?? DefaultPageSize, filter, cancellationToken);
        return TypedResults.Ok(new DocumentList(result.Total, result.Items
            .Select(d => new DocumentListItem(d.IndexNo, d.Title, d.DocNumber, d.BodyName, d.DocumentType,
                d.PublishedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Url))
            .ToList()));
    }

    private static async Task<Results<Ok<PublicDocumentView>, ProblemHttpResult>> GetAsync(string indexNo, PublishedDocuments documents, IPublicLogEntries log, GongkaiDbContext db, CancellationToken cancellationToken)
    {
        var found = await documents.FindAsync(indexNo, cancellationToken);
        if (found is null)
        {
            return TypedResults.Problem(title: "文件不存在", detail: $"没有索引号（或库内编号）为“{indexNo}”的已发布文件。", statusCode: StatusCodes.Status404NotFound);
        }

        var d = found.Document;
        var reference = d.Kind == DocumentKind.Reference;
        var hash = await db.Set<DocumentVersion>().AsNoTracking().Where(v => v.DocumentId == d.Id && v.Number == d.CurrentVersion)
            .Select(v => v.ContentHash).SingleAsync(cancellationToken);
        var entry = await log.FindAsync(d.IndexNo!, d.CurrentVersion, cancellationToken);
        return TypedResults.Ok(new PublicDocumentView(
            d.IndexNo!, d.Title, d.DocNumber, reference ? null : d.Body!.Name, reference ? [] : d.CoIssuers.Select(c => c.Body!.Name).ToList(),
            reference ? d.Level ?? "法律法规" : d.DocumentType, d.Subject,
            Date(d.SignedOn), Date(ChinaTime.DateOf(d.PublishedAt!.Value))!, reference && d.LegalStatus is { } status ? status : DocumentCatalog.ChineseName(d.Validity),
            found.SupersededByIndexNo, d.Keywords, found.IsWithdrawn ? null : d.BodyHtml, hash,
            found.Corrections.Select(c => new CorrectionView(c.Number, Date(ChinaTime.DateOf(c.PublishedAt))!, c.Reason, c.Changed)).ToList(),
            found.IsWithdrawn, d.WithdrawalReason, entry is null ? null : new TransparencyView(entry.LeafIndex, entry.LeafHash),
            reference ? "reference" : "own", d.Issuer, d.Level, d.Region, d.LegalStatus, Date(d.EffectiveOn),
            reference ? found.Versions.Select(v => new VersionView(v.IndexNo, v.Title, Date(v.PromulgatedOn), v.Status, v.Url)).ToList() : null));
    }

    private static async Task<Results<Created<StaffDocumentView>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        CreateDocumentRequest request, ClaimsPrincipal user, DocumentDesk desk, BodyDirectory directory, GongkaiDbContext db, CancellationToken cancellationToken)
    {
        int? bodyId = null;
        if (!string.IsNullOrEmpty(request.Body))
        {
            bodyId = (await directory.LoadAsync(cancellationToken)).FindByCode(request.Body)?.Id;
            if (bodyId is null)
            {
                return TypedResults.Problem(title: "机构不存在", detail: $"没有代码为“{request.Body}”的机构。", statusCode: StatusCodes.Status400BadRequest);
            }
        }

        return await (await desk.CreateAsync(user, request.Document, bodyId, cancellationToken)).ToResultAsync(async document =>
            TypedResults.Created($"/api/v1/documents/{document.Id}", await ViewAsync(db, document.Id, cancellationToken)));
    }

    private static async Task<Results<Ok<StaffDocumentView>, ProblemHttpResult>> GetForStaffAsync(int id, ClaimsPrincipal user, BodyScope scope, GongkaiDbContext db, CancellationToken cancellationToken)
    {
        var bodyId = await db.Set<Document>().Where(d => d.Id == id).Select(d => (int?)d.BodyId).SingleOrDefaultAsync(cancellationToken);
        if (bodyId is null)
        {
            return TypedResults.Problem(title: "文件不存在", detail: "没有找到该文件。", statusCode: StatusCodes.Status404NotFound);
        }

        // Another body's unpublished work is not shown, nor is its existence confirmed.
        return await scope.MayActForAsync(user, bodyId.Value, cancellationToken)
            ? TypedResults.Ok(await ViewAsync(db, id, cancellationToken))
            : TypedResults.Problem(title: "文件不存在", detail: "没有找到该文件，或它不属于您所在的单位。", statusCode: StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<StaffDocumentView>, ProblemHttpResult, ValidationProblem>> EditAsync(
        int id, DocumentInput document, ClaimsPrincipal user, DocumentDesk desk, GongkaiDbContext db, CancellationToken cancellationToken) =>
        await Reply(await desk.EditAsync(user, id, document, cancellationToken), db, cancellationToken);

    private static async Task<Results<Ok<StaffDocumentView>, ProblemHttpResult, ValidationProblem>> SubmitAsync(
        int id, ClaimsPrincipal user, DocumentDesk desk, GongkaiDbContext db, CancellationToken cancellationToken) =>
        await Reply(await desk.SubmitAsync(user, id, cancellationToken), db, cancellationToken);

    private static async Task<Results<Ok<StaffDocumentView>, ProblemHttpResult, ValidationProblem>> ReviewAsync(
        int id, ReviewStage stage, ReviewRequest request, ClaimsPrincipal user, DocumentDesk desk, GongkaiDbContext db, CancellationToken cancellationToken)
    {
        var approve = request.Decision switch
        {
            "approve" => true,
            "return" => false,
            _ => (bool?)null,
        };
        if (approve is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["decision"] = ["decision 应为 approve（通过）或 return（退回）。"] },
                title: "审核意见有误");
        }

        var decision = new ReviewDecision(approve.Value, request.Comment, request.NoInterpretationReason, request.PublishAt, request.OverrideReason);
        return await Reply(await desk.ReviewAsync(user, id, stage, decision, cancellationToken), db, cancellationToken);
    }

    private static async Task<Results<Ok<StaffDocumentView>, ProblemHttpResult, ValidationProblem>> PublishAsync(
        int id, ClaimsPrincipal user, DocumentDesk desk, GongkaiDbContext db, CancellationToken cancellationToken) =>
        await Reply(await desk.PublishNowAsync(user, id, cancellationToken), db, cancellationToken);

    private static async Task<Results<Accepted<PendingCorrectionView>, ProblemHttpResult, ValidationProblem>> CorrectAsync(
        int id, CorrectionRequest request, ClaimsPrincipal user, DocumentDesk desk, CancellationToken cancellationToken) =>
        (await desk.CorrectAsync(user, id, request.Document, request.Reason, cancellationToken)).ToResult(correction =>
        {
            var view = PendingCorrectionView.Of(correction);
            return TypedResults.Accepted(view.Url, view);
        });

    private static async Task<Results<Ok<PendingCorrectionView>, ProblemHttpResult, ValidationProblem>> ApproveCorrectionAsync(
        int id, int correctionId, ClaimsPrincipal user, DocumentDesk desk, CancellationToken cancellationToken) =>
        (await desk.ApproveCorrectionAsync(user, id, correctionId, cancellationToken)).ToResult(c => TypedResults.Ok(PendingCorrectionView.Of(c)));

    private static async Task<Results<Ok<PendingCorrectionView>, ProblemHttpResult, ValidationProblem>> ReturnCorrectionAsync(
        int id, int correctionId, CorrectionReturnRequest request, ClaimsPrincipal user, DocumentDesk desk, CancellationToken cancellationToken) =>
        (await desk.ReturnCorrectionAsync(user, id, correctionId, request.Reason, cancellationToken)).ToResult(c => TypedResults.Ok(PendingCorrectionView.Of(c)));

    private static async Task<Results<Ok<IReadOnlyList<PendingCorrectionView>>, ProblemHttpResult>> CorrectionsAsync(
        int id, ClaimsPrincipal user, BodyScope scope, GongkaiDbContext db, CancellationToken cancellationToken)
    {
        var bodyId = await db.Set<Document>().Where(d => d.Id == id).Select(d => (int?)d.BodyId).SingleOrDefaultAsync(cancellationToken);
        if (bodyId is null || !await scope.MayActForAsync(user, bodyId.Value, cancellationToken))
        {
            return TypedResults.Problem(title: "文件不存在", detail: "没有找到该文件，或它不属于您所在的单位。", statusCode: StatusCodes.Status404NotFound);
        }

        var corrections = await db.Set<DocumentCorrection>().AsNoTracking().Where(c => c.DocumentId == id).OrderByDescending(c => c.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PendingCorrectionView>>(corrections.Select(PendingCorrectionView.Of).ToList());
    }

    private static async Task<Results<Ok<PendingCorrectionView>, ProblemHttpResult>> CorrectionAsync(
        int id, int correctionId, ClaimsPrincipal user, BodyScope scope, GongkaiDbContext db, CancellationToken cancellationToken)
    {
        var bodyId = await db.Set<Document>().Where(d => d.Id == id).Select(d => (int?)d.BodyId).SingleOrDefaultAsync(cancellationToken);
        var correction = await db.Set<DocumentCorrection>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == correctionId && c.DocumentId == id, cancellationToken);
        return bodyId is null || correction is null || !await scope.MayActForAsync(user, bodyId.Value, cancellationToken)
            ? TypedResults.Problem(title: "更正不存在", detail: "没有找到这项更正，或它不属于您所在的单位。", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(PendingCorrectionView.Of(correction));
    }

    private static async Task<Results<Ok<StaffDocumentView>, ProblemHttpResult, ValidationProblem>> WithdrawAsync(
        int id, WithdrawalRequest request, ClaimsPrincipal user, DocumentDesk desk, GongkaiDbContext db, CancellationToken cancellationToken) =>
        await Reply(await desk.WithdrawAsync(user, id, request.Reason, cancellationToken), db, cancellationToken);

    private static async Task<Results<Created<InterpretationCreated>, ProblemHttpResult, ValidationProblem>> InterpretAsync(
        InterpretationInput request, ClaimsPrincipal user, DocumentDesk desk, CancellationToken cancellationToken)
    {
        return (await desk.InterpretAsync(user, request, cancellationToken)).ToResult(interpretation =>
            TypedResults.Created($"/interpretations/{interpretation.Id}", new InterpretationCreated(interpretation.Id, $"/interpretations/{interpretation.Id}")));
    }

    private static Task<Results<Ok<StaffDocumentView>, ProblemHttpResult, ValidationProblem>> Reply(Outcome<Document> outcome, GongkaiDbContext db, CancellationToken cancellationToken) =>
        outcome.ToResultAsync(async document => TypedResults.Ok(await ViewAsync(db, document.Id, cancellationToken)));

    private static async Task<StaffDocumentView> ViewAsync(GongkaiDbContext db, int id, CancellationToken cancellationToken)
    {
        var d = await db.Set<Document>().AsNoTracking().Include(x => x.Body).Include(x => x.CoIssuers).ThenInclude(c => c.Body)
            .SingleAsync(x => x.Id == id, cancellationToken);
        var history = await db.Set<DocumentHistoryEntry>().AsNoTracking().Where(h => h.DocumentId == id).OrderBy(h => h.Id)
            .Select(h => new HistoryView(h.At, h.Action, DocumentHistoryEntry.ChineseAction(h.Action), h.ActorName, h.Comment)).ToListAsync(cancellationToken);
        return new StaffDocumentView(d.Id, d.IndexNo, d.Title, d.DocNumber, d.Body!.Code, d.CoIssuers.Select(c => c.Body!.Code).ToList(), d.DocumentType, d.Subject,
            Date(d.SignedOn), Date(d.EffectiveOn), Date(d.ExpiresOn), d.Keywords, DocumentCatalog.ChineseName(d.Validity), d.BodyHtml, d.Status.ToString(),
            ReviewWorkflow.ChineseName(d.Status), d.Revision, d.NoInterpretationReason, d.PublishAt, d.PublishedAt, history, d.CatalogueNodeId,
            CoIssueDesk.StatesOf(d));
    }

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
