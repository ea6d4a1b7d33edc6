using AngleSharp.Html.Parser;
using Gongkai.Platform.Data;
using Gongkai.Platform.Pdf;
using Gongkai.Publishing.Contracts;
using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Publishing.Gazette;

/// <summary>A line of an issue's table of contents.</summary>
public sealed record GazetteContentsLine(int DocumentId, string Title, string? DocNumber, string BodyName, string? IndexNo, bool Withdrawn)
{
    public string? Url => IndexNo is null ? null : DocumentSummary.DocumentUrl(IndexNo);
}

public sealed record GazetteIssueView(GazetteIssue Issue, IReadOnlyList<GazetteContentsLine> Contents);

/// <summary>Read side of the gazette: published issues by year, searchable by a document's title or 文号, and the PDF
/// edition of an issue. Staff reads (<see cref="ForStaffAsync"/>) also see unpublished issues.</summary>
public sealed class GazetteArchive(GongkaiDbContext db, IPublicLogEntries log)
{
    public async Task<IReadOnlyList<(int Year, int Issues)>> YearsAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<GazetteIssue>().AsNoTracking().Where(i => i.PublishedAt != null)
            .GroupBy(i => i.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return rows.OrderByDescending(r => r.Year).Select(r => (r.Year, r.Count)).ToList();
    }

    /// <summary>Published issues (of a year, when given), newest first, with their contents; with <paramref name="query"/>,
    /// only issues containing a document whose title or 文号 contains it, and only those lines.</summary>
    public async Task<IReadOnlyList<GazetteIssueView>> SearchAsync(int? year, string? query, CancellationToken cancellationToken = default)
    {
        var issues = db.Set<GazetteIssue>().AsNoTracking().Where(i => i.PublishedAt != null);
        if (year is { } y)
        {
            issues = issues.Where(i => i.Year == y);
        }

        var list = await issues.OrderByDescending(i => i.Year).ThenByDescending(i => i.Number).ToListAsync(cancellationToken);
        var contents = await ContentsAsync(list.Select(i => i.Id).ToList(), cancellationToken);
        var term = query?.Trim();
        return list
            .Select(i => new GazetteIssueView(i, contents.GetValueOrDefault(i.Id, [])
                .Where(l => string.IsNullOrEmpty(term) || l.Title.Contains(term, StringComparison.OrdinalIgnoreCase) || (l.DocNumber?.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false))
                .ToList()))
            .Where(v => string.IsNullOrEmpty(term) || v.Contents.Count > 0)
            .ToList();
    }

    public async Task<GazetteIssueView?> FindAsync(int year, int number, CancellationToken cancellationToken = default)
    {
        var issue = await db.Set<GazetteIssue>().AsNoTracking().SingleOrDefaultAsync(i => i.Year == year && i.Number == number && i.PublishedAt != null, cancellationToken);
        return issue is null ? null : new(issue, (await ContentsAsync([issue.Id], cancellationToken)).GetValueOrDefault(issue.Id, []));
    }

    public async Task<GazetteIssueView?> ForStaffAsync(int id, CancellationToken cancellationToken = default)
    {
        var issue = await db.Set<GazetteIssue>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        return issue is null ? null : new(issue, (await ContentsAsync([issue.Id], cancellationToken)).GetValueOrDefault(issue.Id, []));
    }

    public async Task<IReadOnlyList<GazetteIssue>> AllForStaffAsync(CancellationToken cancellationToken = default) =>
        await db.Set<GazetteIssue>().AsNoTracking().OrderByDescending(i => i.Year).ThenByDescending(i => i.Number).ToListAsync(cancellationToken);

