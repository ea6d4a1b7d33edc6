using System.Security.Claims;
using Gongkai.Channels.Rules;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Pdf;
using Gongkai.Platform.Time;
using Gongkai.Publishing.Rules;
using Gongkai.Publishing.Contracts;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Channels.Print;

/// <summary>A board with its body, for the console.</summary>
public sealed record NoticeBoardView(NoticeBoard Board, Body? Body)
{
    public IReadOnlyList<NoticeBoardSection> Sections => NoticeBoardRules.Stored(Board.Sections);
}

/// <summary>
/// Printed matter (work plan 十一): a body configures its 公示栏 boards (sections of chosen catalogue columns) and anyone
/// prints the current poster; staff compile a booklet (典型案例选编, 宣传手册) from published documents. Board changes are
/// checked on the server (permission and body scope) and audited.
/// </summary>
public sealed class PrintDesk(
    GongkaiDbContext db, AuditLog audit, BodyScope scope, BodyDirectory directory, RolePermissions permissions, TimeProvider clock,
    PublishedDocuments documents, PublishedColumns columns)
{
    public const int MaxBookletDocuments = 200;

    public async Task<IReadOnlyList<NoticeBoardView>> BoardsAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var inScope = await scope.BodiesInScopeAsync(user, cancellationToken);
        var query = db.Set<NoticeBoard>().AsNoTracking();
        if (inScope is not null)
        {
            query = query.Where(b => inScope.Contains(b.BodyId));
        }

        var bodies = await directory.LoadAsync(cancellationToken);
        return (await query.OrderBy(b => b.Id).ToListAsync(cancellationToken)).Select(b => new NoticeBoardView(b, bodies.Find(b.BodyId))).ToList();
    }

    /// <summary>The public columns of a body's catalogue, which sections may show.</summary>
    public async Task<IReadOnlyList<ColumnActivity>> ColumnsAsync(int bodyId, CancellationToken cancellationToken = default) =>
        await columns.ActivityAsync([bodyId], cancellationToken);

    /// <summary>Creates (<paramref name="id"/> null) or changes a board of one of the user's bodies.</summary>
    public async Task<Outcome<NoticeBoard>> SaveAsync(ClaimsPrincipal user, int? id, int bodyId, string? title, string? paperSize, string? sections,
        CancellationToken cancellationToken = default)
    {
        NoticeBoard? board = null;
        if (id is { } existing)
        {
            board = await db.Set<NoticeBoard>().SingleOrDefaultAsync(b => b.Id == existing, cancellationToken);
            if (board is null)
            {
                return Refusal.NotFound($"没有编号为 {existing} 的公示栏。", "未找到公示栏");
            }

            bodyId = board.BodyId;
        }

        if (!permissions.Grants(user, ChannelsPermissions.ManageAccounts) || !await scope.MayActForAsync(user, bodyId, cancellationToken))
        {
            return Refusal.Forbidden("只有本单位的信息编辑可以设置公示栏。");
        }

        if (await directory.FindAsync(bodyId, cancellationToken) is null)
        {
            return Refusal.InvalidField("bodyId", "请选择公示栏所属单位。", "所属单位有误");
        }

        var cleanTitle = (title ?? "").Trim();
        if (cleanTitle.Length == 0 || cleanTitle.Length > 60)
        {
            return Refusal.InvalidField("title", "请填写公示栏名称（不超过 60 个字）。", "公示栏名称有误");
        }

        if (paperSize is not ("A3" or "A4"))
        {
            return Refusal.InvalidField("paperSize", "纸张只能是 A3 或 A4。", "纸张规格有误");
        }

        var available = (await ColumnsAsync(bodyId, cancellationToken)).Select(c => c.Id).ToHashSet();
        var parsed = NoticeBoardRules.ParseSections(sections, available);
        if (!parsed.Succeeded)
        {
            return parsed.Refusal;
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        if (board is null)
        {
            board = new NoticeBoard { BodyId = bodyId, Title = cleanTitle, UpdatedBy = StaffClaims.DisplayNameOf(user) };
            db.Set<NoticeBoard>().Add(board);
        }

        board.Title = cleanTitle;
        board.PaperSize = paperSize;
        board.Sections = NoticeBoardRules.Format(parsed.Value);
        board.UpdatedAt = now;
        board.UpdatedBy = StaffClaims.DisplayNameOf(user);
        var saved = board;
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            audit.Record(id is null ? "notice-board.create" : "notice-board.update", "notice-board:" + saved.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                saved.Title, saved.BodyId);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return saved;
    }

    /// <summary>The poster as it stands now: every section's latest published items with their full addresses.</summary>
    public async Task<PdfModel?> PosterAsync(int id, Uri site, CancellationToken cancellationToken = default)
    {
        var board = await db.Set<NoticeBoard>().AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
        if (board is null)
        {
            return null;
        }

        var body = await directory.FindAsync(board.BodyId, cancellationToken);
        var sections = new List<PosterSection>();
        foreach (var section in NoticeBoardRules.Stored(board.Sections))
        {
            var page = await documents.PageAsync(1, section.Count, new DocumentFilter(NodeIds: section.NodeIds), cancellationToken);
            sections.Add(new PosterSection(section.Heading, page.Items.Select(d => new PosterItem(
                d.Title, Byline(d.BodyName, d.DocNumber, d.PublishedOn), new Uri(site, d.Url).AbsoluteUri)).ToList()));
        }

        return PrintedMatter.Poster(board.Title, body?.Name ?? "", PrintedMatter.PaperOf(board.PaperSize), sections, ChinaTime.Today(clock));
    }

    /// <summary>A booklet of published documents in the order given (by 索引号).</summary>
    public async Task<Outcome<PdfModel>> BookletAsync(string? title, string? foreword, string compiler, IReadOnlyList<string> indexNos, CancellationToken cancellationToken = default)
    {
        var cleanTitle = (title ?? "").Trim();
        if (cleanTitle.Length == 0 || cleanTitle.Length > 60)
        {
            return Refusal.InvalidField("title", "请填写汇编名称（不超过 60 个字），如“典型案例选编”“惠民政策宣传手册”。", "汇编名称有误");
        }

        if ((foreword ?? "").Length > 4000)
        {
            return Refusal.InvalidField("foreword", "前言不能超过 4000 字。", "前言有误");
        }

        var numbers = indexNos.Select(n => n.Trim()).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (numbers.Count == 0 || numbers.Count > MaxBookletDocuments)
        {
            return Refusal.InvalidField("indexNos", $"请填写 1 至 {MaxBookletDocuments} 个已公开文件的索引号（每行一个）。", "所选文件有误");
        }

        var selected = new List<BookletDocument>();
        foreach (var number in numbers)
        {
            if (await documents.FindAsync(number, cancellationToken) is not { Document: { Status: DocumentStatus.Published } document })
            {
                return Refusal.InvalidField("indexNos", $"没有索引号为“{number}”的已公开文件。", "所选文件有误");
            }

            var published = document.PublishedAt is { } at ? ChinaTime.DateOf(at) : ChinaTime.Today(clock);
            selected.Add(new BookletDocument(document.Title, Byline(document.Body?.Name ?? "", document.DocNumber, published), PrintedMatter.Paragraphs(document.BodyHtml)));
        }

        return PrintedMatter.Booklet(cleanTitle, foreword, compiler, selected, ChinaTime.Today(clock));
    }

    private static string Byline(string bodyName, string? docNumber, DateOnly publishedOn) =>
        string.Join("　", new[] { bodyName, docNumber ?? "", publishedOn.ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture) }.Where(p => p.Length > 0));
}
