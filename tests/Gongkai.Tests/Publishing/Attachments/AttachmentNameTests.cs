using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Publishing;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Gongkai.UnitTests.Publishing.Attachments;

namespace Gongkai.Tests.Publishing.Attachments;

/// <summary>Invisible characters never reach a stored name: an attachment named with a right-to-left override
/// (shown as "fdp.jpg" while it is a PDF) is stored under the name it really has, and a title keeps no zero-width space.</summary>
public sealed class AttachmentNameTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    [Fact]
    public async Task Bidi_overrides_and_zero_width_characters_are_removed_from_attachment_names_and_titles()
    {
        var editor = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);
        using var created = await editor.PostAsJsonAsync("/api/v1/documents/", new CreateDocumentRequest(new DocumentInput(
            "关于\u200B开展\u202E安全检查的通知", null, "工作动态", "综合政务", new DateOnly(2024, 9, 27), "<p>附件见下。</p>")));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var document = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("关于开展安全检查的通知", document.GetProperty("title").GetString());

        using var uploaded = await AttachmentApiTests.UploadAsync(editor, document.GetProperty("id").GetInt32(), "\u202Egpj.pdf", AttachmentFixtures.Pdf("plan"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.Equal("gpj.pdf", JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync()).RootElement.GetProperty("fileName").GetString());
    }
}
