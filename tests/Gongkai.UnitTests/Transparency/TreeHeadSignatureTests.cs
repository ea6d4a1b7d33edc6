using System.Security.Cryptography;
using Gongkai.Transparency.Rules;

namespace Gongkai.UnitTests.Transparency;

public sealed class TreeHeadSignatureTests
{
    [Fact]
    public void The_signed_structure_is_version_type_timestamp_size_and_root_big_endian()
    {
        var root = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();
        var bytes = TreeHeadSignature.SignedBytes(0x0102030405060708, 0x1112131415161718, root);
        Assert.Equal(
            "00" + "01" + "0102030405060708" + "1112131415161718" + Convert.ToHexStringLower(root),
            Convert.ToHexStringLower(bytes));
        Assert.Throws<ArgumentException>(() => TreeHeadSignature.SignedBytes(1, 1, new byte[31]));
    }

    [Fact]
    public void A_signature_is_wrapped_as_digitally_signed_and_verifies_with_the_public_key()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signed = TreeHeadSignature.SignedBytes(1_700_000_000_000, 42, SHA256.HashData("root"u8));
        var der = key.SignData(signed, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        var wrapped = TreeHeadSignature.Encode(der);

        Assert.Equal([4, 3, (byte)(der.Length >> 8), (byte)der.Length], wrapped[..4]);
        var unwrapped = TreeHeadSignature.Decode(wrapped);
        Assert.NotNull(unwrapped);
        using var publicKey = ECDsa.Create();
        publicKey.ImportFromPem(key.ExportSubjectPublicKeyInfoPem());
        Assert.True(publicKey.VerifyData(signed, unwrapped, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        Assert.False(publicKey.VerifyData(TreeHeadSignature.SignedBytes(1_700_000_000_000, 43, SHA256.HashData("root"u8)), unwrapped,
            HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public void Other_algorithms_and_wrong_lengths_are_not_read_as_a_signature()
    {
        Assert.Null(TreeHeadSignature.Decode([4, 1, 0, 1, 9]));
        Assert.Null(TreeHeadSignature.Decode([4, 3, 0, 2, 9]));
        Assert.Null(TreeHeadSignature.Decode([4, 3]));
    }
}
