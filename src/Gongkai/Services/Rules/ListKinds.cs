namespace Gongkai.Services.Rules;

/// <summary>One column of a list kind: its key (used in storage, CSV and the API), its Chinese name (the CSV header
/// and the page's column), whether a row must fill it, and, for a closed vocabulary, the values allowed.</summary>
public sealed record ListColumn(string Key, string Name, bool Required = false, IReadOnlyList<string>? Allowed = null, int MaxLength = 2000);

/// <summary>A kind of list (清单) as data: its columns and the column that identifies an item across versions. A new
/// kind is one more definition in <see cref="ListKinds"/>; nothing else changes.</summary>
public sealed record ListKind(string Code, string Name, string KeyColumn, IReadOnlyList<ListColumn> Columns, string Description)
{
    public ListColumn Key => Columns.Single(c => c.Key == KeyColumn);

    public ListColumn? Column(string key) => Columns.FirstOrDefault(c => c.Key == key);
}

/// <summary>The list kinds the work plan names (一(二), 一(四)): 权责清单 and 收费目录清单 first, then the service lists
/// that share their shape.</summary>
public static class ListKinds
{
    /// <summary>职权类型 of the 权责清单, as the State Council's guidance on power lists enumerates them.</summary>
    public static readonly IReadOnlyList<string> PowerTypes =
        ["行政许可", "行政处罚", "行政强制", "行政征收", "行政给付", "行政检查", "行政确认", "行政奖励", "行政裁决", "其他"];

    public static readonly ListKind Power = new("power", "权责清单", "name",
    [
        new("type", "职权类型", Required: true, Allowed: PowerTypes, MaxLength: 16),
        new("name", "事项名称", Required: true, MaxLength: 200),
        new("basis", "设定依据", Required: true),
        new("agency", "实施主体", Required: true, MaxLength: 200),
        new("duties", "责任事项"),
        new("accountability", "追责情形"),
    ], "行政权力事项及其设定依据、实施主体、责任事项和追责情形，随机构和职能调整动态更新。");

    public static readonly ListKind Fee = new("fee", "收费目录清单", "item",
    [
        new("item", "项目", Required: true, MaxLength: 200),
        new("basis", "依据", Required: true),
        new("standard", "标准", Required: true),
        new("collector", "执收单位", Required: true, MaxLength: 200),
        new("funds", "资金管理方式", MaxLength: 100),
    ], "行政事业性收费、政府性基金和政府定价涉企经营服务性收费的项目、依据和标准。");

    public static readonly ListKind Certification = new("certification", "证明事项清单", "name",
    [
        new("name", "证明名称", Required: true, MaxLength: 200),
        new("basis", "设定依据", Required: true),
        new("issuer", "开具单位", Required: true, MaxLength: 200),
        new("purpose", "用途"),
    ], "保留的证明事项，清单之外不得索要证明。");

    public static readonly ListKind OneVisit = new("one-visit", "最多跑一次清单", "name",
    [
        new("name", "事项名称", Required: true, MaxLength: 200),
        new("agency", "实施主体", Required: true, MaxLength: 200),
        new("visits", "到现场次数", Required: true, Allowed: ["0次", "1次"], MaxLength: 8),
    ], "申请人最多到现场一次即可办结的事项。");

    public static readonly ListKind FullyOnline = new("fully-online", "全程网办清单", "name",
    [
        new("name", "事项名称", Required: true, MaxLength: 200),
        new("agency", "实施主体", Required: true, MaxLength: 200),
        new("address", "网上办理地址", Required: true, MaxLength: 500),
    ], "申请、受理、审查、决定、送达全程在网上办理的事项。");

    /// <summary>The national 市场准入负面清单 as a reference list a body republishes (items keyed by their number).</summary>
    public static readonly ListKind NegativeList = new("negative-list", "市场准入负面清单", "code",
    [
        new("category", "类别", Required: true, Allowed: ["禁止准入类", "许可准入类"], MaxLength: 8),
        new("code", "事项编号", Required: true, MaxLength: 20),
        new("item", "禁止或许可事项", Required: true, MaxLength: 500),
        new("measures", "禁止或许可准入措施描述"),
        new("department", "主管部门", MaxLength: 200),
        new("basis", "设定依据", Required: true),
    ], "市场准入负面清单（参照全国版本公开）：禁止准入类和许可准入类事项。");

    /// <summary>淘汰落后产能 公示 (一(二)): one line per enterprise and production line.</summary>
    public static readonly ListKind ObsoleteCapacity = new("obsolete-capacity", "淘汰落后产能公示", "project",
    [
        new("project", "淘汰项目", Required: true, MaxLength: 200),
        new("enterprise", "企业名称", Required: true, MaxLength: 200),
        new("location", "所在地", MaxLength: 200),
        new("equipment", "淘汰设备（生产线）", Required: true),
        new("capacity", "淘汰产能", MaxLength: 100),
        new("deadline", "完成时限", MaxLength: 50),
        new("basis", "依据", Required: true),
    ], "列入淘汰落后产能计划的企业、设备和完成时限。");

    public static IReadOnlyList<ListKind> All { get; } = [Power, Fee, Certification, OneVisit, FullyOnline, NegativeList, ObsoleteCapacity];

    public static ListKind? Find(string? code) => All.FirstOrDefault(k => string.Equals(k.Code, code?.Trim(), StringComparison.Ordinal));
}
