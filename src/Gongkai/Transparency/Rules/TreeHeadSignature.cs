using System.Buffers.Binary;

namespace Gongkai.Transparency.Rules;

/// <summary>
/// RFC 6962 §3.5: the bytes a log signs for a tree head, and the TLS <c>DigitallySigned</c> wrapping of the signature.
/// <code>
/// struct { Version version(0); SignatureType signature_type(tree_hash = 1); uint64 timestamp; uint64 tree_size;
///          opaque sha256_root_hash[32]; } TreeHeadSignature;
/// struct { HashAlgorithm hash(sha256 = 4); SignatureAlgorithm signature(ecdsa = 3); opaque signature&lt;0..2^16-1&gt;; } DigitallySigned;
/// </code>
/// </summary>
public static class TreeHeadSignature
{
    public const byte Sha256 = 4;
    public const byte Ecdsa = 3;

    /// <summary>The 50 bytes signed: version, type, timestamp (ms since the epoch), size and root, big-endian.</summary>
    public static byte[] SignedBytes(long timestampMs, long treeSize, ReadOnlySpan<byte> rootHash)
    {
        if (rootHash.Length != MerkleTree.HashSize)
        {
            throw new ArgumentException("A SHA-256 root hash has 32 bytes.", nameof(rootHash));
        }

        var bytes = new byte[2 + 8 + 8 + MerkleTree.HashSize];
        bytes[0] = 0;
        bytes[1] = 1;
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(2), checked((ulong)timestampMs));
        BinaryPrimitives.WriteUInt64BigEndian(bytes.AsSpan(10), checked((ulong)treeSize));
        rootHash.CopyTo(bytes.AsSpan(18));
        return bytes;
    }

    /// <summary>hash 4, signature 3, a uint16 length and the DER ECDSA signature.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> derSignature)
    {
        if (derSignature.Length > ushort.MaxValue)
        {
            throw new ArgumentException("A signature is at most 65,535 bytes.", nameof(derSignature));
        }

        var bytes = new byte[4 + derSignature.Length];
        bytes[0] = Sha256;
        bytes[1] = Ecdsa;
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(2), (ushort)derSignature.Length);
        derSignature.CopyTo(bytes.AsSpan(4));
        return bytes;
    }

    /// <summary>The DER signature inside a <c>DigitallySigned</c>, or null when the bytes are not one of SHA-256/ECDSA.</summary>
    public static byte[]? Decode(ReadOnlySpan<byte> digitallySigned)
    {
        if (digitallySigned.Length < 4 || digitallySigned[0] != Sha256 || digitallySigned[1] != Ecdsa)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(digitallySigned[2..]);
        return digitallySigned.Length == 4 + length ? digitallySigned[4..].ToArray() : null;
    }
}
