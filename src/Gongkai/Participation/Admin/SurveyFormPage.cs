using Gongkai.Organizations;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Participation.Admin;

/// <summary>One question row of the console's survey form.</summary>
public sealed class QuestionForm
{
    public string? Text { get; set; }

    public string? Kind { get; set; }

    public bool Required { get; set; }

    public string? Options { get; set; }
}

/// <summary>The fields of a survey as the console's new and edit forms bind them: a fixed number of question rows
/// (empty rows are ignored), so the form needs no script.</summary>
public abstract class SurveyFormPage(BodyScope scope, BodyDirectory directory) : PageModel
{
    /// <summary>Empty question rows offered beyond those in use.</summary>
    public const int SpareRows = 4;

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Description { get; set; }

    [BindProperty]
    public DateOnly? OpensOn { get; set; }

    [BindProperty]
    public DateOnly? ClosesOn { get; set; }

    [BindProperty]
    public List<QuestionForm> Questions { get; set; } = [];

    protected SurveyDraft Draft() => new(Body, Title, Description, OpensOn, ClosesOn,
        Questions.Where(q => !string.IsNullOrWhiteSpace(q.Text) || !string.IsNullOrWhiteSpace(q.Options))
            .Select(q => new QuestionDraft(q.Text, q.Kind, q.Required, q.Options?.Replace("\r", "", StringComparison.Ordinal))).ToList());

    /// <summary>Pads the question rows so there is room for more.</summary>
    protected void AddSpareRows()
    {
        var wanted = Math.Min(SurveyRules.MaxQuestions, Questions.Count(q => !string.IsNullOrWhiteSpace(q.Text)) + SpareRows);
        Questions = Questions.Where(q => !string.IsNullOrWhiteSpace(q.Text) || !string.IsNullOrWhiteSpace(q.Options)).ToList();
        while (Questions.Count < wanted)
        {
            Questions.Add(new QuestionForm { Kind = "single" });
        }
    }

    protected async Task LoadBodiesAsync(CancellationToken cancellationToken)
    {
        var inScope = await scope.BodiesInScopeAsync(User, cancellationToken);
        var all = await directory.LoadAsync(cancellationToken);
        Bodies = all.All.Where(b => inScope is null || inScope.Contains(b.Id)).OrderBy(b => b.SortOrder).ThenBy(b => b.Id).ToList();
    }

    protected void AddRefusal(Refusal refusal) =>
        ModelState.AddRefusal(refusal, field => field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..]);
}
