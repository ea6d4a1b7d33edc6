using System.Security.Claims;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Gongkai.Services.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Services;

/// <summary>A column of a list kind.</summary>
public sealed record ListColumnResponse(string Key, string Name, bool Required, IReadOnlyList<string>? Allowed);

/// <summary>A list in the index.</summary>
public sealed record ListListItem(int Id, string Kind, string KindName, string Title, string Body, string BodyName, int? Version, DateOnly? EffectiveOn, int ItemCount, string Url);

/// <summary>The answer of <c>GET /api/v1/lists</c>.</summary>
public sealed record ListIndexResponse(IReadOnlyList<ListListItem> Items);

/// <summary>A version's facts.</summary>
public sealed record ListVersionResponse(int Number, DateOnly EffectiveOn, string Reason, int ItemCount, DateTimeOffset CreatedAt);

/// <summary>The answer of <c>GET /api/v1/lists/{id}/versions</c>.</summary>
public sealed record ListVersionsResponse(IReadOnlyList<ListVersionResponse> Items);

/// <summary>A list as in force on a date: the version and its items (objects keyed by column key).</summary>
public sealed record ListResponse(int Id, string Kind, string KindName, string Title, string Body, string BodyName, DateOnly On,
    IReadOnlyList<ListColumnResponse> Columns, ListVersionResponse? Version, IReadOnlyList<IReadOnlyDictionary<string, string>> Items);

/// <summary>One field changed.</summary>
public sealed record FieldChangeResponse(string Column, string Name, string Before, string After);

/// <summary>One item changed.</summary>
public sealed record ChangedItemResponse(string Key, IReadOnlyList<FieldChangeResponse> Changes);

/// <summary>The difference between two versions of a list.</summary>
public sealed record ListDiffResponse(int From, int To, IReadOnlyList<IReadOnlyDictionary<string, string>> Added, IReadOnlyList<IReadOnlyDictionary<string, string>> Removed,
    IReadOnlyList<ChangedItemResponse> Changed, int Unchanged);

/// <summary>The body of <c>POST /api/v1/lists</c>.</summary>
public sealed record ListCreateRequest(string? Body, string? Kind, string? Title);

/// <summary>The body of <c>POST /api/v1/lists/{id}/versions</c>: the whole list as adopted.</summary>
public sealed record ListAdjustRequest(DateOnly? EffectiveOn, string? Reason, IReadOnlyList<Dictionary<string, string>>? Items);

/// <summary>A guide in the index, with its version in force.</summary>
public sealed record GuideListItem(int Id, string ItemName, string Body, string BodyName, int? Version, DateOnly? ApprovedOn, DateOnly? EffectiveOn, DateOnly? PublishBy,
    DateTimeOffset? PublishedAt, string Url);

/// <summary>The answer of <c>GET /api/v1/guides</c>.</summary>
public sealed record GuideIndexResponse(IReadOnlyList<GuideListItem> Items);

/// <summary>A guide version: the content and the change clock.</summary>
public sealed record GuideVersionResponse(int GuideId, int Number, DateOnly ApprovedOn, DateOnly EffectiveOn, DateOnly PublishBy, DateTimeOffset? PublishedAt, string Clock, GuideContent Content);

/// <summary>The answer of <c>GET /api/v1/guides/{id}</c>: the version in force (approvedOn, effectiveOn, publishBy,
/// publishedAt at the top level) and the next one when published but not yet effective.</summary>
public sealed record GuideResponse(int Id, string ItemName, string Body, string BodyName, int Version, DateOnly ApprovedOn, DateOnly EffectiveOn, DateOnly PublishBy,
    DateTimeOffset? PublishedAt, GuideContent Content, GuideVersionResponse? Upcoming, string Url);

/// <summary>The body of <c>POST /api/v1/guides</c> and <c>POST /api/v1/guides/{id}/versions</c>.</summary>
public sealed record GuideVersionRequest(string? Body, GuideContent? Content, DateOnly? ApprovedOn, DateOnly? EffectiveOn);

