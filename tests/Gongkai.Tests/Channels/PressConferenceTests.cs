using System.Net;
using System.Net.Http.Json;
using Gongkai.Channels.Press;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Publishing;
using Gongkai.Publishing.Rules;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Channels;

/// <summary>新闻发布会 through the API and the public pages: an editor prepares it with the body's head as 第一解读人,
/// nothing is public until a reviewer releases the 预告, the section and the Atom feed then show it, and once held
/// with its transcript the page carries the record; bad input and another body's staff are refused.</summary>
public sealed class PressConferenceTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    [Fact]
    public async Task A_conference_is_prepared_released_by_a_reviewer_held_and_shown_with_its_record_and_feed()
    {
        var (document, bodyId, otherBodyId) = await PublishAsync();
        using var editor = await factory.CreateStaffClientAsync("press.editor", StaffRoles.Editor);
        using var reviewer = await factory.CreateStaffClientAsync("press.reviewer", StaffRoles.FinalReviewer);
        using var visitor = factory.CreateClient();
        var title = "城乡低保标准调整新闻发布会" + Guid.NewGuid().ToString("N")[..6];
        var request = new PressConferenceRequest(null, title, "介绍低保标准调整的主要内容。", "市政府新闻发布厅", DateTimeOffset.UtcNow.AddHours(-1),
            ["李明 市民政局局长", "王芳 市民政局副局长"], "李明", null, null, [document.IndexNo ?? ""]);

        // The first interpreter must be a speaker; the refusal says so in Chinese and names the field.
        using (var wrong = await editor.PostAsJsonAsync("/api/v1/press-conferences/", request with { FirstInterpreter = "张三" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("第一解读人“张三”应是发布人之一", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var created = await editor.PostAsJsonAsync("/api/v1/press-conferences/", request);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var status = await created.Content.ReadFromJsonAsync<PressConferenceStatus>();
        Assert.NotNull(status);
        Assert.Equal("draft", status.Status);
        var id = status.Id;

        // A draft is not public.
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri($"/press/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(new Uri($"/api/v1/press-conferences/{id}", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain(title, await visitor.GetStringAsync(new Uri("/feeds/press.xml", UriKind.Relative)), StringComparison.Ordinal);

        // The editor cannot release it; a reviewer can, once.
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync(new Uri($"/api/v1/press-conferences/{id}/schedule", UriKind.Relative), null)).StatusCode);
        using (var released = await reviewer.PostAsync(new Uri($"/api/v1/press-conferences/{id}/schedule", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        }

        Assert.Equal(HttpStatusCode.Conflict, (await reviewer.PostAsync(new Uri($"/api/v1/press-conferences/{id}/schedule", UriKind.Relative), null)).StatusCode);

        var section = await visitor.GetStringAsync(new Uri("/press", UriKind.Relative));
        Assert.Contains(title, section, StringComparison.Ordinal);
        Assert.Contains("第一解读人：李明", section, StringComparison.Ordinal);
        var page = await visitor.GetStringAsync(new Uri($"/press/{id}", UriKind.Relative));
        Assert.Contains("李明（市民政局局长）<strong>（第一解读人）</strong>", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/documents/{document.IndexNo}\">关于发布会解读测试的通知</a>", page, StringComparison.Ordinal);
        using (var feed = await visitor.GetAsync(new Uri("/feeds/press.xml", UriKind.Relative)))
        {
            Assert.Equal("application/atom+xml", feed.Content.Headers.ContentType?.MediaType);
            var atom = await feed.Content.ReadAsStringAsync();
            Assert.Contains($"<title type=\"text\">{title}</title>", atom, StringComparison.Ordinal);
            Assert.Contains($"http://localhost/press/{id}", atom, StringComparison.Ordinal);
            Assert.Contains("预告", atom, StringComparison.Ordinal);
        }

        // Held only with its transcript; then the record is public.
        using (var noTranscript = await editor.PostAsync(new Uri($"/api/v1/press-conferences/{id}/held", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noTranscript.StatusCode);
            Assert.Contains("请先填写文字实录", await noTranscript.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var updated = await editor.PutAsJsonAsync($"/api/v1/press-conferences/{id}",
            request with { Transcript = "主持人：各位记者朋友，大家上午好。\n李明：自2026年7月1日起，城市低保标准提高到每人每月800元。", VideoUrl = "https://video.example.cn/fbh/1" }))
        {
            Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync(new Uri($"/api/v1/press-conferences/{id}/held", UriKind.Relative), null)).StatusCode);
        var record = await visitor.GetFromJsonAsync<PressConferenceResponse>($"/api/v1/press-conferences/{id}");
        Assert.NotNull(record);
        Assert.Equal("held", record.Status);
        Assert.Equal("李明", record.FirstInterpreter);
        Assert.True(record.Speakers.Single(s => s.Name == "李明").FirstInterpreter);
        Assert.Equal("https://video.example.cn/fbh/1", record.VideoUrl);
        Assert.Equal([document.IndexNo], record.Documents.Select(d => d.IndexNo));
        page = await visitor.GetStringAsync(new Uri($"/press/{id}", UriKind.Relative));
        Assert.Contains("<p>李明：自2026年7月1日起，城市低保标准提高到每人每月800元。</p>", page, StringComparison.Ordinal);
        Assert.Contains("观看发布会视频", page, StringComparison.Ordinal);

        // Another body's editor cannot change it.
        using var outsider = factory.CreateClient().SignedInAs("press.outsider", otherBodyId, StaffRoles.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.PutAsJsonAsync($"/api/v1/press-conferences/{id}", request)).StatusCode);

        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            var target = "press-conference:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var actions = await db.Set<AuditEntry>().AsNoTracking().Where(a => a.Target == target).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
            Assert.Equal(["press.create", "press.schedule", "press.update", "press.held"], actions);
            Assert.Equal(bodyId, (await db.Set<PressConference>().AsNoTracking().SingleAsync(c => c.Id == id)).BodyId);
        }
    }

    [Fact]
    public async Task The_console_proposes_the_bodys_head_as_first_interpreter()
    {
        using var editor = await factory.CreateStaffClientAsync("press.console", StaffRoles.Editor);
        var html = await editor.GetStringAsync(new Uri(PressPaths.Console, UriKind.Relative));
        string head;
        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            head = (await db.Set<Body>().AsNoTracking().SingleAsync(b => b.Id == 1)).HeadName;
        }

        Assert.NotEqual("", head);
        Assert.Contains($"name=\"FirstInterpreter\" value=\"{head}\"", html, StringComparison.Ordinal);
    }

    private async Task<(Document Document, int BodyId, int OtherBodyId)> PublishAsync()
    {
        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            // Test staff accounts belong to body 1 (TestAuth).
            var body = await db.Set<Body>().SingleAsync(b => b.Id == 1);
            var other = await db.Set<Body>().Where(b => b.Id != body.Id && b.ParentId != body.Id).OrderBy(b => b.Id).FirstAsync();
            var document = await scope.ServiceProvider.GetRequiredService<DocumentPublisher>().PublishAsync(
                new DocumentDraft("关于发布会解读测试的通知", null, body.Id, DocumentCatalog.Notice, "综合政务", new DateOnly(2026, 5, 1), "通知正文。"));
            return (document, body.Id, other.Id);
        }
    }
}
