using System.Net;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Publishing.Catalogue;

/// <summary>The catalogue admin page and the editor's catalogue field, as staff of 绵阳市人民政府 see them.</summary>
public sealed class CatalogueAdminPageTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    [Fact]
    public async Task A_body_admin_sees_the_tree_with_actions_and_an_editor_may_not_open_it()
    {
        var admin = await factory.CreateStaffClientAsync("bodyadmin.myszf", StaffRoles.BodyAdmin);
        var html = await admin.GetStringAsync(new Uri("/admin/catalogue/myszf", UriKind.Relative));
        Assert.Contains("法定主动公开内容", html, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"隐藏“统计信息”\"", html, StringComparison.Ordinal);

        var editor = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);
        using var refused = await editor.GetAsync(new Uri("/admin/catalogue/myszf", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task The_document_editor_offers_the_bodys_visible_catalogue_nodes()
    {
        var editor = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);
        var html = await editor.GetStringAsync(new Uri("/admin/documents/edit", UriKind.Relative));
        Assert.Contains("法定主动公开内容 / 规章和规范性文件", html, StringComparison.Ordinal);
    }
}
