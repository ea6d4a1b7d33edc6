using System.Numerics;
using System.Security.Cryptography;

namespace Gongkai.Transparency.Rules;

/// <summary>A perfect subtree of the log: the 2^<see cref="Level"/> leaves starting at leaf
/// <c>Index · 2^Level</c>. Level 0 is a leaf. Once complete, such a node never changes, so the store keeps exactly
/// these and every other hash is combined from O(log n) of them.</summary>
public readonly record struct NodeKey(int Level, long Index)
{
    /// <summary>Leaves up to 2^48 (far beyond any government's output) with the level above them, in one sortable key.</summary>
    public const int IndexBits = 48;

    public long Packed => ((long)Level << IndexBits) | Index;

    public static NodeKey Unpack(long packed) => new((int)(packed >> IndexBits), packed & ((1L << IndexBits) - 1));

    public long FirstLeaf => Index << Level;

    public long EndLeaf => (Index + 1) << Level;
}

/// <summary>The leaves <c>[Start, End)</c> of the log, whose hash is MTH(D[Start:End]) of RFC 6962 §2.1.</summary>
public readonly record struct LeafRange(long Start, long End)
{
    public long Size => End - Start;
}

/// <summary>
/// RFC 6962 §2.1 Merkle tree hashing, and the audit paths (§2.1.1) and consistency proofs (§2.1.2) expressed as the
/// subtree ranges whose hashes they list. The ranges of a proof are always aligned the way the tree splits them, so
/// each decomposes into a few perfect subtrees (<see cref="PerfectPieces"/>); a proof for a tree of n leaves thus
/// needs O(log n) stored nodes. Verification follows RFC 9162 §2.1.3.2 and §2.1.4.2. Pure: no storage.
/// </summary>
public static class MerkleTree
{
    public const int HashSize = 32;

    /// <summary>MTH({}) = SHA-256 of the empty string.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData([]);

    /// <summary>MTH({d}) = SHA-256(0x00 ‖ d).</summary>
    public static byte[] LeafHash(ReadOnlySpan<byte> leafInput)
    {
        var buffer = new byte[leafInput.Length + 1];
        leafInput.CopyTo(buffer.AsSpan(1));
        return SHA256.HashData(buffer);
    }

