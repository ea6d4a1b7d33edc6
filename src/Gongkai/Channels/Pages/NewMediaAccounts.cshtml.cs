using Gongkai.Channels.NewMedia;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Channels.Pages;

/// <summary>政务新媒体 for the public: the accounts in operation (so people can tell the official ones) and the notices
/// of accounts closed or merged.</summary>
public sealed class NewMediaAccountsModel(NewMediaDesk desk) : PageModel
{
    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Accounts = await desk.PublicAccountsAsync(cancellationToken);
}
