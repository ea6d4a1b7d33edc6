using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Gongkai.Platform.Data;
using Gongkai.Publishing;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.OpenApi;

/// <summary>The OpenAPI document as a generated client or a linter reads it: every operation summarised and its
/// authorisation declared, no two paths that a client cannot tell apart, and Redocly's recommended rules passing
/// with no error.</summary>
[Trait(TestTraits.Database, TestTraits.Once)]
public sealed partial class OpenApiDocumentTests(GongkaiFactory factory) : IClassFixture<GongkaiFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private async Task<(string Json, JsonElement Document)> DocumentAsync()
    {
        using var client = factory.CreateClient();
        var json = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        return (json, JsonDocument.Parse(json).RootElement.Clone());
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();

    [Fact]
    public async Task Every_operation_has_a_summary_and_declares_its_authorisation_and_no_two_paths_collide()
    {
        var (_, document) = await DocumentAsync();
        Assert.Equal("http", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("type").GetString());

        var shapes = new Dictionary<string, string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var shape = PathParameter().Replace(path.Name, "{}");
            Assert.False(shapes.TryGetValue(shape, out var other), $"{path.Name} and {other} differ only in parameter names");
            shapes[shape] = path.Name;
            foreach (var operation in path.Value.EnumerateObject().Where(o => Methods.Contains(o.Name)))
            {
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                Assert.False(string.IsNullOrWhiteSpace(operation.Value.TryGetProperty("summary", out var summary) ? summary.GetString() : null), $"{where} has no summary");
                Assert.True(operation.Value.TryGetProperty("security", out _), $"{where} declares no security");
            }
        }

        var staffOnly = document.GetProperty("paths").GetProperty("/api/v1/bodies/{code}").GetProperty("put");
        Assert.True(staffOnly.GetProperty("security")[0].TryGetProperty("bearer", out _));
        Assert.True(staffOnly.GetProperty("responses").TryGetProperty("401", out _));
        var anonymous = document.GetProperty("paths").GetProperty("/api/v1/bodies").GetProperty("get");
        Assert.Empty(anonymous.GetProperty("security")[0].EnumerateObject());
        Assert.False(document.GetProperty("servers")[0].GetProperty("url").GetString()!.EndsWith('/'));
    }

    [Fact]
    public async Task A_document_is_found_by_its_index_number_as_a_query_parameter()
    {
        string indexNo;
        using (var scope = factory.Services.CreateScope())
        {
            indexNo = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Document>()
                .Where(d => d.Status == Gongkai.Publishing.Rules.DocumentStatus.Published && d.IndexNo != null).Select(d => d.IndexNo!).FirstAsync();
        }

        using var client = factory.CreateClient();
        var found = await client.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/documents/by-index?indexNo={Uri.EscapeDataString(indexNo)}", UriKind.Relative));
        Assert.Equal(indexNo, found.GetProperty("indexNo").GetString());
        using var missing = await client.GetAsync(new Uri("/api/v1/documents/by-index?indexNo=nothing-here", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    /// <summary>Redocly CLI 2.77.0 with its recommended rules, as the issue asks; npx fetches it from the npm registry
    /// (scripts/test installs Node.js where it is missing).</summary>
    [Fact]
    public async Task Redocly_lints_the_document_with_no_error()
    {
        var (json, _) = await DocumentAsync();
        var folder = Directory.CreateTempSubdirectory("gongkai-openapi").FullName;
        try
        {
            var file = Path.Combine(folder, "openapi.json");
            await File.WriteAllTextAsync(file, json);
            var start = new ProcessStartInfo("npx") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "-y", "@redocly/cli@2.77.0", "lint", file, "--format=json", "--max-problems=1000" })
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            using var process = Process.Start(start) ?? throw new InvalidOperationException("npx did not start");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await process.WaitForExitAsync(timeout.Token);

            var text = await output;
            var report = JsonDocument.Parse(text[text.IndexOf('{', StringComparison.Ordinal)..]).RootElement;
            var errors = report.GetProperty("problems").EnumerateArray()
                .Where(p => p.GetProperty("severity").GetString() == "error")
                .Select(p => $"{p.GetProperty("ruleId").GetString()}: {p.GetProperty("message").GetString()}")
                .ToList();
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Take(20)) + await error);
            Assert.True(process.ExitCode == 0, await error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
