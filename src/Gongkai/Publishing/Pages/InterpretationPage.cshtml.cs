using Gongkai.Platform.Web;
using Gongkai.Publishing.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Publishing.Pages;

/// <summary>One policy interpretation with links to the documents it explains.</summary>
[OutputCache(PolicyName = PublicCache.DocumentPages)]
public sealed class InterpretationPageModel(PublishedDocuments documents, IPublicLogEntries log) : PageModel
{
    public PublicInterpretation? Found { get; private set; }

    /// <summary>Where this interpretation sits in the public log; null while it is being logged.</summary>
    public PublicLogEntry? LogEntry { get; private set; }

    public async Task OnGetAsync(int id, CancellationToken cancellationToken)
    {
        Found = await documents.FindInterpretationAsync(id, cancellationToken);
        if (Found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        LogEntry = await log.FindInterpretationAsync(id, cancellationToken);
    }
}
