using Gongkai.Platform.Data;
using Gongkai.Transparency.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Transparency.Log;

/// <summary>
/// The stored Merkle tree: leaves, the hashes of complete perfect subtrees, and signed tree heads. Appending a leaf
/// writes it and the subtrees it completes (amortised two node rows); a root or proof for any size reads the
/// O(log n) subtrees <see cref="MerkleTree"/> names, in one query. Nothing here updates or deletes a row.
/// </summary>
public sealed class TransparencyLog(GongkaiDbContext db)
{
    /// <summary>The number of leaves appended (committed or pending in this unit of work is not counted).</summary>
    public async Task<long> SizeAsync(CancellationToken cancellationToken = default) =>
        (await db.Set<LogLeaf>().MaxAsync(l => (long?)l.LeafIndex, cancellationToken) ?? -1) + 1;

    /// <summary>Adds <paramref name="entries"/> as the next leaves with the subtree nodes they complete; the caller
    /// saves. Returns the new size.</summary>
    public async Task<long> AppendAsync(IReadOnlyList<LogEntryContent> entries, long sourceChangeId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var size = await SizeAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return size;
        }

        var created = new Dictionary<NodeKey, byte[]>();
        var inputs = entries.Select(e => e.LeafInput()).ToList();
        var completed = new List<NodeKey>();
        for (var i = 0; i < entries.Count; i++)
        {
            completed.AddRange(MerkleTree.CompletedBy(size + i));
        }

        // Left children that completed before this batch are read once; everything else is made here.
        var made = completed.ToHashSet();
        var needed = completed.Where(k => k.Level > 0).Select(k => MerkleTree.Children(k).Left).Where(k => !made.Contains(k)).ToList();
        var stored = await NodesAsync(needed, cancellationToken);
        for (var i = 0; i < entries.Count; i++)
        {
            var index = size + i;
            var leafHash = MerkleTree.LeafHash(inputs[i]);
            db.Add(new LogLeaf
            {
                LeafIndex = index,
                Kind = entries[i].Kind,
                IndexNo = entries[i].IndexNo,
                Version = entries[i].Version,
                LeafInput = inputs[i],
                LeafHash = leafHash,
                SourceChangeId = sourceChangeId,
                AppendedAt = now,
            });
            foreach (var (key, hash) in MerkleTree.Append(index, leafHash, Node))
            {
                created[key] = hash;
                db.Add(new LogNode { Key = key.Packed, Hash = hash });
            }
        }

        return size + entries.Count;

