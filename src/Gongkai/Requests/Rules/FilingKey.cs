using System.Security.Cryptography;
using System.Text;

namespace Gongkai.Requests.Rules;

/// <summary>
/// An idempotency key for filing an application (the API's <c>Idempotency-Key</c> header, the form's hidden field).
/// The database keeps only the key's hash, a fingerprint of what was filed and the query code sealed with a key
/// derived from the client's own key: replaying the same key returns the first result with its code, while someone
/// reading the table learns no code (the key is a random value only the client holds).
/// </summary>
public static class FilingKey
{
    public const int MaxLength = 128;

    /// <summary>How long a key is remembered: a retry after a lost answer comes within minutes, not days.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    private static readonly byte[] SealContext = Encoding.UTF8.GetBytes("gongkai request filing key: query code");

    /// <summary>Null when the key is acceptable, else a Chinese message.</summary>
    public static string? Problem(string key) =>
        key.Length is 0 or > MaxLength || key.Any(c => c is < '!' or > '~')
            ? $"Idempotency-Key 须为 1–{MaxLength} 个可见的 ASCII 字符。"
            : null;

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>What was filed, so the same key with a different application is told apart from a retry.</summary>
    public static string Fingerprint(params string?[] parts)
    {
        var text = string.Join('\u001f', parts.Select(p => p ?? "\u0000"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static byte[] SealCode(string key, string code)
    {
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var plain = Encoding.UTF8.GetBytes(code);
        var sealedBytes = new byte[nonce.Length + plain.Length + AesGcm.TagByteSizes.MaxSize];
        using var aes = new AesGcm(DeriveKey(key), AesGcm.TagByteSizes.MaxSize);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(nonce.Length, plain.Length), sealedBytes.AsSpan(nonce.Length + plain.Length));
        nonce.CopyTo(sealedBytes, 0);
        return sealedBytes;
    }

    /// <summary>The code sealed under this key; null when the bytes were not sealed with it.</summary>
    public static string? OpenCode(string key, byte[] sealedBytes)
    {
        var nonceLength = AesGcm.NonceByteSizes.MaxSize;
        var tagLength = AesGcm.TagByteSizes.MaxSize;
        if (sealedBytes.Length < nonceLength + tagLength)
        {
            return null;
        }

        var cipherLength = sealedBytes.Length - nonceLength - tagLength;
        var plain = new byte[cipherLength];
        try
        {
            using var aes = new AesGcm(DeriveKey(key), tagLength);
            aes.Decrypt(sealedBytes.AsSpan(0, nonceLength), sealedBytes.AsSpan(nonceLength, cipherLength), sealedBytes.AsSpan(nonceLength + cipherLength), plain);
            return Encoding.UTF8.GetString(plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    private static byte[] DeriveKey(string key) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(key), 32, salt: [], info: SealContext);
}
