using System.Net;
using System.Net.Http.Json;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Safeguards;
using Gongkai.Safeguards.Admin;
using Gongkai.Publishing.Checks.Admin;
using Gongkai.Safeguards.Wording;
using Gongkai.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gongkai.Tests.Safeguards;

/// <summary>The word-list console page: seeded lists, an admin's new entry used by the next check, audited.</summary>
public sealed class WordListPageTests(TestAuthFactory factory) : IClassFixture<TestAuthFactory>
{
    [Fact]
    public async Task The_seeded_lists_are_shown_to_system_admins_only()
    {
        using var admin = await factory.CreateStaffClientAsync("admin.words", StaffRoles.SystemAdmin);
        var html = await admin.GetStringAsync(new Uri("/admin/safeguards/word-lists?show=OutdatedName", UriKind.Relative));
        Assert.Contains("市场监督管理局", html, StringComparison.Ordinal);
        Assert.Contains("2019-01-01", html, StringComparison.Ordinal);

        using var editor = await factory.CreateStaffClientAsync("editor.words", StaffRoles.Editor);
        var refused = await editor.GetAsync(new Uri("/admin/safeguards/word-lists", UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task A_new_entry_is_used_by_the_next_check_and_audited()
    {
        using var admin = await factory.CreateStaffClientAsync("admin.words2", StaffRoles.SystemAdmin);
        var response = await admin.SubmitAsync("/admin/safeguards/word-lists",
        [
            new("Input.Kind", nameof(WordingListKind.Miswriting)), new("Input.Pattern", "凭正"), new("Input.Replacement", "凭证"), new("Input.Note", "常见笔误"),
        ], handler: "Save");
        Assert.Contains("已保存“凭正”", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var check = await admin.PostAsJsonAsync(new Uri("/api/v1/safeguards/check", UriKind.Relative), new { text = "请携带身份凭正办理。" });
        var body = await check.Content.ReadFromJsonAsync<SafeguardsCheckResponse>();
        Assert.Equal(("miswriting", "凭证"), (body!.Findings.Single().Kind, body.Findings.Single().Replacement));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GongkaiDbContext>();
        Assert.True(await db.Set<AuditEntry>().AnyAsync(a => a.Action == "safeguards.word-list.add" && a.Target == "Miswriting:凭正"));
    }

    [Fact]
    public async Task An_outdated_name_without_a_date_is_refused_and_the_input_kept()
    {
        using var admin = await factory.CreateStaffClientAsync("admin.words3", StaffRoles.SystemAdmin);
        var response = await admin.SubmitAsync("/admin/safeguards/word-lists",
        [
            new("Input.Kind", nameof(WordingListKind.OutdatedName)), new("Input.Pattern", "市粮食局"), new("Input.Replacement", "市发展和改革委员会"),
        ], handler: "Save");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("须填写更名日期", html, StringComparison.Ordinal);
        Assert.Contains("value=\"市粮食局\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WordingListKind.Miswriting, "布署", "", null, "须填写正确写法")]
    [InlineData(WordingListKind.Miswriting, "布", "部", null, "2 至 100")]
    [InlineData(WordingListKind.OutdatedName, "市粮食局", "市发改委", "2019/1/1", "更名日期")]
    [InlineData(WordingListKind.Formulation, "同样", "同样", null, "无需收录")]
    public void Entries_are_validated(WordingListKind kind, string pattern, string replacement, string? date, string message)
    {
        var refused = WordListEditor.Validate(new WordListInput { Kind = kind, Pattern = pattern, Replacement = replacement, EffectiveFrom = date });
        Assert.Contains(message, refused.Refusal?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sensitive_word_needs_no_replacement()
    {
        Assert.True(WordListEditor.Validate(new WordListInput { Kind = WordingListKind.SensitiveWord, Pattern = "内部资料" }).Succeeded);
    }
}
