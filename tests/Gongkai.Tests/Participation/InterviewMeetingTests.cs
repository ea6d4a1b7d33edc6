using System.Net;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Safeguards.Detection;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Participation;

/// <summary>Online interviews and meetings with public seats (issue 14) through the API and the pages on a clocked
/// host: announced by the 终审 user, questions and applications from citizens (bad input refused, contacts and ID
/// numbers never public), answers into the transcript, identity checks, the reproducible draw, and the record.</summary>
public sealed class InterviewMeetingTests
{
    private static readonly string[] UnknownIndexNumbers = ["no-such-number"];

    private static readonly string[] OneGuest = ["市交通运输局局长"];

    private static string IdNumber(int n)
    {
        var first17 = $"51070319850101{100 + n:000}";
        return first17 + Checksums.IdCheckCharacter(first17);
    }

    [Fact]
    public async Task An_interview_is_announced_asked_answered_live_and_archived_with_its_transcript_public_and_contacts_never()
    {
        await using var host = new ParticipationClockFactory();
        var (first, second) = await ParticipationTestData.BodiesAsync(host.Services);
        using var editor = await host.CreateStaffClientAsync("interview.editor", StaffRoles.Editor);
        using var finalReviewer = await host.CreateStaffClientAsync("interview.final", StaffRoles.FinalReviewer);
        using var otherEditor = host.CreateClient().SignedInAs("interview.other", second.Id, StaffRoles.Editor);
        using var citizen = host.CreateClient();

        var draft = new
        {
            body = first.Code, title = "解读城区停车管理办法", guests = new[] { "市交通运输局局长", "市交通运输局法规科科长" },
            summary = "回答网民关心的停车问题。", startsAt = "2026-09-30T10:00:00+08:00", endsAt = "2026-09-30T11:00:00+08:00",
        };
        var bad = await editor.SendAsync(HttpMethod.Post, "/api/v1/interviews", new { body = first.Code, title = "", startsAt = "2026-09-30T10:00:00+08:00" }, HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("guests", out _));
        var id = (await editor.SendAsync(HttpMethod.Post, "/api/v1/interviews", draft, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var url = $"/api/v1/interviews/{id}";

        await citizen.SendAsync(HttpMethod.Get, url, null, HttpStatusCode.NotFound);
        await citizen.SendAsync(HttpMethod.Post, url + "/questions", new { contact = "x", text = "问" }, HttpStatusCode.NotFound);
        await editor.SendAsync(HttpMethod.Post, url + "/announce", null, HttpStatusCode.Forbidden);
        await otherEditor.SendAsync(HttpMethod.Put, url, draft, HttpStatusCode.Forbidden);
        Assert.Equal("announced", (await finalReviewer.SendAsync(HttpMethod.Post, url + "/announce", null, HttpStatusCode.OK)).GetProperty("status").GetString());
        await editor.SendAsync(HttpMethod.Put, url, draft, HttpStatusCode.Conflict);

        // Questions before the interview: bad input refused with Chinese messages, markup kept as text, contacts struck out.
        var empty = await citizen.SendAsync(HttpMethod.Post, url + "/questions", new { text = " " }, HttpStatusCode.BadRequest);
        Assert.Contains("请填写您的问题", empty.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await citizen.SendAsync(HttpMethod.Post, url + "/questions", new { contact = "13900001111", text = new string('问', 5001) }, HttpStatusCode.BadRequest);
        var asked = await citizen.SendAsync(HttpMethod.Post, url + "/questions",
            new { name = "王小明", contact = "13900001111", text = "我是王小明，电话13900001111，夜间路边停车还收费吗？" }, HttpStatusCode.Created);
        var questionId = asked.GetProperty("id").GetInt64();
        var markup = await citizen.SendAsync(HttpMethod.Post, url + "/questions", new { contact = "y@example.com", text = "<script>alert(1)</script>充电桩怎么建？" }, HttpStatusCode.Created);
        Assert.Contains("纯文字", markup.GetProperty("notice").GetString(), StringComparison.Ordinal);

        // Answers only once live.
        await editor.SendAsync(HttpMethod.Post, $"{url}/questions/{questionId}/answer", new { guest = "市交通运输局局长", answer = "免费。" }, HttpStatusCode.Conflict);
        await editor.SendAsync(HttpMethod.Post, url + "/start", null, HttpStatusCode.OK);
        await editor.SendAsync(HttpMethod.Post, $"{url}/questions/{questionId}/state", new { state = "picked" }, HttpStatusCode.OK);
        await editor.SendAsync(HttpMethod.Post, $"{url}/questions/{questionId}/answer", new { guest = "", answer = "" }, HttpStatusCode.BadRequest);
        await editor.SendAsync(HttpMethod.Post, $"{url}/questions/{questionId}/answer", new { guest = "市交通运输局局长", answer = "夜间22时至次日7时路边停车免费。" }, HttpStatusCode.OK);
        await editor.SendAsync(HttpMethod.Post, $"{url}/questions/{questionId}/answer", new { guest = "市交通运输局局长", answer = "再答一次" }, HttpStatusCode.Conflict);
        await citizen.SendAsync(HttpMethod.Post, $"{url}/questions/{questionId}/answer", new { guest = "x", answer = "y" }, HttpStatusCode.Unauthorized);

        // The live page's poll: answered questions in order, masked; none after position 1.
        var transcript = await citizen.SendAsync(HttpMethod.Get, url + "/transcript", null, HttpStatusCode.OK);
        var entry = Assert.Single(transcript.GetProperty("entries").EnumerateArray());
        Assert.Equal("夜间22时至次日7时路边停车免费。", entry.GetProperty("answer").GetString());
        Assert.DoesNotContain("13900001111", entry.GetProperty("question").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("王小明", entry.GetProperty("question").GetString(), StringComparison.Ordinal);
        Assert.Empty((await citizen.SendAsync(HttpMethod.Get, url + "/transcript?after=1", null, HttpStatusCode.OK)).GetProperty("entries").EnumerateArray());

        await editor.SendAsync(HttpMethod.Put, url + "/documents", new { indexNos = UnknownIndexNumbers }, HttpStatusCode.BadRequest);
        Assert.Equal("archived", (await editor.SendAsync(HttpMethod.Post, url + "/archive", null, HttpStatusCode.OK)).GetProperty("status").GetString());
        await citizen.SendAsync(HttpMethod.Post, url + "/questions", new { contact = "z@example.com", text = "还能问吗？" }, HttpStatusCode.Conflict);

        var staff = await editor.SendAsync(HttpMethod.Get, url + "/questions", null, HttpStatusCode.OK);
        Assert.Contains(staff.EnumerateArray(), q => q.GetProperty("contact").GetString() == "13900001111");
        await citizen.SendAsync(HttpMethod.Get, url + "/questions", null, HttpStatusCode.Unauthorized);

        var json = (await citizen.SendAsync(HttpMethod.Get, url, null, HttpStatusCode.OK)).GetRawText();
        Assert.DoesNotContain("13900001111", json, StringComparison.Ordinal);
        Assert.DoesNotContain("y@example.com", json, StringComparison.Ordinal);
        var page = await citizen.GetStringAsync(new Uri($"/interviews/{id}", UriKind.Relative));
        Assert.Contains("访谈实录", page, StringComparison.Ordinal);
        Assert.Contains("夜间22时至次日7时路边停车免费。", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13900001111", page, StringComparison.Ordinal);
        Assert.Contains("不再接收提问", page, StringComparison.Ordinal);
        Assert.Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            (await citizen.SendAsync(HttpMethod.Get, "/api/v1/interviews?status=archived", null, HttpStatusCode.OK)).EnumerateArray().Select(i => i.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)));

        using var scope = host.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>().AsNoTracking().Where(a => a.Target == $"interview:{id}").ToListAsync();
        Assert.Equal(["interview.announce", "interview.archive", "interview.create", "interview.question", "interview.question.answer", "interview.question.moderate", "interview.start"],
            audit.Select(a => a.Action).Distinct().Order(StringComparer.Ordinal));
        Assert.DoesNotContain(audit, a => (a.Detail ?? "").Contains("13900001111", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Drafts_are_edited_on_the_console_until_announced_and_photos_are_uploaded_through_the_api()
    {
        await using var host = new ParticipationClockFactory();
        var (first, second) = await ParticipationTestData.BodiesAsync(host.Services);
        using var editor = await host.CreateStaffClientAsync("edit.editor", StaffRoles.Editor);
        using var finalReviewer = await host.CreateStaffClientAsync("edit.final", StaffRoles.FinalReviewer);
        using var otherEditor = host.CreateClient().SignedInAs("edit.other", second.Id, StaffRoles.Editor);
        using var citizen = host.CreateClient();

        var interviewId = (await editor.SendAsync(HttpMethod.Post, "/api/v1/interviews", new
        {
            body = first.Code, title = "解读城区停车管理办法", guests = OneGuest, startsAt = "2026-09-30T10:00:00+08:00", endsAt = "2026-09-30T11:00:00+08:00",
        }, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var editInterview = $"/admin/interviews/{interviewId}/edit";
        Assert.Contains("修改访谈", await editor.GetStringAsync(new Uri($"/admin/interviews/{interviewId}", UriKind.Relative)), StringComparison.Ordinal);
        var form = await editor.GetStringAsync(new Uri(editInterview, UriKind.Relative));
        Assert.Contains("value=\"解读城区停车管理办法\"", form, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-09-30T10:00\"", form, StringComparison.Ordinal);

        // A broken edit is refused on the page with the field named, the typed text kept, nothing saved.
        using var refused = await editor.SubmitAsync(editInterview, [new("Title", "新主题"), new("Guests", " "), new("StartsAt", "2026-09-30T15:00"), new("EndsAt", "2026-09-30T14:00")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var refusedPage = await refused.Content.ReadAsStringAsync();
        Assert.Contains("请填写至少一位访谈嘉宾", refusedPage, StringComparison.Ordinal);
        Assert.Contains("结束时间应晚于开始时间", refusedPage, StringComparison.Ordinal);
        Assert.Contains("value=\"新主题\"", refusedPage, StringComparison.Ordinal);
        Assert.Equal("解读城区停车管理办法", (await editor.SendAsync(HttpMethod.Get, $"/api/v1/interviews/{interviewId}", null, HttpStatusCode.OK)).GetProperty("title").GetString());

        using var saved = await editor.SubmitAsync(editInterview, [new("Title", "解读城区停车管理办法（修订）"), new("Guests", "市交通运输局局长\r\n市交通运输局法规科科长"),
            new("Summary", "改在下午。"), new("StartsAt", "2026-09-30T15:00"), new("EndsAt", "2026-09-30T16:00")]);
        Assert.Contains("访谈草稿已保存。", await saved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var edited = await editor.SendAsync(HttpMethod.Get, $"/api/v1/interviews/{interviewId}", null, HttpStatusCode.OK);
        Assert.Equal("解读城区停车管理办法（修订）", edited.GetProperty("title").GetString());
        Assert.Equal(["市交通运输局局长", "市交通运输局法规科科长"], edited.GetProperty("guests").EnumerateArray().Select(g => g.GetString()));
        Assert.Equal(new DateTimeOffset(2026, 9, 30, 15, 0, 0, TimeSpan.FromHours(8)), edited.GetProperty("startsAt").GetDateTimeOffset());

        // Another body's editor does not even see the draft; once announced, the page sends the editor back to the interview.
        Assert.Equal(HttpStatusCode.NotFound, (await otherEditor.GetAsync(new Uri(editInterview, UriKind.Relative))).StatusCode);
        await finalReviewer.SendAsync(HttpMethod.Post, $"/api/v1/interviews/{interviewId}/announce", null, HttpStatusCode.OK);
        using var afterAnnounce = await editor.GetAsync(new Uri(editInterview, UriKind.Relative));
        Assert.EndsWith($"/admin/interviews/{interviewId}", afterAnnounce.RequestMessage?.RequestUri?.AbsolutePath, StringComparison.Ordinal);

        // Photos through the API: a PNG with its caption is public at once; a caption is required, other files refused.
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
        static MultipartFormDataContent Photo(byte[] bytes, string? caption)
        {
            var content = new MultipartFormDataContent { { new ByteArrayContent(bytes), "photo", "photo.png" } };
            if (caption is not null)
            {
                content.Add(new StringContent(caption), "caption");
            }

            return content;
        }

        var photos = new Uri($"/api/v1/interviews/{interviewId}/photos", UriKind.Relative);
        using (var noCaption = await editor.PostAsync(photos, Photo(png, null)))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noCaption.StatusCode);
            Assert.Contains("请为图片写一句说明", await noCaption.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var notAnImage = await editor.PostAsync(photos, Photo("%PDF-1.7"u8.ToArray(), "一张图")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notAnImage.StatusCode);
            Assert.Contains("JPEG 或 PNG", await notAnImage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var byCitizen = await citizen.PostAsync(photos, Photo(png, "访谈现场")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, byCitizen.StatusCode);
        }

        using (var byOther = await otherEditor.PostAsync(photos, Photo(png, "访谈现场")))
        {
            Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
        }

        using var uploaded = await editor.PostAsync(photos, Photo(png, "访谈现场"));
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var photoUrl = System.Text.Json.JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync()).RootElement.GetProperty("url").GetString();
        Assert.Equal(png, await citizen.GetByteArrayAsync(new Uri(photoUrl!, UriKind.Relative)));
        var photo = Assert.Single((await citizen.SendAsync(HttpMethod.Get, $"/api/v1/interviews/{interviewId}", null, HttpStatusCode.OK)).GetProperty("photos").EnumerateArray());
        Assert.Equal("访谈现场", photo.GetProperty("caption").GetString());

        // Meetings: the draft notice is edited the same way, and not after it is announced.
        var meetingId = (await editor.SendAsync(HttpMethod.Post, "/api/v1/meetings", new
        {
            body = first.Code, topic = "研究城区停车收费标准调整", heldAt = "2026-10-15T09:00:00+08:00", place = "市政府第一会议室", seats = 2,
            eligibility = "年满18周岁的本市居民", applyBy = "2026-10-09",
        }, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var editMeeting = $"/admin/meetings/{meetingId}/edit";
        using var badSeats = await editor.SubmitAsync(editMeeting, [new("Topic", "研究城区停车收费标准调整"), new("HeldAt", "2026-10-15T09:00"), new("Place", "市政府第一会议室"),
            new("Seats", "0"), new("Eligibility", "年满18周岁的本市居民"), new("ApplyBy", "2026-10-09")]);
        Assert.Equal(HttpStatusCode.BadRequest, badSeats.StatusCode);
        using var moved = await editor.SubmitAsync(editMeeting, [new("Topic", "研究城区停车收费标准调整"), new("HeldAt", "2026-10-16T09:00"), new("Place", "市政府第二会议室"),
            new("Seats", "3"), new("Eligibility", "年满18周岁的本市居民"), new("ApplyBy", "2026-10-10")]);
        Assert.Contains("会议公告草稿已保存。", await moved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var meeting = await editor.SendAsync(HttpMethod.Get, $"/api/v1/meetings/{meetingId}", null, HttpStatusCode.OK);
        Assert.Equal("市政府第二会议室", meeting.GetProperty("place").GetString());
        Assert.Equal(3, meeting.GetProperty("seats").GetInt32());
        await finalReviewer.SendAsync(HttpMethod.Post, $"/api/v1/meetings/{meetingId}/announce", null, HttpStatusCode.OK);
        // A form opened before the announcement and sent after it is refused by the desk (the token is the user's, from any page).
        var token = PageForms.AntiforgeryToken(await editor.GetStringAsync(new Uri("/admin/meetings", UriKind.Relative)));
        using var lateForm = new FormUrlEncodedContent([new("Topic", "改议题"), new("HeldAt", "2026-10-16T09:00"), new("Place", "市政府第二会议室"),
            new("Seats", "3"), new("Eligibility", "年满18周岁的本市居民"), new("ApplyBy", "2026-10-10"), new(PageForms.TokenField, token)]);
        using var late = await editor.PostAsync(new Uri(editMeeting, UriKind.Relative), lateForm);
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Contains("会议公告发布后，会议信息不能再修改。", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("研究城区停车收费标准调整", (await editor.SendAsync(HttpMethod.Get, $"/api/v1/meetings/{meetingId}", null, HttpStatusCode.OK)).GetProperty("topic").GetString());
        Assert.DoesNotContain("修改会议公告", await editor.GetStringAsync(new Uri($"/admin/meetings/{meetingId}", UriKind.Relative)), StringComparison.Ordinal);

        using var scope = host.Services.CreateScope();
        var actions = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(a => a.Target == $"interview:{interviewId}" || a.Target == $"meeting:{meetingId}").Select(a => a.Action).ToListAsync();
        Assert.Contains("interview.update", actions);
        Assert.Contains("interview.photo.add", actions);
        Assert.Contains("meeting.update", actions);
    }

    [Fact]
    public async Task A_meeting_takes_applications_checks_identity_draws_seats_reproducibly_and_publishes_the_record()
    {
        await using var host = new ParticipationClockFactory();
        var (first, _) = await ParticipationTestData.BodiesAsync(host.Services);
        using var editor = await host.CreateStaffClientAsync("meeting.editor", StaffRoles.Editor);
        using var finalReviewer = await host.CreateStaffClientAsync("meeting.final", StaffRoles.FinalReviewer);
        using var citizen = host.CreateClient();

        var id = (await editor.SendAsync(HttpMethod.Post, "/api/v1/meetings", new
        {
            body = first.Code, topic = "研究城区停车收费标准调整", description = "邀请市民代表列席。", heldAt = "2026-10-15T09:00:00+08:00",
            place = "市政府第一会议室", seats = 2, eligibility = "年满18周岁的本市居民", applyBy = "2026-10-09",
        }, HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var url = $"/api/v1/meetings/{id}";
        await citizen.SendAsync(HttpMethod.Get, url, null, HttpStatusCode.NotFound);
        await finalReviewer.SendAsync(HttpMethod.Post, url + "/announce", null, HttpStatusCode.OK);

        // Four citizens apply; a wrong ID number and a second application with the same number are refused.
        var invalid = await citizen.SendAsync(HttpMethod.Post, url + "/applications", new { name = "甲", idNumber = "510703198501011000", contact = "1", reason = "r" }, HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("idNumber", out _));
        var applications = new List<long>();
        foreach (var (name, n) in new[] { ("张三", 1), ("李四", 2), ("王五", 3), ("赵六", 4) })
        {
            applications.Add((await citizen.SendAsync(HttpMethod.Post, url + "/applications",
                new { name, idNumber = IdNumber(n), contact = $"1390000000{n}", reason = "关心停车收费" }, HttpStatusCode.Created)).GetProperty("id").GetInt64());
        }

        await citizen.SendAsync(HttpMethod.Post, url + "/applications", new { name = "张三", idNumber = IdNumber(1), contact = "1", reason = "再报一次" }, HttpStatusCode.Conflict);

        // Staff lists mask the ID number; the identity check shows it in full.
        var listed = (await editor.SendAsync(HttpMethod.Get, url + "/applications", null, HttpStatusCode.OK)).GetRawText();
        Assert.DoesNotContain(IdNumber(1), listed, StringComparison.Ordinal);
        Assert.Contains(MeetingRules.MaskIdNumber(IdNumber(1)), listed, StringComparison.Ordinal);
        var full = await editor.SendAsync(HttpMethod.Get, $"{url}/applications/{applications[0]}", null, HttpStatusCode.OK);
        Assert.Equal(IdNumber(1), full.GetProperty("idNumber").GetString());
        var consolePage = await editor.GetStringAsync(new Uri($"/admin/meetings/{id}", UriKind.Relative));
        Assert.DoesNotContain(IdNumber(2), consolePage, StringComparison.Ordinal);

        // Seats wait for the deadline and for every check; a refusal needs a reason.
        await finalReviewer.SendAsync(HttpMethod.Post, url + "/seats", new { }, HttpStatusCode.Conflict);
        await editor.SendAsync(HttpMethod.Post, $"{url}/applications/{applications[3]}/check", new { decision = "refused" }, HttpStatusCode.BadRequest);
        await editor.SendAsync(HttpMethod.Post, $"{url}/applications/{applications[3]}/check", new { decision = "refused", reason = "非本市居民" }, HttpStatusCode.OK);
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 10, 9, 0, 0, TimeSpan.FromHours(8)));
        await citizen.SendAsync(HttpMethod.Post, url + "/applications", new { name = "孙七", idNumber = IdNumber(5), contact = "1", reason = "晚了" }, HttpStatusCode.Conflict);
        var pending = await finalReviewer.SendAsync(HttpMethod.Post, url + "/seats", new { seed = "test-seed" }, (HttpStatusCode)422);
        Assert.Contains("尚未核验", pending.GetProperty("detail").GetString(), StringComparison.Ordinal);
        foreach (var accepted in applications.Take(3))
        {
            await editor.SendAsync(HttpMethod.Post, $"{url}/applications/{accepted}/check", new { decision = "accepted" }, HttpStatusCode.OK);
        }

        await editor.SendAsync(HttpMethod.Post, url + "/seats", new { seed = "test-seed" }, HttpStatusCode.Forbidden);
        Assert.Equal("seated", (await finalReviewer.SendAsync(HttpMethod.Post, url + "/seats", new { seed = "test-seed" }, HttpStatusCode.OK)).GetProperty("status").GetString());
        await finalReviewer.SendAsync(HttpMethod.Post, url + "/seats", new { seed = "other" }, HttpStatusCode.Conflict);

        // Anyone re-running the published algorithm with the published seed and numbers gets the published list.
        var published = await citizen.SendAsync(HttpMethod.Get, url, null, HttpStatusCode.OK);
        var draw = published.GetProperty("draw");
        Assert.Equal("test-seed", draw.GetProperty("seed").GetString());
        var input = draw.GetProperty("acceptedApplications").EnumerateArray().Select(e => e.GetInt64()).ToList();
        Assert.Equal(applications.Take(3), input);
        var rerun = MeetingRules.Draw("test-seed", input, 2);
        Assert.Equal(rerun.Entries.Select(e => e.ApplicationId), draw.GetProperty("ranking").EnumerateArray().Select(e => e.GetProperty("applicationId").GetInt64()));
        Assert.Equal(rerun.SeatedEntries.Select(e => e.ApplicationId),
            published.GetProperty("seated").EnumerateArray().Where(e => e.GetProperty("seated").GetBoolean()).Select(e => e.GetProperty("applicationId").GetInt64()));
        Assert.DoesNotContain(IdNumber(1), published.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("13900000001", published.GetRawText(), StringComparison.Ordinal);

        // The record after the meeting: attendance for every representative, opinions masked.
        var seated = rerun.SeatedEntries.Select(e => e.ApplicationId).ToList();
        object Record(IEnumerable<long> ids) => new { summary = "会议原则通过调整方案。", attendance = ids.Select((a, i) => new { applicationId = a, attended = i == 0, opinion = i == 0 ? "建议夜间免费，我的电话13700001111。" : null }).ToArray() };
        await editor.SendAsync(HttpMethod.Put, url + "/record", Record(seated), HttpStatusCode.Conflict);
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 15, 11, 0, 0, TimeSpan.FromHours(8)));
        var incomplete = await editor.SendAsync(HttpMethod.Put, url + "/record", Record(seated.Take(1)), HttpStatusCode.BadRequest);
        Assert.Contains("是否出席", incomplete.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await editor.SendAsync(HttpMethod.Put, url + "/record", Record(seated), HttpStatusCode.OK);

        var page = await citizen.GetStringAsync(new Uri($"/meetings/{id}", UriKind.Relative));
        Assert.Contains("test-seed", page, StringComparison.Ordinal);
        Assert.Contains("SHA-256", page, StringComparison.Ordinal);
        Assert.Contains("会议原则通过调整方案。", page, StringComparison.Ordinal);
        Assert.Contains("建议夜间免费", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13700001111", page, StringComparison.Ordinal);
        Assert.DoesNotContain(IdNumber(1), page, StringComparison.Ordinal);

        using var scope = host.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>().AsNoTracking().Where(a => a.Target == $"meeting:{id}").ToListAsync();
        Assert.Contains(audit, a => a.Action == "meeting.seat" && (a.Detail ?? "").Contains("test-seed", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Action == "meeting.application.view-identity");
        Assert.DoesNotContain(audit, a => (a.Detail ?? "").Contains(IdNumber(1), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_demo_city_shows_an_archived_interview_an_upcoming_one_and_a_meeting_whose_draw_anyone_can_rerun()
    {
        await using var host = new TestAuthFactory();
        using var citizen = host.CreateClient();
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var interviews = await db.Set<Gongkai.Participation.Interview>().AsNoTracking().Where(i => i.IsDemo).ToListAsync();
        var archived = interviews.Single(i => i.Stage == "archived");
        var upcoming = interviews.Single(i => i.Stage == "announced");

        var archive = await citizen.GetStringAsync(new Uri($"/interviews/{archived.Id}", UriKind.Relative));
        Assert.Contains("访谈实录", archive, StringComparison.Ordinal);
        Assert.Contains("施工期间小区道路会封闭吗？", archive, StringComparison.Ordinal);
        Assert.DoesNotContain("公积金贷款额度", archive, StringComparison.Ordinal);
        Assert.Contains("提交问题", await citizen.GetStringAsync(new Uri($"/interviews/{upcoming.Id}", UriKind.Relative)), StringComparison.Ordinal);

        var meeting = await db.Set<Gongkai.Participation.Meeting>().AsNoTracking().SingleAsync(m => m.IsDemo);
        var published = await citizen.SendAsync(HttpMethod.Get, $"/api/v1/meetings/{meeting.Id}", null, HttpStatusCode.OK);
        var draw = published.GetProperty("draw");
        var input = draw.GetProperty("acceptedApplications").EnumerateArray().Select(e => e.GetInt64()).ToList();
        Assert.Equal(4, input.Count);
        Assert.Equal(MeetingRules.Draw(draw.GetProperty("seed").GetString()!, input, 3).Entries.Select(e => e.ApplicationId),
            draw.GetProperty("ranking").EnumerateArray().Select(e => e.GetProperty("applicationId").GetInt64()));
        var page = await citizen.GetStringAsync(new Uri($"/meetings/{meeting.Id}", UriKind.Relative));
        Assert.Contains("2026demo", page, StringComparison.Ordinal);
        foreach (var application in await db.Set<Gongkai.Participation.SeatApplication>().AsNoTracking().Where(a => a.MeetingId == meeting.Id).ToListAsync())
        {
            Assert.DoesNotContain(application.IdNumber, page, StringComparison.Ordinal);
        }
    }
}
