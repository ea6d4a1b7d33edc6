using Gongkai.Platform.Data;

namespace Gongkai.Tests.Platform.ChangeLog;

/// <summary>A follower that remembers what it applied, and can be told to fail its next few batches.</summary>
internal sealed class RecordingFollower(string name, ChangeLogFollowerScope scope = ChangeLogFollowerScope.EveryNode) : IChangeLogFollower
{
    private readonly Lock _lock = new();
    private readonly List<long> _applied = [];
    private readonly List<long> _offered = [];

    public string Name { get; } = name;

    public ChangeLogFollowerScope Scope { get; } = scope;

    public bool Follows(ChangeKind kind) => true;

    /// <summary>How many of the coming batches to refuse.</summary>
    public int FailuresToCome { get; set; }

    public int Calls { get; private set; }

    /// <summary>Ids of every batch handed over, including refused ones (at-least-once delivery shows here).</summary>
    public IReadOnlyList<long> Offered
    {
        get
        {
            lock (_lock)
            {
                return [.. _offered];
            }
        }
    }

    public IReadOnlyList<long> Applied
    {
        get
        {
            lock (_lock)
            {
                return [.. _applied];
            }
        }
    }

    public Task ApplyAsync(IReadOnlyList<ChangeLogEntry> batch, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Calls++;
            _offered.AddRange(batch.Select(e => e.Id));
            if (FailuresToCome > 0)
            {
                FailuresToCome--;
                throw new InvalidOperationException("索引暂时不可用");
            }

            _applied.AddRange(batch.Select(e => e.Id));
        }

        return Task.CompletedTask;
    }
}
