using Gongkai.Platform.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gongkai.Hotline.Admin;

/// <summary>The SMS outbox: every text message to a caller, newest first, with its status. Mobile numbers are personal
/// data, so only the centre's operators open it.</summary>
[Authorize(Policy = HotlinePermissions.Operate)]
public sealed class SmsOutboxModel(GongkaiDbContext db, IOptions<HotlineSmsOptions> options) : PageModel
{
    public const int PageSize = 200;

    public IReadOnlyList<(HotlineSmsMessage Message, string? Number)> Messages { get; private set; } = [];

    public bool GatewayConfigured => options.Value.IsConfigured;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Set<HotlineSmsMessage>().AsNoTracking().OrderByDescending(m => m.CreatedAt).Take(PageSize).ToListAsync(cancellationToken);
        var ids = rows.Where(m => m.TicketId is not null).Select(m => m.TicketId!.Value).Distinct().ToList();
        var numbers = await db.Set<HotlineTicket>().AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Number, cancellationToken);
        Messages = rows.Select(m => (m, m.TicketId is { } id ? numbers.GetValueOrDefault(id) : null)).ToList();
    }
}
