using System.Text;
using Gongkai.Channels.NewMedia;
using Gongkai.Channels.Rules;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Pdf;
using Gongkai.UnitTests.Platform.Pdf;
using SkiaSharp;

namespace Gongkai.UnitTests.Channels;

/// <summary>The delivery adapters of new-media posts: the webhook's signature and address rules, the status per channel,
/// and the generated cover card.</summary>
public sealed class PostDeliveryRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 5, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_signature_covers_the_timestamp_and_the_body_and_a_receiver_refuses_a_change_to_either_or_an_old_timestamp()
    {
        const string secret = "whsec_test";
        var body = Encoding.UTF8.GetBytes("{\"event\":\"post.released\",\"title\":\"关于推送的通知\"}");
        var timestamp = WebhookRules.Timestamp(Now);
        var signature = WebhookRules.Sign(secret, timestamp, body);

        Assert.StartsWith("sha256=", signature, StringComparison.Ordinal);
        Assert.Equal(71, signature.Length);
        // The documented construction: HMAC-SHA256 of "{timestamp}.{body}", lower-case hex.
        byte[] signed = [.. Encoding.ASCII.GetBytes(timestamp + "."), .. body];
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
        Assert.Equal("sha256=" + expected, signature);

        Assert.True(WebhookRules.Verify(secret, timestamp, body, signature, Now.AddMinutes(4)));
        Assert.False(WebhookRules.Verify("whsec_other", timestamp, body, signature, Now));
        Assert.False(WebhookRules.Verify(secret, WebhookRules.Timestamp(Now.AddSeconds(1)), body, signature, Now));
        Assert.False(WebhookRules.Verify(secret, timestamp, Encoding.UTF8.GetBytes("{}"), signature, Now));
        Assert.False(WebhookRules.Verify(secret, timestamp, body, signature, Now.AddMinutes(6)));
        Assert.False(WebhookRules.Verify(secret, null, body, signature, Now));
    }

    [Fact]
    public void A_new_secret_is_random_and_only_its_start_is_shown_again()
    {
        var one = WebhookRules.NewSecret();
        Assert.StartsWith("whsec_", one, StringComparison.Ordinal);
        Assert.Equal(46, one.Length);
        Assert.NotEqual(one, WebhookRules.NewSecret());
        Assert.Equal(one[..10] + "…", WebhookRules.Hint(one));
    }

    [Theory]
    [InlineData("ftp://example.com/hook", "http:// 或 https://")]
    [InlineData("https://user:pw@example.com/hook", "用户名密码")]
    [InlineData("https://example.com/hook#x", "片段")]
    [InlineData("not a url", "http:// 或 https://")]
    public void A_webhook_address_that_is_not_plain_http_is_refused(string url, string reason)
    {
        var outcome = WebhookRules.CheckAdapters(true, url);
        Assert.False(outcome.Succeeded);
        Assert.Contains(reason, outcome.Refusal!.Errors["WebhookUrl"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void An_account_needs_at_least_one_adapter()
    {
        Assert.False(WebhookRules.CheckAdapters(false, " ").Succeeded);
        Assert.Null(WebhookRules.CheckAdapters(true, "").Value!.WebhookUrl);
        Assert.Equal("https://hooks.example.com/gongkai", WebhookRules.CheckAdapters(false, "https://hooks.example.com/gongkai").Value!.WebhookUrl?.AbsoluteUri);
    }

    [Fact]
    public void A_webhook_channel_is_pending_until_delivered_keeps_its_status_between_retries_and_fails_when_given_up()
    {
        Assert.Equal(PostChannelStatus.Pending, PostChannelFlow.OnRelease(PostAdapters.Webhook));
        Assert.Equal(PostChannelStatus.Pending, PostChannelFlow.AfterDelivery(PostEvents.Released, false, false, PostChannelStatus.Pending));
        Assert.Equal(PostChannelStatus.Delivered, PostChannelFlow.AfterDelivery(PostEvents.Released, true, false, PostChannelStatus.Pending));
        Assert.Equal(PostChannelStatus.Failed, PostChannelFlow.AfterDelivery(PostEvents.Released, false, true, PostChannelStatus.Pending));
        Assert.True(PostChannelFlow.Retry(PostAdapters.Webhook, PostChannelStatus.Failed).Succeeded);
        Assert.Equal(RefusalKind.Conflict, PostChannelFlow.Retry(PostAdapters.Webhook, PostChannelStatus.Delivered).Refusal!.Kind);

        // Withdrawal: every channel not yet taken down needs removal; the webhook's is done when post.withdrawn is taken.
        Assert.Equal(PostChannelStatus.RemovalNeeded, PostChannelFlow.OnWithdrawal(PostChannelStatus.Delivered));
        Assert.Equal(PostChannelStatus.RemovalNeeded, PostChannelFlow.OnWithdrawal(PostChannelStatus.Pending));
        Assert.Null(PostChannelFlow.OnWithdrawal(PostChannelStatus.Removed));
        Assert.Equal(PostChannelStatus.Removed, PostChannelFlow.AfterDelivery(PostEvents.Withdrawn, true, false, PostChannelStatus.RemovalNeeded));
        Assert.Equal(PostChannelStatus.RemovalNeeded, PostChannelFlow.AfterDelivery(PostEvents.Withdrawn, false, false, PostChannelStatus.RemovalNeeded));
        Assert.Equal("撤下通知待送达", PostChannelFlow.ChineseName(PostAdapters.Webhook, PostChannelStatus.RemovalNeeded));
    }

    [Fact]
    public void An_export_is_confirmed_by_the_editor_and_after_withdrawal_must_be_removed_on_the_platform()
    {
        Assert.Equal(PostChannelStatus.Exported, PostChannelFlow.OnRelease(PostAdapters.Export));
        Assert.True(PostChannelFlow.ConfirmPublished(PostAdapters.Export, PostChannelStatus.Exported, null).Succeeded);
        Assert.True(PostChannelFlow.ConfirmPublished(PostAdapters.Export, PostChannelStatus.Exported, "https://mp.weixin.qq.com/s/abc").Succeeded);
        Assert.Equal("PlatformPostUrl", PostChannelFlow.ConfirmPublished(PostAdapters.Export, PostChannelStatus.Exported, "javascript:alert(1)").Refusal!.Errors.Keys.Single());
        Assert.False(PostChannelFlow.ConfirmPublished(PostAdapters.Export, PostChannelStatus.RemovalNeeded, null).Succeeded);
        Assert.False(PostChannelFlow.ConfirmPublished(PostAdapters.Webhook, PostChannelStatus.Delivered, null).Succeeded);

        Assert.Equal(PostChannelStatus.RemovalNeeded, PostChannelFlow.OnWithdrawal(PostChannelStatus.Exported));
        Assert.Equal("须在平台删除", PostChannelFlow.ChineseName(PostAdapters.Export, PostChannelStatus.RemovalNeeded));
        Assert.True(PostChannelFlow.ConfirmRemoved(PostAdapters.Export, PostChannelStatus.RemovalNeeded).Succeeded);
        Assert.False(PostChannelFlow.ConfirmRemoved(PostAdapters.Export, PostChannelStatus.Confirmed).Succeeded);
    }

    [Theory]
    [InlineData(CoverShape.Wide, 900, 383)]
    [InlineData(CoverShape.Square, 600, 600)]
    public void The_cover_card_is_a_png_of_its_size_whose_qr_code_scans_to_the_original(CoverShape shape, int width, int height)
    {
        const string url = "https://www.example.gov.cn/documents/115107000000001234-2026-000123";
        var content = new CoverContent("关于进一步做好城乡居民基本医疗保险参保缴费工作的通知（一个很长的标题用来测试换行和省略）", "绵阳市医疗保障局", "绵阳市人民政府", url);
        var png = CoverCard.Render(content, shape, new PdfRenderer().Typeface);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
        Assert.Equal(url, PdfQr.DecodeImage(png, CoverCard.QrArea(shape)));
    }

    [Fact]
    public void A_long_title_is_cut_with_an_ellipsis_on_its_last_line()
    {
        using var font = new SKFont(new PdfRenderer().Typeface, 40f);
        var lines = CoverCard.Wrap(font, string.Concat(Enumerable.Repeat("政务公开", 30)), 500f, 3);
        Assert.Equal(3, lines.Count);
        Assert.EndsWith("…", lines[2], StringComparison.Ordinal);
        Assert.All(lines, line => Assert.True(font.MeasureText(line) <= 500f));
    }
}
