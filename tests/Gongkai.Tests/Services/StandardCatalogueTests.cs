using System.Net;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Gongkai.Tests.Participation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Services;

/// <summary>A county, a township under it, its education department and a school under the department, on a host
/// whose clock starts on 30 September 2026.</summary>
public sealed class StandardCatalogueFactory : ServicesClockFactory
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (Body County, Body Township, Body Department, Body School)? _bodies;

    public async Task<(Body County, Body Township, Body Department, Body School)> BodiesAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_bodies is { } ready)
            {
                return ready;
            }

            using var scope = Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var root = await db.Set<Body>().OrderBy(b => b.Id).FirstAsync();
            Body Make(string code, string name, BodyKind kind, Body parent, int serial) => new()
            {
                Code = code, Name = name, ShortName = name, Kind = kind, Parent = parent, CreditCode = $"11510722TEST{serial:D5}X",
            };
            var county = Make("tcounty", "测试县人民政府", BodyKind.CountyGovernment, root, 1);
            var township = Make("ttown", "测试镇人民政府", BodyKind.Township, county, 2);
            var department = Make("tedu", "测试县教育和体育局", BodyKind.CountyDepartment, county, 3);
            var school = Make("tschool", "测试县第一小学", BodyKind.School, department, 4);
            db.AddRange(county, township, department, school);
            await db.SaveChangesAsync();
            _bodies = (county, township, department, school);
            return _bodies.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        _gate.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>Issue 17's standard catalogues and public institutions through the API and the pages.</summary>
public sealed class StandardCatalogueTests(StandardCatalogueFactory factory) : IClassFixture<StandardCatalogueFactory>
{
    /// <summary>A township instantiates 社会救助 in one step (only its 乡级 items), again adds nothing and keeps its own
    /// column, sees every item 待公开 on the day and the non-periodic ones 已逾期 two months later; other bodies,
    /// anonymous callers and a sector template that does not fit are refused.</summary>
    [Fact]
    public async Task A_township_instantiates_the_social_assistance_catalogue_and_sees_its_gaps()
    {
        var (_, township, _, _) = await factory.BodiesAsync();
        var (_, second) = await ParticipationTestData.BodiesAsync(factory.Services);
        using var editor = factory.CreateClient().SignedInAs("town.editor", township.Id, StaffRoles.Editor);
        using var outsider = factory.CreateClient().SignedInAs("other.editor", second.Id, StaffRoles.Editor);
        using var citizen = factory.CreateClient();

        var index = await citizen.SendAsync(HttpMethod.Get, "/api/v1/catalogue-templates", null, HttpStatusCode.OK);
        Assert.True(index.GetProperty("items").GetArrayLength() >= 33);
        var template = await citizen.SendAsync(HttpMethod.Get, "/api/v1/catalogue-templates/social-assistance", null, HttpStatusCode.OK);
        var townshipItems = template.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("levels").EnumerateArray().Any(l => l.GetString() == "乡级")).Count();

        await citizen.SendAsync(HttpMethod.Post, "/api/v1/catalogue-templates/social-assistance/instances", new { body = township.Code }, HttpStatusCode.Unauthorized);
        await outsider.SendAsync(HttpMethod.Post, "/api/v1/catalogue-templates/social-assistance/instances", new { body = township.Code }, HttpStatusCode.Forbidden);
        var wrongSector = await editor.SendAsync(HttpMethod.Post, "/api/v1/catalogue-templates/sector-school/instances", new { body = township.Code }, HttpStatusCode.BadRequest);
        Assert.Contains("适用于学校", wrongSector.GetProperty("errors").GetProperty("body")[0].GetString(), StringComparison.Ordinal);

        var made = await editor.SendAsync(HttpMethod.Post, "/api/v1/catalogue-templates/social-assistance/instances", new { body = township.Code }, HttpStatusCode.Created);
        Assert.Equal(townshipItems, made.GetProperty("added").GetInt32());

