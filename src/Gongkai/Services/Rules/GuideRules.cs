using Gongkai.Calendar;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Services.Rules;

/// <summary>One 申请材料 of a guide: its name, form (原件/复印件/电子件…), number of copies, and where to get a blank
/// form and a filled-in sample.</summary>
public sealed record GuideMaterial(string Name, string Form, int Copies, string? BlankFormUrl, string? SampleUrl);

/// <summary>The elements of a 办事指南 users rely on (issue 17, 2). Free text unless said otherwise.</summary>
public sealed record GuideContent(
    string ItemName, string ItemType, string Basis, string Conditions, IReadOnlyList<GuideMaterial> Materials, string Process,
    int LegalDays, int PromisedDays, string Fees, string Location, string Hours, string Transport, string ConsultPhone,
    string ComplaintPhone, string ResultName, string? ResultSampleUrl, bool OneVisit, bool FullyOnline, string? OnlineUrl);

/// <summary>A new version of a guide as staff enter it: content and the two dates.</summary>
public sealed record GuideVersionInput(GuideContent? Content, DateOnly? ApprovedOn, DateOnly? EffectiveOn);

/// <summary>A version that passed the rules: every field present.</summary>
public sealed record CheckedGuideVersion(GuideContent Content, DateOnly ApprovedOn, DateOnly EffectiveOn);

/// <summary>Where a guide version stands against the 1-working-day rule.</summary>
public enum GuideClockState
{
    /// <summary>Not public yet, publish-by not passed.</summary>
    Due,

    /// <summary>Public on or before its publish-by date.</summary>
    OnTime,

    /// <summary>Public, but after its publish-by date.</summary>
    PublishedLate,

    /// <summary>Not public and its publish-by date has passed.</summary>
    Overdue,
}

/// <summary>
/// The rules of service guides: what a version must contain (a material has a name; the effective date is not before
/// the approval), and the change clock of the work plan (一(四)): when the conditions of a service change, the changed
/// guide and its effective date are public within 1 working day of approval — publish-by is the working day after the
/// approval date on the site's calendar (the approval day itself is not counted, 《民法典》第二百零一条).
/// </summary>
public static class GuideRules
{
    public const int MaxText = 4000;
    public const int MaxMaterials = 100;

    public static readonly IReadOnlyList<string> ItemTypes = ListKinds.PowerTypes.Concat(["公共服务"]).ToList();

    public static DateOnly PublishBy(DateOnly approvedOn, WorkCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.AddWorkingDays(approvedOn, 1).Date;
    }

    public static GuideClockState StateOf(DateOnly publishBy, DateOnly? publishedOn, DateOnly today) => publishedOn switch
    {
        { } on when on <= publishBy => GuideClockState.OnTime,
        not null => GuideClockState.PublishedLate,
        null when today > publishBy => GuideClockState.Overdue,
        _ => GuideClockState.Due,
    };

    public static string ChineseName(GuideClockState state) => state switch
    {
        GuideClockState.Due => "待公开",
        GuideClockState.OnTime => "按时公开",
        GuideClockState.PublishedLate => "逾期后公开",
        _ => "已逾期未公开",
    };

