using System.Globalization;
using System.Security.Claims;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Gongkai.Channels.Rules;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Channels.Press;

/// <summary>Addresses of the 新闻发布会 pages.</summary>
public static class PressPaths
{
    public const string Public = "/press";

    public const string Feed = "/feeds/press.xml";

    public const string Console = "/admin/channels/press";

    public static string Page(int id) => Public + "/" + id.ToString(CultureInfo.InvariantCulture);

    public static string Photo(int id, int photoId) => Page(id) + "/photos/" + photoId.ToString(CultureInfo.InvariantCulture);

    public static string Edit(int id) => Console + "/" + id.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The body of <c>POST /api/v1/press-conferences</c> and <c>PUT /api/v1/press-conferences/{id}</c>; speakers as
/// “姓名 职务”, documents by 索引号.</summary>
public sealed record PressConferenceRequest(string? Body, string? Title, string? Topic, string? Venue, DateTimeOffset? StartsAt, IReadOnlyList<string>? Speakers,
    string? FirstInterpreter, string? Transcript, string? VideoUrl, IReadOnlyList<string>? Documents);

/// <summary>A conference's id and stage after a step.</summary>
public sealed record PressConferenceStatus(int Id, string Status);

/// <summary>A speaker in the API.</summary>
public sealed record PressSpeakerResponse(string Name, string Post, bool FirstInterpreter);

/// <summary>A document the conference interprets.</summary>
public sealed record InterpretedDocumentResponse(string IndexNo, string? Title, string Url);

/// <summary>A photo of the conference.</summary>
public sealed record PressPhotoResponse(int Id, string Caption, string Url);

/// <summary>A press conference in the API.</summary>
public sealed record PressConferenceResponse(int Id, string Title, string Status, string StatusName, string Body, string BodyName, string Topic, string Venue,
    DateTimeOffset StartsAt, IReadOnlyList<PressSpeakerResponse> Speakers, string FirstInterpreter, string Transcript, string? VideoUrl, string Url,
    IReadOnlyList<PressPhotoResponse> Photos, IReadOnlyList<InterpretedDocumentResponse> Documents);

/// <summary>A press conference in a list.</summary>
public sealed record PressConferenceListItem(int Id, string Title, string Status, string Body, DateTimeOffset StartsAt, string FirstInterpreter, string Url);

/// <summary>新闻发布会 (issue 20, work plan 七): the desk, its API, the public photos and the Atom feed.</summary>
internal static class PressModule
{
    public static WebApplicationBuilder AddPress(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PressDesk>();
        builder.Services.AddScoped<PressFeedTopic>();
        builder.Services.AddScoped<WebSub.IChannelTopic>(services => services.GetRequiredService<PressFeedTopic>());
        builder.Services.AddScoped<Platform.Data.IStartupSeeder, Demo.DemoPressSeeder>();
        return builder;
    }

    public static WebApplication MapPress(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/press-conferences").WithTags("新闻发布会");
        api.MapGet("/", ListAsync).WithSummary("新闻发布会列表（预告和已举行的）").AllowAnonymous();
        api.MapPost("/", CreateAsync).WithSummary("筹备新闻发布会（主题、时间、发布人和第一解读人、被解读文件）").RequireAuthorization(ChannelsPermissions.ManagePress);
        api.MapGet("/{id:int}", GetAsync).WithSummary("一场新闻发布会：发布人、文字实录、图片、视频和被解读文件").AllowAnonymous();
        api.MapPut("/{id:int}", UpdateAsync).WithSummary("修改新闻发布会（含举行后补充实录和视频）").RequireAuthorization(ChannelsPermissions.ManagePress);
        api.MapPost("/{id:int}/schedule", ScheduleAsync).WithSummary("审核并发布新闻发布会预告").RequireAuthorization(ChannelsPermissions.ReleasePress);
        api.MapPost("/{id:int}/held", HeldAsync).WithSummary("登记新闻发布会已举行（须有文字实录）").RequireAuthorization(ChannelsPermissions.ManagePress);
        app.MapGet("/press/{id:int}/photos/{photoId:int}", PhotoAsync).WithSummary("新闻发布会图片").WithTags("新闻发布会").AllowAnonymous();
        app.MapGet(PressPaths.Feed, FeedAsync).WithSummary("新闻发布会（Atom）").WithTags("订阅").AllowAnonymous();
        return app;
    }

