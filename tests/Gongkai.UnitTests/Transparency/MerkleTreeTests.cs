using Gongkai.Transparency.Rules;

namespace Gongkai.UnitTests.Transparency;

/// <summary>
/// RFC 6962 §2.1 hashing and proofs. The vectors were computed by a separate few-line Python script written straight
/// from the RFC's recursive definitions (MTH, PATH, SUBPROOF) over the eight inputs below — the same inputs the CT
/// reference implementation tests use, whose published 8-leaf root 5dc9da79… they reproduce.
/// </summary>
public sealed class MerkleTreeTests
{
    private static readonly byte[][] Inputs =
    [
        [], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43],
        [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
        [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
    ];

    private static readonly string[] Roots =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    /// <summary>A node store built the way the server appends: leaf by leaf, keeping only complete subtrees.</summary>
    private static Dictionary<NodeKey, byte[]> Build(IEnumerable<byte[]> leafHashes)
    {
        var nodes = new Dictionary<NodeKey, byte[]>();
        long index = 0;
        foreach (var hash in leafHashes)
        {
            foreach (var (key, value) in MerkleTree.Append(index++, hash, k => nodes[k]))
            {
                nodes.Add(key, value);
            }
        }

        return nodes;
    }

    private static Dictionary<NodeKey, byte[]> BuildVectors() => Build(Inputs.Select(i => MerkleTree.LeafHash(i)));

    private static List<string> Hex(IReadOnlyList<LeafRange> ranges, Dictionary<NodeKey, byte[]> nodes) =>
        ranges.Select(r => Convert.ToHexStringLower(MerkleTree.HashOf(r, k => nodes[k]))).ToList();

    [Fact]
    public void The_empty_tree_and_leaf_hashes_are_those_of_the_rfc()
    {
        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(MerkleTree.EmptyRoot()));
        Assert.Equal(Roots[0], Convert.ToHexStringLower(MerkleTree.LeafHash([])));
    }

    [Fact]
    public void Roots_of_every_prefix_match_the_independently_computed_vectors()
    {
        var nodes = BuildVectors();
        for (var size = 1; size <= 8; size++)
        {
            Assert.Equal(Roots[size - 1], Convert.ToHexStringLower(MerkleTree.RootOf(size, k => nodes[k])));
        }
    }

    [Fact]
    public void Audit_paths_match_the_vectors()
    {
        var nodes = BuildVectors();
        Assert.Equal(
            ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
             "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"],
            Hex(MerkleTree.InclusionRanges(0, 8), nodes));
        Assert.Equal(
            ["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
             "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"],
            Hex(MerkleTree.InclusionRanges(5, 8), nodes));
        Assert.Equal(["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"], Hex(MerkleTree.InclusionRanges(2, 3), nodes));
        Assert.Empty(MerkleTree.InclusionRanges(0, 1));
    }

    [Fact]
    public void Consistency_proofs_match_the_vectors()
    {
        var nodes = BuildVectors();
        Assert.Equal(
            ["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
             "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"],
            Hex(MerkleTree.ConsistencyRanges(1, 8), nodes));
        Assert.Equal(
            ["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
             "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"],
            Hex(MerkleTree.ConsistencyRanges(6, 8), nodes));
        Assert.Equal(
            ["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"],
            Hex(MerkleTree.ConsistencyRanges(2, 5), nodes));
        Assert.Equal(
            ["0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7", "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
             "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125", "837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e"],
            Hex(MerkleTree.ConsistencyRanges(3, 7), nodes));
        Assert.Empty(MerkleTree.ConsistencyRanges(8, 8));
    }

    /// <summary>Every proof of every tree up to 70 leaves verifies, and changing any one hash in it, the leaf, the index
    /// or the root makes verification fail.</summary>
    [Fact]
    public void Every_proof_of_small_trees_verifies_and_any_change_breaks_it()
    {
        var nodes = Build(Enumerable.Range(0, 70).Select(i => MerkleTree.LeafHash(BitConverter.GetBytes(i))));
        for (long size = 1; size <= 70; size++)
        {
            var root = MerkleTree.RootOf(size, k => nodes[k]);
            for (long leaf = 0; leaf < size; leaf++)
            {
                var path = MerkleTree.InclusionRanges(leaf, size).Select(r => MerkleTree.HashOf(r, k => nodes[k])).ToList();
                var leafHash = nodes[new NodeKey(0, leaf)];
                Assert.True(MerkleTree.VerifyInclusion(leaf, size, leafHash, path, root), $"leaf {leaf} of {size}");
                Assert.False(MerkleTree.VerifyInclusion(leaf, size, nodes[new NodeKey(0, (leaf + 1) % 70)], path, root));
                Assert.False(size > 1 && MerkleTree.VerifyInclusion((leaf + 1) % size, size, leafHash, path, root));
                for (var i = 0; i < path.Count; i++)
                {
                    var tampered = path.Select(p => (byte[])p.Clone()).ToList();
                    tampered[i][0] ^= 1;
                    Assert.False(MerkleTree.VerifyInclusion(leaf, size, leafHash, tampered, root));
                }

                Assert.False(MerkleTree.VerifyInclusion(leaf, size, leafHash, [.. path, root], root));
            }

            for (long first = 1; first <= size; first++)
            {
                var firstRoot = MerkleTree.RootOf(first, k => nodes[k]);
                var proof = first == size ? [] : MerkleTree.ConsistencyRanges(first, size).Select(r => MerkleTree.HashOf(r, k => nodes[k])).ToList();
                Assert.True(MerkleTree.VerifyConsistency(first, size, firstRoot, root, proof), $"{first} → {size}");
                if (first < size)
                {
                    Assert.False(MerkleTree.VerifyConsistency(first, size, root, root, proof));
                    for (var i = 0; i < proof.Count; i++)
                    {
                        var tampered = proof.Select(p => (byte[])p.Clone()).ToList();
                        tampered[i][31] ^= 0x80;
                        Assert.False(MerkleTree.VerifyConsistency(first, size, firstRoot, root, tampered));
                    }
                }
            }
        }
    }

    [Fact]
    public void A_proof_needs_logarithmically_many_stored_nodes()
    {
        const long size = 10_000_000;
        var inclusion = MerkleTree.NodesFor(MerkleTree.InclusionRanges(4_567_891, size));
        var consistency = MerkleTree.NodesFor(MerkleTree.ConsistencyRanges(3_333_333, size));
        Assert.InRange(inclusion.Count, 1, 2 * 24);
        Assert.InRange(consistency.Count, 1, 2 * 24);
    }

    [Fact]
    public void Appending_completes_the_subtrees_ending_at_the_leaf()
    {
        Assert.Equal([new NodeKey(0, 6)], MerkleTree.CompletedBy(6));
        Assert.Equal([new NodeKey(0, 7), new NodeKey(1, 3), new NodeKey(2, 1), new NodeKey(3, 0)], MerkleTree.CompletedBy(7));
        Assert.Equal(new NodeKey(5, 1234), NodeKey.Unpack(new NodeKey(5, 1234).Packed));
    }

    [Fact]
    public void A_range_that_is_not_a_subtree_is_refused()
    {
        Assert.Throws<ArgumentException>(() => MerkleTree.PerfectPieces(new LeafRange(1, 3)));
        Assert.Equal([new NodeKey(2, 2), new NodeKey(1, 6), new NodeKey(0, 14)], MerkleTree.PerfectPieces(new LeafRange(8, 15)));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.InclusionRanges(5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.ConsistencyRanges(0, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.ConsistencyRanges(6, 5));
    }
}
