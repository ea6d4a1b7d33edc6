using Gongkai.Organizations;

namespace Gongkai.Publishing.Catalogue;

/// <summary>A node of the default catalogue, with its children.</summary>
public sealed record CatalogueTemplate(
    string Name,
    string Content,
    string TimeLimit,
    string Carriers,
    string UpdateFrequency,
    IReadOnlyList<string>? AllowedTypes = null,
    IReadOnlyList<CatalogueTemplate>? Children = null)
{
    public IReadOnlyList<CatalogueTemplate> ChildNodes => Children ?? [];
}

/// <summary>
/// The default 主动公开基本目录 a body starts from: the 15 kinds of information of 条例 (2019) Art. 20, for city and
/// county governments the kinds of Art. 21, and the key areas of the 2018 work plan (seed §一–五, §十五: key areas go
/// into the catalogue). Time limits follow Art. 26 (20 working days) and the work plan's stricter rules (normative
/// documents 3 working days after signing with their interpretation; changed service guides 1 working day).
/// Body admins adapt their copy afterwards.
/// </summary>
public static class CatalogueDefaults
{
    public const string TwentyWorkingDays = "形成或变更之日起20个工作日内";
    public const string ThreeWorkingDays = "行政首长签发后3个工作日内，政策解读同步发布";
    public const string OneWorkingDay = "办事条件变更获批后1个工作日内";
    public const string Website = "政府网站；政务新媒体";
    public const string WebsiteAndGazette = "政府网站；政府公报；政务新媒体";
    public const string WebsiteAndBoard = "政府网站；政务新媒体；公示栏";
    public const string AsFormed = "随时更新";
    public const string Yearly = "每年更新";

    public const string StatutoryRoot = "法定主动公开内容";
    public const string CityCountyRoot = "市县重点公开内容";
    public const string KeyAreasRoot = "重点领域信息公开";
    public const string DisclosureWorkRoot = "政府信息公开工作";

    private static CatalogueTemplate Item(string name, string content, string? timeLimit = null, string? carriers = null, string? frequency = null,
        IReadOnlyList<string>? types = null) =>
        new(name, content, timeLimit ?? TwentyWorkingDays, carriers ?? Website, frequency ?? AsFormed, types);

    /// <summary>条例第二十条 (1)–(15).</summary>
    public static IReadOnlyList<CatalogueTemplate> Article20 { get; } =
    [
        Item("规章和规范性文件", "行政法规、规章和行政规范性文件，以及其他政策文件；行政规范性文件附政策解读。", ThreeWorkingDays, WebsiteAndGazette,
            types: [DocumentCatalog.NormativeDocument, DocumentCatalog.OtherPolicyDocument]),
        Item("机构职能", "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名。"),
        Item("规划计划", "国民经济和社会发展规划、专项规划、区域规划及相关政策。", types: [DocumentCatalog.PlanDocument, DocumentCatalog.OtherPolicyDocument]),
        Item("统计信息", "国民经济和社会发展统计信息。", frequency: "按统计周期更新", types: ["统计信息"]),
        Item("行政许可和对外管理服务", "行政许可及其他对外管理服务事项的依据、条件、程序以及办理结果；办事指南。", OneWorkingDay + "；其他信息" + TwentyWorkingDays),
        Item("行政处罚和行政强制", "行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定。"),
        Item("财政预算决算", "财政预算、决算信息，预算调整和执行情况，财政转移支付、举借债务情况说明。", carriers: WebsiteAndGazette, frequency: Yearly,
            types: ["财政预决算"]),
        Item("行政事业性收费", "行政事业性收费项目及其依据、标准。"),
        Item("政府集中采购", "政府集中采购项目的目录、标准及实施情况。"),
        Item("重大建设项目", "重大建设项目的批准和实施情况。"),
        Item("扶贫教育医疗社保就业", "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况。"),
        Item("突发公共事件", "突发公共事件的应急预案、预警信息及应对情况。", "事件发生后及时发布，预案形成或变更之日起20个工作日内"),
        Item("监督检查情况", "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况。"),
        Item("公务员招考录用", "公务员招考的职位、名额、报考条件等事项以及录用结果。"),
        Item("其他依法应当主动公开的信息", "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息。"),
    ];