        // A column the township adds under the group itself survives a second instantiation, which adds nothing.
        var catalogue = await editor.SendAsync(HttpMethod.Get, $"/api/v1/bodies/{township.Code}/catalogue", null, HttpStatusCode.OK);
        Assert.Contains("社会救助领域基层政务公开标准目录", catalogue.ToString(), StringComparison.Ordinal);
        int groupId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            groupId = await db.Set<Gongkai.Publishing.Catalogue.CatalogueNode>().Where(n => n.BodyId == township.Id && n.ParentId == null && n.Name == "社会救助领域基层政务公开标准目录").Select(n => n.Id).SingleAsync();
        }

        using var bodyAdmin = factory.CreateClient().SignedInAs("town.admin", township.Id, StaffRoles.BodyAdmin);
        await bodyAdmin.SendAsync(HttpMethod.Post, $"/api/v1/catalogue/bodies/{township.Code}",
            new { node = new { name = "本镇慈善救助", content = "本镇慈善救助项目和受助情况。" }, parentId = groupId }, HttpStatusCode.Created);
        var again = await editor.SendAsync(HttpMethod.Post, "/api/v1/catalogue-templates/social-assistance/instances", new { body = township.Code }, HttpStatusCode.Created);
        Assert.Equal(0, again.GetProperty("added").GetInt32());
        Assert.Equal(townshipItems, again.GetProperty("kept").GetInt32());

        var gaps = await editor.SendAsync(HttpMethod.Get, $"/api/v1/catalogue-templates/gaps/{township.Code}", null, HttpStatusCode.OK);
        Assert.Equal(townshipItems, gaps.GetProperty("total").GetInt32());
        Assert.Equal(townshipItems, gaps.GetProperty("missing").GetInt32());
        await outsider.SendAsync(HttpMethod.Get, $"/api/v1/catalogue-templates/gaps/{township.Code}", null, HttpStatusCode.Forbidden);

        var page = await editor.GetStringAsync(new Uri($"/admin/catalogue-gaps/{township.Code}", UriKind.Relative));
        Assert.Contains("本镇慈善救助", page, StringComparison.Ordinal);
        Assert.Contains("最低生活保障审核审批结果", page, StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromDays(61));
        var later = await editor.SendAsync(HttpMethod.Get, $"/api/v1/catalogue-templates/gaps/{township.Code}", null, HttpStatusCode.OK);
        var items = later.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal("late", items.Single(i => i.GetProperty("item").GetString() == "最低生活保障标准").GetProperty("state").GetString());
        Assert.Equal("missing", items.Single(i => i.GetProperty("item").GetString() == "临时救助结果").GetProperty("state").GetString());
    }

    /// <summary>An item is filled by published records (数据开放) of the record type it names or is named like, as well as by
    /// documents: a published 行政处罚 record makes its item 已公开; drafts do not count; an item of no record type counts
    /// documents only.</summary>
    [Fact]
    public async Task Published_records_of_an_item_s_record_type_fill_it_on_the_gap_view()
    {
        var (county, _, _, _) = await factory.BodiesAsync();
        using var admin = factory.CreateClient().SignedInAs("records.admin", county.Id, StaffRoles.SystemAdmin);
        using var editor = factory.CreateClient().SignedInAs("records.editor", county.Id, StaffRoles.Editor);
        object Item(string name, string? recordType) => new
        {
            name, content = "内容。", basis = "《中华人民共和国行政处罚法》第四十八条", timeLimit = "作出决定之日起7个工作日内", subject = "县级执法部门", channels = "政府网站",
            audience = "全社会", mode = "主动", levels = new[] { "县级" }, recordType,
        };
        var refused = await admin.SendAsync(HttpMethod.Put, "/api/v1/catalogue-templates/record-filled",
            new { title = "数据填充测试目录", field = "城市综合执法", description = "测试。", items = new[] { Item("行政处罚决定", "Not A Key") } }, HttpStatusCode.BadRequest);
        Assert.Contains("数据类型代码", refused.GetProperty("errors").GetProperty("items[0].recordType")[0].GetString(), StringComparison.Ordinal);
        await admin.SendAsync(HttpMethod.Put, "/api/v1/catalogue-templates/record-filled", new
        {
            title = "数据填充测试目录", field = "城市综合执法", description = "测试。",
            items = new[] { Item("行政处罚决定", "administrative-penalty"), Item("公共资源交易", null), Item("执法人员名单", null) },
        }, HttpStatusCode.OK);
        await editor.SendAsync(HttpMethod.Post, "/api/v1/catalogue-templates/record-filled/instances", new { body = county.Code }, HttpStatusCode.Created);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var types = await db.Set<Gongkai.OpenData.Data.RecordType>().AsNoTracking().ToDictionaryAsync(t => t.Key, t => t.Id);
            var now = factory.Clock.GetUtcNow();
            Gongkai.OpenData.Data.DataRecord Record(string type, string key, Gongkai.OpenData.Data.RecordStatus status) => new()
            {
                RecordTypeId = types[type], SchemaVersion = 1, BodyId = county.Id, NaturalKey = key, Title = key, Status = status, ValuesJson = "{}",
                PublicValuesJson = status == Gongkai.OpenData.Data.RecordStatus.Published ? "{}" : null, PublishedAt = status == Gongkai.OpenData.Data.RecordStatus.Published ? now : null,
                FirstPublishedAt = status == Gongkai.OpenData.Data.RecordStatus.Published ? now : null, CurrentVersion = status == Gongkai.OpenData.Data.RecordStatus.Published ? 1 : 0,
                CreatedAt = now, UpdatedAt = now,
            };
            db.AddRange(
                Record("administrative-penalty", "测试县罚〔2026〕1号", Gongkai.OpenData.Data.RecordStatus.Published),
                Record("administrative-penalty", "测试县罚〔2026〕2号", Gongkai.OpenData.Data.RecordStatus.Published),
                Record("public-resource-trade", "测试交易草稿", Gongkai.OpenData.Data.RecordStatus.Draft));
            await db.SaveChangesAsync();
        }

        var gaps = await editor.SendAsync(HttpMethod.Get, $"/api/v1/catalogue-templates/gaps/{county.Code}", null, HttpStatusCode.OK);
        var items = gaps.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("template").GetString() == "record-filled")
            .ToDictionary(i => i.GetProperty("item").GetString()!);
        var penalty = items["行政处罚决定"];
        Assert.Equal(("administrative-penalty", 2, "current", 0), (penalty.GetProperty("recordType").GetString(), penalty.GetProperty("recordCount").GetInt32(),
            penalty.GetProperty("state").GetString(), penalty.GetProperty("publishedCount").GetInt32()));
        Assert.Equal(ChinaDate(factory.Clock.GetUtcNow()), penalty.GetProperty("lastPublishedOn").GetString());
        var trade = items["公共资源交易"];
        Assert.Equal(("public-resource-trade", 0, "missing"), (trade.GetProperty("recordType").GetString(), trade.GetProperty("recordCount").GetInt32(), trade.GetProperty("state").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, items["执法人员名单"].GetProperty("recordType").ValueKind);

        var page = await editor.GetStringAsync(new Uri($"/admin/catalogue-gaps/{county.Code}", UriKind.Relative));
        Assert.Contains("0 条文件；行政处罚数据 2 条", page, StringComparison.Ordinal);
    }

    private static string ChinaDate(DateTimeOffset at) => Gongkai.Platform.Time.ChinaTime.DateOf(at).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An operator stores a template through the API; bad items are reported per item and nothing is stored.</summary>
    [Fact]
    public async Task An_operator_adds_a_template_and_a_bad_one_is_refused_item_by_item()
    {
        var (county, _, _, _) = await factory.BodiesAsync();
        using var admin = factory.CreateClient().SignedInAs("catalogue.admin", county.Id, StaffRoles.SystemAdmin);
        using var editor = factory.CreateClient().SignedInAs("catalogue.editor", county.Id, StaffRoles.Editor);
        object Item(string name, string audience) => new
        {
            name, content = "本县慈善组织名录和年度报告。", basis = "《中华人民共和国慈善法》第六十九条", timeLimit = "信息形成或变更之日起20个工作日内",
            subject = "县级民政部门", channels = "政府网站", audience, mode = "主动", levels = new[] { "县级" },
        };
        var good = new { title = "慈善事业领域公开目录", field = "慈善事业", description = "本县补充目录。", items = new[] { Item("慈善组织名录", "全社会") } };
        await editor.SendAsync(HttpMethod.Put, "/api/v1/catalogue-templates/charity", good, HttpStatusCode.Forbidden);
        var refused = await admin.SendAsync(HttpMethod.Put, "/api/v1/catalogue-templates/charity",
            new { good.title, good.field, good.description, items = new[] { Item("慈善组织名录", "全社会"), Item("慈善组织名录", "市民") } }, HttpStatusCode.BadRequest);
        Assert.Equal("第 2 项：公开事项“慈善组织名录”与第 1 项重复。", refused.GetProperty("errors").GetProperty("items[1].name")[0].GetString());
        Assert.Equal("第 2 项：公开对象应为“全社会”或“特定群体”。", refused.GetProperty("errors").GetProperty("items[1].audience")[0].GetString());
        using var citizen = factory.CreateClient();
        await citizen.SendAsync(HttpMethod.Get, "/api/v1/catalogue-templates/charity", null, HttpStatusCode.NotFound);

        await admin.SendAsync(HttpMethod.Put, "/api/v1/catalogue-templates/charity", good, HttpStatusCode.OK);
        var stored = await citizen.SendAsync(HttpMethod.Get, "/api/v1/catalogue-templates/charity", null, HttpStatusCode.OK);
        Assert.Equal("慈善事业领域公开目录", stored.GetProperty("title").GetString());
        var page = await citizen.GetStringAsync(new Uri("/catalogue-templates/charity", UriKind.Relative));
        Assert.Contains("《中华人民共和国慈善法》第六十九条", page, StringComparison.Ordinal);
    }

    /// <summary>The education department instantiates the school catalogue for its school, sees the school's missing
    /// items on its dashboard, receives a citizen's complaint about the school and rates it; the school's own editor sees
    /// its gaps but may neither rate nor answer.</summary>
    [Fact]
    public async Task The_supervising_department_sees_its_school_s_gaps_receives_complaints_and_rates_it()
    {
        var (_, _, department, school) = await factory.BodiesAsync();
        using var supervisor = factory.CreateClient().SignedInAs("edu.editor", department.Id, StaffRoles.Editor);
        using var schoolEditor = factory.CreateClient().SignedInAs("school.editor", school.Id, StaffRoles.Editor);
        using var citizen = factory.CreateClient();

        var made = await supervisor.SendAsync(HttpMethod.Post, "/api/v1/catalogue-templates/sector-school/instances", new { body = school.Code }, HttpStatusCode.Created);
        Assert.Equal(7, made.GetProperty("added").GetInt32());

        var dashboard = await supervisor.GetStringAsync(new Uri("/admin/public-units", UriKind.Relative));
        Assert.Contains("测试县第一小学", dashboard, StringComparison.Ordinal);
        Assert.Contains("未考核", dashboard, StringComparison.Ordinal);

        var listing = await citizen.GetStringAsync(new Uri("/public-units", UriKind.Relative));
        Assert.Contains("测试县第一小学", listing, StringComparison.Ordinal);
        var bad = await citizen.SubmitAsync($"/public-units/{school.Code}/complaint", [new("Text", "短"), new("Name", "李先生"), new("Contact", "")]);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var badPage = await bad.Content.ReadAsStringAsync();
        Assert.Contains("请填写联系电话或电子邮箱", badPage, StringComparison.Ordinal);
        Assert.Contains("李先生", badPage, StringComparison.Ordinal);
        var filed = await citizen.SubmitAsync($"/public-units/{school.Code}/complaint",
            [new("Text", "学校没有公布本学期的代收费项目和标准。"), new("Name", "李先生"), new("Contact", "13800000000")]);
        filed.EnsureSuccessStatusCode();
        Assert.Contains("已送交测试县教育和体育局", await filed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var unitPage = await supervisor.GetStringAsync(new Uri($"/admin/public-units/{school.Code}", UriKind.Relative));
        Assert.Contains("学校没有公布本学期的代收费项目和标准。", unitPage, StringComparison.Ordinal);
        Assert.Contains("招生入学", unitPage, StringComparison.Ordinal);
        Assert.Contains("待公开", unitPage, StringComparison.Ordinal);

        // Suggested score: seven items due → 100 − 7×2 = 86; another score needs a reason.
        var noReason = await supervisor.SubmitAsync($"/admin/public-units/{school.Code}", [new("Year", "2026"), new("Score", "95"), new("Comment", "")], handler: "Rate");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("建议分（86 分）", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var rated = await supervisor.SubmitAsync($"/admin/public-units/{school.Code}", [new("Year", "2026"), new("Score", "86"), new("Comment", "")], handler: "Rate");
        rated.EnsureSuccessStatusCode();
        Assert.Contains("考核已保存。", await rated.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var own = await schoolEditor.GetStringAsync(new Uri($"/admin/public-units/{school.Code}", UriKind.Relative));
        Assert.Contains("招生入学", own, StringComparison.Ordinal);
        Assert.DoesNotContain("保存考核", own, StringComparison.Ordinal);
        // The school's page offers no rating form; a forged post (with a token from a page the editor may open) is refused.
        var token = PageForms.AntiforgeryToken(await schoolEditor.GetStringAsync(new Uri($"/public-units/{school.Code}/complaint", UriKind.Relative)));
        using var forged = new FormUrlEncodedContent([new("Year", "2026"), new("Score", "100"), new("Comment", "自评"), new(PageForms.TokenField, token)]);
        var forbidden = await schoolEditor.PostAsync(new Uri($"/admin/public-units/{school.Code}?handler=Rate", UriKind.Relative), forged);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            Assert.True(await db.Set<Gongkai.Platform.Audit.AuditEntry>().AnyAsync(a => a.Action == "public-unit.rated" && a.Target == "body:tschool"));
            Assert.True(await db.Set<Gongkai.Platform.Audit.AuditEntry>().AnyAsync(a => a.Action == "standard-catalogue.instantiated" && a.Target == "body:tschool"));
        }
    }
}
