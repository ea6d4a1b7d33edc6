namespace Gongkai.Safeguards;

/// <summary>What a safeguard finding is about. Personal-data kinds are masked before publication; wording kinds
/// suggest a correction. The wire names (<see cref="FindingKinds.Code"/>) are part of the API.</summary>
public enum FindingKind
{
    IdNumber,
    Mobile,
    Landline,
    BankCard,
    Email,
    Passport,
    Address,
    PersonName,
    Plate,
    OutdatedName,
    Miswriting,
    Formulation,
    SensitiveWord,
    LeaderTitle,

    /// <summary>A link or image in a document that does not resolve on the site or does not answer; found by the link
    /// checks over a document, never by the text checker.</summary>
    BrokenLink,
}

public static class FindingKinds
{
    private static readonly string[] Codes =
    [
        "id-number", "mobile", "landline", "bank-card", "email", "passport", "address", "person-name", "plate",
        "outdated-name", "miswriting", "formulation", "sensitive-word", "leader-title", "broken-link",
    ];

    public static IReadOnlyList<FindingKind> All { get; } = Enum.GetValues<FindingKind>();

    /// <summary>The kinds the text checker (and <c>/api/v1/safeguards/check</c>) reports: all but broken links.</summary>
    public static IReadOnlyList<FindingKind> TextKinds { get; } = All.Where(k => k != FindingKind.BrokenLink).ToArray();

    public static string Code(this FindingKind kind) => Codes[(int)kind];

    public static bool TryParse(string code, out FindingKind kind)
    {
        var index = Array.IndexOf(Codes, code);
        kind = index < 0 ? default : (FindingKind)index;
        return index >= 0;
    }

    /// <summary>Personal data is masked; everything else is a wording finding with a suggested correction.</summary>
    public static bool IsPersonal(this FindingKind kind) => kind <= FindingKind.Plate;

    public static string DisplayName(this FindingKind kind) => kind switch
    {
        FindingKind.IdNumber => "身份证号码",
        FindingKind.Mobile => "手机号码",
        FindingKind.Landline => "个人固定电话",
        FindingKind.BankCard => "银行卡号",
        FindingKind.Email => "个人电子邮箱",
        FindingKind.Passport => "护照或通行证号码",
        FindingKind.Address => "家庭住址",
        FindingKind.PersonName => "自然人姓名",
        FindingKind.Plate => "个人车牌号码",
        FindingKind.OutdatedName => "机构旧称",
        FindingKind.Miswriting => "错别字",
        FindingKind.Formulation => "规范表述",
        FindingKind.SensitiveWord => "敏感词",
        FindingKind.LeaderTitle => "领导职务",
        FindingKind.BrokenLink => "失效链接",
        _ => kind.ToString(),
    };
}

/// <summary>One finding. <see cref="Start"/> and <see cref="Length"/> count UTF-16 code units of the checked text;
/// <see cref="Replacement"/> is the masked form for personal data and the suggested wording otherwise.</summary>
public sealed record Finding(FindingKind Kind, int Start, int Length, string Text, string Replacement, string Message)
{
    public int End => Start + Length;
}

/// <summary>A finding before masking: the detectors say what and where, the <see cref="Masker"/> says how it will read.</summary>
public readonly record struct Hit(FindingKind Kind, int Start, int Length, string Message)
{
    public int End => Start + Length;
}
