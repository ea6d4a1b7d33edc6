using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Platform.Outcomes;
using Gongkai.Safeguards.Detection;

namespace Gongkai.Participation.Rules;

/// <summary>Where a meeting with public seats (公众列席) stands: prepared, announced (applications taken until the
/// deadline), seated (the seats are filled, by a draw when needed), recorded (attendance and opinions published).</summary>
public enum MeetingStage
{
    Draft,
    Announced,
    Seated,
    Recorded,
}

/// <summary>The identity check of an application.</summary>
public enum IdentityCheck
{
    Pending,
    Accepted,
    Refused,
}

/// <summary>An application with its fields checked; the ID number upper-cased.</summary>
public sealed record CheckedApplication(string Name, string IdNumber, string Contact, string Reason, bool HadMarkup);

/// <summary>One accepted application's place in a draw: its number, the key the algorithm gave it, and its rank.</summary>
public sealed record DrawEntry(long ApplicationId, string Key, int Rank, bool Seated);

/// <summary>The result of a draw: every accepted application ranked, the first <c>seats</c> seated, the rest waiting in order.</summary>
public sealed record DrawResult(string Seed, int Seats, IReadOnlyList<DrawEntry> Entries)
{
    public IReadOnlyList<DrawEntry> SeatedEntries => Entries.Where(e => e.Seated).ToList();

    public IReadOnlyList<DrawEntry> WaitingEntries => Entries.Where(e => !e.Seated).ToList();
}

/// <summary>
/// The public-seat meeting state machine, the checks of an application, and the reproducible draw, as plain functions.
/// The draw: for each accepted application number <c>n</c>, key = lowercase hex SHA-256 of the UTF-8 text
/// <c>seed + ":" + n</c>; applications are ranked by key (ordinal), then by number; the first <c>seats</c> are seated and
/// the rest form the waiting list in that order. Anyone with the published seed and numbers can re-run it.
/// </summary>
public static class MeetingRules
{
    public const int MaxSeats = 500;
    public const int MaxSeedLength = 64;
    public const int MaxReasonLength = 2000;
    public const int MaxOpinionLength = ConsultationRules.MaxCommentLength;

    /// <summary>The algorithm as the public page states it.</summary>
    public const string AlgorithmDescription =
        "对每一份通过身份核验的申请，以“种子:申请编号”（例如 种子为 abc、编号为 12 时即 abc:12）的 UTF-8 文字计算 SHA-256 摘要，写成小写十六进制；"
        + "按摘要从小到大排序（摘要相同时按申请编号从小到大），排在前面、与席位数相同的申请人列席，其余依次递补。";

    public static string Code(MeetingStage stage) => stage switch
    {
        MeetingStage.Draft => "draft",
        MeetingStage.Announced => "announced",
        MeetingStage.Seated => "seated",
        _ => "recorded",
    };

    public static MeetingStage ParseStage(string? code) => code switch
    {
        "announced" => MeetingStage.Announced,
        "seated" => MeetingStage.Seated,
        "recorded" => MeetingStage.Recorded,
        _ => MeetingStage.Draft,
    };

    public static MeetingStage? ParsePublicStage(string? code) => code is "announced" or "seated" or "recorded" ? ParseStage(code) : null;

    public static string ChineseName(MeetingStage stage) => stage switch
    {
        MeetingStage.Draft => "草稿",
        MeetingStage.Announced => "接受报名",
        MeetingStage.Seated => "已确定列席人员",
        _ => "会议已举行",
    };

    public static string Code(IdentityCheck check) => check switch
    {
        IdentityCheck.Pending => "pending",
        IdentityCheck.Accepted => "accepted",
        _ => "refused",
    };

    public static IdentityCheck? ParseCheck(string? code) => code switch
    {
        "pending" => IdentityCheck.Pending,
        "accepted" => IdentityCheck.Accepted,
        "refused" => IdentityCheck.Refused,
        _ => null,
    };

    public static string ChineseName(IdentityCheck check) => check switch
    {
        IdentityCheck.Pending => "待核验",
        IdentityCheck.Accepted => "核验通过",
        _ => "未通过",
    };

    public static Outcome MayAnnounce(MeetingStage stage) => stage == MeetingStage.Draft
        ? Outcome.Done
        : Refusal.Conflict("这次会议已经发布公告。", "已发布");

    public static Outcome MayEdit(MeetingStage stage) => stage == MeetingStage.Draft
        ? Outcome.Done
        : Refusal.Conflict("会议公告发布后，会议信息不能再修改。", "已发布");

    /// <summary>Citizens apply while the notice is out, until the end of the deadline day.</summary>
    public static Outcome MayApply(MeetingStage stage, DateOnly applyBy, DateOnly today) => stage switch
    {
        MeetingStage.Announced when today <= applyBy => Outcome.Done,
        MeetingStage.Draft => Refusal.Conflict("这次会议尚未发布公告，暂不接受报名。", "尚未发布"),
        _ => Refusal.Conflict($"报名已于 {ConsultationRules.Format(applyBy)} 截止。感谢您的关注。", "报名已截止"),
    };

    /// <summary>Identity is checked (or re-checked) until the seats are filled.</summary>
    public static Outcome MayCheck(MeetingStage stage) => stage == MeetingStage.Announced
        ? Outcome.Done
        : stage == MeetingStage.Draft
            ? Refusal.Conflict("这次会议尚未发布公告。", "尚未发布")
            : Refusal.Conflict("列席人员已经确定，核验结果不能再改变。", "已确定列席人员");

