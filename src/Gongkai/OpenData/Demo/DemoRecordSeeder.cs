using System.Globalization;
using System.Security.Claims;
using Gongkai.OpenData.Data;
using Gongkai.OpenData.Rules;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Platform.Time;
using Gongkai.Safeguards.Detection;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.OpenData.Demo;

/// <summary>
/// In demo mode, gives the demo city believable records of every shipped type, published (so the 数据开放 pages, the
/// CKAN API and the DCAT catalogue show datasets), plus a few 双公示 decisions still waiting for review, one of them past
/// its deadline (so the overdue dashboard has something to show). All of it is FICTIONAL and marked <c>IsDemo</c>:
/// enterprises, people, ID numbers and credit codes are made up (the codes are well-formed and belong to no one).
/// </summary>
internal sealed class DemoRecordSeeder : IStartupSeeder
{
    /// <summary>After the bodies (10), record types (16) and demo accounts (20).</summary>
    public int Order => 40;

    public async Task SeedAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<GongkaiDbContext>();
        if (!demo || await db.Set<DataRecord>().AnyAsync(cancellationToken))
        {
            return;
        }

        var bodies = await services.GetRequiredService<BodyDirectory>().LoadAsync(cancellationToken);
        var clock = services.GetRequiredService<TimeProvider>();
        var desk = services.GetRequiredService<RecordDesk>();
        var types = (await services.GetRequiredService<RecordTypeStore>().ListAsync(cancellationToken)).ToDictionary(t => t.Key);
        var today = ChinaTime.Today(clock);
        var plan = Plan(today).Where(p => bodies.FindByCode(p.Body) is not null && types.ContainsKey(p.Type)).ToList();
        if (plan.Count == 0)
        {
            return;
        }

        var enterer = Staff("演示数据录入", "demo-enterer");
        var reviewer = Staff("演示数据审核", "demo-reviewer");
        foreach (var (type, bodyCode, values, publish) in plan)
        {
            var body = bodies.FindByCode(bodyCode)!;
            var created = await desk.CreateAsync(enterer, type, body.Id, values, submit: true, cancellationToken);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo record of {type} is invalid: {created.Refusal!.Message} {string.Join(" ", created.Refusal.Errors.SelectMany(e => e.Value))}");
            }

