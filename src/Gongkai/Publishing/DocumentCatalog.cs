namespace Gongkai.Publishing;

/// <summary>The fixed vocabularies of document metadata.</summary>
public static class DocumentCatalog
{
    public const string NormativeDocument = "行政规范性文件";
    public const string OtherPolicyDocument = "其他政策文件";
    public const string PlanDocument = "规划计划";
    public const string Notice = "通知公告";
    public const string DisclosureRules = "政府信息公开制度";

    /// <summary>Document types; the first three are what the home page calls 政策文件.</summary>
    public static IReadOnlyList<string> Types { get; } =
        [NormativeDocument, OtherPolicyDocument, PlanDocument, Notice, "工作动态", "统计信息", "财政预决算", DisclosureRules];

    public static IReadOnlyList<string> PolicyTypes { get; } = [NormativeDocument, OtherPolicyDocument, PlanDocument];

    /// <summary>The State Council's policy subjects (主题分类).</summary>
    public static IReadOnlyList<string> Subjects { get; } =
    [
        "综合政务", "国民经济管理、国有资产监管", "财政、金融、审计", "国土资源、能源", "农业、林业、水利", "工业、交通",
        "商贸、海关、旅游", "市场监管、安全生产监管", "城乡建设、环境保护", "科技、教育", "文化、广电、新闻出版", "卫生、体育",
        "人口与计划生育、妇女儿童工作", "劳动、人事、监察", "公安、安全、司法", "民政、扶贫、救灾", "民族、宗教", "对外事务",
        "港澳台侨工作", "国防", "其他",
    ];

    public static string ChineseName(DocumentValidity validity) => validity switch
    {
        DocumentValidity.Valid => "有效",
        DocumentValidity.Expired => "失效",
        DocumentValidity.Repealed => "废止",
        DocumentValidity.Revised => "已修订",
        _ => throw new ArgumentOutOfRangeException(nameof(validity)),
    };

    /// <summary>Reads a validity given by its Chinese name (有效) or its API name (valid).</summary>
    public static DocumentValidity? ParseValidity(string? text) =>
        Enum.GetValues<DocumentValidity>().Cast<DocumentValidity?>().FirstOrDefault(v =>
            string.Equals(v!.Value.ToString(), text, StringComparison.OrdinalIgnoreCase) || ChineseName(v.Value) == text);
}
