using Gongkai.Channels.Press;
using Gongkai.Channels.Rules;
using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Channels.Admin;

/// <summary>The fields of the conference form, shared by the new and the edit page.</summary>
public abstract class PressFormPage : PageModel
{
    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? Topic { get; set; }

    [BindProperty]
    public string? Venue { get; set; }

    /// <summary>China time, as the datetime-local field gives it.</summary>
    [BindProperty]
    public DateTime? StartsAt { get; set; }

    [BindProperty]
    public string? Speakers { get; set; }

    [BindProperty]
    public string? FirstInterpreter { get; set; }

    [BindProperty]
    public string? Transcript { get; set; }

    [BindProperty]
    public string? VideoUrl { get; set; }

    /// <summary>索引号 of the documents interpreted, one a line.</summary>
    [BindProperty]
    public string? Documents { get; set; }

    protected PressConferenceInput Input() =>
        new(Title, Topic, Venue, StartsAt is { } local ? ChinaTime.FromLocal(local) : null, Speakers, FirstInterpreter, Transcript, VideoUrl);

    protected IReadOnlyList<string> DocumentList() => (Documents ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    protected void Fill(PressConference c)
    {
        Title = c.Title;
        Topic = c.Topic;
        Venue = c.Venue;
        StartsAt = ChinaTime.ToChina(c.StartsAt).DateTime;
        Speakers = c.Speakers;
        FirstInterpreter = c.FirstInterpreter;
        Transcript = c.Transcript;
        VideoUrl = c.VideoUrl;
        Documents = c.RelatedIndexNos;
    }

    /// <summary>Form field names are the page's property names; the desk names fields in camel case.</summary>
    protected static string FieldKey(string key) => key.Length == 0 ? key : char.ToUpperInvariant(key[0]) + key[1..];
}

/// <summary>新闻发布会 in the console: the user's bodies' conferences and a form for a new one, which proposes the body's
/// head as 第一解读人.</summary>
[Authorize(Policy = ChannelsPermissions.ViewChannels)]
public sealed class PressListModel(PressDesk desk, RolePermissions permissions) : PressFormPage
{
    public IReadOnlyList<PressConferenceView> Conferences { get; private set; } = [];

    public bool MayManage { get; private set; }

    public string? BodyName { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (await desk.OwnBodyAsync(User, null, cancellationToken) is { HeadName.Length: > 0 } body)
        {
            Speakers = $"{body.HeadName} {body.Name}主要负责人";
            FirstInterpreter = body.HeadName;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await desk.CreateAsync(User, null, Input(), DocumentList(), cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect(PressPaths.Edit(outcome.Value.Id));
        }

        return await this.RefusedAsync(outcome.Refusal, async () =>
        {
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }, FieldKey);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Conferences = await desk.ListForStaffAsync(User, cancellationToken);
        MayManage = permissions.Grants(User, ChannelsPermissions.ManagePress);
        BodyName = (await desk.OwnBodyAsync(User, null, cancellationToken))?.Name;
    }
}

/// <summary>One conference in the console: edit it, release the 预告 (reviewer), mark it held, add photos.</summary>
[Authorize(Policy = ChannelsPermissions.ViewChannels)]
public sealed class PressEditModel(PressDesk desk) : PressFormPage
{
    public PressConferenceView? Found { get; private set; }

    public IReadOnlyList<(int Id, string Caption)> Photos { get; private set; } = [];

    public bool MayManage { get; private set; }

    public bool MayRelease { get; private set; }

    public string? Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? saved, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Found is null)
        {
            return NotFound();
        }

        Fill(Found.Conference);
        Saved = saved switch
        {
            "edit" => "已保存。",
            "schedule" => "预告已发布，公众可在“新闻发布会”栏目和订阅中看到。",
            "held" => "已登记为已举行。",
            "photo" => "图片已添加。",
            _ => null,
        };
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, "edit", () => desk.UpdateAsync(User, id, Input(), DocumentList(), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostScheduleAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, "schedule", () => desk.ScheduleAsync(User, id, cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostHeldAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, "held", () => desk.MarkHeldAsync(User, id, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostPhotoAsync(int id, string? caption, IFormFile? photo, CancellationToken cancellationToken)
    {
        byte[] content = [];
        if (photo is not null && photo.Length <= PressDesk.MaxPhotoBytes)
        {
            using var buffer = new MemoryStream();
            await photo.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        return await StepAsync(id, "photo", () => desk.AddPhotoAsync(User, id, caption, content, cancellationToken), cancellationToken);
    }

    private async Task<IActionResult> StepAsync<T>(int id, string done, Func<Task<Outcome<T>>> step, CancellationToken cancellationToken)
        where T : notnull
    {
        var outcome = await step();
        return outcome.Succeeded ? Redirect(PressPaths.Edit(id) + "?saved=" + done) : await ShowRefusalAsync(id, outcome.Refusal, cancellationToken);
    }

    private Task<IActionResult> ShowRefusalAsync(int id, Refusal refusal, CancellationToken cancellationToken) =>
        this.RefusedAsync(refusal, async () =>
        {
            if (!await LoadAsync(id, cancellationToken) || Found is null)
            {
                return NotFound();
            }

            if (Title is null)
            {
                Fill(Found.Conference);
            }

            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }, FieldKey);

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var view = await desk.ViewAsync(User, id, cancellationToken);
        if (!view.Succeeded || !await desk.MayActAsync(User, view.Value.Conference.BodyId, ChannelsPermissions.ViewChannels, cancellationToken))
        {
            return false;
        }

        var found = view.Value;
        Found = found;
        Photos = await desk.PhotosAsync(id, cancellationToken);
        MayManage = await desk.MayActAsync(User, found.Conference.BodyId, ChannelsPermissions.ManagePress, cancellationToken);
        MayRelease = await desk.MayActAsync(User, found.Conference.BodyId, ChannelsPermissions.ReleasePress, cancellationToken);
        return true;
    }
}
