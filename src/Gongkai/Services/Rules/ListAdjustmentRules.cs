using Gongkai.Platform.Outcomes;

namespace Gongkai.Services.Rules;

/// <summary>An adjustment that passed the rules.</summary>
public sealed record CheckedAdjustment(DateOnly EffectiveOn, string Reason, IReadOnlyList<ListItem> Items);

/// <summary>
/// When a list may take a new version: with a reason (机构改革, 法律修改 …), an effective date not before the latest
/// version's (so what the public read for a past date never changes afterwards), items that pass
/// <see cref="ListItemRules"/>, and some difference from the version before (an adjustment that changes nothing is
/// refused rather than cluttering the history).
/// </summary>
public static class ListAdjustmentRules
{
    public const int MaxReason = 1000;

    public static Outcome<CheckedAdjustment> Check(ListKind kind, DateOnly? effectiveOn, string? reason, IReadOnlyList<ListItem> items,
        DateOnly? latestEffectiveOn, IReadOnlyList<ListItem>? latestItems)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(items);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var why = (reason ?? "").Trim();
        if (why.Length == 0)
        {
            errors["reason"] = ["请填写调整原因（如机构改革、法律法规修改）。"];
        }
        else if (why.Length > MaxReason)
        {
            errors["reason"] = [$"调整原因不能超过 {MaxReason} 个字。"];
        }

        if (effectiveOn is null)
        {
            errors["effectiveOn"] = ["请填写生效日期。"];
        }
        else if (latestEffectiveOn is { } latest && effectiveOn < latest)
        {
            errors["effectiveOn"] = [$"生效日期不能早于现有最新版本的生效日期（{VersionsInForce.FormatDate(latest)}）。"];
        }

        var check = ListItemRules.Check(kind, items);
        if (!check.Valid)
        {
            errors["items"] = check.Problems.Select(p => p.Describe()).ToArray();
        }
        else if (latestItems is not null && ListDiff.Compute(kind, latestItems, check.Items).IsEmpty)
        {
            errors["items"] = ["与现行版本相比没有任何变化，无需调整。"];
        }

        if (errors.Count > 0)
        {
            var message = errors.TryGetValue("items", out var rows) && rows.Length > 0 && check.Problems.Count > 0
                ? $"清单有 {check.Problems.Count} 处问题，未做任何调整。"
                : string.Join(" ", errors.Values.SelectMany(e => e));
            return Refusal.Invalid(message, errors, "清单调整有误");
        }

        return new CheckedAdjustment(effectiveOn!.Value, why, check.Items);
    }
}
