using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Notifications;
using Gongkai.Requests;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Gongkai.UnitTests.Publishing.Attachments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Requests;

/// <summary>Reply attachments: the officer attaches the information provided to a 网上获取 reply; the applicant
/// downloads it from the tracking page with number and query code, and nobody else does.</summary>
public sealed partial class ReplyAttachmentTests(FrozenClockFactory factory) : IClassFixture<FrozenClockFactory>
{
    [GeneratedRegex("<strong>(YSQ-\\d{4}-\\d{6})</strong>")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("查询码</th><td><strong>([A-Z0-9]+)</strong>")]
    private static partial Regex CodePattern();

    [GeneratedRegex("name=\"attachmentId\" value=\"([0-9]+)\"")]
    private static partial Regex AttachmentIdPattern();

    private static Uri U(string path) => new(path, UriKind.Relative);

    private async Task<(string Number, string Code)> ApplyAsync(HttpClient citizen, string name, string email = "")
    {
        string body;
        using (var scope = factory.Services.CreateScope())
        {
            body = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Body>().Where(b => b.Id == 1).Select(b => b.Code).SingleAsync();
        }

        var filed = await citizen.SubmitAsync("/requests/apply", new Dictionary<string, string>
        {
            ["Application.ApplicantType"] = "自然人", ["Application.Name"] = name, ["Application.IdType"] = "居民身份证",
            ["Application.IdNumber"] = "360426199101010071", ["Application.Phone"] = "13800000000", ["Application.Email"] = email,
            ["Application.Address"] = "", ["Application.Body"] = body, ["Application.Description"] = "2025年道路养护经费预算表",
            ["Application.DocNumber"] = "", ["Application.Form"] = "electronic", ["Application.Delivery"] = "online",
        });
        var html = await filed.Content.ReadAsStringAsync();
        return (NumberPattern().Match(html).Groups[1].Value, CodePattern().Match(html).Groups[1].Value);
    }

    private async Task ReplyAsync(HttpClient officer, string number)
    {
        DateOnly received;
        using (var scope = factory.Services.CreateScope())
        {
            received = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Gongkai.Requests.DisclosureRequest>()
                .Where(r => r.TrackingNumber == number).Select(r => r.ReceivedOn).SingleAsync();
        }

        using var replied = await officer.SubmitAsync($"/admin/requests/{number}", new Dictionary<string, string>
        {
            ["Event.Type"] = "replied", ["Event.On"] = received.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Event.WorkingDays"] = "", ["Event.Decision"] = "disclosed", ["Event.Details"] = "详见附件",
        });
        Assert.Contains("已登记：", await replied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient officer, string number, string fileName, byte[] content)
    {
        var page = await officer.GetStringAsync(U($"/admin/requests/{number}"));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(PageForms.AntiforgeryToken(page)), PageForms.TokenField },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await officer.PostAsync(U($"/admin/requests/{number}?handler=ReplyFile"), form);
    }

    private static Task<HttpResponseMessage> DownloadAsync(HttpClient client, string number, string code, string attachmentId) =>
        client.SubmitAsync("/requests/track", new Dictionary<string, string> { ["TrackingNumber"] = number, ["Code"] = code, ["attachmentId"] = attachmentId }, handler: "ReplyFile");

    [Fact]
    public async Task The_applicant_downloads_the_reply_file_with_number_and_code_and_nobody_else_does()
    {
        using var citizen = factory.CreateClient();
        var (number, code) = await ApplyAsync(citizen, "赵六");
        using var neighbour = factory.CreateClient();
        var (otherNumber, otherCode) = await ApplyAsync(neighbour, "钱七");
        using var officer = await factory.CreateStaffClientAsync("officer.replyfiles", StaffRoles.RequestOfficer);

        // Before the reply is recorded there is nothing to attach to: no upload form, and a forged post stores nothing.
        Assert.DoesNotContain("上传答复附件", await officer.GetStringAsync(U($"/admin/requests/{number}")), StringComparison.Ordinal);
        using (await UploadAsync(officer, number, "预算表.pdf", AttachmentFixtures.Pdf("Budget 2025")))
        {
        }

        using (var before = factory.Services.CreateScope())
        {
            Assert.False(await before.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Gongkai.Requests.RequestReplyAttachment>()
                .AnyAsync(a => a.FileName == "预算表.pdf"));
        }

        await ReplyAsync(officer, number);
        var pdf = AttachmentFixtures.Pdf("Road maintenance budget 2025");
        using (var uploaded = await UploadAsync(officer, number, "预算表.pdf", pdf))
        {
            var html = await uploaded.Content.ReadAsStringAsync();
            Assert.Contains("答复附件“预算表.pdf”已上传", html, StringComparison.Ordinal);
            Assert.Contains("预算表.pdf</a>（PDF", html, StringComparison.Ordinal);
        }

        var tracked = await (await citizen.SubmitAsync("/requests/track", new Dictionary<string, string> { ["TrackingNumber"] = number, ["Code"] = code }))
            .Content.ReadAsStringAsync();
        Assert.Contains("答复附件", tracked, StringComparison.Ordinal);
        Assert.Contains("下载 预算表.pdf", tracked, StringComparison.Ordinal);
        var attachmentId = AttachmentIdPattern().Match(tracked).Groups[1].Value;
        Assert.NotEmpty(attachmentId);

        using (var download = await DownloadAsync(citizen, number, code, attachmentId))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
            Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        }

