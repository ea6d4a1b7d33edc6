using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Platform.Notifications;
using Gongkai.Requests;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Requests;

/// <summary>A host where one client may file many applications a minute (the per-address limit has tests of its own).</summary>
public sealed class ManyFilingsAllowedFactory : TestAuthFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Requests:ApplyPerMinute"] = "1000" };
}

/// <summary>Filing exactly once: the API's Idempotency-Key, the form's post-redirect-get with its one-time key, and the
/// e-mails an applicant who gives an address receives.</summary>
public sealed partial class RequestFilingTests(ManyFilingsAllowedFactory factory) : IClassFixture<ManyFilingsAllowedFactory>
{
    private static readonly Uri Requests = new("/api/v1/requests", UriKind.Relative);

    private async Task<string> BodyCodeAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Body>().Where(b => b.Id == 1).Select(b => b.Code).SingleAsync();
    }

    private async Task<Dictionary<string, object?>> ApplicationAsync(string description, string email = "") => new()
    {
        ["applicantType"] = "自然人", ["name"] = "孙八", ["idType"] = "护照", ["idNumber"] = "P7654321", ["phone"] = "13900000000",
        ["email"] = email, ["description"] = description, ["form"] = "electronic", ["delivery"] = "online", ["body"] = await BodyCodeAsync(),
    };

    private static HttpRequestMessage Post(object application, string? key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Requests) { Content = JsonContent.Create(application) };
        if (key is not null)
        {
            request.Headers.Add(RequestsApi.IdempotencyKeyHeader, key);
        }

        return request;
    }

    private async Task<int> CountAsync(string description)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<DisclosureRequest>().CountAsync(r => r.Description == description);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task The_same_key_and_application_sent_again_return_the_first_filing_with_its_code()
    {
        using var client = factory.CreateClient();
        var application = await ApplicationAsync("重试测试：2024年度城市道路养护经费");
        var key = Guid.NewGuid().ToString();

        using var first = await client.SendAsync(Post(application, key));
        using var second = await client.SendAsync(Post(application, key));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        var a = await JsonAsync(first);
        var b = await JsonAsync(second);
        Assert.Equal(a.GetProperty("trackingNumber").GetString(), b.GetProperty("trackingNumber").GetString());
        Assert.Equal(a.GetProperty("code").GetString(), b.GetProperty("code").GetString());
        Assert.Equal(a.GetProperty("dueOn").GetString(), b.GetProperty("dueOn").GetString());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", Assert.Single(second.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(1, await CountAsync("重试测试：2024年度城市道路养护经费"));

        // The replayed code really is the application's code.
        using var tracked = await RequestsApiTests.TrackAsync(client, b.GetProperty("trackingNumber").GetString()!, b.GetProperty("code").GetString()!);
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
    }

    [Fact]
    public async Task Without_a_key_two_posts_are_two_applications()
    {
        using var client = factory.CreateClient();
        var application = await ApplicationAsync("无键测试：2023年度河道整治项目验收报告");
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Post(application, null))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Post(application, null))).StatusCode);
        Assert.Equal(2, await CountAsync("无键测试：2023年度河道整治项目验收报告"));
    }

    [Fact]
    public async Task The_same_key_with_a_different_application_is_a_422_and_files_nothing()
    {
        using var client = factory.CreateClient();
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(Post(await ApplicationAsync("换内容测试：原申请"), key))).StatusCode);

        using var changed = await client.SendAsync(Post(await ApplicationAsync("换内容测试：另一份申请"), key));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Equal("application/problem+json", changed.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(changed);
        Assert.Contains("Idempotency-Key", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("不同", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("换内容测试：另一份申请"));
    }

    [Fact]
    public async Task A_key_too_long_or_with_spaces_is_a_400_naming_the_header()
    {
        using var client = factory.CreateClient();
        foreach (var key in new[] { new string('k', 129), "two words" })
        {
            using var response = await client.SendAsync(Post(await ApplicationAsync("坏键测试"), key));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Idempotency-Key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(0, await CountAsync("坏键测试"));
    }

    [Fact]
    public async Task Concurrent_posts_with_one_key_file_one_application()
    {
        var application = await ApplicationAsync("并发测试：2024年度保障性住房分配名单");
        var key = Guid.NewGuid().ToString();
        var clients = Enumerable.Range(0, 4).Select(_ => factory.CreateClient()).ToList();
        try
        {
            var responses = await Task.WhenAll(clients.Select(c => c.SendAsync(Post(application, key))));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
            var numbers = await Task.WhenAll(responses.Select(async r => (await JsonAsync(r)).GetProperty("trackingNumber").GetString()));
            Assert.Single(numbers.Distinct());
            Assert.Equal(1, await CountAsync("并发测试：2024年度保障性住房分配名单"));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task An_applicant_with_an_e_mail_address_gets_the_acknowledgement_and_a_notice_of_a_correction_request()
    {
        using var client = factory.CreateClient();
        using var filed = await client.SendAsync(Post(await ApplicationAsync("邮件测试：2024年度公交线路调整方案", "sunba@example.cn"), null));
        var json = await JsonAsync(filed);
        var number = json.GetProperty("trackingNumber").GetString()!;
        var code = json.GetProperty("code").GetString()!;

        using var officer = await factory.CreateStaffClientAsync("officer.mail", StaffRoles.RequestOfficer);
        var received = json.GetProperty("receivedOn").GetString();
        using var correction = await officer.PostAsJsonAsync(new Uri($"/api/v1/requests/{number}/events", UriKind.Relative),
            new { type = "correction-requested", on = received, details = "请写明线路编号" });
        Assert.Equal(HttpStatusCode.OK, correction.StatusCode);

        using var scope = factory.Services.CreateScope();
        var mails = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<OutboxMessage>()
            .Where(m => m.To == "sunba@example.cn").ToListAsync();
        var acknowledgement = Assert.Single(mails, m => m.Kind == ApplicantMail.AcknowledgementKind);
        Assert.Contains(number, acknowledgement.Subject, StringComparison.Ordinal);
        Assert.Contains(code, acknowledgement.Body, StringComparison.Ordinal);
        Assert.Contains("答复期限", acknowledgement.Body, StringComparison.Ordinal);
        var notice = Assert.Single(mails, m => m.Kind == ApplicantMail.EventKind);
        Assert.Contains("告知补正", notice.Subject, StringComparison.Ordinal);
        Assert.Contains("请写明线路编号", notice.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(code, notice.Body, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Form(string body, string description) => new()
    {
        ["Application.ApplicantType"] = "自然人", ["Application.Name"] = "周九", ["Application.IdType"] = "护照",
        ["Application.IdNumber"] = "G1234567", ["Application.Phone"] = "13700000009", ["Application.Email"] = "",
        ["Application.Address"] = "", ["Application.Body"] = body, ["Application.Description"] = description,
        ["Application.DocNumber"] = "", ["Application.Form"] = "electronic", ["Application.Delivery"] = "online",
    };

    [GeneratedRegex("name=\"FilingKey\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex FilingKeyPattern();

    [GeneratedRegex("申请编号</th><td><strong>(YSQ-\\d{4}-\\d{6})</strong>")]
    private static partial Regex NumberPattern();

    [Fact]
    public async Task The_form_redirects_to_its_confirmation_and_neither_a_refresh_nor_a_second_post_files_again()
    {
        using var citizen = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var formHtml = await citizen.GetStringAsync(new Uri("/requests/apply", UriKind.Relative));
        var key = FilingKeyPattern().Match(formHtml).Groups[1].Value;
        Assert.NotEmpty(key);
        var description = "表单测试：2025年老旧小区加装电梯补助名单";
        var fields = Form(await BodyCodeAsync(), description);
        fields["FilingKey"] = key;
        fields[PageForms.TokenField] = PageForms.AntiforgeryToken(formHtml);

        using var posted = await citizen.PostAsync(new Uri("/requests/apply", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var confirmation = posted.Headers.Location!.OriginalString;
        Assert.Contains("handler=Filed", confirmation, StringComparison.Ordinal);

        var shown = await citizen.GetStringAsync(new Uri(confirmation, UriKind.Relative));
        var number = NumberPattern().Match(shown).Groups[1].Value;
        Assert.NotEmpty(number);
        var refreshed = await citizen.GetStringAsync(new Uri(confirmation, UriKind.Relative));
        Assert.Equal(number, NumberPattern().Match(refreshed).Groups[1].Value);

        // A double click or the browser re-sending the post: the same key answers with the same application.
        using var again = await citizen.PostAsync(new Uri("/requests/apply", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(number, NumberPattern().Match(await citizen.GetStringAsync(new Uri(confirmation, UriKind.Relative))).Groups[1].Value);
        Assert.Equal(1, await CountAsync(description));

        // Another browser at the confirmation address sees no one's application, only where to go.
        using var stranger = factory.CreateClient();
        var elsewhere = await stranger.GetStringAsync(new Uri(confirmation, UriKind.Relative));
        Assert.DoesNotContain(number, elsewhere, StringComparison.Ordinal);
        Assert.Contains("申请查询", elsewhere, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_form_posted_again_with_changed_text_says_so_and_files_it_only_on_a_second_deliberate_submit()
    {
        using var citizen = factory.CreateClient();
        var formHtml = await citizen.GetStringAsync(new Uri("/requests/apply", UriKind.Relative));
        var fields = Form(await BodyCodeAsync(), "改后重交测试：原内容");
        fields["FilingKey"] = FilingKeyPattern().Match(formHtml).Groups[1].Value;
        fields[PageForms.TokenField] = PageForms.AntiforgeryToken(formHtml);
        using var first = await citizen.PostAsync(new Uri("/requests/apply", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Contains("申请已提交", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        fields["Application.Description"] = "改后重交测试：修改后的内容";
        using var changed = await citizen.PostAsync(new Uri("/requests/apply", UriKind.Relative), new FormUrlEncodedContent(fields));
        var html = await changed.Content.ReadAsStringAsync();
        Assert.Contains("已经提交过一次", html, StringComparison.Ordinal);
        Assert.Contains("改后重交测试：修改后的内容", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("改后重交测试：修改后的内容"));

        fields["FilingKey"] = FilingKeyPattern().Match(html).Groups[1].Value;
        Assert.NotEqual(fields["FilingKey"], FilingKeyPattern().Match(formHtml).Groups[1].Value);
        using var deliberate = await citizen.PostAsync(new Uri("/requests/apply", UriKind.Relative), new FormUrlEncodedContent(fields));
        Assert.Contains("申请已提交", await deliberate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync("改后重交测试：修改后的内容"));
    }
}
