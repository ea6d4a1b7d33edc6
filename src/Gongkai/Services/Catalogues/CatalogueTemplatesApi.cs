using System.Security.Claims;
using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Gongkai.Services.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Services.Catalogues;

/// <summary>A standard catalogue in the index.</summary>
public sealed record CatalogueTemplateListItem(string Code, string Title, string Field, string? Sector, int ItemCount, string Url);

/// <summary>The answer of <c>GET /api/v1/catalogue-templates</c>.</summary>
public sealed record CatalogueTemplateIndexResponse(IReadOnlyList<CatalogueTemplateListItem> Items);

/// <summary>The body of <c>POST /api/v1/catalogue-templates/{code}/instances</c>: the body (code) to instantiate for;
/// the user's own body when empty.</summary>
public sealed record InstantiateRequest(string? Body);

/// <summary>What an instantiation did.</summary>
public sealed record InstantiateResponse(string Body, string Template, int Added, int Kept, string GapsUrl);

/// <summary>One item on the gap view.</summary>
public sealed record GapItemResponse(string Template, string Item, string TimeLimit, DateOnly ListedOn, DateOnly DueOn, int PublishedCount, DateOnly? LastPublishedOn, string State, string StateName,
    string? RecordType = null, int RecordCount = 0);

/// <summary>The answer of <c>GET /api/v1/catalogue-templates/gaps/{code}</c>.</summary>
public sealed record GapsResponse(string Body, string BodyName, int Total, int Missing, int Late, int NotUpdated, IReadOnlyList<GapItemResponse> Items);

internal static class CatalogueTemplatesApi
{
    public static void MapCatalogueTemplatesApi(this WebApplication app)
    {
        var group = app.MapGroup("/api/v1/catalogue-templates").WithTags("标准目录");
        group.MapGet("/", IndexAsync).WithSummary("基层政务公开标准目录：26 个领域和公共企事业单位的目录模板").AllowAnonymous();
        group.MapGet("/{code}", TemplateAsync).WithSummary("一份标准目录的全部公开事项（公开内容、依据、时限、主体、渠道、对象、方式、层级）").AllowAnonymous();
        group.MapPut("/{code}", SaveAsync).WithSummary("新增或替换一份标准目录（系统管理员）").RequireAuthorization(ServicesPermissions.ManageTemplates);
        group.MapPost("/{code}/instances", InstantiateAsync).WithSummary("把标准目录一键生成到本单位的主动公开基本目录（保留本单位自行增加的目录）")
            .RequireAuthorization(ServicesPermissions.Catalogues);
        group.MapGet("/gaps/{code}", GapsAsync).WithSummary("单位按标准目录的缺项：尚未公开、已逾期、未按期更新的事项")
            .RequireAuthorization(ServicesPermissions.View);
    }

    private static async Task<Ok<CatalogueTemplateIndexResponse>> IndexAsync(StandardCatalogues catalogues, CancellationToken cancellationToken) =>
        TypedResults.Ok(new CatalogueTemplateIndexResponse((await catalogues.AllAsync(cancellationToken))
            .Select(c => new CatalogueTemplateListItem(c.Code, c.Title, c.Field, c.Sector, c.Items.Count, PageUrl(c.Code))).ToList()));

    private static async Task<Results<Ok<StandardCatalogue>, ProblemHttpResult, ValidationProblem>> TemplateAsync(string code, StandardCatalogues catalogues, CancellationToken cancellationToken)
    {
        Outcome<StandardCatalogue> found = await catalogues.FindAsync(code, cancellationToken) is { } catalogue
            ? catalogue
            : Refusal.NotFound($"没有代码为“{code}”的标准目录。", "未找到标准目录");
        return found.ToResult(TypedResults.Ok);
    }

    private static async Task<Results<Ok<StandardCatalogue>, ProblemHttpResult, ValidationProblem>> SaveAsync(
        string code, CatalogueTemplateRequest? request, ClaimsPrincipal user, StandardCatalogueDesk desk, CancellationToken cancellationToken) =>
        (await desk.SaveTemplateAsync(user, code, request, cancellationToken)).ToResult(TypedResults.Ok);

    private static async Task<Results<Created<InstantiateResponse>, ProblemHttpResult, ValidationProblem>> InstantiateAsync(
        string code, InstantiateRequest request, ClaimsPrincipal user, StandardCatalogueDesk desk, CancellationToken cancellationToken) =>
        (await desk.InstantiateAsync(user, code, request.Body, cancellationToken)).ToResult(r =>
            TypedResults.Created($"/api/v1/catalogue-templates/gaps/{r.Body.Code}", new InstantiateResponse(r.Body.Code, r.Catalogue.Code, r.Added, r.Kept, $"/admin/catalogue-gaps/{r.Body.Code}")));

    private static async Task<Results<Ok<GapsResponse>, ProblemHttpResult, ValidationProblem>> GapsAsync(
        string code, ClaimsPrincipal user, StandardCatalogueDesk desk, BodyDirectory directory, CancellationToken cancellationToken)
    {
        var found = await directory.FindByCodeAsync(code, cancellationToken);
        if (found is null)
        {
            return Refused<GapsResponse>(Refusal.NotFound($"没有代码为“{code}”的单位。", "未找到单位"));
        }

        if (!await desk.MayViewAsync(user, found, cancellationToken))
        {
            return Refused<GapsResponse>(Refusal.Forbidden($"您不能查看{found.Name}的目录缺项。"));
        }

        var gaps = await desk.GapsAsync(found, cancellationToken);
        return TypedResults.Ok(new GapsResponse(found.Code, found.Name, gaps.Total, gaps.Count(CatalogueGapState.Missing), gaps.Count(CatalogueGapState.Late),
            gaps.Count(CatalogueGapState.NotUpdated),
            gaps.Instances.SelectMany(i => i.Rows.Select(r => new GapItemResponse(i.Instance.TemplateCode, r.ItemName, r.TimeLimit, r.ListedOn, r.Gap.DueOn, r.PublishedCount,
                r.LastPublishedOn, StandardCatalogueRules.StateCode(r.Gap.State), StandardCatalogueRules.StateName(r.Gap.State), r.RecordType?.Key, r.RecordCount))).ToList()));
    }

    private static Results<Ok<T>, ProblemHttpResult, ValidationProblem> Refused<T>(Refusal refusal) where T : notnull
    {
        Outcome<T> refused = refusal;
        return refused.ToResult(TypedResults.Ok);
    }

    internal static string PageUrl(string code) => $"/catalogue-templates/{code}";
}
