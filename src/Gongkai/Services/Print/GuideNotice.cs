using System.Globalization;
using Gongkai.Platform.Pdf;
using Gongkai.Services.Rules;

namespace Gongkai.Services.Print;

/// <summary>What a 一次性告知单 prints: the guide's content as published, who implements it, the dates of the version, the
/// address of the online guide (printed and as a QR code) and the day it was printed.</summary>
public sealed record GuideNoticeContent(
    GuideContent Content, string BodyName, int VersionNumber, DateOnly? PublishedOn, DateOnly EffectiveOn, string OnlineUrl, DateOnly PrintedOn);

/// <summary>
/// The 一次性告知单 of a service guide (issue 17, 办事指南): everything an applicant must bring and know on one A4 sheet, so
/// that one visit is enough. Laid out as a table of the guide's elements; when a long guide does not fit, the longest
/// entries are shortened (each ends with a pointer to the QR code) until it does — the sheet never runs onto a second page.
/// </summary>
public static class GuideNotice
{
    public const string Heading = "一次性告知单";

    public const string QrCaption = "扫码查看网上办事指南";

    public const string Shortened = "……（详见网上办事指南）";

    /// <summary>Entries are never cut below this many characters.</summary>
    private const int ShortestCut = 24;

    public static string Title(GuideContent content) => content.ItemName + Heading;

    public static string Date(DateOnly day) => day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    /// <summary>The elements as (label, text) rows, in the order of the online guide.</summary>
    public static IReadOnlyList<(string Label, string Text)> Rows(GuideNoticeContent notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var c = notice.Content;
        var materials = c.Materials.Count == 0
            ? "无需提交材料"
            : string.Join('\n', c.Materials.Select((m, i) =>
                $"{i + 1}. {m.Name}（{(string.IsNullOrEmpty(m.Form) ? "" : m.Form + "，")}{m.Copies.ToString(CultureInfo.InvariantCulture)} 份）"));
        var online = (c.OneVisit ? "最多跑一次：是" : "最多跑一次：否") + "；" + (c.FullyOnline ? "全程网办：是" : "全程网办：否")
            + (c.OnlineUrl is { } url ? "；网上办理：" + url : "");
        return
        [
            ("事项名称", c.ItemName),
            ("事项类型", c.ItemType),
            ("实施机关", notice.BodyName),
            ("设定依据", c.Basis),
            ("受理条件", c.Conditions),
            ("申请材料", materials),
            ("办理流程", c.Process),
            ("办结时限", $"法定：{Days(c.LegalDays)}；承诺：{Days(c.PromisedDays)}"),
            ("收费依据及标准", c.Fees),
            ("办理地点", c.Location),
            ("办理时间", c.Hours),
            ("交通指引", c.Transport),
            ("咨询电话", c.ConsultPhone),
            ("监督投诉电话", c.ComplaintPhone),
            ("办理结果", c.ResultName),
            ("办理方式", online),
        ];
    }

    /// <summary>The line under the title: implementing body, version and its dates.</summary>
    public static string Byline(GuideNoticeContent notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var updated = notice.PublishedOn is { } published ? $"本指南于{Date(published)}更新，" : "";
        return $"{notice.BodyName}　第 {notice.VersionNumber.ToString(CultureInfo.InvariantCulture)} 版　{updated}自{Date(notice.EffectiveOn)}起施行";
    }

    /// <summary>The sheet with every entry cut to at most <paramref name="longest"/> characters (null: whole).</summary>
    public static PdfModel Model(GuideNoticeContent notice, int? longest = null)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var blocks = new List<PdfBlock> { new PdfParagraph(Byline(notice), PdfAlignment.Center) };
        float[] widths = [1f, 4f];
        blocks.Add(new PdfTableRow(["办事要素", "内容"], Header: true, Widths: widths));
        blocks.AddRange(Rows(notice).Select(row => (PdfBlock)new PdfTableRow([row.Label, Cut(row.Text, longest)], Widths: widths)));
        blocks.Add(new PdfQrCode(notice.OnlineUrl, 96f, QrCaption));
        blocks.Add(new PdfParagraph(notice.OnlineUrl, PdfAlignment.Center));
        blocks.Add(new PdfParagraph("印制日期：" + Date(notice.PrintedOn), PdfAlignment.Right));
        return new PdfModel(Title(notice.Content), blocks, notice.BodyName, PdfPageSize.A4);
    }

    /// <summary>An entry cut to <paramref name="longest"/> characters with the pointer to the online guide.</summary>
    public static string Cut(string text, int? longest) =>
        longest is { } max && text.Length > max ? text[..Math.Max(0, max - Shortened.Length)].TrimEnd() + Shortened : text;

    /// <summary>One page: the whole guide when it fits (the usual case: one render), else the longest cut that fits.</summary>
    public static PdfRendering Render(PdfRenderer renderer, GuideNoticeContent notice)
    {
        ArgumentNullException.ThrowIfNull(renderer);
        var whole = renderer.RenderDocument(Model(notice));
        if (whole.Pages == 1)
        {
            return whole;
        }

        // The longest entry allowed, searched over a geometric ladder of lengths (×1.5 from the shortest cut): a handful
        // of renders instead of one per halving of the longest text (each render lays out the whole page).
        var longest = Rows(notice).Max(r => r.Text.Length);
        var ladder = new List<int>();
        for (var length = (double)ShortestCut; length < longest; length *= 1.5)
        {
            ladder.Add((int)length);
        }

        PdfRendering? best = null;
        var low = 0;
        var high = ladder.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var attempt = renderer.RenderDocument(Model(notice, ladder[middle]));
            if (attempt.Pages == 1)
            {
                best = attempt;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return best ?? renderer.RenderDocument(Model(notice, ShortestCut));
    }

    private static string Days(int days) => days > 0 ? days.ToString(CultureInfo.InvariantCulture) + " 个工作日" : "即办";
}

/// <summary>The address of a guide's 一次性告知单 and its endpoint.</summary>
internal static class GuideNoticeEndpoint
{
    public static string Path(int guideId) => "/guides/" + guideId.ToString(CultureInfo.InvariantCulture) + "/notice.pdf";

    public static WebApplication MapGuideNotice(this WebApplication app)
    {
        app.MapGet("/guides/{id:int}/notice.pdf", NoticeAsync).AllowAnonymous().WithTags("办事指南")
            .WithSummary("一次性告知单：办事指南现行公开版本的一页 A4 PDF（内嵌中文字体，二维码指向网上办事指南）")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>The published version the guide's public page shows (in force, or before the first takes effect the one announced).</summary>
    private static async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> NoticeAsync(
        int id, HttpContext http, GuideDesk desk, PdfRenderer renderer, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await desk.SummaryAsync(id, cancellationToken) is not { } summary || (summary.InForce ?? summary.Upcoming) is not { } shown)
        {
            return TypedResults.Problem(title: "没有找到该办事指南", detail: $"没有编号为 {id} 的已公开办事指南。", statusCode: StatusCodes.Status404NotFound);
        }

        var online = new Uri(new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/"), "guides/" + id.ToString(CultureInfo.InvariantCulture));
        var notice = new GuideNoticeContent(shown.Content, summary.Body?.Name ?? "", shown.Version.Number, shown.PublishedOn, shown.Version.EffectiveOn, online.AbsoluteUri,
            Platform.Time.ChinaTime.Today(clock));
        var pdf = GuideNotice.Render(renderer, notice);
        return TypedResults.File(pdf.Bytes, "application/pdf", $"gaozhidan-{id}.pdf");
    }
}
