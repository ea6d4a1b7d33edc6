using Gongkai.Channels.Press;
using Gongkai.Channels.Rules;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Channels.Pages;

/// <summary>新闻发布会 for the public: coming conferences first (预告), then the held ones with their records.</summary>
public sealed class PressConferencesModel(PressDesk desk) : PageModel
{
    public IReadOnlyList<PressConferenceView> Upcoming { get; private set; } = [];

    public IReadOnlyList<PressConferenceView> Held { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var all = await desk.ListPublicAsync(cancellationToken: cancellationToken);
        Upcoming = all.Where(v => v.Stage == PressStage.Scheduled).OrderBy(v => v.Conference.StartsAt).ToList();
        Held = all.Where(v => v.Stage == PressStage.Held).ToList();
    }
}

/// <summary>One conference: time, place, speakers with the 第一解读人, the documents it interprets, and once held its
/// transcript, photos and video.</summary>
public sealed class PressConferencePageModel(PressDesk desk) : PageModel
{
    public PressConferenceView? Found { get; private set; }

    public IReadOnlyList<(int Id, string Caption)> Photos { get; private set; } = [];

    public IReadOnlyList<InterpretedDocument> Documents { get; private set; } = [];

    public async Task OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var view = await desk.ViewAsync(User, id, cancellationToken);
        if (!view.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        Found = view.Value;
        Photos = await desk.PhotosAsync(id, cancellationToken);
        Documents = await desk.DocumentsAsync(Found.Conference, cancellationToken);
    }
}
