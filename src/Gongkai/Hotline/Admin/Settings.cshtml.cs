using Gongkai.Hotline.Rules;
using Gongkai.Organizations;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Hotline.Admin;

/// <summary>Categories, time limits and the routing table, edited by system administrators on one page (each form
/// posts to its own handler and comes back here with the result).</summary>
[Authorize(Policy = HotlinePermissions.Configure)]
public sealed class SettingsModel(HotlineConfiguration configuration, HotlineDesk desk, BodyDirectory directory) : PageModel
{
    public IReadOnlyList<HotlineCategory> Categories { get; private set; } = [];

    public IReadOnlyList<HotlineTimeLimit> Limits { get; private set; } = [];

    public IReadOnlyList<HotlineRoute> Routes { get; private set; } = [];

    public BodyHierarchy Bodies { get; private set; } = new([]);

    public IReadOnlyList<string> Districts => desk.Options.Districts;

    public string? Error { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCategoryAsync(string? code, string? name, string? parent, string? urgency, bool active, CancellationToken cancellationToken) =>
        await DoneAsync(await configuration.SaveCategoryAsync(code, name, parent, urgency, active, StaffClaims.DisplayNameOf(User), cancellationToken), $"已保存分类 {code}。", cancellationToken);

    public async Task<IActionResult> OnPostLimitAsync(string? category, string? urgency, int? signHours, int? signDays, int? replyDays, CancellationToken cancellationToken) =>
        await DoneAsync(await configuration.SaveLimitAsync(category, urgency, signHours, signDays, replyDays, StaffClaims.DisplayNameOf(User), cancellationToken), "已保存时限。", cancellationToken);

    public async Task<IActionResult> OnPostDeleteLimitAsync(int id, CancellationToken cancellationToken) =>
        await DoneAsync(await configuration.DeleteLimitAsync(id, StaffClaims.DisplayNameOf(User), cancellationToken), "已删除时限设置，恢复默认。", cancellationToken);

    public async Task<IActionResult> OnPostRouteAsync(string? category, string? district, string? body, CancellationToken cancellationToken) =>
        await DoneAsync(await configuration.SaveRouteAsync(category, district, body, StaffClaims.DisplayNameOf(User), cancellationToken), "已保存派单规则。", cancellationToken);

    public async Task<IActionResult> OnPostDeleteRouteAsync(int id, CancellationToken cancellationToken) =>
        await DoneAsync(await configuration.DeleteRouteAsync(id, StaffClaims.DisplayNameOf(User), cancellationToken), "已删除派单规则。", cancellationToken);

    private async Task<IActionResult> DoneAsync<T>(Outcome<T> outcome, string message, CancellationToken cancellationToken)
        where T : notnull
    {
        if (outcome.Succeeded)
        {
            Message = message;
            return Redirect("/admin/hotline/settings");
        }

        if (outcome.Refusal.Kind == RefusalKind.NotFound)
        {
            return this.Refused(outcome.Refusal);
        }

        Error = string.Join(" ", new[] { outcome.Refusal.Message }.Concat(outcome.Refusal.Errors.Values.SelectMany(m => m)).Distinct());
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Categories = await desk.CategoriesAsync(cancellationToken);
        Limits = await configuration.LimitsAsync(cancellationToken);
        Routes = await configuration.RoutesAsync(cancellationToken);
        Bodies = await directory.LoadAsync(cancellationToken);
    }

    public string CategoryName(int? id) => id is null ? "全部分类" : Categories.FirstOrDefault(c => c.Id == id) is { } c ? $"{c.Name}（{c.Code}）" : "";

    public static string UrgencyName(string code) => TicketVocabulary.ParseUrgency(code) is { } u ? TicketVocabulary.ChineseName(u) : code;
}
