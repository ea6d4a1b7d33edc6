using System.Globalization;
using System.Text;

namespace Gongkai.Requests.Rules;

/// <summary>The remedy notice every reply carries (行政复议 within 60 days, 行政诉讼 within 6 months).</summary>
public static class RemedyNotice
{
    public const int ReviewDays = 60;
    public const int LitigationMonths = 6;

    public static string For(string reviewBody) => string.Create(
        CultureInfo.InvariantCulture,
        $"如对本答复不服，可以自收到本告知书之日起{ReviewDays}日内向{reviewBody}申请行政复议，或者自收到本告知书之日起{LitigationMonths}个月内依法向人民法院提起行政诉讼。");
}

/// <summary>Composes the default wording of a 告知书 from the coded decision. Pure; staff may edit the result.</summary>
public static class ReplyLetter
{
    public static string Compose(ReplyDecision decision, string applicantName, DateOnly receivedOn, string description, string reasons, string reviewBody)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{applicantName}：\n\n");
        text.Append(CultureInfo.InvariantCulture, $"本机关于{receivedOn.Year}年{receivedOn.Month}月{receivedOn.Day}日收到您提出的政府信息公开申请，申请公开：{description}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"根据{decision.LegalBasis}的规定，现答复如下：{decision.Explanation}\n");
        if (!string.IsNullOrWhiteSpace(reasons))
        {
            text.Append(decision.ProvidesInformation && decision.Group == DecisionGroup.Disclosed ? "提供的信息及获取方式：" : "具体情况和理由：");
            text.Append(reasons.Trim()).Append('\n');
        }

        text.Append('\n').Append(RemedyNotice.For(reviewBody));
        return text.ToString();
    }
}
