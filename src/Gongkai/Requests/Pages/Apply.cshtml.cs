using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Requests.Pages;

/// <summary>The public application form: no account, works without JavaScript, keeps the input on error. A filed
/// application redirects to its confirmation (post-redirect-get), and the form carries a one-time key, so neither a
/// refresh nor a second click files it twice.</summary>
public sealed class ApplyModel(RequestDesk desk, BodyDirectory directory) : PageModel
{
    private const string ConfirmationKey = "requests.apply.confirmation";

    [BindProperty]
    public RequestApplication Application { get; set; } = new();

    /// <summary>The form's idempotency key, new each time the empty form is shown.</summary>
    [BindProperty]
    public string FilingKey { get; set; } = "";

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();

    /// <summary>Shown after a redirect from a successful filing.</summary>
    public FilingConfirmation? Confirmation { get; private set; }

    /// <summary>True on the confirmation address when this browser holds no confirmation (another browser, or it expired).</summary>
    public bool ConfirmationGone { get; private set; }

    /// <summary>The same form was posted again with different content.</summary>
    public string? ResubmittedNotice { get; private set; }

    public string[] ErrorsFor(string field) => Errors.TryGetValue(field, out var messages) ? messages : [];

    public async Task OnGetAsync(string? body, CancellationToken cancellationToken)
    {
        Application.Body = body;
        Application.Form ??= "electronic";
        Application.Delivery ??= "online";
        FilingKey = NewFilingKey();
        Bodies = (await directory.LoadAsync(cancellationToken)).All;
    }

    /// <summary>The confirmation after filing. Peeked, not read, so refreshing the page shows it again (and files nothing).</summary>
    public void OnGetFiled()
    {
        Response.Headers.CacheControl = "no-store";
        Confirmation = TempData.Peek(ConfirmationKey) is string json ? JsonSerializer.Deserialize<FilingConfirmation>(json) : null;
        ConfirmationGone = Confirmation is null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        // The public form never sets the channel or the receipt date, whatever is posted.
        Application.Channel = null;
        Application.ReceivedOn = null;
        if (string.IsNullOrWhiteSpace(FilingKey))
        {
            FilingKey = NewFilingKey();
        }

        var filed = await desk.FileAsync(Application, null, FilingKey, cancellationToken);
        if (filed.Succeeded)
        {
            var value = filed.Value;
            var clock = value.Clock;
            TempData[ConfirmationKey] = JsonSerializer.Serialize(new FilingConfirmation(
                value.Request.TrackingNumber, value.Code, RequestPresentation.Date(value.Request.ReceivedOn),
                clock is null ? null : $"{RequestPresentation.Due(clock)}（{clock.Rules.Summary}）"));
            return RedirectToPage(null, "Filed");
        }

        Bodies = (await directory.LoadAsync(cancellationToken)).All;
        if (filed.Refusal.Kind == RefusalKind.BlockedByRule)
        {
            // The form was filed before and is posted again changed (back button, edit, submit): say so, and let a
            // second, deliberate submit file the changed text as a new application.
            ResubmittedNotice = "这张表单已经提交过一次，本次修改没有提交。如果要把修改后的内容作为一份新的申请提交，请再次点击“提交申请”。";
            FilingKey = NewFilingKey();
            return Page();
        }

        Errors = filed.Refusal.Errors;
        return Page();
    }

    private static string NewFilingKey() => Guid.NewGuid().ToString("N");
}

/// <summary>What the confirmation page shows; kept in the (encrypted) temp-data cookie between the post and the get.</summary>
public sealed record FilingConfirmation(string TrackingNumber, string Code, string ReceivedOn, string? Due);
