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
public sealed class PostModel(NewMediaDesk desk, RolePermissions permissions) : PageModel
{
    public NewMediaPost Post { get; private set; } = null!;

    public NewMediaAccount Account { get; private set; } = null!;

    public bool MayEdit { get; private set; }

    public bool MayReview { get; private set; }

    public string Link { get; private set; } = "";

    /// <summary>The export: exactly what goes into the platform's editor.</summary>
    public string ExportText => $"{Post.Title}\n\n{Post.Summary}\n\n原文：{Link}";

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
        ActAsync(id, ChannelsPermissions.ReviewPosts, () => desk.ReviewAsync(User, id, release: true, Comment, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReturnAsync(int id, CancellationToken cancellationToken) =>
        ActAsync(id, ChannelsPermissions.ReviewPosts, () => desk.ReviewAsync(User, id, release: false, Comment, cancellationToken), cancellationToken);

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
        MayEdit = permissions.Grants(User, ChannelsPermissions.ManageAccounts) && PostFlow.Edit(Post.Status).Succeeded;
        MayReview = permissions.Grants(User, ChannelsPermissions.ReviewPosts) && Post.Status == PostStatus.Submitted && Post.AuthorId != StaffClaims.UserIdOf(User);
        if (!keepInput)
        {
            Title = Post.Title;
            Summary = Post.Summary;
        }

        return Page();
    }
}
