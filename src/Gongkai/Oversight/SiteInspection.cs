using System.Security.Claims;
using Gongkai.Organizations;
using Gongkai.Oversight.Rules;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Gongkai.Publishing.Contracts;
using Gongkai.Staff;

namespace Gongkai.Oversight;

/// <summary>A body's (or the whole site's) inspection: which body, the columns with their paths, and the result.</summary>
public sealed record SiteInspectionReport(Body? Body, IReadOnlyDictionary<int, ColumnActivity> Columns, InspectionResult Result);

/// <summary>
/// The website self-inspection (网站自查), computed from the inside on every request: the columns of the bodies in
/// scope through <see cref="PublishedColumns"/>, read by <see cref="ColumnFreshness"/> against today's China date.
/// </summary>
public sealed class SiteInspection(PublishedColumns columns, PublishedLinkHealth links, BodyDirectory directory, BodyScope scope, TimeProvider clock)
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
            activity.Select(a => new ColumnFacts(a.Id, a.Name, a.UpdateFrequency, a.PublishedCount, a.LastPublishedAt)), Today, ChinaTime.DateOf, broken);
        return new SiteInspectionReport(body, activity.ToDictionary(a => a.Id), result);
    }
}
