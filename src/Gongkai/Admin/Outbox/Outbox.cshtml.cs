using Gongkai.Platform.Notifications;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Admin.Outbox;

/// <summary>发件箱: every notification, newest first, with whether it was mailed.</summary>
[Authorize(Policy = AdminPermissions.ViewOutbox)]
public sealed class OutboxModel(GongkaiDbContext db) : PageModel
{
    public const int PageSize = 30;

    // Not "page": Razor Pages reserves that name for the page's own route value.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<OutboxMessage> Messages { get; private set; } = [];

    public int TotalCount { get; private set; }

    public int PageCount => Math.Max(1, (TotalCount + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var outbox = db.Set<OutboxMessage>().AsNoTracking();
        TotalCount = await outbox.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(PageNumber, 1, PageCount);
        Messages = await outbox
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip((PageNumber - 1) * PageSize)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
    }
}
