using System.Net;
using System.Text.RegularExpressions;

namespace Gongkai.Tests.Infrastructure;

/// <summary>Helpers for posting Razor Pages forms the way a browser does: read the antiforgery token from the
/// page, post the fields back with it (the client's cookie container carries the matching cookie).</summary>
public static partial class PageFormsOrgs
{
    public const string TokenField = "__RequestVerificationToken";

    public static string AntiforgeryToken(string html) =>
        TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException("The page has no antiforgery token.");

    /// <summary>GETs <paramref name="pageUrl"/>, then POSTs <paramref name="fields"/> with its token to <paramref name="postUrl"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string pageUrl, string postUrl, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await client.GetStringAsync(new Uri(pageUrl, UriKind.Relative));
        var content = new FormUrlEncodedContent(fields.Append(new(TokenField, AntiforgeryToken(page))));
        return await client.PostAsync(new Uri(postUrl, UriKind.Relative), content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
