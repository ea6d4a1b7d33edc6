namespace Gongkai.Safeguards.Detection;

/// <summary>What makes a run of Han characters a person's name: a surname from the list of Chinese surnames (single
/// and compound, with their share of the population), then one or two given-name characters judged by how often they
/// occur in given names. Built from the data files embedded in the assembly (Safeguards/Names, loaded by
/// <see cref="Names.EmbeddedNameData"/>); this class only parses text and answers, so it stays free of I/O.</summary>
public sealed class NameStatistics
{
    private readonly Dictionary<char, int> _single = [];
    private readonly Dictionary<string, int> _compound = new(StringComparer.Ordinal);
    private readonly Dictionary<char, int> _given = [];
    private readonly HashSet<char> _never = [];
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _compoundLookup;

    /// <summary>Parses the three files: surnames (surname TAB share), given-name characters (char TAB weight), and the
    /// characters never part of a given name.</summary>
    public NameStatistics(string surnames, string givenNameCharacters, string notNameCharacters)
    {
        foreach (var (key, value) in Rows(surnames))
        {
            if (key.Length == 1)
            {
                _single.TryAdd(key[0], value);
            }
            else if (key.Length == 2)
            {
                _compound.TryAdd(key, value);
            }
        }

        foreach (var (key, value) in Rows(givenNameCharacters))
        {
            _given.TryAdd(key[0], value);
        }

        _compoundLookup = _compound.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var line in notNameCharacters.Split('\n'))
        {
            if (!line.StartsWith('#'))
            {
                foreach (var c in line.Trim())
                {
                    _never.Add(c);
                }
            }
        }
    }

    public int SurnameCount => _single.Count + _compound.Count;

    /// <summary>Length of the surname starting at <paramref name="at"/> (2 for 欧阳, 1 for 王), 0 when there is none.</summary>
    public int SurnameLength(ReadOnlySpan<char> text, int at)
    {
        if (at + 1 < text.Length && _compound.Count > 0 && _compoundLookup.ContainsKey(text.Slice(at, 2)))
        {
            return 2;
        }

        return at < text.Length && _single.ContainsKey(text[at]) ? 1 : 0;
    }

    public bool IsSurname(char c) => _single.ContainsKey(c);

    /// <summary>Share per 100,000 people of a single-character surname (0 when unknown).</summary>
    public int SurnameShare(char c) => _single.GetValueOrDefault(c);

    /// <summary>How common the character is in given names: 3 very common … 1 occasional, 0 unknown.</summary>
    public int GivenWeight(char c) => _given.GetValueOrDefault(c);

    /// <summary>Function words and administrative vocabulary (区、局、号、的…): never part of a given name.</summary>
    public bool NeverInGivenName(char c) => _never.Contains(c) || !TextNormalizer.IsHan(c);

    /// <summary>Whether <paramref name="name"/> (2–4 characters) reads as surname + given name. <paramref name="strict"/>
    /// (no label says it is a person) needs every given-name character to be a known given-name character and a
    /// one-character given name to be a common one; otherwise a character merely must not be administrative vocabulary.</summary>
    public bool IsPlausibleName(ReadOnlySpan<char> name, bool strict)
    {
        if (name.Length is < 2 or > 4)
        {
            return false;
        }

        var surname = SurnameLength(name, 0);
        var given = name.Length - surname;
        if (surname == 0 || given is < 1 or > 2)
        {
            return false;
        }

        var weight = 0;
        foreach (var c in name[surname..])
        {
            if (NeverInGivenName(c))
            {
                return false;
            }

            weight += GivenWeight(c);
        }

        // Without a label, at least one given-name character must be a known one (曾宪林: 林), and a one-character given
        // name a common one — 周一、周三 read as words, not names.
        return !strict || (given == 2 ? weight >= 1 : weight >= 2 && "一二三四五六七八九十".IndexOf(name[^1]) < 0);
    }

    private static IEnumerable<(string Key, int Value)> Rows(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab > 0 && int.TryParse(line.AsSpan(tab + 1), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                yield return (line[..tab], value);
            }
        }
    }
}