    /// <summary>The electronic edition: cover title, table of contents, then each document on its own pages.</summary>
    public async Task<PdfModel> EditionAsync(GazetteIssueView view, CancellationToken cancellationToken = default)
    {
        var ids = view.Contents.Where(c => !c.Withdrawn).Select(c => c.DocumentId).ToList();
        var bodies = await db.Set<Document>().AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.BodyHtml }).ToDictionaryAsync(d => d.Id, d => d.BodyHtml, cancellationToken);
        var blocks = new List<PdfBlock>
        {
            new PdfParagraph($"{view.Issue.Year}年第{view.Issue.Number}期　{view.Issue.IssuedOn:yyyy年M月d日}出版", PdfAlignment.Center),
            new PdfHeading("目录"),
            new PdfTableRow(["序号", "标题", "文号"], Header: true, Widths: [1, 6, 3]),
        };
        blocks.AddRange(view.Contents.Select((c, i) => (PdfBlock)new PdfTableRow([(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), c.Title, c.DocNumber ?? ""], Widths: [1, 6, 3])));
        if (await log.LatestHeadAsync(cancellationToken) is { } head)
        {
            // Paper witnesses the log: anyone holding this copy can later ask the site to prove its log extends this head.
            blocks.Add(new PdfParagraph(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"公开日志见证：本版生成时，本站公开日志的最新签名树头为 {head.TreeSize} 条，签发于 {Platform.Time.ChinaTime.Format(head.SignedAt)}（北京时间），根哈希 {head.RootHash}。核验方法见本站“公开日志”页面（/log）。")));
        }

        foreach (var line in view.Contents)
        {
            blocks.Add(new PdfPageBreak());
            blocks.Add(new PdfHeading(line.Title));
            if (line.DocNumber is not null)
            {
                blocks.Add(new PdfParagraph(line.DocNumber, PdfAlignment.Center));
            }

            if (line.Withdrawn || !bodies.TryGetValue(line.DocumentId, out var html))
            {
                blocks.Add(new PdfParagraph("（该文件已撤回。）", PdfAlignment.Center));
                continue;
            }

            blocks.AddRange(HtmlBlocks(html));
            blocks.Add(new PdfParagraph(line.BodyName, PdfAlignment.Right));
        }

        return new PdfModel(view.Issue.Title, blocks, view.Issue.Title);
    }

    /// <summary>Sanitised document HTML as PDF blocks: headings, paragraphs and list items as text, table rows as rows.</summary>
    public static IEnumerable<PdfBlock> HtmlBlocks(string html)
    {
        var parsed = new HtmlParser().ParseDocument("<body>" + html + "</body>");
        var elements = parsed.Body!.QuerySelectorAll("h1, h2, h3, h4, h5, h6, p, li, tr").ToList();
        if (elements.Count == 0)
        {
            yield return new PdfParagraph(parsed.Body.TextContent.Trim(), Indent: true);
            yield break;
        }

        foreach (var element in elements)
        {
            if (element.LocalName != "tr" && element.Closest("tr") is not null)
            {
                continue;
            }

            switch (element.LocalName)
            {
                case "tr":
                    yield return new PdfTableRow(element.Children.Where(c => c.LocalName is "td" or "th").Select(c => c.TextContent.Trim()).ToList(),
                        Header: element.Children.All(c => c.LocalName == "th"));
                    break;
                case ['h', _]:
                    yield return new PdfHeading(element.TextContent.Trim(), element.LocalName[1] - '0' + 1);
                    break;
                default:
                    if (element.LocalName == "p" && element.Closest("li") is not null)
                    {
                        continue;
                    }

                    yield return new PdfParagraph(element.TextContent.Trim(), Indent: element.LocalName == "p");
                    break;
            }
        }
    }

    private async Task<Dictionary<int, List<GazetteContentsLine>>> ContentsAsync(List<int> issueIds, CancellationToken cancellationToken)
    {
        var rows = await db.Set<GazetteEntry>().AsNoTracking().Where(e => issueIds.Contains(e.IssueId))
            .OrderBy(e => e.Position)
            .Select(e => new
            {
                e.IssueId,
                Line = new GazetteContentsLine(e.DocumentId, e.Document!.Title, e.Document.DocNumber, e.Document.Body!.Name, e.Document.IndexNo,
                    e.Document.Status == DocumentStatus.Withdrawn),
            })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.IssueId).ToDictionary(g => g.Key, g => g.Select(r => r.Line).ToList());
    }
}
