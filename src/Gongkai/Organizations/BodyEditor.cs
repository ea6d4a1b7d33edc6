using System.Security.Claims;
using System.Text;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Staff;
using Gongkai.Platform.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Organizations;

/// <summary>
/// Creates and edits bodies for the admin pages and the API alike: permission and body scope, validation, the
/// audit row and the change-log row in the same unit of work, and eviction of cached public pages.
/// </summary>
public sealed class BodyEditor(
    GongkaiDbContext db,
    AuditLog audit,
    BodyScope scope,
    IAuthorizationService authorization,
    IOutputCacheStore cache)
{
    /// <summary>Whether <paramref name="user"/> may create bodies and move them in the tree (system admins).</summary>
    public async Task<bool> MayManageAllAsync(ClaimsPrincipal user) =>
        (await authorization.AuthorizeAsync(user, OrganizationsPermissions.ManageAllBodies)).Succeeded;

    public async Task<Outcome<Body>> CreateAsync(ClaimsPrincipal user, BodyDraft submitted, CancellationToken cancellationToken = default)
    {
        if (!await MayManageAllAsync(user))
        {
            return Refusal.Forbidden("只有系统管理员可以新建机构。", "无权新建机构");
        }

        var draft = BodyValidator.Normalize(submitted);
        var errors = BodyValidator.Validate(draft, null, await KeysAsync(cancellationToken));
        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var body = new Body { Code = draft.Code!, Name = draft.Name!, ShortName = draft.ShortName!, CreditCode = draft.CreditCode! };
        Apply(body, draft);

        // The change-log row needs the new body's id, so insert first and log in the same transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Add(body);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(OrganizationsChanges.BodyCreated.Name, $"body:{body.Code}", $"新建机构：{body.Name}（{BodyKinds.ChineseName(body.Kind)}）");
        db.RecordChange(OrganizationsChanges.BodyCreated, body.Code, body.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await cache.EvictByTagAsync(PublicCache.BodiesTag, cancellationToken);
        return body;
    }

    public async Task<Outcome<Body>> UpdateAsync(ClaimsPrincipal user, string code, BodyDraft submitted, CancellationToken cancellationToken = default)
    {
        var body = await db.Set<Body>().SingleOrDefaultAsync(b => b.Code == code, cancellationToken);
        if (body is null)
        {
            return Refusal.NotFound($"没有代码为“{code}”的机构。", "未找到该机构");
        }

        if (!await scope.MayActForAsync(user, body.Id, cancellationToken))
        {
            return Refusal.Forbidden("只能修改本单位及下属单位的信息。", "无权修改该机构");
        }

        var draft = BodyValidator.Normalize(submitted);
        draft.Code = body.Code;
        var keys = await KeysAsync(cancellationToken);
        var errors = BodyValidator.Validate(draft, body.Id, keys);
        var movesInTree = draft.ParentId != body.ParentId || draft.Kind != BodyKinds.Slug(body.Kind);
        if (movesInTree && !await MayManageAllAsync(user))
        {
            errors["parentId"] = ["只有系统管理员可以调整上级机构和机构类型。"];
        }

        if (errors.Count > 0)
        {
            return Invalid(errors);
        }

        var before = BodyDraft.From(body);
        Apply(body, draft);
        var changes = Describe(before, BodyDraft.From(body), id => keys.FirstOrDefault(k => k.Id == id)?.Name);
        if (changes.Length == 0)
        {
            return body;
        }

        audit.Record(OrganizationsChanges.BodyUpdated.Name, $"body:{body.Code}", changes);
        db.RecordChange(OrganizationsChanges.BodyUpdated, body.Code, body.Id);
        await db.SaveChangesAsync(cancellationToken);

        await cache.EvictByTagAsync(PublicCache.BodiesTag, cancellationToken);
        return body;
    }

    /// <summary>Every field's message in the detail too, so an integrator reading only the detail learns all of them.</summary>
    private static Refusal Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors, "机构信息有误");

    private async Task<List<BodyKey>> KeysAsync(CancellationToken cancellationToken) =>
        await db.Set<Body>().AsNoTracking()
            .Select(b => new BodyKey(b.Id, b.ParentId, b.Code, b.Name, b.CreditCode))
            .ToListAsync(cancellationToken);

    private static void Apply(Body body, BodyDraft draft)
    {
        body.Name = draft.Name!;
        body.ShortName = draft.ShortName!;
        body.Kind = BodyKinds.TryParse(draft.Kind, out var kind) ? kind : throw new ArgumentException("A validated draft has a known kind.", nameof(draft));
        body.ParentId = draft.ParentId;
        body.CreditCode = draft.CreditCode!;
        body.Functions = draft.Functions ?? "";
        body.InternalStructure = draft.InternalStructure ?? "";
        body.Address = draft.Address ?? "";
        body.OfficeHours = draft.OfficeHours ?? "";
        body.Phone = draft.Phone ?? "";
        body.Email = draft.Email ?? "";
        body.HeadName = draft.HeadName ?? "";
        body.SortOrder = draft.SortOrder ?? body.SortOrder;
    }

    /// <summary>A short, readable diff for the audit log: short fields with old → new, long texts only named.</summary>
    internal static string Describe(BodyDraft before, BodyDraft after, Func<int?, string?> bodyName)
    {
        var parts = new List<string>();
        void Short(string label, string? from, string? to)
        {
            if (!string.Equals(from ?? "", to ?? "", StringComparison.Ordinal))
            {
                parts.Add($"{label}：{Clip(from)} → {Clip(to)}");
            }
        }

        void Long(string label, string? from, string? to)
        {
            if (!string.Equals(from ?? "", to ?? "", StringComparison.Ordinal))
            {
                parts.Add($"{label}：已修改");
            }
        }

        Short("名称", before.Name, after.Name);
        Short("简称", before.ShortName, after.ShortName);
        Short("类型", before.Kind, after.Kind);
        Short("上级机构", bodyName(before.ParentId), bodyName(after.ParentId));
        Short("统一社会信用代码", before.CreditCode, after.CreditCode);
        Long("机构职能", before.Functions, after.Functions);
        Long("内设机构", before.InternalStructure, after.InternalStructure);
        Short("办公地址", before.Address, after.Address);
        Short("办公时间", before.OfficeHours, after.OfficeHours);
        Short("联系电话", before.Phone, after.Phone);
        Short("电子邮箱", before.Email, after.Email);
        Short("负责人", before.HeadName, after.HeadName);
        if (before.SortOrder != after.SortOrder)
        {
            parts.Add($"排序：{before.SortOrder} → {after.SortOrder}");
        }

        var text = string.Join("；", parts);
        return text.Length <= 2000 ? text : text[..1999] + "…";
    }

    private static string Clip(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "（空）";
        }

        return value.Length <= 60 ? value : new StringBuilder(value, 0, 59, 60).Append('…').ToString();
    }
}
