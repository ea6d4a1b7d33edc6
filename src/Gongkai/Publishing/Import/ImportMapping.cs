namespace Gongkai.Publishing.Import;

/// <summary>
/// How the front matter's <c>type</c> and <c>category</c> become a document type and a subject (主题分类).
/// <list type="bullet">
/// <item><c>type</c> missing: 其他政策文件 (laws, regulations and rules are policy documents that are not the
/// body's own normative documents). A known document type is taken as is; the common words for laws and rules
/// (法律, 行政法规, 地方性法规, 规章…) map to 其他政策文件, 规范性文件 to 行政规范性文件, 通知/公告 to 通知公告, 规划 to
/// 规划计划. Anything else is rejected.</item>
/// <item>Subject: the front matter's <c>subject</c> when it is one of the State Council subjects; otherwise from
/// the category's words (公安部 → 公安、安全、司法, 社会法 → 劳动、人事、监察, 经济法 → 国民经济管理、国有资产监管,
/// 市场监督管理 → 市场监管、安全生产监管…), and 综合政务 when nothing matches (constitution, administrative law,
/// local regulations).</item>
/// </list>
/// </summary>
public static class ImportMapping
{
    public const string DefaultType = DocumentCatalog.OtherPolicyDocument;
    public const string DefaultSubject = "综合政务";

    private static readonly Dictionary<string, string> TypeAliases = new(StringComparer.Ordinal)
    {
        ["法律"] = DocumentCatalog.OtherPolicyDocument,
        ["行政法规"] = DocumentCatalog.OtherPolicyDocument,
        ["地方性法规"] = DocumentCatalog.OtherPolicyDocument,
        ["法规"] = DocumentCatalog.OtherPolicyDocument,
        ["部门规章"] = DocumentCatalog.OtherPolicyDocument,
        ["地方政府规章"] = DocumentCatalog.OtherPolicyDocument,
        ["规章"] = DocumentCatalog.OtherPolicyDocument,
        ["司法解释"] = DocumentCatalog.OtherPolicyDocument,
        ["政策文件"] = DocumentCatalog.OtherPolicyDocument,
        ["规范性文件"] = DocumentCatalog.NormativeDocument,
        ["通知"] = DocumentCatalog.Notice,
        ["公告"] = DocumentCatalog.Notice,
        ["公示"] = DocumentCatalog.Notice,
        ["规划"] = DocumentCatalog.PlanDocument,
        ["计划"] = DocumentCatalog.PlanDocument,
        ["统计"] = "统计信息",
        ["动态"] = "工作动态",
    };

    /// <summary>Category words → subject, tried in order; the first word found in the category wins.</summary>
    private static readonly (string Word, string Subject)[] SubjectWords =
    [
        ("公安", "公安、安全、司法"),
        ("国家安全", "公安、安全、司法"),
        ("司法", "公安、安全、司法"),
        ("市场监督", "市场监管、安全生产监管"),
        ("应急管理", "市场监管、安全生产监管"),
        ("人力资源", "劳动、人事、监察"),
        ("社会法", "劳动、人事、监察"),
        ("经济法", "国民经济管理、国有资产监管"),
        ("民法商法", "商贸、海关、旅游"),
        ("财政", "财政、金融、审计"),
        ("自然资源", "国土资源、能源"),
        ("生态环境", "城乡建设、环境保护"),
        ("住房", "城乡建设、环境保护"),
        ("交通", "工业、交通"),
        ("农业", "农业、林业、水利"),
        ("教育", "科技、教育"),
        ("卫生", "卫生、体育"),
        ("民政", "民政、扶贫、救灾"),
    ];

    /// <summary>The document type for a front-matter <c>type</c>, or null when it cannot be mapped.</summary>
    public static string? DocumentType(string? type)
    {
        var text = type?.Trim() ?? "";
        if (text.Length == 0)
        {
            return DefaultType;
        }

        return DocumentCatalog.Types.Contains(text) ? text : TypeAliases.GetValueOrDefault(text);
    }

    public static string Subject(string? subject, string category)
    {
        var text = subject?.Trim() ?? "";
        if (DocumentCatalog.Subjects.Contains(text))
        {
            return text;
        }

        foreach (var (word, mapped) in SubjectWords)
        {
            if (category.Contains(word, StringComparison.Ordinal))
            {
                return mapped;
            }
        }

        return DefaultSubject;
    }
}
