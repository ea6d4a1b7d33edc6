using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Organizations.Admin;

/// <summary>An option in the parent-body list, indented by depth.</summary>
public sealed record ParentOption(int Id, string Label);

/// <summary>What the new-body and edit-body pages share: the submitted draft, the errors to show beside each
/// field, and the choices of kind and parent.</summary>
public abstract class BodyFormPage : PageModel
{
    [BindProperty]
    public BodyDraft Draft { get; set; } = new();

    public IReadOnlyDictionary<string, string[]> Errors => ModelState.FieldErrors();

    public IReadOnlyList<ParentOption> ParentOptions { get; protected set; } = [];

    /// <summary>Only system admins choose the kind and the parent; others see them read-only.</summary>
    public bool MayMoveInTree { get; protected set; }

    public abstract bool IsNew { get; }

    public string[] ErrorsFor(string field) => ModelState.ErrorsFor(field);

    /// <summary>Parent choices in tree order; when editing, the body itself and its sub-bodies are left out.</summary>
    protected static IReadOnlyList<ParentOption> ParentChoices(BodyHierarchy hierarchy, Body? editing)
    {
        var options = new List<ParentOption>();
        void Walk(BodyNode node, int depth)
        {
            if (editing is not null && node.Body.Id == editing.Id)
            {
                return;
            }

            options.Add(new ParentOption(node.Body.Id, new string('　', depth) + node.Body.Name));
            foreach (var child in node.Children)
            {
                Walk(child, depth + 1);
            }
        }

        foreach (var root in hierarchy.All.Where(b => hierarchy.Find(b.ParentId) is null))
        {
            Walk(hierarchy.Subtree(root), 0);
        }

        return options;
    }
}
