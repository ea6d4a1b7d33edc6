using System.Net.Mail;
using Gongkai.Organizations;
using Gongkai.Requests.Rules;

namespace Gongkai.Requests;

/// <summary>Field lengths shared by the entity, the validator and the form.</summary>
public static class RequestLimits
{
    public const int NameLength = 100;
    public const int AddressLength = 200;
    public const int DescriptionLength = 2000;
}

/// <summary>The fixed vocabularies of an application, with their Chinese labels for the form.</summary>
public static class RequestVocabulary
{
    public const string NaturalPerson = "自然人";

    /// <summary>The six applicant kinds table 三 counts, in its column order.</summary>
    public static IReadOnlyList<string> ApplicantTypes { get; } = [NaturalPerson, "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"];

    public const string CitizenId = "居民身份证";
    public const string CreditCodeId = "统一社会信用代码";

    public static IReadOnlyList<string> IdTypes { get; } = [CitizenId, "护照", "港澳台居民居住证", CreditCodeId, "其他证件"];

    public static IReadOnlyList<(string Code, string Label)> Forms { get; } = [("paper", "纸质"), ("electronic", "电子"), ("on-site", "当场查阅")];

    public static IReadOnlyList<(string Code, string Label)> Deliveries { get; } = [("post", "邮寄"), ("email", "电子邮件"), ("collect", "当面领取"), ("online", "网上获取")];

    public static IReadOnlyList<(string Code, string Label)> Channels { get; } =
        [("online", "网上申请"), ("in-person", "当面提交"), ("post", "信函"), ("oral", "口头提出（工作人员代为填写）"), ("fax", "传真")];

    public static string Label(IReadOnlyList<(string Code, string Label)> list, string code) =>
        list.FirstOrDefault(x => x.Code == code).Label ?? code;
}

/// <summary>What an applicant (or an officer on their behalf) submits. All strings as typed.</summary>
public sealed class RequestApplication
{
    public string? ApplicantType { get; set; }

    public string? Name { get; set; }

    public string? IdType { get; set; }

    public string? IdNumber { get; set; }

    public string? Phone { get; set; }

    public string? Email { get; set; }

    public string? Address { get; set; }

    public string? Description { get; set; }

    public string? DocNumber { get; set; }

    public string? Form { get; set; }

    public string? Delivery { get; set; }

    public string? Body { get; set; }

    /// <summary>Staff only: how the application came in.</summary>
    public string? Channel { get; set; }

    /// <summary>Staff only: the Art. 31 receipt date when it differs from today.</summary>
    public DateOnly? ReceivedOn { get; set; }
}

/// <summary>Art. 29 checks on an application, pure: field name → Chinese messages. Field names match the API's.</summary>
public static class RequestApplicationValidator
{
    public static Dictionary<string, string[]> Validate(RequestApplication application, bool byStaff, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(application);
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        var type = application.ApplicantType?.Trim();
        if (string.IsNullOrEmpty(type))
        {
            Add("applicantType", "请选择申请人类型。");
        }
        else if (!RequestVocabulary.ApplicantTypes.Contains(type))
        {
            Add("applicantType", $"申请人类型只能是：{string.Join("、", RequestVocabulary.ApplicantTypes)}。");
        }

        var natural = type == RequestVocabulary.NaturalPerson;
        var name = application.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            Add("name", natural ? "请填写申请人姓名。" : "请填写申请单位名称。");
        }
        else if (name.Length > RequestLimits.NameLength)
        {
            Add("name", $"姓名或名称不能超过{RequestLimits.NameLength}个字。");
        }

        var idType = application.IdType?.Trim();
        if (string.IsNullOrEmpty(idType))
        {
            Add("idType", "请选择身份证明文件类型。");
        }
        else if (!RequestVocabulary.IdTypes.Contains(idType))
        {
            Add("idType", $"身份证明文件类型只能是：{string.Join("、", RequestVocabulary.IdTypes)}。");
        }
        else if (type is not null && RequestVocabulary.ApplicantTypes.Contains(type))
        {
            if (natural && idType == RequestVocabulary.CreditCodeId)
            {
                Add("idType", "自然人请使用居民身份证等个人身份证件。");
            }
            else if (!natural && idType is not (RequestVocabulary.CreditCodeId or "其他证件"))
            {
                Add("idType", "法人或其他组织请填写统一社会信用代码（没有的选“其他证件”）。");
            }
        }

