namespace Gongkai.Safeguards.Detection;

/// <summary>What makes a run of Han characters a person's name: a surname from the list of Chinese surnames (single
/// and compound, with their share of the population), then one or two given-name characters judged by how often they
/// occur in given names. Built from the data files embedded in the assembly (Safeguards/Names, loaded by
/// <see cref="Names.EmbeddedNameData"/>); this class only parses text and answers, so it stays free of I/O.</summary>
public sealed class NameStatistics
{
    // Flat tables indexed by the UTF-16 code unit: the detectors ask about nearly every character of a document, and
    // a table read costs a fraction of a dictionary lookup (the difference between ≈ 2 and ≈ 25 MB/s).
    private readonly int[] _single = new int[char.MaxValue + 1];
    private readonly byte[] _given = new byte[char.MaxValue + 1];
    private readonly bool[] _never = new bool[char.MaxValue + 1];
    private readonly bool[] _startsCompound = new bool[char.MaxValue + 1];
    private readonly Dictionary<string, int> _compound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _compoundLookup;
    private int _singleCount;

    /// <summary>Parses the three files: surnames (surname TAB share), given-name characters (char TAB weight), and the
    /// characters never part of a given name.</summary>
    public NameStatistics(string surnames, string givenNameCharacters, string notNameCharacters)
    {
        foreach (var (key, value) in Rows(surnames))
        {
            if (key.Length == 1 && _single[key[0]] == 0)
            {
                // a listed surname with no share given still counts as one
                _single[key[0]] = Math.Max(value, 1);
                _singleCount++;
            }
            else if (key.Length == 2 && _compound.TryAdd(key, value))
            {
                _startsCompound[key[0]] = true;
            }
        }

        foreach (var (key, value) in Rows(givenNameCharacters))
        {
            if (_given[key[0]] == 0)
            {
                _given[key[0]] = (byte)Math.Clamp(value, 0, byte.MaxValue);
            }
        }

        _compoundLookup = _compound.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var line in notNameCharacters.Split('\n'))
        {
            if (!line.StartsWith('#'))
            {
                foreach (var c in line.Trim())
                {
                    _never[c] = true;
                }
            }
        }
    }

    private static readonly HashSet<string> CommonWordSet = new(StringComparer.Ordinal)
    {
        "安全", "利益", "权益", "权利", "公正", "公平", "公开", "文明", "廉洁", "齐全", "来信", "古树", "和平", "和谐", "平安", "安康",
        "安宁", "安定", "方便", "金额", "宋体", "黄金", "高效", "高新", "高速", "高级", "林业", "林地", "江河", "史料", "石油", "石化",
        "任务", "任期", "程序", "程度", "路线", "路面", "关于", "向前", "于是", "华侨", "杨树", "柏树", "松树", "陆地", "海洋", "水利",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> CommonWords = CommonWordSet.GetAlternateLookup<ReadOnlySpan<char>>();

    public int SurnameCount => _singleCount + _compound.Count;

    /// <summary>Length of the surname starting at <paramref name="at"/> (2 for 欧阳, 1 for 王), 0 when there is none.</summary>
    public int SurnameLength(ReadOnlySpan<char> text, int at)
    {
        if ((uint)at >= (uint)text.Length)
        {
            return 0;
        }

        if (_startsCompound[text[at]] && at + 1 < text.Length && _compoundLookup.ContainsKey(text.Slice(at, 2)))
        {
            return 2;
        }

        return _single[text[at]] > 0 ? 1 : 0;
    }

    public bool IsSurname(char c) => _single[c] > 0;

    /// <summary>Share per 100,000 people of a single-character surname (0 when unknown).</summary>
    public int SurnameShare(char c) => _single[c];

    /// <summary>How common the character is in given names: 3 very common … 1 occasional, 0 unknown.</summary>
    public int GivenWeight(char c) => _given[c];

    /// <summary>Function words and administrative vocabulary (区、局、号、的…): never part of a given name.</summary>
    public bool NeverInGivenName(char c) => _never[c] || !TextNormalizer.IsHan(c);

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

        // Everyday words of legal and administrative text that read like surname + given name (安全, 利益, 权益…) are
        // never a name without a label saying so.
        if (strict && name.Length == 2 && CommonWords.Contains(name))
        {
            return false;
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
