using System.CommandLine;
using System.Net;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Requests;
using Gongkai.Staff;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Platform.Audit;

/// <summary>The audit log cannot be rewritten through the database without <c>audit verify</c> naming the row, and the
/// database itself refuses updates and deletes. Each test has its own database: one of them tampers with it.</summary>
public sealed class AuditChainTests
{
    [Fact]
    public async Task Sealed_rows_verify_and_the_database_refuses_to_change_or_delete_them()
    {
        await using var factory = new StaffTestHost();
        await WriteSomeAuditRowsAsync(factory);
        Assert.True(await SealAsync(factory) >= 3);

        var (exit, output) = await VerifyAsync(factory);
        Assert.True(exit == 0, output);
        Assert.Contains("审计日志核验通过", output, StringComparison.Ordinal);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        var entries = db.Set<AuditEntry>();
        await Assert.ThrowsAnyAsync<Exception>(() => entries.Where(e => e.Seq == 1).ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, "改过了")));
        await Assert.ThrowsAnyAsync<Exception>(() => entries.Where(e => e.Seq == 1).ExecuteUpdateAsync(s => s.SetProperty(e => e.Hash, new string('f', 64))));
        await Assert.ThrowsAnyAsync<Exception>(() => entries.Where(e => e.Seq == 2).ExecuteDeleteAsync());
        // An unsealed row may be sealed, but not changed while sealing.
        db.Add(new AuditEntry { Action = "test.unsealed", ActorName = "test", Target = "t", At = DateTimeOffset.UtcNow });
        await db.SaveChangesAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => entries.Where(e => e.Seq == null).ExecuteUpdateAsync(s => s
            .SetProperty(e => e.Detail, "顺便改一下").SetProperty(e => e.Seq, 999_999)));
        Assert.Equal(1, await SealAsync(factory));
        Assert.Equal(0, (await VerifyAsync(factory)).Exit);
    }

    [Fact]
    public async Task A_row_changed_or_deleted_behind_the_triggers_back_is_named_by_audit_verify()
    {
        await using var factory = new StaffTestHost();
        await WriteSomeAuditRowsAsync(factory);
        await SealAsync(factory);

        using (var scope = factory.Services.CreateScope())
        {
            // Someone with the database owner's rights turns the guard off first.
            var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
            if (factory.Database.IsPostgres)
            {
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only");
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_log_seal_only; DROP TRIGGER audit_log_no_delete;");
            }

            Assert.Equal(1, await db.Set<AuditEntry>().Where(e => e.Seq == 2).ExecuteUpdateAsync(s => s.SetProperty(e => e.Detail, "悄悄改过")));
            Assert.Equal(1, await db.Set<AuditEntry>().Where(e => e.Seq == 3).ExecuteDeleteAsync());
        }

        var (exit, output) = await VerifyAsync(factory);

        Assert.Equal(1, exit);
        Assert.Contains("第 2 条审计记录", output, StringComparison.Ordinal);
        Assert.Contains("第 3 至 3 条审计记录缺失", output, StringComparison.Ordinal);
        Assert.Contains("审计日志核验失败", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_requests_and_views_of_an_applicants_data_are_audited()
    {
        await using var host = new StaffTestHost();
        var staff = await host.DemoStaffAsync();
        var trackingNumber = await FileApplicationAsync(host, staff.Municipal.Id);

        // An officer of the same body opens the case: the view is on record.
        using var officer = await host.SignedInClientAsync(staff.UserName(StaffRoles.RequestOfficer));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(new Uri($"/admin/requests/{trackingNumber}", UriKind.Relative))).StatusCode);
        // An officer of another body tries the same number: 404, and the attempt is on record.
        using var stranger = await host.SignedInClientAsync(staff.UserName(StaffRoles.RequestOfficer, staff.Bodies[2]));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri($"/admin/requests/{trackingNumber}", UriKind.Relative))).StatusCode);
        // An editor asks for an auditor's API: 403, on record with the path.
        using var editor = await host.SignedInClientAsync(staff.UserName(StaffRoles.Editor));
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(new Uri("/api/v1/changes/status", UriKind.Relative))).StatusCode);

        using var scope = host.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<AuditEntry>().AsNoTracking().ToListAsync();
        Assert.Contains(audit, e => e.Action == RequestDesk.ViewedAction && e.Target == trackingNumber && e.ActorName == staff.UserName(StaffRoles.RequestOfficer));
        Assert.Contains(audit, e => e.Action == RequestDesk.AccessDeniedAction && e.Target == trackingNumber
            && e.ActorName == staff.UserName(StaffRoles.RequestOfficer, staff.Bodies[2]));
        Assert.Contains(audit, e => e.Action == "access.denied" && e.Target == "GET /api/v1/changes/status" && e.ActorName == staff.UserName(StaffRoles.Editor));
    }

    private static async Task<string> FileApplicationAsync(StaffTestHost host, int bodyId)
    {
        using var scope = host.Services.CreateScope();
        var bodyCode = await scope.ServiceProvider.GetRequiredService<GongkaiDbContext>().Set<Gongkai.Organizations.Body>()
            .Where(b => b.Id == bodyId).Select(b => b.Code).SingleAsync();
        using var citizen = host.NewClient();
        var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(citizen, new Uri("/api/v1/requests", UriKind.Relative), new Dictionary<string, object?>
        {
            ["applicantType"] = "自然人",
            ["name"] = "审计测试申请人",
            ["idType"] = "居民身份证",
            ["idNumber"] = "11010519491231002x",
            ["phone"] = "0816-2345678",
            ["address"] = "绵阳市涪城区某路1号",
            ["description"] = "2024年城区道路维修经费的使用情况",
            ["docNumber"] = "",
            ["form"] = "electronic",
            ["delivery"] = "online",
            ["body"] = bodyCode,
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return System.Text.Json.JsonDocument.Parse(text).RootElement.GetProperty("trackingNumber").GetString()!;
    }

    private static async Task WriteSomeAuditRowsAsync(StaffTestHost factory)
    {
        using var scope = factory.Services.CreateScope();
        var audit = scope.ServiceProvider.GetRequiredService<AuditLog>();
        for (var i = 0; i < 5; i++)
        {
            await audit.RecordNowAsync("test.chain", $"item:{i}", $"第 {i} 条", actorName: "tester");
        }
    }

    private static async Task<int> SealAsync(StaffTestHost factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<AuditSealer>().SealAsync();
    }

    private static async Task<(int Exit, string Output)> VerifyAsync(StaffTestHost factory)
    {
        var root = new RootCommand { AuditCommands.Create(async action =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await action(scope.ServiceProvider, CancellationToken.None);
        }) };
        using var output = new StringWriter();
        var exit = await root.Parse(["audit", "verify"]).InvokeAsync(new InvocationConfiguration { Output = output, Error = output });
        return (exit, output.ToString());
    }
}
