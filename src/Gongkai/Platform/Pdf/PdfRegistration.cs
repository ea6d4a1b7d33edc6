namespace Gongkai.Platform.Pdf;

internal static class PdfRegistration
{
    /// <summary>One renderer for the process: finding the CJK font is done once.</summary>
    public static IServiceCollection AddGongkaiPdf(this IServiceCollection services) => services.AddSingleton<PdfRenderer>();
}
