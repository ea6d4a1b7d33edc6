using Gongkai.Platform.Jobs;

namespace Gongkai.Publishing;

/// <summary>Publishes documents whose 终审 set a later publication time, once that time has come.</summary>
internal sealed class ScheduledPublicationJob(DocumentDesk desk, ILogger<ScheduledPublicationJob> logger) : IRecurringJob
{
    public string Name => "publishing.scheduled-publication";

    public JobSchedule Schedule { get; } = JobSchedule.Every(TimeSpan.FromMinutes(1));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var published = await desk.PublishDueAsync(cancellationToken);
        if (published > 0)
        {
            logger.LogInformation("Published {Count} scheduled document(s)", published);
        }
    }
}
