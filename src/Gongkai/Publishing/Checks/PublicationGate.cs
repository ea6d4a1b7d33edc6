using Gongkai.Platform.Outcomes;
using Gongkai.Safeguards.Links;
using Gongkai.Safeguards;

namespace Gongkai.Publishing.Checks;

/// <summary>What an earlier override covers: one kind of personal data with its exact text, in any source.</summary>
public sealed record OverriddenFinding(FindingKind Kind, string Text);

public enum GateOutcome
{
    /// <summary>No open personal data: the document may pass.</summary>
    Pass,

    /// <summary>Personal data is open and nobody may or did override: the document may not pass.</summary>
    Blocked,

    /// <summary>The final reviewer overrides with a reason: the listed findings are recorded as overridden and the document passes.</summary>
    Override,
}

/// <summary>The gate's decision, the personal findings still open (for <see cref="GateOutcome.Blocked"/>) or about to be
/// overridden (for <see cref="GateOutcome.Override"/>), and the Chinese reason when blocked.</summary>
public sealed record GateDecision(GateOutcome Outcome, IReadOnlyList<DocumentFinding> Open, string? Message)
{
    public bool Allowed => Outcome != GateOutcome.Blocked;

    /// <summary>The refusal when blocked; the API answers it with 422 and the open findings.</summary>
    public Refusal ToRefusal() => Refusal.Blocked(Message ?? PublicationGate.BlockedMessage(Open), "存在未遮盖的个人信息",
        new Dictionary<string, object?>(StringComparer.Ordinal) { ["findings"] = BlockingFindingView.From(Open) });
}

/// <summary>
/// The rule before 终审 and publication: personal data found in any source of a document blocks it until it is
/// masked, unless a final reviewer overrides with a reason — for example a punitive notice the law requires to name the
/// party. An override covers the kinds and exact texts open at that moment; personal data added later blocks again.
/// Wording findings never block: they are suggestions. No I/O.
/// </summary>
public static class PublicationGate
{
    public const int MinReasonLength = 4;
    public const int MaxReasonLength = 1000;

    /// <summary>Personal findings not covered by an earlier override, each kind and text once.</summary>
    public static IReadOnlyList<DocumentFinding> OpenPersonal(IEnumerable<DocumentFinding> findings, IEnumerable<OverriddenFinding> overridden)
    {
        var covered = overridden.ToHashSet();
        return findings.Where(f => f.IsPersonal && !covered.Contains(new OverriddenFinding(f.Kind, f.Text))).ToList();
    }

    /// <param name="findings">All findings of all sources, now.</param>
    /// <param name="overridden">What earlier overrides on this document cover.</param>
    /// <param name="overrideReason">The reason the reviewer gave for publishing the personal data anyway, if any.</param>
    /// <param name="mayOverride">Whether the actor holds 终审 (only a final reviewer may override).</param>
    public static GateDecision Decide(IEnumerable<DocumentFinding> findings, IEnumerable<OverriddenFinding> overridden, string? overrideReason, bool mayOverride)
    {
        var open = OpenPersonal(findings, overridden);
        if (open.Count == 0)
        {
            return new GateDecision(GateOutcome.Pass, open, null);
        }

        var reason = overrideReason?.Trim() ?? "";
        if (reason.Length == 0 || !mayOverride)
        {
            return new GateDecision(GateOutcome.Blocked, open, BlockedMessage(open));
        }

        if (reason.Length < MinReasonLength)
        {
            return new GateDecision(GateOutcome.Blocked, open, $"请具体说明须公开上述个人信息的理由（至少 {MinReasonLength} 个字），例如依法须公开当事人姓名的行政处罚决定。");
        }

        return reason.Length > MaxReasonLength
            ? new GateDecision(GateOutcome.Blocked, open, $"公开理由不能超过 {MaxReasonLength} 个字。")
            : new GateDecision(GateOutcome.Override, open, null);
    }

    /// <summary>What a new override records: each open kind and text once.</summary>
    public static IReadOnlyList<OverriddenFinding> Covering(IEnumerable<DocumentFinding> open) =>
        open.Select(f => new OverriddenFinding(f.Kind, f.Text)).Distinct().ToList();

    public static string BlockedMessage(IReadOnlyCollection<DocumentFinding> open)
    {
        var kinds = string.Join("、", open.GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key.DisplayName()} {g.Count()} 处"));
        return $"文件中仍有未遮盖的个人信息（{kinds}），不能通过终审或发布。请先遮盖；如依法必须公开（例如须载明当事人姓名的行政处罚决定），请由终审人填写公开理由。";
    }

    /// <summary>A one-line summary of a check, for the audit log: counts only, never the personal data itself.</summary>
    public static string Summary(IReadOnlyCollection<DocumentFinding> findings)
    {
        if (findings.Count == 0)
        {
            return "发布前检查：未发现问题";
        }

        var personal = findings.Count(f => f.IsPersonal);
        return $"发布前检查：个人信息 {personal} 处，表述问题 {findings.Count - personal} 处";
    }
}

/// <summary>Who may change a document's text through a finding (mask or correct): its editors while it is editable,
/// and the reviewer whose stage it waits in while it is under review — so a reviewer who finds an ID number can mask
/// it without returning the document. No I/O.</summary>
public static class FindingActions
{
    public static bool MayChangeText(Publishing.Rules.DocumentStatus status, bool isEditor, IReadOnlySet<Publishing.Rules.ReviewStage> stages) =>
        Publishing.Rules.ReviewWorkflow.IsEditable(status)
            ? isEditor
            : Publishing.Rules.ReviewWorkflow.StageAwaited(status) is { } stage && stages.Contains(stage);
}
