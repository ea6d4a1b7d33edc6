using System.Globalization;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Web;
using Gongkai.Platform.Outcomes;
using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Gazette;

/// <summary>An issue's identity that passed <see cref="GazetteRules.Validate"/>.</summary>
public sealed record CheckedGazetteIssue(int Year, int Number, DateOnly IssuedOn, string Title);

/// <summary>Rules of an issue's identity, without I/O.</summary>
public static class GazetteRules
{
    public const int MaxTitleLength = 200;

    public const string InvalidMessage = "公报信息有误，请修改后重新提交。";

    public static Outcome<CheckedGazetteIssue> Validate(int? year, int? number, DateOnly? issuedOn, string? title)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (year is not (>= 1949 and <= 2100))
        {
            errors["year"] = ["请填写年份（如 2024）。"];
        }

        if (number is not (>= 1 and <= 999))
        {
            errors["number"] = ["期号应为 1 至 999 之间的整数。"];
        }

        if (issuedOn is null)
        {
            errors["issuedOn"] = ["请按“2024-09-27”的格式填写出版日期。"];
        }
        else if (year is { } y && issuedOn.Value.Year != y)
        {
            errors["issuedOn"] = [$"出版日期应在 {y} 年内。"];
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            errors["title"] = ["请填写标题，如“绵阳市人民政府公报 2024年第3期”。"];
        }
        else if (title.Trim().Length > MaxTitleLength)
        {
            errors["title"] = [$"标题不能超过 {MaxTitleLength} 个字。"];
        }

        return errors.Count > 0 || year is not { } validYear || number is not { } validNumber || issuedOn is not { } validDate || title is null
            ? Refusal.Invalid(InvalidMessage, errors, "公报信息有误")
            : new CheckedGazetteIssue(validYear, validNumber, validDate, title.Trim());
    }

    public static string DefaultTitle(string siteName, int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{siteName}公报 {year}年第{number}期");
}

