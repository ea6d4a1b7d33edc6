using System.Security.Claims;
using Gongkai.Organizations;
using Gongkai.Oversight.Rules;
using Gongkai.Platform.Data;
using Gongkai.Platform.Inspection;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Gongkai.Publishing.Contracts;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Oversight;

/// <summary>A body's (or the whole site's) inspection: which body, the columns with their paths, and the result.</summary>
public sealed record SiteInspectionReport(Body? Body, IReadOnlyDictionary<int, ColumnActivity> Columns, InspectionResult Result);

/// <summary>A body's inspection as at the last day of a past month, for the monthly report; <see cref="GeneratedAt"/>
/// is when it was computed (China time, to the minute).</summary>
public sealed record MonthlyInspection(Body Body, int Year, int Month, DateOnly LastDay, string GeneratedAt, SiteInspectionReport Report);

/// <summary>
/// The website self-inspection (网站自查), computed from the inside on every request: the columns of the bodies in
/// scope through <see cref="PublishedColumns"/>, read by <see cref="ColumnFreshness"/> against today's China date.
/// </summary>
public sealed class SiteInspection(
    GongkaiDbContext db, PublishedColumns columns, PublishedLinkHealth links, BodyDirectory directory, BodyScope scope, TimeProvider clock,
    IEnumerable<IInteractionCensus> interactions, IEnumerable<IServiceGuideCensus> guideCensuses)
{
    public DateOnly Today => ChinaTime.Today(clock);

    /// <summary>One body's inspection (by code), or the whole site's when <paramref name="bodyCode"/> is empty —
    /// limited to the bodies the user may act for.</summary>
    public async Task<Outcome<SiteInspectionReport>> InspectAsync(ClaimsPrincipal user, string? bodyCode, CancellationToken cancellationToken = default)
    {
        Body? body = null;
        IReadOnlyCollection<int>? bodies = await scope.BodiesInScopeAsync(user, cancellationToken);
        if (!string.IsNullOrWhiteSpace(bodyCode))
        {
            body = await directory.FindByCodeAsync(bodyCode.Trim(), cancellationToken);
            if (body is null)
            {
                return Refusal.InvalidField("body", $"没有代码为“{bodyCode}”的机关。", "机关有误");
            }

            if (!await scope.MayActForAsync(user, body.Id, cancellationToken))
            {
                return Refusal.Forbidden($"您不能查看{body.Name}的自查结果。");
            }

            bodies = [body.Id];
        }

        return await InspectOnAsync(body, bodies, Today, null, cancellationToken);
    }

    /// <summary>A body's inspection as at the end of a past month (the monthly report): columns count only what was
    /// published before the month ended, availability reads the month's probes, and messages are those received within
    /// the year before the month's end and older than 3 months then; broken links, answers and guides are as they are
    /// now (those records keep no history — the report says so).</summary>
    public async Task<Outcome<MonthlyInspection>> MonthAsync(ClaimsPrincipal user, string bodyCode, int year, int month, CancellationToken cancellationToken = default)
    {
        if (year < 2000 || year > 9998 || month is < 1 or > 12 || new DateOnly(year, month, 1).AddMonths(1) > Today)
        {
            return Refusal.InvalidField("month", "只能生成已经结束的月份（2000 年以后）的月度报告。", "月份有误");
        }

        var body = await directory.FindByCodeAsync(bodyCode.Trim(), cancellationToken);
        if (body is null || !await scope.MayActForAsync(user, body.Id, cancellationToken))
        {
            return Refusal.NotFound($"没有代码为“{bodyCode}”的机关，或您不能查看它的自查结果。", "未找到机关");
        }

        var lastDay = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
        var report = await InspectOnAsync(body, [body.Id], lastDay, ChinaTime.StartOfDay(lastDay.AddDays(1)), cancellationToken);
        return new MonthlyInspection(body, year, month, lastDay, ChinaTime.FormatMinutes(clock.GetUtcNow()), report);
    }

    /// <summary>The inspection on <paramref name="day"/>; <paramref name="asOf"/> (the end of that day) limits columns to
    /// what was published before it, null for now.</summary>
    private async Task<SiteInspectionReport> InspectOnAsync(Body? body, IReadOnlyCollection<int>? bodies, DateOnly day, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        var activity = await columns.ActivityAsOfAsync(bodies, asOf, cancellationToken);
        var broken = await links.BrokenLinksAsync(bodies, cancellationToken);
        var result = ColumnFreshness.Inspect(
            activity.Select(a => new ColumnFacts(a.Id, a.Name, a.UpdateFrequency, a.PublishedCount, a.LastPublishedAt)), day, ChinaTime.DateOf, broken,
            await UnansweredAsync(bodies, day, cancellationToken), await GuideGapsAsync(bodies, cancellationToken));
        return new SiteInspectionReport(body, activity.ToDictionary(a => a.Id),
            await WithAvailabilityAsync(result, day, asOf is null ? day : day.AddDays(1), cancellationToken));
    }

    /// <summary>The site's availability (every node's probes; the site is one, whichever body is inspected): the share
    /// of <paramref name="monthDay"/>'s month and the veto of the seven days before <paramref name="weekEnd"/>.</summary>
    private async Task<InspectionResult> WithAvailabilityAsync(InspectionResult result, DateOnly monthDay, DateOnly weekEnd, CancellationToken cancellationToken)
    {
        var monthStart = new DateOnly(monthDay.Year, monthDay.Month, 1);
        var weekStart = weekEnd.AddDays(-AvailabilityRule.WeekDays);
        var first = monthStart < weekStart ? monthStart : weekStart;
        var last = monthStart.AddMonths(1) > weekEnd ? monthStart.AddMonths(1) : weekEnd;
        var from = ChinaTime.StartOfDay(first);
        var until = ChinaTime.StartOfDay(last);
        var probes = (await db.Set<AvailabilityProbe>().AsNoTracking().Where(p => p.At >= from && p.At < until)
            .Select(p => new { p.At, p.Loaded, p.Milliseconds }).ToListAsync(cancellationToken))
            .Select(p => new ProbeFacts(p.At, p.Loaded, p.Milliseconds)).ToList();
        var veto = AvailabilityRule.WeekVeto(probes, weekEnd, ChinaTime.DateOf, out var measured);
        return result with
        {
            Vetoes = veto is null ? result.Vetoes : [.. result.Vetoes, veto],
            Availability = AvailabilityRule.Month(probes, monthDay, ChinaTime.DateOf),
            AvailabilityMeasured = measured,
        };
    }

    /// <summary>Every module's census of messages received within the past year and unanswered for over 3 months.</summary>
    private async Task<IReadOnlyList<UnansweredChannel>> UnansweredAsync(IReadOnlyCollection<int>? bodies, DateOnly day, CancellationToken cancellationToken)
    {
        var (from, before) = ColumnFreshness.UnansweredWindow(day);
        var names = await BodyNamesAsync(cancellationToken);
        var result = new List<UnansweredChannel>();
        foreach (var census in interactions)
        {
            var counts = await census.UnansweredAsync(bodies, ChinaTime.StartOfDay(from), ChinaTime.StartOfDay(before), cancellationToken);
            result.AddRange(counts.Select(c => new UnansweredChannel(names.GetValueOrDefault(c.BodyId, ""), c.Channel, c.Count, ChinaTime.DateOf(c.OldestReceivedAt))));
        }

        return result;
    }

    private async Task<IReadOnlyList<GuideGap>> GuideGapsAsync(IReadOnlyCollection<int>? bodies, CancellationToken cancellationToken)
    {
        var names = await BodyNamesAsync(cancellationToken);
        var result = new List<GuideGap>();
        foreach (var census in guideCensuses)
        {
            result.AddRange((await census.IncompleteAsync(bodies, cancellationToken)).Select(g => new GuideGap(names.GetValueOrDefault(g.BodyId, ""), g.ItemName, g.Missing)));
        }

        return result;
    }

    private Dictionary<int, string>? _names;

    private async Task<Dictionary<int, string>> BodyNamesAsync(CancellationToken cancellationToken) =>
        _names ??= (await directory.LoadAsync(cancellationToken)).All.ToDictionary(b => b.Id, b => b.Name);
}
