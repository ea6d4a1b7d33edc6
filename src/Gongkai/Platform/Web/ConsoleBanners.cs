using System.Security.Claims;

namespace Gongkai.Platform.Web;

/// <summary>A message shown at the top of every console page to the users it concerns, with where to act on it.</summary>
public sealed record ConsoleBannerMessage(string Text, string Href, string LinkText);

/// <summary>
/// A console-wide banner a module contributes (<c>services.AddScoped&lt;IConsoleBanner, …&gt;()</c>): the console's
/// navigation asks every registered banner on each page and shows the messages it returns for the signed-in user.
/// Keep it cheap: it runs on every console page.
/// </summary>
public interface IConsoleBanner
{
    Task<ConsoleBannerMessage?> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default);
}
