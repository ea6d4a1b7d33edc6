using Gongkai.Channels.Print;
using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Pdf;
using Gongkai.Publishing.Contracts;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Channels.Admin;

/// <summary>公示栏 in the console: the boards of the user's bodies with their sections, a form to add or change one,
/// and the columns of the body's catalogue a section may show.</summary>
[Authorize(Policy = ChannelsPermissions.ViewChannels)]
public sealed class NoticeBoardsModel(PrintDesk desk, RolePermissions permissions) : PageModel
{
    public IReadOnlyList<NoticeBoardView> Boards { get; private set; } = [];

    public IReadOnlyList<ColumnActivity> Columns { get; private set; } = [];

    public bool MayManage { get; private set; }

    [BindProperty]
    public int? BoardId { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? PaperSize { get; set; } = "A3";

    [BindProperty]
    public string? Sections { get; set; }

    public async Task OnGetAsync(int? edit, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (edit is { } id && Boards.FirstOrDefault(b => b.Board.Id == id) is { } board)
        {
            BoardId = id;
            Title = board.Board.Title;
            PaperSize = board.Board.PaperSize;
            Sections = board.Board.Sections;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var bodyId = StaffClaims.BodyIdOf(User) ?? 0;
        var outcome = await desk.SaveAsync(User, BoardId, bodyId, Title, PaperSize, Sections, cancellationToken);
        if (outcome.Succeeded)
        {
            return Redirect(PrintModule.BoardsConsole + "?saved=" + outcome.Value.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return await this.RefusedAsync(outcome.Refusal, async () =>
        {
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }, key => char.ToUpperInvariant(key[0]) + key[1..]);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Boards = await desk.BoardsAsync(User, cancellationToken);
        MayManage = permissions.Grants(User, ChannelsPermissions.ManageAccounts);
        Columns = StaffClaims.BodyIdOf(User) is { } own ? await desk.ColumnsAsync(own, cancellationToken) : [];
    }
}

/// <summary>典型案例选编 / 宣传手册: staff pick published documents by 索引号 and download the compiled booklet (table of
/// contents, page numbers).</summary>
[Authorize(Policy = ChannelsPermissions.ViewChannels)]
public sealed class BookletModel(PrintDesk desk, PdfRenderer renderer, BodyDirectory directory) : PageModel
{
    [BindProperty]
    public string? Title { get; set; } = "典型案例选编";

    [BindProperty]
    public string? Foreword { get; set; }

    [BindProperty]
    public string? IndexNos { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var compiler = StaffClaims.BodyIdOf(User) is { } own && await directory.FindAsync(own, cancellationToken) is { } body ? body.Name + "编" : "";
        var outcome = await desk.BookletAsync(Title, Foreword, compiler, (IndexNos ?? "").Split('\n'), cancellationToken);
        if (outcome.Succeeded)
        {
            return File(renderer.Render(outcome.Value), "application/pdf", "huibian.pdf");
        }

        return await this.RefusedAsync(outcome.Refusal, () =>
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Task.FromResult<IActionResult>(Page());
        }, key => char.ToUpperInvariant(key[0]) + key[1..]);
    }
}
