using System.Net;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Organizations;

public sealed class BodyAdminPagesTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private async Task<Body> BodyAsync(string code)
    {
        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            return await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Code == code);
        }
    }

    private async Task<HttpClient> StaffAsync(string name, string bodyCode, params string[] roles)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        return client.SignedInAs(name, (await BodyAsync(bodyCode)).Id, roles);
    }

    /// <summary>The edit form's fields as the page shows them, with some replaced.</summary>
    private static Dictionary<string, string> FormOf(Body body, params (string Field, string Value)[] changes)
    {
        var form = new Dictionary<string, string>
        {
            ["Draft.name"] = body.Name,
            ["Draft.shortName"] = body.ShortName,
            ["Draft.kind"] = BodyKinds.Slug(body.Kind),
            ["Draft.parentId"] = body.ParentId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            ["Draft.creditCode"] = body.CreditCode,
            ["Draft.functions"] = body.Functions,
            ["Draft.internalStructure"] = body.InternalStructure,
            ["Draft.address"] = body.Address,
            ["Draft.officeHours"] = body.OfficeHours,
            ["Draft.phone"] = body.Phone,
            ["Draft.email"] = body.Email,
            ["Draft.headName"] = body.HeadName,
            ["Draft.sortOrder"] = body.SortOrder.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (field, value) in changes)
        {
            form[field] = value;
        }

        return form;
    }

    [Fact]
    public async Task Visitors_who_are_not_signed_in_are_challenged()
    {
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(new Uri("/admin/bodies", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_system_admin_sees_every_body_and_may_create()
    {
        using var admin = await StaffAsync("sysadmin", "myszf", StaffRoles.SystemAdmin);
        var html = await admin.GetStringAsync(new Uri("/admin/bodies", UriKind.Relative));

        Assert.Contains("href=\"/admin/bodies/new\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/bodies/myfgw/edit\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/bodies/ztxzjj/edit\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_admin_sees_only_their_body_and_its_sub_bodies()
    {
        using var countyAdmin = await StaffAsync("santai.admin", "stxzf", StaffRoles.BodyAdmin);
        var html = await countyAdmin.GetStringAsync(new Uri("/admin/bodies", UriKind.Relative));

        Assert.Contains("href=\"/admin/bodies/stxzf/edit\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/bodies/stxjtj/edit\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/bodies/myfgw/edit\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/bodies/new\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_a_body_outside_ones_scope_is_forbidden()
    {
        using var countyAdmin = await StaffAsync("santai.admin", "stxzf", StaffRoles.BodyAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await countyAdmin.GetAsync(new Uri("/admin/bodies/myfgw/edit", UriKind.Relative))).StatusCode);

        using var editor = await StaffAsync("santai.editor", "stxzf", StaffRoles.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(new Uri("/admin/bodies/stxzf/edit", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await countyAdmin.GetAsync(new Uri("/admin/bodies/new", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Bad_input_re_shows_the_form_with_Chinese_messages_and_the_input_kept()
    {
        var body = await BodyAsync("ytxmzj");
        using var admin = await StaffAsync("sysadmin", "myszf", StaffRoles.SystemAdmin);

        var response = await admin.SubmitAsync("/admin/bodies/ytxmzj/edit",
            FormOf(body, ("Draft.creditCode", "11510723ABC"), ("Draft.phone", "请拨打我"), ("Draft.headName", "新负责人")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("统一社会信用代码应为18位，当前为11位。", html, StringComparison.Ordinal);
        Assert.Contains("联系电话格式不正确", html, StringComparison.Ordinal);
        Assert.Contains("value=\"11510723ABC\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"请拨打我\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"新负责人\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"creditCode-hint creditCode-error\"", html, StringComparison.Ordinal);
        Assert.Equal(body.HeadName, (await BodyAsync("ytxmzj")).HeadName);
    }

    [Fact]
    public async Task A_valid_edit_is_saved_audited_and_change_logged()
    {
        var body = await BodyAsync("ytxwjj");
        using var countyAdmin = await StaffAsync("yanting.admin", "ytxzf", StaffRoles.BodyAdmin);

        var response = await countyAdmin.SubmitAsync("/admin/bodies/ytxwjj/edit",
            FormOf(body, ("Draft.headName", "陈新"), ("Draft.internalStructure", "办公室\n医政股\n\n新设股")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/bodies/ytxwjj/edit?saved=true", response.Headers.Location?.OriginalString);
        var saved = await BodyAsync("ytxwjj");
        Assert.Equal("陈新", saved.HeadName);
        Assert.Equal("办公室\n医政股\n新设股", saved.InternalStructure);

        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            var audit = await db.Set<AuditEntry>().SingleAsync(a => a.Action == "body.updated" && a.Target == "body:ytxwjj");
            Assert.Equal($"内设机构：已修改；负责人：{body.HeadName} → 陈新", audit.Detail);
            Assert.True(await db.Set<ChangeLogEntry>().AnyAsync(c => c.Kind == "body.updated" && c.EntityId == "ytxwjj" && c.BodyId == body.Id));
        }

        var confirmation = await countyAdmin.GetStringAsync(new Uri("/admin/bodies/ytxwjj/edit?saved=true", UriKind.Relative));
        Assert.Contains("已保存", confirmation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_system_admin_creates_a_body_from_the_form()
    {
        var city = await BodyAsync("myszf");
        using var admin = await StaffAsync("sysadmin", "myszf", StaffRoles.SystemAdmin);
        var form = new Dictionary<string, string>
        {
            ["Draft.code"] = "myswj",
            ["Draft.name"] = "绵阳市商务局",
            ["Draft.shortName"] = "市商务局",
            ["Draft.kind"] = "municipal-department",
            ["Draft.parentId"] = city.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Draft.creditCode"] = "Y1110000600037341Y",
            ["Draft.phone"] = "0816-2228888",
        };

        var response = await admin.SubmitAsync("/admin/bodies/new", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/bodies/myswj/edit?saved=true", response.Headers.Location?.OriginalString);
        var created = await BodyAsync("myswj");
        Assert.Equal(city.Id, created.ParentId);
        Assert.Equal(BodyKind.MunicipalDepartment, created.Kind);
    }
}
