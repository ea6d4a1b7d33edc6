using Gongkai.Participation.Rules;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Participation.Admin;

/// <summary>One interview in the console: announce it (终审), start and end it, pick or set aside questions, record the
/// guests' answers into the transcript, link related documents and upload photos. Every step is decided again by the desk.</summary>
[Authorize(Policy = ParticipationPermissions.View)]
public sealed class InterviewAdminModel(InterviewDesk desk) : PageModel
{
    public InterviewView View { get; private set; } = null!;

    public IReadOnlyList<InterviewQuestion> Questions { get; private set; } = [];

    public IReadOnlyList<(int Id, string Caption)> Photos { get; private set; } = [];

    public bool MayPrepare { get; private set; }

    public bool MayApprove { get; private set; }

    public string? Error { get; private set; }

    public string? Done { get; private set; }

    [BindProperty]
    public string? IndexNos { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, string? done, CancellationToken cancellationToken)
    {
        Done = done switch
        {
            "edited" => "访谈草稿已保存。",
            "announced" => "预告已发布，公众现在可以提问。",
            "started" => "访谈已开始。",
            "archived" => "访谈已结束并归档。",
            "moderated" => "已保存。",
            "answered" => "回答已载入实录。",
            "linked" => "相关文件已保存。",
            "photo" => "图片已上传。",
            _ => null,
        };
        return await LoadAsync(id, cancellationToken);
    }

    public async Task<IActionResult> OnPostAnnounceAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await desk.AnnounceAsync(User, id, cancellationToken)).WithoutValue(), "announced", cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await desk.StartAsync(User, id, cancellationToken)).WithoutValue(), "started", cancellationToken);

    public async Task<IActionResult> OnPostArchiveAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await desk.ArchiveAsync(User, id, cancellationToken)).WithoutValue(), "archived", cancellationToken);

    public async Task<IActionResult> OnPostModerateAsync(int id, long questionId, string? state, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await desk.ModerateAsync(User, id, questionId, state, cancellationToken)).WithoutValue(), "moderated", cancellationToken);

    public async Task<IActionResult> OnPostAnswerAsync(int id, long questionId, string? guest, string? answer, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await desk.AnswerAsync(User, id, questionId, guest, answer, cancellationToken)).WithoutValue(), "answered", cancellationToken);

    public async Task<IActionResult> OnPostDocumentsAsync(int id, CancellationToken cancellationToken) =>
        await AfterAsync(id, (await desk.LinkDocumentsAsync(User, id, InterviewRules.IndexNumbers(IndexNos), cancellationToken)).WithoutValue(), "linked", cancellationToken);

    public async Task<IActionResult> OnPostPhotoAsync(int id, string? caption, IFormFile? photo, CancellationToken cancellationToken)
    {
        byte[] content = [];
        if (photo is { Length: > 0 and <= InterviewDesk.MaxPhotoBytes })
        {
            using var buffer = new MemoryStream();
            await photo.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        return await AfterAsync(id, (await desk.AddPhotoAsync(User, id, caption, content, cancellationToken)).WithoutValue(), "photo", cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(int id, Outcome outcome, string done, CancellationToken cancellationToken)
    {
        if (outcome.Refusal is { } refusal)
        {
            if (refusal.Kind is RefusalKind.NotFound or RefusalKind.Forbidden)
            {
                return this.Refused(refusal);
            }

            Error = string.Join(" ", new[] { refusal.Message }.Concat(refusal.Errors.Values.SelectMany(m => m)).Distinct());
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, cancellationToken);
        }

        return Redirect($"/admin/interviews/{id}?done={done}");
    }

    private async Task<IActionResult> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await desk.ViewAsync(User, id, cancellationToken);
        if (outcome.Refusal is { } refusal)
        {
            return this.Refused(refusal);
        }

        View = outcome.Value!;
        var questions = await desk.StaffQuestionsAsync(User, id, cancellationToken);
        if (questions.Refusal is { } forbidden)
        {
            return this.Refused(forbidden);
        }

        Questions = questions.Value!;
        Photos = await desk.PhotosAsync(id, cancellationToken);
        MayPrepare = await desk.MayActAsync(User, View.Interview.BodyId, ParticipationPermissions.Prepare, cancellationToken);
        MayApprove = await desk.MayActAsync(User, View.Interview.BodyId, ParticipationPermissions.Approve, cancellationToken);
        IndexNos ??= View.Interview.RelatedIndexNos;
        return Page();
    }
}
