using System.Security.Claims;
using Gongkai.Staff;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Organizations;

/// <summary>A body in the directory listing. <c>kind</c> is a stable slug such as <c>municipal-department</c>.</summary>
public sealed record BodySummary(int Id, string Code, string Name, string ShortName, string Kind, int? ParentId)
{
    public static BodySummary From(Body body) => new(body.Id, body.Code, body.Name, body.ShortName, BodyKinds.Slug(body.Kind), body.ParentId);
}

/// <summary>A body's public profile: the Art. 20(2) items and its credit code.</summary>
public sealed record BodyProfile(
    int Id, string Code, string Name, string ShortName, string Kind, int? ParentId, string CreditCode,
    string Functions, IReadOnlyList<string> InternalStructure, string Address, string OfficeHours, string Phone,
    string Email, string HeadName)
{
    public static BodyProfile From(Body body) => new(
        body.Id, body.Code, body.Name, body.ShortName, BodyKinds.Slug(body.Kind), body.ParentId, body.CreditCode,
        body.Functions, Lines(body.InternalStructure), body.Address, body.OfficeHours, body.Phone, body.Email, body.HeadName);

    internal static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>What staff send to create (POST) or replace (PUT) a body. <c>code</c> is read only on POST;
/// an omitted <c>sortOrder</c> keeps the current position.</summary>
public sealed record BodyRequest(
    string? Code, string? Name, string? ShortName, string? Kind, int? ParentId, string? CreditCode,
    string? Functions, IReadOnlyList<string>? InternalStructure, string? Address, string? OfficeHours,
    string? Phone, string? Email, string? HeadName, int? SortOrder)
{
    internal BodyDraft ToDraft() => new()
    {
        Code = Code,
        Name = Name,
        ShortName = ShortName,
        Kind = Kind,
        ParentId = ParentId,
        CreditCode = CreditCode,
        Functions = Functions,
        InternalStructure = InternalStructure is null ? null : string.Join('\n', InternalStructure),
        Address = Address,
        OfficeHours = OfficeHours,
        Phone = Phone,
        Email = Email,
        HeadName = HeadName,
        SortOrder = SortOrder,
    };
}

internal static class OrganizationsApi
{
    public static void MapOrganizationsApi(this WebApplication app)
    {
        var bodies = app.MapGroup("/api/v1/bodies").WithTags("机构");
        bodies.MapGet("/", ListAsync).WithSummary("机关列表").CacheOutput(PublicCache.BodyPages);
        bodies.MapGet("/{code}", GetAsync).WithSummary("一个机关的概况和政府信息公开指南").CacheOutput(PublicCache.BodyPages);
        bodies.MapPut("/{code}", UpdateAsync).WithSummary("修改机关信息").RequireAuthorization(OrganizationsPermissions.ManageBody);
        bodies.MapPost("/", CreateAsync).WithSummary("新增机关").RequireAuthorization(OrganizationsPermissions.ManageAllBodies);
    }

    private static async Task<Ok<List<BodySummary>>> ListAsync(BodyDirectory directory, CancellationToken cancellationToken)
    {
        var hierarchy = await directory.LoadAsync(cancellationToken);
        return TypedResults.Ok(hierarchy.All.Select(BodySummary.From).ToList());
    }

    private static async Task<Results<Ok<BodyProfile>, ProblemHttpResult>> GetAsync(string code, BodyDirectory directory, CancellationToken cancellationToken)
    {
        var body = (await directory.LoadAsync(cancellationToken)).FindByCode(code);
        return body is null ? NotFound(code) : TypedResults.Ok(BodyProfile.From(body));
    }

    private static async Task<Results<Ok<BodyProfile>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        string code, BodyRequest request, ClaimsPrincipal user, BodyEditor editor, CancellationToken cancellationToken) =>
        (await editor.UpdateAsync(user, code, request.ToDraft(), cancellationToken)).ToResult(body => TypedResults.Ok(BodyProfile.From(body)));

    private static async Task<Results<Created<BodyProfile>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        BodyRequest request, ClaimsPrincipal user, BodyEditor editor, CancellationToken cancellationToken) =>
        (await editor.CreateAsync(user, request.ToDraft(), cancellationToken)).ToResult(body => TypedResults.Created($"/api/v1/bodies/{body.Code}", BodyProfile.From(body)));

    private static ProblemHttpResult NotFound(string code) =>
        TypedResults.Problem(title: "未找到该机构", detail: $"没有代码为“{code}”的机构。", statusCode: StatusCodes.Status404NotFound);
}
