using Gongkai.Portal.Kiosk;
using Microsoft.AspNetCore.Http;

namespace Gongkai.UnitTests.Portal;

public sealed class KioskModeTests
{
    [Fact]
    public void Links_that_would_leave_the_kiosk_become_their_text_and_kiosk_links_stay()
    {
        var html = KioskMode.KeepInside(
            "<p>见<a href=\"https://www.gov.cn/zhengce\">国务院政策</a>、<a href=\"/documents/123/2024-00001\">原文</a>、"
            + "<a href=\"/attachments/9\"><strong>附件</strong></a>和<a href=\"/kiosk/documents/1/2024-1\">查阅点文件</a>。</p>"
            + "<a href=\"//evil.example/kiosk/x\">外链</a><form action=\"/admin\"><button>提交</button></form><iframe src=\"https://x.example\"></iframe>");

        Assert.Equal(
            "<p>见<span>国务院政策</span>、<span>原文</span>、<span><strong>附件</strong></span>和<a href=\"/kiosk/documents/1/2024-1\">查阅点文件</a>。</p><span>外链</span>",
            html);
    }

    [Theory]
    [InlineData("/kiosk", true)]
    [InlineData("/kiosk/documents/1", true)]
    [InlineData("/KIOSK/bodies", true)]
    [InlineData("/css/kiosk.css", true)]
    [InlineData("/js/kiosk.js", true)]
    [InlineData("/kiosks", false)]
    [InlineData("/admin", false)]
    [InlineData("/", false)]
    [InlineData("/api/v1/documents", false)]
    [InlineData("/cssx", false)]
    public void Only_kiosk_pages_and_their_assets_are_inside(string path, bool inside) =>
        Assert.Equal(inside, KioskMode.IsInside(new PathString(path)));
}
