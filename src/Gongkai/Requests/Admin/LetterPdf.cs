using System.Security.Claims;
using Gongkai.Staff;
using Gongkai.Platform.Pdf;
using Gongkai.Requests.Rules;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Requests.Admin;

/// <summary>The reply letter (告知书) as a PDF, with the same wording and the same access as the printable page
/// (<c>/admin/requests/{trackingNumber}/letter</c>): request officers of the handling body.</summary>
internal static class LetterPdf
{
    public static void MapLetterPdf(this WebApplication app) =>
        app.MapGet("/admin/requests/{trackingNumber}/letter.pdf", RenderAsync).WithSummary("答复告知书 PDF").RequireAuthorization(RequestsPermissions.HandleRequests).WithTags("依申请公开（工作人员）");

    /// <summary>The letter's blocks: heading, number and decision, the letter text paragraph by paragraph, the signature.</summary>
    public static PdfModel Model(DisclosureRequest request, RequestReply reply, ReplyDecision? decision)
    {
        var blocks = new List<PdfBlock>
        {
            new PdfParagraph($"编号：{request.TrackingNumber}　答复类型：{decision?.FullLabel}", PdfAlignment.Center),
        };
        blocks.AddRange(reply.LetterText.Split('\n').Where(p => p.Length > 0).Select((p, i) => (PdfBlock)new PdfParagraph(p, Indent: i > 0)));
        blocks.Add(new PdfParagraph(request.Body?.Name ?? "", PdfAlignment.Right));
        blocks.Add(new PdfParagraph(RequestPresentation.Date(reply.RepliedOn), PdfAlignment.Right));
        return new PdfModel($"{request.Body?.Name}政府信息公开申请答复告知书", blocks, request.Body?.Name);
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> RenderAsync(
        string trackingNumber, ClaimsPrincipal user, RequestDesk desk, PdfRenderer renderer, CancellationToken cancellationToken)
    {
        var request = await desk.OpenForStaffAsync(user, trackingNumber, "下载答复告知书 PDF", cancellationToken);
        var reply = request is null ? null : await desk.ReplyOfAsync(request.Id, cancellationToken);
        if (reply is null)
        {
            return TypedResults.NotFound();
        }

        var pdf = renderer.Render(Model(request!, reply, ReplyDecisions.Find(reply.Decision)));
        return TypedResults.File(pdf, "application/pdf", $"告知书-{request!.TrackingNumber}.pdf");
    }
}
