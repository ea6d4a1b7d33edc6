using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Gongkai.Organizations;
using Gongkai.Platform.Identity;
using Gongkai.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Tests.Portal;

public sealed class PublicCacheTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private async Task SetHeadNameBehindTheApplicationsBackAsync(string code, string headName)
    {
        var db = factory.NewDbContext(out var scope);
        using (scope)
        {
            await db.Set<Body>().Where(b => b.Code == code).ExecuteUpdateAsync(s => s.SetProperty(b => b.HeadName, headName));
        }
    }

    [Fact]
    public async Task A_cached_profile_is_served_until_an_edit_through_the_application_evicts_it()
    {
        using var visitor = factory.CreateClient();
        await visitor.GetStringAsync(new Uri("/bodies/ztxzjj", UriKind.Relative));
        var cached = await visitor.GetStringAsync(new Uri("/bodies/ztxzjj", UriKind.Relative));
        Assert.Contains("邹云峰", cached, StringComparison.Ordinal);

        await SetHeadNameBehindTheApplicationsBackAsync("ztxzjj", "冯某某");
        Assert.Contains("邹云峰", await visitor.GetStringAsync(new Uri("/bodies/ztxzjj", UriKind.Relative)), StringComparison.Ordinal);

        using var admin = factory.CreateClient().SignedInAs("sysadmin", 1, StaffRoles.SystemAdmin);
        var profile = await visitor.GetFromJsonAsync<Dictionary<string, JsonElement>>(new Uri("/api/v1/bodies/ztxzjj", UriKind.Relative));
        var request = profile!.ToDictionary(p => p.Key, p => (object?)p.Value);
        request["phone"] = "0816-8200000";
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(new Uri("/api/v1/bodies/ztxzjj", UriKind.Relative), request)).StatusCode);

        var fresh = await visitor.GetStringAsync(new Uri("/bodies/ztxzjj", UriKind.Relative));
        Assert.Contains("0816-8200000", fresh, StringComparison.Ordinal);
        Assert.Contains("冯某某", fresh, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Public_pages_carry_no_per_visitor_token_and_each_display_preference_gets_its_own_copy()
    {
        using var first = factory.CreateClient();
        var page = await first.GetStringAsync(new Uri("/site-map", UriKind.Relative));
        Assert.DoesNotContain("__RequestVerificationToken", page, StringComparison.Ordinal);
        await first.GetStringAsync(new Uri("/site-map", UriKind.Relative));

        using var second = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await second.GetAsync(new Uri("/preferences?elderly=on&returnUrl=%2Fsite-map", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("<body class=\"elderly\">", await second.GetStringAsync(new Uri("/site-map", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain("<body class=\"elderly\">", await first.GetStringAsync(new Uri("/site-map", UriKind.Relative)), StringComparison.Ordinal);
    }
}
