using System.Security.Cryptography;

namespace Gongkai.Tests.Transparency;

/// <summary>
/// A verifier written from RFC 6962 §2.1 alone, deliberately unlike the server's code: the tree hash MTH is the
/// RFC's recursive definition over the list of inputs (no stored nodes), and proofs are checked by rebuilding the
/// roots recursively along the same splits the RFC's PATH and SUBPROOF definitions make (consuming the proof from its
/// end), instead of the bit-walking algorithms of RFC 9162 the server uses. If both agree on random trees, neither
/// has a private misreading of the RFC.
/// </summary>
public static class IndependentVerifier
{
    public static byte[] Sha256(params byte[][] parts) => SHA256.HashData(parts.SelectMany(p => p).ToArray());

    /// <summary>MTH(D[n]) of RFC 6962 §2.1, literally.</summary>
    public static byte[] Mth(IReadOnlyList<byte[]> inputs)
    {
        if (inputs.Count == 0)
        {
            return Sha256([]);
        }

        if (inputs.Count == 1)
        {
            return Sha256([0], inputs[0]);
        }

        var k = LargestPowerOfTwoBelow(inputs.Count);
        return Sha256([1], Mth(inputs.Take(k).ToList()), Mth(inputs.Skip(k).ToList()));
    }

    public static byte[] LeafHash(byte[] input) => Sha256([0], input);

    /// <summary>Whether <paramref name="path"/> (leaf's sibling first) proves the leaf at <paramref name="m"/> of a tree of
    /// <paramref name="n"/> leaves has <paramref name="root"/>.</summary>
    public static bool VerifyInclusion(long m, long n, byte[] leafHash, IReadOnlyList<byte[]> path, byte[] root)
    {
        if (m < 0 || m >= n)
        {
            return false;
        }

        var stack = new Stack<byte[]>(path); // top = last element = the root's other child
        var rebuilt = Rebuild(m, n);
        return rebuilt is not null && stack.Count == 0 && rebuilt.SequenceEqual(root);

        byte[]? Rebuild(long index, long size)
        {
            if (size == 1)
            {
                return leafHash;
            }

            if (stack.Count == 0)
            {
                return null;
            }

            var sibling = stack.Pop();
            var k = LargestPowerOfTwoBelow(size);
            var inner = index < k ? Rebuild(index, k) : Rebuild(index - k, size - k);
            return inner is null ? null : index < k ? Sha256([1], inner, sibling) : Sha256([1], sibling, inner);
        }
    }

    /// <summary>Whether <paramref name="proof"/> shows the tree of <paramref name="n"/> leaves with <paramref name="newRoot"/>
    /// extends the one of <paramref name="m"/> leaves with <paramref name="oldRoot"/>.</summary>
    public static bool VerifyConsistency(long m, long n, byte[] oldRoot, byte[] newRoot, IReadOnlyList<byte[]> proof)
    {
        if (m <= 0 || m > n)
        {
            return false;
        }

        var stack = new Stack<byte[]>(proof);
        var result = Rebuild(m, n, whole: true);
        return result is { } r && stack.Count == 0 && r.Old.SequenceEqual(oldRoot) && r.New.SequenceEqual(newRoot);

        // (hash of the old tree's part in this subtree, hash of this subtree in the new tree)
        (byte[] Old, byte[] New)? Rebuild(long mm, long size, bool whole)
        {
            if (mm == size)
            {
                if (whole)
                {
                    return (oldRoot, oldRoot);
                }

                if (stack.Count == 0)
                {
                    return null;
                }

                var node = stack.Pop();
                return (node, node);
            }

            if (stack.Count == 0)
            {
                return null;
            }

            var k = LargestPowerOfTwoBelow(size);
            var other = stack.Pop();
            if (mm <= k)
            {
                var left = Rebuild(mm, k, whole);
                return left is { } l ? (l.Old, Sha256([1], l.New, other)) : null;
            }

            var right = Rebuild(mm - k, size - k, whole: false);
            return right is { } rr ? (Sha256([1], other, rr.Old), Sha256([1], other, rr.New)) : null;
        }
    }

    /// <summary>Whether a get-sth answer is signed by <paramref name="publicKeyPem"/>: the TreeHeadSignature bytes of
    /// RFC 6962 §3.5 rebuilt here by hand, the DigitallySigned header read by hand.</summary>
    public static bool VerifySth(long treeSize, long timestamp, byte[] root, byte[] digitallySigned, string publicKeyPem)
    {
        if (digitallySigned.Length < 4 || digitallySigned[0] != 4 || digitallySigned[1] != 3 || ((digitallySigned[2] << 8) | digitallySigned[3]) != digitallySigned.Length - 4)
        {
            return false;
        }

        var signed = new List<byte> { 0, 1 };
        signed.AddRange(BigEndian(timestamp));
        signed.AddRange(BigEndian(treeSize));
        signed.AddRange(root);
        using var key = ECDsa.Create();
        key.ImportFromPem(publicKeyPem);
        return key.KeySize == 256 && key.VerifyData(signed.ToArray(), digitallySigned[4..], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    private static IEnumerable<byte> BigEndian(long value) => Enumerable.Range(0, 8).Select(i => (byte)(value >> (56 - (8 * i))));

    private static int LargestPowerOfTwoBelow(long n)
    {
        var k = 1;
        while (k * 2L < n)
        {
            k *= 2;
        }

        return k;
    }
}
