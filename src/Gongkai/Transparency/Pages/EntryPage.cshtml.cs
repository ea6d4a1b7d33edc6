using System.Text.Json;
using Gongkai.Transparency.Log;
using Gongkai.Transparency.Rules;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Transparency.Pages;

/// <summary>One log entry: what it records, and its inclusion proof against the latest signed tree head, checked here
/// and laid out so a reader can check it by hand or with a script.</summary>
public sealed class EntryPageModel(TransparencyLog log) : PageModel
{
    public LogLeaf? Leaf { get; private set; }

    public IReadOnlyDictionary<string, string> Fields { get; private set; } = new Dictionary<string, string>();

    public SignedTreeHead? Head { get; private set; }

    public IReadOnlyList<byte[]> AuditPath { get; private set; } = [];

    public bool Verified { get; private set; }

    public async Task OnGetAsync(long leafIndex, CancellationToken cancellationToken)
    {
        Leaf = leafIndex < 0 ? null : await log.LeafAsync(leafIndex, cancellationToken);
        if (Leaf is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        using (var json = JsonDocument.Parse(Leaf.LeafInput))
        {
            Fields = json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString());
        }

        Head = await log.LatestHeadAsync(cancellationToken);
        if (Head is not null && Head.TreeSize > leafIndex)
        {
            AuditPath = await log.InclusionProofAsync(leafIndex, Head.TreeSize, cancellationToken);
            Verified = MerkleTree.VerifyInclusion(leafIndex, Head.TreeSize, Leaf.LeafHash, AuditPath, Head.RootHash);
        }
    }

    public string Field(string name) => Fields.TryGetValue(name, out var value) ? value : "—";
}