        var idNumber = application.IdNumber?.Trim() ?? "";
        if (idNumber.Length == 0)
        {
            Add("idNumber", "请填写证件号码。");
        }
        else if (idType == RequestVocabulary.CitizenId)
        {
            if (!CitizenIdNumber.TryValidate(CitizenIdNumber.Normalize(idNumber), today, out var problem))
            {
                Add("idNumber", problem);
            }
        }
        else if (idType == RequestVocabulary.CreditCodeId)
        {
            if (!CreditCode.TryValidate(CreditCode.Normalize(idNumber), out var problem))
            {
                Add("idNumber", problem);
            }
        }
        else if (idNumber.Length > 40)
        {
            Add("idNumber", "证件号码不能超过40个字符。");
        }

        var phone = application.Phone?.Trim() ?? "";
        var email = application.Email?.Trim() ?? "";
        var address = application.Address?.Trim() ?? "";
        if (phone.Length == 0 && email.Length == 0 && address.Length == 0)
        {
            Add("phone", "请至少填写一种联系方式（电话、电子邮箱或通信地址）。");
        }

        if (phone.Length > 0 && (phone.Length > 40 || phone.Any(c => !(char.IsAsciiDigit(c) || c is '-' or '+' or ' ' or '(' or ')'))))
        {
            Add("phone", "联系电话只能包含数字、空格和“-”“+”。");
        }

        if (email.Length > 0 && (email.Length > 200 || !MailAddress.TryCreate(email, out _)))
        {
            Add("email", "电子邮箱格式不正确。");
        }

        if (address.Length > RequestLimits.AddressLength)
        {
            Add("address", $"通信地址不能超过{RequestLimits.AddressLength}个字。");
        }

        var description = application.Description?.Trim() ?? "";
        if (description.Length == 0)
        {
            Add("description", "请描述您申请公开的政府信息（名称、文号或便于查询的其他特征）。");
        }
        else if (description.Length > RequestLimits.DescriptionLength)
        {
            Add("description", $"所需信息描述不能超过{RequestLimits.DescriptionLength}个字。");
        }

        if ((application.DocNumber?.Trim().Length ?? 0) > 100)
        {
            Add("docNumber", "文号不能超过100个字。");
        }

        if (!RequestVocabulary.Forms.Any(f => f.Code == application.Form))
        {
            Add("form", "请选择获取信息的形式（纸质、电子或当场查阅）。");
        }

        var delivery = application.Delivery;
        if (!RequestVocabulary.Deliveries.Any(d => d.Code == delivery))
        {
            Add("delivery", "请选择获取信息的方式（邮寄、电子邮件、当面领取或网上获取）。");
        }
        else if (delivery == "post" && address.Length == 0)
        {
            Add("address", "选择邮寄的，请填写通信地址。");
        }
        else if (delivery == "email" && email.Length == 0)
        {
            Add("email", "选择电子邮件的，请填写电子邮箱。");
        }

        if (string.IsNullOrWhiteSpace(application.Body))
        {
            Add("body", "请选择受理申请的机关。");
        }

        if (byStaff)
        {
            if (application.Channel is not null && !RequestVocabulary.Channels.Any(c => c.Code == application.Channel))
            {
                Add("channel", "申请渠道只能是 online、in-person、post、oral 或 fax。");
            }

            if (application.ReceivedOn is { } received && received > today)
            {
                Add("receivedOn", "收到申请的日期不能晚于今天。");
            }
        }
        else if (application.Channel is not null || application.ReceivedOn is not null)
        {
            Add(application.Channel is not null ? "channel" : "receivedOn", "只有工作人员登记申请时才能指定申请渠道和收到日期。");
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }
}
