using Gongkai.Platform.Web;
using System.Globalization;
using Gongkai.Organizations;
using Gongkai.Publishing;
using Gongkai.Publishing.Catalogue;
using Gongkai.Publishing.Contracts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Gongkai.Portal.Pages;

/// <summary>A body's 信息公开 section: its public catalogue tree beside a document list filtered by catalogue node,
/// type, subject, publication year and validity, 20 a page. Works with plain links and a GET form.</summary>
[OutputCache(PolicyName = PublicCache.DocumentPages)]
public sealed class BodyDisclosureModel(BodyDirectory directory, CatalogueDesk catalogue, PublishedDocuments documents) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "node")]
    public int? NodeId { get; set; }

    [BindProperty(SupportsGet = true, Name = "type")]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "subject")]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true, Name = "year")]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "validity")]
    public string? Validity { get; set; }

    public int PageNumber { get; private set; } = 1;

    public Body Body { get; private set; } = null!;

    public IReadOnlyList<CatalogueTreeNode> Tree { get; private set; } = [];

    public CatalogueNode? Node { get; private set; }

    /// <summary>The path from the root to the chosen node.</summary>
    public IReadOnlyList<CatalogueNode> NodePath { get; private set; } = [];

    public DocumentPage Result { get; private set; } = new(0, 1, PageSize, []);

    public IReadOnlyList<int> Years { get; } = Enumerable.Range(0, 12).Select(i => DateTime.UtcNow.Year - i).ToList();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var body = (await directory.LoadAsync(cancellationToken)).FindByCode(code);
        if (body is null)
        {
            return NotFound();
        }

        Body = body;
        PageNumber = int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 ? number : 1;
        var nodes = await catalogue.NodesAsync(body.Id, cancellationToken);
        Tree = CatalogueTree.Build(nodes, includeHidden: false);

        IReadOnlyCollection<int>? nodeIds = null;
        if (NodeId is { } nodeId)
        {
            var subtree = Tree.SelectMany(t => t.SelfAndDescendants()).FirstOrDefault(t => t.Node.Id == nodeId);
            if (subtree is null)
            {
                // A hidden or unknown column: not shown, like an unknown address.
                return NotFound();
            }

            Node = subtree.Node;
            NodePath = CatalogueTree.PathTo(nodes, nodeId);
            nodeIds = subtree.SelfAndDescendants().Select(t => t.Node.Id).ToList();
        }

        Type = DocumentCatalog.Types.Contains(Type) ? Type : null;
        Subject = DocumentCatalog.Subjects.Contains(Subject) ? Subject : null;
        var validity = DocumentCatalog.ParseValidity(Validity);
        Validity = validity is null ? null : DocumentCatalog.ChineseName(validity.Value);
        Year = Year is >= 1949 and <= 9999 ? Year : null;
        Result = await documents.PageAsync(PageNumber, PageSize, new DocumentFilter(body.Id, Type, Subject, Year, validity, nodeIds), cancellationToken);
        return Page();
    }

    /// <summary>This section's address with the current filters, another node and another page.</summary>
    public string SectionUrl(int? node, int page = 1, bool keepFilters = true)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("node", node?.ToString(CultureInfo.InvariantCulture));
        if (keepFilters)
        {
            Add("type", Type);
            Add("subject", Subject);
            Add("year", Year?.ToString(CultureInfo.InvariantCulture));
            Add("validity", Validity);
        }

        if (page > 1)
        {
            Add("page", page.ToString(CultureInfo.InvariantCulture));
        }

        var path = $"/bodies/{Body.Code}/xxgk";
        return query.Count == 0 ? path : path + "?" + string.Join("&", query);
    }
}