/// <summary>Staff work on gazette issues: create, add published documents, reorder, remove, publish (after which the issue is fixed). Every change is
/// audited in the same unit of work. The gazette pages are not output-cached, so nothing needs evicting.</summary>
public sealed class GazetteDesk(GongkaiDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<Outcome<GazetteIssue>> CreateAsync(int? year, int? number, DateOnly? issuedOn, string? title, CancellationToken cancellationToken = default)
    {
        var validated = GazetteRules.Validate(year, number, issuedOn, title);
        if (!validated.Succeeded)
        {
            return validated.Refusal;
        }

        var input = validated.Value;
        if (await db.Set<GazetteIssue>().AnyAsync(i => i.Year == input.Year && i.Number == input.Number, cancellationToken))
        {
            return Refusal.Invalid(GazetteRules.InvalidMessage, new Dictionary<string, string[]> { ["number"] = [$"{input.Year}年第{input.Number}期已经存在。"] }, "公报信息有误");
        }

        var issue = new GazetteIssue { Year = input.Year, Number = input.Number, IssuedOn = input.IssuedOn, Title = input.Title, CreatedAt = clock.GetUtcNow() };
        db.Add(issue);
        audit.Record("gazette.created", Target(issue), issue.Title);
        await db.SaveChangesAsync(cancellationToken);
        return issue;
    }

    /// <summary>Adds a published document (by 索引号) at the end of the issue's contents.</summary>
    public Task<Outcome<GazetteIssue>> AddAsync(int issueId, string? indexNo, CancellationToken cancellationToken = default) =>
        ChangeAsync(issueId, async issue =>
        {
            var key = indexNo?.Trim();
            var document = string.IsNullOrEmpty(key) ? null : await db.Set<Document>().AsNoTracking()
                .SingleOrDefaultAsync(d => d.IndexNo == key && d.Status == DocumentStatus.Published, cancellationToken);
            if (document is null)
            {
                return Refusal.InvalidField("indexNo", $"没有索引号为“{key}”的已发布文件。公报只能收录已发布且未撤回的文件。");
            }

            if (issue.Entries.Any(e => e.DocumentId == document.Id))
            {
                return Refusal.Conflict($"《{document.Title}》已在本期中。");
            }

            issue.Entries.Add(new GazetteEntry { DocumentId = document.Id, Position = issue.Entries.Select(e => e.Position).DefaultIfEmpty(0).Max() + 1 });
            audit.Record("gazette.document-added", Target(issue), $"{document.IndexNo} {document.Title}");
            return Outcome.Done;
        }, cancellationToken);

    /// <summary>Moves a document one place up (<paramref name="offset"/> −1) or down (+1).</summary>
    public Task<Outcome<GazetteIssue>> MoveAsync(int issueId, int documentId, int offset, CancellationToken cancellationToken = default) =>
        ChangeAsync(issueId, issue =>
        {
            var ordered = issue.Entries.OrderBy(e => e.Position).ToList();
            var index = ordered.FindIndex(e => e.DocumentId == documentId);
            var target = index + Math.Sign(offset);
            if (index < 0 || target < 0 || target >= ordered.Count)
            {
                return Task.FromResult<Outcome>(index < 0 ? Refusal.NotFound("该文件不在本期中。") : Refusal.Conflict("已经在最前或最后，无法再移动。"));
            }

            (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
            for (var i = 0; i < ordered.Count; i++)
            {
                ordered[i].Position = i + 1;
            }

            audit.Record("gazette.reordered", Target(issue), string.Join(',', ordered.Select(e => e.DocumentId)));
            return Task.FromResult(Outcome.Done);
        }, cancellationToken);

    public Task<Outcome<GazetteIssue>> RemoveAsync(int issueId, int documentId, CancellationToken cancellationToken = default) =>
        ChangeAsync(issueId, issue =>
        {
            var entry = issue.Entries.FirstOrDefault(e => e.DocumentId == documentId);
            if (entry is null)
            {
                return Task.FromResult<Outcome>(Refusal.NotFound("该文件不在本期中。"));
            }

            issue.Entries.Remove(entry);
            audit.Record("gazette.document-removed", Target(issue), documentId.ToString(CultureInfo.InvariantCulture));
            return Task.FromResult(Outcome.Done);
        }, cancellationToken);

    public Task<Outcome<GazetteIssue>> PublishAsync(int issueId, CancellationToken cancellationToken = default) =>
        ChangeAsync(issueId, issue =>
        {
            if (issue.Entries.Count == 0)
            {
                return Task.FromResult<Outcome>(Refusal.Conflict("本期还没有收录文件，不能发布。"));
            }

            issue.PublishedAt = clock.GetUtcNow();
            audit.Record("gazette.published", Target(issue), $"{issue.Title}（{issue.Entries.Count} 件）");
            // The public log appends the issue's leaf from this row (same unit of work as the publication).
            db.RecordChange(PublishingChanges.GazetteIssuePublished, Contracts.PublishedGazetteIssue.Keyed(issue.Year, issue.Number));
            return Task.FromResult(Outcome.Done);
        }, cancellationToken);

    /// <summary>Applies a change to an issue still being edited: a published issue is fixed (its contents are in the public
    /// log and in printed copies), so every change to it is refused.</summary>
    private async Task<Outcome<GazetteIssue>> ChangeAsync(int issueId, Func<GazetteIssue, Task<Outcome>> change, CancellationToken cancellationToken)
    {
        var issue = await db.Set<GazetteIssue>().Include(i => i.Entries).SingleOrDefaultAsync(i => i.Id == issueId, cancellationToken);
        if (issue is null)
        {
            return Refusal.NotFound("没有找到该期公报。");
        }

        if (issue.IsPublished)
        {
            return Refusal.Conflict("本期已经发布，目录不能再改动。");
        }

        var changed = await change(issue);
        if (!changed.Succeeded)
        {
            return changed.Refusal;
        }

        await db.SaveChangesAsync(cancellationToken);
        return issue;
    }

    private static string Target(GazetteIssue issue) => $"gazette:{issue.Year}-{issue.Number}";
}
