using System.Net;
using System.Net.Http.Json;
using Gongkai.Participation;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Participation;

/// <summary>The public pages and the comment form without JavaScript, on the demo city's consultations (seeded
/// relative to today, so this host keeps the real clock).</summary>
public sealed class ConsultationPagesTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private async Task<(Consultation Open, Consultation Closed)> DemoAsync()
    {
        using var scope = factory.Services.CreateScope();
        var all = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Consultation>().AsNoTracking().Where(c => c.IsDemo).ToListAsync();
        return (all.Single(c => c.Stage == "opened"), all.Single(c => c.Stage == "feedback-published"));
    }

    [Fact]
    public async Task The_demo_city_shows_an_open_consultation_and_a_closed_one_with_its_feedback()
    {
        var (open, closed) = await DemoAsync();
        using var citizen = factory.CreateClient();

        var list = await citizen.GetStringAsync(new Uri("/consultations?status=open", UriKind.Relative));
        Assert.Contains(open.Title, list, StringComparison.Ordinal);
        Assert.DoesNotContain(closed.Title, list, StringComparison.Ordinal);
        var published = await citizen.GetStringAsync(new Uri("/consultations?status=feedback-published", UriKind.Relative));
        Assert.Contains(closed.Title, published, StringComparison.Ordinal);

        var feedback = await citizen.GetStringAsync(new Uri($"/consultations/{closed.Id}/feedback", UriKind.Relative));
        Assert.Contains("不予采纳", feedback, StringComparison.Ordinal);
        Assert.Contains("全天免费易造成车辆长时间占用", feedback, StringComparison.Ordinal);
        Assert.Contains("信函", feedback, StringComparison.Ordinal);

        // An open consultation has no feedback page yet.
        using var none = await citizen.GetAsync(new Uri($"/consultations/{open.Id}/feedback", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact]
    public async Task The_atom_feed_announces_open_consultations_and_published_feedback_but_never_a_draft()
    {
        var (open, closed) = await DemoAsync();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            db.Add(new Consultation { BodyId = open.BodyId, Title = "尚未开始征求意见的草稿（订阅测试）", Kind = "other", CreatedBy = "feed.editor", OpensOn = open.OpensOn, ClosesOn = open.ClosesOn });
            await db.SaveChangesAsync();
        }

        using var citizen = factory.CreateClient();
        Assert.Contains("href=\"/consultations/atom.xml\"", await citizen.GetStringAsync(new Uri("/consultations", UriKind.Relative)), StringComparison.Ordinal);
        using var response = await citizen.GetAsync(new Uri("/consultations/atom.xml", UriKind.Relative));
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var atom = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace ns = "http://www.w3.org/2005/Atom";
        var entries = atom.Root!.Elements(ns + "entry").ToDictionary(e => e.Element(ns + "link")!.Attribute("href")!.Value, e => e.Element(ns + "title")!.Value);
        Assert.Equal($"{open.Title}（正在征集）", entries.Single(e => e.Key.EndsWith($"/consultations/{open.Id}", StringComparison.Ordinal)).Value);
        Assert.Equal($"{closed.Title}（已公布反馈）", entries.Single(e => e.Key.EndsWith($"/consultations/{closed.Id}", StringComparison.Ordinal)).Value);
        Assert.DoesNotContain(entries.Values, t => t.Contains("尚未开始征求意见的草稿", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_comment_without_text_comes_back_with_a_message_and_what_was_typed_and_a_good_one_is_confirmed_without_echoing_the_contact()
    {
        var (open, _) = await DemoAsync();
        using var citizen = factory.CreateClient();
        var pageUrl = $"/consultations/{open.Id}";

        using var refused = await citizen.SubmitAsync(pageUrl, [new("Text", " "), new("Contact", "13700002222"), new("Clause", "第三条")]);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await refused.Content.ReadAsStringAsync();
        Assert.Contains("请填写意见内容", again, StringComparison.Ordinal);
        Assert.Contains("value=\"第三条\"", again, StringComparison.Ordinal);

        using var accepted = await citizen.SubmitAsync(pageUrl, [new("Text", "建议增设<b>犬只便溺</b>收集箱。"), new("Contact", "13700002222"), new("Option", "2")]);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var confirmation = await accepted.Content.ReadAsStringAsync();
        Assert.Contains("意见已提交", confirmation, StringComparison.Ordinal);
        Assert.Contains("按纯文字原样保存", confirmation, StringComparison.Ordinal);
        Assert.DoesNotContain("13700002222", confirmation, StringComparison.Ordinal);

        // Stored as typed, pending moderation, so it is not on the public page yet.
        using var scope = factory.Services.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<ConsultationComment>().AsNoTracking()
            .SingleAsync(c => c.ConsultationId == open.Id && c.Contact == "13700002222");
        Assert.Equal("建议增设<b>犬只便溺</b>收集箱。", stored.Text);
        Assert.Equal(2, stored.Option);
        Assert.Equal("pending", stored.Moderation);
        Assert.DoesNotContain("犬只便溺", await citizen.GetStringAsync(new Uri(pageUrl, UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_console_walks_an_editor_through_recording_a_letter_and_moderating_it()
    {
        var (open, _) = await DemoAsync();
        using var editor = await factory.CreateStaffClientAsync("pages.editor", StaffRoles.Editor);
        var pageUrl = $"/admin/consultations/{open.Id}";

        using var recorded = await editor.SubmitAsync(pageUrl, [new("Channel", "letter"), new("ReceivedOn", open.OpensOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), new("Text", "来信：建议第三条写明夜间遛犬佩戴发光项圈。"), new("Contact", "某区某街道")], handler: "Record");
        Assert.Contains("意见已登记，待审核。", await recorded.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var letter = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<ConsultationComment>().AsNoTracking()
            .SingleAsync(c => c.ConsultationId == open.Id && c.Channel == "letter");
        Assert.Equal("pages.editor", letter.RecordedBy);

        using var shown = await editor.SubmitAsync(pageUrl, [new("commentId", letter.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("moderation", "shown")], handler: "Moderate");
        Assert.Contains("审核结果已保存。", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var citizen = factory.CreateClient();
        Assert.Contains("夜间遛犬佩戴发光项圈", await citizen.GetStringAsync(new Uri($"/consultations/{open.Id}", UriKind.Relative)), StringComparison.Ordinal);

        // A letter dated before the period is refused with the period named, the form kept.
        using var early = await editor.SubmitAsync(pageUrl, [new("Channel", "letter"), new("ReceivedOn", "2026-01-01"), new("Text", "早来的信"), new("Contact", "x")], handler: "Record");
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        var page = await early.Content.ReadAsStringAsync();
        Assert.Contains("收到日期应在征集期内", page, StringComparison.Ordinal);
        Assert.Contains("早来的信", page, StringComparison.Ordinal);
    }
}

/// <summary>The document a consultation produced names the consultation once staff link it.</summary>
public sealed class ConsultationDocumentLinkTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    [Fact]
    public async Task A_published_document_links_the_consultation_and_its_feedback_once_staff_link_them()
    {
        string indexNo;
        Consultation closed;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            closed = await db.Set<Consultation>().AsNoTracking().FirstAsync(c => c.IsDemo && c.Stage == "feedback-published");
            indexNo = await db.Set<Gongkai.Publishing.Document>().Where(d => d.IndexNo != null && d.PublishedAt != null && d.WithdrawnAt == null && d.BodyId == closed.BodyId)
                .Select(d => d.IndexNo!).FirstAsync();
        }

        using var editor = await factory.CreateStaffClientAsync("link.editor", StaffRoles.Editor);
        using var unknown = await editor.SubmitAsync($"/admin/consultations/{closed.Id}", [new("IndexNo", "NO-SUCH-INDEX")], handler: "Link");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("没有索引号为“NO-SUCH-INDEX”的已公开文件", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var linked = await editor.SubmitAsync($"/admin/consultations/{closed.Id}", [new("IndexNo", indexNo)], handler: "Link");
        Assert.Contains("关联文件已保存", await linked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var citizen = factory.CreateClient();
        var document = await citizen.GetStringAsync(new Uri("/documents/" + indexNo, UriKind.Relative));
        Assert.Contains("公开征求意见", document, StringComparison.Ordinal);
        Assert.Contains($"href=\"/consultations/{closed.Id}/feedback\"", document, StringComparison.Ordinal);
        Assert.Contains($"/documents/{indexNo}", await citizen.GetStringAsync(new Uri($"/consultations/{closed.Id}", UriKind.Relative)), StringComparison.Ordinal);
    }
}

/// <summary>The per-address comment limit, on a host of its own with the default limit.</summary>
public sealed class ConsultationRateLimitTests : IClassFixture<TestAuthFactory>
{
    private readonly TestAuthFactory _factory;

    public ConsultationRateLimitTests(TestAuthFactory factory) => _factory = factory;

    [Fact]
    public async Task Twenty_comments_a_minute_from_one_address_are_slowed_with_a_Chinese_message()
    {
        using var scope = _factory.Services.CreateScope();
        var open = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Consultation>().AsNoTracking().FirstAsync(c => c.IsDemo && c.Stage == "opened");
        using var client = _factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        string? refusal = null;
        for (var i = 0; i < 20; i++)
        {
            using var response = await client.PostAsJsonAsync(new Uri($"/api/v1/consultations/{open.Id}/comments", UriKind.Relative), new { contact = "x@example.com", text = $"第{i}条意见" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refusal = await response.Content.ReadAsStringAsync();
            }
        }

        Assert.Equal(ParticipationRateLimits.DefaultPerMinute, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(20 - ParticipationRateLimits.DefaultPerMinute, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Contains("请一分钟后再试", refusal, StringComparison.Ordinal);
    }
}
