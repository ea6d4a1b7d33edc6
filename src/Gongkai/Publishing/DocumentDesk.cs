using System.Security.Claims;
using Gongkai.Organizations;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Staff;
using Gongkai.Publishing.Rules;
using Gongkai.Publishing.Checks;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Time;

namespace Gongkai.Publishing;

/// <summary>A review decision as the reviewer enters it.</summary>
/// <param name="OverrideReason">At 终审: why personal data found by the safeguards must be published anyway.</param>
public sealed record ReviewDecision(bool Approve, string? Comment, string? NoInterpretationReason = null, DateTimeOffset? PublishAt = null, string? OverrideReason = null);

/// <summary>
/// Staff work on documents: drafting, the three-stage review, publication, correction (proposed, then reviewed:
/// <see cref="CorrectionReview"/>) and withdrawal. Checks body
/// scope, applies <see cref="ReviewWorkflow"/>, records history and audit in the same unit of work, and turns a lost
/// race (another person saved the document first) into a conflict.
/// </summary>
public sealed class DocumentDesk(GongkaiDbContext db, BodyScope scope, BodyDirectory directory, RolePermissions permissions, AuditLog audit, TimeProvider clock, DocumentPublisher publisher, DocumentSafeguards safeguards, Catalogue.CatalogueDesk catalogue, IEnumerable<Contracts.IFinalReviewCondition> finalReviewConditions, Microsoft.Extensions.Options.IOptions<PublishingOptions> options)
{
    public const string InvalidMessage = "文件信息有误，请修改后重新提交。";

    public const string LostRaceMessage = "该文件刚刚已由其他人处理，您的操作未生效。请刷新页面查看最新状态后再操作。";