        byte[] Node(NodeKey key) => created.TryGetValue(key, out var hash) ? hash : stored[key];
    }

    /// <summary>The stored hashes of <paramref name="keys"/>; a missing one throws (the tree is damaged).</summary>
    public async Task<IReadOnlyDictionary<NodeKey, byte[]>> NodesAsync(IEnumerable<NodeKey> keys, CancellationToken cancellationToken = default)
    {
        var packed = keys.Select(k => k.Packed).Distinct().ToList();
        if (packed.Count == 0)
        {
            return new Dictionary<NodeKey, byte[]>();
        }

        var rows = await db.Set<LogNode>().AsNoTracking().Where(n => packed.Contains(n.Key)).Select(n => new { n.Key, n.Hash }).ToListAsync(cancellationToken);
        var found = rows.ToDictionary(r => NodeKey.Unpack(r.Key), r => r.Hash);
        var missing = packed.Select(NodeKey.Unpack).FirstOrDefault(k => !found.ContainsKey(k), new NodeKey(-1, 0));
        if (missing.Level >= 0)
        {
            throw new InvalidOperationException($"The public log's node {missing} is missing: the stored tree is damaged.");
        }

        return found;
    }

    public async Task<byte[]> RootAsync(long size, CancellationToken cancellationToken = default)
    {
        if (size == 0)
        {
            return MerkleTree.EmptyRoot();
        }

        var range = new LeafRange(0, size);
        var nodes = await NodesAsync(MerkleTree.NodesFor([range]), cancellationToken);
        return MerkleTree.HashOf(range, k => nodes[k]);
    }

    /// <summary>The audit path of a leaf in the tree of <paramref name="treeSize"/> leaves (arguments already checked).</summary>
    public Task<IReadOnlyList<byte[]>> InclusionProofAsync(long leafIndex, long treeSize, CancellationToken cancellationToken = default) =>
        HashesAsync(MerkleTree.InclusionRanges(leafIndex, treeSize), cancellationToken);

    public Task<IReadOnlyList<byte[]>> ConsistencyProofAsync(long first, long second, CancellationToken cancellationToken = default) =>
        HashesAsync(MerkleTree.ConsistencyRanges(first, second), cancellationToken);

    private async Task<IReadOnlyList<byte[]>> HashesAsync(IReadOnlyList<LeafRange> ranges, CancellationToken cancellationToken)
    {
        var nodes = await NodesAsync(MerkleTree.NodesFor(ranges), cancellationToken);
        return ranges.Select(r => MerkleTree.HashOf(r, k => nodes[k])).ToList();
    }

    public Task<LogLeaf?> LeafAsync(long leafIndex, CancellationToken cancellationToken = default) =>
        db.Set<LogLeaf>().AsNoTracking().SingleOrDefaultAsync(l => l.LeafIndex == leafIndex, cancellationToken);

    /// <summary>The first leaf with this hash (the same content logged twice would be two different versions, which
    /// differ in their version number, so a hash names one leaf).</summary>
    public Task<LogLeaf?> LeafByHashAsync(byte[] leafHash, CancellationToken cancellationToken = default) =>
        db.Set<LogLeaf>().AsNoTracking().Where(l => l.LeafHash == leafHash).OrderBy(l => l.LeafIndex).FirstOrDefaultAsync(cancellationToken);

    public Task<LogLeaf?> FindAsync(string kind, string indexNo, int version, CancellationToken cancellationToken = default) =>
        db.Set<LogLeaf>().AsNoTracking().SingleOrDefaultAsync(l => l.Kind == kind && l.IndexNo == indexNo && l.Version == version, cancellationToken);

    /// <summary>Leaves <paramref name="start"/> … <paramref name="end"/> inclusive, in order.</summary>
    public async Task<IReadOnlyList<LogLeaf>> LeavesAsync(long start, long end, CancellationToken cancellationToken = default) =>
        await db.Set<LogLeaf>().AsNoTracking().Where(l => l.LeafIndex >= start && l.LeafIndex <= end).OrderBy(l => l.LeafIndex).ToListAsync(cancellationToken);

    /// <summary>The versions of these documents already in the log.</summary>
    public async Task<HashSet<(string IndexNo, int Version)>> LoggedAsync(string kind, IReadOnlyCollection<string> indexNos, CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<LogLeaf>().AsNoTracking().Where(l => l.Kind == kind && indexNos.Contains(l.IndexNo))
            .Select(l => new { l.IndexNo, l.Version }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.IndexNo, r.Version)).ToHashSet();
    }

    public Task<SignedTreeHead?> LatestHeadAsync(CancellationToken cancellationToken = default) =>
        db.Set<SignedTreeHead>().AsNoTracking().OrderByDescending(h => h.TreeSize).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<SignedTreeHead>> HeadsAsync(int count, CancellationToken cancellationToken = default) =>
        await db.Set<SignedTreeHead>().AsNoTracking().OrderByDescending(h => h.TreeSize).Take(count).ToListAsync(cancellationToken);

    public Task<SignedTreeHead?> HeadAsync(long treeSize, CancellationToken cancellationToken = default) =>
        db.Set<SignedTreeHead>().AsNoTracking().SingleOrDefaultAsync(h => h.TreeSize == treeSize, cancellationToken);

    /// <summary>
    /// Before signing <paramref name="size"/>: every leaf appended since <paramref name="last"/> hashes to its stored
    /// leaf hash and level-0 node, every subtree those leaves completed is the hash of its two children, and the
    /// stored tree still reproduces the last signed root (its consistency proof to the new size verifies). Null when
    /// all holds, else what is wrong, in Chinese.
    /// </summary>
    public async Task<string?> CheckSinceAsync(SignedTreeHead? last, long size, CancellationToken cancellationToken = default)
    {
        var from = last?.TreeSize ?? 0;
        if (size < from)
        {
            return $"公开日志只剩 {size} 条，少于已签名的 {from} 条：叶子被删除了。";
        }

        const int Chunk = 2000;
        for (var start = from; start < size; start += Chunk)
        {
            var end = Math.Min(size, start + Chunk);
            var leaves = await LeavesAsync(start, end - 1, cancellationToken);
            var completed = Enumerable.Range(0, (int)(end - start)).SelectMany(i => MerkleTree.CompletedBy(start + i)).ToList();
            var keys = completed.Concat(completed.Where(k => k.Level > 0).SelectMany(k => new[] { MerkleTree.Children(k).Left, MerkleTree.Children(k).Right }));
            IReadOnlyDictionary<NodeKey, byte[]> nodes;
            try
            {
                nodes = await NodesAsync(keys, cancellationToken);
            }
            catch (InvalidOperationException missing)
            {
                return "公开日志的树节点缺失：" + missing.Message;
            }

            for (var i = start; i < end; i++)
            {
                var leaf = leaves.ElementAtOrDefault((int)(i - start));
                if (leaf is null || leaf.LeafIndex != i)
                {
                    return $"公开日志缺少第 {i} 条叶子。";
                }

                var hash = MerkleTree.LeafHash(leaf.LeafInput);
                if (!hash.AsSpan().SequenceEqual(leaf.LeafHash) || !hash.AsSpan().SequenceEqual(nodes[new NodeKey(0, i)]))
                {
                    return $"公开日志第 {i} 条叶子（{leaf.IndexNo} 第 {leaf.Version} 版）的内容与其哈希不符。";
                }
            }

            foreach (var key in completed.Where(k => k.Level > 0))
            {
                var (left, right) = MerkleTree.Children(key);
                if (!MerkleTree.NodeHash(nodes[left], nodes[right]).AsSpan().SequenceEqual(nodes[key]))
                {
                    return $"公开日志的树节点 {key} 与其子节点不符。";
                }
            }
        }

        if (last is { TreeSize: > 0 } && size > last.TreeSize)
        {
            var proof = await ConsistencyProofAsync(last.TreeSize, size, cancellationToken);
            var root = await RootAsync(size, cancellationToken);
            if (!MerkleTree.VerifyConsistency(last.TreeSize, size, last.RootHash, root, proof))
            {
                return $"存储的树不再得出已签名的第 {last.TreeSize} 条树头的根哈希：已公开的历史被改动了。";
            }
        }
        else if (last is { TreeSize: > 0 } && !(await RootAsync(size, cancellationToken)).AsSpan().SequenceEqual(last.RootHash))
        {
            return $"存储的树不再得出已签名的第 {last.TreeSize} 条树头的根哈希：已公开的历史被改动了。";
        }

        return null;
    }
}