    /// <summary>SHA-256(0x01 ‖ left ‖ right).</summary>
    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * HashSize)];
        buffer[0] = 1;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + HashSize)..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>The largest power of two smaller than <paramref name="n"/> (n ≥ 2): where RFC 6962 splits a tree.</summary>
    public static long Split(long n) => n < 2 ? throw new ArgumentOutOfRangeException(nameof(n)) : 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));

    /// <summary>The perfect subtrees above leaf <paramref name="leafIndex"/> that appending it completes, lowest first,
    /// starting with the leaf itself (level 0).</summary>
    public static IReadOnlyList<NodeKey> CompletedBy(long leafIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        var nodes = new List<NodeKey> { new(0, leafIndex) };
        for (var level = 1; ((leafIndex + 1) & ((1L << level) - 1)) == 0; level++)
        {
            nodes.Add(new NodeKey(level, leafIndex >> level));
        }

        return nodes;
    }

    /// <summary>The nodes appending leaf <paramref name="leafIndex"/> creates, lowest first: the leaf, then each subtree it
    /// completes, whose right child is the node just made and whose left child <paramref name="node"/> gives.</summary>
    public static IReadOnlyList<KeyValuePair<NodeKey, byte[]>> Append(long leafIndex, byte[] leafHash, Func<NodeKey, byte[]> node)
    {
        var made = new List<KeyValuePair<NodeKey, byte[]>>();
        var hash = leafHash;
        foreach (var key in CompletedBy(leafIndex))
        {
            if (key.Level > 0)
            {
                hash = NodeHash(node(Children(key).Left), hash);
            }

            made.Add(new(key, hash));
        }

        return made;
    }

    /// <summary>The two children of a node above level 0.</summary>
    public static (NodeKey Left, NodeKey Right) Children(NodeKey node) =>
        node.Level == 0 ? throw new ArgumentException("A leaf has no children.", nameof(node))
            : (new NodeKey(node.Level - 1, node.Index * 2), new NodeKey(node.Level - 1, (node.Index * 2) + 1));

    /// <summary>The perfect subtrees a range of the tree is made of, largest (leftmost) first. The range must be one the
    /// tree produces (its start a multiple of the largest power of two not above its size), as every proof range is.</summary>
    public static IReadOnlyList<NodeKey> PerfectPieces(LeafRange range)
    {
        if (range.Size <= 0)
        {
            throw new ArgumentException("An empty range has no subtrees.", nameof(range));
        }

        var pieces = new List<NodeKey>();
        var start = range.Start;
        for (var level = 62; level >= 0; level--)
        {
            var width = 1L << level;
            if ((range.Size & width) != 0)
            {
                if (start % width != 0)
                {
                    throw new ArgumentException($"Range [{range.Start}, {range.End}) is not a subtree of a Merkle tree.", nameof(range));
                }

                pieces.Add(new NodeKey(level, start >> level));
                start += width;
            }
        }

        return pieces;
    }

    /// <summary>The nodes a set of ranges needs.</summary>
    public static IReadOnlyCollection<NodeKey> NodesFor(IEnumerable<LeafRange> ranges) =>
        ranges.SelectMany(PerfectPieces).Distinct().ToList();

    /// <summary>MTH of a range from its perfect subtrees: the right-most pieces combine first, as the tree splits
    /// left-heavy.</summary>
    public static byte[] HashOf(LeafRange range, Func<NodeKey, byte[]> node)
    {
        var pieces = PerfectPieces(range);
        var hash = node(pieces[^1]);
        for (var i = pieces.Count - 2; i >= 0; i--)
        {
            hash = NodeHash(node(pieces[i]), hash);
        }

        return hash;
    }

    /// <summary>The root of a tree of <paramref name="size"/> leaves.</summary>
    public static byte[] RootOf(long size, Func<NodeKey, byte[]> node) => size == 0 ? EmptyRoot() : HashOf(new LeafRange(0, size), node);

    /// <summary>RFC 6962 §2.1.1 PATH(m, D[n]) as ranges, from the leaf's sibling up to the root's other child.</summary>
    public static IReadOnlyList<LeafRange> InclusionRanges(long leafIndex, long treeSize)
    {
        if (leafIndex < 0 || leafIndex >= treeSize)
        {
            throw new ArgumentOutOfRangeException(nameof(leafIndex), $"Leaf {leafIndex} is not in a tree of {treeSize} leaves.");
        }

        var path = new List<LeafRange>();
        Path(leafIndex, 0, treeSize, path);
        return path;

        static void Path(long m, long start, long end, List<LeafRange> path)
        {
            var n = end - start;
            if (n == 1)
            {
                return;
            }

            var k = Split(n);
            if (m < k)
            {
                Path(m, start, start + k, path);
                path.Add(new LeafRange(start + k, end));
            }
            else
            {
                Path(m - k, start + k, end, path);
                path.Add(new LeafRange(start, start + k));
            }
        }
    }

    /// <summary>RFC 6962 §2.1.2 PROOF(m, D[n]) = SUBPROOF(m, D[n], true) as ranges. Empty when m = n; m = 0 has no proof.</summary>
    public static IReadOnlyList<LeafRange> ConsistencyRanges(long first, long second)
    {
        if (first <= 0 || first > second)
        {
            throw new ArgumentOutOfRangeException(nameof(first), $"No consistency proof from {first} to {second} leaves.");
        }

        var proof = new List<LeafRange>();
        SubProof(first, 0, second, true, proof);
        return proof;

        static void SubProof(long m, long start, long end, bool whole, List<LeafRange> proof)
        {
            var n = end - start;
            if (m == n)
            {
                if (!whole)
                {
                    proof.Add(new LeafRange(start, end));
                }

                return;
            }

            var k = Split(n);
            if (m <= k)
            {
                SubProof(m, start, start + k, whole, proof);
                proof.Add(new LeafRange(start + k, end));
            }
            else
            {
                SubProof(m - k, start + k, end, false, proof);
                proof.Add(new LeafRange(start, start + k));
            }
        }
    }

    /// <summary>RFC 9162 §2.1.3.2: whether <paramref name="path"/> proves <paramref name="leafHash"/> is leaf
    /// <paramref name="leafIndex"/> of the tree of <paramref name="treeSize"/> leaves with <paramref name="root"/>.</summary>
    public static bool VerifyInclusion(long leafIndex, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> path, ReadOnlySpan<byte> root)
    {
        if (leafIndex < 0 || leafIndex >= treeSize)
        {
            return false;
        }

        var fn = leafIndex;
        var sn = treeSize - 1;
        var r = leafHash.ToArray();
        foreach (var p in path)
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                r = NodeHash(p, r);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                r = NodeHash(r, p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && r.AsSpan().SequenceEqual(root);
    }

    /// <summary>RFC 9162 §2.1.4.2: whether <paramref name="proof"/> shows the tree of <paramref name="second"/> leaves
    /// with <paramref name="secondRoot"/> extends the one of <paramref name="first"/> leaves with <paramref name="firstRoot"/>.</summary>
    public static bool VerifyConsistency(long first, long second, ReadOnlySpan<byte> firstRoot, ReadOnlySpan<byte> secondRoot, IReadOnlyList<byte[]> proof)
    {
        if (first <= 0 || first > second)
        {
            return false;
        }

        if (first == second)
        {
            return proof.Count == 0 && firstRoot.SequenceEqual(secondRoot);
        }

        if (proof.Count == 0)
        {
            return false;
        }

        var path = proof.ToList();
        if ((first & (first - 1)) == 0)
        {
            // first is an exact power of two: the old root is itself a node of the new tree, the proof omits it.
            path.Insert(0, firstRoot.ToArray());
        }

        var fn = first - 1;
        var sn = second - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = path[0];
        var sr = path[0];
        foreach (var c in path.Skip(1))
        {
            if (sn == 0)
            {
                return false;
            }

            if ((fn & 1) == 1 || fn == sn)
            {
                fr = NodeHash(c, fr);
                sr = NodeHash(c, sr);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                sr = NodeHash(sr, c);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0 && fr.AsSpan().SequenceEqual(firstRoot) && sr.AsSpan().SequenceEqual(secondRoot);
    }
}
