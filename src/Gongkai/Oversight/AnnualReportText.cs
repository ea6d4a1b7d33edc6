using System.Globalization;
using System.Text;
using Gongkai.Organizations;
using Gongkai.Oversight.Rules;
using Gongkai.Platform.Pdf;
using static System.Net.WebUtility;

namespace Gongkai.Oversight;

/// <summary>The report written out in the 2021 format: HTML (the document's body and the public page), a PDF model,
/// and plain text (the demo document). One layout, so the three cannot disagree.</summary>
public static class AnnualReportText
{
    public static string Title(Body body, int year) => $"{body.Name}{year}年政府信息公开工作年度报告";

    /// <summary>The table 二 sections as the format prints them, with the cells of each.</summary>
    public static IReadOnlyList<(string Section, IReadOnlyList<string> Columns, IReadOnlyList<string> Items)> TableTwoSections { get; } =
    [
        ("第二十条第（一）项", [AnnualReportRules.Issued, AnnualReportRules.Repealed, AnnualReportRules.InForce], [AnnualReportRules.Regulations, AnnualReportRules.NormativeDocuments]),
        ("第二十条第（五）项", [AnnualReportRules.Decisions], ["行政许可"]),
        ("第二十条第（六）项", [AnnualReportRules.Decisions], ["行政处罚", "行政强制"]),
        ("第二十条第（八）项", [AnnualReportRules.FeeAmount], ["行政事业性收费"]),
    ];

    public static string Value(ReportFigure? figure) =>
        figure?.Value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "未填写";

