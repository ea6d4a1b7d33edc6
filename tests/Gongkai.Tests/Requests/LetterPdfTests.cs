using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Requests;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Gongkai.UnitTests.Platform.Pdf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Requests;

/// <summary>The 告知书 as a PDF: the letter's wording, readable back from the file; only request officers get it.</summary>
public sealed class LetterPdfTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    [Fact]
    public async Task A_replied_request_has_a_pdf_letter_with_the_decision_and_remedy_notice()
    {
        using var officer = await factory.CreateStaffClientAsync("officer.pdf", StaffRoles.RequestOfficer);
        string bodyCode;
        using (var scope = factory.Services.CreateScope())
        {
            bodyCode = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Body>().Where(b => b.Id == 1).Select(b => b.Code).SingleAsync();
        }

        var filed = await officer.PostAsJsonAsync("/api/v1/requests", new Dictionary<string, object?>
        {
            ["applicantType"] = "自然人", ["name"] = "张三", ["idType"] = "居民身份证", ["idNumber"] = "11010519491231002x",
            ["phone"] = "0816-2345678", ["email"] = "zhangsan@example.cn", ["address"] = "绵阳市涪城区某路1号",
            ["description"] = "2024年本市老旧小区改造项目清单", ["docNumber"] = "", ["form"] = "electronic", ["delivery"] = "email",
            ["body"] = bodyCode, ["channel"] = "post", ["receivedOn"] = "2024-09-27",
        });
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var number = (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingNumber").GetString()!;
        var letterUrl = new Uri($"/admin/requests/{number}/letter.pdf", UriKind.Relative);

        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync(letterUrl)).StatusCode);

        (await officer.PostAsJsonAsync(new Uri($"/api/v1/requests/{number}/events", UriKind.Relative),
            new { type = "replied", on = "2024-10-29", decision = "partly-disclosed" })).EnsureSuccessStatusCode();
        using var response = await officer.GetAsync(letterUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = PdfText.Of(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("政府信息公开申请答复告知书", text, StringComparison.Ordinal);
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("申请行政复议", text, StringComparison.Ordinal);

        // The whole letter reads back exactly as written: no character comes out as a look-alike (⼈⺠ for 人民).
        string letter;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            var requestId = await db.Set<DisclosureRequest>().Where(r => r.TrackingNumber == number).Select(r => r.Id).SingleAsync();
            letter = await db.Set<RequestReply>().Where(r => r.RequestId == requestId).Select(r => r.LetterText).SingleAsync();
        }

        Assert.Contains("人民政府", letter, StringComparison.Ordinal);
        Assert.Contains(WithoutSpaces(letter), WithoutSpaces(text), StringComparison.Ordinal);

        using var editor = await factory.CreateStaffClientAsync("editor.pdf", StaffRoles.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(letterUrl)).StatusCode);
    }

    private static string WithoutSpaces(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
