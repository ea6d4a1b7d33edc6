using Gongkai.Organizations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Requests.Pages;

/// <summary>The public application form: no account, works without JavaScript, keeps the input on error.</summary>
public sealed class ApplyModel(RequestDesk desk, BodyDirectory directory) : PageModel
{
    [BindProperty]
    public RequestApplication Application { get; set; } = new();

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    public FiledRequest? Filed { get; private set; }

    public string[] ErrorsFor(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    public async Task OnGetAsync(string? body, CancellationToken cancellationToken)
    {
        Application.Body = body;
        Application.Form ??= "electronic";
        Application.Delivery ??= "online";
        Bodies = (await directory.LoadAsync(cancellationToken)).All;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Bodies = (await directory.LoadAsync(cancellationToken)).All;
        // The public form never sets the channel or the receipt date, whatever is posted.
        Application.Channel = null;
        Application.ReceivedOn = null;
        var filed = await desk.FileAsync(Application, null, cancellationToken);
        Errors = filed.Refusal?.Errors ?? new Dictionary<string, string[]>();
        Filed = filed.Value;
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