            var record = created.Value!;
            record.IsDemo = true;
            await db.SaveChangesAsync(cancellationToken);
            if (publish)
            {
                var reviewed = await desk.ReviewAsync(reviewer, record.Id, approve: true, comment: null, cancellationToken);
                if (!reviewed.Succeeded)
                {
                    throw new InvalidOperationException($"Demo record of {type} was not published: {reviewed.Refusal!.Message}");
                }
            }
        }
    }

    private static ClaimsPrincipal Staff(string name, string id) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.Name, name),
        new Claim(ClaimTypes.NameIdentifier, id),
        new Claim(ClaimTypes.Role, StaffRoles.SystemAdmin),
    ], "demo"));

    private static string Credit(string region, int serial)
    {
        var org = $"MA{serial:D6}"[..8];
        var orgCode = org + CreditCode.ComputeOrganizationCodeCheck(org);
        var first17 = "91" + region + orgCode;
        return first17 + CreditCode.ComputeCheckCharacter(first17);
    }

    private static string IdNumber(string area, DateOnly birth, int sequence)
    {
        var first17 = area + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence.ToString("D3", CultureInfo.InvariantCulture);
        return first17 + Checksums.IdCheckCharacter(first17);
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<(string Type, string Body, Dictionary<string, string?> Values, bool Publish)> Plan(DateOnly today)
    {
        var year = today.Year;
        string[] enterprises = ["绵阳市涪城区示例餐饮有限公司", "四川示例建材有限责任公司", "绵阳示例商贸有限公司", "绵阳示例汽车服务有限公司", "三台县示例农业开发有限公司", "绵阳示例药房连锁有限公司"];
        for (var i = 0; i < enterprises.Length; i++)
        {
            var decided = today.AddDays(-3 - (i * 2));
            yield return (ShippedRecordTypes.AdministrativePenalty, "myscjgj", new()
            {
                ["decisionNo"] = $"绵市监处罚〔{year}〕{101 + i}号",
                ["caseName"] = $"{enterprises[i]}{(i % 2 == 0 ? "销售不符合食品安全标准的食品案" : "未按规定公示年度报告案")}",
                ["violation"] = i % 2 == 0 ? "当事人经营的食品经抽样检验，菌落总数项目不符合食品安全国家标准。" : "当事人未按规定期限公示年度报告。",
                ["basis"] = i % 2 == 0 ? "《中华人民共和国食品安全法》第一百二十四条第一款" : "《企业信息公示暂行条例》第十八条",
                ["penaltyType"] = "罚款",
                ["result"] = $"没收违法所得并处罚款{(i + 1) * 5000}元。",
                ["fine"] = ((i + 1) * 5000).ToString(CultureInfo.InvariantCulture),
                ["party"] = enterprises[i],
                ["partyCode"] = Credit("510703", 100 + i),
                ["legalRepresentative"] = i % 2 == 0 ? "王建国" : "李秀芳",
                ["decisionDate"] = Day(decided),
                ["authority"] = "绵阳市市场监督管理局",
            }, true);
        }

        // 双公示 decisions still waiting: one within its 7 working days, one long past them (the overdue dashboard).
        yield return (ShippedRecordTypes.AdministrativePenalty, "myscjgj", new()
        {
            ["decisionNo"] = $"绵市监处罚〔{year}〕120号",
            ["caseName"] = "绵阳示例超市有限公司销售过期食品案",
            ["violation"] = "当事人销售超过保质期的食品。",
            ["basis"] = "《中华人民共和国食品安全法》第一百二十四条",
            ["penaltyType"] = "罚款",
            ["result"] = "处罚款8000元。",
            ["fine"] = "8000",
            ["party"] = "绵阳示例超市有限公司",
            ["partyCode"] = Credit("510703", 120),
            ["decisionDate"] = Day(today.AddDays(-30)),
            ["authority"] = "绵阳市市场监督管理局",
        }, false);

        string[] items = ["食品经营许可", "药品零售企业经营许可", "公共场所卫生许可", "建筑工程施工许可"];
        for (var i = 0; i < items.Length; i++)
        {
            yield return (ShippedRecordTypes.AdministrativeLicence, i < 2 ? "myscjgj" : "myzjj", new()
            {
                ["decisionNo"] = $"{(i < 2 ? "绵市监许" : "绵住建许")}〔{year}〕{31 + i}号",
                ["itemName"] = items[i],
                ["approvalType"] = "普通",
                ["content"] = $"准予{items[i]}。",
                ["holder"] = enterprises[(i + 2) % enterprises.Length],
                ["holderCode"] = Credit("510703", 200 + i),
                ["legalRepresentative"] = "张志强",
                ["decisionDate"] = Day(today.AddDays(-2 - i)),
                ["validUntil"] = Day(today.AddYears(5)),
                ["authority"] = i < 2 ? "绵阳市市场监督管理局" : "绵阳市住房和城乡建设局",
            }, true);
        }

        // A sole trader's licence: the ID number is kept for staff and masked publicly.
        yield return (ShippedRecordTypes.AdministrativeLicence, "myscjgj", new()
        {
            ["decisionNo"] = $"绵市监许〔{year}〕40号",
            ["itemName"] = "食品经营许可（小餐饮）",
            ["approvalType"] = "普通",
            ["content"] = "准予从事小餐饮经营。",
            ["holder"] = "涪城区示例小吃店（个体工商户）",
            ["holderIdNumber"] = IdNumber("510703", new DateOnly(1985, 3, 12), 215),
            ["legalRepresentative"] = "陈美玲",
            ["decisionDate"] = Day(today.AddDays(-1)),
            ["authority"] = "绵阳市市场监督管理局",
        }, true);

        var stages = ShippedRecordTypes.ConstructionStages;
        foreach (var (code, name, count) in new[] { ($"{year - 1}-510700-48-01-000123", "绵阳市示例快速通道改造工程", 6), ($"{year}-510700-47-01-000456", "绵阳市示例中心医院新院区建设项目", 3) })
        {
            for (var s = 0; s < count; s++)
            {
                yield return (ShippedRecordTypes.ConstructionProject, "myfgw", new()
                {
                    ["projectCode"] = code,
                    ["projectName"] = name,
                    ["stage"] = stages[s],
                    ["stageDate"] = Day(today.AddDays(-400 + (s * 60))),
                    ["content"] = $"{name}{stages[s]}阶段信息：{stages[s]}已按规定办理完毕。",
                    ["document"] = s < 2 ? $"绵发改投资〔{year - 1}〕{50 + s}号" : null,
                    ["builder"] = "绵阳市示例城市建设投资有限公司",
                    ["builderCode"] = Credit("510700", 300),
                    ["investment"] = count == 6 ? "125000" : "380000",
                    ["location"] = "绵阳市涪城区",
                }, true);
            }
        }

        string[] trades = ["示例小学教学楼维修工程", "市政道路路灯采购项目", "示例地块国有建设用地使用权出让"];
        for (var i = 0; i < trades.Length; i++)
        {
            foreach (var phase in new[] { "交易公告", "中标（成交）结果" })
            {
                yield return (ShippedRecordTypes.PublicResourceTrade, "myzwfwj", new()
                {
                    ["tradeNo"] = $"MYGGZY{year}{i + 1:D4}",
                    ["title"] = trades[i],
                    ["category"] = i == 2 ? "土地使用权" : i == 1 ? "政府采购" : "工程建设",
                    ["phase"] = phase,
                    ["publishedOn"] = Day(today.AddDays(phase == "交易公告" ? -40 - i : -10 - i)),
                    ["purchaser"] = i == 0 ? "绵阳市教育和体育局" : i == 1 ? "绵阳市住房和城乡建设局" : "绵阳市自然资源和规划局",
                    ["winner"] = phase == "交易公告" ? null : enterprises[i + 1],
                    ["winnerCode"] = phase == "交易公告" ? null : Credit("510703", 400 + i),
                    ["amount"] = phase == "交易公告" ? null : (180.5 + (i * 95)).ToString(CultureInfo.InvariantCulture),
                    ["detail"] = $"{trades[i]}{phase}。",
                }, true);
            }
        }

        string[] poverty = ["示例村产业路硬化", "示例村安全饮水巩固提升", "示例村食用菌种植基地"];
        for (var i = 0; i < poverty.Length; i++)
        {
            yield return (ShippedRecordTypes.PovertyProject, "mynyncj", new()
            {
                ["projectNo"] = $"MYFP{year}-{i + 1:D3}",
                ["projectName"] = poverty[i],
                ["fundSource"] = i == 0 ? "中央财政专项扶贫资金" : "省级财政衔接资金",
                ["funds"] = (60 + (i * 25)).ToString(CultureInfo.InvariantCulture),
                ["startOn"] = Day(new DateOnly(year, 3, 1)),
                ["endOn"] = Day(new DateOnly(year, 11, 30)),
                ["goal"] = "改善示例村生产生活条件，带动脱贫户增收。",
                ["result"] = i == 0 ? "已完工，硬化道路3.2公里。" : null,
                ["implementer"] = "三台县示例镇人民政府",
                ["responsible"] = "示例镇镇长",
                ["hotline"] = "12317",
                ["acceptance"] = i == 0 ? "验收合格" : "未验收",
            }, true);
        }

        string[] sites = ["高新区自动站", "市监测站", "三水厂"];
        (string Pollutant, double Value, string Unit)[] readings = [("PM2.5", 38, "μg/m³"), ("PM10", 62, "μg/m³"), ("NO2", 28, "μg/m³"), ("O3", 96, "μg/m³")];
        for (var d = 0; d < 7; d++)
        {
            for (var s = 0; s < 2; s++)
            {
                foreach (var (pollutant, value, unit) in readings)
                {
                    yield return (ShippedRecordTypes.EnvironmentReading, "mysthjj", new()
                    {
                        ["site"] = sites[s],
                        ["measuredOn"] = Day(today.AddDays(-1 - d)),
                        ["pollutant"] = pollutant,
                        ["value"] = (value + (((d * 7) + (s * 5)) % 13) - 6).ToString(CultureInfo.InvariantCulture),
                        ["unit"] = unit,
                    }, true);
                }
            }
        }

        for (var i = 0; i < 4; i++)
        {
            yield return (ShippedRecordTypes.RandomInspection, "myscjgj", new()
            {
                ["planName"] = $"{year}年食品经营者双随机抽查",
                ["target"] = enterprises[i],
                ["targetCode"] = Credit("510703", 100 + i),
                ["inspectedOn"] = Day(today.AddDays(-20 + i)),
                ["items"] = "经营资质、从业人员健康证明、进货查验记录",
                ["result"] = i == 1 ? "发现问题已责令改正" : "未发现问题",
                ["handling"] = i == 1 ? "责令限期改正，已复查。" : null,
            }, true);
        }

        for (var i = 0; i < 3; i++)
        {
            yield return (ShippedRecordTypes.ProposalReply, "myszfb", new()
            {
                ["number"] = $"{year}-{(i == 2 ? "ZX" : "RD")}-{i + 12:D3}",
                ["kind"] = i == 2 ? "政协提案" : "人大代表建议",
                ["title"] = i switch { 0 => "关于加快老旧小区改造的建议", 1 => "关于增设城区公共停车场的建议", _ => "关于推进政务数据开放共享的提案" },
                ["proposer"] = i == 2 ? "示例委员" : "示例代表",
                ["session"] = "市八届人大三次会议",
                ["repliedOn"] = Day(today.AddDays(-60 + (i * 10))),
                ["outcome"] = i == 1 ? "B类（正在解决或列入计划）" : "A类（已解决或采纳）",
                ["reply"] = "您提出的建议收悉。经认真研究，现答复如下：已将相关工作纳入年度计划并组织实施。感谢您对政府工作的关心和支持。",
            }, true);
        }

        string[] livelihood = ["新建改扩建公办幼儿园", "城区老旧小区改造", "农村公路提档升级", "城乡居民免费健康体检"];
        for (var i = 0; i < livelihood.Length; i++)
        {
            yield return (ShippedRecordTypes.LivelihoodProject, "myszf", new()
            {
                ["projectNo"] = $"MS{year}-{i + 1:D2}",
                ["year"] = year.ToString(CultureInfo.InvariantCulture),
                ["name"] = livelihood[i],
                ["goal"] = $"{livelihood[i]}，年底前全面完成。",
                ["budget"] = (2000 + (i * 1500)).ToString(CultureInfo.InvariantCulture),
                ["paid"] = (800 + (i * 600)).ToString(CultureInfo.InvariantCulture),
                ["progress"] = (40 + (i * 15)).ToString(CultureInfo.InvariantCulture),
                ["status"] = "推进中",
                ["reportedOn"] = Day(today.AddDays(-5)),
                ["leadUnit"] = i == 0 ? "绵阳市教育和体育局" : i == 3 ? "绵阳市卫生健康委员会" : "绵阳市住房和城乡建设局",
            }, true);
        }
    }
}
