namespace Gongkai.Safeguards.Detection;

/// <summary>Contacts that are public information and must stay readable: agencies' published phone numbers, e-mail
/// addresses and office addresses (from the bodies' own data), plus mail domains of government.</summary>
public sealed class PublicContacts
{
    private readonly HashSet<string> _phoneDigits = new(StringComparer.Ordinal);
    private readonly HashSet<string> _emails = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _domains = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _addresses = [];
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public static PublicContacts Empty { get; } = new();

    /// <summary>Government mail domains are public whoever publishes them (gov.cn and its subdomains).</summary>
    public static IReadOnlyList<string> GovernmentDomainSuffixes { get; } = ["gov.cn", "gov"];

    /// <summary>Domains reserved for examples (RFC 2606): nobody's mailbox.</summary>
    private static readonly string[] ReservedDomains = ["example.com", "example.org", "example.net", "example.cn", "test", "invalid"];

    public PublicContacts AddPhone(string phone)
    {
        // A published "0816-2345678、2345679" or "0816-2345678（传真）" holds several numbers: keep each digit run
        // (and its subscriber part without area code) that is long enough to be a phone number.
        foreach (var number in PhoneNumbersIn(phone))
        {
            _phoneDigits.Add(number);
            if (number.StartsWith('0') && number.Length >= 10)
            {
                _phoneDigits.Add(number[DigitRunDetector.AreaCodeLength(number)..]);
            }
        }

        return this;
    }

    public PublicContacts AddEmail(string email)
    {
        var trimmed = email.Trim();
        if (trimmed.Contains('@', StringComparison.Ordinal))
        {
            _emails.Add(trimmed);
        }

        return this;
    }

    public PublicContacts AddDomain(string domain)
    {
        _domains.Add(domain.Trim().TrimStart('@'));
        return this;
    }

    public PublicContacts AddAddress(string address)
    {
        var trimmed = address.Trim();
        if (trimmed.Length >= 4)
        {
            _addresses.Add(trimmed);
        }

        return this;
    }

    /// <summary>A body head's name: published as part of the body's data, so not masked in a parties block.</summary>
    public PublicContacts AddName(string name)
    {
        var trimmed = name.Trim();
        if (trimmed.Length >= 2)
        {
            _names.Add(trimmed);
        }

        return this;
    }

    public bool IsPublicName(string name) => _names.Contains(name);

    /// <summary>Digits only, national form (no 86/0086 prefix).</summary>
    public bool IsPublicPhone(string digits) => _phoneDigits.Contains(digits);

    public bool IsPublicEmail(string email)
    {
        if (_emails.Contains(email))
        {
            return true;
        }

        var at = email.LastIndexOf('@');
        var domain = email[(at + 1)..];
        foreach (var suffix in GovernmentDomainSuffixes)
        {
            if (domain.Equals(suffix, StringComparison.OrdinalIgnoreCase) || domain.EndsWith("." + suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return _domains.Contains(domain) || ReservedDomains.Any(r => domain.Equals(r, StringComparison.OrdinalIgnoreCase) || domain.EndsWith("." + r, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An address is public when it is (the start of) an agency's published address, or contains one.</summary>
    public bool IsPublicAddress(string address)
    {
        foreach (var known in _addresses)
        {
            if (address.Contains(known, StringComparison.Ordinal) || known.StartsWith(address, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static IEnumerable<string> PhoneNumbersIn(string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        var digits = new System.Text.StringBuilder();
        for (var i = 0; i <= normalized.Length; i++)
        {
            var c = i < normalized.Length ? normalized[i] : ' ';
            if (TextNormalizer.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c == '-' && digits.Length > 0 && digits.Length <= 4 && digits[0] == '0')
            {
                // area-code dash: the number continues
            }
            else
            {
                if (digits.Length >= 5)
                {
                    yield return digits.ToString();
                }

                digits.Clear();
            }
        }
    }
}
