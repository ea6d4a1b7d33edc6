namespace Gongkai.Safeguards.Detection;

/// <summary>Finds e-mail addresses and reports those that are not public: government domains (gov.cn) and the
/// agencies' own published addresses and domains stay.</summary>
public sealed class EmailDetector(PublicContacts publicContacts)
{
    public void Detect(string normalized, List<Hit> results)
    {
        var at = normalized.IndexOf('@', StringComparison.Ordinal);
        while (at >= 0)
        {
            var start = at;
            while (start > 0 && IsLocalChar(normalized[start - 1]))
            {
                start--;
            }

            var end = at + 1;
            while (end < normalized.Length && IsDomainChar(normalized[end]))
            {
                end++;
            }

            while (end > at + 1 && normalized[end - 1] is '.' or '-')
            {
                end--;
            }

            while (start < at && normalized[start] is '.' or '-')
            {
                start++;
            }

            var domain = normalized.AsSpan(at + 1, end - at - 1);
            var lastDot = domain.LastIndexOf('.');
            if (start < at && lastDot > 0 && domain.Length - lastDot - 1 >= 2 && IsLetters(domain[(lastDot + 1)..]))
            {
                var email = normalized[start..end];
                if (!publicContacts.IsPublicEmail(email) && !AgencyContext.IsAgencyContact(normalized, start, end))
                {
                    results.Add(new Hit(FindingKind.Email, start, end - start, "个人电子邮箱（非政府机关域名）"));
                }
            }

            at = normalized.IndexOf('@', Math.Max(end, at + 1));
        }
    }

    private static bool IsLocalChar(char c) => TextNormalizer.IsAsciiDigit(c) || TextNormalizer.IsAsciiLetter(c) || c is '.' or '_' or '-' or '+' or '%';

    private static bool IsDomainChar(char c) => TextNormalizer.IsAsciiDigit(c) || TextNormalizer.IsAsciiLetter(c) || c is '.' or '-';

    private static bool IsLetters(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!TextNormalizer.IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }
}
