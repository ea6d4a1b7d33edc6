using System.Text;

namespace Gongkai.Safeguards.Detection;

/// <summary>Finds personal numbers in runs of digits: citizen ID numbers, mobile numbers, private landlines and bank
/// cards. Digits may be full-width or split by single spaces or dashes (138 1234 5678, 0816-2345678); an ID number
/// buried in a longer digit run is still found. Numbers that are public — agencies' phones from
/// <see cref="PublicContacts"/>, hotlines (12345, 12315, 12369: too short to match), dates, amounts, 文号 and
/// credit codes — are not reported.</summary>
public sealed class DigitRunDetector(PublicContacts publicContacts, DateOnly today)
{
    private static readonly string[] BankContext = ["银行卡", "卡号", "账号", "帐号", "开户行", "账户", "帐户", "银行", "存折", "社保卡", "补贴卡", "一卡通"];
    private static readonly string[] PhoneContext = ["电话", "手机", "座机", "联系方式", "号码", "致电", "拨打", "Tel", "TEL", "tel"];
    private static readonly string[] PublicPhoneCues =
    [
        "咨询电话", "监督电话", "投诉电话", "举报电话", "办公电话", "受理电话", "服务电话", "值班电话", "传真", "热线",
        "办公室电话", "联系单位", "局", "委员会", "办公室", "人民政府", "中心", "公司", "医院", "学校", "法院", "检察院", "派出所", "服务站", "窗口",
    ];
    private static readonly string[] PrivatePhoneCues = ["家庭电话", "住宅电话", "个人电话", "本人电话", "家属", "手机", "联系人", "申请人", "当事人", "举报人", "投诉人", "其电话", "本人"];
    private static readonly string[] CreditCodeCues = ["信用代码", "注册号", "组织机构代码", "税号", "纳税人识别号"];

    private const int MaxGroupsTried = 8;

    public void Detect(string normalized, List<Hit> results)
    {
        var groups = new List<(int Start, int End)>(8);
        var i = 0;
        while (i < normalized.Length)
        {
            if (!TextNormalizer.IsAsciiDigit(normalized[i]) || i > 0 && IsAlphanumeric(normalized[i - 1]))
            {
                i++;
                continue;
            }

            groups.Clear();
            var end = ReadToken(normalized, i, groups);
            var glued = end < normalized.Length && TextNormalizer.IsAsciiLetter(normalized[end]) && !EndsWithIdCheckLetter(normalized, groups);
            if (!glued)
            {
                DetectInToken(normalized, groups, results);
            }

            i = end;
        }
    }

    /// <summary>Digit groups separated by one space or dash; a trailing X/x belongs to the last group (ID check character).</summary>
    private static int ReadToken(string text, int start, List<(int Start, int End)> groups)
    {
        var i = start;
        while (true)
        {
            var groupStart = i;
            while (i < text.Length && TextNormalizer.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i < text.Length && text[i] is 'X' or 'x' && (i + 1 >= text.Length || !TextNormalizer.IsAsciiLetter(text[i + 1])))
            {
                i++;
            }

            groups.Add((groupStart, i));
            if (i + 1 < text.Length && text[i] is ' ' or '-' && TextNormalizer.IsAsciiDigit(text[i + 1]) && !EndsWithX(text, i))
            {
                i++;
                continue;
            }

            return i;
        }
    }

    private static bool EndsWithX(string text, int end) => end > 0 && text[end - 1] is 'X' or 'x';

    private static bool EndsWithIdCheckLetter(string text, List<(int Start, int End)> groups) => EndsWithX(text, groups[^1].End);

