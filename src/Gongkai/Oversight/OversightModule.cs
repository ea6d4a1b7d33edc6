using Gongkai.Platform.Data;
using Gongkai.Platform.Web;

namespace Gongkai.Oversight;

/// <summary>Oversight (issue 18): the year's work plan tracked task by task with quarterly progress and a public
/// status page; public-opinion items with the clocks of 国办发〔2016〕61号; the website's self-inspection computed
/// from the site's own catalogue and documents.</summary>
internal static class OversightModule
{
    public static WebApplicationBuilder AddOversight(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOversightPermissions();
        return builder;
    }

    public static WebApplication MapOversight(this WebApplication app) => app;
}
