using Gongkai.Channels.NewMedia;
using Gongkai.Channels.WebSub;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Channels.Admin;

/// <summary>What the hub is doing, for the console.</summary>
public sealed record HubSummary(int Subscriptions, int Topics, int Pending, int DeliveredToday, int Failed);

/// <summary>发布渠道: the self-inspection view of the user's bodies' new-media accounts (not updated within 2 weeks,
/// interaction unanswered — problems first) and the WebSub hub's subscriptions and deliveries.</summary>
[Authorize(Policy = ChannelsPermissions.ViewChannels)]
public sealed class ChannelsHomeModel(NewMediaDesk desk, GongkaiDbContext db, RolePermissions permissions, TimeProvider clock) : PageModel
{
    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public HubSummary Hub { get; private set; } = new(0, 0, 0, 0, 0);

    public bool MayManage { get; private set; }

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Accounts = await desk.AccountsAsync(User, cancellationToken);
        Today = desk.Today;
        MayManage = permissions.Grants(User, ChannelsPermissions.ManageAccounts);
        var now = clock.GetUtcNow();
        var dayAgo = now.AddDays(-1);
        var subscriptions = db.Set<WebSubSubscription>().AsNoTracking().Where(s => s.ExpiresAt > now);
        var deliveries = db.Set<WebSubDelivery>().AsNoTracking();
        Hub = new HubSummary(
            await subscriptions.CountAsync(cancellationToken),
            await subscriptions.Select(s => s.Topic).Distinct().CountAsync(cancellationToken),
            await deliveries.CountAsync(d => d.Status == WebSubDeliveryStatus.Pending || d.Status == WebSubDeliveryStatus.Running, cancellationToken),
            await deliveries.CountAsync(d => d.Status == WebSubDeliveryStatus.Delivered && d.DeliveredAt > dayAgo, cancellationToken),
            await deliveries.CountAsync(d => d.Status == WebSubDeliveryStatus.Failed, cancellationToken));
    }
}
