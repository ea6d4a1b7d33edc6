using System.Globalization;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Gongkai.Participation.Pages;

/// <summary>One survey: while open, the questionnaire as a plain HTML form (works without JavaScript); once the
/// results are published, a chart and a data table per choice question and the text answers moderators have shown.
/// Duplicate answers are held back without an account: the form carries a one-time key (a form sent twice counts
/// once), a cookie marks the browser that answered, and the address is rate-limited. The page says plainly that a
/// person who clears cookies or changes browser can answer again.</summary>
[EnableRateLimiting(ParticipationRateLimits.SurveyResponse)]
public sealed class SurveyPageModel(SurveyDesk desk) : PageModel
{
    public SurveyView View { get; private set; } = null!;

    public SurveyResults? Results { get; private set; }

    public int ResponseCount { get; private set; }

    public bool Submitted { get; private set; }

    public bool AlreadyAnswered { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The form's one-time key (hidden field).</summary>
    [BindProperty]
    public string? Key { get; set; }

    /// <summary>What the citizen chose or wrote, per question number, so a refused form comes back filled in.</summary>
    public Dictionary<int, IReadOnlyList<string>> Given { get; } = [];

    public static string CookieName(int id) => $"gongkai-survey-{id.ToString(CultureInfo.InvariantCulture)}";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        AlreadyAnswered = Request.Cookies.ContainsKey(CookieName(id));
        Key = SurveyDesk.NewKey();
        return await LoadAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        if (Request.Cookies.ContainsKey(CookieName(id)))
        {
            AlreadyAnswered = true;
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }

        var answers = new List<AnswerDraft>();
        foreach (var question in View.Questions)
        {
            var values = Request.Form[$"q{question.Position}"].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();
            Given[question.Position] = values;
            if (question.Kind == "text")
            {
                answers.Add(new AnswerDraft(question.Position, null, string.Join("\n", values)));
            }
            else
            {
                // A value that is not an option number is passed on as 0, which the rules refuse as an unknown option.
                answers.Add(new AnswerDraft(question.Position, values.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).ToList(), null));
            }
        }

        var outcome = await desk.RespondAsync(id, Key, answers, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            if (refusal.Kind == RefusalKind.Conflict && View.Status == SurveyStatus.Open)
            {
                // The same form was sent twice: the first copy counts.
                AlreadyAnswered = true;
                MarkAnswered(id);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }

            Error = refusal.Message;
            foreach (var (field, messages) in refusal.Errors)
            {
                ModelState.AddModelError(field, string.Join(" ", messages));
            }

            Response.StatusCode = refusal.Kind == RefusalKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
            return Page();
        }

        MarkAnswered(id);
        Submitted = true;
        Given.Clear();
        ResponseCount++;
        return Page();
    }

    private void MarkAnswered(int id) => Response.Cookies.Append(CookieName(id), "1", new CookieOptions
    {
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Secure = Request.IsHttps,
        Path = $"/surveys/{id.ToString(CultureInfo.InvariantCulture)}",
        MaxAge = TimeSpan.FromDays(180),
    });

    private async Task<IActionResult> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await desk.ViewAsync(User, id, cancellationToken);
        if (outcome.Refusal is not null)
        {
            return NotFound();
        }

        View = outcome.Value!;
        if (View.Status == SurveyStatus.ResultsPublished)
        {
            // Published results are final: their kept counts include the responses, so the page does not count again.
            Results = await desk.ResultsAsync(View, cancellationToken);
            ResponseCount = Results.Responses;
        }
        else
        {
            ResponseCount = await desk.ResponseCountAsync(id, cancellationToken);
        }

        return Page();
    }

    public bool Chose(int question, int option) =>
        Given.TryGetValue(question, out var values) && values.Contains(option.ToString(CultureInfo.InvariantCulture));

    public string Wrote(int question) => Given.TryGetValue(question, out var values) ? string.Join("\n", values) : "";

    public string? ErrorFor(int question) => ModelState.TryGetValue($"q{question}", out var entry) && entry.Errors.Count > 0
        ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage)) : null;
}
