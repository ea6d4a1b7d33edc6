using System.Globalization;
using Gongkai.Platform.Pdf;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gongkai.Publishing.Gazette;

/// <summary>政府公报: issues assembled from published documents, the public archive and the PDF edition.</summary>
internal static class GazetteModule
{
    public static WebApplicationBuilder AddGazette(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<GazetteDesk>();
        builder.Services.AddScoped<GazetteArchive>();
        return builder;
    }

    public static WebApplication MapGazette(this WebApplication app)
    {
        app.MapGet("/gazette/{year:int}/{number:int}.pdf", EditionAsync).WithSummary("一期政府公报的 PDF 版").WithTags("政府公报");
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> EditionAsync(int year, int number, GazetteArchive archive, PdfRenderer renderer, CancellationToken cancellationToken)
    {
        var view = await archive.FindAsync(year, number, cancellationToken);
        if (view is null)
        {
            return TypedResults.NotFound();
        }

        var pdf = renderer.Render(await archive.EditionAsync(view, cancellationToken));
        return TypedResults.File(pdf, "application/pdf", string.Create(CultureInfo.InvariantCulture, $"政府公报-{year}年第{number}期.pdf"));
    }
}
