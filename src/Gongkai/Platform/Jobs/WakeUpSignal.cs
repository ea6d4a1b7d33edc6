using System.Threading.Channels;

namespace Gongkai.Platform.Jobs;

/// <summary>Lets a background loop sleep until its next poll or until something in this process says there is work,
/// whichever comes first. Signals coalesce: many signals while the loop is busy wake it once.</summary>
public abstract class WakeUpSignal
{
    private readonly Channel<bool> _pending = Channel.CreateBounded<bool>(new BoundedChannelOptions(1)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
    });

    public void Signal() => _pending.Writer.TryWrite(true);

    /// <summary>Waits for a signal or for <paramref name="timeout"/> on <paramref name="clock"/>; returns true when signalled.
    /// Throws <see cref="OperationCanceledException"/> only when <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (_pending.Reader.TryRead(out _))
        {
            return true;
        }

        using var timer = new CancellationTokenSource(timeout, clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await _pending.Reader.WaitToReadAsync(either.Token);
            return _pending.Reader.TryRead(out _);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}

/// <summary>Raised when this process scheduled a one-off job, so the <see cref="JobRunner"/> looks at once.</summary>
public sealed class JobsScheduled : WakeUpSignal;
