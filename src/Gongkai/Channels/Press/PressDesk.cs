using System.Globalization;
using System.Security.Claims;
using Gongkai.Channels.Rules;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Publishing.Contracts;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Channels.Press;

/// <summary>A press conference with its body.</summary>
public sealed record PressConferenceView(PressConference Conference, Body? Body)
{
    public PressStage Stage => PressConferenceRules.ParseStage(Conference.Stage);

    public IReadOnlyList<PressSpeaker> Speakers => PressConferenceRules.SpeakerList(Conference.Speakers);

    public string Url => PressPaths.Page(Conference.Id);
}

/// <summary>A document a conference interprets, by 索引号, with its title while it is published.</summary>
public sealed record InterpretedDocument(string IndexNo, string? Title)
{
    public string Url => DocumentSummary.DocumentUrl(IndexNo);
}

/// <summary>
/// The press desk (新闻发布会): an editor of the body prepares a conference (topic, time, place, speakers with the
/// 第一解读人, the published documents it interprets); a reviewer of the body releases the 预告; after it took place the
/// editor completes the record (transcript, photos, video) and marks it held. Every change is checked on the server
/// (permission and body scope) and audited with the change.
/// </summary>
public sealed class PressDesk(
    GongkaiDbContext db, AuditLog audit, BodyScope scope, BodyDirectory directory, RolePermissions permissions, TimeProvider clock, PublishedDocuments documents)
{
    public const int MaxPhotoBytes = 2 * 1024 * 1024;

    /// <summary>Public conferences (announced or held), newest first.</summary>
    public async Task<IReadOnlyList<PressConferenceView>> ListPublicAsync(int take = 200, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<PressConference>().AsNoTracking().Where(c => c.Stage != "draft")
            .OrderByDescending(c => c.StartsAt).Take(take).ToListAsync(cancellationToken);
        return await WithBodiesAsync(rows, cancellationToken);
    }

    /// <summary>Every conference of the bodies the user acts for, drafts included.</summary>
    public async Task<IReadOnlyList<PressConferenceView>> ListForStaffAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var inScope = await scope.BodiesInScopeAsync(user, cancellationToken);
        var query = db.Set<PressConference>().AsNoTracking();
        if (inScope is not null)
        {
            query = query.Where(c => inScope.Contains(c.BodyId));
        }

        return await WithBodiesAsync(await query.OrderByDescending(c => c.StartsAt).ToListAsync(cancellationToken), cancellationToken);
    }

    /// <summary>A conference for the public (never a draft) or for staff of its body.</summary>
    public async Task<Outcome<PressConferenceView>> ViewAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var conference = await db.Set<PressConference>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conference is null || (conference.Stage == "draft" && !await MayActAsync(user, conference.BodyId, ChannelsPermissions.ViewChannels, cancellationToken)))
        {
            return NotFound(id);
        }

        return new PressConferenceView(conference, await directory.FindAsync(conference.BodyId, cancellationToken));
    }

    public async Task<bool> MayActAsync(ClaimsPrincipal user, int bodyId, string permission, CancellationToken cancellationToken = default) =>
        permissions.Grants(user, permission) && await scope.MayActForAsync(user, bodyId, cancellationToken);

    /// <summary>The head of the user's body, proposed as 第一解读人 on a new conference.</summary>
    public async Task<Body?> OwnBodyAsync(ClaimsPrincipal user, string? code, CancellationToken cancellationToken = default) =>
        await directory.NamedOrOwnAsync(user, code, cancellationToken);

    public async Task<Outcome<PressConference>> CreateAsync(ClaimsPrincipal user, string? bodyCode, PressConferenceInput input, IReadOnlyList<string>? indexNos,
        CancellationToken cancellationToken = default)
    {
        if (!permissions.Grants(user, ChannelsPermissions.ManagePress))
        {
            return Refusal.Forbidden("只有信息编辑可以筹备新闻发布会。");
        }

        var body = await directory.NamedOrOwnAsync(user, bodyCode, cancellationToken);
        if (body is null)
        {
            return Refusal.InvalidField("body", string.IsNullOrWhiteSpace(bodyCode) ? "请选择主办单位。" : $"没有代码为“{bodyCode}”的机关。", "主办单位有误");
        }

        if (!await scope.MayActForAsync(user, body.Id, cancellationToken))
        {
            return Refusal.Forbidden($"您不能为{body.Name}筹备新闻发布会。");
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        var conference = new PressConference { BodyId = body.Id, Title = "", CreatedAt = now, CreatedBy = StaffClaims.DisplayNameOf(user), UpdatedAt = now };
        if (await ApplyAsync(conference, input, indexNos, cancellationToken) is { Refusal: { } invalid })
        {
            return invalid;
        }

        db.Set<PressConference>().Add(conference);
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            audit.Record("press.create", Target(conference), conference.Title, body.Id);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return conference;
    }

    /// <summary>Changes a conference at any stage (a held one's record is completed after the event); audited.</summary>
    public async Task<Outcome<PressConference>> UpdateAsync(ClaimsPrincipal user, int id, PressConferenceInput input, IReadOnlyList<string>? indexNos,
        CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ChannelsPermissions.ManagePress, "只有本单位的信息编辑可以修改新闻发布会。", cancellationToken);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }

        var conference = found.Value;
        if (await ApplyAsync(conference, input, indexNos, cancellationToken) is { Refusal: { } invalid })
        {
            return invalid;
        }

        audit.Record("press.update", Target(conference), conference.Title, conference.BodyId);
        return await SaveAsync(conference, cancellationToken);
    }

    private async Task<Outcome> ApplyAsync(PressConference conference, PressConferenceInput input, IReadOnlyList<string>? indexNos, CancellationToken cancellationToken)
    {
        var checkedInput = PressConferenceRules.Check(input);
        if (!checkedInput.Succeeded)
        {
            return checkedInput.Refusal;
        }

        var numbers = (indexNos ?? []).Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        foreach (var number in numbers)
        {
            if (await documents.FindAsync(number, cancellationToken) is not { } published || published.Document.Status != Publishing.Rules.DocumentStatus.Published)
            {
                return Refusal.InvalidField("documents", $"没有索引号为“{number}”的已公开文件。", "被解读文件有误");
            }
        }

        if (string.Join('\n', numbers).Length > 2000)
        {
            return Refusal.InvalidField("documents", "被解读的文件过多（索引号合计不超过 2000 个字符）。", "被解读文件有误");
        }

        var c = checkedInput.Value;
        conference.Title = c.Title;
        conference.Topic = c.Topic;
        conference.Venue = c.Venue;
        conference.StartsAt = c.StartsAt;
        conference.Speakers = PressConferenceRules.SpeakerLines(c.Speakers);
        conference.FirstInterpreter = c.FirstInterpreter;
        conference.Transcript = c.Transcript;
        conference.VideoUrl = c.VideoUrl;
        conference.RelatedIndexNos = string.Join('\n', numbers);
        return Outcome.Done;
    }

    /// <summary>Releases the 预告 (a reviewer of the body): the conference becomes public and enters the feed.</summary>
    public async Task<Outcome<PressConference>> ScheduleAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ChannelsPermissions.ReleasePress, "新闻发布会预告由本单位的审核人员发布。", cancellationToken);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }

        var conference = found.Value;
        if (PressConferenceRules.MaySchedule(PressConferenceRules.ParseStage(conference.Stage)).Refusal is { } notNow)
        {
            return notNow;
        }

        conference.Stage = PressConferenceRules.Code(PressStage.Scheduled);
        conference.ScheduledAt = clock.GetUtcNow().ToUniversalTime();
        conference.ScheduledBy = StaffClaims.DisplayNameOf(user);
        audit.Record("press.schedule", Target(conference), conference.Title, conference.BodyId);
        return await SaveAsync(conference, cancellationToken);
    }

    /// <summary>Records that the conference took place; its transcript must be in.</summary>
    public async Task<Outcome<PressConference>> MarkHeldAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ChannelsPermissions.ManagePress, "只有本单位的信息编辑可以登记发布会举行情况。", cancellationToken);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }

        var conference = found.Value;
        var now = clock.GetUtcNow().ToUniversalTime();
        if (PressConferenceRules.MayMarkHeld(PressConferenceRules.ParseStage(conference.Stage), conference.StartsAt, now, conference.Transcript).Refusal is { } notNow)
        {
            return notNow;
        }

        conference.Stage = PressConferenceRules.Code(PressStage.Held);
        conference.HeldAt = now;
        audit.Record("press.held", Target(conference), conference.Title, conference.BodyId);
        return await SaveAsync(conference, cancellationToken);
    }

    /// <summary>Adds a photo (JPEG or PNG, at most 2 MB) with a caption that serves as its alternative text.</summary>
    public async Task<Outcome<PressConferencePhoto>> AddPhotoAsync(ClaimsPrincipal user, int id, string? caption, byte[] content, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ChannelsPermissions.ManagePress, "只有本单位的信息编辑可以上传发布会图片。", cancellationToken);
        if (!found.Succeeded)
        {
            return found.Refusal;
        }

        var conference = found.Value;
        var text = caption?.Trim() ?? "";
        if (text.Length == 0 || text.Length > 200)
        {
            return Refusal.InvalidField("caption", "请为图片写一句说明（不超过 200 字），读屏软件会读出它。", "图片说明有误");
        }

        var type = ImageType(content);
        if (content.Length == 0 || content.Length > MaxPhotoBytes || type is null)
        {
            return Refusal.InvalidField("photo", "图片应为 JPEG 或 PNG 格式，不超过 2 MB。", "图片有误");
        }

        var photo = new PressConferencePhoto
        {
            ConferenceId = id, Caption = text, ContentType = type, Content = content, CreatedAt = clock.GetUtcNow().ToUniversalTime(), CreatedBy = StaffClaims.DisplayNameOf(user),
        };
        db.Set<PressConferencePhoto>().Add(photo);
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            audit.Record("press.photo.add", Target(conference), $"图片 {photo.Id}：{text}", conference.BodyId);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return photo;
    }

    /// <summary>JPEG or PNG by the file's first bytes (never by its name); null otherwise.</summary>
    public static string? ImageType(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : null;

    /// <summary>A photo of a public conference.</summary>
    public async Task<PressConferencePhoto?> PublicPhotoAsync(int id, int photoId, CancellationToken cancellationToken = default) =>
        await db.Set<PressConferencePhoto>().AsNoTracking()
            .Where(p => p.Id == photoId && p.ConferenceId == id && db.Set<PressConference>().Any(c => c.Id == id && c.Stage != "draft"))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The photos' ids and captions, in order.</summary>
    public async Task<IReadOnlyList<(int Id, string Caption)>> PhotosAsync(int id, CancellationToken cancellationToken = default) =>
        (await db.Set<PressConferencePhoto>().AsNoTracking().Where(p => p.ConferenceId == id).OrderBy(p => p.Id).Select(p => new { p.Id, p.Caption }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, p.Caption)).ToList();

    /// <summary>The documents interpreted, with titles while they are published.</summary>
    public async Task<IReadOnlyList<InterpretedDocument>> DocumentsAsync(PressConference conference, CancellationToken cancellationToken = default)
    {
        var list = new List<InterpretedDocument>();
        foreach (var number in conference.RelatedIndexNos.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var found = await documents.FindAsync(number, cancellationToken);
            list.Add(new InterpretedDocument(number, found?.Document.Status == Publishing.Rules.DocumentStatus.Published ? found.Document.Title : null));
        }

        return list;
    }

    private async Task<IReadOnlyList<PressConferenceView>> WithBodiesAsync(IReadOnlyList<PressConference> rows, CancellationToken cancellationToken)
    {
        var bodies = await directory.LoadAsync(cancellationToken);
        return rows.Select(c => new PressConferenceView(c, bodies.Find(c.BodyId))).ToList();
    }

    private async Task<Outcome<PressConference>> FindForStaffAsync(ClaimsPrincipal user, int id, string permission, string forbidden, CancellationToken cancellationToken)
    {
        var conference = await db.Set<PressConference>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conference is null)
        {
            return NotFound(id);
        }

        return await MayActAsync(user, conference.BodyId, permission, cancellationToken) ? conference : Refusal.Forbidden(forbidden);
    }

    private async Task<Outcome<PressConference>> SaveAsync(PressConference conference, CancellationToken cancellationToken)
    {
        try
        {
            conference.UpdatedAt = clock.GetUtcNow().ToUniversalTime();
            if (conference.Stage != "draft")
            {
                // The public feed changed: the WebSub hub delivers it to the feed's subscribers.
                db.RecordChange(ChannelsChanges.PressConferenceChanged, conference.Id.ToString(CultureInfo.InvariantCulture), conference.BodyId);
            }

            await db.SaveChangesAsync(cancellationToken);
            return conference;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("这场发布会刚刚被其他人修改过，请刷新后再试。");
        }
    }

    private static Refusal NotFound(int id) => Refusal.NotFound($"没有编号为 {id} 的新闻发布会。", "未找到发布会");

    private static string Target(PressConference c) => "press-conference:" + c.Id.ToString(CultureInfo.InvariantCulture);
}
