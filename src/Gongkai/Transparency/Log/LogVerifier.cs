using System.Security.Cryptography;
using Gongkai.OpenData.Contracts;
using Gongkai.Platform.Data;
using Gongkai.Publishing.Contracts;
using Gongkai.Transparency.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Transparency.Log;

/// <summary>What <c>log verify</c> found: each problem in Chinese, naming the document, interpretation or issue where there
/// is one. <see cref="Versions"/> counts every published thing the log should hold (versions, interpretations, issues,
/// withdrawals); <see cref="PendingVersions"/> those not logged yet.</summary>
public sealed record LogVerification(long Leaves, int Heads, int Versions, int PendingVersions, IReadOnlyList<string> Problems)
{
    public bool Passed => Problems.Count == 0;
}

/// <summary>
/// <c>log verify</c>: recomputes every leaf from the stored document versions (their content hash from the stored
/// fields, not the hash written beside them), interpretations, gazette issues and withdrawals, open-data record and
/// file-dataset versions and record withdrawals, every leaf hash from its leaf_input, every stored subtree from the
/// leaves, and every signed tree head's root and signature. A version edited in the database after publication, a
/// leaf or node rewritten, or a head that no longer matches the tree is reported.
/// </summary>
public sealed class LogVerifier(GongkaiDbContext db, PublishedVersions versions, PublishedRecords records, PublishedOpenData openData, LogSigningKey key)
{
    private const int MaxProblems = 200;

    public async Task<LogVerification> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var problems = new List<string>();
        var leafByEntry = new Dictionary<(string Kind, string IndexNo, int Version), (long Index, byte[] Input)>();
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
                Add(problems, $"公开日志第 {leaf.LeafIndex} 条（{LogEntryContent.Describe(leaf.Kind, leaf.IndexNo, leaf.Version)}）的 leaf_input 与记录的叶子哈希不符。");
            }

            leafByEntry[(leaf.Kind, leaf.IndexNo, leaf.Version)] = (leaf.LeafIndex, leaf.LeafInput);

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

        // Every published thing against its leaf, rebuilt from the stored rows.
        int versionCount = 0, pending = 0;
        var seen = new HashSet<(string, string, int)>();
        void Check(LogEntryContent expected)
        {
            versionCount++;
            var key = (expected.Kind, expected.IndexNo, expected.Version);
            seen.Add(key);
            if (!leafByEntry.TryGetValue(key, out var leaf))
            {
                pending++;
                return;
            }

            if (!expected.LeafInput().AsSpan().SequenceEqual(leaf.Input))
            {
                Add(problems, $"{LogEntryContent.Describe(expected.Kind, expected.IndexNo, expected.Version)}：按存储的内容重算的日志条目与公开日志第 {leaf.Index} 条不符，记入日志后被改动。");
            }
        }

        await foreach (var version in versions.AllAsync(cancellationToken))
        {
            if (version.ContentSha256 != version.StoredContentSha256)
            {
                Add(problems, $"索引号 {version.IndexNo} 第 {version.Number} 版：存储的内容与发布时记录的内容哈希不符，版本在发布后被改动。");
            }

            Check(LeafSequencer.Content(version));
        }

        foreach (var interpretation in await records.AllInterpretationsAsync(cancellationToken))
        {
            Check(LeafSequencer.Content(interpretation));
        }

        foreach (var issue in await records.GazetteIssuesAsync(cancellationToken))
        {
            Check(LeafSequencer.Content(issue));
        }

        foreach (var withdrawal in await records.AllWithdrawalsAsync(cancellationToken))
        {
            Check(LeafSequencer.Content(withdrawal));
        }

        foreach (var version in await openData.AllVersionsAsync(cancellationToken))
        {
            Check(LeafSequencer.Content(version));
        }

        foreach (var withdrawal in await openData.AllWithdrawalsAsync(cancellationToken))
        {
            Check(LeafSequencer.Content(withdrawal));
        }

        foreach (var ((kind, indexNo, number), leaf) in leafByEntry.Where(l => !seen.Contains(l.Key)))
        {
            Add(problems, $"{LogEntryContent.Describe(kind, indexNo, number)}：公开日志第 {leaf.Index} 条记录了它，但数据库中已没有这条已公开的内容。");
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
