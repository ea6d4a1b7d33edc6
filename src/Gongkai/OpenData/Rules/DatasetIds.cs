using System.Security.Cryptography;
using System.Text;

namespace Gongkai.OpenData.Rules;

/// <summary>
/// Identifiers of datasets and resources that never change while the name does not: a name-based UUID (RFC 9562
/// version 5, SHA-1 over a fixed namespace and the name), so a harvester that stored a CKAN <c>id</c> finds the same
/// dataset after a rebuild, and every node computes the same one.
/// </summary>
public static class DatasetIds
{
    private static readonly Guid Namespace = new("6f1c2c8e-52a4-4d5e-9d43-67e1b0c6a51f");

    public static string DatasetName(string typeKey, string bodyCode) => $"{typeKey}-{bodyCode}".ToLowerInvariant();

    public static Guid DatasetId(string name) => NameBased("dataset:" + name);

    public static Guid ResourceId(Guid datasetId, string format) => NameBased($"resource:{datasetId:D}:{format.ToLowerInvariant()}");

    public static Guid NameBased(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var namespaceBytes = Namespace.ToByteArray(bigEndian: true);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[namespaceBytes.Length + nameBytes.Length];
        namespaceBytes.CopyTo(input, 0);
        nameBytes.CopyTo(input, namespaceBytes.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 version 5 prescribes; it names, it does not protect.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
