using Gongkai.Platform.Text;
using Gongkai.Platform.Data;
using Gongkai.Publishing.Checks;
using Gongkai.Publishing;
using Gongkai.Safeguards.Links;
using Gongkai.Safeguards;
using Gongkai.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Checks.Pages;

/// <summary>What the findings panel shows for one document.</summary>
public sealed record FindingsPanel(
    Document Document,
    HtmlText View,
    DocumentCheck Check,
    bool MayChangeText,
    string ReturnUrl,
    string? Message,
    IReadOnlyList<AttachmentOriginalView> Originals)
{
    /// <summary>The attachment id of a finding in an attachment (source "attachment:{id}"), else null.</summary>
    public static int? AttachmentIdOf(DocumentFinding finding) =>
        finding.Source.StartsWith("attachment:", StringComparison.Ordinal)
        && int.TryParse(finding.Source.AsSpan("attachment:".Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public IReadOnlyList<DocumentFinding> Findings => Check.Findings;

    public IReadOnlyList<DocumentFinding> BodyFindings { get; } = Check.Findings.Where(f => f.Source == DocumentFinding.BodySource).OrderBy(f => f.TextStart).ToList();

    /// <summary>The number shown for a finding (1-based, in list order), shared by its mark and its list item.</summary>
    public int NumberOf(DocumentFinding finding)
    {
        for (var i = 0; i < Findings.Count; i++)
        {
            if (ReferenceEquals(Findings[i], finding))
            {
                return i + 1;
            }
        }

        return 0;
    }

    /// <summary>The body's readable text cut at the findings: plain stretches (finding null) and flagged ones.</summary>
    public IEnumerable<(string Text, DocumentFinding? Finding)> Segments()
    {
        var text = View.Text;
        var position = 0;
        foreach (var f in BodyFindings.Where(f => f.TextStart + f.Text.Length <= text.Length))
        {
            if (f.TextStart < position)
            {
                continue;
            }

            if (f.TextStart > position)
            {
                yield return (text[position..f.TextStart], null);
            }

            yield return (text.Substring(f.TextStart, f.Text.Length), f);
            position = f.TextStart + f.Text.Length;
        }

        if (position < text.Length)
        {
            yield return (text[position..], null);
        }
    }
}

/// <summary>
/// The safeguard findings of a saved document, for the editor and review pages: the body's text with each finding
/// marked at its place, a list with one-click masking or correction, "mask all personal data", and the overrides a
/// final reviewer recorded. Included with one line:
/// <c>@await Component.InvokeAsync("DocumentFindings", new { documentId = … })</c>; with <c>part = "override"</c> it
/// renders the 终审 override-reason field, only when personal data is still open.
/// </summary>
public sealed class DocumentFindingsViewComponent(GongkaiDbContext db, BodyScope scope, RolePermissions permissions, DocumentSafeguards safeguards, AttachmentMasking attachments) : ViewComponent
{
    public const string MessageKey = "SafeguardsMessage";

    public async Task<IViewComponentResult> InvokeAsync(int? documentId, string part = "panel", string? overrideReason = null)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var document = documentId is { } id ? await db.Set<Document>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, cancellationToken) : null;
        if (document is null || !await scope.MayActForAsync(UserClaimsPrincipal, document.BodyId, cancellationToken))
        {
            return Content("");
        }

        var check = await safeguards.CheckAsync(document, cancellationToken);
        if (part == "override")
        {
            return check.OpenPersonal.Count == 0 ? Content("") : View("/Publishing/Checks/Pages/_OverrideReason.cshtml", overrideReason);
        }

        var isEditor = permissions.Grants(UserClaimsPrincipal, PublishingPermissions.EditDocuments);
        var mayChange = FindingActions.MayChangeText(document.Status, isEditor, DocumentDesk.StagesOf(UserClaimsPrincipal, permissions));
        var path = HttpContext.Request.Path.Value ?? "";
        var returnUrl = path.EndsWith("/findings", StringComparison.Ordinal) ? $"/admin/documents/{document.Id}" : path;
        return View("/Publishing/Checks/Pages/_Findings.cshtml",
            new FindingsPanel(document, HtmlText.Parse(document.BodyHtml), check, mayChange, returnUrl, TempData[MessageKey] as string,
                await attachments.OriginalsAsync(document.Id, cancellationToken)));
    }
}
