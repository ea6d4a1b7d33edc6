using System.Net;
using System.Text.Json;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Oversight;

public sealed class WorkPlanTests(OversightClockFactory factory) : IClassFixture<OversightClockFactory>
{
    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    [Fact]
    public async Task The_seed_work_plan_is_imported_into_18_tasks_with_the_lead_units_that_are_demo_bodies_matched_and_the_others_listed()
    {
        using var anonymous = factory.CreateClient();
        var plan = await anonymous.SendAsync(HttpMethod.Get, "/api/v1/workplan/2018/tasks", null, HttpStatusCode.OK);
        var items = plan.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 18), items.Select(i => i.GetProperty("number").GetInt32()));

        var first = items[0];
        Assert.Equal("围绕群众关切事项，加大重点领域信息公开力度", first.GetProperty("title").GetString());
        // Demo bodies by their full names; a name the demo city lacks stays as written.
        Assert.Equal(["绵阳市发展和改革委员会", "绵阳市财政局", "市政务服务管理局"], Strings(first.GetProperty("lead")));
        Assert.Contains("各园区管委会", Strings(first.GetProperty("responsible")));
        Assert.False(first.TryGetProperty("deadline", out _));

        var pilot = items[13];
        Assert.Equal(["绵阳市人民政府办公室"], Strings(pilot.GetProperty("lead")));
        Assert.Contains("盐亭县人民政府", Strings(pilot.GetProperty("responsible")));
        Assert.Equal("2018-09-30", pilot.GetProperty("deadline").GetString());
        Assert.Equal("completed", pilot.GetProperty("status").GetString());   // the demo's Q3 report says so

        // 2018 is over: what no report finished is 滞后.
        Assert.Equal("delayed", items[8].GetProperty("status").GetString());
        Assert.Equal("delayed", items[1].GetProperty("status").GetString());

        await anonymous.SendAsync(HttpMethod.Get, "/api/v1/workplan/2017/tasks", null, HttpStatusCode.NotFound);

        // The console lists the names no demo body carries, for a person to link.
        using var admin = OversightTestData.Client(factory, "workplan.admin", await OversightTestData.BodyAsync(factory.Services, "myszfb"), StaffRoles.SystemAdmin);
        var console = await admin.GetStringAsync(new Uri("/admin/oversight/workplan/2018", UriKind.Relative));
        Assert.Contains("市教育体育局", console, StringComparison.Ordinal);
        Assert.Contains("市政府新闻办", console, StringComparison.Ordinal);
        Assert.Contains("（十）单位名称之间用了半角逗号", console, StringComparison.Ordinal);

        var page = await anonymous.GetStringAsync(new Uri("/workplan/2018", UriKind.Relative));
        Assert.Contains("（十四）", page, StringComparison.Ordinal);
        Assert.Contains("8月28日完成盐亭县试点验收", page, StringComparison.Ordinal);
        Assert.Contains("已完成 1 项", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_with_malformed_markers_imports_with_every_problem_and_unmatched_name_reported_and_bad_plans_are_refused()
    {
        await using var host = new OversightClockFactory();
        using var admin = OversightTestData.Client(host, "workplan.admin", await OversightTestData.BodyAsync(host.Services, "myszfb"), StaffRoles.SystemAdmin);
        const string text = "2026年政务公开工作要点\n一、公开\n（一）做好预决算公开。6月底前公开市级预算。（牵头单位：市财政局、市预算中心；责任单位：盐亭县人民政府，各园区管委会）\n（二）做好政策解读。按时解读。（牵头单位：市政府办公室，责任单位：市政府各部门）\n（四）加强新媒体。做好维护。";
        var imported = await admin.SendAsync(HttpMethod.Post, "/api/v1/workplan", new { text }, HttpStatusCode.Created);
        Assert.Equal(3, imported.GetProperty("tasks").GetInt32());
        var problems = Strings(imported.GetProperty("problems"));
        Assert.Contains(problems, p => p.StartsWith("（二）“责任单位”前应为分号", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("（四）任务序号不连续", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("（四）没有“（牵头单位", StringComparison.Ordinal));
        var unmatched = Assert.Single(imported.GetProperty("unmatched").EnumerateArray());
        Assert.Equal("市预算中心", unmatched.GetProperty("name").GetString());
        Assert.Equal([1], unmatched.GetProperty("tasks").EnumerateArray().Select(t => t.GetInt32()));

        var tasks = (await admin.SendAsync(HttpMethod.Get, "/api/v1/workplan/2026/tasks", null, HttpStatusCode.OK)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["绵阳市财政局", "市预算中心"], Strings(tasks[0].GetProperty("lead")));
        Assert.Equal("2026-06-30", tasks[0].GetProperty("deadline").GetString());
        Assert.Empty(tasks[2].GetProperty("lead").EnumerateArray());

        var audit = Assert.Single(await OversightTestData.AuditAsync(host.Services, "workplan.import"), a => a.Target == "workplan:2026");
        Assert.Contains("3 项任务", audit.Detail, StringComparison.Ordinal);

        await admin.SendAsync(HttpMethod.Post, "/api/v1/workplan", new { text }, HttpStatusCode.Conflict);
        var duplicate = await admin.SendAsync(HttpMethod.Post, "/api/v1/workplan",
            new { text = "2027年工作要点\n（一）甲。（牵头单位：A；责任单位：B）\n（一）乙。（牵头单位：A；责任单位：B）" }, HttpStatusCode.BadRequest);
        Assert.Contains("出现了 2 次", duplicate.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await admin.SendAsync(HttpMethod.Post, "/api/v1/workplan", new { text = "  " }, HttpStatusCode.BadRequest);

        // Only system admins import.
        using var editor = OversightTestData.Client(host, "workplan.editor", await OversightTestData.BodyAsync(host.Services, "myszfb"), StaffRoles.Editor);
        await editor.SendAsync(HttpMethod.Post, "/api/v1/workplan", new { text }, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Responsible_bodies_report_quarterly_progress_and_the_task_shows_the_latest_others_are_refused()
    {
        await using var host = new OversightClockFactory();
        using var admin = OversightTestData.Client(host, "workplan.admin", await OversightTestData.BodyAsync(host.Services, "myszfb"), StaffRoles.SystemAdmin);
        await admin.SendAsync(HttpMethod.Post, "/api/v1/workplan", new
        {
            text = "2026年政务公开工作要点\n（一）推进试点。12月31日前完成验收。（牵头单位：市政府办公室；责任单位：盐亭县人民政府，各园区管委会）",
        }, HttpStatusCode.Created);

        var yanting = await OversightTestData.BodyAsync(host.Services, "ytxzf");
        using var countyEditor = OversightTestData.Client(host, "盐亭编辑", yanting, StaffRoles.Editor);
        // On 3 December the third quarter's report is overdue: 滞后 until one comes.
        var before = (await countyEditor.SendAsync(HttpMethod.Get, "/api/v1/workplan/2026/tasks", null, HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal("delayed", before.GetProperty("status").GetString());
        Assert.Equal("第3季度进展未报送", before.GetProperty("statusReason").GetString());

        await countyEditor.SendAsync(HttpMethod.Post, "/api/v1/workplan/2026/tasks/1/reports",
            new { quarter = 4, progress = "on-track", text = "已完成自评，验收材料报送中。" }, HttpStatusCode.Created);
        var after = (await countyEditor.SendAsync(HttpMethod.Get, "/api/v1/workplan/2026/tasks", null, HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal("on-track", after.GetProperty("status").GetString());
        Assert.Equal("盐亭县人民政府", after.GetProperty("latestReport").GetProperty("body").GetString());

        // A park committee reports through the collective name "各园区管委会".
        using var park = OversightTestData.Client(host, "高新区编辑", await OversightTestData.BodyAsync(host.Services, "mygxq"), StaffRoles.Editor);
        await park.SendAsync(HttpMethod.Post, "/api/v1/workplan/2026/tasks/1/reports",
            new { quarter = 4, progress = "completed", text = "园区试点已验收。" }, HttpStatusCode.Created);
        var done = (await park.SendAsync(HttpMethod.Get, "/api/v1/workplan/2026/tasks", null, HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal("completed", done.GetProperty("status").GetString());

        // A body the task does not name, a quarter not yet begun, a bad progress word, a missing task.
        using var other = OversightTestData.Client(host, "交通编辑", await OversightTestData.BodyAsync(host.Services, "myjtysj"), StaffRoles.Editor);
        var notResponsible = await other.SendAsync(HttpMethod.Post, "/api/v1/workplan/2026/tasks/1/reports",
            new { quarter = 4, progress = "on-track", text = "无" }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("不是第（一）项任务的牵头单位或责任单位", notResponsible.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var invalid = await countyEditor.SendAsync(HttpMethod.Post, "/api/v1/workplan/2027/tasks/1/reports",
            new { quarter = 1, progress = "on-track", text = "无" }, HttpStatusCode.NotFound);
        Assert.Contains("2027年工作要点没有第（一）项任务", invalid.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var badProgress = await countyEditor.SendAsync(HttpMethod.Post, "/api/v1/workplan/2026/tasks/1/reports",
            new { quarter = 4, progress = "done", text = "" }, HttpStatusCode.BadRequest);
        Assert.True(badProgress.GetProperty("errors").TryGetProperty("progress", out _));
        Assert.True(badProgress.GetProperty("errors").TryGetProperty("text", out _));

        // Acting for a body outside one's scope is refused.
        await countyEditor.SendAsync(HttpMethod.Post, "/api/v1/workplan/2026/tasks/1/reports",
            new { body = "mygxq", quarter = 4, progress = "on-track", text = "代报" }, HttpStatusCode.Forbidden);

        var audit = await OversightTestData.AuditAsync(host.Services, "workplan.report");
        Assert.Equal(2, audit.Count(a => a.Target == "workplan:2026:1"));
        Assert.Contains(audit, a => a.BodyId == yanting.Id && a.Detail == "第4季度，按计划推进");

        // The console task page shows every report and offers the form to a responsible body's editor.
        var page = await countyEditor.GetStringAsync(new Uri("/admin/oversight/workplan/2026/1", UriKind.Relative));
        Assert.Contains("园区试点已验收。", page, StringComparison.Ordinal);
        Assert.Contains("报送季度进展", page, StringComparison.Ordinal);
    }
}
