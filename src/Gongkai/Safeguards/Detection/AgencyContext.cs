namespace Gongkai.Safeguards.Detection;

/// <summary>Whether a phone number, e-mail address or 联系人 belongs to a body's published contact block (本局地址…
/// 联系电话, 监督电话, 咨询电话, a department named before it) rather than to a person named in the same clause.
/// Looks back over the clause (to the previous 。 or line break, at most <see cref="Window"/> characters): the cue
/// nearest to the value decides, so 「本局电话…；申请人电话…」 keeps the first and flags the second.</summary>
public static class AgencyContext
{
    private const int Window = 60;

    private static readonly string[] PublicCues =
    [
        "本局", "我局", "本机关", "我机关", "本委", "我委", "本办", "我办", "本中心", "我中心", "本院", "本所", "本站", "我单位",
        "办公地址", "办公电话", "办公室电话", "咨询电话", "监督电话", "投诉电话", "举报电话", "受理电话", "服务电话", "值班电话",
        "接待电话", "便民服务", "传真", "热线", "联系单位", "公示单位", "受理单位", "受理地点", "执法机关", "采购人", "招标人",
        "代理机构", "投标人", "供应商", "监督部门", "工作机构", "局", "委员会", "人民政府", "政府", "办公室", "中心", "联合会", "民政办",
        "公司", "医院", "学校", "法院", "检察院", "派出所", "服务站", "窗口", "社保所", "科室", "纪检监察组",
    ];

    private static readonly string[] PrivateCues =
    [
        "家庭电话", "住宅电话", "个人电话", "本人电话", "家属", "手机", "申请人", "当事人", "举报人", "投诉人", "其电话", "本人",
        "来访", "群众", "户主", "收件人", "村民", "居民", "之妻", "之女", "之子", "来信人", "信访人", "业主", "被申请人之",
    ];

    /// <summary>True when the nearest cue before <paramref name="start"/> in its clause is an agency's, or the value is
    /// followed by a parenthesised agency name (…@126.com（市纪委监委驻市住建局纪检监察组）).</summary>
    public static bool IsAgencyContact(string text, int start, int end)
    {
        var from = Math.Max(0, start - Window);
        for (var i = start - 1; i >= from; i--)
        {
            if (text[i] is '。' or '\n')
            {
                from = i + 1;
                break;
            }
        }

        var span = text.AsSpan(from, start - from);
        var publicAt = LastCue(span, PublicCues);
        var privateAt = LastCue(span, PrivateCues);
        if (publicAt >= 0 && publicAt > privateAt)
        {
            return true;
        }

        if (privateAt < 0 && end < text.Length && text[end] is '（' or '(')
        {
            var close = text.IndexOfAny(['）', ')'], end);
            if (close > end && close - end <= 30)
            {
                var inside = text.AsSpan(end, close - end);
                return LastCue(inside, PublicCues) >= 0 && LastCue(inside, PrivateCues) < 0;
            }
        }

        return false;
    }

    private static int LastCue(ReadOnlySpan<char> span, string[] cues)
    {
        var best = -1;
        foreach (var cue in cues)
        {
            var at = span.LastIndexOf(cue, StringComparison.Ordinal);
            if (at >= 0 && at + cue.Length > best)
            {
                best = at + cue.Length;
            }
        }

        return best;
    }
}
