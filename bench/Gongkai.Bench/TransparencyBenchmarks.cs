using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Gongkai.Transparency.Rules;

namespace Gongkai.Bench;

/// <summary>
/// The public log's CPU work per publication (canonical JSON, leaf hash, the subtree hashes an append completes) and
/// per proof on a log of 10,000,000 leaves. The node store here is an in-memory function of the node's key with the
/// same O(log n) shape as the database's (a proof reads the nodes <see cref="MerkleTree.NodesFor"/> names, one lookup
/// each); building 10 million rows in a database on the shared machine was too slow, the database cost is measured
/// by the <c>transparency</c> scenario instead.
/// </summary>
[MemoryDiagnoser]
public class TransparencyBenchmarks
{
    private const long Size = 10_000_000;

    private readonly Random _random = new(6962);

    private readonly LogEntryContent _entry = new("document", "00700002-5/2018-00012", 2, "绵阳市人民政府办公室关于印发《2018年政府信息公开工作要点》的通知",
        new string('a', 64), new DateTimeOffset(2018, 3, 1, 8, 0, 0, TimeSpan.Zero), "/documents/00700002-5/2018-00012");

    /// <summary>A stored node's hash: any fixed 32 bytes per key will do for timing.</summary>
    private static byte[] Node(NodeKey key)
    {
        Span<byte> packed = stackalloc byte[8];
        BitConverter.TryWriteBytes(packed, key.Packed);
        return SHA256.HashData(packed);
    }

    [Benchmark]
    public byte[] Leaf_input_and_hash() => _entry.LeafHash();

    /// <summary>Appending the leaf that completes the most subtrees below 2^24 (24 hashes): the worst case.</summary>
    [Benchmark]
    public int Append_worst_case_leaf() => MerkleTree.Append((1L << 24) - 1, _entry.LeafHash(), Node).Count;

    [Benchmark]
    public int Inclusion_proof_10M()
    {
        var ranges = MerkleTree.InclusionRanges(_random.NextInt64(Size), Size);
        var nodes = MerkleTree.NodesFor(ranges).ToDictionary(k => k, Node);
        return ranges.Sum(r => MerkleTree.HashOf(r, k => nodes[k]).Length);
    }

    [Benchmark]
    public int Consistency_proof_10M()
    {
        var ranges = MerkleTree.ConsistencyRanges(_random.NextInt64(1, Size), Size);
        var nodes = MerkleTree.NodesFor(ranges).ToDictionary(k => k, Node);
        return ranges.Sum(r => MerkleTree.HashOf(r, k => nodes[k]).Length);
    }
}
