using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Participation.Admin;

/// <summary>The fields of a consultation as the console's new and edit forms bind them.</summary>
public abstract class ConsultationFormPage(BodyScope scope, BodyDirectory directory) : PageModel
{
    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    [BindProperty]
    public string? Body { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? DraftHtml { get; set; }

    [BindProperty]
    public string? ExplanationHtml { get; set; }

    [BindProperty]
    public string? Options { get; set; }

    [BindProperty]
    public string? HowToComment { get; set; }

    [BindProperty]
    public DateOnly? OpensOn { get; set; }

    [BindProperty]
    public DateOnly? ClosesOn { get; set; }

    [BindProperty]
    public string? ShortenedReason { get; set; }

    protected ConsultationDraft Draft() => new(Body, Title, Kind, DraftHtml, ExplanationHtml, OpensOn, ClosesOn, ShortenedReason, Options, HowToComment);

    protected async Task LoadBodiesAsync(CancellationToken cancellationToken)
    {
        var inScope = await scope.BodiesInScopeAsync(User, cancellationToken);
        var all = await directory.LoadAsync(cancellationToken);
        Bodies = all.All.Where(b => inScope is null || inScope.Contains(b.Id)).OrderBy(b => b.SortOrder).ThenBy(b => b.Id).ToList();
    }

    /// <summary>Field keys of the desk (camelCase, as the API names them) mapped to the form's names.</summary>
    protected static string FieldKey(string field) => field.Length == 0 ? field : char.ToUpperInvariant(field[0]) + field[1..];

    protected void AddRefusal(Refusal refusal) => ModelState.AddRefusal(refusal, FieldKey);
}