    /// <summary>Seats are filled after the deadline, once every application has been checked.</summary>
    public static Outcome MayFillSeats(MeetingStage stage, DateOnly applyBy, DateOnly today, int pending)
    {
        if (stage != MeetingStage.Announced)
        {
            return stage == MeetingStage.Draft
                ? Refusal.Conflict("这次会议尚未发布公告。", "尚未发布")
                : Refusal.Conflict("列席人员已经确定（抽签只进行一次）。", "已确定列席人员");
        }

        if (today <= applyBy)
        {
            return Refusal.Conflict($"报名 {ConsultationRules.Format(applyBy)} 截止，截止后才能确定列席人员。", "报名尚未截止");
        }

        return pending > 0
            ? Refusal.Blocked($"还有 {pending} 份报名尚未核验身份，请先核验。", "尚未核验完")
            : Outcome.Done;
    }

    /// <summary>The record (attendance and opinions) is kept once seats are filled and the meeting has begun.</summary>
    public static Outcome MayRecord(MeetingStage stage, DateTimeOffset heldAt, DateTimeOffset now) => stage switch
    {
        MeetingStage.Seated when now >= heldAt => Outcome.Done,
        MeetingStage.Seated => Refusal.Conflict($"会议将于 {InterviewRules.Format(heldAt)} 举行，会后才能记录出席情况和意见。", "会议尚未举行"),
        MeetingStage.Recorded => Refusal.Conflict("会议记录已经公布。", "已公布"),
        _ => Refusal.Conflict("列席人员确定后才能记录出席情况。", "尚未确定列席人员"),
    };

    /// <summary>A seed staff did not supply: 16 random hexadecimal digits.</summary>
    public static string NewSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Checks a seed staff supplied (for example a public lottery's published numbers): printable, at most 64 characters.</summary>
    public static Outcome<string> CheckSeed(string? seed)
    {
        var value = seed?.Trim() ?? "";
        if (value.Length == 0)
        {
            return NewSeed();
        }

        return value.Length > MaxSeedLength || value.Any(char.IsControl)
            ? Refusal.InvalidField("seed", $"种子不能超过 {MaxSeedLength} 个字符，且不能含控制字符。", "种子有误")
            : value;
    }

    /// <summary>The draw key of one application number under a seed.</summary>
    public static string Key(string seed, long applicationId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed + ":" + applicationId.ToString(CultureInfo.InvariantCulture))));

    /// <summary>The draw: deterministic in the seed and the set of accepted numbers (their order does not matter).</summary>
    public static DrawResult Draw(string seed, IEnumerable<long> acceptedApplicationIds, int seats)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentOutOfRangeException.ThrowIfNegative(seats);
        var ranked = acceptedApplicationIds.Distinct()
            .Select(id => (Id: id, Key: Key(seed, id)))
            .OrderBy(e => e.Key, StringComparer.Ordinal).ThenBy(e => e.Id)
            .Select((e, i) => new DrawEntry(e.Id, e.Key, i + 1, i < seats))
            .ToList();
        return new DrawResult(seed, seats, ranked);
    }

    /// <summary>Checks an application: name, a valid 18-digit 居民身份证号码 (GB 11643 check character), contact and reason.</summary>
    public static Outcome<CheckedApplication> CheckApplication(string? name, string? idNumber, string? contact, string? reason, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var who = (name ?? "").Trim();
        if (who.Length == 0)
        {
            errors["name"] = ["请填写姓名（与身份证一致）。"];
        }
        else if (who.Length > ConsultationRules.MaxNameLength)
        {
            errors["name"] = [$"姓名不能超过 {ConsultationRules.MaxNameLength} 个字。"];
        }

        var id = (idNumber ?? "").Trim().ToUpperInvariant();
        if (id.Length == 0)
        {
            errors["idNumber"] = ["请填写身份证号码，仅供核验身份，不会公开。"];
        }
        else if (!Checksums.IsValidIdNumber(id, today))
        {
            errors["idNumber"] = ["身份证号码应为 18 位，请核对（最后一位可能是 X）。"];
        }

        var reach = (contact ?? "").Trim();
        if (reach.Length == 0)
        {
            errors["contact"] = ["请留下联系方式（电话），用于通知核验和抽签结果，不会公开。"];
        }
        else if (reach.Length > ConsultationRules.MaxContactLength)
        {
            errors["contact"] = [$"联系方式不能超过 {ConsultationRules.MaxContactLength} 个字。"];
        }

        var why = (reason ?? "").Trim();
        if (why.Length == 0)
        {
            errors["reason"] = ["请简要说明申请列席的理由。"];
        }
        else if (why.Length > MaxReasonLength)
        {
            errors["reason"] = [$"申请理由不能超过 {MaxReasonLength} 字。"];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors, "报名信息有误");
        }

        return new CheckedApplication(who, id, reach, why, ConsultationRules.ContainsMarkup(why) || ConsultationRules.ContainsMarkup(who));
    }

    /// <summary>An ID number as staff lists show it: the first 6 and last 4 characters, the rest starred.</summary>
    public static string MaskIdNumber(string idNumber) =>
        idNumber.Length <= 10 ? new string('＊', idNumber.Length) : idNumber[..6] + new string('*', idNumber.Length - 10) + idNumber[^4..];

    /// <summary>A name as the public list shows it: the family name, the rest starred (张** ).</summary>
    public static string MaskName(string name) =>
        name.Length <= 1 ? "*" : name[..1] + new string('*', name.Length - 1);
}
