using System.Globalization;
using System.Security.Claims;
using Gongkai.Organizations;
using Gongkai.Oversight.Rules;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Notifications;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Gongkai.Publishing.Contracts;
using Gongkai.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Oversight;

/// <summary>A body's 每日读网 as of today: the rota, today's reader, today's reading (null until started), how many
/// publications wait for the next reading, and the record of earlier readings.</summary>
public sealed record ReadingDay(
    Body Body, DateOnly Today, ReadingRotaEntry? Rota, string? ReaderToday, DailyReading? Reading, int Waiting, IReadOnlyList<ReadingRecord> History);

/// <summary>One earlier reading in the record: who, when, how many items, how many problems, whether it was finished.</summary>
public sealed record ReadingRecord(DateOnly ReadOn, string Reader, int Items, int Problems, DateTimeOffset? CompletedAt);

/// <summary>
/// 每日读网: the body's admin sets a rota; the reader of the day starts the day's reading, which lists what the body
/// published since the previous reading (through Publishing's <see cref="RecentPublications"/>), and marks each item
/// read or raises a problem — which is sent to the publisher (the document's submitter, else the body's editors).
/// Every reading and mark is kept, and audited.
/// </summary>
public sealed class DailyReadingDesk(
    GongkaiDbContext db, AuditLog audit, BodyScope scope, BodyDirectory directory, RolePermissions permissions, RecentPublications publications,
    INotifier notifier, UserManager<StaffUser> users, TimeProvider clock)
{
    public const int HistoryLength = 30;
    public const string ProblemNotificationKind = "oversight.reading-problem";

    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<Outcome<ReadingDay>> DayAsync(ClaimsPrincipal user, string? bodyCode, CancellationToken cancellationToken = default)
    {
        var found = await BodyAsync(user, bodyCode, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var body = found.Value!;
        var today = Today;
        var rota = await db.Set<ReadingRotaEntry>().AsNoTracking().SingleOrDefaultAsync(r => r.BodyId == body.Id, cancellationToken);
        var reading = await db.Set<DailyReading>().AsNoTracking().Include(r => r.Items)
            .SingleOrDefaultAsync(r => r.BodyId == body.Id && r.ReadOn == today, cancellationToken);
        var since = await SinceAsync(body.Id, cancellationToken);
        var waiting = (await publications.BetweenAsync(body.Id, since, clock.GetUtcNow(), cancellationToken)).Count;
        var history = await db.Set<DailyReading>().AsNoTracking()
            .Where(r => r.BodyId == body.Id && r.ReadOn < today)
            .OrderByDescending(r => r.ReadOn).Take(HistoryLength)
            .Select(r => new ReadingRecord(r.ReadOn, r.Reader, r.Items.Count, r.Items.Count(i => i.Outcome == "problem"), r.CompletedAt))
            .ToListAsync(cancellationToken);
        return new ReadingDay(body, today, rota, rota is null ? null : ReadingRota.ReaderOn(today, rota.StartsOn, rota.ReaderList), reading, waiting, history);
    }

    /// <summary>Sets the body's rota (its admins): readers in order, each a staff account of the body, from <paramref name="startsOn"/> (today when null).</summary>
    public async Task<Outcome> SetRotaAsync(ClaimsPrincipal user, string? bodyCode, string? readersText, DateOnly? startsOn, CancellationToken cancellationToken = default)
    {
        if (!permissions.Grants(user, OversightPermissions.ManageReadingRota))
        {
            return Refusal.Forbidden("只有单位管理员可以安排读网值班。");
        }

        var found = await BodyAsync(user, bodyCode, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var body = found.Value!;
        var (rota, problem) = ReadingRota.Parse(readersText);
        if (rota is null)
        {
            return Refusal.InvalidField("readers", problem ?? "读网人员有误。", "读网值班有误");
        }

        var names = rota.Readers.ToList();
        var unknown = new List<string>();
        foreach (var name in names)
        {
            if (await users.FindByNameAsync(name) is not { } account || account.BodyId != body.Id)
            {
                unknown.Add(name);
            }
        }

        if (unknown.Count > 0)
        {
            return Refusal.InvalidField("readers", $"不是{body.Name}的工作人员账号：{string.Join("、", unknown)}。", "读网值班有误");
        }

        var entry = await db.Set<ReadingRotaEntry>().SingleOrDefaultAsync(r => r.BodyId == body.Id, cancellationToken);
        if (entry is null)
        {
            entry = new ReadingRotaEntry { BodyId = body.Id };
            db.Add(entry);
        }

        entry.Readers = string.Join('\n', names);
        entry.StartsOn = startsOn ?? Today;
        entry.UpdatedAt = clock.GetUtcNow();
        entry.UpdatedBy = user.Identity?.Name ?? "";
        audit.Record("reading.rota-set", $"body:{body.Code}", string.Create(CultureInfo.InvariantCulture,
            $"读网值班自{entry.StartsOn:yyyy-MM-dd}起：{string.Join("、", names)}"), body.Id);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>Starts today's reading: the reader of the day (or a body admin standing in) takes what the body
    /// published since the previous reading ended. Starting twice returns the reading already started.</summary>
    public async Task<Outcome<DailyReading>> StartAsync(ClaimsPrincipal user, string? bodyCode, CancellationToken cancellationToken = default)
    {
        var day = await DayAsync(user, bodyCode, cancellationToken);
        if (day.Refusal is { } refusal)
        {
            return refusal;
        }

        var (body, today, reader, existing) = (day.Value!.Body, day.Value.Today, day.Value.ReaderToday, day.Value.Reading);
        if (existing is not null)
        {
            return existing;
        }

        var name = user.Identity?.Name ?? "";
        var standIn = permissions.Grants(user, OversightPermissions.ManageReadingRota);
        if (!permissions.Grants(user, OversightPermissions.ReadSite) || (!string.Equals(reader, name, StringComparison.Ordinal) && !standIn))
        {
            return Refusal.Forbidden(reader is null ? "本单位尚未安排读网值班，请单位管理员先安排。" : $"今天的读网人员是 {reader}。");
        }

        var now = clock.GetUtcNow();
        var since = await SinceAsync(body.Id, cancellationToken);
        var items = await publications.BetweenAsync(body.Id, since, now, cancellationToken);
        var reading = new DailyReading
        {
            BodyId = body.Id, ReadOn = today, Reader = name, Since = since, Until = now, CompletedAt = items.Count == 0 ? now : null,
            Items = items.Select(p => new DailyReadingItem
            {
                DocumentId = p.DocumentId, IndexNo = p.IndexNo, Title = p.Title, PublishedAt = p.PublishedAt.ToUniversalTime(), Publisher = p.SubmittedBy ?? "",
            }).ToList(),
        };
        db.Add(reading);
        audit.Record("reading.started", $"body:{body.Code}", string.Create(CultureInfo.InvariantCulture,
            $"{today:yyyy-MM-dd} 读网：{items.Count} 条新发布内容（{ChinaTime.Format(since)} 之后）"), body.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return Refusal.Conflict("今天的读网已由他人开始，请刷新页面。");
        }

        return reading;
    }

    /// <summary>Marks one item read, or raises a problem with it (sent to its publisher). Only the reading's reader or
    /// a body admin; an item is marked once.</summary>
    public async Task<Outcome> MarkAsync(ClaimsPrincipal user, int itemId, bool problem, string? problemText, CancellationToken cancellationToken = default)
    {
        var item = await db.Set<DailyReadingItem>().SingleOrDefaultAsync(i => i.Id == itemId, cancellationToken);
        var reading = item is null ? null : await db.Set<DailyReading>().Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == item.ReadingId, cancellationToken);
        if (item is null || reading is null || !await scope.MayActForAsync(user, reading.BodyId, cancellationToken))
        {
            return Refusal.NotFound("没有这条读网内容。");
        }

        var name = user.Identity?.Name ?? "";
        if (!string.Equals(reading.Reader, name, StringComparison.Ordinal) && !permissions.Grants(user, OversightPermissions.ManageReadingRota))
        {
            return Refusal.Forbidden($"这次读网由 {reading.Reader} 负责。");
        }

        if (item.Outcome is not null)
        {
            return Refusal.Conflict($"“{item.Title}”已标记过。");
        }

        var now = clock.GetUtcNow();
        if (problem)
        {
            if (ReadingRota.CheckProblem(problemText) is { } why)
            {
                return Refusal.InvalidField("problem", why, "问题说明有误");
            }

            item.Outcome = "problem";
            item.Problem = (problemText ?? "").Trim();
            await notifier.NotifyAsync(new Notification(
                await PublisherAsync(item.Publisher, reading.BodyId, cancellationToken),
                $"读网发现问题：{item.Title}",
                $"{name}在{reading.ReadOn:yyyy年M月d日}的每日读网中发现“{item.Title}”（索引号 {item.IndexNo}）有问题：\n{item.Problem}\n请核实并更正：/admin/documents/{item.DocumentId}",
                ProblemNotificationKind), cancellationToken);
            audit.Record("reading.problem-raised", $"document:{(item.IndexNo.Length > 0 ? item.IndexNo : item.DocumentId)}", item.Problem, reading.BodyId);
        }
        else
        {
            item.Outcome = "read";
            audit.Record("reading.item-read", $"document:{(item.IndexNo.Length > 0 ? item.IndexNo : item.DocumentId)}", $"{reading.ReadOn:yyyy-MM-dd} 已读", reading.BodyId);
        }

        item.MarkedAt = now;
        if (reading.Items.All(i => i.Outcome is not null))
        {
            reading.CompletedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>The document's submitter when the account still exists, else the body's editors.</summary>
    private async Task<IReadOnlyList<string>> PublisherAsync(string submittedBy, int bodyId, CancellationToken cancellationToken)
    {
        if (submittedBy.Length > 0 && await users.FindByNameAsync(submittedBy) is { } submitter)
        {
            return [submitter.Id];
        }

        return (await users.GetUsersInRoleAsync(StaffRoles.Editor)).Where(u => u.BodyId == bodyId).Select(u => u.Id).ToList();
    }

    private async Task<DateTimeOffset> SinceAsync(int bodyId, CancellationToken cancellationToken)
    {
        var previous = await db.Set<DailyReading>().AsNoTracking().Where(r => r.BodyId == bodyId)
            .OrderByDescending(r => r.ReadOn).Select(r => (DateTimeOffset?)r.Until).FirstOrDefaultAsync(cancellationToken);
        return ReadingRota.Since(previous, ChinaTime.StartOfDay(Today.AddDays(-1)));
    }

    private async Task<Outcome<Body>> BodyAsync(ClaimsPrincipal user, string? bodyCode, CancellationToken cancellationToken)
    {
        var body = await directory.NamedOrOwnAsync(user, bodyCode, cancellationToken);
        if (body is null)
        {
            return Refusal.InvalidField("body", $"没有代码为“{bodyCode}”的机关。", "机关有误");
        }

        return await scope.MayActForAsync(user, body.Id, cancellationToken) ? body : Refusal.Forbidden($"您不能查看{body.Name}的读网记录。");
    }
}