    private static async Task<Ok<IReadOnlyList<PressConferenceListItem>>> ListAsync(PressDesk desk, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<PressConferenceListItem>>((await desk.ListPublicAsync(cancellationToken: cancellationToken)).Select(v => new PressConferenceListItem(
            v.Conference.Id, v.Conference.Title, v.Conference.Stage, v.Body?.Code ?? "", v.Conference.StartsAt, v.Conference.FirstInterpreter, v.Url)).ToList());

    private static PressConferenceInput Input(PressConferenceRequest r) =>
        new(r.Title, r.Topic, r.Venue, r.StartsAt, r.Speakers is null ? null : string.Join('\n', r.Speakers), r.FirstInterpreter, r.Transcript, r.VideoUrl);

    private static async Task<Results<Created<PressConferenceStatus>, ProblemHttpResult, ValidationProblem>> CreateAsync(
        PressConferenceRequest request, ClaimsPrincipal user, PressDesk desk, CancellationToken cancellationToken) =>
        (await desk.CreateAsync(user, request.Body, Input(request), request.Documents, cancellationToken))
            .ToResult(c => TypedResults.Created($"/api/v1/press-conferences/{c.Id}", new PressConferenceStatus(c.Id, c.Stage)));

    private static async Task<Results<Ok<PressConferenceStatus>, ProblemHttpResult, ValidationProblem>> UpdateAsync(
        int id, PressConferenceRequest request, ClaimsPrincipal user, PressDesk desk, CancellationToken cancellationToken) =>
        (await desk.UpdateAsync(user, id, Input(request), request.Documents, cancellationToken)).ToResult(c => TypedResults.Ok(new PressConferenceStatus(c.Id, c.Stage)));

    private static async Task<Results<Ok<PressConferenceStatus>, ProblemHttpResult, ValidationProblem>> ScheduleAsync(int id, ClaimsPrincipal user, PressDesk desk, CancellationToken cancellationToken) =>
        (await desk.ScheduleAsync(user, id, cancellationToken)).ToResult(c => TypedResults.Ok(new PressConferenceStatus(c.Id, c.Stage)));

    private static async Task<Results<Ok<PressConferenceStatus>, ProblemHttpResult, ValidationProblem>> HeldAsync(int id, ClaimsPrincipal user, PressDesk desk, CancellationToken cancellationToken) =>
        (await desk.MarkHeldAsync(user, id, cancellationToken)).ToResult(c => TypedResults.Ok(new PressConferenceStatus(c.Id, c.Stage)));

    private static async Task<Results<Ok<PressConferenceResponse>, ProblemHttpResult, ValidationProblem>> GetAsync(int id, ClaimsPrincipal user, PressDesk desk, CancellationToken cancellationToken) =>
        await (await desk.ViewAsync(user, id, cancellationToken)).ToResultAsync(async view =>
        {
            var c = view.Conference;
            var photos = (await desk.PhotosAsync(id, cancellationToken)).Select(p => new PressPhotoResponse(p.Id, p.Caption, PressPaths.Photo(id, p.Id))).ToList();
            var documents = (await desk.DocumentsAsync(c, cancellationToken)).Select(d => new InterpretedDocumentResponse(d.IndexNo, d.Title, d.Url)).ToList();
            return TypedResults.Ok(new PressConferenceResponse(c.Id, c.Title, c.Stage, PressConferenceRules.ChineseName(view.Stage), view.Body?.Code ?? "", view.Body?.Name ?? "",
                c.Topic, c.Venue, c.StartsAt, view.Speakers.Select(s => new PressSpeakerResponse(s.Name, s.Post, s.Name == c.FirstInterpreter)).ToList(), c.FirstInterpreter,
                c.Transcript, c.VideoUrl, view.Url, photos, documents));
        });

    private static async Task<Results<FileContentHttpResult, NotFound>> PhotoAsync(int id, int photoId, PressDesk desk, CancellationToken cancellationToken) =>
        await desk.PublicPhotoAsync(id, photoId, cancellationToken) is { } photo ? TypedResults.File(photo.Content, photo.ContentType) : TypedResults.NotFound();

    /// <summary>The public conferences as Atom, newest first: an announced one with its time and speakers, a held one
    /// updated when it was marked held.</summary>
    private static async Task<IResult> FeedAsync(HttpContext http, PressFeedTopic feed, Publishing.Contracts.IFeedHub hub, CancellationToken cancellationToken)
    {
        var origin = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
        if (hub.HubUrl(origin) is { } hubUrl)
        {
            // WebSub §4: discovery through the Link header as well as the feed's own links.
            http.Response.Headers.Append("Link", $"<{hubUrl.AbsoluteUri}>; rel=\"hub\", <{new Uri(origin, PressPaths.Feed).AbsoluteUri}>; rel=\"self\"");
        }

        var content = await feed.RenderAsync(origin, cancellationToken);
        return TypedResults.Text(content.Body, content.ContentType);
    }

    /// <summary>The feed; <paramref name="hub"/> is announced beside the self link (<c>rel="hub"</c>) when a hub runs.</summary>
    public static string Atom(IReadOnlyList<PressConferenceView> rows, Uri site, string siteName, Uri? hub = null)
    {
        var self = new Uri(site, PressPaths.Feed);
        var feed = new SyndicationFeed($"{siteName}新闻发布会", $"{siteName}新闻发布会预告和实录", new Uri(site, PressPaths.Public))
        {
            Id = self.AbsoluteUri,
            LastUpdatedTime = rows.Count == 0 ? DateTimeOffset.UnixEpoch : rows.Max(Updated),
            Language = "zh-CN",
        };
        feed.Links.Add(new SyndicationLink(self, "self", feed.Title.Text, "application/atom+xml", 0));
        if (hub is not null)
        {
            feed.Links.Add(new SyndicationLink(hub) { RelationshipType = "hub" });
        }

        feed.Authors.Add(new SyndicationPerson { Name = siteName });
        feed.Items = rows.Select(view =>
        {
            var c = view.Conference;
            var link = new Uri(site, view.Url);
            var when = ChinaTimeText(c.StartsAt);
            var summary = view.Stage == PressStage.Held
                ? $"{when}举行。第一解读人：{c.FirstInterpreter}。{c.Topic}"
                : $"预告：{when}{(c.Venue.Length > 0 ? "在" + c.Venue : "")}举行。发布人：{string.Join("、", view.Speakers)}。{c.Topic}";
            var item = new SyndicationItem(c.Title, summary, link, link.AbsoluteUri, Updated(view))
            {
                PublishDate = c.ScheduledAt ?? c.CreatedAt,
                Summary = new TextSyndicationContent(summary),
            };
            item.Authors.Add(new SyndicationPerson { Name = view.Body?.Name ?? siteName });
            item.Categories.Add(new SyndicationCategory(PressConferenceRules.ChineseName(view.Stage)));
            return item;
        }).ToList();

        var output = new StringBuilder();
        using (var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = Encoding.UTF8, Indent = false }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        return output.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static DateTimeOffset Updated(PressConferenceView view) => view.Conference.HeldAt ?? view.Conference.ScheduledAt ?? view.Conference.CreatedAt;

    public static string ChinaTimeText(DateTimeOffset at) =>
        Platform.Time.ChinaTime.ToChina(at).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>The press conference feed as a WebSub topic: changed whenever a public conference is announced, changed or
/// marked held, and delivered to its subscribers like the document feeds.</summary>
internal sealed class PressFeedTopic(PressDesk desk, SiteContext site, Publishing.Contracts.IFeedHub hub) : WebSub.IChannelTopic
{
    /// <summary>The feed lists the latest conferences, newest first.</summary>
    public const int Entries = 50;

    public string Path => PressPaths.Feed;

    public bool ChangedBy(Platform.Data.ChangeKind kind) => kind == ChannelsChanges.PressConferenceChanged;

    public async Task<Publishing.Contracts.FeedContent> RenderAsync(Uri origin, CancellationToken cancellationToken)
    {
        var rows = await desk.ListPublicAsync(Entries, cancellationToken);
        return new Publishing.Contracts.FeedContent(Publishing.Contracts.FeedTopics.AtomType, PressModule.Atom(rows, origin, site.Site.Name, hub.HubUrl(origin)));
    }
}
