using System.Security.Claims;
using Gongkai.Calendar;
using Gongkai.OpenData.Data;
using Gongkai.OpenData.Rules;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.OpenData;

/// <summary>What an import did: the report (per-row problems) and, when accepted, how many records were added,
/// changed (waiting for review) or already identical.</summary>
public sealed record ImportResult(ImportReport Report, int Added, int Changed, int Unchanged);

/// <summary>
/// Staff actions on records: enter, edit, submit, import, review (by a second person) and publish, correct,
/// withdraw. Every action checks the body scope on the server and is audited; publication goes through
/// <see cref="RecordPublisher"/>.
/// </summary>
public sealed class RecordDesk(GongkaiDbContext db, RecordTypeStore types, RecordPublisher publisher, BodyScope scope,
    CalendarService calendars, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<DataRecord>> CreateAsync(ClaimsPrincipal user, string typeKey, int bodyId, IReadOnlyDictionary<string, string?> input,
        bool submit, CancellationToken cancellationToken = default)
    {
        var type = await types.FindAsync(typeKey, cancellationToken);
        if (type is null)
        {
            return Refusal.NotFound($"没有“{typeKey}”这种记录类型。");
        }

        if (!await scope.MayActForAsync(user, bodyId, cancellationToken))
        {
            return Refusal.Forbidden("您不能为该单位填报记录。");
        }

        var schema = type.Schema;
        var checkedRecord = RecordValidator.Validate(schema, input, ChinaTime.Today(clock));
        if (!checkedRecord.Succeeded)
        {
            return checkedRecord.Refusal!;
        }

        var values = checkedRecord.Value!;
        if (await db.Set<DataRecord>().AnyAsync(r => r.RecordTypeId == type.Id && r.BodyId == bodyId && r.NaturalKey == values.NaturalKey, cancellationToken))
        {
            return Refusal.Conflict($"本单位已有{KeyDescription(schema, values)}的记录，请修改那一条。");
        }

        var record = NewRecord(user, type, bodyId, values, await PublishByAsync(schema, values.DecisionDate, cancellationToken), submit);
        db.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(submit ? "record.submitted" : "record.created", RecordPublisher.Target(record), record.Title, bodyId, StaffClaims.DisplayNameOf(user), StaffClaims.UserIdOf(user));
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>Edits a record: an unpublished one in place (back to draft unless submitted again), a published one as
    /// changes waiting for review.</summary>
    public async Task<Outcome<DataRecord>> EditAsync(ClaimsPrincipal user, long id, IReadOnlyDictionary<string, string?> input, bool submit,
        CancellationToken cancellationToken = default)
    {
        var (record, type, refusal) = await LoadAsync(user, id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (record!.Status == RecordStatus.Withdrawn)
        {
            return Refusal.Conflict("已撤回的记录不能再修改。");
        }

        var schema = type!.Schema;
        var checkedRecord = RecordValidator.Validate(schema, input, ChinaTime.Today(clock));
        if (!checkedRecord.Succeeded)
        {
            return checkedRecord.Refusal!;
        }

        var values = checkedRecord.Value!;
        if (values.NaturalKey != record.NaturalKey)
        {
            return Refusal.InvalidField(schema.NaturalKey[0], $"不能修改{string.Join("、", schema.NaturalKey.Select(k => schema.Field(k)!.Label))}：它们识别这条记录。如有误，请撤回后重新填报。");
        }

        Apply(user, record, type, values, await PublishByAsync(schema, values.DecisionDate, cancellationToken), submit || record.Status == RecordStatus.Published);
        audit.Record("record.edited", RecordPublisher.Target(record), record.Title, record.BodyId, StaffClaims.DisplayNameOf(user), StaffClaims.UserIdOf(user));
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    public async Task<Outcome<DataRecord>> SubmitAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken = default)
    {
        var (record, _, refusal) = await LoadAsync(user, id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (record!.Status != RecordStatus.Draft)
        {
            return Refusal.Conflict("只有草稿可以提交审核。");
        }

        record.Status = RecordStatus.AwaitingReview;
        (record.SubmittedById, record.SubmittedByName) = Actor(user);
        record.UpdatedAt = clock.GetUtcNow();
        audit.Record("record.submitted", RecordPublisher.Target(record), record.Title, record.BodyId, StaffClaims.DisplayNameOf(user), StaffClaims.UserIdOf(user));
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>审核: a second person approves (the record is published, or its changes become a corrected version)
    /// or returns it (an unpublished one to draft; a published one's changes are dropped).</summary>
    public async Task<Outcome<DataRecord>> ReviewAsync(ClaimsPrincipal user, long id, bool approve, string? comment, CancellationToken cancellationToken = default)
    {
        var (record, type, refusal) = await LoadAsync(user, id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var reviewRefusal = CheckReviewable(user, record!);
        if (reviewRefusal is not null)
        {
            return reviewRefusal;
        }

        await db.InTransactionAsync(async () =>
        {
            await ReviewOneAsync(user, record!, type!, approve, comment, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            if (approve)
            {
                await publisher.RefreshDatasetAsync(type!, record!.BodyId, cancellationToken);
            }
        }, cancellationToken);
        return record!;
    }

    /// <summary>Approves every record of a type and body waiting for review that someone else submitted (an import's
    /// batch), in one transaction. Returns how many were published.</summary>
    public async Task<Outcome<int>> ApproveAllAsync(ClaimsPrincipal user, string typeKey, int bodyId, CancellationToken cancellationToken = default)
    {
        var type = await types.FindAsync(typeKey, cancellationToken);
        if (type is null)
        {
            return Refusal.NotFound($"没有“{typeKey}”这种记录类型。");
        }

        if (!await scope.MayActForAsync(user, bodyId, cancellationToken))
        {
            return Refusal.Forbidden("您不能审核该单位的记录。");
        }

        var waiting = await db.Set<DataRecord>()
            .Where(r => r.RecordTypeId == type.Id && r.BodyId == bodyId && (r.Status == RecordStatus.AwaitingReview || (r.Status == RecordStatus.Published && r.PendingValuesJson != null)))
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        var reviewable = waiting.Where(r => CheckReviewable(user, r) is null).ToList();
        if (reviewable.Count == 0)
        {
            return Refusal.Conflict(waiting.Count == 0 ? "没有待审核的记录。" : "待审核的记录都是您本人提交的，须由另一人审核。");
        }

        await db.InTransactionAsync(async () =>
        {
            foreach (var record in reviewable)
            {
                await ReviewOneAsync(user, record, type, approve: true, comment: null, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            await publisher.RefreshDatasetAsync(type, bodyId, cancellationToken);
        }, cancellationToken);
        return reviewable.Count;
    }

    public async Task<Outcome<DataRecord>> WithdrawAsync(ClaimsPrincipal user, long id, string? reason, CancellationToken cancellationToken = default)
    {
        var (record, type, refusal) = await LoadAsync(user, id, cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        if (record!.Status != RecordStatus.Published)
        {
            return Refusal.Conflict("只有已公开的记录可以撤回。");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Refusal.InvalidField("reason", "请说明撤回的理由（将公开显示）。");
        }

        if (reason.Trim().Length > DataRecord.WithdrawalReasonMaxLength)
        {
            // PostgreSQL refuses a longer value outright (SQLite would keep it): say so before anything is written.
            return Refusal.InvalidField("reason", $"撤回理由最多 {DataRecord.WithdrawalReasonMaxLength} 字。");
        }

        await db.InTransactionAsync(async () =>
        {
            var (actorId, actorName) = Actor(user);
            publisher.MarkWithdrawn(record, reason.Trim(), actorId, actorName);
            await db.SaveChangesAsync(cancellationToken);
            await publisher.RefreshDatasetAsync(type!, record.BodyId, cancellationToken);
        }, cancellationToken);
        return record;
    }

    /// <summary>Imports a table of records for one body: nothing is stored unless every row is valid (the report says
    /// what to fix, row by row). Rows match existing records on the natural key: identical ones are left alone (an
    /// import run twice changes nothing), new ones are added and changed ones updated, all waiting for review.</summary>
    public async Task<Outcome<ImportResult>> ImportAsync(ClaimsPrincipal user, string typeKey, int bodyId, IReadOnlyList<string> header,
        IEnumerable<IReadOnlyList<string>> rows, CancellationToken cancellationToken = default)
    {
        var type = await types.FindAsync(typeKey, cancellationToken);
        if (type is null)
        {
            return Refusal.NotFound($"没有“{typeKey}”这种记录类型。");
        }

        if (!await scope.MayActForAsync(user, bodyId, cancellationToken))
        {
            return Refusal.Forbidden("您不能为该单位导入记录。");
        }

        var schema = type.Schema;
        ImportReport report;
        try
        {
            report = ImportPlan.Check(schema, header, rows, ChinaTime.Today(clock));
        }
        catch (Import.TableFormatException error)
        {
            // Found while streaming the rows (a formula, an unclosed quote): the whole file is refused.
            report = new ImportReport([error.Message + "（本次未导入任何记录）"], [], 0);
        }

        if (!report.Accepted)
        {
            return new ImportResult(report, 0, 0, 0);
        }

        var calendar = await calendars.GetCalendarAsync(cancellationToken);
        var deadline = new PublishDeadline(calendar);
        var existing = await db.Set<DataRecord>()
            .Where(r => r.RecordTypeId == type.Id && r.BodyId == bodyId)
            .ToDictionaryAsync(r => r.NaturalKey, StringComparer.Ordinal, cancellationToken);
        int added = 0, changed = 0, unchanged = 0;
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var row in report.Rows)
            {
                var values = row.Record!;
                var publishBy = deadline.PublishBy(schema, values.DecisionDate);
                if (!existing.TryGetValue(values.NaturalKey, out var record))
                {
                    db.Add(NewRecord(user, type, bodyId, values, publishBy, submit: true));
                    added++;
                    continue;
                }

                var json = SchemaJsonFormat.WriteValues(values.Values);
                var current = record.PendingValuesJson ?? record.ValuesJson;
                if (record.Status == RecordStatus.Withdrawn || current == json)
                {
                    unchanged++;
                    continue;
                }

                Apply(user, record, type, values, publishBy, submit: true);
                db.Entry(record).State = EntityState.Modified;
                changed++;
            }

            audit.Record("record.imported", $"record-type:{type.Key}", $"新增 {added} 条，更新 {changed} 条，未变 {unchanged} 条", bodyId,
                StaffClaims.DisplayNameOf(user), StaffClaims.UserIdOf(user));
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        return new ImportResult(report, added, changed, unchanged);
    }

    public async Task<DateOnly?> PublishByAsync(RecordSchema schema, DateOnly? decisionDate, CancellationToken cancellationToken = default) =>
        schema.PublishWithinWorkingDays is null || decisionDate is null
            ? null
            : new PublishDeadline(await calendars.GetCalendarAsync(cancellationToken)).PublishBy(schema, decisionDate);

    private async Task ReviewOneAsync(ClaimsPrincipal user, DataRecord record, RecordType type, bool approve, string? comment, CancellationToken cancellationToken)
    {
        var (actorId, actorName) = Actor(user);
        if (!approve)
        {
            if (record.Status == RecordStatus.Published)
            {
                record.PendingValuesJson = null;
            }
            else
            {
                record.Status = RecordStatus.Draft;
            }

            record.UpdatedAt = clock.GetUtcNow();
            audit.Record("record.returned", RecordPublisher.Target(record), comment ?? record.Title, record.BodyId, actorName, actorId);
            return;
        }

        string? reason = null;
        if (record.Status == RecordStatus.Published)
        {
            record.ValuesJson = record.PendingValuesJson!;
            record.PendingValuesJson = null;
            record.Title = Shorten(SchemaJsonFormat.ReadValues(record.ValuesJson).GetValueOrDefault(type.Schema.TitleField) ?? record.Title);
            reason = string.IsNullOrWhiteSpace(comment) ? "数据更新" : comment.Trim();
        }

        await publisher.MarkPublishedAsync(record, type.Schema, reason, actorId, actorName, cancellationToken);
    }

    private static Refusal? CheckReviewable(ClaimsPrincipal user, DataRecord record)
    {
        if (record.Status != RecordStatus.AwaitingReview && !(record.Status == RecordStatus.Published && record.ChangesAwaitingReview))
        {
            return Refusal.Conflict("这条记录没有待审核的内容。");
        }

        var (actorId, actorName) = Actor(user);
        var submitter = record.SubmittedById ?? record.SubmittedByName;
        return submitter is not null && (submitter == actorId || submitter == actorName)
            ? Refusal.Forbidden("记录须由提交人以外的另一人审核后公开。")
            : null;
    }

    private async Task<(DataRecord? Record, RecordType? Type, Refusal? Refusal)> LoadAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken)
    {
        var record = await db.Set<DataRecord>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is null)
        {
            return (null, null, Refusal.NotFound("没有这条记录。"));
        }

        if (!await scope.MayActForAsync(user, record.BodyId, cancellationToken))
        {
            return (null, null, Refusal.Forbidden("您不能处理该单位的记录。"));
        }

        var type = await db.Set<RecordType>().AsNoTracking().FirstAsync(t => t.Id == record.RecordTypeId, cancellationToken);
        return (record, type, null);
    }

    private DataRecord NewRecord(ClaimsPrincipal user, RecordType type, int bodyId, CheckedRecord values, DateOnly? publishBy, bool submit)
    {
        var now = clock.GetUtcNow();
        var (actorId, actorName) = Actor(user);
        return new DataRecord
        {
            RecordTypeId = type.Id,
            SchemaVersion = type.Version,
            BodyId = bodyId,
            NaturalKey = values.NaturalKey,
            Title = Shorten(values.Title),
            Status = submit ? RecordStatus.AwaitingReview : RecordStatus.Draft,
            ValuesJson = SchemaJsonFormat.WriteValues(values.Values),
            DecisionDate = values.DecisionDate,
            PublishBy = publishBy,
            CreatedAt = now,
            UpdatedAt = now,
            CreatedById = actorId,
            CreatedByName = actorName,
            SubmittedById = submit ? actorId : null,
            SubmittedByName = submit ? actorName : null,
        };
    }

    private void Apply(ClaimsPrincipal user, DataRecord record, RecordType type, CheckedRecord values, DateOnly? publishBy, bool submit)
    {
        var json = SchemaJsonFormat.WriteValues(values.Values);
        if (record.Status == RecordStatus.Published)
        {
            record.PendingValuesJson = json;
        }
        else
        {
            record.ValuesJson = json;
            record.Title = Shorten(values.Title);
            record.DecisionDate = values.DecisionDate;
            record.PublishBy = publishBy;
            record.Status = submit ? RecordStatus.AwaitingReview : RecordStatus.Draft;
        }

        record.SchemaVersion = type.Version;
        if (submit)
        {
            (record.SubmittedById, record.SubmittedByName) = Actor(user);
        }

        record.UpdatedAt = clock.GetUtcNow();
    }

    private static (string? Id, string Name) Actor(ClaimsPrincipal user) => (StaffClaims.UserIdOf(user), StaffClaims.DisplayNameOf(user));

    private static string Shorten(string title) => title.Length <= 200 ? title : title[..199] + "…";

    private static string KeyDescription(RecordSchema schema, CheckedRecord values) =>
        string.Join("、", schema.NaturalKey.Select(k => $"{schema.Field(k)!.Label}为“{values.Values.GetValueOrDefault(k)}”"));
}
