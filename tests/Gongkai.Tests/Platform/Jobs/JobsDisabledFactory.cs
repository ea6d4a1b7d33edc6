using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Platform.Jobs;

/// <summary>A host whose own job runner and change-log pump stay idle, so a test can drive runner and pump objects
/// itself (several of them, standing in for several instances, on a fake clock).</summary>
public sealed class JobsDisabledFactory : GongkaiFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Gongkai:Jobs:Enabled"] = "false",
    };
}
