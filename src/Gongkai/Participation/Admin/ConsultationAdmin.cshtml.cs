using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;
using Gongkai.Publishing.Contracts;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Participation.Admin;

/// <summary>One group row of the console's feedback form.</summary>
public sealed class FeedbackGroupForm
{
    public string? Summary { get; set; }

    public string? Decision { get; set; }

    public string? Reason { get; set; }
}

/// <summary>One consultation in the console: its facts, and the steps the user may take now — edit or open a draft,
/// record a comment received offline, moderate comments, group every comment with a decision and reason after the
/// deadline, publish the feedback, link the document it produced. Every step is decided again by the desk.</summary>
[Authorize(Policy = ParticipationPermissions.View)]
public sealed class ConsultationAdminModel(ConsultationDesk desk, ConsultationAttachmentDesk files, RolePermissions permissions, PublishedDocuments documents) : PageModel
{
    public ConsultationView View { get; private set; } = null!;

    public IReadOnlyList<ConsultationComment> Comments { get; private set; } = [];

    public FeedbackReport Report { get; private set; } = null!;

    public IReadOnlyList<ConsultationFile> Files { get; private set; } = [];

    public bool MayPrepare { get; private set; }

    public bool MayApprove { get; private set; }

    public DateOnly? EarliestClose { get; private set; }

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    [BindProperty]
    public string? Channel { get; set; }

    [BindProperty]
    public DateOnly? ReceivedOn { get; set; }

    [BindProperty]
    public string? Name { get; set; }

    [BindProperty]
    public string? Contact { get; set; }

    [BindProperty]
    public string? Text { get; set; }

    [BindProperty]
    public string? Clause { get; set; }

    [BindProperty]
    public string? Option { get; set; }

    [BindProperty]
    public string? FeedbackSummary { get; set; }

    [BindProperty]
    public List<FeedbackGroupForm> Groups { get; set; } = [];

    [BindProperty]
    public Dictionary<long, int> GroupOf { get; set; } = [];

    [BindProperty]
    public string? IndexNo { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, string? done, CancellationToken cancellationToken)
    {
        Done = done switch
        {
            "opened" => "已公布。",
            "recorded" => "意见已登记，待审核。",
            "moderated" => "审核结果已保存。",
            "feedback" => "采纳情况已保存。终审人员公布后，公众即可看到反馈。",
            "published" => "反馈已公布。",
            "linked" => "关联文件已保存。",
            "file-added" => "附件已上传。",
            "file-removed" => "附件已删除。",
            _ => null,
        };
        return await LoadAsync(id, fromStore: true, cancellationToken);
    }

    public async Task<IActionResult> OnPostOpenAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await desk.OpenAsync(User, id, cancellationToken)).WithoutValue(), "opened", cancellationToken);

    public async Task<IActionResult> OnPostRecordAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await desk.CommentAsync(User, id, new CommentInput(Name, Contact, Text, Clause, Option, Channel ?? "", ReceivedOn), cancellationToken)).WithoutValue(),
            "recorded", cancellationToken);

    public async Task<IActionResult> OnPostModerateAsync(int id, long commentId, string? moderation, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await desk.ModerateAsync(User, id, commentId, moderation, cancellationToken)).WithoutValue(), "moderated", cancellationToken);

    public async Task<IActionResult> OnPostFeedbackAsync(int id, CancellationToken cancellationToken)
    {
        var drafts = new List<FeedbackGroupDraft>();
        for (var i = 0; i < Groups.Count; i++)
        {
            var number = i + 1;
            var ids = GroupOf.Where(g => g.Value == number).Select(g => g.Key).Order().ToList();
            var row = Groups[i];
            if (ids.Count == 0 && string.IsNullOrWhiteSpace(row.Summary) && string.IsNullOrWhiteSpace(row.Reason) && string.IsNullOrWhiteSpace(row.Decision))
            {
                continue;
            }

            drafts.Add(new FeedbackGroupDraft(ids, row.Decision, row.Reason, row.Summary));
        }

        return await AfterAsync(id, (await desk.SaveFeedbackAsync(User, id, FeedbackSummary, drafts, cancellationToken)).WithoutValue(), "feedback", cancellationToken);
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await desk.PublishFeedbackAsync(User, id, cancellationToken)).WithoutValue(), "published", cancellationToken);

    public async Task<IActionResult> OnPostAddFileAsync(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        await using var content = file?.OpenReadStream() ?? Stream.Null;
        return await AfterAsync(id, (await files.AddAsync(User, id, file?.FileName, content, cancellationToken)).WithoutValue(), "file-added", cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveFileAsync(int id, int attachmentId, CancellationToken cancellationToken) =>
        await AfterAsync(id, await files.RemoveAsync(User, id, attachmentId, cancellationToken), "file-removed", cancellationToken);

    public async Task<IActionResult> OnPostLinkAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await desk.LinkDocumentAsync(User, id, IndexNo, documents, cancellationToken)).WithoutValue(), "linked", cancellationToken);

    private async Task<IActionResult> AfterAsync(int id, Outcome outcome, string done, CancellationToken cancellationToken)
    {
        if (outcome.Refusal is { } refusal)
        {
            if (refusal.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
            {
                return this.Refused(refusal);
            }

            // The form comes back with what was typed, so nothing is lost; the message says what to change.
            Error = string.Join(" ", new[] { refusal.Message }.Concat(refusal.Errors.Values.SelectMany(m => m)).Distinct());
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, fromStore: false, cancellationToken);
        }

        return Redirect($"/admin/consultations/{id}?done={done}");
    }

    private async Task<IActionResult> LoadAsync(int id, bool fromStore, CancellationToken cancellationToken)
    {
        var outcome = await desk.ViewAsync(User, id, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            return this.Refused(refusal);
        }

        View = outcome.Value!;
        var comments = await desk.StaffCommentsAsync(User, id, cancellationToken);
        if (comments.Refusal is { } forbidden)
        {
            return this.Refused(forbidden);
        }

        Comments = comments.Value!;
        MayPrepare = await desk.MayActAsync(User, View.Consultation.BodyId, ParticipationPermissions.Prepare, cancellationToken);
        MayApprove = await desk.MayActAsync(User, View.Consultation.BodyId, ParticipationPermissions.Approve, cancellationToken);
        Report = await desk.FeedbackAsync(View.Consultation, cancellationToken);
        Files = await files.ListAsync(id, cancellationToken);
        if (fromStore)
        {
            FeedbackSummary = View.Consultation.FeedbackSummary;
            Groups = Report.Groups.Select(g => new FeedbackGroupForm { Summary = g.Group.Summary, Decision = g.Group.Decision, Reason = g.Group.Reason }).ToList();
            GroupOf = Report.Groups.SelectMany(g => g.Comments.Select(c => (c.Id, g.Group.Position))).ToDictionary(x => x.Id, x => x.Position);
            IndexNo = View.Consultation.DocumentIndexNo;
        }

        // Room for new groups: a few empty rows beyond those in use, never more than one per comment.
        var rows = Math.Max(1, Math.Min(Comments.Count, Math.Max(Groups.Count, Report.Groups.Count) + 3));
        while (Groups.Count < rows)
        {
            Groups.Add(new FeedbackGroupForm());
        }

        EarliestClose = await EarliestCloseAsync(cancellationToken);
        return Page();
    }

    private async Task<DateOnly?> EarliestCloseAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await desk.EarliestCloseAsync(View.Kind, View.Consultation.OpensOn, cancellationToken);
        }
        catch (Calendar.CalendarYearMissingException)
        {
            return null;
        }
    }

    public bool Grants(string permission) => permissions.Grants(User, permission);
}
