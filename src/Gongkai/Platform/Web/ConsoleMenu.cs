namespace Gongkai.Platform.Web;

/// <summary>One section of the staff console: its place in the menu, where it goes, what it is for, and the
/// authorization policy that shows it (the pages check again on the server).</summary>
public sealed record ConsoleMenuEntry(int Order, string Title, string Href, string Policy, string Description);

/// <summary>The console's sections, contributed by the modules that own them (<see cref="ConsoleMenuRegistration.AddConsoleMenuEntry"/>),
/// in menu order. The console's navigation and dashboard read it; no central list is edited when a module adds one.</summary>
public sealed class ConsoleMenu(IEnumerable<ConsoleMenuEntry> entries)
{
    public IReadOnlyList<ConsoleMenuEntry> Entries { get; } = entries.OrderBy(e => e.Order).ThenBy(e => e.Href, StringComparer.Ordinal).ToArray();
}

public static class ConsoleMenuRegistration
{
    /// <summary>Adds a section to the console menu. <paramref name="order"/> places it (tens leave room between).</summary>
    public static IServiceCollection AddConsoleMenuEntry(this IServiceCollection services, int order, string title, string href, string policy, string description)
    {
        services.AddSingleton(new ConsoleMenuEntry(order, title, href, policy, description));
        return services;
    }
}
