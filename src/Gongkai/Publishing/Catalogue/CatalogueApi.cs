using System.Security.Claims;
using Gongkai.Organizations;
using Gongkai.Staff;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Publishing.Catalogue;

/// <summary>A catalogue node as the API shows it; <c>documents</c> (staff only) counts the documents filed in it.</summary>
public sealed record CatalogueNodeView(
    int Id, int? ParentId, string Name, int Order, string Content, string ResponsibleBody, string TimeLimit, string Carriers,
    string UpdateFrequency, IReadOnlyList<string> AllowedTypes, bool Hidden, IReadOnlyList<CatalogueNodeView> Children, int? Documents = null);

/// <summary>Request body for a new node: its fields and the parent's id (none for a top-level node).</summary>
public sealed record CreateCatalogueNodeRequest(CatalogueNodeInput Node, int? ParentId = null);

public sealed record MoveCatalogueNodeRequest(string? Direction);

internal static class CatalogueApi
{
    public static void MapCatalogueApi(this WebApplication app)
    {
        app.MapGet("/api/v1/bodies/{code}/catalogue", PublicTreeAsync).WithSummary("某机关的主动公开基本目录（公开部分）").WithTags("主动公开目录").CacheOutput(PublicCache.DocumentPages);

        var staff = app.MapGroup("/api/v1/catalogue").WithTags("主动公开目录（工作人员）").RequireAuthorization(OrganizationsPermissions.ManageBody);
        staff.MapGet("/bodies/{code}", StaffTreeAsync).WithSummary("某机关的完整目录（含隐藏栏目）");
        staff.MapPost("/bodies/{code}", CreateAsync).WithSummary("新增目录栏目");
        staff.MapPut("/{id:int}", (int id, CatalogueNodeInput input, ClaimsPrincipal user, CatalogueDesk desk, CancellationToken ct) =>
            ReplyAsync(desk.EditAsync(user, id, input, ct))).WithSummary("修改目录栏目");
        staff.MapPost("/{id:int}/hide", (int id, ClaimsPrincipal user, CatalogueDesk desk, CancellationToken ct) => ReplyAsync(desk.SetHiddenAsync(user, id, true, ct))).WithSummary("隐藏目录栏目");
        staff.MapPost("/{id:int}/show", (int id, ClaimsPrincipal user, CatalogueDesk desk, CancellationToken ct) => ReplyAsync(desk.SetHiddenAsync(user, id, false, ct))).WithSummary("重新显示目录栏目");
        staff.MapPost("/{id:int}/move", MoveAsync).WithSummary("移动目录栏目");
        staff.MapDelete("/{id:int}", DeleteAsync).WithSummary("删除空的目录栏目");
    }

    private static async Task<Results<Ok<List<CatalogueNodeView>>, ProblemHttpResult>> PublicTreeAsync(
        string code, BodyDirectory directory, CatalogueDesk desk, CancellationToken cancellationToken)
    {
        var body = (await directory.LoadAsync(cancellationToken)).FindByCode(code);
        return body is null
            ? NoBody(code)
            : TypedResults.Ok(Views(await desk.TreeAsync(body.Id, includeHidden: false, cancellationToken), counts: null));
    }

    private static async Task<Results<Ok<List<CatalogueNodeView>>, ProblemHttpResult>> StaffTreeAsync(
        string code, ClaimsPrincipal user, BodyDirectory directory, BodyScope scope, CatalogueDesk desk, CancellationToken cancellationToken)
    {
        var body = (await directory.LoadAsync(cancellationToken)).FindByCode(code);
        if (body is null)
        {
            return NoBody(code);
        }

        if (!await scope.MayActForAsync(user, body.Id, cancellationToken))
        {
            return TypedResults.Problem(title: "无权操作", detail: "您只能管理本单位（及下属单位）的目录。", statusCode: StatusCodes.Status403Forbidden);
        }

        return TypedResults.Ok(Views(await desk.TreeAsync(body.Id, includeHidden: true, cancellationToken), await desk.DocumentCountsAsync(body.Id, cancellationToken)));
    }

    private static async Task<Results<Created<CatalogueNodeView>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        string code, CreateCatalogueNodeRequest request, ClaimsPrincipal user, BodyDirectory directory, CatalogueDesk desk, CancellationToken cancellationToken)
    {
        var body = (await directory.LoadAsync(cancellationToken)).FindByCode(code);
        if (body is null)
        {
            return NoBody(code);
        }

        return (await desk.CreateAsync(user, body.Id, request.ParentId, request.Node, cancellationToken))
            .ToResult(node => TypedResults.Created($"/api/v1/catalogue/{node.Id}", View(node)));
    }

    private static async Task<Results<Ok<CatalogueNodeView>, ProblemHttpResult, ValidationProblem>> MoveAsync(
        int id, MoveCatalogueNodeRequest request, ClaimsPrincipal user, CatalogueDesk desk, CancellationToken cancellationToken)
    {
        var direction = request.Direction switch
        {
            "up" => -1,
            "down" => 1,
            _ => 0,
        };
        if (direction == 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["direction"] = ["direction 应为 up（上移）或 down（下移）。"] }, title: "参数有误");
        }

        return await ReplyAsync(desk.MoveAsync(user, id, direction, cancellationToken));
    }

    private static async Task<Results<NoContent, ProblemHttpResult, ValidationProblem>> DeleteAsync(int id, ClaimsPrincipal user, CatalogueDesk desk, CancellationToken cancellationToken) =>
        (await desk.DeleteAsync(user, id, cancellationToken)).ToResult(_ => TypedResults.NoContent());

    private static async Task<Results<Ok<CatalogueNodeView>, ProblemHttpResult, ValidationProblem>> ReplyAsync(Task<Outcome<CatalogueNode>> action) =>
        (await action).ToResult(node => TypedResults.Ok(View(node)));

    private static ProblemHttpResult NoBody(string code) =>
        TypedResults.Problem(title: "机构不存在", detail: $"没有代码为“{code}”的机构。", statusCode: StatusCodes.Status404NotFound);

    private static CatalogueNodeView View(CatalogueNode n) =>
        new(n.Id, n.ParentId, n.Name, n.Order, n.Content, n.ResponsibleBody, n.TimeLimit, n.Carriers, n.UpdateFrequency, n.AllowedTypeList, n.Hidden, []);

    private static List<CatalogueNodeView> Views(IReadOnlyList<CatalogueTreeNode> nodes, Dictionary<int, int>? counts) =>
        nodes.Select(t => View(t.Node) with { Children = Views(t.Children, counts), Documents = counts?.GetValueOrDefault(t.Node.Id) }).ToList();
}