    /// <summary>条例第二十一条: what city and county governments (and their departments) also publish.</summary>
    public static IReadOnlyList<CatalogueTemplate> Article21 { get; } =
    [
        Item("市政建设", "市政建设的规划、项目和实施情况。"),
        Item("公共服务", "公共服务事项、标准和办理情况。"),
        Item("公益事业", "公益事业的政策、项目和实施情况。"),
        Item("土地征收", "征收土地方案、征地补偿安置方案及实施情况。", carriers: WebsiteAndBoard),
        Item("房屋征收", "房屋征收决定、补偿方案及实施情况。", carriers: WebsiteAndBoard),
        Item("治安管理", "治安管理的政策措施和重要情况通报。"),
        Item("社会救助", "城乡低保、特困人员救助供养、临时救助等政策、标准和实施情况。", carriers: WebsiteAndBoard),
    ];

    /// <summary>The 2018 work plan's key areas (seed §一–§五, §十五), plus the work on proposals it lists for 2018.</summary>
    public static IReadOnlyList<CatalogueTemplate> KeyAreas { get; } =
    [
        Item("重大建设项目批准和实施", "批准服务、批准结果、招标投标、征收土地、重大设计变更、施工管理、质量安全监督、竣工等信息。"),
        Item("公共资源配置", "公共资源交易公告、资格审查结果、交易过程信息、成交信息、履约信息及有关变更信息。"),
        Item("社会公益事业建设", "社会公益事业建设领域的决策、管理、服务、执行和结果信息。"),
        Item("财政预决算", "批准的预算、预算调整、决算、预算执行情况的报告及报表，财政转移支付和举借债务情况说明。", carriers: WebsiteAndGazette,
            frequency: Yearly, types: ["财政预决算"]),
        Item("精准扶贫精准脱贫", "扶贫规划、扶贫项目名称、资金来源、实施期限、预期目标、实施结果、实施单位及责任人、举报电话、检查验收结果。",
            carriers: WebsiteAndBoard),
        Item("生态环境", "污染防治攻坚、重大环境污染和生态破坏事件调查处理、环境质量信息。"),
        Item("食品安全", "食品安全监督抽检、风险预警和案件查处信息。"),
        Item("放管服改革", "权力清单和责任清单、“互联网+政务服务”、证明事项清理、商事制度改革的结果和成效。"),
        Item("民生工程和民生实事", "年度民生工程及民生实事实施方案、推进情况、项目和资金拨付完成情况。", frequency: "按季度更新"),
        Item("建议提案办理", "人大代表建议和政协提案办理复文及办理工作总体情况。", "办理复文答复代表委员后20个工作日内", frequency: Yearly),
        Item("政策解读", "政策文件的背景、依据、主要内容、适用范围和执行标准的解读，以及新闻发布会和在线访谈。", ThreeWorkingDays),
        Item("通知公告", "通知、公告、公示。", types: [DocumentCatalog.Notice]),
        Item("工作动态", "本机关的工作动态和政务要闻。", "信息形成后及时发布", types: ["工作动态"]),
    ];

    /// <summary>The 政府信息公开 column's own items (seed §十八: guide and catalogue kept current).</summary>
    public static IReadOnlyList<CatalogueTemplate> DisclosureWork { get; } =
    [
        Item("政府信息公开制度", "本机关政府信息公开的规章制度和实施办法。", types: [DocumentCatalog.DisclosureRules]),
        Item("政府信息公开年报", "政府信息公开工作年度报告。", "每年1月31日前", frequency: Yearly),
    ];

    /// <summary>The default tree for a body of <paramref name="kind"/>: Art. 21's kinds only for city and county governments.</summary>
    public static IReadOnlyList<CatalogueTemplate> For(BodyKind kind)
    {
        // Public enterprises and institutions do not disclose under the 条例's kinds for government bodies: their
        // catalogue comes from their sector's standard catalogue (Services), so they start empty.
        if (BodyKinds.IsPublicInstitution(kind))
        {
            return [];
        }

        var roots = new List<CatalogueTemplate>
        {
            new(StatutoryRoot, "《中华人民共和国政府信息公开条例》第二十条规定应当主动公开的政府信息。", TwentyWorkingDays, Website, AsFormed, null, Article20),
        };
        if (kind is BodyKind.MunicipalGovernment or BodyKind.CountyGovernment)
        {
            roots.Add(new(CityCountyRoot, "《中华人民共和国政府信息公开条例》第二十一条规定设区的市级、县级人民政府及其部门重点公开的政府信息。",
                TwentyWorkingDays, WebsiteAndBoard, AsFormed, null, Article21));
        }

        roots.Add(new(KeyAreasRoot, "群众关切的重点领域信息（《2018年政务公开工作要点》）。", TwentyWorkingDays, Website, AsFormed, null, KeyAreas));
        roots.Add(new(DisclosureWorkRoot, "政府信息公开制度和年度报告。", TwentyWorkingDays, Website, AsFormed, null, DisclosureWork));
        return roots;
    }
}
