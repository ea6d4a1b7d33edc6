using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Gongkai.Hotline;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Hotline;

/// <summary>Files on tickets: who may add and read them, the type check by content, and the one public exception — a
/// photo the citizen marked public on the web form, which Open311 shows as <c>media_url</c>.</summary>
public sealed class HotlineAttachmentTests(HotlineClockFactory factory) : IClassFixture<HotlineClockFactory>
{
    /// <summary>A 1×1 PNG.</summary>
    internal static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    internal static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private static MultipartFormDataContent FileForm(byte[] content, string fileName, string mediaType)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        form.Add(file, "file", fileName);
        return form;
    }

    private static async Task<(int Id, string Number)> DispatchedTicketAsync(HttpClient operatorClient, string bodyCode)
    {
        var intake = await HotlineTestData.SucceededJsonAsync(await operatorClient.PostAsJsonAsync(new Uri("/api/v1/hotline/tickets", UriKind.Relative), new
        {
            channel = "letter", category = "0102", description = "来信反映小区门口占道经营，附照片。", district = "涪城区", callerName = "钱七", callerPhone = "13700001111",
        }));
        var id = intake.GetProperty("id").GetInt32();
        await HotlineTestData.SucceededJsonAsync(await operatorClient.PostAsJsonAsync(new Uri($"/api/v1/hotline/tickets/{id}/events", UriKind.Relative), new { type = "dispatched", body = bodyCode }));
        return (id, intake.GetProperty("serviceRequestId").GetString()!);
    }

    [Fact]
    public async Task The_centre_and_the_handling_body_add_and_read_files_another_body_and_anonymous_visitors_cannot()
    {
        var (first, second) = await HotlineTestData.BodiesWithRouteAsync(factory.Services);
        using var operatorClient = await factory.CreateStaffClientAsync("hotline.files", StaffRoles.HotlineOperator);
        using var firstHandler = factory.CreateClient().SignedInAs("handler.files.first", first.Id, StaffRoles.HotlineHandler);
        using var secondHandler = factory.CreateClient().SignedInAs("handler.files.second", second.Id, StaffRoles.HotlineHandler);
        using var anonymous = factory.CreateClient();
        var (id, number) = await DispatchedTicketAsync(operatorClient, first.Code);
        var attachments = new Uri($"/api/v1/hotline/tickets/{id}/attachments", UriKind.Relative);

        // The operator scans the letter's photo in; the handling body adds its site-visit record.
        using (var photo = FileForm(Png, "来信照片.png", "image/png"))
        {
            var added = await HotlineTestData.SucceededJsonAsync(await operatorClient.PostAsync(attachments, photo));
            Assert.Equal("centre", added.GetProperty("source").GetString());
            Assert.False(added.GetProperty("public").GetBoolean());
        }

        int handlerFile;
        using (var record = FileForm(Pdf, "现场核查记录.pdf", "application/pdf"))
        {
            var added = await HotlineTestData.SucceededJsonAsync(await firstHandler.PostAsync(attachments, record));
            Assert.Equal("body", added.GetProperty("source").GetString());
            handlerFile = added.GetProperty("id").GetInt32();
        }

        // Another body's staff may neither add nor read; anonymous visitors are not let in at all.
        using (var foreign = FileForm(Png, "x.png", "image/png"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await secondHandler.PostAsync(attachments, foreign)).StatusCode);
        }

        using (var anonymousUpload = FileForm(Png, "x.png", "image/png"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(attachments, anonymousUpload)).StatusCode);
        }

        var download = new Uri($"/api/v1/hotline/tickets/{id}/attachments/{handlerFile}", UriKind.Relative);
        Assert.Equal(Pdf, await (await firstHandler.GetAsync(download)).Content.ReadAsByteArrayAsync());
        Assert.Equal(Pdf, await (await operatorClient.GetAsync(download)).Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await secondHandler.GetAsync(download)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(download)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await secondHandler.GetAsync(new Uri($"/admin/hotline/tickets/{number}?handler=File&id={handlerFile}", UriKind.Relative))).StatusCode);

        // Neither file is public: the public address and Open311 know nothing of them.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri(HotlineAttachments.PublicPath(number, handlerFile), UriKind.Relative))).StatusCode);
        var open311 = JsonDocument.Parse(await anonymous.GetStringAsync(new Uri($"/open311/v2/requests/{number}.json", UriKind.Relative))).RootElement[0];
        Assert.Equal("", open311.GetProperty("media_url").GetString());

        // The ticket page lists both for the handling body; the file link works there.
        var page = await firstHandler.GetStringAsync(new Uri($"/admin/hotline/tickets/{number}", UriKind.Relative));
        Assert.Contains("来信照片.png", page, StringComparison.Ordinal);
        Assert.Contains("现场核查记录.pdf", page, StringComparison.Ordinal);
        var view = await HotlineTestData.SucceededJsonAsync(await operatorClient.GetAsync(new Uri($"/api/v1/hotline/tickets/{id}", UriKind.Relative)));
        Assert.Equal(2, view.GetProperty("attachments").GetArrayLength());
        using var scope = factory.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>().AsNoTracking()
            .Where(a => a.Action == "hotline.attachment.add" && a.Target == number).CountAsync();
        Assert.Equal(2, audit);
    }

    [Fact]
    public async Task A_file_that_is_not_a_photo_or_pdf_is_refused_in_chinese_and_the_ticket_is_kept_unchanged()
    {
        var (first, _) = await HotlineTestData.BodiesWithRouteAsync(factory.Services);
        using var operatorClient = await factory.CreateStaffClientAsync("hotline.files.bad", StaffRoles.HotlineOperator);
        var (id, number) = await DispatchedTicketAsync(operatorClient, first.Code);
        var attachments = new Uri($"/api/v1/hotline/tickets/{id}/attachments", UriKind.Relative);

        // A text file named as a photo: the bytes decide.
        using (var disguised = FileForm(Encoding.UTF8.GetBytes("这不是照片"), "现场.jpg", "image/jpeg"))
        {
            var refused = await operatorClient.PostAsync(attachments, disguised);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Matches("[\u4e00-\u9fff]", await refused.Content.ReadAsStringAsync());
        }

        // A real GIF passes the site's general upload checks but is not a ticket attachment.
        var gif = Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");
        using (var animated = FileForm(gif, "动图.gif", "image/gif"))
        {
            var refused = await operatorClient.PostAsync(attachments, animated);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("工单附件只能是照片（JPG、PNG）或 PDF 文件", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var view = await HotlineTestData.SucceededJsonAsync(await operatorClient.GetAsync(new Uri($"/api/v1/hotline/tickets/{id}", UriKind.Relative)));
        Assert.Equal("dispatched", view.GetProperty("status").GetString());
        Assert.Equal(0, view.GetProperty("attachments").GetArrayLength());
        Assert.Equal(2, view.GetProperty("events").GetArrayLength());

        // On the console, a bad file sent with a step records nothing and says why.
        using var handler = factory.CreateClient().SignedInAs("handler.files.bad", first.Id, StaffRoles.HotlineHandler);
        var ticketUrl = $"/admin/hotline/tickets/{number}";
        var token = PageForms.AntiforgeryToken(await handler.GetStringAsync(new Uri(ticketUrl, UriKind.Relative)));
        using var form = new MultipartFormDataContent
        {
            { new StringContent("returned"), "Type" },
            { new StringContent("不属本单位职责"), "Reason" },
            { new StringContent(token), PageForms.TokenField },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("MZ not a pdf")), "Upload", "说明.pdf" },
        };
        var refusedStep = await handler.PostAsync(new Uri(ticketUrl, UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.BadRequest, refusedStep.StatusCode);
        Assert.Contains("id=\"event-error\"", await refusedStep.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        view = await HotlineTestData.SucceededJsonAsync(await operatorClient.GetAsync(new Uri($"/api/v1/hotline/tickets/{id}", UriKind.Relative)));
        Assert.Equal("dispatched", view.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_citizen_photo_marked_public_on_the_web_form_is_the_open311_media_url_a_pdf_never_is()
    {
        using var citizen = factory.CreateClient();
        var token = PageForms.AntiforgeryToken(await citizen.GetStringAsync(new Uri("/hotline/new", UriKind.Relative)));
        using var form = new MultipartFormDataContent
        {
            { new StringContent("0101"), "Category" },
            { new StringContent("游仙区"), "District" },
            { new StringContent("某小区北门垃圾桶满溢，见照片。"), "Description" },
            { new StringContent("13600002222"), "CallerPhone" },
            { new StringContent("true"), "PhotosPublic" },
            { new StringContent(token), PageForms.TokenField },
            { new ByteArrayContent(Pdf), "Files", "我的身份证复印件.pdf" },
            { new ByteArrayContent(Png), "Files", "垃圾桶.png" },
        };
        var filed = await citizen.PostAsync(new Uri("/hotline/new", UriKind.Relative), form);
        var html = await filed.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, filed.StatusCode);
        var number = System.Text.RegularExpressions.Regex.Match(html, "id=\"ticket-number\">([^<]+)<").Groups[1].Value;
        Assert.StartsWith("12345-", number, StringComparison.Ordinal);

        var open311 = JsonDocument.Parse(await citizen.GetStringAsync(new Uri($"/open311/v2/requests/{number}.json", UriKind.Relative))).RootElement[0];
        var media = new Uri(open311.GetProperty("media_url").GetString()!);
        Assert.StartsWith($"/hotline/media/{number}/", media.AbsolutePath, StringComparison.Ordinal);
        var photo = await citizen.GetAsync(new Uri(media.PathAndQuery, UriKind.Relative));
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        // Served as a re-encoded copy (no camera metadata): the same picture, not the same bytes.
        using (var seen = SkiaSharp.SKBitmap.Decode(await photo.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((1, 1), (seen.Width, seen.Height));
        }

        // A public photo never changes: it may be kept by browsers and proxies, and a revalidation answers 304.
        Assert.Equal("public, max-age=3600", photo.Headers.CacheControl?.ToString());
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, new Uri(media.PathAndQuery, UriKind.Relative));
        revalidate.Headers.IfNoneMatch.Add(photo.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await citizen.SendAsync(revalidate)).StatusCode);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var files = await db.Set<HotlineAttachment>().AsNoTracking().Where(a => a.TicketId == db.Set<HotlineTicket>().Single(t => t.Number == number).Id)
            .OrderBy(a => a.Id).Select(a => new { a.Id, a.FileName, a.Public, a.Source }).ToListAsync();
        Assert.Equal([("我的身份证复印件.pdf", false), ("垃圾桶.png", true)], files.Select(f => (f.FileName, f.Public)));
        Assert.All(files, f => Assert.Equal("caller", f.Source));
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync(new Uri(HotlineAttachments.PublicPath(number, files[0].Id), UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("13600002222", open311.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_file_on_the_web_form_comes_back_with_a_chinese_message_and_the_words_kept()
    {
        using var citizen = factory.CreateClient();
        var token = PageForms.AntiforgeryToken(await citizen.GetStringAsync(new Uri("/hotline/new", UriKind.Relative)));
        using var form = new MultipartFormDataContent
        {
            { new StringContent("0101"), "Category" },
            { new StringContent("游仙区"), "District" },
            { new StringContent("北门垃圾桶满溢，附件是表格。"), "Description" },
            { new StringContent("13600003333"), "CallerPhone" },
            { new StringContent(token), PageForms.TokenField },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("a,b\n1,2\n")), "Files", "表格.csv" },
        };
        var refused = await citizen.PostAsync(new Uri("/hotline/new", UriKind.Relative), form);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("北门垃圾桶满溢，附件是表格。", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Files-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"ticket-number\"", html, StringComparison.Ordinal);
    }
}
