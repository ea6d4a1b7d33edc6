using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Organizations;

public sealed class BodiesApiTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private async Task<JsonElement[]> ListAsync()
    {
        using var client = factory.CreateClient();
        return (await client.GetFromJsonAsync<JsonElement[]>(new Uri("/api/v1/bodies", UriKind.Relative)))!;
    }

    private async Task<int> IdOfAsync(string code) =>
        (await ListAsync()).Single(b => b.GetProperty("code").GetString() == code).GetProperty("id").GetInt32();

    private async Task<Dictionary<string, object?>> ProfileRequestAsync(string code)
    {
        using var client = factory.CreateClient();
        var profile = (await client.GetFromJsonAsync<Dictionary<string, JsonElement>>(new Uri($"/api/v1/bodies/{code}", UriKind.Relative)))!;
        return profile.ToDictionary(p => p.Key, p => (object?)p.Value);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_directory_lists_the_demo_bodies_with_stable_property_names_and_kinds()
    {
        var bodies = await ListAsync();

        Assert.True(bodies.Length >= 30, $"expected about 30 bodies, got {bodies.Length}");
        foreach (var body in bodies)
        {
            Assert.Equal(["id", "code", "name", "shortName", "kind", "parentId"], body.EnumerateObject().Select(p => p.Name));
        }

        var city = bodies.Single(b => b.GetProperty("code").GetString() == "myszf");
        Assert.Equal("绵阳市人民政府", city.GetProperty("name").GetString());
        Assert.Equal("municipal-government", city.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, city.GetProperty("parentId").ValueKind);
        Assert.Equal(
            ["county-department", "county-government", "municipal-department", "municipal-government", "park-committee", "park-department", "school", "service-centre", "township"],
            bodies.Select(b => b.GetProperty("kind").GetString()).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_body_profile_carries_the_article_20_items_and_a_valid_credit_code()
    {
        using var client = factory.CreateClient();
        var profile = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/bodies/myfgw", UriKind.Relative));

        Assert.Equal("绵阳市发展和改革委员会", profile.GetProperty("name").GetString());
        Assert.Equal("municipal-department", profile.GetProperty("kind").GetString());
        Assert.True(CreditCode.IsValid(profile.GetProperty("creditCode").GetString()));
        Assert.StartsWith("11510700", profile.GetProperty("creditCode").GetString(), StringComparison.Ordinal);
        Assert.Contains("国民经济和社会发展", profile.GetProperty("functions").GetString(), StringComparison.Ordinal);
        Assert.Contains("办公室", profile.GetProperty("internalStructure").EnumerateArray().Select(u => u.GetString()));
        Assert.Contains("绵阳市", profile.GetProperty("address").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("周一至周五", profile.GetProperty("officeHours").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("0816-", profile.GetProperty("phone").GetString(), StringComparison.Ordinal);
        Assert.Contains("@", profile.GetProperty("email").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(profile.GetProperty("headName").GetString()));
    }

    [Fact]
    public async Task An_unknown_body_is_a_404_problem_in_Chinese()
    {
        using var client = factory.CreateClient();
        var response = await client.GetAsync(new Uri("/api/v1/bodies/no-such-body", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("未找到该机构", problem.GetProperty("title").GetString());
        Assert.Contains("no-such-body", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_body_endpoints_are_described_in_the_openapi_document()
    {
        using var client = factory.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>(new Uri("/openapi/v1.json", UriKind.Relative));
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/bodies/{code}", out var body));
        Assert.True(body.TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/v1/bodies").TryGetProperty("post", out _));
    }

    [Fact]
    public async Task Updating_without_signing_in_is_refused()
    {
        using var client = factory.CreateClient();
        var response = await client.PutAsJsonAsync(new Uri("/api/v1/bodies/myfgw", UriKind.Relative), await ProfileRequestAsync("myfgw"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_invalid_credit_code_is_a_400_validation_problem_naming_the_credit_code()
    {
        using var admin = factory.CreateClient().SignedInAs("sysadmin", await IdOfAsync("myszf"), StaffRoles.SystemAdmin);
        var request = await ProfileRequestAsync("myfgw");
        request["creditCode"] = "91110000600037341M";
        request["phone"] = "电话";

        var response = await admin.PutAsJsonAsync(new Uri("/api/v1/bodies/myfgw", UriKind.Relative), request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("机构信息有误", problem.GetProperty("title").GetString());
        Assert.Contains("统一社会信用代码", problem.GetProperty("errors").GetProperty("creditCode")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("联系电话", problem.GetProperty("errors").GetProperty("phone")[0].GetString(), StringComparison.Ordinal);

        using var client = factory.CreateClient();
        var stored = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/bodies/myfgw", UriKind.Relative));
        Assert.NotEqual("91110000600037341M", stored.GetProperty("creditCode").GetString());
    }

    [Fact]
    public async Task A_body_admin_cannot_update_a_body_outside_their_own_subtree()
    {
        using var countyAdmin = factory.CreateClient().SignedInAs("santai.admin", await IdOfAsync("stxzf"), StaffRoles.BodyAdmin);
        var response = await countyAdmin.PutAsJsonAsync(new Uri("/api/v1/bodies/myfgw", UriKind.Relative), await ProfileRequestAsync("myfgw"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("无权修改该机构", (await ProblemAsync(response)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_editor_without_the_manage_body_permission_is_forbidden()
    {
        using var editor = factory.CreateClient().SignedInAs("santai.editor", await IdOfAsync("stxzf"), StaffRoles.Editor);
        var response = await editor.PutAsJsonAsync(new Uri("/api/v1/bodies/stxzf", UriKind.Relative), await ProfileRequestAsync("stxzf"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_body_admin_updates_a_sub_body_which_is_audited_logged_and_shown_at_once()
    {
        using var visitor = factory.CreateClient();
        // Visit twice so that the second visit (with the antiforgery cookie) is stored in the output cache.
        await visitor.GetStringAsync(new Uri("/bodies/stxjtj", UriKind.Relative));
        Assert.Contains("0816-5222156", await visitor.GetStringAsync(new Uri("/bodies/stxjtj", UriKind.Relative)), StringComparison.Ordinal);

        using var countyAdmin = factory.CreateClient().SignedInAs("santai.admin", await IdOfAsync("stxzf"), StaffRoles.BodyAdmin);
        var request = await ProfileRequestAsync("stxjtj");
        request["phone"] = "0816-5299999";
        var response = await countyAdmin.PutAsJsonAsync(new Uri("/api/v1/bodies/stxjtj", UriKind.Relative), request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("0816-5299999", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").GetString());
        var page = await visitor.GetStringAsync(new Uri("/bodies/stxjtj", UriKind.Relative));
        Assert.Contains("0816-5299999", page, StringComparison.Ordinal);

        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            var audit = await db.Set<AuditEntry>().SingleAsync(a => a.Action == "body.updated" && a.Target == "body:stxjtj");
            Assert.Equal("santai.admin", audit.ActorName);
            Assert.Equal("联系电话：0816-5222156 → 0816-5299999", audit.Detail);
            var change = await db.Set<ChangeLogEntry>().SingleAsync(c => c.Kind == "body.updated" && c.EntityId == "stxjtj");
            Assert.Equal("body", change.Entity);
            Assert.Equal(await IdOfAsync("stxjtj"), change.BodyId);
        }
    }

    [Fact]
    public async Task A_body_admin_may_not_move_their_body_to_another_parent()
    {
        using var countyAdmin = factory.CreateClient().SignedInAs("santai.admin", await IdOfAsync("stxzf"), StaffRoles.BodyAdmin);
        var request = await ProfileRequestAsync("stxczj");
        request["parentId"] = await IdOfAsync("myszf");

        var response = await countyAdmin.PutAsJsonAsync(new Uri("/api/v1/bodies/stxczj", UriKind.Relative), request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("系统管理员", (await ProblemAsync(response)).GetProperty("errors").GetProperty("parentId")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_a_system_admin_creates_a_body_which_then_appears_in_the_directory()
    {
        var cityId = await IdOfAsync("myszf");
        var request = new Dictionary<string, object?>
        {
            ["code"] = "mytjj",
            ["name"] = "绵阳市统计局",
            ["shortName"] = "市统计局",
            ["kind"] = "municipal-department",
            ["parentId"] = cityId,
            ["creditCode"] = "11510700007000999B",
            ["functions"] = "组织实施全市统计调查，发布统计信息。",
            ["internalStructure"] = new[] { "办公室", "综合科" },
            ["phone"] = "0816-2229999",
        };
        request["creditCode"] = FixCheck((string)request["creditCode"]!);

        using var countyAdmin = factory.CreateClient().SignedInAs("santai.admin", await IdOfAsync("stxzf"), StaffRoles.BodyAdmin);
        Assert.Equal(HttpStatusCode.Forbidden, (await countyAdmin.PostAsJsonAsync(new Uri("/api/v1/bodies", UriKind.Relative), request)).StatusCode);

        using var admin = factory.CreateClient().SignedInAs("sysadmin", cityId, StaffRoles.SystemAdmin);
        var response = await admin.PostAsJsonAsync(new Uri("/api/v1/bodies", UriKind.Relative), request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/v1/bodies/mytjj", response.Headers.Location?.OriginalString);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["办公室", "综合科"], created.GetProperty("internalStructure").EnumerateArray().Select(u => u.GetString()));
        Assert.Contains(await ListAsync(), b => b.GetProperty("code").GetString() == "mytjj" && b.GetProperty("parentId").GetInt32() == cityId);

        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Action == "body.created" && a.Target == "body:mytjj" && a.ActorName == "sysadmin"));
            Assert.True(await db.Set<ChangeLogEntry>().AnyAsync(c => c.Kind == "body.created" && c.EntityId == "mytjj" && c.BodyId == created.GetProperty("id").GetInt32()));
        }
    }

    /// <summary>Replaces the last character of a 17+1 credit code with its correct check, after fixing the
    /// organisation-code check: test data that is valid without being copied from the demo tree.</summary>
    private static string FixCheck(string code)
    {
        var organization = code[8..16];
        var first17 = code[..16] + CreditCode.ComputeOrganizationCodeCheck(organization);
        return first17 + CreditCode.ComputeCheckCharacter(first17);
    }
}