    private void DetectInToken(string text, List<(int Start, int End)> groups, List<Hit> results)
    {
        // Longest classifiable join of consecutive groups first, so "138 1234 5678" is one mobile number while
        // "100 13812345678" still finds the mobile number after the amount.
        var s = 0;
        var digits = new StringBuilder(24);
        while (s < groups.Count)
        {
            var matched = false;
            for (var e = Math.Min(groups.Count - 1, s + MaxGroupsTried - 1); e >= s; e--)
            {
                digits.Clear();
                for (var g = s; g <= e; g++)
                {
                    digits.Append(text, groups[g].Start, groups[g].End - groups[g].Start);
                }

                if (digits.Length > 40 && e > s)
                {
                    continue;
                }

                if (Classify(text, digits.ToString(), groups[s].Start, groups[e].End, results))
                {
                    s = e + 1;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                s++;
            }
        }
    }

    private bool Classify(string text, string digits, int start, int end, List<Hit> results)
    {
        var length = digits.Length;
        var hasX = digits[^1] is 'X' or 'x';
        if (hasX && length > 18 && text.AsSpan(start, length).IndexOfAny(' ', '-') < 0 && Checksums.IsValidIdNumber(digits.AsSpan(length - 18), today))
        {
            // 0099 + 11010519491231002X: an ID number ending in X glued after a serial number
            results.Add(new Hit(FindingKind.IdNumber, start + length - 18, 18, "嵌在更长数字串中的身份证号码"));
            return true;
        }

        if (hasX && length != 18)
        {
            // "X" only ends an ID number; otherwise judge the digits alone
            digits = digits[..^1];
            length--;
            end--;
            if (length == 0)
            {
                return false;
            }
        }

        if (length == 18 && Checksums.IsValidIdNumber(digits, today) && !IsCreditCodeInContext(text, start, digits))
        {
            results.Add(new Hit(FindingKind.IdNumber, start, end - start, "身份证号码（校验位与出生日期有效）"));
            return true;
        }

        if (length == 18 && Checksums.IsNearMissIdNumber(digits, today) && !IsCreditCodeInContext(text, start, digits) && !IsRegistrationNumberInContext(text, start, end))
        {
            results.Add(new Hit(FindingKind.IdNumber, start, end - start, "校验位不符，疑似录入错误的身份证号"));
            return true;
        }

        if (hasX)
        {
            return false;
        }

        if (length == 15 && Checksums.IsValidOldIdNumber(digits, today) && !IsCreditCodeInContext(text, start, digits) && !IsRegistrationNumberInContext(text, start, end))
        {
            results.Add(new Hit(FindingKind.IdNumber, start, end - start, "15位旧式身份证号码"));
            return true;
        }

        if (IsMobile(digits, out var national))
        {
            if (publicContacts.IsPublicPhone(national))
            {
                return true;
            }

            var prefixed = ExtendOverPlusPrefix(text, start);
            results.Add(new Hit(FindingKind.Mobile, prefixed, end - prefixed, "手机号码"));
            return true;
        }

        if (digits[0] == '0' && length is >= 10 and <= 12 && IsAreaCodedLandline(digits))
        {
            if (publicContacts.IsPublicPhone(digits) || publicContacts.IsPublicPhone(digits[AreaCodeLength(digits)..]) || HasPublicPhoneContext(text, start))
            {
                return true;
            }

            results.Add(new Hit(FindingKind.Landline, start, end - start, "个人固定电话（不在本单位公开的联系电话中）"));
            return true;
        }

        if (length is 7 or 8 && digits[0] is >= '2' and <= '8' && PrecededBy(text, start, 8, PhoneContext))
        {
            if (publicContacts.IsPublicPhone(digits) || HasPublicPhoneContext(text, start))
            {
                return true;
            }

            results.Add(new Hit(FindingKind.Landline, start, end - start, "个人固定电话（不在本单位公开的联系电话中）"));
            return true;
        }

        if (length is >= 16 and <= 19)
        {
            var context = PrecededBy(text, start, 16, BankContext);
            var luhn = Checksums.IsLuhnValid(digits);
            if (context && !IsCreditCodeInContext(text, start, digits) || luhn && digits.StartsWith("62", StringComparison.Ordinal))
            {
                results.Add(new Hit(FindingKind.BankCard, start, end - start, luhn ? "银行卡号（Luhn 校验有效）" : "银行卡号（依上下文判断）"));
                return true;
            }
        }

        if (length > 18)
        {
            return FindEmbeddedId(text, digits, start, results);
        }

        return false;
    }

    /// <summary>An ID number inside a longer run of digits (e.g. glued to a serial number) is still personal data.
    /// Positions map one-to-one only when the run has no separators, which is the case worth catching.</summary>
    private bool FindEmbeddedId(string text, string digits, int start, List<Hit> results)
    {
        if (text.AsSpan(start, digits.Length).IndexOfAny(' ', '-') >= 0)
        {
            return false;
        }

        for (var offset = 0; offset + 18 <= digits.Length; offset++)
        {
            if (Checksums.IsValidIdNumber(digits.AsSpan(offset, 18), today))
            {
                results.Add(new Hit(FindingKind.IdNumber, start + offset, 18, "嵌在更长数字串中的身份证号码"));
                return true;
            }
        }

        return false;
    }

    private static bool IsMobile(string digits, out string national)
    {
        national = digits.Length switch
        {
            11 => digits,
            13 when digits.StartsWith("86", StringComparison.Ordinal) => digits[2..],
            15 when digits.StartsWith("0086", StringComparison.Ordinal) => digits[4..],
            _ => "",
        };
        return national.Length == 11 && national[0] == '1' && national[1] is >= '3' and <= '9';
    }

    private static bool IsAreaCodedLandline(string digits)
    {
        var subscriber = digits.Length - AreaCodeLength(digits);
        return digits[1] != '0' && subscriber is 7 or 8 && digits[AreaCodeLength(digits)] is >= '2' and <= '9';
    }

    /// <summary>010 and 02x are three-digit area codes; all others have four digits (0816).</summary>
    public static int AreaCodeLength(string digits) => digits.Length > 2 && digits[0] == '0' && digits[1] is '1' or '2' ? 3 : 4;

    private static int ExtendOverPlusPrefix(string text, int start)
    {
        if (start > 0 && text[start - 1] == '+')
        {
            return start - 1;
        }

        var i = start > 0 && text[start - 1] is ' ' or '-' ? start - 1 : start;
        return i >= 3 && text.AsSpan(i - 3, 3).SequenceEqual("+86") ? i - 3 : start;
    }

    private static bool HasPublicPhoneContext(string text, int start) =>
        !PrecededBy(text, start, 10, PrivatePhoneCues) && PrecededBy(text, start, 16, PublicPhoneCues)
        || AgencyContext.IsAgencyContact(text, start, start);

    private static readonly string[] RegistrationCues = ["注册号", "登记证号", "营业执照", "许可证", "编号", "代码", "流水号", "单号", "户号"];

    /// <summary>A registration or serial number that happens to look like an ID number (15 digits of an old 营业执照
    /// 注册号, a 编号): its label before it or in the parentheses right after it says so.</summary>
    private static bool IsRegistrationNumberInContext(string text, int start, int end)
    {
        if (PrecededBy(text, start, 8, RegistrationCues) && !PrecededBy(text, start, 8, ["身份", "证件号"]))
        {
            return true;
        }

        if (end < text.Length && text[end] is '（' or '(')
        {
            var after = text.AsSpan(end, Math.Min(20, text.Length - end));
            foreach (var cue in RegistrationCues)
            {
                if (after.Contains(cue, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsCreditCodeInContext(string text, int start, string digits) =>
        digits.Length == 18 && Organizations.CreditCode.IsValid(digits) && PrecededBy(text, start, 16, CreditCodeCues);

    /// <summary>Whether one of the cues occurs in the <paramref name="window"/> characters before
    /// <paramref name="start"/>, within the same sentence.</summary>
    internal static bool PrecededBy(string text, int start, int window, string[] cues)
    {
        var from = Math.Max(0, start - window);
        for (var i = start - 1; i >= from; i--)
        {
            if (text[i] is '。' or '\n' or ';' or '；')
            {
                from = i + 1;
                break;
            }
        }

        var span = text.AsSpan(from, start - from);
        foreach (var cue in cues)
        {
            if (span.Contains(cue, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAlphanumeric(char c) => TextNormalizer.IsAsciiDigit(c) || TextNormalizer.IsAsciiLetter(c);
}
