using Gongkai.Channels.Rules;

namespace Gongkai.Channels.NewMedia;

/// <summary>The Chinese names of account and post states.</summary>
public static class NewMediaVocabulary
{
    public static string StatusName(AccountStatus status) => status switch
    {
        AccountStatus.Active => "运行中",
        AccountStatus.Closed => "已关停",
        AccountStatus.Merged => "已整合",
        _ => status.ToString(),
    };

    public static string StatusName(PostStatus status) => status switch
    {
        PostStatus.Draft => "草稿",
        PostStatus.Submitted => "待审核",
        PostStatus.Released => "已审核发布",
        PostStatus.Rejected => "已退回",
        PostStatus.Withdrawn => "已撤回",
        _ => status.ToString(),
    };
}
