using System.Net;
using System.Net.Http.Json;
using Gongkai.Organizations;
using Gongkai.Publishing;
using Gongkai.Search;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Search;

public sealed class SearchIntegrationTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_published_document_becomes_searchable_and_a_withdrawn_one_vanishes()
    {
        var client = factory.CreateClient();
        var document = await PublishAsync("关于推进萤火虫观测站建设的实施意见", "绵府发〔2026〕77号", "推进萤火虫观测站建设，方便市民夜间观察。");

        var found = await WaitForAsync(client, "萤火虫观测站", r => r.Items.Any(i => i.IndexNo == document.IndexNo));
        var item = found.Items.Single(i => i.IndexNo == document.IndexNo);
        Assert.Contains("<mark>", item.Snippet, StringComparison.Ordinal);
        Assert.Equal("有效", item.Validity);

        // A 文号 typed with square brackets finds the document first.
        var byNumber = await SearchAsync(client, "绵府发[2026]77号");
        Assert.Equal(document.IndexNo, byNumber.Items[0].IndexNo);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Gongkai.Platform.Data.GongkaiDbContext>();
            var publisher = scope.ServiceProvider.GetRequiredService<DocumentPublisher>();
            var tracked = await db.Set<Document>().SingleAsync(d => d.Id == document.Id);
            publisher.MarkWithdrawn(tracked, "测试撤回", null, "测试");
            await publisher.SaveAndEvictAsync();
        }

        await WaitForAsync(client, "萤火虫观测站", r => r.Items.All(i => i.IndexNo != document.IndexNo));
    }

    [Fact]
    public async Task A_repealed_document_stays_findable_marked_and_filterable()
    {
        var client = factory.CreateClient();
        var document = await PublishAsync("蜂鸟驿站管理暂行办法", null, "蜂鸟驿站的设置和管理适用本办法。");
        await WaitForAsync(client, "蜂鸟驿站", r => r.Items.Any(i => i.IndexNo == document.IndexNo));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Gongkai.Platform.Data.GongkaiDbContext>();
            var publisher = scope.ServiceProvider.GetRequiredService<DocumentPublisher>();
            var tracked = await db.Set<Document>().SingleAsync(d => d.Id == document.Id);
            tracked.Validity = DocumentValidity.Repealed;
            publisher.MarkCorrected(tracked, "已废止", null, "测试");
            await publisher.SaveAndEvictAsync();
        }

        var repealed = await WaitForAsync(client, "蜂鸟驿站", r => r.Items.Any(i => i.IndexNo == document.IndexNo && i.Validity == "废止"));
        Assert.Contains(repealed.Facets["validity"], v => v.Value == "废止" && v.Count >= 1);
        var onlyValid = await SearchAsync(client, "蜂鸟驿站", "&validity=valid");
        Assert.DoesNotContain(onlyValid.Items, i => i.IndexNo == document.IndexNo);
        var onlyRepealed = await SearchAsync(client, "蜂鸟驿站", "&validity=" + Uri.EscapeDataString("废止"));
        Assert.Contains(onlyRepealed.Items, i => i.IndexNo == document.IndexNo);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("?")]
    [InlineData("title:")]
    [InlineData("AND(")]
    [InlineData("((低保]")]
    [InlineData("😀 公开 🚀")]
    [InlineData("Ｇｏｎｇｋａｉ 政務公開 mixed 文字")]
    public async Task Awkward_queries_get_an_answer_never_a_server_error(string query)
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(query));
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{query} → {(int)response.StatusCode}");
        var page = await factory.CreateClient().GetAsync("/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task An_empty_query_is_refused_with_a_chinese_message_and_a_very_long_one_is_cut()
    {
        var client = factory.CreateClient();
        var empty = await client.GetAsync("/api/v1/search?q=");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("请输入检索词", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var longQuery = string.Concat(Enumerable.Repeat("政府信息公开", 500));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(longQuery))).StatusCode);
        var page = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString(longQuery));
        Assert.Contains("只使用了前 100 个字", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_page_shows_results_with_facet_links_and_the_status_reports_the_index()
    {
        var client = factory.CreateClient();
        var document = await PublishAsync("关于城市候鸟保护区划定的通知", null, "候鸟保护区范围如下。");
        await WaitForAsync(client, "候鸟保护区", r => r.Items.Any(i => i.IndexNo == document.IndexNo));

        var html = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("候鸟保护区"));
        Assert.Contains("关于城市候鸟保护区划定的通知", html, StringComparison.Ordinal);
        Assert.Contains("<mark>候鸟保护区</mark>", html, StringComparison.Ordinal);
        Assert.Contains("发布机构", html, StringComparison.Ordinal);

        var status = await client.GetFromJsonAsync<SearchStatus>("/api/v1/search/status");
        Assert.NotNull(status);
        Assert.True(status.Documents >= 1);
    }

    private async Task<Document> PublishAsync(string title, string? docNumber, string text)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Gongkai.Platform.Data.GongkaiDbContext>();
        var body = await db.Set<Body>().OrderBy(b => b.Id).FirstAsync();
        var publisher = scope.ServiceProvider.GetRequiredService<DocumentPublisher>();
        return await publisher.PublishAsync(new DocumentDraft(title, docNumber, body.Id, DocumentCatalog.Types[0], DocumentCatalog.Subjects[0], null, text));
    }

    private static async Task<SearchResponse> SearchAsync(HttpClient client, string query, string extra = "")
    {
        var response = await client.GetFromJsonAsync<SearchResponse>("/api/v1/search?q=" + Uri.EscapeDataString(query) + extra);
        return response!;
    }

    internal static async Task<SearchResponse> WaitForAsync(HttpClient client, string query, Func<SearchResponse, bool> condition)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var result = await SearchAsync(client, query);
            if (condition(result))
            {
                return result;
            }

            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for the index to answer \"{query}\" as expected");
            await Task.Delay(50);
        }
    }
}