    public async Task<Outcome<Document>> CreateAsync(ClaimsPrincipal user, DocumentInput input, int? bodyId = null, CancellationToken cancellationToken = default)
    {
        var owner = bodyId ?? StaffClaims.BodyIdOf(user);
        if (owner is null || !await scope.MayActForAsync(user, owner.Value, cancellationToken))
        {
            return Refusal.Forbidden("您只能为本单位创建文件。");
        }

        var check = await CheckAsync(input, owner.Value, cancellationToken);
        if (!check.Result.IsValid)
        {
            return Refusal.Invalid(InvalidMessage, check.Result.Errors, "文件信息有误");
        }

        var now = clock.GetUtcNow();
        var document = new Document
        {
            Title = "",
            DocumentType = "",
            Subject = "",
            BodyHtml = "",
            BodyId = owner.Value,
            Status = DocumentStatus.Draft,
            CreatedAt = now,
        };
        Apply(document, check.Result.Value, check.CoIssuerIds, check.SupersededById, now);
        // The history and audit rows name the new id: two saves, one transaction, so no draft exists without them.
        await db.InTransactionAsync(async () =>
        {
            db.Add(document);
            await db.SaveChangesAsync(cancellationToken);
            publisher.History(document, "created", StaffClaims.UserIdOf(user), StaffClaims.DisplayNameOf(user), null, now);
            audit.Record("document.created", DocumentPublisher.Target(document), document.Title, bodyId: document.BodyId);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return document;
    }

    public Task<Outcome<Document>> EditAsync(ClaimsPrincipal user, int id, DocumentInput input, CancellationToken cancellationToken = default) =>
        ActAsync(user, id, async document =>
        {
            if (!ReviewWorkflow.IsEditable(document.Status))
            {
                return Refusal.Conflict($"该文件当前状态为“{ReviewWorkflow.ChineseName(document.Status)}”，不能修改；已发布的文件请使用更正。");
            }

            var check = await CheckAsync(input, document.BodyId, cancellationToken);
            if (!check.Result.IsValid)
            {
                return Refusal.Invalid(InvalidMessage, check.Result.Errors, "文件信息有误");
            }

            Apply(document, check.Result.Value, check.CoIssuerIds, check.SupersededById, clock.GetUtcNow());
            Step(user, document, "edited", null);
            return document;
        }, cancellationToken);

    public Task<Outcome<Document>> SubmitAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default) =>
        ActAsync(user, id, async document =>
        {
            var result = ReviewWorkflow.Submit(Subject(document));
            if (!result.Allowed)
            {
                return result.Refusal;
            }

            document.Status = result.Next;
            document.SubmittedBy = StaffClaims.UserIdOf(user);
            document.FirstApprovedBy = null;
            document.SecondApprovedBy = null;
            Step(user, document, result.Action, null);
            await safeguards.RecordCheckAsync(document, "提交审核", cancellationToken, probeLinks: true);
            return document;
        }, cancellationToken);

    public Task<Outcome<Document>> ReviewAsync(ClaimsPrincipal user, int id, ReviewStage stage, ReviewDecision decision, CancellationToken cancellationToken = default) =>
        ActAsync(user, id, async document =>
        {
            var actor = new ReviewActor(StaffClaims.UserIdOf(user) ?? "", StagesOf(user, permissions));
            var comment = string.IsNullOrWhiteSpace(decision.Comment) ? null : decision.Comment.Trim();
            if (!decision.Approve)
            {
                var returned = ReviewWorkflow.Return(Subject(document), actor, stage, comment);
                if (!returned.Allowed)
                {
                    return returned.Refusal;
                }

                document.Status = returned.Next;
                document.FirstApprovedBy = null;
                document.SecondApprovedBy = null;
                Step(user, document, returned.Action, comment);
                return document;
            }

            if (!string.IsNullOrWhiteSpace(decision.NoInterpretationReason) && ReviewWorkflow.StageAwaited(document.Status) == stage)
            {
                document.NoInterpretationReason = decision.NoInterpretationReason.Trim();
            }

            var now = clock.GetUtcNow();
            var approved = ReviewWorkflow.Approve(Subject(document, await HasInterpretationAsync(document.Id, cancellationToken)), actor, stage, now, decision.PublishAt);
            if (!approved.Allowed)
            {
                return approved.Refusal;
            }

            if (stage == ReviewStage.Final)
            {
                if (await FinalReviewBlockedAsync(document.Id, cancellationToken) is { } blocked)
                {
                    return blocked;
                }

                var gate = await safeguards.GateAsync(user, document, decision.OverrideReason, mayOverride: true, cancellationToken);
                if (!gate.Allowed)
                {
                    return gate.ToRefusal();
                }
            }
            else
            {
                await safeguards.RecordCheckAsync(document, ReviewWorkflow.ChineseName(stage), cancellationToken);
            }

            switch (stage)
            {
                case ReviewStage.First:
                    document.FirstApprovedBy = actor.UserId;
                    break;
                case ReviewStage.Second:
                    document.SecondApprovedBy = actor.UserId;
                    break;
            }

            document.Status = approved.Next;
            Step(user, document, approved.Action, comment);
            if (approved.Next == DocumentStatus.Scheduled)
            {
                document.PublishAt = decision.PublishAt;
            }
            else if (approved.Next == DocumentStatus.Published)
            {
                await publisher.MarkPublishedAsync(document, now, actor.UserId, StaffClaims.DisplayNameOf(user), cancellationToken);
            }

            return document;
        }, cancellationToken);

    /// <summary>Publishes a scheduled document now.</summary>
    public Task<Outcome<Document>> PublishNowAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default) =>
        ActAsync(user, id, async document =>
        {
            var result = ReviewWorkflow.PublishScheduled(Subject(document));
            if (!result.Allowed)
            {
                return result.Refusal;
            }

            var gate = await safeguards.GateAsync(user, document, overrideReason: null, mayOverride: false, cancellationToken);
            if (!gate.Allowed)
            {
                return gate.ToRefusal();
            }

            await publisher.MarkPublishedAsync(document, clock.GetUtcNow(), StaffClaims.UserIdOf(user), StaffClaims.DisplayNameOf(user), cancellationToken);
            return document;
        }, cancellationToken);

    private CorrectionReviewMode CorrectionMode => options.Value.CorrectionReview;

    /// <summary>更正: proposes a correction of a published document. The checked fields are kept as a
    /// <see cref="DocumentCorrection"/> waiting for review; the public version stays as it is until
    /// <see cref="ApproveCorrectionAsync"/> passes its 终审. The safeguards gate runs now, so the author learns at once.</summary>
    public async Task<Outcome<DocumentCorrection>> CorrectAsync(ClaimsPrincipal user, int id, DocumentInput input, string? reason, CancellationToken cancellationToken = default)
    {
        var document = await db.Set<Document>().Include(d => d.CoIssuers).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return Refusal.NotFound("没有找到该文件。", "文件不存在");
        }

        if (!await scope.MayActForAsync(user, document.BodyId, cancellationToken))
        {
            return Refusal.Forbidden("您只能处理本单位的文件。");
        }

