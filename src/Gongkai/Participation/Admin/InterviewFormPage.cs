using System.Globalization;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Participation.Admin;

/// <summary>The fields of an interview as the console's new and edit forms bind them (times in Beijing time).</summary>
public abstract class InterviewFormPage : PageModel
{
    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Guests { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public DateTime? StartsAt { get; set; }

    [BindProperty]
    public DateTime? EndsAt { get; set; }

    protected InterviewDraft Draft(string? body) => new(body, Title, Guests?.Replace("\r", "", StringComparison.Ordinal), Summary,
        StartsAt is { } s ? ChinaTime.FromLocal(s) : null, EndsAt is { } e ? ChinaTime.FromLocal(e) : null);

    protected void Fill(Interview interview)
    {
        (Title, Guests, Summary) = (interview.Title, interview.Guests, interview.Summary);
        (StartsAt, EndsAt) = (ChinaTime.ToChina(interview.StartsAt).DateTime, ChinaTime.ToChina(interview.EndsAt).DateTime);
    }

    protected void AddRefusal(Refusal refusal) => ModelState.AddRefusal(refusal, Field);

    /// <summary>The form's field name for an API field name (title → Title).</summary>
    public static string Field(string field) => field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..];

    /// <summary>A value for a <c>datetime-local</c> input.</summary>
    public static string Local(DateTime? value) => value?.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) ?? "";
}
