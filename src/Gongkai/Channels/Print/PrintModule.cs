using Gongkai.Organizations;
using Gongkai.Platform.Pdf;
using Gongkai.Platform.Time;
using Gongkai.Publishing;
using Gongkai.Publishing.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Channels.Print;

/// <summary>Print channels (issue 20, work plan 十一): the 惠民政策明白卡 of an interpretation, 公示栏 posters and booklets.</summary>
internal static class PrintModule
{
    public const string BoardsConsole = "/admin/channels/boards";

    public const string BookletConsole = "/admin/channels/booklet";

    public static string PosterPath(int boardId) => "/notice-boards/" + boardId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/poster.pdf";

    public static WebApplicationBuilder AddPrint(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PrintDesk>();
        return builder;
    }

    public static string CardPath(int interpretationId) =>
        "/interpretations/" + interpretationId.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/card.pdf";

    public static WebApplication MapPrint(this WebApplication app)
    {
        app.MapGet("/interpretations/{id:int}/card.pdf", CardAsync).AllowAnonymous().WithTags("印刷品")
            .WithSummary("惠民政策明白卡：一页 PDF（A5 或 A4，内嵌中文字体，二维码指向网上全文）")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesValidationProblem();
        app.MapGet("/notice-boards/{id:int}/poster.pdf", PosterAsync).AllowAnonymous().WithTags("印刷品")
            .WithSummary("公示栏海报：按单位设置的栏目印出各栏目最新公开内容（每条附二维码）和印制日期（A3 或 A4 PDF）")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PosterAsync(int id, HttpContext http, PrintDesk desk, PdfRenderer renderer, CancellationToken cancellationToken)
    {
        var site = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
        if (await desk.PosterAsync(id, site, cancellationToken) is not { } model)
        {
            return TypedResults.Problem(title: "没有找到该公示栏", detail: $"没有编号为 {id} 的公示栏。", statusCode: StatusCodes.Status404NotFound);
        }

        return TypedResults.File(renderer.Render(model), "application/pdf", $"gongshilan-{id}.pdf");
    }

    /// <summary>The card of a public interpretation; <paramref name="size"/> is A5 (default: A4 only when the text needs it) or A4.</summary>
    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, ValidationProblem>> CardAsync(
        int id, string? size, HttpContext http, PublishedDocuments documents, BodyDirectory bodies, PdfRenderer renderer, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        PdfPageSize preferred;
        switch (size?.Trim().ToUpperInvariant())
        {
            case null or "" or "A5":
                preferred = PdfPageSize.A5;
                break;
            case "A4":
                preferred = PdfPageSize.A4;
                break;
            default:
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["size"] = ["纸张只能是 A5 或 A4。"] }, title: "纸张规格无效");
        }

        var found = await documents.FindInterpretationAsync(id, cancellationToken);
        if (found is null)
        {
            return TypedResults.Problem(title: "没有找到该解读", detail: "该解读不存在或其解读的文件均未公开。", statusCode: StatusCodes.Status404NotFound);
        }

        var interpretation = found.Interpretation;
        var body = await bodies.FindAsync(interpretation.BodyId, cancellationToken);
        var online = new Uri(new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/"), "interpretations/" + id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var card = new PolicyCardContent(
            interpretation.Title,
            body?.Name ?? found.Policies[0].BodyName,
            InterpretationKinds.ChineseName(interpretation.Kind),
            PolicyCardContent.ParagraphsOf(interpretation.BodyHtml),
            found.Policies.Select(p => p.DocNumber is null ? $"《{p.Title}》" : $"《{p.Title}》（{p.DocNumber}）").ToList(),
            online.AbsoluteUri,
            ChinaTime.Today(clock));
        var pdf = PolicyCard.Render(renderer, card, preferred);
        return TypedResults.File(pdf.Bytes, "application/pdf", $"mingbaika-{id}.pdf");
    }
}
