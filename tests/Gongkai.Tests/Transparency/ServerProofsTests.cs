using Gongkai.Transparency.Rules;

namespace Gongkai.Tests.Transparency;

/// <summary>The server's proof rules, over a node store built the way the server appends, checked by the independent
/// verifier on every tree size from 1 to 1,000 leaves with random leaves and random earlier sizes.</summary>
public sealed class ServerProofsTests
{
    [Fact]
    public void Inclusion_and_consistency_proofs_of_random_trees_up_to_1000_leaves_pass_the_independent_verifier()
    {
        var random = new Random(6962);
        var inputs = Enumerable.Range(0, 1000).Select(_ => { var b = new byte[random.Next(0, 40)]; random.NextBytes(b); return b; }).ToList();
        var nodes = new Dictionary<NodeKey, byte[]>();
        for (var i = 0; i < inputs.Count; i++)
        {
            foreach (var (key, hash) in MerkleTree.Append(i, MerkleTree.LeafHash(inputs[i]), k => nodes[k]))
            {
                nodes.Add(key, hash);
            }
        }

        var roots = new byte[inputs.Count + 1][];
        for (var n = 1; n <= inputs.Count; n++)
        {
            roots[n] = IndependentVerifier.Mth(inputs.Take(n).ToList());
            Assert.Equal(roots[n], MerkleTree.RootOf(n, k => nodes[k]));
        }

        for (var n = 1; n <= inputs.Count; n++)
        {
            for (var trial = 0; trial < 3; trial++)
            {
                var m = random.Next(n);
                var path = MerkleTree.InclusionRanges(m, n).Select(r => MerkleTree.HashOf(r, k => nodes[k])).ToList();
                Assert.True(IndependentVerifier.VerifyInclusion(m, n, IndependentVerifier.LeafHash(inputs[m]), path, roots[n]), $"leaf {m} of {n}");
                Assert.False(IndependentVerifier.VerifyInclusion(m, n, IndependentVerifier.LeafHash([.. inputs[m], 1]), path, roots[n]));

                var first = random.Next(1, n + 1);
                var proof = first == n ? [] : MerkleTree.ConsistencyRanges(first, n).Select(r => MerkleTree.HashOf(r, k => nodes[k])).ToList();
                Assert.True(IndependentVerifier.VerifyConsistency(first, n, roots[first], roots[n], proof), $"{first} → {n}");
                var forged = (byte[])roots[first].Clone();
                forged[random.Next(32)] ^= 0x01;
                Assert.False(IndependentVerifier.VerifyConsistency(first, n, forged, roots[n], proof));
            }
        }
    }

    [Fact]
    public void The_independent_verifier_rejects_what_it_should()
    {
        var inputs = Enumerable.Range(0, 7).Select(i => new[] { (byte)i }).ToList();
        var root = IndependentVerifier.Mth(inputs);
        var old = IndependentVerifier.Mth(inputs.Take(3).ToList());
        var nodes = new Dictionary<NodeKey, byte[]>();
        for (var i = 0; i < inputs.Count; i++)
        {
            foreach (var (key, hash) in MerkleTree.Append(i, MerkleTree.LeafHash(inputs[i]), k => nodes[k]))
            {
                nodes.Add(key, hash);
            }
        }

        var proof = MerkleTree.ConsistencyRanges(3, 7).Select(r => MerkleTree.HashOf(r, k => nodes[k])).ToList();
        Assert.True(IndependentVerifier.VerifyConsistency(3, 7, old, root, proof));
        Assert.False(IndependentVerifier.VerifyConsistency(3, 7, root, root, proof));
        Assert.False(IndependentVerifier.VerifyConsistency(3, 7, old, old, proof));
        Assert.False(IndependentVerifier.VerifyConsistency(3, 7, old, root, proof.Skip(1).ToList()));
        Assert.False(IndependentVerifier.VerifyConsistency(4, 7, old, root, proof));
        var path = MerkleTree.InclusionRanges(2, 7).Select(r => MerkleTree.HashOf(r, k => nodes[k])).ToList();
        Assert.True(IndependentVerifier.VerifyInclusion(2, 7, IndependentVerifier.LeafHash(inputs[2]), path, root));
        Assert.False(IndependentVerifier.VerifyInclusion(3, 7, IndependentVerifier.LeafHash(inputs[2]), path, root));
        Assert.False(IndependentVerifier.VerifyInclusion(2, 7, IndependentVerifier.LeafHash(inputs[2]), [.. path, root], root));
    }
}
