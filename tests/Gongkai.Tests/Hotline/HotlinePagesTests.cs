using System.Net;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Hotline;

public sealed class HotlinePagesTests(HotlineClockFactory factory) : IClassFixture<HotlineClockFactory>
{
    [Fact]
    public async Task An_operator_takes_a_call_on_the_console_and_dispatches_it_to_the_proposed_body()
    {
        var (first, _) = await HotlineTestData.BodiesWithRouteAsync(factory.Services);
        using var operatorClient = await factory.CreateStaffClientAsync("hotline.pages", StaffRoles.HotlineOperator);
        factory.Clock.SetUtcNow(HotlineClockFactory.Start);

        var refused = await operatorClient.SubmitAsync("/admin/hotline/new", new Dictionary<string, string> { ["Channel"] = "phone", ["Category"] = "", ["Description"] = "" });
        Assert.Contains("请选择诉求分类", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var posted = await operatorClient.SubmitAsync("/admin/hotline/new", new Dictionary<string, string>
        {
            ["Channel"] = "phone", ["Category"] = "0101", ["District"] = "涪城区", ["Address"] = "某路口", ["Description"] = "路口垃圾三天没人清运。",
            ["CallerName"] = "赵六", ["CallerPhone"] = "13800138000",
        });
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var ticketUrl = posted.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/admin/hotline/tickets/12345-2026-", ticketUrl, StringComparison.Ordinal);

        var page = await posted.Content.ReadAsStringAsync();
        Assert.Contains("13800138000", page, StringComparison.Ordinal); // the centre sees the caller's contact
        Assert.Contains($"<option value=\"{first.Code}\" selected=\"selected\">", page, StringComparison.Ordinal);

        var dispatched = await operatorClient.SubmitAsync(ticketUrl, new Dictionary<string, string> { ["Type"] = "dispatched", ["Body"] = first.Code });
        Assert.Equal(HttpStatusCode.OK, dispatched.StatusCode);
        page = await dispatched.Content.ReadAsStringAsync();
        Assert.Contains("签收期限：2026-10-08 24时", page, StringComparison.Ordinal);
        Assert.Contains("国庆节放假，不计入", page, StringComparison.Ordinal);

        // No form offers it now; a crafted post is refused by the flow, on the page, in words.
        var token = PageForms.AntiforgeryToken(await operatorClient.GetStringAsync(new Uri("/admin/hotline/new", UriKind.Relative)));
        using var crafted = new FormUrlEncodedContent(new Dictionary<string, string> { ["Type"] = "evaluated", ["Rating"] = "satisfied", [PageForms.TokenField] = token });
        var outOfOrder = await operatorClient.PostAsync(new Uri(ticketUrl, UriKind.Relative), crafted);
        Assert.Equal(HttpStatusCode.BadRequest, outOfOrder.StatusCode);
        Assert.Contains("只有已办结、待回访的工单可以评价", await outOfOrder.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var queue = await operatorClient.GetStringAsync(new Uri("/admin/hotline", UriKind.Relative));
        Assert.Contains(ticketUrl, queue, StringComparison.Ordinal);
        using var editor = factory.CreateClient().SignedInAs("editor.pages", first.Id, StaffRoles.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(new Uri(ticketUrl, UriKind.Relative))).StatusCode);
    }
}