    public static string Html(Body body, AnnualReport report, AnnualReportTables tables)
    {
        var html = new StringBuilder();
        void Paragraphs(string text)
        {
            var any = false;
            foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
            {
                html.Append("<p>").Append(HtmlEncode(line)).Append("</p>");
                any = true;
            }

            if (!any)
            {
                html.Append("<p>无。</p>");
            }
        }

        html.Append("<p>本报告依据《中华人民共和国政府信息公开条例》第四十九条、第五十条和国办公开办函〔2021〕30号规定的格式编制，数据统计期限为")
            .Append(report.Year).Append("年1月1日至12月31日。</p>");
        if (tables.Aggregation is { } aggregation)
        {
            html.Append("<p class=\"aggregation\">").Append(HtmlEncode(AnnualReportAggregation.Statement(aggregation))).Append("</p>");
        }

        html.Append("<h2>一、总体情况</h2>");
        Paragraphs(report.Overview);
        html.Append("<h2>二、主动公开政府信息情况</h2>");
        foreach (var (section, columns, items) in TableTwoSections)
        {
            html.Append("<table><caption>").Append(section).Append("</caption><thead><tr><th scope=\"col\">信息内容</th>");
            foreach (var column in columns)
            {
                html.Append("<th scope=\"col\">").Append(HtmlEncode(column)).Append("</th>");
            }

            html.Append("</tr></thead><tbody>");
            foreach (var item in items)
            {
                html.Append("<tr><th scope=\"row\">").Append(HtmlEncode(item)).Append("</th>");
                foreach (var column in columns)
                {
                    var figure = tables.Two.FirstOrDefault(f => f.Item == item && f.Column == column);
                    html.Append("<td>").Append(Value(figure)).Append(figure?.Source == FigureSource.Hand ? "（手工填报）" : "").Append("</td>");
                }

                html.Append("</tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("<h2>三、收到和处理政府信息公开申请情况</h2>");
        html.Append("<table><caption>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</caption><thead><tr><th scope=\"col\">申请人情况</th>");
        foreach (var column in AnnualReportRules.TableThreeColumns)
        {
            html.Append("<th scope=\"col\">").Append(column == "自然人" || column == "总计" ? column : "法人或其他组织·" + column).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var line in tables.Three)
        {
            var label = line.Kind is TableThreeLineKind.Group or TableThreeLineKind.Results ? "三、本年度办理结果·" + line.Label : line.Label;
            html.Append("<tr><th scope=\"row\">").Append(HtmlEncode(label)).Append("</th>");
            foreach (var count in line.Counts)
            {
                html.Append("<td>").Append(count.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        html.Append("<h2>四、政府信息公开行政复议、行政诉讼情况</h2>");
        html.Append("<table><thead><tr><th scope=\"col\">类别</th>");
        foreach (var column in AnnualReportRules.TableFourColumns)
        {
            html.Append("<th scope=\"col\">").Append(column).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var group in tables.Four)
        {
            html.Append("<tr><th scope=\"row\">").Append(HtmlEncode(group.Label)).Append("</th>");
            foreach (var count in group.Counts)
            {
                html.Append("<td>").Append(count.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
        html.Append("<h2>五、存在的主要问题及改进情况</h2>");
        Paragraphs(report.Problems);
        html.Append("<h2>六、其他需要报告的事项</h2>");
        Paragraphs(report.Other);
        return html.ToString();
    }

    /// <summary>The same report as PDF blocks (tables as rows of cells).</summary>
    public static PdfModel Pdf(Body body, AnnualReport report, AnnualReportTables tables)
    {
        var blocks = new List<PdfBlock>
        {
            new PdfParagraph($"数据统计期限：{report.Year}年1月1日至12月31日", PdfAlignment.Center),
        };
        if (tables.Aggregation is { } aggregation)
        {
            blocks.Add(new PdfParagraph(AnnualReportAggregation.Statement(aggregation)));
        }

        blocks.Add(new PdfHeading("一、总体情况", 2));
        void Paragraphs(string text)
        {
            var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
            blocks.AddRange(lines.Count == 0 ? [new PdfParagraph("无。")] : lines.Select(l => (PdfBlock)new PdfParagraph(l, Indent: true)));
        }

        Paragraphs(report.Overview);
        blocks.Add(new PdfHeading("二、主动公开政府信息情况", 2));
        foreach (var (section, columns, items) in TableTwoSections)
        {
            blocks.Add(new PdfTableRow([section], Header: true));
            blocks.Add(new PdfTableRow(["信息内容", .. columns], Header: true));
            foreach (var item in items)
            {
                blocks.Add(new PdfTableRow([item, .. columns.Select(c => Value(tables.Two.FirstOrDefault(f => f.Item == item && f.Column == c)))]));
            }
        }

        blocks.Add(new PdfHeading("三、收到和处理政府信息公开申请情况", 2));
        var widths = new List<float> { 3.2f, 1, 1, 1, 1, 1, 1, 1 };
        blocks.Add(new PdfTableRow(["申请人情况", .. AnnualReportRules.TableThreeColumns], Header: true, Widths: widths));
        foreach (var line in tables.Three)
        {
            blocks.Add(new PdfTableRow([line.Label, .. line.Counts.Select(n => n.ToString(CultureInfo.InvariantCulture))], Widths: widths));
        }

        blocks.Add(new PdfHeading("四、政府信息公开行政复议、行政诉讼情况", 2));
        blocks.Add(new PdfTableRow(["类别", .. AnnualReportRules.TableFourColumns], Header: true));
        foreach (var group in tables.Four)
        {
            blocks.Add(new PdfTableRow([group.Label, .. group.Counts.Select(n => n.ToString(CultureInfo.InvariantCulture))]));
        }

        blocks.Add(new PdfHeading("五、存在的主要问题及改进情况", 2));
        Paragraphs(report.Problems);
        blocks.Add(new PdfHeading("六、其他需要报告的事项", 2));
        Paragraphs(report.Other);
        return new PdfModel(Title(body, report.Year), blocks, body.Name);
    }

    /// <summary>Plain text (one line per row), for a document published without the editor (demo data).</summary>
    public static string Plain(AnnualReport report, AnnualReportTables tables)
    {
        var lines = new List<string> { tables.Aggregation is { } aggregation ? AnnualReportAggregation.Statement(aggregation) : "", "一、总体情况", report.Overview, "二、主动公开政府信息情况" };
        lines.AddRange(tables.Two.Select(f => $"{f.Item}　{f.Column}：{Value(f)}{(f.Source == FigureSource.Hand ? "（手工填报）" : "")}"));
        lines.Add("三、收到和处理政府信息公开申请情况（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计）");
        lines.AddRange(tables.Three.Select(l => $"{l.Label}：{string.Join("、", l.Counts)}"));
        lines.Add("四、政府信息公开行政复议、行政诉讼情况（维持、纠正、其他、尚未审结、总计）");
        lines.AddRange(tables.Four.Select(g => $"{g.Label}：{string.Join("、", g.Counts)}"));
        lines.AddRange(["五、存在的主要问题及改进情况", report.Problems.Length > 0 ? report.Problems : "无。", "六、其他需要报告的事项", report.Other.Length > 0 ? report.Other : "无。"]);
        return string.Join("\n", lines.Where(l => l.Length > 0));
    }
}
