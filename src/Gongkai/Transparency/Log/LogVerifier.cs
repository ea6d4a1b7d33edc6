using System.Security.Cryptography;
using Gongkai.Platform.Data;
using Gongkai.Publishing.Contracts;
using Gongkai.Transparency.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Transparency.Log;

/// <summary>What <c>log verify</c> found: each problem in Chinese, naming the document where there is one.</summary>
public sealed record LogVerification(long Leaves, int Heads, int Versions, int PendingVersions, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0;
}

/// <summary>
/// <c>log verify</c>: recomputes every leaf from the stored document versions (their content hash from the stored
/// fields, not the hash written beside them), every leaf hash from its leaf_input, every stored subtree from the
/// leaves, and every signed tree head's root and signature. A version edited in the database after publication, a
/// leaf or node rewritten, or a head that no longer matches the tree is reported.
/// </summary>
public sealed class LogVerifier(GongkaiDbContext db, PublishedVersions versions, LogSigningKey key)
{
    private const int MaxProblems = 200;

    public async Task<LogVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var leafByVersion = new Dictionary<(string IndexNo, int Version), (long Index, byte[] Input)>();
        var nodes = await db.Set<LogNode>().AsNoTracking().ToDictionaryAsync(n => NodeKey.Unpack(n.Key), n => n.Hash, cancellationToken);

        // The leaves, in order: contiguous, each hash its input's, each subtree the hash of its children.
        var computed = new Dictionary<NodeKey, byte[]>();
        long count = 0;
        await foreach (var leaf in db.Set<LogLeaf>().AsNoTracking().OrderBy(l => l.LeafIndex).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (leaf.LeafIndex != count)
            {
                Add(problems, $"公开日志缺少第 {count} 条（下一条是第 {leaf.LeafIndex} 条）。");
                count = leaf.LeafIndex;
            }

            var hash = MerkleTree.LeafHash(leaf.LeafInput);
            if (!hash.AsSpan().SequenceEqual(leaf.LeafHash))
            {
                Add(problems, $"公开日志第 {leaf.LeafIndex} 条（索引号 {leaf.IndexNo} 第 {leaf.Version} 版）的 leaf_input 与记录的叶子哈希不符。");
            }

            if (leaf.Kind == LogEntryContent.DocumentKind)
            {
                leafByVersion[(leaf.IndexNo, leaf.Version)] = (leaf.LeafIndex, leaf.LeafInput);
            }

            foreach (var node in MerkleTree.CompletedBy(leaf.LeafIndex))
            {
                if (node.Level > 0 && !(computed.ContainsKey(MerkleTree.Children(node).Left) && computed.ContainsKey(MerkleTree.Children(node).Right)))
                {
                    break; // after a gap, already reported
                }

                var expected = node.Level == 0 ? hash : MerkleTree.NodeHash(computed[MerkleTree.Children(node).Left], computed[MerkleTree.Children(node).Right]);
                computed[node] = expected;
                if (node.Level > 0)
                {
                    computed.Remove(MerkleTree.Children(node).Left);
                    computed.Remove(MerkleTree.Children(node).Right);
                }

                if (!nodes.TryGetValue(node, out var stored) || !stored.AsSpan().SequenceEqual(expected))
                {
                    Add(problems, $"公开日志的树节点 {node} {(stored is null ? "缺失" : "与叶子重算的结果不符")}（涉及索引号 {leaf.IndexNo}）。");
                }
            }

            count++;
        }

        // Every published version against its leaf.
        int versionCount = 0, pending = 0;
        var seen = new HashSet<(string, int)>();
        await foreach (var version in versions.AllAsync(cancellationToken))
        {
            versionCount++;
            seen.Add((version.IndexNo, version.Number));
            if (version.ContentSha256 != version.StoredContentSha256)
            {
                Add(problems, $"索引号 {version.IndexNo} 第 {version.Number} 版：存储的内容与发布时记录的内容哈希不符，版本在发布后被改动。");
            }

            if (!leafByVersion.TryGetValue((version.IndexNo, version.Number), out var leaf))
            {
                pending++;
                continue;
            }

            if (!LeafSequencer.Content(version).LeafInput().AsSpan().SequenceEqual(leaf.Input))
            {
                Add(problems, $"索引号 {version.IndexNo} 第 {version.Number} 版：按存储的版本重算的日志条目与公开日志第 {leaf.Index} 条不符，版本在记入日志后被改动。");
            }
        }

        foreach (var ((indexNo, number), leaf) in leafByVersion.Where(l => !seen.Contains(l.Key)))
        {
            Add(problems, $"索引号 {indexNo} 第 {number} 版：公开日志第 {leaf.Index} 条记录了它，但数据库中已没有这个已发布版本。");
        }

        // Every signed head against the tree and the key.
        var heads = await db.Set<SignedTreeHead>().AsNoTracking().OrderBy(h => h.TreeSize).ToListAsync(cancellationToken);
        using var publicKey = ECDsa.Create();
        publicKey.ImportFromPem(key.PublicKeyPem);
        foreach (var head in heads)
        {
            if (head.TreeSize > count)
            {
                Add(problems, $"树头 {head.TreeSize} 超出了现有的 {count} 条叶子。");
                continue;
            }

            byte[] root;
            try
            {
                root = MerkleTree.RootOf(head.TreeSize, k => nodes[k]);
            }
            catch (KeyNotFoundException)
            {
                Add(problems, $"树头 {head.TreeSize}：所需的树节点缺失。");
                continue;
            }

            if (!root.AsSpan().SequenceEqual(head.RootHash))
            {
                Add(problems, $"树头 {head.TreeSize}：存储的树不再得出签名时的根哈希。");
            }

            if (head.KeyId == key.KeyId)
            {
                var der = TreeHeadSignature.Decode(head.Signature);
                if (der is null || !publicKey.VerifyData(TreeHeadSignature.SignedBytes(head.TimestampMs, head.TreeSize, head.RootHash), der,
                        HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
                {
                    Add(problems, $"树头 {head.TreeSize}：签名无效。");
                }
            }
        }

        return new LogVerification(count, heads.Count, versionCount, pending, problems);
    }

    private static void Add(List<string> problems, string problem)
    {
        if (problems.Count < MaxProblems)
        {
            problems.Add(problem);
        }
    }
}
