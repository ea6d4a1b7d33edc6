using Gongkai.Platform.Jobs;

namespace Gongkai.Platform.Data;

/// <summary>Raised when a unit of work in this process committed change-log rows, so the
/// <see cref="ChangeLogPump"/> applies them at once instead of at its next poll. Other nodes learn by polling.</summary>
public sealed class ChangeLogAppended : WakeUpSignal;