    /// <summary>The key elements a published guide lacks (国办秘函〔2019〕19号 办事指南要素缺失; the 2015 rules list 事项名称、设定依据、
    /// 申请条件、办理材料、办理地点、办理时间、联系电话、办理流程; the seed adds 时限 and 监督电话). A fully online item needs no
    /// place or office hours. Guides saved through the desk pass <see cref="Check"/>; imported or older versions may not.</summary>
    public static IReadOnlyList<string> MissingKeyElements(GuideContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var missing = new List<string>();
        void Need(string? value, string name)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                missing.Add(name);
            }
        }

        Need(content.ItemName, "事项名称");
        Need(content.Basis, "设定依据");
        Need(content.Conditions, "受理条件");
        if (content.Materials is null || !content.Materials.Any(m => !string.IsNullOrWhiteSpace(m.Name)))
        {
            missing.Add("申请材料");
        }

        Need(content.Process, "办理流程");
        if (content.LegalDays <= 0 && content.PromisedDays <= 0)
        {
            missing.Add("办理时限");
        }

        if (!content.FullyOnline)
        {
            Need(content.Location, "办理地点");
            Need(content.Hours, "办理时间");
        }

        Need(content.ConsultPhone, "咨询电话");
        Need(content.ComplaintPhone, "监督电话");
        return missing;
    }

    public static Outcome<CheckedGuideVersion> Check(GuideVersionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var c = input.Content;
        if (c is null)
        {
            return Refusal.InvalidField("content", "请填写办事指南的内容。", "办事指南有误");
        }

        void Required(string field, string? value, string name, int max = MaxText)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors[field] = [$"请填写{name}。"];
            }
            else if (value.Length > max)
            {
                errors[field] = [$"{name}不能超过 {max} 个字。"];
            }
        }

        Required("itemName", c.ItemName, "事项名称", 200);
        Required("basis", c.Basis, "设定依据");
        Required("conditions", c.Conditions, "受理条件");
        Required("process", c.Process, "办理流程");
        Required("location", c.Location, "办理地点", 500);
        Required("consultPhone", c.ConsultPhone, "咨询电话", 100);
        Required("complaintPhone", c.ComplaintPhone, "监督投诉电话", 100);
        Required("resultName", c.ResultName, "办理结果名称", 200);
        if (!ItemTypes.Contains(c.ItemType ?? "", StringComparer.Ordinal))
        {
            errors["itemType"] = [$"事项类型应为{string.Join("、", ItemTypes)}之一。"];
        }

        if (c.LegalDays < 0 || c.PromisedDays < 0 || c.LegalDays > 3650 || c.PromisedDays > 3650)
        {
            errors["legalDays"] = ["办结时限应为 0 到 3650 个工作日。"];
        }
        else if (c.LegalDays > 0 && c.PromisedDays > c.LegalDays)
        {
            errors["promisedDays"] = [$"承诺办结时限（{c.PromisedDays} 个工作日）不能长于法定办结时限（{c.LegalDays} 个工作日）。"];
        }

        if (c.FullyOnline && string.IsNullOrWhiteSpace(c.OnlineUrl))
        {
            errors["onlineUrl"] = ["全程网办的事项请填写网上办理地址。"];
        }

        foreach (var url in new[] { c.OnlineUrl, c.ResultSampleUrl }.Concat(c.Materials?.SelectMany(m => new[] { m.BlankFormUrl, m.SampleUrl }) ?? []))
        {
            if (!string.IsNullOrWhiteSpace(url) && !IsWebAddress(url))
            {
                errors["urls"] = [$"“{url}”不是以 http:// 或 https:// 开头的网址，也不是本站以 / 开头的地址。"];
            }
        }

        var materials = c.Materials ?? [];
        if (materials.Count > MaxMaterials)
        {
            errors["materials"] = [$"申请材料最多 {MaxMaterials} 项。"];
        }

        var materialErrors = new List<string>();
        for (var i = 0; i < materials.Count; i++)
        {
            var m = materials[i];
            if (string.IsNullOrWhiteSpace(m.Name))
            {
                materialErrors.Add($"第 {i + 1} 项申请材料没有名称，请填写材料名称。");
            }

            if (m.Copies is < 0 or > 99)
            {
                materialErrors.Add($"第 {i + 1} 项申请材料的份数应为 0 到 99。");
            }
        }

        if (materialErrors.Count > 0)
        {
            errors["materials"] = [.. materialErrors];
        }

        if (input.ApprovedOn is null)
        {
            errors["approvedOn"] = ["请填写批准日期。"];
        }

        if (input.EffectiveOn is null)
        {
            errors["effectiveOn"] = ["请填写施行日期。"];
        }
        else if (input.ApprovedOn is { } approved && input.EffectiveOn < approved)
        {
            errors["effectiveOn"] = [$"施行日期（{VersionsInForce.FormatDate(input.EffectiveOn.Value)}）不能早于批准日期（{VersionsInForce.FormatDate(approved)}）。"];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(e => e)), errors, "办事指南有误");
        }

        var clean = c with
        {
            ItemName = c.ItemName.Trim(),
            Materials = materials.Select(m => m with { Name = m.Name.Trim(), Form = (m.Form ?? "").Trim(), BlankFormUrl = Blank(m.BlankFormUrl), SampleUrl = Blank(m.SampleUrl) }).ToList(),
            OnlineUrl = Blank(c.OnlineUrl),
            ResultSampleUrl = Blank(c.ResultSampleUrl),
            Fees = string.IsNullOrWhiteSpace(c.Fees) ? "不收费" : c.Fees.Trim(),
        };
        return new CheckedGuideVersion(clean, input.ApprovedOn!.Value, input.EffectiveOn!.Value);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsWebAddress(string url) =>
        (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        || (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp));
}
