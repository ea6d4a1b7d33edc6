using System.Net;
using System.Text;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Platform.Web;

public sealed class RequestSizeLimitTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private static StringContent Oversized(string mediaType) =>
        new(new string('x', 3 * 1024 * 1024), Encoding.UTF8, mediaType);

    [Fact]
    public async Task An_oversized_API_body_is_a_413_problem_in_Chinese()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsync(new Uri("/api/v1/session/tokens", UriKind.Relative), Oversized("application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("上限为 2048 KB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_oversized_form_post_gets_a_plain_Chinese_message()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsync(new Uri("/admin/sign-in", UriKind.Relative), Oversized("application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("提交的内容过大", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_within_the_limit_reaches_the_endpoint()
    {
        using var client = factory.CreateClient();
        var response = await client.PostAsync(new Uri("/api/v1/session/tokens", UriKind.Relative),
            new StringContent("""{"userName":"nobody","password":"x","name":"t"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
