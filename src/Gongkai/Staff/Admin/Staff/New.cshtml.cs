using Gongkai.Platform.Outcomes;
using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Staff.Admin.Staff;

/// <summary>Creates a staff account in a body within scope; the generated initial password is shown once.</summary>
[Authorize(Policy = Permissions.ManageStaff)]
public sealed class NewModel(StaffAdministration staff) : PageModel
{
    public List<StaffBody> Bodies { get; private set; } = [];

    public IReadOnlyList<string> AssignableRoles { get; private set; } = [];

    [BindProperty]
    [Display(Name = "用户名（登录名）")]
    [Required(ErrorMessage = "请填写用户名。")]
    [RegularExpression(@"^[A-Za-z0-9._@+-]{2,64}$", ErrorMessage = "用户名为 2–64 位英文字母、数字或 . _ - @ +。")]
    public string UserName { get; set; } = "";

    [BindProperty]
    [Display(Name = "姓名")]
    [Required(ErrorMessage = "请填写姓名。")]
    [StringLength(64, ErrorMessage = "姓名不能超过 64 个字符。")]
    public string DisplayName { get; set; } = "";

    [BindProperty]
    [Display(Name = "所属单位")]
    [Required(ErrorMessage = "请选择所属单位。")]
    public int? BodyId { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    /// <summary>Set only in the response that created the account.</summary>
    public StaffChange? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var change = await staff.CreateAsync(User, UserName.Trim(), DisplayName.Trim(), BodyId!.Value, Roles.Distinct().ToArray(), cancellationToken);
        if (!change.Succeeded)
        {
            return this.Refused(change.Refusal);
        }

        Created = change.Value;
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Bodies = await staff.BodiesInScopeAsync(User, cancellationToken);
        AssignableRoles = StaffAdministration.AssignableRoles(User);
    }
}
