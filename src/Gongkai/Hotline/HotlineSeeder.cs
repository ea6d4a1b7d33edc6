using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Hotline;

/// <summary>Reference data: the category tree of common 12345 matters (always, only what is missing), and in demo
/// mode a routing table onto the demo bodies.</summary>
internal sealed class HotlineSeeder(GongkaiDbContext db, BodyDirectory directory) : IStartupSeeder
{
    /// <summary>After bodies (10) and roles (15).</summary>
    public int Order => 40;

    /// <summary>(code, name, default urgency, demo body, children (code, name, urgency?)).</summary>
    internal static readonly (string Code, string Name, string Body, (string Code, string Name, string? Urgency)[] Children)[] Tree =
    [
        ("01", "城市管理", "myzjj", [("0101", "市容环境卫生", null), ("0102", "占道经营", null), ("0103", "违法建设", "complex"), ("0104", "路灯照明", null)]),
        ("02", "住房", "myzjj", [("0201", "物业管理", null), ("0202", "房屋质量", "complex"), ("0203", "供水供气", "urgent")]),
        ("03", "劳动保障", "myrsj", [("0301", "拖欠工资", null), ("0302", "社会保险", null)]),
        ("04", "市场监管", "myscjgj", [("0401", "食品安全", null), ("0402", "消费维权", null), ("0403", "价格收费", null)]),
        ("05", "交通", "myjtysj", [("0501", "公交出租", null), ("0502", "道路设施", null)]),
        ("06", "生态环境", "mysthjj", [("0601", "噪声污染", null), ("0602", "大气污染", null), ("0603", "水污染", null)]),
        ("07", "教育", "myjtj", [("0701", "学校管理", null), ("0702", "招生入学", null)]),
        ("08", "医疗卫生", "mywjw", [("0801", "医疗服务", null), ("0802", "疫苗接种", null)]),
        ("09", "民政", "mymzj", [("0901", "社会救助", null), ("0902", "养老服务", null)]),
        ("10", "公安非紧急", "mygaj", [("1001", "户籍办理", null), ("1002", "出入境", null), ("1003", "治安秩序（非紧急）", null)]),
        ("11", "政策咨询", "myzwfwj", [("1101", "政策咨询", "consultation")]),
    ];

    public async Task SeedAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken)
    {
        var existing = await db.Set<HotlineCategory>().ToDictionaryAsync(c => c.Code, cancellationToken);
        var order = 0;
        foreach (var (code, name, _, children) in Tree)
        {
            if (!existing.TryGetValue(code, out var parent))
            {
                parent = new HotlineCategory { Code = code, Name = name, SortOrder = order };
                db.Set<HotlineCategory>().Add(parent);
                await db.SaveChangesAsync(cancellationToken);
                existing[code] = parent;
            }

            order++;
            foreach (var (childCode, childName, urgency) in children)
            {
                if (!existing.ContainsKey(childCode))
                {
                    var child = new HotlineCategory { Code = childCode, Name = childName, ParentId = parent.Id, SortOrder = order, DefaultUrgency = urgency ?? "general" };
                    db.Set<HotlineCategory>().Add(child);
                    existing[childCode] = child;
                }

                order++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        if (!demo || await db.Set<HotlineRoute>().AnyAsync(cancellationToken))
        {
            return;
        }

        var bodies = await directory.LoadAsync(cancellationToken);
        foreach (var (code, _, bodyCode, _) in Tree)
        {
            if (bodies.FindByCode(bodyCode) is { } body)
            {
                db.Set<HotlineRoute>().Add(new HotlineRoute { CategoryId = existing[code].Id, BodyId = body.Id });
            }
        }

        // County matters go to the county government where one exists.
        foreach (var (district, bodyCode) in new[] { ("三台县", "stxzf"), ("盐亭县", "ytxzf"), ("梓潼县", "ztxzf") })
        {
            if (bodies.FindByCode(bodyCode) is { } county)
            {
                db.Set<HotlineRoute>().Add(new HotlineRoute { CategoryId = existing["01"].Id, District = district, BodyId = county.Id });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
