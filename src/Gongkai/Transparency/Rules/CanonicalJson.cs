using System.Globalization;
using System.Text;

namespace Gongkai.Transparency.Rules;

/// <summary>
/// RFC 8785 (JSON Canonicalization Scheme) for the one shape the log needs: a flat object whose values are strings
/// or integers. Members are sorted by their names' UTF-16 code units (§3.2.3); strings are written with the escapes
/// of §3.2.2.2 only (<c>\"</c>, <c>\\</c>, <c>\b \f \n \r \t</c>, other control characters as lower-case <c>\u00xx</c>),
/// every other character as itself; integers as ECMAScript prints them, which for |n| ≤ 2^53 is plain decimal digits.
/// No whitespace. No maintained NuGet package implements JCS, and the general scheme (floating-point numbers, nested
/// values) is not needed here, so this small writer is the whole of it.
/// </summary>
public static class CanonicalJson
{
    /// <summary>The largest integer ECMAScript represents exactly; larger ones are refused, not rounded.</summary>
    public const long MaxSafeInteger = (1L << 53) - 1;

    public static string Write(IReadOnlyDictionary<string, object> members)
    {
        var text = new StringBuilder("{");
        var first = true;
        foreach (var name in members.Keys.Order(StringComparer.Ordinal))
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            WriteString(text, name);
            text.Append(':');
            switch (members[name])
            {
                case string value:
                    WriteString(text, value);
                    break;
                case int value:
                    text.Append(value.ToString(CultureInfo.InvariantCulture));
                    break;
                case long value when Math.Abs(value) <= MaxSafeInteger:
                    text.Append(value.ToString(CultureInfo.InvariantCulture));
                    break;
                default:
                    throw new ArgumentException($"Member “{name}” must be a string or an integer within ±2^53.", nameof(members));
            }
        }

        return text.Append('}').ToString();
    }

    public static byte[] Utf8(IReadOnlyDictionary<string, object> members) => Encoding.UTF8.GetBytes(Write(members));

    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
                continue;
            }

            if (char.IsSurrogate(c))
            {
                // I-JSON (RFC 7493), which RFC 8785 requires, forbids lone surrogates: they have no UTF-8 form.
                throw new ArgumentException("A string holds a lone surrogate, which canonical JSON cannot carry.", nameof(value));
            }

            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case < ' ': text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }

        text.Append('"');
    }
}
