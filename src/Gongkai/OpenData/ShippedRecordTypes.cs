using Gongkai.OpenData.Rules;
using static Gongkai.OpenData.Rules.FieldType;

namespace Gongkai.OpenData;

/// <summary>
/// The record types a new database starts with, their fields taken from the regulations and the 2018 work plan
/// (一(一)–(五), 九, 十三): 重大建设项目 by stage, 公共资源交易, 扶贫项目 with the eight fixed fields, 环境监测, 双公示 (行政许可、
/// 行政处罚, online within 7 working days), 双随机一公开, 建议提案办理复文, 民生实事. System admins edit them afterwards;
/// the seeder adds only types that are missing.
/// </summary>
public static class ShippedRecordTypes
{
    public const string ConstructionProject = "construction-project";
    public const string PublicResourceTrade = "public-resource-trade";
    public const string PovertyProject = "poverty-project";
    public const string EnvironmentReading = "environment-reading";
    public const string AdministrativeLicence = "administrative-licence";
    public const string AdministrativePenalty = "administrative-penalty";
    public const string RandomInspection = "random-inspection";
    public const string ProposalReply = "proposal-reply";
    public const string LivelihoodProject = "livelihood-project";

    /// <summary>The stages of a major construction project whose information is published (国办发〔2017〕94号).</summary>
    public static IReadOnlyList<string> ConstructionStages { get; } =
        ["批准服务", "批准结果", "招标投标", "征收土地", "重大设计变更", "施工", "质量安全监督", "竣工验收"];

    /// <summary>Pollutants with HJ 633-2012 individual air-quality indices, and the other monitored kinds.</summary>
    public static IReadOnlyList<string> Pollutants { get; } = ["PM2.5", "PM10", "SO2", "NO2", "CO", "O3", "COD", "氨氮", "噪声"];

    /// <summary>双公示 decisions go online within this many working days of the decision date.</summary>
    public const int DoublePublicityWorkingDays = 7;

