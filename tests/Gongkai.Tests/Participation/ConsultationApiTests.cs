using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Participation;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Hotline;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Gongkai.Tests.Participation;

/// <summary>A host whose clock starts on Tuesday 29 September 2026, just before 国庆节 (1–7 October off, Saturday 10
/// October a working day), with a generous comment limit so the journey is not slowed by it.</summary>
public class ParticipationClockFactory : TestAuthFactory
{
    public static readonly DateTimeOffset Start = new(2026, 9, 29, 10, 0, 0, TimeSpan.FromHours(8));

    public FakeTimeProvider Clock { get; } = new UtcFakeTimeProvider(Start);

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Gongkai:Participation:CommentsPerMinute"] = "1000" };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

internal static class ParticipationTestData
{
    public static async Task<(Body First, Body Second)> BodiesAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var bodies = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Body>().AsNoTracking().OrderBy(b => b.Id).Take(2).ToListAsync();
        return (bodies[0], bodies[1]);
    }

    public static async Task<JsonElement> SendAsync(this HttpClient client, HttpMethod method, string url, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static object Draft(Body body, string kind, string opensOn, string closesOn, string? shortenedReason = null, string[]? options = null) => new
    {
        body = body.Code,
        title = "关于《城区停车管理办法（征求意见稿）》公开征求意见的公告",
        kind,
        draftHtml = "<p><strong>第一条</strong>　为规范城区停车秩序，制定本办法。</p><p><strong>第二条</strong>　夜间路边停车免费。</p><script>alert(1)</script>",
        explanationHtml = "<p>为缓解停车难，起草本办法。</p>",
        opensOn,
        closesOn,
        shortenedReason,
        options,
        howToComment = "信函：市交通运输局法规科",
    };
}

public sealed class ConsultationApiTests(ParticipationClockFactory factory) : IClassFixture<ParticipationClockFactory>
{
    /// <summary>Issue 14's consultation journey through the API: the 7-working-day minimum across 国庆节 refused and met,
    /// two citizens and a letter, bad input, the deadline, feedback with a not-adopted group and its reason, publication,
    /// and what the public reads — never a contact.</summary>
    [Fact]
    public async Task A_normative_document_goes_from_draft_through_comments_and_a_letter_to_published_feedback_with_the_reason_public()
    {
        await using var journey = new ParticipationClockFactory();
        var (first, second) = await ParticipationTestData.BodiesAsync(journey.Services);
        using var editor = await journey.CreateStaffClientAsync("participation.editor", StaffRoles.Editor);
        using var finalReviewer = await journey.CreateStaffClientAsync("participation.final", StaffRoles.FinalReviewer);
        using var otherEditor = journey.CreateClient().SignedInAs("other.editor", second.Id, StaffRoles.Editor);
        using var citizen = journey.CreateClient();
        Assert.Equal(1, first.Id);

        // Opening Tuesday 29 September, closing Friday 9 October: 30 September, 8, 9 October are only 3 working days.
        var created = await editor.SendAsync(HttpMethod.Post, "/api/v1/consultations", ParticipationTestData.Draft(first, "normative-document", "2026-09-29", "2026-10-09"), HttpStatusCode.Created);
        Assert.Equal("draft", created.GetProperty("status").GetString());
        var id = created.GetProperty("id").GetInt32();
        var url = $"/api/v1/consultations/{id}";

        // Drafts are not public; an editor cannot open; the 终审 user is refused with the minimum period named.
        await citizen.SendAsync(HttpMethod.Get, url, null, HttpStatusCode.NotFound);
        await editor.SendAsync(HttpMethod.Post, url + "/open", null, HttpStatusCode.Forbidden);
        var tooShort = await finalReviewer.SendAsync(HttpMethod.Post, url + "/open", null, HttpStatusCode.UnprocessableEntity);
        var detail = tooShort.GetProperty("detail").GetString()!;
        Assert.Contains("不少于7个工作日", detail, StringComparison.Ordinal);
        Assert.Contains("2026年10月14日", detail, StringComparison.Ordinal);
        Assert.Equal("2026-10-14", tooShort.GetProperty("earliestClosesOn").GetString());

        // Seven working days: 30 September, 8, 9, Saturday 10 (adjusted), 12, 13, 14 October.
        await editor.SendAsync(HttpMethod.Put, url, ParticipationTestData.Draft(first, "normative-document", "2026-09-29", "2026-10-14"), HttpStatusCode.OK);
        var opened = await finalReviewer.SendAsync(HttpMethod.Post, url + "/open", null, HttpStatusCode.OK);
        Assert.Equal("open", opened.GetProperty("status").GetString());
        await finalReviewer.SendAsync(HttpMethod.Post, url + "/open", null, HttpStatusCode.Conflict);
        await editor.SendAsync(HttpMethod.Put, url, ParticipationTestData.Draft(first, "normative-document", "2026-09-29", "2026-10-20"), HttpStatusCode.Conflict);

        // Two citizens comment; the first quotes an ID number and their own phone, which the public never sees.
        var one = await citizen.SendAsync(HttpMethod.Post, url + "/comments", new
        {
            name = "赵六", contact = "13900001111", clause = "第二条",
            text = "第二条夜间免费很好。我家老人（身份证号 510703195001011234）常在小区门口停车，有事请打 13900001111 联系我。",
        }, HttpStatusCode.Created);
        var two = await citizen.SendAsync(HttpMethod.Post, url + "/comments", new { contact = "reader@example.com", text = "建议夜间免费时段延长到早上八点。<script>alert('x')</script>" }, HttpStatusCode.Created);
        Assert.Equal(JsonValueKind.Null, one.GetProperty("notice").ValueKind);
        Assert.Contains("纯文字", two.GetProperty("notice").GetString(), StringComparison.Ordinal);

        // Bad input is refused with Chinese messages, field by field.
        var empty = await citizen.SendAsync(HttpMethod.Post, url + "/comments", new { contact = "x", text = "  " }, HttpStatusCode.BadRequest);
        Assert.Contains("请填写意见内容", empty.GetProperty("errors").GetProperty("text")[0].GetString(), StringComparison.Ordinal);
        var tooLong = await citizen.SendAsync(HttpMethod.Post, url + "/comments", new { contact = "x", text = new string('长', 5001) }, HttpStatusCode.BadRequest);
        Assert.Contains("不能超过 5000 字", tooLong.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var noContact = await citizen.SendAsync(HttpMethod.Post, url + "/comments", new { text = "有意见" }, HttpStatusCode.BadRequest);
        Assert.Contains("联系方式", noContact.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // An offline comment needs an editor of the body; a citizen cannot claim a channel, nor can another body.
        await citizen.SendAsync(HttpMethod.Post, url + "/comments", new { contact = "x", text = "信", channel = "letter", receivedOn = "2026-10-09" }, HttpStatusCode.Forbidden);
        await otherEditor.SendAsync(HttpMethod.Post, url + "/comments", new { contact = "x", text = "信", channel = "letter", receivedOn = "2026-10-09" }, HttpStatusCode.Forbidden);

        // Feedback cannot be prepared while open.
        await editor.SendAsync(HttpMethod.Put, url + "/feedback", new { summary = "s", groups = Array.Empty<object>() }, HttpStatusCode.Conflict);

        // After the last day, comments are refused with the date; a letter received within the period is recorded.
        journey.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 15, 9, 0, 0, TimeSpan.FromHours(8)));
        var late = await citizen.SendAsync(HttpMethod.Post, url + "/comments", new { contact = "x", text = "晚了" }, HttpStatusCode.Conflict);
        Assert.Contains("已于 2026年10月14日 截止", late.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await editor.SendAsync(HttpMethod.Post, url + "/comments", new { contact = "某街道某小区", text = "来信：反对夜间免费。", channel = "letter", receivedOn = "2026-10-15" }, HttpStatusCode.BadRequest);
        var letter = await editor.SendAsync(HttpMethod.Post, url + "/comments",
            new { name = "钱七", contact = "某街道某小区", text = "来信：反对夜间免费，会导致长期占用车位。", channel = "letter", receivedOn = "2026-10-13" }, HttpStatusCode.Created);

        var ids = new[] { one, two, letter }.Select(c => c.GetProperty("id").GetInt64()).ToArray();
        foreach (var commentId in ids)
        {
            await editor.SendAsync(HttpMethod.Post, $"{url}/comments/{commentId}/moderation", new { moderation = "shown" }, HttpStatusCode.OK);
        }

        // Feedback: a comment left out, or a not-adopted group without a reason, is named in a 422.
        var missing = await editor.SendAsync(HttpMethod.Put, url + "/feedback", new
        {
            summary = "共收到意见3条。",
            groups = new object[] { new { commentIds = new[] { ids[0], ids[1] }, decision = "adopted" } },
        }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains($"意见 {ids[2]} 尚未归入任何一组", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(ids[2], missing.GetProperty("ungroupedComments")[0].GetInt64());
        var noReason = await editor.SendAsync(HttpMethod.Put, url + "/feedback", new
        {
            summary = "共收到意见3条。",
            groups = new object[] { new { commentIds = new[] { ids[0], ids[1] }, decision = "adopted" }, new { commentIds = new[] { ids[2] }, decision = "not-adopted" } },
        }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("第2组不予采纳，须说明理由", noReason.GetProperty("detail").GetString(), StringComparison.Ordinal);

        const string reason = "夜间路边车位大量空置，免费停放可减少小区周边违停；对长期占用，第五条已规定超过12小时按日收费。";
        await editor.SendAsync(HttpMethod.Put, url + "/feedback", new
        {
            summary = "共收到意见3条，采纳2条，不予采纳1条。",
            groups = new object[]
            {
                new { commentIds = new[] { ids[0], ids[1] }, decision = "adopted", summary = "支持并建议延长夜间免费时段" },
                new { commentIds = new[] { ids[2] }, decision = "not-adopted", reason, summary = "反对夜间免费" },
            },
        }, HttpStatusCode.OK);

        // Only the 终审 user publishes.
        await editor.SendAsync(HttpMethod.Post, url + "/feedback/publish", null, HttpStatusCode.Forbidden);
        var published = await finalReviewer.SendAsync(HttpMethod.Post, url + "/feedback/publish", null, HttpStatusCode.OK);
        Assert.Equal("feedback-published", published.GetProperty("status").GetString());
        await editor.SendAsync(HttpMethod.Put, url + "/feedback", new { summary = "改", groups = Array.Empty<object>() }, HttpStatusCode.Conflict);

        // What the public reads: counts, each group's decision and reason, masked texts, no contact, no name.
        var publicView = await citizen.SendAsync(HttpMethod.Get, url, null, HttpStatusCode.OK);
        Assert.Equal("feedback-published", publicView.GetProperty("status").GetString());
        Assert.Equal(3, publicView.GetProperty("commentCount").GetInt32());
        Assert.DoesNotContain("<script>", publicView.GetProperty("draftHtml").GetString(), StringComparison.Ordinal);
        var feedback = publicView.GetProperty("feedback");
        Assert.Equal(2, feedback.GetProperty("adopted").GetInt32());
        Assert.Equal(1, feedback.GetProperty("notAdopted").GetInt32());
        Assert.Equal(reason, feedback.GetProperty("groups")[1].GetProperty("reason").GetString());
        Assert.Equal("not-adopted", feedback.GetProperty("groups")[1].GetProperty("decision").GetString());
        var json = publicView.ToString();
        foreach (var secret in new[] { "13900001111", "510703195001011234", "reader@example.com", "赵六", "钱七", "某街道某小区" })
        {
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        }

        var page = await citizen.GetStringAsync(new Uri($"/consultations/{id}/feedback", UriKind.Relative));
        Assert.Contains(reason, page, StringComparison.Ordinal);
        Assert.Contains("不予采纳", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13900001111", page, StringComparison.Ordinal);

        var list = await citizen.SendAsync(HttpMethod.Get, "/api/v1/consultations?status=feedback-published", null, HttpStatusCode.OK);
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("id").GetInt32() == id);

        // Every step is in the audit log, and no audit row names a commenter's contact.
        using var scope = journey.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>().AsNoTracking().Where(a => a.Target == $"consultation:{id}").ToListAsync();
        Assert.Equal(
            ["consultation.comment", "consultation.comment.moderate", "consultation.comment.record", "consultation.create", "consultation.feedback.publish", "consultation.feedback.save", "consultation.open", "consultation.update"],
            audit.Select(a => a.Action).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(audit, a => (a.Detail ?? "").Contains("13900001111", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_rule_opened_with_a_shorter_period_needs_a_reason_which_the_public_page_shows()
    {
        var (first, _) = await ParticipationTestData.BodiesAsync(factory.Services);
        using var editor = factory.CreateClient().SignedInAs("short.editor", first.Id, StaffRoles.Editor);
        using var finalReviewer = factory.CreateClient().SignedInAs("short.final", first.Id, StaffRoles.FinalReviewer);

        // 30 days from 29 September is 29 October, however many holidays lie between.
        var created = await editor.SendAsync(HttpMethod.Post, "/api/v1/consultations", ParticipationTestData.Draft(first, "rule", "2026-09-29", "2026-10-28"), HttpStatusCode.Created);
        var url = $"/api/v1/consultations/{created.GetProperty("id").GetInt32()}";
        var refused = await finalReviewer.SendAsync(HttpMethod.Post, url + "/open", null, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("不少于30日", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("2026年10月29日", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await editor.SendAsync(HttpMethod.Put, url, ParticipationTestData.Draft(first, "rule", "2026-09-29", "2026-10-16", "省政府要求10月底前出台，时间紧迫"), HttpStatusCode.OK);
        Assert.Equal("open", (await finalReviewer.SendAsync(HttpMethod.Post, url + "/open", null, HttpStatusCode.OK)).GetProperty("status").GetString());

        using var citizen = factory.CreateClient();
        var page = await citizen.GetStringAsync(new Uri(url.Replace("/api/v1", "", StringComparison.Ordinal), UriKind.Relative));
        Assert.Contains("省政府要求10月底前出台，时间紧迫", page, StringComparison.Ordinal);
        Assert.Contains("缩短期限的理由", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_are_added_to_a_draft_checked_by_their_bytes_public_once_opened_and_fixed_from_then_on()
    {
        var (first, second) = await ParticipationTestData.BodiesAsync(factory.Services);
        using var editor = factory.CreateClient().SignedInAs("files.editor", first.Id, StaffRoles.Editor);
        using var finalReviewer = factory.CreateClient().SignedInAs("files.final", first.Id, StaffRoles.FinalReviewer);
        using var otherEditor = factory.CreateClient().SignedInAs("files.other", second.Id, StaffRoles.Editor);
        using var citizen = factory.CreateClient();
        var id = (await editor.SendAsync(HttpMethod.Post, "/api/v1/consultations", ParticipationTestData.Draft(first, "other", "2026-10-08", "2026-10-20"), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var files = new Uri($"/api/v1/consultations/{id}/attachments", UriKind.Relative);
        static MultipartFormDataContent File(string name, byte[] bytes) => new() { { new ByteArrayContent(bytes), "file", name } };

        var pdf = Gongkai.UnitTests.Publishing.Attachments.AttachmentFixtures.Pdf("Parking rules, draft for comment");
        using (var renamed = await editor.PostAsync(files, File("征求意见稿.docx", pdf)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, renamed.StatusCode);
            Assert.Contains("内容实际是", await renamed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var byOther = await otherEditor.PostAsync(files, File("征求意见稿.pdf", pdf)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
        }

        using var added = await editor.PostAsync(files, File("征求意见稿.pdf", pdf));
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var file = JsonDocument.Parse(await added.Content.ReadAsStringAsync()).RootElement;
        var download = new Uri(file.GetProperty("url").GetString()!, UriKind.Relative);
        using var spare = await editor.PostAsync(files, File("对照表.pdf", pdf));
        var spareId = JsonDocument.Parse(await spare.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt32();
        await editor.SendAsync(HttpMethod.Delete, $"/api/v1/consultations/{id}/attachments/{spareId}", null, HttpStatusCode.NoContent);

        // A draft's files are the body's staff's alone.
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync(download)).StatusCode);
        Assert.Equal(pdf, await editor.GetByteArrayAsync(download));

        await finalReviewer.SendAsync(HttpMethod.Post, $"/api/v1/consultations/{id}/open", null, HttpStatusCode.OK);
        Assert.Equal(pdf, await citizen.GetByteArrayAsync(download));
        var listed = Assert.Single((await citizen.SendAsync(HttpMethod.Get, $"/api/v1/consultations/{id}", null, HttpStatusCode.OK)).GetProperty("attachments").EnumerateArray());
        Assert.Equal("征求意见稿.pdf", listed.GetProperty("fileName").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)), listed.GetProperty("sha256").GetString());
        var page = await citizen.GetStringAsync(new Uri($"/consultations/{id}", UriKind.Relative));
        Assert.Contains("征求意见稿.pdf", page, StringComparison.Ordinal);
        Assert.DoesNotContain("对照表.pdf", page, StringComparison.Ordinal);

        // Once opened the text is fixed, and so are its files.
        using (var late = await editor.PostAsync(files, File("补充说明.pdf", pdf)))
        {
            Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        }

        await editor.SendAsync(HttpMethod.Delete, $"/api/v1/consultations/{id}/attachments/{file.GetProperty("id").GetInt32()}", null, HttpStatusCode.Conflict);

        using var scope = factory.Services.CreateScope();
        var actions = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(a => a.Target.StartsWith($"consultation:{id}/attachment:")).Select(a => a.Action).ToListAsync();
        Assert.Equal(["consultation.attachment.add", "consultation.attachment.add", "consultation.attachment.remove"], actions.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_consultation_held_elsewhere_in_the_past_is_recorded_and_is_closed_at_once()
    {
        var (first, _) = await ParticipationTestData.BodiesAsync(factory.Services);
        using var editor = factory.CreateClient().SignedInAs("past.editor", first.Id, StaffRoles.Editor);
        using var finalReviewer = factory.CreateClient().SignedInAs("past.final", first.Id, StaffRoles.FinalReviewer);

        var created = await editor.SendAsync(HttpMethod.Post, "/api/v1/consultations", ParticipationTestData.Draft(first, "major-decision", "2026-07-01", "2026-08-05"), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        var opened = await finalReviewer.SendAsync(HttpMethod.Post, $"/api/v1/consultations/{id}/open", null, HttpStatusCode.OK);

        Assert.Equal("closed", opened.GetProperty("status").GetString());
        using var citizen = factory.CreateClient();
        await citizen.SendAsync(HttpMethod.Post, $"/api/v1/consultations/{id}/comments", new { contact = "x", text = "还能提吗" }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Staff_of_another_body_can_neither_prepare_nor_open_nor_see_its_drafts()
    {
        var (first, second) = await ParticipationTestData.BodiesAsync(factory.Services);
        using var editor = factory.CreateClient().SignedInAs("scope.editor", first.Id, StaffRoles.Editor);
        using var otherFinal = factory.CreateClient().SignedInAs("scope.final", second.Id, StaffRoles.FinalReviewer);
        using var otherEditor = factory.CreateClient().SignedInAs("scope.other", second.Id, StaffRoles.Editor);

        await otherEditor.SendAsync(HttpMethod.Post, "/api/v1/consultations", ParticipationTestData.Draft(first, "other", "2026-10-08", "2026-10-20"), HttpStatusCode.Forbidden);
        var created = await editor.SendAsync(HttpMethod.Post, "/api/v1/consultations", ParticipationTestData.Draft(first, "other", "2026-10-08", "2026-10-20"), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();

        await otherFinal.SendAsync(HttpMethod.Post, $"/api/v1/consultations/{id}/open", null, HttpStatusCode.Forbidden);
        await otherEditor.SendAsync(HttpMethod.Get, $"/api/v1/consultations/{id}", null, HttpStatusCode.NotFound);
        await otherEditor.SendAsync(HttpMethod.Get, $"/api/v1/consultations/{id}/comments", null, HttpStatusCode.Forbidden);
        Assert.Equal("draft", (await editor.SendAsync(HttpMethod.Get, $"/api/v1/consultations/{id}", null, HttpStatusCode.OK)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_consultation_routes_are_in_the_OpenAPI_document()
    {
        using var client = factory.CreateClient();
        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        foreach (var path in new[] { "/api/v1/consultations", "/api/v1/consultations/{id}/open", "/api/v1/consultations/{id}/comments", "/api/v1/consultations/{id}/feedback", "/api/v1/consultations/{id}/feedback/publish" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }

        Assert.Contains("意见征集", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_status_filter_is_refused_in_Chinese()
    {
        using var citizen = factory.CreateClient();
        var problem = await citizen.SendAsync(HttpMethod.Get, "/api/v1/consultations?status=secret", null, HttpStatusCode.BadRequest);

        Assert.Contains("状态应为", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