        var pending = await db.Set<DocumentCorrection>().AnyAsync(c => c.DocumentId == id && PendingStates.Contains(c.State), cancellationToken);
        var step = CorrectionReview.Submit(document.Status, pending, reason, CorrectionMode);
        if (!step.Allowed)
        {
            return step.Refusal;
        }

        var check = await CheckAsync(input, document.BodyId, cancellationToken);
        if (!check.Result.IsValid)
        {
            return Refusal.Invalid(InvalidMessage, check.Result.Errors, "文件信息有误");
        }

        // The gate reads the proposed text from a copy that is never saved: the tracked document stays as published.
        var now = clock.GetUtcNow();
        var proposed = new Document
        {
            Id = document.Id, BodyId = document.BodyId, Status = document.Status, IndexNo = document.IndexNo,
            Title = "", DocumentType = "", Subject = "", BodyHtml = "",
        };
        Apply(proposed, check.Result.Value, check.CoIssuerIds, check.SupersededById, now);
        var gate = await safeguards.GateAsync(user, proposed, overrideReason: null, mayOverride: false, cancellationToken);
        if (!gate.Allowed)
        {
            return gate.ToRefusal();
        }

        var correction = new DocumentCorrection
        {
            DocumentId = document.Id,
            BaseVersion = document.CurrentVersion,
            State = step.Next,
            Reason = reason!.Trim(),
            Title = proposed.Title,
            DocNumber = proposed.DocNumber,
            DocumentType = proposed.DocumentType,
            Subject = proposed.Subject,
            SignedOn = proposed.SignedOn,
            BodyHtml = proposed.BodyHtml,
            Keywords = proposed.Keywords,
            EffectiveOn = proposed.EffectiveOn,
            ExpiresOn = proposed.ExpiresOn,
            Validity = proposed.Validity,
            SupersededById = proposed.SupersededById,
            CatalogueNodeId = proposed.CatalogueNodeId,
            CoIssuerIds = string.Join(',', check.CoIssuerIds),
            SubmittedBy = StaffClaims.UserIdOf(user) ?? "",
            SubmittedByName = StaffClaims.DisplayNameOf(user),
            SubmittedAt = now,
        };
        // The document's revision rises too, so two corrections submitted at once cannot both wait.
        document.Revision++;
        try
        {
            await db.InTransactionAsync(async () =>
            {
                db.Add(correction);
                await db.SaveChangesAsync(cancellationToken);
                publisher.History(document, step.Action, correction.SubmittedBy, correction.SubmittedByName, correction.Reason, now);
                audit.Record("document." + step.Action, DocumentPublisher.Target(document),
                    $"更正 #{correction.Id}（{CorrectionReview.ChineseName(correction.State)}）：{correction.Reason}", bodyId: document.BodyId);
                await db.SaveChangesAsync(cancellationToken);
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict(LostRaceMessage);
        }

        return correction;
    }

    /// <summary>Passes the stage a correction waits in; at 终审 the correction becomes the public version (fields applied,
    /// new version, history, audit and the <c>document.corrected</c> change-log row, all in one unit of work).</summary>
    public Task<Outcome<DocumentCorrection>> ApproveCorrectionAsync(ClaimsPrincipal user, int documentId, int correctionId, CancellationToken cancellationToken = default) =>
        DecideCorrectionAsync(user, documentId, correctionId, async (document, correction, actor) =>
        {
            var step = CorrectionReview.Approve(CorrectionSubject(correction, document), actor, CorrectionMode);
            if (!step.Allowed)
            {
                return step.Refusal;
            }

            var name = StaffClaims.DisplayNameOf(user);
            switch (CorrectionReview.StageAwaited(correction.State))
            {
                case ReviewStage.First:
                    correction.FirstApprovedBy = actor.UserId;
                    break;
                case ReviewStage.Second:
                    correction.SecondApprovedBy = actor.UserId;
                    break;
            }

            correction.State = step.Next;
            publisher.History(document, step.Action, actor.UserId, name, correction.Reason);
            audit.Record("document." + step.Action, DocumentPublisher.Target(document), $"更正 #{correction.Id}：{correction.Reason}", bodyId: document.BodyId);
            if (!step.Publishes)
            {
                document.Revision++;
                return correction;
            }

            ApplyCorrection(document, correction);
            var gate = await safeguards.GateAsync(user, document, overrideReason: null, mayOverride: false, cancellationToken);
            if (!gate.Allowed)
            {
                return gate.ToRefusal();
            }

            correction.DecidedBy = actor.UserId;
            correction.DecidedByName = name;
            correction.DecidedAt = clock.GetUtcNow();
            publisher.MarkCorrected(document, correction.Reason, actor.UserId, name);
            return correction;
        }, cancellationToken);

    /// <summary>Returns a correction to its author with a reason; the public version does not change.</summary>
    public Task<Outcome<DocumentCorrection>> ReturnCorrectionAsync(ClaimsPrincipal user, int documentId, int correctionId, string? reason, CancellationToken cancellationToken = default) =>
        DecideCorrectionAsync(user, documentId, correctionId, (document, correction, actor) =>
        {
            var step = CorrectionReview.Return(CorrectionSubject(correction, document), actor, reason);
            if (!step.Allowed)
            {
                return Task.FromResult<Outcome<DocumentCorrection>>(step.Refusal);
            }

            var name = StaffClaims.DisplayNameOf(user);
            correction.State = step.Next;
            correction.ReturnReason = reason!.Trim();
            correction.DecidedBy = actor.UserId;
            correction.DecidedByName = name;
            correction.DecidedAt = clock.GetUtcNow();
            document.Revision++;
            publisher.History(document, step.Action, actor.UserId, name, correction.ReturnReason);
            audit.Record("document." + step.Action, DocumentPublisher.Target(document), $"更正 #{correction.Id} 退回：{correction.ReturnReason}", bodyId: document.BodyId);
            return Task.FromResult<Outcome<DocumentCorrection>>(correction);
        }, cancellationToken);

    /// <summary>The states in which a correction waits for review.</summary>
    public static readonly CorrectionState[] PendingStates =
        [CorrectionState.AwaitingFirstReview, CorrectionState.AwaitingSecondReview, CorrectionState.AwaitingFinalReview];

    public static CorrectionSubject CorrectionSubject(DocumentCorrection correction, Document document) =>
        new(correction.State, correction.SubmittedBy, correction.FirstApprovedBy, correction.SecondApprovedBy, correction.BaseVersion,
            document.CurrentVersion, document.Status);

    private async Task<Outcome<DocumentCorrection>> DecideCorrectionAsync(ClaimsPrincipal user, int documentId, int correctionId,
        Func<Document, DocumentCorrection, ReviewActor, Task<Outcome<DocumentCorrection>>> decide, CancellationToken cancellationToken)
    {
        var document = await db.Set<Document>().Include(d => d.CoIssuers).SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        var correction = await db.Set<DocumentCorrection>().SingleOrDefaultAsync(c => c.Id == correctionId && c.DocumentId == documentId, cancellationToken);
        if (document is null || correction is null)
        {
            return Refusal.NotFound("没有找到这项更正。", "更正不存在");
        }

        if (!await scope.MayActForAsync(user, document.BodyId, cancellationToken))
        {
            return Refusal.Forbidden("您只能审核本单位文件的更正。");
        }

        var result = await decide(document, correction, new ReviewActor(StaffClaims.UserIdOf(user) ?? "", StagesOf(user, permissions)));
        if (!result.Succeeded)
        {
            return result;
        }

        try
        {
            await publisher.SaveAndEvictAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("这项更正刚刚已由其他人处理，您的操作未生效。请刷新页面查看最新状态。");
        }

        return result;
    }

    private static void ApplyCorrection(Document document, DocumentCorrection correction)
    {
        document.Title = correction.Title;
        document.DocNumber = correction.DocNumber;
        document.DocumentType = correction.DocumentType;
        document.Subject = correction.Subject;
        document.SignedOn = correction.SignedOn;
        document.BodyHtml = correction.BodyHtml;
        document.Keywords = correction.Keywords;
        document.EffectiveOn = correction.EffectiveOn;
        document.ExpiresOn = correction.ExpiresOn;
        document.Validity = correction.Validity;
        document.SupersededById = correction.SupersededById;
        document.CatalogueNodeId = correction.CatalogueNodeId;
        var coIssuerIds = correction.CoIssuerBodyIds();
        document.CoIssuers.RemoveAll(c => !coIssuerIds.Contains(c.BodyId));
        foreach (var bodyId in coIssuerIds.Where(b => document.CoIssuers.All(c => c.BodyId != b)))
        {
            document.CoIssuers.Add(new DocumentCoIssuer { BodyId = bodyId });
        }
    }

    public Task<Outcome<Document>> WithdrawAsync(ClaimsPrincipal user, int id, string? reason, CancellationToken cancellationToken = default) =>
        ActAsync(user, id, document =>
        {
            var result = ReviewWorkflow.Withdraw(Subject(document), reason);
            if (!result.Allowed)
            {
                return Task.FromResult<Outcome<Document>>(result.Refusal);
            }

            publisher.MarkWithdrawn(document, reason!.Trim(), StaffClaims.UserIdOf(user), StaffClaims.DisplayNameOf(user));
            return Task.FromResult<Outcome<Document>>(document);
        }, cancellationToken);

    /// <summary>Publishes scheduled documents whose time has come; returns how many.</summary>
    public async Task<int> PublishDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var due = await db.Set<Document>().Where(d => d.Status == DocumentStatus.Scheduled).ToListAsync(cancellationToken);
        var published = 0;
        foreach (var document in due.Where(d => d.PublishAt <= now))
        {
            await publisher.MarkPublishedAsync(document, document.PublishAt!.Value, actorId: null, actorName: "定时发布", cancellationToken);
            published++;
        }

        if (published > 0)
        {
            await publisher.SaveAndEvictAsync(cancellationToken);
        }

        return published;
    }

