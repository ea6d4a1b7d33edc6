using Gongkai.Publishing.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Publishing.Gazette.Pages;

/// <summary>One published issue with its table of contents.</summary>
public sealed class IssuePageModel(GazetteArchive archive, IPublicLogEntries log) : PageModel
{
    public GazetteIssueView? View { get; private set; }

    /// <summary>Where this issue sits in the public log; null while it is being logged.</summary>
    public PublicLogEntry? LogEntry { get; private set; }

    public async Task OnGetAsync(int year, int number, CancellationToken cancellationToken)
    {
        View = await archive.FindAsync(year, number, cancellationToken);
        if (View is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        LogEntry = await log.FindGazetteIssueAsync(year, number, cancellationToken);
    }
}
