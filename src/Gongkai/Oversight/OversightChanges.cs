using Gongkai.Platform.Data;

namespace Gongkai.Oversight;

/// <summary>Change-log kinds written by oversight. The work plan page is not output-cached and nothing follows these
/// yet: the rows are there for operators and for later followers (the annual report's 总体情况).</summary>
[ChangeKinds]
public static class OversightChanges
{
    /// <summary>Entity id: the plan's year.</summary>
    [Informational]
    public static readonly ChangeKind WorkPlanImported = new("workplan.imported", "work-plan");

    /// <summary>Entity id: the task's id.</summary>
    [Informational]
    public static readonly ChangeKind ProgressReported = new("workplan.progress-reported", "work-plan-task");
}
