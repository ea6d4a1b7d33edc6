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

        var activity = await columns.ActivityAsync(bodies, cancellationToken);
        var broken = await links.BrokenLinksAsync(bodies, cancellationToken);
        var result = ColumnFreshness.Inspect(
            activity.Select(a => new ColumnFacts(a.Id, a.Name, a.UpdateFrequency, a.PublishedCount, a.LastPublishedAt)), Today, ChinaTime.DateOf, broken,
            await UnansweredAsync(bodies, cancellationToken), await GuideGapsAsync(bodies, cancellationToken));
        return new SiteInspectionReport(body, activity.ToDictionary(a => a.Id), await WithAvailabilityAsync(result, cancellationToken));
    }

    /// <summary>The site's availability (every node's probes; the site is one, whichever body is inspected): this
    /// month's share and the past week's veto.</summary>
    private async Task<InspectionResult> WithAvailabilityAsync(InspectionResult result, CancellationToken cancellationToken)
    {
        var today = Today;
        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var first = monthStart < today.AddDays(-AvailabilityRule.WeekDays) ? monthStart : today.AddDays(-AvailabilityRule.WeekDays);
        var from = ChinaTime.StartOfDay(first);
        var probes = (await db.Set<AvailabilityProbe>().AsNoTracking().Where(p => p.At >= from)
            .Select(p => new { p.At, p.Loaded, p.Milliseconds }).ToListAsync(cancellationToken))
            .Select(p => new ProbeFacts(p.At, p.Loaded, p.Milliseconds)).ToList();
        var veto = AvailabilityRule.WeekVeto(probes, today, ChinaTime.DateOf, out var measured);
        return result with
        {
            Vetoes = veto is null ? result.Vetoes : [.. result.Vetoes, veto],
            Availability = AvailabilityRule.Month(probes, today, ChinaTime.DateOf),
            AvailabilityMeasured = measured,
        };
    }

    /// <summary>Every module's census of messages received within the past year and unanswered for over 3 months.</summary>
    private async Task<IReadOnlyList<UnansweredChannel>> UnansweredAsync(IReadOnlyCollection<int>? bodies, CancellationToken cancellationToken)
    {
        var (from, before) = ColumnFreshness.UnansweredWindow(Today);
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
