using Gongkai.Publishing.Attachments.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Publishing.Attachments;

/// <summary>附件: files attached to documents, stored in the database, checked by content, their text read and checked.</summary>
internal static class AttachmentsModule
{
    public static WebApplicationBuilder AddAttachments(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.Section);
        services.AddScoped<AttachmentDesk>();
        services.AddScoped<AttachmentTexts>();
        services.AddScoped<PublicAttachments>();
        var limits = builder.Configuration.GetSection(AttachmentOptions.Section).Get<AttachmentOptions>() ?? new AttachmentOptions();
        // The upload page takes files larger than the site-wide request limit: raise it for that page only.
        services.Configure<RazorPagesOptions>(razor => razor.Conventions.AddPageApplicationModelConvention(AttachmentsPageModel.PagePath,
            page =>
            {
                page.EndpointMetadata.Add(new RequestSizeLimitAttribute(limits.MaxRequestBytes));
                page.Filters.Add(new RequestFormLimitsAttribute { MultipartBodyLengthLimit = limits.MaxRequestBytes });
            }));
        return builder;
    }

    public static WebApplication MapAttachments(this WebApplication app)
    {
        app.MapAttachmentsApi();
        return app;
    }
}
