using System.Security.Cryptography;
using System.Text;

namespace Gongkai.Channels.Rules;

/// <summary>W3C WebSub §8: <c>X-Hub-Signature: sha256=</c> lower-case hex HMAC-SHA256 of the body, keyed by the
/// subscriber's <c>hub.secret</c> (UTF-8). The webhook adapter of new-media posts signs the same way.</summary>
public static class HubSignature
{
    public const string Header = "X-Hub-Signature";

    public static string Sign(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
    }

    /// <summary>Constant-time check of a received header against the body.</summary>
    public static bool Verify(string secret, ReadOnlySpan<byte> body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(header.Trim()));
}
