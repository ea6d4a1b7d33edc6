using System.Net;
using System.Text.RegularExpressions;

namespace Gongkai.Tests.Infrastructure;

/// <summary>Posts Razor Pages forms the way a browser does: open the page, read its antiforgery token, and post the
/// fields back with it (the client's cookie container carries the matching cookie).</summary>
public static partial class PageForms
{
    public const string TokenField = "__RequestVerificationToken";

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    /// <summary>Opens <paramref name="pageUrl"/>, then submits <paramref name="fields"/> and <paramref name="repeated"/>
    /// (for a key sent more than once, like checked boxes) with the page's token to the page or one of its handlers;
    /// <paramref name="multipart"/> posts as <c>multipart/form-data</c>, as a form with a file input does.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(
        this HttpClient client,
        string pageUrl,
        IEnumerable<KeyValuePair<string, string>> fields,
        string? handler = null,
        IEnumerable<KeyValuePair<string, string>>? repeated = null,
        bool multipart = false)
    {
        var page = await client.GetAsync(new Uri(pageUrl, UriKind.RelativeOrAbsolute));
        var form = fields.Concat(repeated ?? []).Append(new(TokenField, AntiforgeryToken(await page.Content.ReadAsStringAsync()))).ToList();
        var target = handler is null ? pageUrl : $"{pageUrl}{(pageUrl.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={handler}";
        using HttpContent content = multipart ? Multipart(form) : new FormUrlEncodedContent(form);
        return await client.PostAsync(new Uri(target, UriKind.RelativeOrAbsolute), content);
    }

    private static MultipartFormDataContent Multipart(IEnumerable<KeyValuePair<string, string>> fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return content;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
