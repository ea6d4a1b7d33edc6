using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Requests;

/// <summary>Citizens applying at the same moment each get their own tracking number, not an error page.</summary>
public sealed class TrackingNumberConcurrencyTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task Twenty_applications_filed_at_the_same_moment_all_succeed_with_distinct_tracking_numbers()
    {
        string body;
        using (var scope = factory.Services.CreateScope())
        {
            body = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Body>().OrderBy(b => b.Id).Select(b => b.Code).FirstAsync();
        }

        // Twenty is the public form's rate limit per minute: this class has its own host, so all twenty are let through.
        var responses = await Task.WhenAll(Enumerable.Range(1, 20).Select(i => Task.Run(async () =>
        {
            using var client = factory.CreateClient();
            return await client.PostAsJsonAsync(new Uri("/api/v1/requests", UriKind.Relative), new Dictionary<string, object?>
            {
                ["applicantType"] = "自然人",
                ["name"] = "张三",
                ["idType"] = "居民身份证",
                ["idNumber"] = "11010519491231002x",
                ["phone"] = "0816-2345678",
                ["email"] = "zhangsan@example.cn",
                ["address"] = "绵阳市涪城区某路1号",
                ["description"] = $"同时提交的第{i}份申请：2024年本市老旧小区改造项目清单",
                ["docNumber"] = "",
                ["form"] = "electronic",
                ["delivery"] = "email",
                ["body"] = body,
            });
        })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = new List<string>();
        foreach (var response in responses)
        {
            numbers.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingNumber").GetString()!);
        }

        Assert.Equal(20, numbers.Distinct(StringComparer.Ordinal).Count());
        Assert.All(numbers, n => Assert.Matches(@"^YSQ-\d{4}-\d{6}$", n));
    }
}
