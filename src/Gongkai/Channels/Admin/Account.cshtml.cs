using Gongkai.Channels.NewMedia;
using Gongkai.Channels.Rules;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Channels.Admin;

/// <summary>One account: its standing on the indicators, the activity its owner reports, its posts, a new post from a
/// published document, and 关停/整合 with a public notice.</summary>
[Authorize(Policy = ChannelsPermissions.ViewChannels)]
public sealed class AccountModel(NewMediaDesk desk, RolePermissions permissions) : PageModel
{
    public NewMediaAccount Account { get; private set; } = null!;

    public AccountHealth Health { get; private set; } = null!;

    public IReadOnlyList<NewMediaPost> Posts { get; private set; } = [];

    public IReadOnlyList<NewMediaAccount> MergeTargets { get; private set; } = [];

    public bool MayManage { get; private set; }

    [BindProperty]
    public int? Followers { get; set; }

    [BindProperty]
    public DateOnly? LastPostOn { get; set; }

    [BindProperty]
    public int UnansweredInteractions { get; set; }

    [BindProperty]
    public DateOnly? OldestUnansweredOn { get; set; }

    [BindProperty]
    public string? IndexNo { get; set; }

    [BindProperty]
    public int? MergedIntoId { get; set; }

    [BindProperty]
    public string? Notice { get; set; }

    [BindProperty]
    public bool ExportEnabled { get; set; }

    [BindProperty]
    public string? WebhookUrl { get; set; }

    [BindProperty]
    public bool NewSecret { get; set; }

    /// <summary>A signing secret just generated: shown on this response only.</summary>
    public string? ShownSecret { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostActivityAsync(int id, CancellationToken cancellationToken) =>
        await ManageAsync(id, () => desk.ReportActivityAsync(User, id, new ActivityInput(Followers, LastPostOn, UnansweredInteractions, OldestUnansweredOn), cancellationToken),
            ChannelsPaths.Account(id), cancellationToken);

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken cancellationToken) =>
        await ManageAsync(id, () => desk.CloseAsync(User, id, MergedIntoId, Notice, cancellationToken), ChannelsPaths.Account(id), cancellationToken);

    public async Task<IActionResult> OnPostAdaptersAsync(int id, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, ChannelsPermissions.ManageAccounts))
        {
            return Forbid();
        }

        var site = new Uri($"{Request.Scheme}://{Request.Host}{Request.PathBase}/");
        var outcome = await desk.SetAdaptersAsync(User, id, ExportEnabled, WebhookUrl, NewSecret, site, cancellationToken);
        if (!outcome.Succeeded)
        {
            return await ShowRefusalAsync(id, outcome.Refusal, cancellationToken);
        }

        if (outcome.Value.NewSecret is null)
        {
            return Redirect(ChannelsPaths.Account(id));
        }

        // The secret is shown once, on this response (never in a redirect's address or a cookie).
        var page = await LoadAsync(id, cancellationToken);
        ShownSecret = outcome.Value.NewSecret;
        Response.Headers.CacheControl = "no-store";
        return page;
    }

    public async Task<IActionResult> OnPostDraftAsync(int id, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, ChannelsPermissions.ManageAccounts))
        {
            return Forbid();
        }

        var outcome = await desk.DraftAsync(User, id, IndexNo, cancellationToken);
        return outcome.Succeeded ? Redirect(ChannelsPaths.Post(outcome.Value.Id)) : await ShowRefusalAsync(id, outcome.Refusal, cancellationToken);
    }

    private async Task<IActionResult> ManageAsync(int id, Func<Task<Outcome>> action, string done, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, ChannelsPermissions.ManageAccounts))
        {
            return Forbid();
        }

        var outcome = await action();
        return outcome.Succeeded ? Redirect(done) : await ShowRefusalAsync(id, outcome.Refusal, cancellationToken);
    }

    private Task<IActionResult> ShowRefusalAsync(int id, Refusal refusal, CancellationToken cancellationToken) =>
        this.RefusedAsync(refusal, async () =>
        {
            var page = await LoadAsync(id, cancellationToken, keepInput: true);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        });

    private async Task<IActionResult> LoadAsync(int id, CancellationToken cancellationToken, bool keepInput = false)
    {
        var found = await desk.FindAccountAsync(User, id, cancellationToken);
        if (!found.Succeeded)
        {
            return this.Refused(found.Refusal);
        }

        Account = found.Value;
        Health = AccountIndicators.Assess(Account.Activity, desk.Today);
        Posts = await desk.PostsAsync(id, cancellationToken);
        MayManage = permissions.Grants(User, ChannelsPermissions.ManageAccounts);
        MergeTargets = (await desk.AccountsAsync(User, cancellationToken))
            .Select(r => r.Account).Where(a => a.BodyId == Account.BodyId && a.Id != id && a.Status == AccountStatus.Active).ToList();
        if (!keepInput || !string.Equals(Request.Query["handler"], "Adapters", StringComparison.Ordinal))
        {
            ExportEnabled = !Account.ExportDisabled;
            WebhookUrl = Account.WebhookUrl;
        }

        if (!keepInput)
        {
            Followers = Account.Followers;
            LastPostOn = Account.LastPostOn;
            UnansweredInteractions = Account.UnansweredInteractions;
            OldestUnansweredOn = Account.OldestUnansweredOn;
        }

        return Page();
    }
}
