using System.Globalization;
using Gongkai.Hotline.Rules;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Gongkai.Safeguards;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Hotline;

/// <summary>
/// Typical cases (典型案例): the centre selects a closed ticket and writes it up; publication on the public statistics
/// page runs the safeguards' check over the write-up first and is refused while it finds personal data (a name, a
/// phone number, an ID number, an address …), naming what it found so the writer can remove it. Editing a published
/// case withdraws it until it is checked and published again.
/// </summary>
public sealed class HotlineCases(GongkaiDbContext db, AuditLog audit, SafeguardsService safeguards, TimeProvider clock)
{
    public async Task<IReadOnlyList<(HotlineTypicalCase Case, string Number)>> AllAsync(CancellationToken cancellationToken = default) =>
        (await db.Set<HotlineTypicalCase>().AsNoTracking()
            .Join(db.Set<HotlineTicket>(), c => c.TicketId, t => t.Id, (c, t) => new { Case = c, t.Number })
            .OrderByDescending(x => x.Case.Month).ThenByDescending(x => x.Case.SelectedAt).ToListAsync(cancellationToken))
        .Select(x => (x.Case, x.Number)).ToList();

    public async Task<HotlineTypicalCase?> ForTicketAsync(int ticketId, CancellationToken cancellationToken = default) =>
        await db.Set<HotlineTypicalCase>().AsNoTracking().SingleOrDefaultAsync(c => c.TicketId == ticketId, cancellationToken);

    /// <summary>Published cases of one month ("yyyy-MM"), for the public statistics page.</summary>
    public async Task<IReadOnlyList<HotlineTypicalCase>> PublishedAsync(string month, CancellationToken cancellationToken = default) =>
        await db.Set<HotlineTypicalCase>().AsNoTracking().Where(c => c.Month == month && c.PublishedAt != null)
            .OrderBy(c => c.PublishedAt).ToListAsync(cancellationToken);

    /// <summary>Selects a closed ticket as a typical case, or rewrites its case (which withdraws it from the public page).</summary>
    public async Task<Outcome<HotlineTypicalCase>> SelectAsync(HotlineTicket ticket, string? title, string? text, string actor, CancellationToken cancellationToken = default)
    {
        var status = TicketVocabulary.ParseStatus(ticket.Status);
        if (status is not (TicketStatus.Replied or TicketStatus.Evaluated or TicketStatus.AnsweredDirectly))
        {
            return Refusal.Conflict("只有已办结（或直接答复）的工单可以选为典型案例。", "不能选为典型案例");
        }

        title = title?.Trim() ?? "";
        text = text?.Trim() ?? "";
        var errors = new Dictionary<string, string[]>();
        if (title.Length is 0 or > 200)
        {
            errors["caseTitle"] = ["案例标题为 1 到 200 个字。"];
        }

        if (text.Length is 0 or > 4000)
        {
            errors["caseText"] = ["案例内容为 1 到 4000 个字。"];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors, "典型案例有误");
        }

        var row = await db.Set<HotlineTypicalCase>().SingleOrDefaultAsync(c => c.TicketId == ticket.Id, cancellationToken);
        var now = clock.GetUtcNow().ToUniversalTime();
        if (row is null)
        {
            row = new HotlineTypicalCase
            {
                TicketId = ticket.Id, Title = title, Text = text, SelectedBy = actor,
                Month = ChinaTime.DateOf(ticket.ReceivedAt).ToString("yyyy-MM", CultureInfo.InvariantCulture),
            };
            db.Set<HotlineTypicalCase>().Add(row);
        }

        row.Title = title;
        row.Text = text;
        row.SelectedAt = now;
        row.SelectedBy = actor;
        row.PublishedAt = null;
        row.PublishedBy = "";
        audit.Record("hotline.case-selected", ticket.Number, title, ticket.BodyId, actor);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    /// <summary>Publishes a case once the safeguards' check finds no personal data in its title and text.</summary>
    public async Task<Outcome<HotlineTypicalCase>> PublishAsync(int id, string actor, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<HotlineTypicalCase>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (row is null)
        {
            return Refusal.NotFound("没有这个典型案例。");
        }

        var check = await safeguards.CheckAsync(row.Title + "\n" + row.Text, null, cancellationToken);
        var personal = check.Findings.Where(f => f.Kind.IsPersonal()).ToList();
        if (personal.Count > 0)
        {
            var found = string.Join("、", personal.GroupBy(f => f.Kind).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key.DisplayName()}{g.Count()}处")));
            audit.Record("hotline.case-blocked", string.Create(CultureInfo.InvariantCulture, $"hotline-case/{row.Id}"), found, actorName: actor);
            await db.SaveChangesAsync(cancellationToken);
            return Refusal.Conflict($"安全检查发现个人信息：{found}。请删去后再发布（建议写法：{check.Masked}）", "未通过安全检查");
        }

        row.PublishedAt = clock.GetUtcNow().ToUniversalTime();
        row.PublishedBy = actor;
        audit.Record("hotline.case-published", string.Create(CultureInfo.InvariantCulture, $"hotline-case/{row.Id}"), row.Title, actorName: actor);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    public async Task<Outcome<HotlineTypicalCase>> WithdrawAsync(int id, string actor, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<HotlineTypicalCase>().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (row is null)
        {
            return Refusal.NotFound("没有这个典型案例。");
        }

        row.PublishedAt = null;
        row.PublishedBy = "";
        audit.Record("hotline.case-withdrawn", string.Create(CultureInfo.InvariantCulture, $"hotline-case/{row.Id}"), row.Title, actorName: actor);
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }
}
