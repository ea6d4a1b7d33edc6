using System.Net;
using System.Text;
using System.Text.Json;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;

namespace Gongkai.Tests.Platform.Api;

/// <summary>Malformed input to the API is the client's mistake: it answers 400 with problem details whose title and
/// detail are Chinese and say what is wrong — never a 500 and never an English framework message.</summary>
public sealed class MalformedInputTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    private static async Task<JsonElement> AssertChineseProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        foreach (var field in new[] { "title", "detail" })
        {
            var value = problem.TryGetProperty(field, out var found) ? found.GetString() ?? "" : "";
            Assert.True(value.Any(c => c is >= '\u4e00' and <= '\u9fff'), $"{field} should be Chinese: {text}");
        }

        return problem;
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("/api/v1/documents/", "{}")]
    [InlineData("/api/v1/documents/", "{\"document\": null}")]
    [InlineData("/api/v1/documents/", "{\"document\": {}}")]
    [InlineData("/api/v1/documents/", "{\"document\": ")]
    [InlineData("/api/v1/documents/", "[1, 2, 3]")]
    public async Task An_empty_or_broken_body_is_a_400_that_says_what_is_missing(string path, string body)
    {
        var client = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);

        var response = await client.PostAsync(new Uri(path, UriKind.Relative), Json(body));

        await AssertChineseProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_empty_catalogue_node_is_a_400_for_the_body_admin()
    {
        var client = await factory.CreateStaffClientAsync("admin.myszf", StaffRoles.BodyAdmin);

        await AssertChineseProblemAsync(await client.PostAsync(new Uri("/api/v1/catalogue/bodies/myszf", UriKind.Relative), Json("{}")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_missing_field_is_named_in_the_message()
    {
        var client = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);

        var problem = await AssertChineseProblemAsync(await client.PostAsync(new Uri("/api/v1/documents/", UriKind.Relative), Json("{}")), HttpStatusCode.BadRequest);

        Assert.Contains("document", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/documents?year=0")]
    [InlineData("/api/v1/documents?year=-5")]
    [InlineData("/api/v1/documents?year=100000")]
    [InlineData("/api/v1/documents?page=0")]
    [InlineData("/api/v1/documents?page=-1&size=0")]
    [InlineData("/api/v1/documents?size=100000")]
    [InlineData("/api/v1/documents?year=abc")]
    public async Task Out_of_range_or_unreadable_query_values_are_a_400(string path)
    {
        using var client = factory.CreateClient();

        await AssertChineseProblemAsync(await client.GetAsync(new Uri(path, UriKind.Relative)), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_NUL_character_in_a_looked_up_value_is_refused_or_not_found_never_a_500()
    {
        // Found by OpenApiFuzzTests on PostgreSQL, which cannot hold U+0000 in text and refused the query (a 500).
        // SQLite can hold it and simply finds nothing.
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/api/v1/documents/by-index?indexNo=%00", UriKind.Relative));

        await AssertChineseProblemAsync(response, response.StatusCode == HttpStatusCode.NotFound ? HttpStatusCode.NotFound : HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_WebSub_form_over_the_readers_limits_is_a_400_not_a_500()
    {
        // Found by OpenApiFuzzTests: a 100 kB form key made ReadFormAsync throw.
        using var client = factory.CreateClient();

        var response = await client.PostAsync(new Uri("/websub/hub", UriKind.Relative),
            new StringContent(new string('a', 100_000), Encoding.UTF8, "application/x-www-form-urlencoded"));

        await AssertChineseProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_wrong_content_type_and_an_unknown_address_answer_in_Chinese()
    {
        var client = await factory.CreateStaffClientAsync("editor.myszf", StaffRoles.Editor);

        await AssertChineseProblemAsync(await client.PostAsync(new Uri("/api/v1/documents/", UriKind.Relative), new StringContent("title=x", Encoding.UTF8, "text/plain")),
            HttpStatusCode.UnsupportedMediaType);
        await AssertChineseProblemAsync(await client.GetAsync(new Uri("/api/v1/no-such-thing", UriKind.Relative)), HttpStatusCode.NotFound);
        await AssertChineseProblemAsync(await client.DeleteAsync(new Uri("/api/v1/documents/", UriKind.Relative)), HttpStatusCode.MethodNotAllowed);
    }
}
