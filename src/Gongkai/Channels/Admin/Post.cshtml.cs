using Gongkai.Channels.NewMedia;
using Gongkai.Channels.Rules;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Channels.Admin;

/// <summary>One post: its content, the text an editor pastes into the platform's console once it is released, and the
/// steps its status allows — edit and submit (editors), release or return (a reviewer other than the author).</summary>
[Authorize(Policy = ChannelsPermissions.ViewChannels)]
public sealed class PostModel(NewMediaDesk desk, PostChannels channels, RolePermissions permissions) : PageModel
{
    public NewMediaPost Post { get; private set; } = null!;

    public NewMediaAccount Account { get; private set; } = null!;

    public bool MayEdit { get; private set; }

    public bool MayReview { get; private set; }

    public string Link { get; private set; } = "";

    /// <summary>The export: exactly what goes into the platform's editor.</summary>
    public string ExportText => $"{Post.Title}\n\n{Post.Summary}\n\n原文：{Link}";

    /// <summary>The export as HTML, for editors (微信公众号's) that take formatted text: the same words, the link live.</summary>
    public string ExportHtml
    {
        get
        {
            var encoder = System.Text.Encodings.Web.HtmlEncoder.Default;
            return $"<h1>{encoder.Encode(Post.Title)}</h1>\n<p>{encoder.Encode(Post.Summary)}</p>\n<p>原文：<a href=\"{encoder.Encode(Link)}\">{encoder.Encode(Link)}</a></p>";
        }
    }

    public IReadOnlyList<PostChannelView> Channels { get; private set; } = [];

    /// <summary>Whether the user may record confirmations and queue a failed webhook again.</summary>
    public bool MayManage { get; private set; }

    [BindProperty]
    public string? PlatformPostUrl { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Summary { get; set; }

    [BindProperty]
    public string? Comment { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) => await LoadAsync(id, cancellationToken);

    public Task<IActionResult> OnPostEditAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, ChannelsPermissions.ManageAccounts, () => desk.EditAsync(User, id, Title, Summary, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, ChannelsPermissions.ManageAccounts, () => desk.SubmitAsync(User, id, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReleaseAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, ChannelsPermissions.ReviewPosts, () => desk.ReviewAsync(User, id, release: true, Comment, Site, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, ChannelsPermissions.ReviewPosts, () => desk.ReviewAsync(User, id, release: false, Comment, Site, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostPublishedAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, ChannelsPermissions.ManageAccounts, () => channels.ConfirmPublishedAsync(User, id, PlatformPostUrl, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRemovedAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, ChannelsPermissions.ManageAccounts, () => channels.ConfirmRemovedAsync(User, id, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostRetryAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, ChannelsPermissions.ManageAccounts, () => channels.RetryWebhookAsync(User, id, cancellationToken), cancellationToken);

    private Uri Site => new($"{Request.Scheme}://{Request.Host}{Request.PathBase}/");

    private async Task<IActionResult> ActAsync(int id, string permission, Func<Task<Outcome>> action, CancellationToken cancellationToken)
    {
        if (!permissions.Grants(User, permission))
        {
            return Forbid();
        }

        var outcome = await action();
        if (outcome.Succeeded)
        {
            return Redirect(ChannelsPaths.Post(id));
        }

        return await this.RefusedAsync(outcome.Refusal, async () =>
        {
            var page = await LoadAsync(id, cancellationToken, keepInput: true);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        });
    }

    private async Task<IActionResult> LoadAsync(int id, CancellationToken cancellationToken, bool keepInput = false)
    {
        var found = await desk.FindPostAsync(User, id, cancellationToken);
        if (!found.Succeeded)
        {
            return this.Refused(found.Refusal);
        }

        (Post, Account) = found.Value;
        Link = new Uri(new Uri($"{Request.Scheme}://{Request.Host}/"), Post.LinkPath).AbsoluteUri;
        MayManage = permissions.Grants(User, ChannelsPermissions.ManageAccounts);
        MayEdit = MayManage && PostFlow.Edit(Post.Status).Succeeded;
        Channels = await channels.OfAsync(Post, cancellationToken);
        MayReview = permissions.Grants(User, ChannelsPermissions.ReviewPosts) && Post.Status == PostStatus.Submitted && Post.AuthorId != StaffClaims.UserIdOf(User);
        if (!keepInput)
        {
            Title = Post.Title;
            Summary = Post.Summary;
        }

        return Page();
    }
}
