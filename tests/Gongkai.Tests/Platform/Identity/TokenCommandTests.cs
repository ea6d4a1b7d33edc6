using System.CommandLine;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Cli;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Identity;

public sealed partial class TokenCommandTests(StaffTestHost host) : IClassFixture<StaffTestHost>
{
    [Fact]
    public void Token_is_an_admin_verb()
    {
        Assert.True(GongkaiCommandLine.IsAdminVerb(["token", "list", "--user", "admin"], Program.AdminVerbs));
    }

    [Fact]
    public async Task The_console_creates_lists_and_revokes_a_token_audited_as_console()
    {
        var staff = await host.DemoStaffAsync();
        var officer = staff.UserName(StaffRoles.RequestOfficer);

        var (created, createOutput, _) = await RunAsync("token", "create", "--user", officer, "--name", "依申请公开对接", "--days", "30");
        Assert.Equal(0, created);
        var secret = Secret().Match(createOutput).Value;
        Assert.NotEmpty(secret);
        using var bearer = host.NewClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync(new Uri("/api/v1/session", UriKind.Relative))).StatusCode);

        var (listed, listOutput, _) = await RunAsync("token", "list", "--user", officer);
        Assert.Equal(0, listed);
        Assert.Contains(secret[..8], listOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listOutput, StringComparison.Ordinal);
        var id = TokenId().Match(createOutput).Groups[1].Value;

        var (revoked, _, _) = await RunAsync("token", "revoke", "--id", id);
        Assert.Equal(0, revoked);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync(new Uri("/api/v1/session", UriKind.Relative))).StatusCode);

        using var scope = host.Services.CreateScope();
        var entries = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>()
            .Where(e => e.Target == $"user:{officer}" && e.ActorName == TokenCommands.ConsoleActor).Select(e => e.Action).ToListAsync();
        Assert.Contains("token.created", entries);
        Assert.Contains("token.revoked", entries);
    }

    [Fact]
    public async Task Unknown_users_and_tokens_are_errors_with_a_message()
    {
        var (unknownUser, _, userError) = await RunAsync("token", "create", "--user", "ghost", "--name", "x");
        var (unknownToken, _, tokenError) = await RunAsync("token", "revoke", "--id", "999999");
        var (missingOption, _, _) = await RunAsync("token", "create", "--name", "x");

        Assert.Equal(1, unknownUser);
        Assert.Contains("找不到用户", userError, StringComparison.Ordinal);
        Assert.Equal(1, unknownToken);
        Assert.Contains("找不到编号为 999999 的令牌", tokenError, StringComparison.Ordinal);
        Assert.NotEqual(0, missingOption);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand { TokenCommands.Create(async action =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            return await action(scope.ServiceProvider, CancellationToken.None);
        }) };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }

    [GeneratedRegex("gk_[0-9A-Za-z]{40}")]
    private static partial Regex Secret();

    [GeneratedRegex("令牌 #(\\d+)")]
    private static partial Regex TokenId();
}
