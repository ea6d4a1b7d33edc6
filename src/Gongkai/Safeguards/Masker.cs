using System.Text;
using Gongkai.Safeguards.Detection;

namespace Gongkai.Safeguards;

/// <summary>How one kind of personal data is masked.</summary>
public enum MaskStyle
{
    /// <summary>Letters and digits replaced by *, keeping <see cref="MaskRule.KeepFirst"/> and
    /// <see cref="MaskRule.KeepLast"/> of them; separators stay.</summary>
    Stars,

    /// <summary>Surname + 某 (张三 → 张某, 欧阳修 → 欧阳某).</summary>
    SurnameMou,

    /// <summary>The administrative part (省、市、县、区 up to the district) stays, the rest becomes ****.</summary>
    AdministrativePrefix,

    /// <summary>E-mail: the first character of the local part and the domain stay (z***@qq.com).</summary>
    EmailLocalPart,
}

public sealed record MaskRule(MaskStyle Style, int KeepFirst = 0, int KeepLast = 0);

/// <summary>Masks personal data. Defaults (written down here, per the issue): ID numbers keep the first 4 and last 4
/// (5101**********123X), mobiles the first 3 and last 4 (138****5678), landlines the area code and last 2, bank cards
/// the last 4, passports the first letter and last 2, plates the province, letter and last character, names surname + 某,
/// addresses the administrative prefix, e-mail the first character and domain. Each rule can be replaced.</summary>
public sealed class Masker
{
    public static IReadOnlyDictionary<FindingKind, MaskRule> DefaultRules { get; } = new Dictionary<FindingKind, MaskRule>
    {
        [FindingKind.IdNumber] = new(MaskStyle.Stars, 4, 4),
        [FindingKind.Mobile] = new(MaskStyle.Stars, 3, 4),
        [FindingKind.Landline] = new(MaskStyle.Stars, 4, 2),
        [FindingKind.BankCard] = new(MaskStyle.Stars, 0, 4),
        [FindingKind.Email] = new(MaskStyle.EmailLocalPart),
        [FindingKind.Passport] = new(MaskStyle.Stars, 1, 2),
        [FindingKind.Address] = new(MaskStyle.AdministrativePrefix),
        [FindingKind.PersonName] = new(MaskStyle.SurnameMou),
        [FindingKind.Plate] = new(MaskStyle.Stars, 2, 1),
    };

    private readonly Dictionary<FindingKind, MaskRule> _rules;

    public Masker(IReadOnlyDictionary<FindingKind, MaskRule>? overrides = null)
    {
        _rules = new Dictionary<FindingKind, MaskRule>(DefaultRules);
        foreach (var (kind, rule) in overrides ?? new Dictionary<FindingKind, MaskRule>())
        {
            _rules[kind] = rule;
        }
    }

    public static Masker Default { get; } = new();

    public string Mask(FindingKind kind, string text)
    {
        if (!_rules.TryGetValue(kind, out var rule))
        {
            return text;
        }

        if (kind == FindingKind.Mobile)
        {
            // +86 / 0086 prefixes are not part of the number: keep them and count from the national number.
            var national = NationalPrefixLength(text);
            return text[..national] + MaskStars(text[national..], rule.KeepFirst, rule.KeepLast);
        }

        if (kind == FindingKind.Landline && rule.Style == MaskStyle.Stars)
        {
            var digits = new string(text.Where(TextNormalizer.IsAsciiDigit).ToArray());
            var keepFirst = digits.StartsWith('0') ? DigitRunDetector.AreaCodeLength(digits) : 0;
            return MaskStars(text, keepFirst, rule.KeepLast);
        }

        return rule.Style switch
        {
            MaskStyle.SurnameMou => text[..PartyNameDetector.SurnameLength(text)] + "某",
            MaskStyle.AdministrativePrefix => AdministrativePrefix(text) + "****",
            MaskStyle.EmailLocalPart => MaskEmail(text),
            _ => MaskStars(text, rule.KeepFirst, rule.KeepLast),
        };
    }

    /// <summary>Applies the personal findings to the text. Findings must not overlap (see <see cref="Overlaps.Resolve"/>).</summary>
    public static string Apply(string text, IEnumerable<Finding> findings)
    {
        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var finding in findings.Where(f => f.Kind.IsPersonal()).OrderBy(f => f.Start))
        {
            builder.Append(text, position, finding.Start - position).Append(finding.Replacement);
            position = finding.End;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    private static int NationalPrefixLength(string text)
    {
        var count = text.Count(c => TextNormalizer.IsAsciiDigit(TextNormalizer.Map(c)));
        var extra = count - 11;
        var i = 0;
        while (i < text.Length && (extra > 0 || !TextNormalizer.IsAsciiDigit(TextNormalizer.Map(text[i]))))
        {
            if (TextNormalizer.IsAsciiDigit(TextNormalizer.Map(text[i])))
            {
                extra--;
            }

            i++;
        }

        while (i < text.Length && text[i] is ' ' or '-')
        {
            i++;
        }

        return i;
    }

    private static string MaskStars(string text, int keepFirst, int keepLast)
    {
        var significant = text.Count(IsSignificant);
        var chars = text.ToCharArray();
        var index = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            if (!IsSignificant(chars[i]))
            {
                continue;
            }

            if (index >= keepFirst && index < significant - keepLast)
            {
                chars[i] = '*';
            }

            index++;
        }

        return new string(chars);
    }

    private static bool IsSignificant(char c)
    {
        var m = TextNormalizer.Map(c);
        return TextNormalizer.IsAsciiDigit(m) || TextNormalizer.IsAsciiLetter(m) || TextNormalizer.IsHan(c);
    }

    private static string AdministrativePrefix(string address)
    {
        var keep = 0;
        for (var i = 0; i < Math.Min(address.Length, 14); i++)
        {
            if (address[i] is '省' or '市' or '县' or '区' or '州' or '旗')
            {
                keep = i + 1;
            }
        }

        return address[..keep];
    }

    private static string MaskEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at <= 1 ? "*" + email[Math.Max(at, 0)..] : email[0] + new string('*', 3) + email[at..];
    }
}

/// <summary>Overlapping findings are resolved the same way every time: earlier start first, then the longer, then
/// the kind listed first in <see cref="FindingKind"/>; a finding overlapping one already kept is dropped.</summary>
public static class Overlaps
{
    public static List<Hit> Resolve(IEnumerable<Hit> detections)
    {
        var kept = new List<Hit>();
        var end = 0;
        foreach (var detection in detections.OrderBy(d => d.Start).ThenByDescending(d => d.Length).ThenBy(d => d.Kind))
        {
            if (detection.Length <= 0 || detection.Start < end)
            {
                continue;
            }

            kept.Add(detection);
            end = detection.End;
        }

        return kept;
    }
}
