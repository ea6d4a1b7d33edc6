using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Platform.Web;
using Gongkai.Publishing.Rules;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Admin;

public sealed record DocumentListItem(
    int Id, string Title, string? IndexNo, string? DocNumber, string BodyName, DocumentKind Kind, DocumentStatus Status,
    DateTimeOffset? PublishedAt, DateTimeOffset UpdatedAt);

/// <summary>Every document of the bodies in the user's scope, in every status, filtered and searched by title, 索引号
/// or 文号, with numbered pages; a published one is one click from its correction or withdrawal.</summary>
[Authorize(Policy = Permissions.Staff)]
public sealed class DocumentListModel(GongkaiDbContext db, BodyScope scope, BodyDirectory directory, RolePermissions permissions) : PageModel
{
    public const int PageSize = 20;

    public string? Q { get; private set; }

    public DocumentStatus? Status { get; private set; }

    public string? Body { get; private set; }

    public DocumentKind? Kind { get; private set; }

    public IReadOnlyList<Body> Bodies { get; private set; } = [];

    public IReadOnlyList<DocumentListItem> Items { get; private set; } = [];

    public Paging Paging { get; private set; } = new(1, PageSize, 0);

    public IReadOnlyList<PageLink> PageLinks { get; private set; } = [];

    public bool MayCorrect { get; private set; }

    public bool MayWithdraw { get; private set; }

    public async Task OnGetAsync(string? q, string? status, string? body, string? kind, CancellationToken cancellationToken = default)
    {
        // "page" is a route value Razor Pages reserves for the page's own path, so it is read from the query itself.
        var page = int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : 1;
        MayCorrect = permissions.Grants(User, PublishingPermissions.EditDocuments);
        MayWithdraw = permissions.Grants(User, PublishingPermissions.ReviewFinal);
        Q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        Status = Enum.TryParse<DocumentStatus>(status, ignoreCase: true, out var s) && Enum.IsDefined(s) ? s : null;
        Kind = Enum.TryParse<DocumentKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k) ? k : null;

        var inScope = await scope.BodiesInScopeAsync(User, cancellationToken);
        Bodies = (await directory.LoadAsync(cancellationToken)).All.Where(b => inScope is null || inScope.Contains(b.Id)).ToList();
        var chosen = Bodies.FirstOrDefault(b => b.Code == body?.Trim());
        Body = chosen?.Code;

        var query = db.Set<Document>().AsNoTracking();
        if (inScope is not null)
        {
            query = query.Where(d => inScope.Contains(d.BodyId));
        }

        if (chosen is not null)
        {
            query = query.Where(d => d.BodyId == chosen.Id);
        }

        if (Status is { } wanted)
        {
            query = query.Where(d => d.Status == wanted);
        }

        if (Kind is { } wantedKind)
        {
            query = query.Where(d => d.Kind == wantedKind);
        }

        if (Q is { } text)
        {
            query = query.Where(d => d.Title.Contains(text) || (d.IndexNo != null && d.IndexNo.Contains(text)) || (d.DocNumber != null && d.DocNumber.Contains(text)));
        }

        Paging = new Paging(page, PageSize, await query.CountAsync(cancellationToken));
        Items = await query.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id).Skip(Paging.Skip).Take(PageSize)
            .Select(d => new DocumentListItem(d.Id, d.Title, d.IndexNo, d.DocNumber, d.Body!.Name, d.Kind, d.Status, d.PublishedAt, d.UpdatedAt))
            .ToListAsync(cancellationToken);
        PageLinks = Paging.Links("/admin/documents/all", Request.Query.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value.ToString())));
    }
}
