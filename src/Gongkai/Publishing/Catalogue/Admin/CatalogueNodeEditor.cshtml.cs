using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Publishing.Catalogue.Admin;

/// <summary>The form of one catalogue node, as typed.</summary>
public sealed class CatalogueNodeForm
{
    public string? Name { get; set; }

    public string? Content { get; set; }

    public string? ResponsibleBody { get; set; }

    public string? TimeLimit { get; set; }

    public string? Carriers { get; set; }

    public string? UpdateFrequency { get; set; }

    public List<string> AllowedTypes { get; set; } = [];

    public CatalogueNodeInput ToInput() => new(Name, Content, ResponsibleBody, TimeLimit, Carriers, UpdateFrequency, AllowedTypes);

    public static CatalogueNodeForm From(CatalogueNode node) => new()
    {
        Name = node.Name,
        Content = node.Content,
        ResponsibleBody = node.ResponsibleBody,
        TimeLimit = node.TimeLimit,
        Carriers = node.Carriers,
        UpdateFrequency = node.UpdateFrequency,
        AllowedTypes = node.AllowedTypeList.ToList(),
    };
}

/// <summary>Adds a node (top-level, or below <c>?parent=</c>) or edits one, for body admins within their scope.</summary>
[Authorize(Policy = OrganizationsPermissions.ManageBody)]
public sealed class CatalogueNodeEditorModel(BodyDirectory directory, BodyScope scope, CatalogueDesk desk, GongkaiDbContext db) : PageModel
{
    [BindProperty]
    public CatalogueNodeForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "parent")]
    public int? ParentId { get; set; }

    public int? NodeId { get; private set; }

    public Body? Body { get; private set; }

    public string? ParentName { get; private set; }

    public IReadOnlyDictionary<string, string[]> Errors => ModelState.FieldErrors();

    public string[] ErrorsFor(string field) => ModelState.ErrorsFor(field);

    public async Task<IActionResult> OnGetAsync(string code, int? id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (id is not null)
        {
            Form = CatalogueNodeForm.From(await db.Set<CatalogueNode>().AsNoTracking().SingleAsync(n => n.Id == id, cancellationToken));
        }
        else
        {
            Form.ResponsibleBody = Body!.Name;
            Form.TimeLimit = CatalogueDefaults.TwentyWorkingDays;
            Form.Carriers = CatalogueDefaults.Website;
            Form.UpdateFrequency = CatalogueDefaults.AsFormed;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code, int? id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var result = id is null
            ? await desk.CreateAsync(User, Body!.Id, ParentId, Form.ToInput(), cancellationToken)
            : await desk.EditAsync(User, id.Value, Form.ToInput(), cancellationToken);
        return result.Succeeded ? Redirect($"/admin/catalogue/{code}") : this.Refused(result.Refusal);
    }

    private async Task<IActionResult?> LoadAsync(string code, int? id, CancellationToken cancellationToken)
    {
        NodeId = id;
        Body = (await directory.LoadAsync(cancellationToken)).FindByCode(code);
        if (Body is null)
        {
            return NotFound();
        }

        if (!await scope.MayActForAsync(User, Body.Id, cancellationToken))
        {
            return Forbid();
        }

        if (id is not null && !await db.Set<CatalogueNode>().AnyAsync(n => n.Id == id && n.BodyId == Body.Id, cancellationToken))
        {
            return NotFound();
        }

        if (id is null && ParentId is not null)
        {
            ParentName = await db.Set<CatalogueNode>().Where(n => n.Id == ParentId && n.BodyId == Body.Id).Select(n => n.Name).SingleOrDefaultAsync(cancellationToken);
            if (ParentName is null)
            {
                return NotFound();
            }
        }

        return null;
    }
}
