using System.Text.RegularExpressions;
using Gongkai.Staff;

namespace Gongkai.Organizations;

/// <summary>The identity of an existing body as far as validation needs it (uniqueness, parent, cycles).</summary>
public sealed record BodyKey(int Id, int? ParentId, string Code, string Name, string CreditCode);

/// <summary>
/// The rules for a body's data, shared by the admin pages and the API: required fields, the credit code, phone
/// and e-mail shape, a parent that exists without forming a cycle, and the column lengths. No I/O: the caller
/// passes the bodies that exist. Errors are keyed by the API's camelCase field names, in Chinese.
/// </summary>
public static partial class BodyValidator
{
    public const int MaxCode = 32;
    public const int MaxName = 100;
    public const int MaxShortName = 50;
    public const int MaxFunctions = 8000;
    public const int MaxInternalStructure = 4000;
    public const int MaxAddress = 200;
    public const int MaxOfficeHours = 200;
    public const int MaxPhone = 50;
    public const int MaxEmail = 100;
    public const int MaxHeadName = 50;

    /// <summary>Trims what was typed, upper-cases the credit code and drops blank structure lines, so that the
    /// stored value and the re-shown form agree with what the rules checked.</summary>
    public static BodyDraft Normalize(BodyDraft draft) => new()
    {
        Code = Clean(draft.Code).ToLowerInvariant(),
        Name = Clean(draft.Name),
        ShortName = Clean(draft.ShortName),
        Kind = Clean(draft.Kind),
        ParentId = draft.ParentId,
        CreditCode = CreditCode.Normalize(draft.CreditCode),
        Functions = Clean(draft.Functions).ReplaceLineEndings("\n"),
        InternalStructure = string.Join('\n', Clean(draft.InternalStructure).ReplaceLineEndings("\n")
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
        Address = Clean(draft.Address),
        OfficeHours = Clean(draft.OfficeHours),
        Phone = Clean(draft.Phone),
        Email = Clean(draft.Email),
        HeadName = Clean(draft.HeadName),
        SortOrder = draft.SortOrder,
    };

    /// <summary>Validates a normalized draft. <paramref name="editingId"/> is the body being edited (null when
    /// creating); <paramref name="existing"/> are all bodies as stored.</summary>
    public static Dictionary<string, string[]> Validate(BodyDraft draft, int? editingId, IReadOnlyCollection<BodyKey> existing)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        var others = existing.Where(b => b.Id != editingId).ToList();

        if (editingId is null)
        {
            if (string.IsNullOrEmpty(draft.Code))
            {
                Add("code", "请填写机构代码（用于网址，如 myfgw）。");
            }
            else if (!CodePattern().IsMatch(draft.Code))
            {
                Add("code", $"机构代码只能使用小写字母、数字和连字符，以字母开头，长度2至{MaxCode}位。");
            }
            else if (others.Any(b => string.Equals(b.Code, draft.Code, StringComparison.Ordinal)))
            {
                Add("code", $"机构代码“{draft.Code}”已被使用。");
            }
        }

        Required(draft.Name, "name", "机构名称", MaxName);
        Required(draft.ShortName, "shortName", "机构简称", MaxShortName);

        var kindKnown = BodyKinds.TryParse(draft.Kind, out var kind);
        if (string.IsNullOrEmpty(draft.Kind))
        {
            Add("kind", "请选择机构类型。");
        }
        else if (!kindKnown)
        {
            Add("kind", "机构类型无效。");
        }

        if (!CreditCode.TryValidate(draft.CreditCode, out var creditError))
        {
            Add("creditCode", creditError);
        }
        else if (others.FirstOrDefault(b => b.CreditCode == draft.CreditCode) is { } holder)
        {
            Add("creditCode", $"统一社会信用代码已被“{holder.Name}”使用。");
        }

        ValidateParent();

        MaxLength(draft.Functions, "functions", "机构职能", MaxFunctions);
        MaxLength(draft.InternalStructure, "internalStructure", "内设机构", MaxInternalStructure);
        MaxLength(draft.Address, "address", "办公地址", MaxAddress);
        MaxLength(draft.OfficeHours, "officeHours", "办公时间", MaxOfficeHours);
        MaxLength(draft.HeadName, "headName", "负责人姓名", MaxHeadName);

        if (!string.IsNullOrEmpty(draft.Phone))
        {
            if (draft.Phone.Length > MaxPhone)
            {
                Add("phone", $"联系电话不能超过{MaxPhone}个字符。");
            }
            else if (!IsPhoneList(draft.Phone))
            {
                Add("phone", "联系电话格式不正确，应如 0816-2345678；多个号码用“、”分隔。");
            }
        }

        if (!string.IsNullOrEmpty(draft.Email))
        {
            if (draft.Email.Length > MaxEmail)
            {
                Add("email", $"电子邮箱不能超过{MaxEmail}个字符。");
            }
            else if (!EmailPattern().IsMatch(draft.Email))
            {
                Add("email", "电子邮箱格式不正确，应如 xxgk@example.gov.cn。");
            }
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

        void Required(string? value, string field, string label, int max)
        {
            if (string.IsNullOrEmpty(value))
            {
                Add(field, $"请填写{label}。");
            }
            else
            {
                MaxLength(value, field, label, max);
            }
        }

        void MaxLength(string? value, string field, string label, int max)
        {
            if (value is not null && value.Length > max)
            {
                Add(field, $"{label}不能超过{max}个字，当前为{value.Length}个字。");
            }
        }

        void ValidateParent()
        {
            if (draft.ParentId is not { } parentId)
            {
                // Only the city government stands at the top of the tree; every other body answers to someone.
                if (kindKnown && kind != BodyKind.MunicipalGovernment)
                {
                    Add("parentId", "请选择上级机构。");
                }

                return;
            }

            if (parentId == editingId)
            {
                Add("parentId", "上级机构不能是本机构自己。");
                return;
            }

            if (existing.All(b => b.Id != parentId))
            {
                Add("parentId", "所选上级机构不存在。");
                return;
            }

            if (editingId is { } id && BodyTree.Descendants(id, existing.Select(b => (b.Id, b.ParentId))).Contains(parentId))
            {
                Add("parentId", "上级机构不能是本机构的下属机构，否则会形成循环。");
            }
        }
    }

    /// <summary>Landlines with area code (0816-2345678, optional extension), mobile numbers, 12xxx hotlines and
    /// 400 numbers; several separated by 、，,；; or spaces.</summary>
    public static bool IsPhoneList(string phones) =>
        phones.Split(PhoneSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) is { Length: > 0 } numbers
        && numbers.All(n => PhonePattern().IsMatch(n));

    private static readonly char[] PhoneSeparators = ['、', '，', ',', '；', ';', ' ', '/'];

    private static string Clean(string? value) => (value ?? "").Trim();

    [GeneratedRegex("^[a-z][a-z0-9-]{1,31}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"^(0\d{2,3}-?\d{7,8}(-\d{1,6})?|1[3-9]\d{9}|12\d{3}|400-?\d{3}-?\d{4})$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")]
    private static partial Regex EmailPattern();
}
