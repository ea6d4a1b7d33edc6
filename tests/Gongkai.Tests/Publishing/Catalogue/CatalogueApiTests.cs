using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Publishing;
using Gongkai.Publishing.Catalogue;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Publishing.Catalogue;

/// <summary>The catalogue as the body admin of 绵阳市人民政府 (myszf) shapes it and as visitors see it.</summary>
public sealed class CatalogueApiTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private Task<HttpClient> Admin() => factory.CreateStaffClientAsync("bodyadmin.myszf", StaffRoles.BodyAdmin);

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<int> BodyIdAsync(string code)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Body>().Where(b => b.Code == code).Select(b => b.Id).SingleAsync();
    }

    private static async Task<int> CreateAsync(HttpClient admin, string name, int? parentId = null, IReadOnlyList<string>? types = null)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/catalogue/bodies/myszf",
            new CreateCatalogueNodeRequest(new CatalogueNodeInput(name, "测试内容", "绵阳市人民政府办公室", CatalogueDefaults.TwentyWorkingDays, "政府网站", "随时更新", types), parentId));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response)).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Demo_bodies_start_with_the_default_catalogue_and_seeding_again_adds_nothing()
    {
        using var visitor = factory.CreateClient();
        var tree = await Json(await visitor.GetAsync(new Uri("/api/v1/bodies/myszf/catalogue", UriKind.Relative)));
        var statutory = tree.EnumerateArray().Single(n => n.GetProperty("name").GetString() == CatalogueDefaults.StatutoryRoot);
        Assert.Equal(15, statutory.GetProperty("children").GetArrayLength());
        Assert.Contains(tree.EnumerateArray(), n => n.GetProperty("name").GetString() == CatalogueDefaults.CityCountyRoot);
        var first = statutory.GetProperty("children")[0];
        Assert.Equal(CatalogueDefaults.ThreeWorkingDays, first.GetProperty("timeLimit").GetString());
        Assert.Equal("绵阳市人民政府", first.GetProperty("responsibleBody").GetString());

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var count = await db.Set<CatalogueNode>().CountAsync();
        var body = await db.Set<Body>().SingleAsync(b => b.Code == "myszf");
        Assert.False(await scope.ServiceProvider.GetRequiredService<CatalogueDesk>().SeedDefaultsAsync(body));
        Assert.Equal(count, await db.Set<CatalogueNode>().CountAsync());
    }

    [Fact]
    public async Task A_body_admin_adds_renames_and_hides_a_node_and_each_change_is_audited()
    {
        var admin = await Admin();
        var id = await CreateAsync(admin, "城市更新专栏");
        using (var renamed = await admin.PutAsJsonAsync($"/api/v1/catalogue/{id}", new CatalogueNodeInput("城市更新", "老旧小区改造", "市住建局", "形成之日起20个工作日内", "政府网站", "每月更新")))
        {
            Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
            Assert.Equal("每月更新", (await Json(renamed)).GetProperty("updateFrequency").GetString());
        }

        using var visitor = factory.CreateClient();
        Assert.Contains("城市更新", await visitor.GetStringAsync(new Uri("/api/v1/bodies/myszf/catalogue", UriKind.Relative)), StringComparison.Ordinal);
        (await admin.PostAsync(new Uri($"/api/v1/catalogue/{id}/hide", UriKind.Relative), null)).EnsureSuccessStatusCode();
        Assert.DoesNotContain("城市更新", await visitor.GetStringAsync(new Uri("/api/v1/bodies/myszf/catalogue", UriKind.Relative)), StringComparison.Ordinal);
        var staffTree = await admin.GetStringAsync(new Uri("/api/v1/catalogue/bodies/myszf", UriKind.Relative));
        Assert.Contains("城市更新", staffTree, StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var actions = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>()
            .Where(a => a.Target == $"catalogue:{id}").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
        Assert.Equal(["catalogue.created", "catalogue.edited", "catalogue.hidden"], actions);
    }

    [Fact]
    public async Task A_duplicate_sibling_name_is_refused_with_a_chinese_message()
    {
        var admin = await Admin();
        await CreateAsync(admin, "专项公开甲");
        using var response = await admin.PostAsJsonAsync("/api/v1/catalogue/bodies/myszf", new CreateCatalogueNodeRequest(new CatalogueNodeInput("专项公开甲")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("已有名为“专项公开甲”", (await Json(response)).GetProperty("errors").GetProperty("name")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_bodys_admin_cannot_change_the_catalogue()
    {
        var admin = await Admin();
        var id = await CreateAsync(admin, "他人不可改");
        var other = factory.CreateClient().SignedInAs("bodyadmin.other", await BodyIdAsync("mymzj"), StaffRoles.BodyAdmin);
        using var hide = await other.PostAsync(new Uri($"/api/v1/catalogue/{id}/hide", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Forbidden, hide.StatusCode);
        using var create = await other.PostAsJsonAsync("/api/v1/catalogue/bodies/myszf", new CreateCatalogueNodeRequest(new CatalogueNodeInput("越权目录")));
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task A_node_that_documents_use_can_be_hidden_but_not_deleted_and_an_empty_one_can_be_deleted()
    {
        var admin = await Admin();
        var used = await CreateAsync(admin, "有文件的目录");
        var empty = await CreateAsync(admin, "空目录");
        var editor = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);
        using (var created = await editor.PostAsJsonAsync("/api/v1/documents/", new CreateDocumentRequest(Notice("关于目录测试的通知", used))))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            Assert.Equal(used, (await Json(created)).GetProperty("catalogueNode").GetInt32());
        }

        using (var refused = await admin.DeleteAsync(new Uri($"/api/v1/catalogue/{used}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("不能删除；如不再使用，请将其隐藏", (await Json(refused)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        (await admin.PostAsync(new Uri($"/api/v1/catalogue/{used}/hide", UriKind.Relative), null)).EnsureSuccessStatusCode();
        using (var deleted = await admin.DeleteAsync(new Uri($"/api/v1/catalogue/{empty}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        Assert.True(await db.Set<CatalogueNode>().AnyAsync(n => n.Id == used && n.Hidden));
        Assert.False(await db.Set<CatalogueNode>().AnyAsync(n => n.Id == empty));
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Action == "catalogue.deleted" && a.Target == $"catalogue:{empty}"));
    }

    [Fact]
    public async Task A_document_of_a_type_the_node_does_not_allow_is_refused_and_nothing_is_saved()
    {
        var admin = await Admin();
        var statistics = await CreateAsync(admin, "统计专栏", types: ["统计信息"]);
        var editor = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);
        using var response = await editor.PostAsJsonAsync("/api/v1/documents/", new CreateDocumentRequest(Notice("不应进入统计专栏的通知", statistics)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("目录“统计专栏”只收录统计信息，不能放入“通知公告”。",
            (await Json(response)).GetProperty("errors").GetProperty("catalogueNode")[0].GetString());

        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Document>().AnyAsync(d => d.Title == "不应进入统计专栏的通知"));
    }

    [Fact]
    public async Task A_node_of_another_body_cannot_be_chosen()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var foreign = await db.Set<CatalogueNode>().Where(n => n.Body!.Code == "mymzj").Select(n => n.Id).FirstAsync();
        var editor = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);
        using var response = await editor.PostAsJsonAsync("/api/v1/documents/", new CreateDocumentRequest(Notice("放错单位目录的通知", foreign)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("不属于本单位", (await Json(response)).GetProperty("errors").GetProperty("catalogueNode")[0].GetString(), StringComparison.Ordinal);
    }

    private static DocumentInput Notice(string title, int node) =>
        new(title, null, DocumentCatalog.Notice, "综合政务", new DateOnly(2024, 5, 6), "<p>特此通知。</p>", CatalogueNode: node);
}