    public static IReadOnlyList<RecordSchema> All { get; } =
    [
        new(ConstructionProject, "重大建设项目", "重大建设项目批准和实施领域信息，按批准服务、批准结果、招标投标、征收土地、重大设计变更、施工、质量安全监督、竣工验收各阶段公开。",
        [
            new("projectCode", "项目代码", Text, true, Description: "全国投资项目在线审批监管平台赋予的项目代码"),
            new("projectName", "项目名称", Text, true),
            new("stage", "阶段", Code, true, Codes: ConstructionStages),
            new("stageDate", "日期", Date, true),
            new("content", "公开内容", LongText, true),
            new("document", "批准文件或文号", Text),
            new("builder", "项目单位", Text, true),
            new("builderCode", "项目单位统一社会信用代码", CreditCode),
            new("investment", "总投资", Amount, Unit: "万元"),
            new("location", "建设地点", Text),
        ], ["projectCode", "stage"], "projectName", Theme: "城乡建设", UpdateFrequency: "实时"),

        new(PublicResourceTrade, "公共资源交易", "工程建设项目招标投标、政府采购、土地和矿业权出让、国有产权交易的公告、中标（成交）结果和合同。",
        [
            new("tradeNo", "交易编号", Text, true),
            new("title", "项目名称", Text, true),
            new("category", "交易类别", Code, true, Codes: ["工程建设", "政府采购", "土地使用权", "矿业权", "国有产权", "其他"]),
            new("phase", "信息类别", Code, true, Codes: ["交易公告", "中标（成交）结果", "合同"]),
            new("publishedOn", "发布日期", Date, true),
            new("purchaser", "招标人（采购人）", Text, true),
            new("winner", "中标（成交）人", Text),
            new("winnerCode", "中标人统一社会信用代码", CreditCode),
            new("amount", "金额", Amount, Unit: "万元"),
            new("detail", "内容", LongText),
        ], ["tradeNo", "phase"], "title", Theme: "财税金融", UpdateFrequency: "实时"),

        new(PovertyProject, "扶贫项目", "扶贫项目的项目名称、资金来源、实施期限、预期目标、实施结果、实施单位及责任人、举报电话、检查验收结果（工作要点 一（三））。",
        [
            new("projectNo", "项目编号", Text, true),
            new("projectName", "项目名称", Text, true),
            new("fundSource", "资金来源", Text, true),
            new("funds", "资金规模", Amount, true, Unit: "万元"),
            new("startOn", "实施开始日期", Date, true),
            new("endOn", "实施结束日期", Date, true),
            new("goal", "预期目标", LongText, true),
            new("result", "实施结果", LongText),
            new("implementer", "实施单位", Text, true),
            new("responsible", "责任人", Text, true),
            new("hotline", "举报电话", Phone, true),
            new("acceptance", "检查验收结果", Code, Codes: ["未验收", "验收合格", "验收不合格", "整改后合格"]),
        ], ["projectNo"], "projectName", Theme: "民政、扶贫、救灾", UpdateFrequency: "每月"),

        new(EnvironmentReading, "环境监测数据", "空气、水、噪声监测点位的监测值；空气污染物另给出空气质量分指数（IAQI，HJ 633-2012）。",
        [
            new("site", "监测点位", Text, true),
            new("measuredOn", "监测日期", Date, true),
            new("pollutant", "监测项目", Code, true, Codes: Pollutants),
            new("value", "监测值", Number, true),
            new("unit", "计量单位", Code, true, Codes: ["μg/m³", "mg/m³", "mg/L", "dB(A)"]),
        ], ["site", "measuredOn", "pollutant"], "site", Theme: "资源环境", UpdateFrequency: "每日"),

        new(AdministrativeLicence, "行政许可", "行政许可决定（双公示），自作出决定之日起7个工作日内上网公开。",
        [
            new("decisionNo", "许可决定书文号", Text, true),
            new("itemName", "项目名称", Text, true),
            new("approvalType", "审批类别", Code, true, Codes: ["普通", "特许", "认可", "核准", "登记", "其他"]),
            new("content", "许可内容", LongText, true),
            new("holder", "行政相对人名称", Text, true),
            new("holderCode", "统一社会信用代码", CreditCode),
            new("legalRepresentative", "法定代表人", PersonName),
            new("holderIdNumber", "身份证号", IdNumber, Description: "相对人为自然人时填写，公开时遮蔽"),
            new("decisionDate", "许可决定日期", Date, true),
            new("validUntil", "许可截止期", Date),
            new("authority", "许可机关", Text, true),
        ], ["decisionNo"], "itemName", "decisionDate", DoublePublicityWorkingDays, Theme: "信用服务", UpdateFrequency: "实时"),

        new(AdministrativePenalty, "行政处罚", "行政处罚决定（双公示），自作出决定之日起7个工作日内上网公开。",
        [
            new("decisionNo", "处罚决定书文号", Text, true),
            new("caseName", "案件名称", Text, true),
            new("violation", "违法事实", LongText, true),
            new("basis", "处罚依据", LongText, true),
            new("penaltyType", "处罚类别", Code, true, Codes: ["警告", "罚款", "没收违法所得", "责令停产停业", "暂扣或者吊销许可证", "行政拘留", "其他"]),
            new("result", "处罚结果", LongText, true),
            new("fine", "罚款金额", Amount, Unit: "元"),
            new("party", "行政相对人名称", Text, true),
            new("partyCode", "统一社会信用代码", CreditCode),
            new("legalRepresentative", "法定代表人", PersonName),
            new("partyIdNumber", "身份证号", IdNumber, Description: "相对人为自然人时填写，公开时遮蔽"),
            new("decisionDate", "处罚决定日期", Date, true),
            new("authority", "处罚机关", Text, true),
        ], ["decisionNo"], "caseName", "decisionDate", DoublePublicityWorkingDays, Theme: "信用服务", UpdateFrequency: "实时"),

        new(RandomInspection, "双随机一公开抽查结果", "随机抽取检查对象、随机选派执法检查人员，抽查情况及查处结果及时向社会公开。",
        [
            new("planName", "抽查计划", Text, true),
            new("target", "检查对象", Text, true),
            new("targetCode", "统一社会信用代码", CreditCode),
            new("inspectedOn", "检查日期", Date, true),
            new("items", "检查事项", LongText, true),
            new("result", "检查结果", Code, true, Codes: ["未发现问题", "发现问题已责令改正", "不配合检查", "未按规定公示信息", "已立案查处", "其他"]),
            new("handling", "处理情况", LongText),
        ], ["planName", "target"], "target", Theme: "市场监管", UpdateFrequency: "每季度"),

        new(ProposalReply, "建议提案办理复文", "人大代表建议和政协提案的办理复文，涉及公共利益、公众权益、社会关切的全文公开。",
        [
            new("number", "建议提案编号", Text, true),
            new("kind", "类别", Code, true, Codes: ["人大代表建议", "政协提案"]),
            new("title", "标题", Text, true),
            new("proposer", "领衔代表（委员）", Text, true),
            new("session", "届次", Text, true),
            new("repliedOn", "答复日期", Date, true),
            new("outcome", "办理结果", Code, true, Codes: ["A类（已解决或采纳）", "B类（正在解决或列入计划）", "C类（因条件限制留作参考）"]),
            new("reply", "复文", LongText, true),
        ], ["number"], "title", Theme: "综合政务", UpdateFrequency: "每年"),

        new(LivelihoodProject, "民生实事", "年度民生实事项目的目标、预算、进度和资金拨付情况。",
        [
            new("projectNo", "项目编号", Text, true),
            new("year", "年度", WholeNumber, true),
            new("name", "项目名称", Text, true),
            new("goal", "目标任务", LongText, true),
            new("budget", "预算资金", Amount, true, Unit: "万元"),
            new("paid", "已拨付资金", Amount, Unit: "万元"),
            new("progress", "完成进度", Number, Unit: "%"),
            new("status", "进展", Code, true, Codes: ["未开工", "推进中", "已完成"]),
            new("reportedOn", "进度日期", Date, true),
            new("leadUnit", "牵头单位", Text, true),
        ], ["projectNo"], "name", Theme: "综合政务", UpdateFrequency: "每月"),
    ];
}
