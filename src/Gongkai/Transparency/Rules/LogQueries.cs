using System.Globalization;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Transparency.Rules;

/// <summary>The checks of the /ct/v1 parameters against the latest signed tree size: every bad request becomes an
/// <see cref="RefusalKind.Invalid"/> refusal with a Chinese sentence naming the parameter, never an exception.</summary>
public static class LogQueries
{
    /// <summary>At most this many entries per get-entries call (RFC 6962 lets a log return fewer than asked).</summary>
    public const int MaxEntries = 1000;

    public const string BadRequestTitle = "公开日志查询参数有误";

    /// <summary>A tree size that some signed tree head has covered: 1 … <paramref name="signedSize"/>.</summary>
    public static Outcome<long> TreeSize(string name, string? value, long signedSize)
    {
        var parsed = Number(name, value);
        if (!parsed.Succeeded)
        {
            return parsed.Refusal;
        }

        return parsed.Value < 1 || parsed.Value > signedSize
            ? Invalid(name, $"{name} 为 {parsed.Value}，但公开日志已签名的树只有 {signedSize} 条，应在 1 到 {signedSize} 之间。")
            : parsed.Value;
    }

    /// <summary>get-sth-consistency: 1 ≤ first ≤ second ≤ the signed size.</summary>
    public static Outcome<(long First, long Second)> Consistency(string? first, string? second, long signedSize)
    {
        var a = TreeSize("first", first, signedSize);
        if (!a.Succeeded)
        {
            return a.Refusal;
        }

        var b = TreeSize("second", second, signedSize);
        if (!b.Succeeded)
        {
            return b.Refusal;
        }

        return a.Value > b.Value ? Invalid("first", $"first（{a.Value}）不能大于 second（{b.Value}）。") : (a.Value, b.Value);
    }

    /// <summary>get-entries: 0 ≤ start ≤ end, start inside the signed tree; end is cut to the tree's last entry and to
    /// <see cref="MaxEntries"/> entries.</summary>
    public static Outcome<(long Start, long End)> Entries(string? start, string? end, long signedSize)
    {
        var s = Number("start", start);
        if (!s.Succeeded)
        {
            return s.Refusal;
        }

        var e = Number("end", end);
        if (!e.Succeeded)
        {
            return e.Refusal;
        }

        if (s.Value > e.Value)
        {
            return Invalid("start", $"start（{s.Value}）不能大于 end（{e.Value}）。");
        }

        if (s.Value >= signedSize)
        {
            return Invalid("start", $"start 为 {s.Value}，超出了已签名的树（共 {signedSize} 条，编号 0 到 {signedSize - 1}）。");
        }

        return (s.Value, Math.Min(Math.Min(e.Value, signedSize - 1), s.Value + MaxEntries - 1));
    }

    /// <summary>get-entry-and-proof: a leaf inside a signed tree size.</summary>
    public static Outcome<(long LeafIndex, long TreeSize)> EntryAndProof(string? leafIndex, string? treeSize, long signedSize)
    {
        var size = TreeSize("tree_size", treeSize, signedSize);
        if (!size.Succeeded)
        {
            return size.Refusal;
        }

        var index = Number("leaf_index", leafIndex);
        if (!index.Succeeded)
        {
            return index.Refusal;
        }

        return index.Value >= size.Value
            ? Invalid("leaf_index", $"leaf_index 为 {index.Value}，不在 {size.Value} 条的树中（编号 0 到 {size.Value - 1}）。")
            : (index.Value, size.Value);
    }

    /// <summary>get-proof-by-hash: a well-formed hash and a signed tree size.</summary>
    public static Outcome<(byte[] Hash, long TreeSize)> ProofByHash(string? hash, string? treeSize, long signedSize)
    {
        var h = Hash("hash", hash);
        if (!h.Succeeded)
        {
            return h.Refusal;
        }

        var size = TreeSize("tree_size", treeSize, signedSize);
        return size.Succeeded ? (h.Value, size.Value) : size.Refusal;
    }

    /// <summary>A SHA-256 hash in base64 (as RFC 6962 writes them) or in 64 hex digits.</summary>
    public static Outcome<byte[]> Hash(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Invalid(name, $"缺少参数 {name}。");
        }

        var text = value.Trim();
        var bytes = new byte[MerkleTree.HashSize];
        if (text.Length == 64 && text.All(char.IsAsciiHexDigit))
        {
            return Convert.FromHexString(text);
        }

        return Convert.TryFromBase64String(text, bytes, out var written) && written == MerkleTree.HashSize
            ? bytes
            : Invalid(name, $"{name} 应为 32 字节的 SHA-256 哈希值（base64 或 64 位十六进制）。");
    }

    private static Outcome<long> Number(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Invalid(name, $"缺少参数 {name}。");
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : Invalid(name, $"{name} 应为非负整数，收到的是“{value}”。");
    }

    private static Refusal Invalid(string name, string message) =>
        Refusal.Invalid(message, new Dictionary<string, string[]> { [name] = [message] }, BadRequestTitle);
}
