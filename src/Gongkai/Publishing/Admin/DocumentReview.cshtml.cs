using System.Globalization;
using Gongkai.Calendar;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Publishing.Rules;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;

namespace Gongkai.Publishing.Admin;

/// <summary>One document for staff: its metadata, text, deadline and history, and the decision the user may take now
/// (approve or return at the stage it waits in, publish a scheduled one, withdraw a published one).</summary>
[Authorize(Policy = Permissions.Staff)]
public sealed class DocumentReviewModel(GongkaiDbContext db, DocumentDesk desk, BodyScope scope, RolePermissions permissions, CalendarService calendars, DocumentPublisher publisher, TimeProvider clock, IEnumerable<Contracts.IFinalReviewCondition> finalReviewConditions) : PageModel
{
    public Document? Document { get; private set; }

    public IReadOnlyList<DocumentHistoryEntry> History { get; private set; } = [];

    /// <summary>Corrections (更正) proposed for this document, newest first.</summary>
    public IReadOnlyList<DocumentCorrection> Corrections { get; private set; } = [];

    public DeadlineStatus? Deadline { get; private set; }

    /// <summary>The stage the document waits in, when the user holds it.</summary>
    public ReviewStage? MyStage { get; private set; }

    public bool MayPublishOrWithdraw { get; private set; }

    /// <summary>What modules above attach to 终审 (e.g. 公平竞争审查), with where each stands; shown before 终审 has passed.</summary>
    public IReadOnlyList<Contracts.FinalReviewConditionState> Conditions { get; private set; } = [];

    public bool MayEdit { get; private set; }

    /// <summary>Editors correct (更正) a published document on its own form.</summary>
    public bool MayCorrect { get; private set; }

    /// <summary>Editors may add an interpretation until the document is withdrawn.</summary>
    public bool MayInterpret { get; private set; }

    [BindProperty]
    public string? Comment { get; set; }

    [BindProperty]
    public string? NoInterpretationReason { get; set; }

    [BindProperty]
    public string? PublishAt { get; set; }

    /// <summary>At 终审: why personal data the safeguards found must be published anyway.</summary>
    [BindProperty]
    public string? OverrideReason { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public string? Message { get; private set; }

    /// <summary>Which pages put a confirmation here after an action; the document page shows it once.</summary>
    public const string ConfirmationKey = "documents.confirmation";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReviewAsync(int id, string? decision, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (MyStage is not { } stage)
        {
            return Fail("该文件当前不在您可以审核的环节，可能已由其他审核人处理。");
        }

        DateTimeOffset? publishAt = null;
        if (!string.IsNullOrWhiteSpace(PublishAt))
        {
            if (!DateTime.TryParseExact(PublishAt, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                return Fail($"定时发布时间“{PublishAt}”格式不正确。");
            }

            publishAt = ChinaTime.FromLocal(local);
        }

        var approve = decision == "approve";
        return After(
            await desk.ReviewAsync(User, id, stage, new ReviewDecision(approve, Comment, NoInterpretationReason, publishAt, OverrideReason), cancellationToken), id,
            approve ? $"{ReviewWorkflow.ChineseName(stage)}已通过。" : $"已退回起草人修改（{ReviewWorkflow.ChineseName(stage)}）。");
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) && MayPublishOrWithdraw
            ? After(await desk.PublishNowAsync(User, id, cancellationToken), id, "已发布，公众现在可以在网站上看到这份文件。")
            : Forbid();

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) && MayPublishOrWithdraw
            ? After(await desk.WithdrawAsync(User, id, Reason, cancellationToken), id, "已撤回。文件页面保留撤回说明和理由。")
            : Forbid();

    private IActionResult After(Outcome<Document> result, int id, string confirmation)
    {
        if (!result.Succeeded)
        {
            return this.Refused(result.Refusal);
        }

        TempData[ConfirmationKey] = confirmation;
        return Redirect($"/admin/documents/{id}");
    }

    private PageResult Fail(string message)
    {
        ModelState.AddModelError(string.Empty, message);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Document = await db.Set<Document>().AsNoTracking().Include(d => d.Body).Include(d => d.CoIssuers).ThenInclude(c => c.Body)
            .SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (Document is null || !await scope.MayActForAsync(User, Document.BodyId, cancellationToken))
        {
            Document = null;
            return false;
        }

        History = await db.Set<DocumentHistoryEntry>().AsNoTracking().Where(h => h.DocumentId == id).OrderBy(h => h.Id).ToListAsync(cancellationToken);
        Corrections = await db.Set<DocumentCorrection>().AsNoTracking().Where(c => c.DocumentId == id).OrderByDescending(c => c.Id).ToListAsync(cancellationToken);
        var stages = DocumentDesk.StagesOf(User, permissions);
        MyStage = ReviewWorkflow.StageAwaited(Document.Status) is { } awaited && stages.Contains(awaited) ? awaited : null;
        MayPublishOrWithdraw = stages.Contains(ReviewStage.Final);
        MayEdit = permissions.Grants(User, PublishingPermissions.EditDocuments) && ReviewWorkflow.IsEditable(Document.Status);
        MayCorrect = permissions.Grants(User, PublishingPermissions.EditDocuments) && Document.Status == DocumentStatus.Published
            && !Corrections.Any(c => CorrectionReview.IsPending(c.State));
        MayInterpret = permissions.Grants(User, PublishingPermissions.EditDocuments) && Document.Status != DocumentStatus.Withdrawn;
        if (ReviewWorkflow.IsEditable(Document.Status) || ReviewWorkflow.StageAwaited(Document.Status) is not null)
        {
            var conditions = new List<Contracts.FinalReviewConditionState>();
            foreach (var condition in finalReviewConditions)
            {
                conditions.Add(await condition.StateAsync(id, cancellationToken));
            }

            Conditions = conditions;
        }

        if (Document.SignedOn is { } signedOn)
        {
            var calendar = await calendars.GetCalendarAsync(cancellationToken);
            var today = ChinaTime.Today(clock);
            try
            {
                Deadline = publisher.Deadlines(calendar).StatusOf(Document.DocumentType, signedOn, today,
                    Document.PublishedAt is { } published ? ChinaTime.DateOf(published) : null);
            }
            catch (CalendarYearMissingException)
            {
                Deadline = null;
            }
        }

        return true;
    }
}
