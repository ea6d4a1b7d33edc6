using System.Net;
using System.Text.Json;
using Gongkai.Participation;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Participation;

/// <summary>Surveys (issue 14) through the API and the pages on a clocked host: drafted, opened by the 终审 user,
/// answered by citizens (a form sent twice counts once, a browser that answered is told so, bad answers are refused),
/// closed, text answers moderated, results published with a chart and a data table per choice question.</summary>
public sealed class SurveyTests
{
    private static readonly string[] OneOption = ["甲"];

    private static object Pick(int question, params int[] choices) => new { question, choices };

    private static object Draft(string body, string opensOn = "2026-09-29", string closesOn = "2026-10-09") => new
    {
        body,
        title = "城区公园开放时间网上调查",
        description = "了解市民对公园开放时间的意见。",
        opensOn,
        closesOn,
        questions = new object[]
        {
            new { text = "您多久去一次公园？", kind = "single", required = true, options = new[] { "每天", "每周", "很少" } },
            new { text = "您希望延长哪些公园的开放时间？", kind = "multiple", options = new[] { "人民公园", "南山公园", "富乐山公园" } },
            new { text = "其他建议", kind = "text" },
        },
    };

    [Fact]
    public async Task A_survey_is_drafted_opened_answered_by_two_citizens_closed_moderated_and_its_results_published()
    {
        await using var host = new ParticipationClockFactory();
        var (first, second) = await ParticipationTestData.BodiesAsync(host.Services);
        using var editor = await host.CreateStaffClientAsync("survey.editor", StaffRoles.Editor);
        using var finalReviewer = await host.CreateStaffClientAsync("survey.final", StaffRoles.FinalReviewer);
        using var otherEditor = host.CreateClient().SignedInAs("survey.other", second.Id, StaffRoles.Editor);
        using var citizen = host.CreateClient();

        // Bad questions are refused by question.
        var bad = await editor.SendAsync(HttpMethod.Post, "/api/v1/surveys", new
        {
            body = first.Code, title = "x", opensOn = "2026-09-29", closesOn = "2026-10-09",
            questions = new object[] { new { text = "只有一个选项", kind = "single", options = OneOption } },
        }, HttpStatusCode.BadRequest);
        Assert.Contains("第1题：选择题至少要有两个选项", bad.GetProperty("errors").GetProperty("questions[0]")[0].GetString(), StringComparison.Ordinal);

        var created = await editor.SendAsync(HttpMethod.Post, "/api/v1/surveys", Draft(first.Code), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        var url = $"/api/v1/surveys/{id}";

        // A draft is not public and cannot be answered; an editor cannot open it, another body cannot touch it.
        await citizen.SendAsync(HttpMethod.Get, url, null, HttpStatusCode.NotFound);
        await citizen.SendAsync(HttpMethod.Post, url + "/responses", new { answers = new[] { Pick(1, 1) } }, HttpStatusCode.NotFound);
        await editor.SendAsync(HttpMethod.Post, url + "/open", null, HttpStatusCode.Forbidden);
        await otherEditor.SendAsync(HttpMethod.Put, url, Draft(first.Code), HttpStatusCode.Forbidden);
        await citizen.SendAsync(HttpMethod.Post, url + "/open", null, HttpStatusCode.Unauthorized);

        Assert.Equal("open", (await finalReviewer.SendAsync(HttpMethod.Post, url + "/open", null, HttpStatusCode.OK)).GetProperty("status").GetString());
        await editor.SendAsync(HttpMethod.Put, url, Draft(first.Code), HttpStatusCode.Conflict);

        // Two citizens answer; the second quotes an ID number and a phone in the free text.
        await citizen.SendAsync(HttpMethod.Post, url + "/responses", new
        {
            key = "citizen-one",
            answers = new object[] { Pick(1, 1), Pick(2, 1, 3) },
        }, HttpStatusCode.Created);
        await citizen.SendAsync(HttpMethod.Post, url + "/responses", new
        {
            key = "citizen-two",
            answers = new object[]
            {
                Pick(1, 2), Pick(2, 3),
                new { question = 3, text = "建议富乐山公园夜间开放。我的身份证号 510703199001011234，电话 13900003333。<script>x</script>" },
            },
        }, HttpStatusCode.Created);

        // The same key again (a retried request) counts once; unknown options and missing required answers are refused.
        var twice = await citizen.SendAsync(HttpMethod.Post, url + "/responses", new { key = "citizen-one", answers = new[] { Pick(1, 3) } }, HttpStatusCode.Conflict);
        Assert.Contains("已经提交过", twice.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var unknown = await citizen.SendAsync(HttpMethod.Post, url + "/responses", new { answers = new[] { Pick(1, 7) } }, HttpStatusCode.BadRequest);
        Assert.Contains("第1题没有第 7 个选项", unknown.GetProperty("errors").GetProperty("q1")[0].GetString(), StringComparison.Ordinal);
        var missing = await citizen.SendAsync(HttpMethod.Post, url + "/responses", new { answers = new[] { Pick(2, 1) } }, HttpStatusCode.BadRequest);
        Assert.Contains("第1题为必答题", missing.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // Results cannot be published while open; the text answer is masked for the public and whole for staff.
        await finalReviewer.SendAsync(HttpMethod.Post, url + "/results/publish", new { summary = "" }, HttpStatusCode.Conflict);
        var answers = await editor.SendAsync(HttpMethod.Get, url + "/answers", null, HttpStatusCode.OK);
        var text = answers.EnumerateArray().Single();
        Assert.Contains("510703199001011234", text.GetProperty("text").GetString(), StringComparison.Ordinal);
        var masked = text.GetProperty("publicText").GetString()!;
        Assert.DoesNotContain("510703199001011234", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("13900003333", masked, StringComparison.Ordinal);
        Assert.Equal("pending", text.GetProperty("moderation").GetString());
        await citizen.SendAsync(HttpMethod.Get, url + "/answers", null, HttpStatusCode.Unauthorized);
        await otherEditor.SendAsync(HttpMethod.Get, url + "/answers", null, HttpStatusCode.Forbidden);

        // The deadline passes (after 国庆节): answers are refused, the pending text blocks publication until moderated.
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 10, 9, 0, 0, TimeSpan.FromHours(8)));
        var late = await citizen.SendAsync(HttpMethod.Post, url + "/responses", new { answers = new[] { Pick(1, 1) } }, HttpStatusCode.Conflict);
        Assert.Contains("已于 2026年10月9日 截止", late.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var blocked = await finalReviewer.SendAsync(HttpMethod.Post, url + "/results/publish", new { summary = "" }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("1 条文字回答尚未审核", blocked.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await editor.SendAsync(HttpMethod.Post, $"{url}/answers/{text.GetProperty("id").GetInt64()}/moderation", new { moderation = "shown" }, HttpStatusCode.OK);
        await editor.SendAsync(HttpMethod.Post, url + "/results/publish", new { summary = "" }, HttpStatusCode.Forbidden);
        var published = await finalReviewer.SendAsync(HttpMethod.Post, url + "/results/publish", new { summary = "结果将用于调整开放时间。" }, HttpStatusCode.OK);
        Assert.Equal("results-published", published.GetProperty("status").GetString());

        // The public reads the counts and the masked text.
        var survey = await citizen.SendAsync(HttpMethod.Get, url, null, HttpStatusCode.OK);
        var results = survey.GetProperty("results");
        Assert.Equal(2, results.GetProperty("responses").GetInt32());
        var often = results.GetProperty("questions")[0];
        Assert.Equal([1, 1, 0], often.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()));
        var parks = results.GetProperty("questions")[1];
        Assert.Equal(2, parks.GetProperty("answered").GetInt32());
        Assert.Equal([1, 0, 2], parks.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("count").GetInt32()));
        var publicText = results.GetProperty("questions")[2].GetProperty("texts")[0].GetString()!;
        Assert.Contains("建议富乐山公园夜间开放", publicText, StringComparison.Ordinal);
        Assert.DoesNotContain("510703199001011234", survey.GetRawText(), StringComparison.Ordinal);
        var listed = await citizen.SendAsync(HttpMethod.Get, "/api/v1/surveys?status=results-published", null, HttpStatusCode.OK);
        Assert.Contains(listed.EnumerateArray(), s => s.GetProperty("id").GetInt32() == id);

        // The results page: a chart per choice question with its accessible name, and the same numbers in a table.
        var page = await citizen.GetStringAsync(new Uri($"/surveys/{id}", UriKind.Relative));
        Assert.Contains("role=\"img\"", page, StringComparison.Ordinal);
        Assert.Contains("<title id=\"chart-1-title\">第1题 您多久去一次公园？（2 人作答）</title>", page, StringComparison.Ordinal);
        Assert.Contains("富乐山公园 2人（100%）", page, StringComparison.Ordinal);
        Assert.Contains("<caption>第2题数据表", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">富乐山公园</th><td>2</td><td>100%</td>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>x</script>", page, StringComparison.Ordinal);

        // Staff export every response as CSV; the public cannot.
        using var csv = await editor.GetAsync(new Uri(url + "/responses.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var rows = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, rows.Length);
        Assert.StartsWith("答卷编号,提交时间,第1题 您多久去一次公园？", rows[0], StringComparison.Ordinal);
        Assert.Contains("人民公园；富乐山公园", rows[1], StringComparison.Ordinal);
        using var anonymousCsv = await citizen.GetAsync(new Uri(url + "/responses.csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousCsv.StatusCode);

        // Every step is audited, and no audit row carries what a citizen wrote.
        using var scope = host.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(e => e.Target == $"survey:{id}").ToListAsync();
        Assert.Equal(["survey.create", "survey.open", "survey.respond", "survey.respond", "survey.answer.moderate", "survey.results.publish"],
            audit.OrderBy(e => e.Id).Select(e => e.Action));
        Assert.DoesNotContain(audit, e => (e.Detail ?? "").Contains("富乐山", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_questionnaire_works_without_JavaScript_counts_a_form_once_and_tells_a_browser_that_answered_so()
    {
        await using var host = new ParticipationClockFactory();
        var (first, _) = await ParticipationTestData.BodiesAsync(host.Services);
        using var editor = await host.CreateStaffClientAsync("form.editor", StaffRoles.Editor);
        using var finalReviewer = await host.CreateStaffClientAsync("form.final", StaffRoles.FinalReviewer);
        var id = (await editor.SendAsync(HttpMethod.Post, "/api/v1/surveys", Draft(first.Code), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        await finalReviewer.SendAsync(HttpMethod.Post, $"/api/v1/surveys/{id}/open", null, HttpStatusCode.OK);
        var pageUrl = $"/surveys/{id}";

        // Without the required answer the form comes back with the message and what was ticked.
        using var browser = host.CreateClient();
        using var refused = await browser.SubmitAsync(pageUrl, [new("Key", "form-key-1"), new("q2", "2"), new("q3", "多建座椅")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await refused.Content.ReadAsStringAsync();
        Assert.Contains("第1题为必答题，请选择。", again, StringComparison.Ordinal);
        Assert.Contains("value=\"2\" checked=\"checked\"", again, StringComparison.Ordinal);
        Assert.Contains("多建座椅</textarea>", again, StringComparison.Ordinal);

        using var accepted = await browser.SubmitAsync(pageUrl, [new("Key", "form-key-1"), new("q1", "1"), new("q2", "2"), new("q2", "3")]);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("答卷已提交", await accepted.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The same browser is told it has answered, and a second send is refused.
        Assert.Contains("这个浏览器已经提交过", await browser.GetStringAsync(new Uri(pageUrl, UriKind.Relative)), StringComparison.Ordinal);
        // A second form kept open in another tab (its token read earlier) is refused as well.
        using var secondForm = new FormUrlEncodedContent([new(PageForms.TokenField, PageForms.AntiforgeryToken(again)), new("Key", "form-key-2"), new("q1", "2")]);
        using var second = await browser.PostAsync(new Uri(pageUrl, UriKind.Relative), secondForm);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("这个浏览器已经提交过", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Another browser sending the very same form (same one-time key) is not counted again.
        using var replay = host.CreateClient();
        using var replayed = await replay.SubmitAsync(pageUrl, [new("Key", "form-key-1"), new("q1", "3")]);
        Assert.Equal(HttpStatusCode.Conflict, replayed.StatusCode);

        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        Assert.Equal(1, await db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == id));
        Assert.Equal([1, 2, 3], (await db.Set<SurveyAnswer>().Where(a => a.SurveyId == id).ToListAsync()).Select(a => a.Option ?? 0).Order());
    }

    [Fact]
    public async Task The_demo_city_shows_an_open_survey_and_a_published_one_with_charts()
    {
        await using var host = new TestAuthFactory();
        using var citizen = host.CreateClient();
        using var scope = host.Services.CreateScope();
        var surveys = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Survey>().AsNoTracking().Where(s => s.IsDemo).ToListAsync();
        var open = surveys.Single(s => s.Stage == "opened");
        var published = surveys.Single(s => s.Stage == "results-published");

        var list = await citizen.GetStringAsync(new Uri("/surveys?status=open", UriKind.Relative));
        Assert.Contains(open.Title, list, StringComparison.Ordinal);
        Assert.DoesNotContain(published.Title, list, StringComparison.Ordinal);
        Assert.Contains("提交答卷", await citizen.GetStringAsync(new Uri($"/surveys/{open.Id}", UriKind.Relative)), StringComparison.Ordinal);
        var results = await citizen.GetStringAsync(new Uri($"/surveys/{published.Id}", UriKind.Relative));
        Assert.Contains("共收到有效答卷 36 份", results, StringComparison.Ordinal);
        Assert.Equal(2, results.Split("role=\"img\"").Length - 1);
    }
}
