using Gongkai.Organizations;
using Gongkai.Platform.Web;
using Gongkai.Publishing.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Publishing.Pages;

/// <summary>One document: the metadata table, then the text. The route is a catch-all
/// (<c>/documents/{**indexNo}</c>) because index numbers contain '/', e.g. /documents/00700002-5/2018-00001.</summary>
[OutputCache(PolicyName = PublicCache.DocumentPages)]
public sealed class DocumentPageModel(PublishedDocuments documents, IPublicLogEntries log, IDocumentConsultations consultations) : PageModel
{
    public PublicDocument? Public { get; private set; }

    public Document? Document => Public?.Document;

    /// <summary>The shown version's place in the public log; null until the log has appended it.</summary>
    public PublicLogEntry? LogEntry { get; private set; }

    /// <summary>The public consultation on this document's draft, when staff linked one.</summary>
    public DocumentConsultation? Consultation { get; private set; }

    public string OrganizationCode => Document?.Body is { } body ? CreditCode.FormatOrganizationCode(body.CreditCode) : "";

    public async Task OnGetAsync(string indexNo, CancellationToken cancellationToken)
    {
        Public = await documents.FindAsync(indexNo, cancellationToken);
        if (Public is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else if (!Public.IsWithdrawn)
        {
            LogEntry = await log.FindAsync(indexNo, Public.Document.CurrentVersion, cancellationToken);
            Consultation = await consultations.FindAsync(Public.Document.IndexNo ?? indexNo, cancellationToken);
        }
    }
}
