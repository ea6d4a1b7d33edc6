using System.Text.Encodings.Web;
using System.Text.Json;
using Gongkai.Calendar;
using Gongkai.Organizations;
using Gongkai.Organizations.Demo;
using Gongkai.Platform.Data;
using Gongkai.Platform.Time;
using Gongkai.Services.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Services.Demo;

/// <summary>
/// In demo mode, gives the demo city's municipal government a 权责清单 with two versions (the second after 机构改革:
/// one item added, one removed, one changed), a 收费目录清单, and service guides — one changed once (both versions
/// public), one whose latest change is approved but not yet public, so the overdue dashboard has something red. All of
/// it is FICTIONAL and marked <c>IsDemo</c>; dates follow today.
/// </summary>
internal sealed class DemoServicesSeeder : IStartupSeeder
{
    private static readonly JsonSerializerOptions Storage = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>After the bodies (10) and the demo accounts (20).</summary>
    public int Order => 46;

    public async Task SeedAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<GongkaiDbContext>();
        if (!demo || await db.Set<ServiceList>().AnyAsync(cancellationToken))
        {
            return;
        }

        var bodies = await services.GetRequiredService<BodyDirectory>().LoadAsync(cancellationToken);
        var body = DemoStaffPlan.MunicipalGovernment(bodies.All);
        if (body is null)
        {
            return;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var calendar = await services.GetRequiredService<CalendarService>().GetCalendarAsync(cancellationToken);
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow().ToUniversalTime();
        const string staff = "演示数据";

        var power = new ServiceList { BodyId = body.Id, Kind = ListKinds.Power.Code, Title = "绵阳市人民政府权责清单（演示）", CreatedAt = now, CreatedBy = staff, IsDemo = true };
        var fee = new ServiceList { BodyId = body.Id, Kind = ListKinds.Fee.Code, Title = "绵阳市行政事业性收费目录清单（演示）", CreatedAt = now, CreatedBy = staff, IsDemo = true };
        db.Set<ServiceList>().AddRange(power, fee);
        await db.SaveChangesAsync(cancellationToken);

        ListItem Power(string type, string name, string basis, string agency, string duties = "受理、审查、决定、送达、事后监管", string accountability = "不依法履行职责或者滥用职权的，依法追究责任") =>
            ListItem.Of(("type", type), ("name", name), ("basis", basis), ("agency", agency), ("duties", duties), ("accountability", accountability));

        var first = new List<ListItem>
        {
            Power("行政许可", "食品经营许可", "《中华人民共和国食品安全法》第三十五条", "市市场监管局"),
            Power("行政许可", "建设工程规划许可", "《中华人民共和国城乡规划法》第四十条", "市自然资源规划局"),
            Power("行政处罚", "对未取得食品经营许可从事食品经营活动的处罚", "《中华人民共和国食品安全法》第一百二十二条", "市市场监管局", "立案、调查、告知、决定、执行"),
            Power("行政给付", "城乡居民最低生活保障金给付", "《社会救助暂行办法》第九条", "市民政局", "审核、确认、发放"),
            Power("行政检查", "对农药经营的监督检查", "《农药管理条例》第四十一条", "市农业农村局", "检查、记录、处理"),
        };
        var second = new List<ListItem>
        {
            Power("行政许可", "食品经营许可", "《中华人民共和国食品安全法》第三十五条", "市市场监管局"),
            // 机构改革: planning permits moved to the new natural resources and planning bureau, with a new basis clause.
            Power("行政许可", "建设工程规划许可", "《中华人民共和国城乡规划法》第四十条；《四川省城乡规划条例》第四十二条", "市自然资源和规划局"),
            Power("行政处罚", "对未取得食品经营许可从事食品经营活动的处罚", "《中华人民共和国食品安全法》第一百二十二条", "市市场监管局", "立案、调查、告知、决定、执行"),
            Power("行政给付", "城乡居民最低生活保障金给付", "《社会救助暂行办法》第九条", "市民政局", "审核、确认、发放"),
            Power("行政确认", "特困人员认定", "《社会救助暂行办法》第十四条", "市民政局", "受理、审核、确认"),
        };
        db.Set<ServiceListVersion>().AddRange(
            ListVersion(power, 1, today.AddDays(-400), "首次公布", first, now, staff),
            ListVersion(power, 2, today.AddDays(-120), "机构改革：规划职责划入市自然资源和规划局；农药经营监督检查下放至县级；新增特困人员认定", second, now, staff),
            ListVersion(fee, 1, today.AddDays(-200), "首次公布", [
                ListItem.Of(("item", "不动产登记费"), ("basis", "《国家发展改革委 财政部关于不动产登记收费标准等有关问题的通知》"), ("standard", "住宅类每件80元"), ("collector", "市不动产登记中心"), ("funds", "缴入国库")),
                ListItem.Of(("item", "污水处理费"), ("basis", "《污水处理费征收使用管理办法》"), ("standard", "居民每立方米0.95元"), ("collector", "市供排水公司（代征）"), ("funds", "缴入国库")),
            ], now, staff));

        GuideContent Guide(string name, string type, string conditions, int promised, bool fullyOnline) => new(
            name, type, "《社会救助暂行办法》；《四川省最低生活保障工作规程》", conditions,
            [new GuideMaterial("户口簿", "原件", 1, null, null), new GuideMaterial("家庭经济状况核对授权书", "原件", 1, "/guides/forms/authorisation.pdf", null)],
            "申请—受理—家庭经济状况调查—审核确认—公示—发放", 30, promised, "不收费", "绵阳市政务服务中心一楼民政窗口（演示）", "工作日 9:00—12:00，13:30—17:00",
            "乘1路、12路公交车至政务服务中心站", "0816-0000001（演示）", "12345", "最低生活保障金领取证", null, true, fullyOnline, fullyOnline ? "https://example.gov.cn/dibao" : null);

        var dibao = new ServiceGuide { BodyId = body.Id, ItemName = "城乡居民最低生活保障审核确认", CreatedAt = now, CreatedBy = staff, IsDemo = true };
        var tekun = new ServiceGuide { BodyId = body.Id, ItemName = "特困人员认定", CreatedAt = now, CreatedBy = staff, IsDemo = true };
        db.Set<ServiceGuide>().AddRange(dibao, tekun);
        await db.SaveChangesAsync(cancellationToken);

        ServiceGuideVersion GuideVersion(ServiceGuide guide, int number, GuideContent content, DateOnly approved, DateOnly effective, bool published)
        {
            var publishBy = GuideRules.PublishBy(approved, calendar);
            return new ServiceGuideVersion
            {
                GuideId = guide.Id, Number = number, ContentJson = JsonSerializer.Serialize(content, Storage), ApprovedOn = approved, EffectiveOn = effective, PublishBy = publishBy,
                PublishedAt = published ? ChinaTime.StartOfDay(publishBy).AddHours(10) : null, PublishedBy = published ? staff : null, CreatedAt = now, CreatedBy = staff, UpdatedAt = now,
            };
        }

        var approvedEarlier = today.AddDays(-300);
        var approvedLater = today.AddDays(-60);
        var approvedRecently = calendar.WorkingDayOnOrAfter(today.AddDays(-10));
        db.Set<ServiceGuideVersion>().AddRange(
            GuideVersion(dibao, 1, Guide(dibao.ItemName, "行政给付", "持有本市户籍，共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合规定。", 20, false), approvedEarlier, approvedEarlier.AddDays(10), true),
            GuideVersion(dibao, 2, Guide(dibao.ItemName, "行政给付", "持有本市户籍或居住证，共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合规定。", 15, true), approvedLater, approvedLater.AddDays(15), true),
            GuideVersion(tekun, 1, Guide(tekun.ItemName, "行政确认", "老年人、残疾人或者未满16周岁的未成年人，无劳动能力、无生活来源，且无法定赡养、抚养、扶养义务人或者其义务人无履行能力。", 20, false), approvedEarlier, approvedEarlier.AddDays(30), true),
            GuideVersion(tekun, 2, Guide(tekun.ItemName, "行政确认", "老年人、残疾人或者未满18周岁的未成年人，无劳动能力、无生活来源，且无法定赡养、抚养、扶养义务人或者其义务人无履行能力。", 15, false), approvedRecently, approvedRecently.AddDays(20), false));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ServiceListVersion ListVersion(ServiceList list, int number, DateOnly effectiveOn, string reason, List<ListItem> items, DateTimeOffset now, string staff)
    {
        var kind = ListKinds.Find(list.Kind)!;
        return new ServiceListVersion
        {
            ListId = list.Id, Number = number, EffectiveOn = effectiveOn, Reason = reason, ItemsJson = ListDesk.WriteItems(kind, items), ItemCount = items.Count,
            CreatedAt = now, CreatedBy = staff,
        };
    }
}
