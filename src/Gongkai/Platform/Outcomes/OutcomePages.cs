using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Platform.Outcomes;

/// <summary>The one mapping from a refusal to a Razor page: NotFound → 404, Forbidden → the access-denied
/// response, anything else → the message as a form-level error, each field's messages under the field's key, and
/// the page shown again.</summary>
public static class OutcomePages
{
    /// <summary>The response for <paramref name="refusal"/>. <paramref name="fieldKey"/> turns an API field name
    /// (e.g. <c>title</c>) into the page's ModelState key (e.g. <c>Form.Title</c>); by default the name itself.</summary>
    public static IActionResult Refused(this PageModel page, Refusal refusal, Func<string, string>? fieldKey = null) => refusal.Kind switch
    {
        RefusalKind.NotFound => page.NotFound(),
        RefusalKind.Forbidden => page.Forbid(),
        _ => page.WithErrors(refusal, fieldKey),
    };

    /// <summary>As <see cref="Refused"/>, for pages that must load their data again before showing the form:
    /// <paramref name="showPage"/> runs after the errors were added.</summary>
    public static async Task<IActionResult> RefusedAsync(this PageModel page, Refusal refusal, Func<Task<IActionResult>> showPage, Func<string, string>? fieldKey = null)
    {
        if (refusal.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
        {
            return page.Refused(refusal);
        }

        page.ModelState.AddRefusal(refusal, fieldKey);
        return await showPage();
    }

    /// <summary>Puts the refusal's message and field errors into ModelState (whatever its kind).</summary>
    public static void AddRefusal(this ModelStateDictionary modelState, Refusal refusal, Func<string, string>? fieldKey = null)
    {
        modelState.AddModelError(string.Empty, refusal.Message);
        foreach (var (field, messages) in refusal.Errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(fieldKey?.Invoke(field) ?? field, message);
            }
        }
    }

    /// <summary>The messages ModelState holds for <paramref name="key"/>, for pages that print errors beside a field.</summary>
    public static string[] ErrorsFor(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToArray() : [];

    /// <summary>Every field's messages (form-level ones left out), for pages that list them or pass them to a partial.</summary>
    public static IReadOnlyDictionary<string, string[]> FieldErrors(this ModelStateDictionary modelState)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (key, entry) in modelState)
        {
            if (key.Length > 0 && entry is { Errors.Count: > 0 })
            {
                errors[key] = entry.Errors.Select(e => e.ErrorMessage).ToArray();
            }
        }

        return errors;
    }

    private static PageResult WithErrors(this PageModel page, Refusal refusal, Func<string, string>? fieldKey)
    {
        page.ModelState.AddRefusal(refusal, fieldKey);
        return page.Page();
    }
}