        // Without the code, with a wrong code, or with another applicant's own valid number and code: refused alike.
        foreach (var (tryNumber, tryCode) in new[] { (number, ""), (number, "WRONGCODE1"), (otherNumber, otherCode) })
        {
            using var refused = await DownloadAsync(neighbour, tryNumber, tryCode, attachmentId);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("申请编号或查询码不正确", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var scope = factory.Services.CreateScope();
        var actions = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>()
            .Where(a => a.Target.StartsWith(number + "/reply-attachment:")).Select(a => a.Action).ToListAsync();
        Assert.Contains("request.reply.attachment.add", actions);
        Assert.Single(actions, a => a == "request.reply.attachment.download");
    }

    [Fact]
    public async Task An_applicant_with_an_e_mail_address_is_told_of_each_reply_file_and_where_to_download_it_without_code_or_link()
    {
        using var citizen = factory.CreateClient();
        var (number, code) = await ApplyAsync(citizen, "周九", "zhoujiu@example.cn");
        using var officer = await factory.CreateStaffClientAsync("officer.replyfiles4", StaffRoles.RequestOfficer);
        await ReplyAsync(officer, number);
        using (await UploadAsync(officer, number, "养护经费预算表.pdf", AttachmentFixtures.Pdf("Budget")))
        {
        }

        using (await UploadAsync(officer, number, "说明.pdf", AttachmentFixtures.Pdf("Notes")))
        {
        }

        using var scope = factory.Services.CreateScope();
        var mails = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.To == "zhoujiu@example.cn" && m.Kind == ApplicantMail.ReplyFileKind).ToListAsync();
        Assert.Equal(2, mails.Count);
        Assert.Contains("现有 1 个附件", Assert.Single(mails, m => m.Body.Contains("养护经费预算表.pdf", StringComparison.Ordinal)).Body, StringComparison.Ordinal);
        Assert.Contains("现有 2 个附件", Assert.Single(mails, m => m.Body.Contains("说明.pdf", StringComparison.Ordinal)).Body, StringComparison.Ordinal);
        foreach (var mail in mails)
        {
            Assert.Contains(number, mail.Subject, StringComparison.Ordinal);
            Assert.Contains("/requests/track", mail.Body, StringComparison.Ordinal);
            Assert.Contains("申请编号和查询码", mail.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(code, mail.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("attachmentId", mail.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("http", mail.Body, StringComparison.OrdinalIgnoreCase);
        }

        // An applicant without an address gets nothing, and the upload still works.
        var (silent, _) = await ApplyAsync(citizen, "吴十");
        await ReplyAsync(officer, silent);
        using (var uploaded = await UploadAsync(officer, silent, "吴十的答复材料.pdf", AttachmentFixtures.Pdf("Budget")))
        {
            Assert.Contains("答复附件“吴十的答复材料.pdf”已上传", await uploaded.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.False(await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<OutboxMessage>()
            .AnyAsync(m => m.Kind == ApplicantMail.ReplyFileKind && m.Subject.Contains(silent)));
    }

    [Fact]
    public async Task A_file_whose_content_is_not_what_its_name_says_is_refused_in_chinese_and_an_officer_of_another_body_may_not_attach()
    {
        using var citizen = factory.CreateClient();
        var (number, _) = await ApplyAsync(citizen, "孙八");
        using var officer = await factory.CreateStaffClientAsync("officer.replyfiles2", StaffRoles.RequestOfficer);
        await ReplyAsync(officer, number);

        using (var disguised = await UploadAsync(officer, number, "答复.pdf", "MZ\u0090 这是一个程序"u8.ToArray()))
        {
            var html = await disguised.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, disguised.StatusCode);
            Assert.Contains("id=\"reply-file-error\"", html, StringComparison.Ordinal);
            Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        }

        using var elsewhere = await factory.CreateStaffClientAsync("officer.replyfiles3", StaffRoles.RequestOfficer);
        elsewhere.DefaultRequestHeaders.Remove(TestAuth.BodyHeader);
        elsewhere.DefaultRequestHeaders.Add(TestAuth.BodyHeader, "2");
        using var form = new MultipartFormDataContent { { new ByteArrayContent(AttachmentFixtures.Pdf("x")), "file", "x.pdf" } };
        using var foreign = await elsewhere.PostAsync(U($"/admin/requests/{number}?handler=ReplyFile"), form);
        Assert.NotEqual(HttpStatusCode.OK, foreign.StatusCode);
        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Gongkai.Requests.RequestReplyAttachment>()
            .AnyAsync(a => a.FileName == "x.pdf"));
    }
}
