using System.Globalization;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Web;
using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Gazette;

/// <summary>Rules of an issue's identity, without I/O.</summary>
public static class GazetteRules
{
    public const int MaxTitleLength = 200;

    public static Dictionary<string, string[]> Validate(int? year, int? number, DateOnly? issuedOn, string? title)
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

        return errors;
    }

    public static string DefaultTitle(string siteName, int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{siteName}公报 {year}年第{number}期");
}

public sealed record GazetteResult(bool Succeeded, GazetteIssue? Issue, string? Message, IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public static GazetteResult Done(GazetteIssue issue) => new(true, issue, null);

    public static GazetteResult Fail(string message, IReadOnlyDictionary<string, string[]>? errors = null) => new(false, null, message, errors);
}

/// <summary>Staff work on gazette issues: create, add published documents, reorder, remove, publish. Every change is
/// audited in the same unit of work. The gazette pages are not output-cached, so nothing needs evicting.</summary>
public sealed class GazetteDesk(GongkaiDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<GazetteResult> CreateAsync(int? year, int? number, DateOnly? issuedOn, string? title, CancellationToken cancellationToken = default)
    {
        var errors = GazetteRules.Validate(year, number, issuedOn, title);
        if (errors.Count > 0)
        {
            return GazetteResult.Fail("公报信息有误，请修改后重新提交。", errors);
        }

        if (await db.Set<GazetteIssue>().AnyAsync(i => i.Year == year && i.Number == number, cancellationToken))
        {
            return GazetteResult.Fail("公报信息有误，请修改后重新提交。", new Dictionary<string, string[]> { ["number"] = [$"{year}年第{number}期已经存在。"] });
        }

        var issue = new GazetteIssue { Year = year!.Value, Number = number!.Value, IssuedOn = issuedOn!.Value, Title = title!.Trim(), CreatedAt = clock.GetUtcNow() };
        db.Add(issue);
        audit.Record("gazette.created", Target(issue), issue.Title);
        await db.SaveChangesAsync(cancellationToken);
        return GazetteResult.Done(issue);
    }

    /// <summary>Adds a published document (by 索引号) at the end of the issue's contents.</summary>
    public Task<GazetteResult> AddAsync(int issueId, string? indexNo, CancellationToken cancellationToken = default) =>
        ChangeAsync(issueId, async issue =>
        {
            var key = indexNo?.Trim();
            var document = string.IsNullOrEmpty(key) ? null : await db.Set<Document>().AsNoTracking()
                .SingleOrDefaultAsync(d => d.IndexNo == key && d.Status == DocumentStatus.Published, cancellationToken);
            if (document is null)
            {
                return $"没有索引号为“{key}”的已发布文件。公报只能收录已发布且未撤回的文件。";
            }

            if (issue.Entries.Any(e => e.DocumentId == document.Id))
            {
                return $"《{document.Title}》已在本期中。";
            }

            issue.Entries.Add(new GazetteEntry { DocumentId = document.Id, Position = issue.Entries.Select(e => e.Position).DefaultIfEmpty(0).Max() + 1 });
            audit.Record("gazette.document-added", Target(issue), $"{document.IndexNo} {document.Title}");
            return null;
        }, cancellationToken);

    /// <summary>Moves a document one place up (<paramref name="offset"/> −1) or down (+1).</summary>
    public Task<GazetteResult> MoveAsync(int issueId, int documentId, int offset, CancellationToken cancellationToken = default) =>
        ChangeAsync(issueId, issue =>
        {
            var ordered = issue.Entries.OrderBy(e => e.Position).ToList();
            var index = ordered.FindIndex(e => e.DocumentId == documentId);
            var target = index + Math.Sign(offset);
            if (index < 0 || target < 0 || target >= ordered.Count)
            {
                return Task.FromResult<string?>(index < 0 ? "该文件不在本期中。" : "已经在最前或最后，无法再移动。");
            }

            (ordered[index], ordered[target]) = (ordered[target], ordered[index]);
            for (var i = 0; i < ordered.Count; i++)
            {
                ordered[i].Position = i + 1;
            }

            audit.Record("gazette.reordered", Target(issue), string.Join(',', ordered.Select(e => e.DocumentId)));
            return Task.FromResult<string?>(null);
        }, cancellationToken);

    public Task<GazetteResult> RemoveAsync(int issueId, int documentId, CancellationToken cancellationToken = default) =>
        ChangeAsync(issueId, issue =>
        {
            var entry = issue.Entries.FirstOrDefault(e => e.DocumentId == documentId);
            if (entry is null)
            {
                return Task.FromResult<string?>("该文件不在本期中。");
            }

            issue.Entries.Remove(entry);
            audit.Record("gazette.document-removed", Target(issue), documentId.ToString(CultureInfo.InvariantCulture));
            return Task.FromResult<string?>(null);
        }, cancellationToken);

    public Task<GazetteResult> PublishAsync(int issueId, CancellationToken cancellationToken = default) =>
        ChangeAsync(issueId, issue =>
        {
            if (issue.Entries.Count == 0)
            {
                return Task.FromResult<string?>("本期还没有收录文件，不能发布。");
            }

            issue.PublishedAt = clock.GetUtcNow();
            audit.Record("gazette.published", Target(issue), $"{issue.Title}（{issue.Entries.Count} 件）");
            return Task.FromResult<string?>(null);
        }, cancellationToken, allowPublished: false);

    private async Task<GazetteResult> ChangeAsync(int issueId, Func<GazetteIssue, Task<string?>> change, CancellationToken cancellationToken, bool allowPublished = true)
    {
        var issue = await db.Set<GazetteIssue>().Include(i => i.Entries).SingleOrDefaultAsync(i => i.Id == issueId, cancellationToken);
        if (issue is null)
        {
            return GazetteResult.Fail("没有找到该期公报。");
        }

        if (!allowPublished && issue.IsPublished)
        {
            return GazetteResult.Fail("本期已经发布。");
        }

        if (await change(issue) is { } problem)
        {
            return GazetteResult.Fail(problem);
        }

        await db.SaveChangesAsync(cancellationToken);
        return GazetteResult.Done(issue);
    }

    private static string Target(GazetteIssue issue) => $"gazette:{issue.Year}-{issue.Number}";
}
