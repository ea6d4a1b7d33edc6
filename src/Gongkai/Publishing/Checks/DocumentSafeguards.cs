using System.Security.Claims;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Jobs;
using Gongkai.Publishing.Checks.Links;
using Gongkai.Publishing;
using Gongkai.Safeguards.Links;
using Gongkai.Safeguards;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Checks;

/// <summary>A document's findings from every source, with what earlier overrides cover.</summary>
public sealed record DocumentCheck(IReadOnlyList<DocumentFinding> Findings, IReadOnlyList<OverriddenFinding> Overridden, IReadOnlyList<FindingOverride> Overrides)
{
    public IReadOnlyList<DocumentFinding> OpenPersonal => PublicationGate.OpenPersonal(Findings, Overridden);

    public bool IsOverridden(DocumentFinding finding) => finding.IsPersonal && Overridden.Contains(new OverriddenFinding(finding.Kind, finding.Text));
}

/// <summary>Runs the safeguards over a document for the review workflow: every <see cref="IDocumentFindingSource"/>,
/// the 终审/publication gate (<see cref="PublicationGate"/>) with overrides recorded on the document and audited, and a
/// summary of each check in the audit log. Changes are left unsaved in the caller's unit of work.</summary>
public sealed class DocumentSafeguards(GongkaiDbContext db, IEnumerable<IDocumentFindingSource> sources, AuditLog audit, TimeProvider clock, JobScheduler jobs)
{
    public async Task<IReadOnlyList<DocumentFinding>> FindAsync(Document document, CancellationToken cancellationToken)
    {
        var all = new List<DocumentFinding>();
        foreach (var source in sources)
        {
            all.AddRange(await source.FindAsync(document, cancellationToken));
        }

        return all.OrderBy(f => f.Source == DocumentFinding.BodySource ? 0 : 1).ThenBy(f => f.Source, StringComparer.Ordinal).ThenBy(f => f.Start).ToList();
    }

    public async Task<DocumentCheck> CheckAsync(Document document, CancellationToken cancellationToken)
    {
        var findings = await FindAsync(document, cancellationToken);
        var overrides = await db.Set<FindingOverride>().AsNoTracking().Where(o => o.DocumentId == document.Id).OrderBy(o => o.Id).ToListAsync(cancellationToken);
        return new DocumentCheck(findings, Covered(overrides), overrides);
    }

    /// <summary>Records a check's summary (counts only) in the audit log, e.g. on submission and at each review stage;
    /// with <paramref name="probeLinks"/> the document's external links are probed by a job right after saving.</summary>
    public async Task RecordCheckAsync(Document document, string occasion, CancellationToken cancellationToken, bool probeLinks = false)
    {
        if (probeLinks && LinkChecker.LinksOf(document).Any())
        {
            jobs.Schedule(DocumentLinksJobHandler.JobKind, new DocumentLinksPayload(document.Id));
        }

        var findings = await FindAsync(document, cancellationToken);
        audit.Record("document.checked", DocumentPublisher.Target(document), $"{occasion}：{PublicationGate.Summary(findings)}", bodyId: document.BodyId);
    }

    /// <summary>Decides whether <paramref name="document"/> may pass 终审 or be published now. On an override the
    /// overridden kinds and texts, the reviewer, time and reason are added to the unit of work and audited.</summary>
    public async Task<GateDecision> GateAsync(ClaimsPrincipal user, Document document, string? overrideReason, bool mayOverride, CancellationToken cancellationToken)
    {
        var check = await CheckAsync(document, cancellationToken);
        var decision = PublicationGate.Decide(check.Findings, check.Overridden, overrideReason, mayOverride);
        if (decision.Outcome != GateOutcome.Override)
        {
            return decision;
        }

        var now = clock.GetUtcNow();
        var reason = overrideReason!.Trim();
        var covering = PublicationGate.Covering(decision.Open);
        foreach (var item in covering)
        {
            db.Add(new FindingOverride
            {
                DocumentId = document.Id,
                Kind = item.Kind.Code(),
                Text = item.Text.Length > 500 ? item.Text[..500] : item.Text,
                Reason = reason,
                UserId = StaffClaims.UserIdOf(user),
                UserName = StaffClaims.DisplayNameOf(user),
                At = now,
            });
        }

        var kinds = string.Join("、", covering.GroupBy(c => c.Kind).Select(g => $"{g.Key.DisplayName()} {g.Count()} 项"));
        audit.Record("document.safeguards-overridden", DocumentPublisher.Target(document), $"终审确认公开个人信息（{kinds}），理由：{reason}", bodyId: document.BodyId);
        return decision;
    }

    private static List<OverriddenFinding> Covered(IEnumerable<FindingOverride> overrides) =>
        overrides.Select(o => FindingKinds.TryParse(o.Kind, out var kind) ? new OverriddenFinding(kind, o.Text) : null).OfType<OverriddenFinding>().ToList();
}
