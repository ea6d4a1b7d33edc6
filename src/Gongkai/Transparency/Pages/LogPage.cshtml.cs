using System.Security.Cryptography;
using Gongkai.Transparency.Log;
using Gongkai.Transparency.Rules;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Transparency.Pages;

/// <summary>公开日志: the latest signed tree head, the recent heads each checked as a monitor would (signature, and
/// consistency with the head before it), the key, and how anyone can check the log themselves.</summary>
public sealed class LogPageModel(TransparencyLog log, LogSigningKey key, SigningHalt halt) : PageModel
{
    public const int HistoryLength = 20;

    public sealed record CheckedHead(SignedTreeHead Head, bool SignatureValid, bool? ConsistentWithPrevious);

    public IReadOnlyList<CheckedHead> Heads { get; private set; } = [];

    public CheckedHead? Latest => Heads.Count > 0 ? Heads[0] : null;

    public string KeyId => key.KeyId;

    public string? Halted => halt.Problem;

    public long Leaves { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Leaves = await log.SizeAsync(cancellationToken);
        var heads = await log.HeadsAsync(HistoryLength + 1, cancellationToken);
        using var publicKey = ECDsa.Create();
        publicKey.ImportFromPem(key.PublicKeyPem);
        var checkedHeads = new List<CheckedHead>();
        for (var i = 0; i < Math.Min(heads.Count, HistoryLength); i++)
        {
            var head = heads[i];
            var der = TreeHeadSignature.Decode(head.Signature);
            var signed = head.KeyId == key.KeyId && der is not null && publicKey.VerifyData(
                TreeHeadSignature.SignedBytes(head.TimestampMs, head.TreeSize, head.RootHash), der, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            bool? consistent = null;
            if (i + 1 < heads.Count && heads[i + 1].TreeSize > 0)
            {
                var previous = heads[i + 1];
                var proof = await log.ConsistencyProofAsync(previous.TreeSize, head.TreeSize, cancellationToken);
                consistent = MerkleTree.VerifyConsistency(previous.TreeSize, head.TreeSize, previous.RootHash, head.RootHash, proof);
            }

            checkedHeads.Add(new CheckedHead(head, signed, consistent));
        }

        Heads = checkedHeads;
    }

    public static string Time(long timestampMs) => Gongkai.Platform.Time.ChinaTime.Format(DateTimeOffset.FromUnixTimeMilliseconds(timestampMs));
}