internal static class ServicesApi
{
    public static void MapServicesApi(this WebApplication app)
    {
        var lists = app.MapGroup("/api/v1/lists").WithTags("清单");
        lists.MapGet("/", ListsAsync).WithSummary("清单目录：权责清单、收费目录清单等，附现行版本").AllowAnonymous();
        lists.MapPost("/", CreateListAsync).WithSummary("建立一份清单").RequireAuthorization(ServicesPermissions.Edit);
        lists.MapGet("/{id:int}", ListAsync).WithSummary("某日施行的清单（默认今天）及其全部事项").AllowAnonymous();
        lists.MapGet("/{id:int}/versions", ListVersionsAsync).WithSummary("清单的历次调整（版本、生效日期、原因）").AllowAnonymous();
        lists.MapGet("/{id:int}/diff", DiffAsync).WithSummary("两个版本之间的差异：新增、取消、逐项调整").AllowAnonymous();
        lists.MapPost("/{id:int}/versions", AdjustAsync).WithSummary("调整清单：提交完整的新版本，任一行有误则不做任何调整").RequireAuthorization(ServicesPermissions.Edit);

        var guides = app.MapGroup("/api/v1/guides").WithTags("办事指南");
        guides.MapGet("/", GuidesAsync).WithSummary("办事指南列表（现行版本）").AllowAnonymous();
        guides.MapPost("/", CreateGuideAsync).WithSummary("编写办事指南（第一版，保存后待公开）").RequireAuthorization(ServicesPermissions.Edit);
        guides.MapGet("/{id:int}", GuideAsync).WithSummary("办事指南的现行版本：批准、施行、应公开和实际公开日期").AllowAnonymous();
        guides.MapPost("/{id:int}/versions", ChangeGuideAsync).WithSummary("变更办事指南：提交新版本（批准日期和施行日期）").RequireAuthorization(ServicesPermissions.Edit);
        guides.MapPost("/{id:int}/versions/{number:int}/publish", PublishGuideAsync).WithSummary("公开办事指南的一个版本（批准后 1 个工作日内）").RequireAuthorization(ServicesPermissions.Edit);
    }

    private static async Task<Ok<ListIndexResponse>> ListsAsync(ListDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ListIndexResponse((await desk.ListAsync(cancellationToken: cancellationToken)).Select(s => new ListListItem(
            s.List.Id, s.Kind.Code, s.Kind.Name, s.List.Title, s.Body?.Code ?? "", s.Body?.Name ?? "", s.InForce?.Number, s.InForce?.EffectiveOn, s.InForce?.ItemCount ?? 0,
            ListPageUrl(s.List.Id))).ToList()));

    private static async Task<Results<Created<ListListItem>, ProblemHttpResult, ValidationProblem>> CreateListAsync(
        ListCreateRequest request, ClaimsPrincipal user, ListDesk desk, CancellationToken cancellationToken) =>
        await (await desk.CreateAsync(user, request.Body, request.Kind, request.Title, cancellationToken)).ToResultAsync(async list =>
        {
            var s = (await desk.SummaryAsync(list.Id, cancellationToken))!;
            return TypedResults.Created($"/api/v1/lists/{list.Id}", new ListListItem(list.Id, s.Kind.Code, s.Kind.Name, list.Title, s.Body?.Code ?? "", s.Body?.Name ?? "", null, null, 0, ListPageUrl(list.Id)));
        });

    private static async Task<Results<Ok<ListResponse>, ProblemHttpResult, ValidationProblem>> ListAsync(
        int id, DateOnly? on, ListDesk desk, CancellationToken cancellationToken)
    {
        var summary = await desk.SummaryAsync(id, cancellationToken);
        if (summary is null)
        {
            return Refused<ListResponse>(NoList(id));
        }

        var date = on ?? desk.Today;
        var version = await desk.InForceAsync(id, date, cancellationToken);
        var kind = summary.Kind;
        return TypedResults.Ok(new ListResponse(id, kind.Code, kind.Name, summary.List.Title, summary.Body?.Code ?? "", summary.Body?.Name ?? "", date,
            kind.Columns.Select(c => new ListColumnResponse(c.Key, c.Name, c.Required, c.Allowed)).ToList(),
            version is null ? null : Version(version.Version), version?.Items.Select(i => i.For(kind)).ToList() ?? []));
    }

    private static ListVersionResponse Version(ServiceListVersion v) => new(v.Number, v.EffectiveOn, v.Reason, v.ItemCount, v.CreatedAt);

    private static async Task<Results<Ok<ListVersionsResponse>, ProblemHttpResult, ValidationProblem>> ListVersionsAsync(int id, ListDesk desk, CancellationToken cancellationToken)
    {
        if (await desk.FindAsync(id, cancellationToken) is null)
        {
            return Refused<ListVersionsResponse>(NoList(id));
        }

        return TypedResults.Ok(new ListVersionsResponse((await desk.VersionsAsync(id, cancellationToken)).Select(Version).ToList()));
    }

    private static async Task<Results<Ok<ListDiffResponse>, ProblemHttpResult, ValidationProblem>> DiffAsync(
        int id, int? from, int? to, ListDesk desk, CancellationToken cancellationToken)
    {
        var list = await desk.FindAsync(id, cancellationToken);
        if (list is null)
        {
            return Refused<ListDiffResponse>(NoList(id));
        }

        var versions = await desk.VersionsAsync(id, cancellationToken);
        var newer = to ?? (versions.Count > 0 ? versions[0].Number : 0);
        var older = from ?? newer - 1;
        var kind = ListKinds.Find(list.Kind) ?? ListKinds.Power;
        var outcome = await desk.DiffAsync(list, older, newer, cancellationToken);
        return outcome.ToResult(d => TypedResults.Ok(new ListDiffResponse(older, newer,
            d.Difference.Added.Select(i => i.For(kind)).ToList(), d.Difference.Removed.Select(i => i.For(kind)).ToList(),
            d.Difference.Changed.Select(c => new ChangedItemResponse(c.Key, c.Changes.Select(f => new FieldChangeResponse(f.Column.Key, f.Column.Name, f.Before, f.After)).ToList())).ToList(),
            d.Difference.Unchanged)));
    }

