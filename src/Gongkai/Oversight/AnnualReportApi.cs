using System.Security.Claims;
using Gongkai.Oversight.Rules;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Oversight;

/// <summary>A cell of table 二 in the API: <c>source</c> is <c>computed</c> or <c>hand</c> (entered by hand); <c>value</c>
/// null while a hand figure is missing.</summary>
public sealed record AnnualReportFigureItem(string Key, string Item, string Column, decimal? Value, string Source);

/// <summary>A row of table 三 (seven counts: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计) or a group of
/// table 四 (维持, 纠正, 其他, 尚未审结, 总计).</summary>
public sealed record AnnualReportRowItem(string Key, string Label, IReadOnlyList<long> Counts);

/// <summary>One invariant and its result; <c>detail</c> names the cell and the numbers.</summary>
public sealed record AnnualReportCheckItem(string Rule, bool Ok, string Detail);

/// <summary>The tables of <c>GET /api/v1/annual-reports/{body}/{year}</c>, keyed as the format numbers them.</summary>
public sealed record AnnualReportTablesItem(
    [property: System.Text.Json.Serialization.JsonPropertyName("二")] IReadOnlyList<AnnualReportFigureItem> Two,
    [property: System.Text.Json.Serialization.JsonPropertyName("三")] IReadOnlyList<AnnualReportRowItem> Three,
    [property: System.Text.Json.Serialization.JsonPropertyName("四")] IReadOnlyList<AnnualReportRowItem> Four);

/// <summary>A department a government's report could not include, and why.</summary>
public sealed record AnnualReportMissingItem(string Body, string Reason);

/// <summary>For a government's report: the bodies whose figures it sums (itself first), the departments it could not
/// include, and the cells that are sums.</summary>
public sealed record AnnualReportAggregationItem(IReadOnlyList<string> Included, IReadOnlyList<AnnualReportMissingItem> Missing, IReadOnlyList<string> Cells);

/// <summary>The answer of <c>GET /api/v1/annual-reports/{body}/{year}</c>. <c>status</c>: draft | frozen | in-review |
/// returned | published | withdrawn; <c>dueOn</c> the statutory deadline; <c>indexNo</c> the document's 索引号 once published.</summary>
public sealed record AnnualReportResponse(
    string Body, int Year, string Status, DateOnly DueOn, string? IndexNo, AnnualReportTablesItem Tables, IReadOnlyList<AnnualReportCheckItem> Checks,
    AnnualReportAggregationItem? Aggregation);

internal static class AnnualReportApi
{
    public static void MapAnnualReportApi(this WebApplication app)
    {
        app.MapGet("/api/v1/annual-reports/{body}/{year:int}", GetAsync).WithTags("年度报告")
            .WithSummary("一个机关某年度的政府信息公开工作年度报告：表二至表四的数据和勾稽关系校验（发布后公开；发布前仅本单位及上级工作人员可见）")
            .AllowAnonymous();
        app.MapGet("/annual-reports/{body}/{year:int}.pdf", PdfAsync).WithTags("年度报告")
            .WithSummary("年度报告 PDF（发布后公开；发布前仅本单位及上级工作人员可见）").AllowAnonymous();
    }

    public static AnnualReportResponse Response(AnnualReportView view) => new(
        view.Body.Code, view.Report.Year, view.Status, view.DueOn, view.Published ? view.Document?.IndexNo : null,
        new AnnualReportTablesItem(
            view.Tables.Two.Select(f => new AnnualReportFigureItem(f.Key, f.Item, f.Column, f.Value, f.Source == FigureSource.Hand ? "hand" : "computed")).ToList(),
            view.Tables.Three.Select(l => new AnnualReportRowItem(l.Key, l.Label, l.Counts)).ToList(),
            view.Tables.Four.Select(g => new AnnualReportRowItem(g.Kind, g.Label, g.Counts)).ToList()),
        view.Checks.Select(c => new AnnualReportCheckItem(c.Rule, c.Ok, c.Detail)).ToList(),
        view.Tables.Aggregation is { } a
            ? new AnnualReportAggregationItem(a.Included, a.Missing.Select(m => new AnnualReportMissingItem(m.Body, m.Reason)).ToList(), a.Cells)
            : null);

    private static async Task<Results<Ok<AnnualReportResponse>, ProblemHttpResult, ValidationProblem>> GetAsync(
        string body, int year, ClaimsPrincipal user, AnnualReportDesk desk, CancellationToken cancellationToken) =>
        (await desk.FindAsync(user, body, year, cancellationToken)).ToResult(v => TypedResults.Ok(Response(v)));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> PdfAsync(
        string body, int year, ClaimsPrincipal user, AnnualReportDesk desk, PdfRenderer renderer, CancellationToken cancellationToken) =>
        (await desk.FindAsync(user, body, year, cancellationToken)).ToResult(v => TypedResults.File(
            renderer.Render(AnnualReportText.Pdf(v.Body, v.Report, v.Tables)), "application/pdf", $"{v.Body.Code}-{year}-annual-report.pdf"));
}
