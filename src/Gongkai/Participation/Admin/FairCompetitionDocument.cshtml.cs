using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Participation.Admin;

/// <summary>One document's fair-competition review in the console: the draft on one side; on the other the marked areas
/// (editors change them) and the checklist (reviewers fill it: every standard 是/否 with a note where 是, the
/// conclusion), the latest review and the earlier ones. The desk decides every step again.</summary>
[Authorize(Policy = FairCompetitionPermissions.View)]
public sealed class FairCompetitionDocumentModel(FairCompetitionDesk desk) : PageModel
{
    public FairCompetitionView View { get; private set; } = null!;

    public bool MayMark { get; private set; }

    public bool MayReview { get; private set; }

    public string? Done { get; private set; }

    /// <summary>A refused marking shows the areas as sent; every other form shows the stored ones.</summary>
    private bool markPosted;

    [BindProperty]
    public List<string> Areas { get; set; } = [];

    [BindProperty]
    public string? Conclusion { get; set; }

    [BindProperty]
    public string? ExceptionKind { get; set; }

    [BindProperty]
    public string? ExceptionReason { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    /// <summary>The answers as entered, by item code (<c>answer-1.1</c> = yes|no, <c>note-1.1</c>), so a refused form comes back filled in.</summary>
    public Dictionary<string, (string? Answer, string? Note)> Given { get; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string? done, CancellationToken cancellationToken)
    {
        Done = done switch
        {
            "marked" => "已保存所涉市场活动领域。",
            "reviewed" => "公平竞争审查表已保存。",
            _ => null,
        };
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is PageResult && View.Latest is { } latest)
        {
            // The checklist starts from the latest review, so a new review after changes edits the old answers.
            foreach (var answer in latest.Answers)
            {
                Given[answer.Code] = (answer.Yes ? "yes" : "no", answer.Note);
            }

            Conclusion = FairCompetitionRules.Code(latest.Conclusion);
            ExceptionKind = latest.Row.ExceptionKind;
            ExceptionReason = latest.Row.ExceptionReason;
            Note = latest.Row.Note;
        }

        return loaded;
    }

    public async Task<IActionResult> OnPostMarkAsync(int id, CancellationToken cancellationToken)
    {
        markPosted = true;
        var outcome = await desk.MarkAsync(User, id, Areas, cancellationToken);
        return outcome.Succeeded ? Redirect($"{FairCompetitionDesk.PageUrl(id)}?done=marked") : await this.RefusedAsync(outcome.Refusal, () => LoadAsync(id, cancellationToken));
    }

    public async Task<IActionResult> OnPostReviewAsync(int id, CancellationToken cancellationToken)
    {
        var items = new List<ItemAnswerDraft>();
        foreach (var item in FairCompetitionRules.Items)
        {
            var answer = Request.Form[$"answer-{item.Code}"].FirstOrDefault();
            var note = Request.Form[$"note-{item.Code}"].FirstOrDefault();
            Given[item.Code] = (answer, note);
            items.Add(new ItemAnswerDraft(item.Code, answer, note));
        }

        var outcome = await desk.ReviewAsync(User, id, new FairCompetitionReviewDraft(items, Conclusion, ExceptionKind, ExceptionReason, Note), cancellationToken);
        return outcome.Succeeded ? Redirect($"{FairCompetitionDesk.PageUrl(id)}?done=reviewed") : await this.RefusedAsync(outcome.Refusal, () => LoadAsync(id, cancellationToken));
    }

    private async Task<IActionResult> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var view = await desk.ViewAsync(User, id, cancellationToken);
        if (!view.Succeeded)
        {
            return this.Refused(view.Refusal);
        }

        View = view.Value;
        var open = View.Document.BeforeFinalReview;
        MayMark = open && desk.MayMark(User);
        MayReview = open && desk.MayReview(User) && View.Areas.Count > 0;
        if (!markPosted)
        {
            Areas = [.. View.Areas];
        }

        return Page();
    }
}