    private static async Task<Results<Created<ListVersionResponse>, ProblemHttpResult, ValidationProblem>> AdjustAsync(
        int id, ListAdjustRequest request, ClaimsPrincipal user, ListDesk desk, CancellationToken cancellationToken) =>
        (await desk.AdjustAsync(user, id, request.EffectiveOn, request.Reason, (request.Items ?? []).Select(i => new ListItem(i)).ToList(), cancellationToken))
            .ToResult(v => TypedResults.Created($"/api/v1/lists/{id}/versions", Version(v)));

    private static async Task<Ok<GuideIndexResponse>> GuidesAsync(GuideDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok(new GuideIndexResponse((await desk.ListPublicAsync(cancellationToken)).Select(s =>
        {
            var v = (s.InForce ?? s.Upcoming)!.Version;
            return new GuideListItem(s.Guide.Id, s.Guide.ItemName, s.Body?.Code ?? "", s.Body?.Name ?? "", v.Number, v.ApprovedOn, v.EffectiveOn, v.PublishBy, v.PublishedAt, GuidePageUrl(s.Guide.Id));
        }).ToList()));

    private static async Task<Results<Ok<GuideResponse>, ProblemHttpResult, ValidationProblem>> GuideAsync(int id, GuideDesk desk, CancellationToken cancellationToken)
    {
        var s = await desk.SummaryAsync(id, cancellationToken);
        if ((s?.InForce ?? s?.Upcoming) is not { } shown)
        {
            return Refused<GuideResponse>(Refusal.NotFound($"没有编号为 {id} 的公开办事指南。", "未找到办事指南"));
        }

        var v = shown.Version;
        var upcoming = s!.InForce is not null && s.Upcoming is { } next && next.Version.Number != v.Number ? VersionResponse(next) : null;
        return TypedResults.Ok(new GuideResponse(id, s.Guide.ItemName, s.Body?.Code ?? "", s.Body?.Name ?? "", v.Number, v.ApprovedOn, v.EffectiveOn, v.PublishBy, v.PublishedAt,
            shown.Content, upcoming, GuidePageUrl(id)));
    }

    private static GuideVersionResponse VersionResponse(GuideVersionView view) =>
        new(view.Version.GuideId, view.Version.Number, view.Version.ApprovedOn, view.Version.EffectiveOn, view.Version.PublishBy, view.Version.PublishedAt, ClockCode(view.State), view.Content);

    private static string ClockCode(GuideClockState state) => state switch
    {
        GuideClockState.Due => "due",
        GuideClockState.OnTime => "on-time",
        GuideClockState.PublishedLate => "published-late",
        _ => "overdue",
    };

    private static async Task<Results<Created<GuideVersionResponse>, ProblemHttpResult, ValidationProblem>> CreateGuideAsync(
        GuideVersionRequest request, ClaimsPrincipal user, GuideDesk desk, CancellationToken cancellationToken) =>
        (await desk.CreateAsync(user, request.Body, new GuideVersionInput(request.Content, request.ApprovedOn, request.EffectiveOn), cancellationToken))
            .ToResult(v => TypedResults.Created($"/api/v1/guides/{v.Version.GuideId}", VersionResponse(v)));

    private static async Task<Results<Created<GuideVersionResponse>, ProblemHttpResult, ValidationProblem>> ChangeGuideAsync(
        int id, GuideVersionRequest request, ClaimsPrincipal user, GuideDesk desk, CancellationToken cancellationToken) =>
        (await desk.ChangeAsync(user, id, new GuideVersionInput(request.Content, request.ApprovedOn, request.EffectiveOn), cancellationToken))
            .ToResult(v => TypedResults.Created($"/api/v1/guides/{id}", VersionResponse(v)));

    private static async Task<Results<Ok<GuideVersionResponse>, ProblemHttpResult, ValidationProblem>> PublishGuideAsync(
        int id, int number, ClaimsPrincipal user, GuideDesk desk, CancellationToken cancellationToken) =>
        (await desk.PublishAsync(user, id, number, cancellationToken)).ToResult(v => TypedResults.Ok(VersionResponse(v)));

    private static Refusal NoList(int id) => Refusal.NotFound($"没有编号为 {id} 的清单。", "未找到清单");

    private static Results<Ok<T>, ProblemHttpResult, ValidationProblem> Refused<T>(Refusal refusal) where T : notnull
    {
        Outcome<T> refused = refusal;
        return refused.ToResult(TypedResults.Ok);
    }

    internal static string ListPageUrl(int id) => $"/lists/{id}";

    internal static string GuidePageUrl(int id) => $"/guides/{id}";
}