    /// <summary>The review stages <paramref name="user"/> holds through their roles.</summary>
    public static IReadOnlySet<ReviewStage> StagesOf(ClaimsPrincipal user, RolePermissions permissions)
    {
        var stages = new HashSet<ReviewStage>();
        foreach (var (stage, permission) in new[] { (ReviewStage.First, PublishingPermissions.ReviewFirst), (ReviewStage.Second, PublishingPermissions.ReviewSecond), (ReviewStage.Final, PublishingPermissions.ReviewFinal) })
        {
            if (permissions.Grants(user, permission))
            {
                stages.Add(stage);
            }
        }

        return stages;
    }

    public static ReviewSubject Subject(Document document, bool hasInterpretation = false) =>
        new(document.Status, document.SubmittedBy, document.FirstApprovedBy, document.SecondApprovedBy,
            document.DocumentType == DocumentCatalog.NormativeDocument, hasInterpretation, document.NoInterpretationReason);

    /// <summary>Creates an interpretation of documents of the user's bodies; it becomes public with them.</summary>
    public async Task<Outcome<Interpretation>> InterpretAsync(ClaimsPrincipal user, InterpretationInput input, CancellationToken cancellationToken = default)
    {
        var validated = InterpretationRules.Validate(input);
        if (!validated.Succeeded)
        {
            return validated.Refusal;
        }

        var checkedInput = validated.Value;
        var ids = checkedInput.Policies;
        var documents = await db.Set<Document>().AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.BodyId }).ToListAsync(cancellationToken);
        if (documents.Count != ids.Count)
        {
            return Refusal.Invalid(InterpretationRules.InvalidMessage, Field("policies", "关联的文件不存在。"), "解读信息有误");
        }

        foreach (var bodyId in documents.Select(d => d.BodyId).Distinct())
        {
            if (!await scope.MayActForAsync(user, bodyId, cancellationToken))
            {
                return Refusal.Forbidden("您只能解读本单位的文件。");
            }
        }

        var interpretation = new Interpretation
        {
            BodyId = documents[0].BodyId,
            Title = checkedInput.Title,
            Kind = checkedInput.Kind,
            BodyHtml = checkedInput.BodyHtml,
            MediaUrl = checkedInput.MediaUrl,
            AltText = checkedInput.AltText,
            CreatedAt = clock.GetUtcNow(),
            Policies = ids.Select(id => new InterpretationLink { DocumentId = id }).ToList(),
        };
        db.Add(interpretation);
        audit.Record(PublishingChanges.InterpretationCreated.Name, "documents:" + string.Join(',', ids), interpretation.Title, bodyId: interpretation.BodyId);
        // Other nodes' cached policy pages list their interpretations; the change log tells them to refresh.
        db.RecordChange(PublishingChanges.InterpretationCreated, string.Join(',', ids), interpretation.BodyId);
        await publisher.SaveAndEvictAsync(cancellationToken);
        return interpretation;
    }

    /// <summary>The conditions modules above attach to 终审 (e.g. the fair-competition review): every one that is not
    /// met, with its reason, or null when all are.</summary>
    private async Task<Refusal?> FinalReviewBlockedAsync(int documentId, CancellationToken cancellationToken)
    {
        var missing = new List<Contracts.FinalReviewConditionState>();
        foreach (var condition in finalReviewConditions)
        {
            if (await condition.StateAsync(documentId, cancellationToken) is { Blocking: not null } state)
            {
                missing.Add(state);
            }
        }

        return missing.Count == 0 ? null
            : Refusal.Blocked(string.Join(" ", missing.Select(m => m.Blocking)), $"{string.Join("、", missing.Select(m => m.Name))}未完成",
                new Dictionary<string, object?>(StringComparer.Ordinal) { ["conditions"] = missing });
    }

    private Task<bool> HasInterpretationAsync(int documentId, CancellationToken cancellationToken) =>
        db.Set<InterpretationLink>().AnyAsync(l => l.DocumentId == documentId, cancellationToken);

    private async Task<Outcome<Document>> ActAsync(ClaimsPrincipal user, int id, Func<Document, Task<Outcome<Document>>> action, CancellationToken cancellationToken)
    {
        var document = await db.Set<Document>().Include(d => d.CoIssuers).SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (document is null)
        {
            return Refusal.NotFound("没有找到该文件。", "文件不存在");
        }

        if (!await scope.MayActForAsync(user, document.BodyId, cancellationToken))
        {
            return Refusal.Forbidden("您只能处理本单位的文件。");
        }

        var result = await action(document);
        if (!result.Succeeded)
        {
            return result;
        }

        try
        {
            await publisher.SaveAndEvictAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict(LostRaceMessage);
        }

        return result;
    }

    private void Step(ClaimsPrincipal user, Document document, string action, string? comment)
    {
        document.UpdatedAt = clock.GetUtcNow();
        document.Revision++;
        publisher.History(document, action, StaffClaims.UserIdOf(user), StaffClaims.DisplayNameOf(user), comment);
        audit.Record("document." + action, DocumentPublisher.Target(document), comment ?? document.Title, bodyId: document.BodyId);
    }

    private static void Apply(Document document, CheckedDocumentInput input, IReadOnlyList<int> coIssuerIds, int? supersededById, DateTimeOffset now)
    {
        document.Title = input.Title;
        document.DocNumber = input.DocNumber;
        document.DocumentType = input.DocumentType;
        document.Subject = input.Subject;
        document.SignedOn = input.SignedOn;
        document.BodyHtml = input.BodyHtml;
        document.Keywords = input.Keywords;
        document.EffectiveOn = input.EffectiveOn;
        document.ExpiresOn = input.ExpiresOn;
        document.Validity = input.Validity;
        document.SupersededById = supersededById;
        document.CatalogueNodeId = input.CatalogueNode;
        document.UpdatedAt = now;
        document.CoIssuers.RemoveAll(c => !coIssuerIds.Contains(c.BodyId));
        foreach (var bodyId in coIssuerIds.Where(b => document.CoIssuers.All(c => c.BodyId != b)))
        {
            document.CoIssuers.Add(new DocumentCoIssuer { BodyId = bodyId });
        }
    }

    private static Dictionary<string, string[]> Field(string field, string message) => new(StringComparer.Ordinal) { [field] = [message] };

    private sealed record InputCheck(DocumentInputCheck Result, IReadOnlyList<int> CoIssuerIds, int? SupersededById);

    /// <summary>The pure checks, then the ones that need the database: co-issuing bodies and the superseding document exist.</summary>
    private async Task<InputCheck> CheckAsync(DocumentInput input, int bodyId, CancellationToken cancellationToken)
    {
        var check = DocumentInputRules.Validate(input, ChinaTime.Today(clock));
        if (!check.IsValid)
        {
            return new(check, [], null);
        }

        var value = check.Value!;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var codes = value.CoIssuers.ToList();
        var bodies = (await directory.LoadAsync(cancellationToken)).All.Where(b => codes.Contains(b.Code)).ToList();
        var missing = codes.Except(bodies.Select(b => b.Code)).ToList();
        if (missing.Count > 0)
        {
            errors["coIssuers"] = [$"联合发文机关代码不存在：{string.Join("、", missing)}。"];
        }

        int? supersededById = null;
        if (value.SupersededBy is { } indexNo)
        {
            supersededById = await db.Set<Document>().Where(d => d.IndexNo == indexNo).Select(d => (int?)d.Id).SingleOrDefaultAsync(cancellationToken);
            if (supersededById is null)
            {
                errors["supersededBy"] = [$"索引号为“{indexNo}”的文件不存在。"];
            }
        }

        if (await catalogue.RefuseFilingAsync(bodyId, input.CatalogueNode, value.DocumentType, cancellationToken) is { } refusal)
        {
            errors["catalogueNode"] = [refusal];
        }

        return errors.Count > 0 ? new(new DocumentInputCheck(null, errors), [], null) : new(check, bodies.Select(b => b.Id).ToList(), supersededById);
    }
}
