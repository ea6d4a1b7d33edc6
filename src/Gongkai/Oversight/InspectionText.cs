using System.Globalization;
using Gongkai.Oversight.Rules;
using Gongkai.Platform.Pdf;

namespace Gongkai.Oversight;

/// <summary>The monthly self-inspection report (网站自查月度报告) of one body as PDF blocks.</summary>
public static class InspectionText
{
    public static string Title(MonthlyInspection month) => $"{month.Body.Name}网站自查月度报告（{month.Year}年{month.Month}月）";

    public static PdfModel Pdf(MonthlyInspection month)
    {
        ArgumentNullException.ThrowIfNull(month);
        var result = month.Report.Result;
        var blocks = new List<PdfBlock>
        {
            new PdfParagraph($"自查日期：{TaskProgress.Format(month.LastDay)}（月末）　生成时间：{month.GeneratedAt}", PdfAlignment.Center),
            new PdfParagraph("依据国办秘函〔2019〕19号，由本站数据计算。栏目更新按月末以前发布的文件计算，可用性按本月探测记录计算，" +
                "留言按月末时近一年内收到、超过3个月的计算；失效链接、留言是否已答复和办事指南要素按生成时的数据计算（这些记录不保留历史）。", Indent: true),
            new PdfHeading("一、结果", 2),
            new PdfParagraph($"得分 {result.Score}；超期未更新栏目 {result.StaleCount} 个，空白栏目 {result.EmptyCount} 个，共 {result.Columns.Count} 个栏目；" +
                $"已公开文件中失效链接 {result.BrokenLinks} 个；{(result.Passes ? "合格" : "不合格")}。"),
        };
        blocks.AddRange(result.Vetoes.Count == 0
            ? [new PdfParagraph("没有单项否决项。")]
            : result.Vetoes.Select(v => (PdfBlock)new PdfParagraph("单项否决：" + v.Detail)));

        blocks.Add(new PdfHeading("二、可用性", 2));
        var availability = result.Availability;
        blocks.Add(new PdfParagraph($"本月各节点探测本站 {availability?.Probes ?? 0} 次，{availability?.Failed ?? 0} 次未能在 {AvailabilityRule.TimeoutMilliseconds / 1000} 秒内打开；" +
            $"可用率 {(availability?.Percent is { } percent ? percent.ToString("0.##", CultureInfo.InvariantCulture) + "%" : "暂无探测记录")}。"));

        blocks.Add(new PdfHeading("三、互动留言和办事指南", 2));
        if (result.Unanswered.Count == 0)
        {
            blocks.Add(new PdfParagraph($"没有超过 {ColumnFreshness.UnansweredMonths} 个月未答复的留言。"));
        }
        else
        {
            blocks.Add(new PdfTableRow(["渠道", "条数", "最早收到"], Header: true));
            blocks.AddRange(result.Unanswered.OrderBy(u => u.OldestReceivedOn)
                .Select(u => (PdfBlock)new PdfTableRow([u.Channel, u.Count.ToString(CultureInfo.InvariantCulture), TaskProgress.Format(u.OldestReceivedOn)])));
        }

        if (result.IncompleteGuides.Count == 0)
        {
            blocks.Add(new PdfParagraph("已公开的办事指南要素齐全。"));
        }
        else
        {
            blocks.Add(new PdfTableRow(["办事指南", "缺少的要素"], Header: true));
            blocks.AddRange(result.IncompleteGuides.Select(g => (PdfBlock)new PdfTableRow([g.ItemName, string.Join("、", g.Missing)])));
        }

        blocks.Add(new PdfHeading("四、栏目", 2));
        var widths = new List<float> { 3.4f, 1.6f, 0.8f, 1.4f, 1.2f };
        blocks.Add(new PdfTableRow(["栏目", "类别", "已公开", "最近更新", "状态"], Header: true, Widths: widths));
        foreach (var c in result.Columns.OrderByDescending(c => c.Stale).ThenByDescending(c => c.Empty).ThenBy(c => c.StaleOn))
        {
            var path = month.Report.Columns.TryGetValue(c.Column.Id, out var activity) ? activity.Path : c.Column.Name;
            var last = c.Column.LastUpdated is { } at ? TaskProgress.Format(Platform.Time.ChinaTime.DateOf(at)) : "—";
            var state = c.Empty ? "空白" : c.Stale ? "超期未更新" : c.StaleSoon ? "即将超期" : "正常";
            blocks.Add(new PdfTableRow([path, ColumnFreshness.ChineseName(c.Kind), c.Column.PublishedCount.ToString(CultureInfo.InvariantCulture), last, state], Widths: widths));
        }

        return new PdfModel(Title(month), blocks, month.Body.Name);
    }
}
