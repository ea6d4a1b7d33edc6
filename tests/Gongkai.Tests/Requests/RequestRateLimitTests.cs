using System.Net;
using System.Net.Http.Json;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Requests;

public sealed class RequestRateLimitTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    [Fact]
    public async Task Guessing_tracking_codes_is_stopped_after_thirty_tries_a_minute()
    {
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 31; i++)
        {
            var response = await RequestsApiTests.TrackAsync(client, "YSQ-2026-000001", $"GUESS{i:D5}");
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(30), s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[30]);
    }

    [Fact]
    public async Task Flooding_the_application_endpoint_is_stopped_after_twenty_tries_a_minute()
    {
        using var client = factory.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            statuses.Add((await client.PostAsJsonAsync(new Uri("/api/v1/requests", UriKind.Relative), new { name = "x" })).StatusCode);
        }

        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.BadRequest, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[20]);
    }
}
