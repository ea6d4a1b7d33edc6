using Gongkai.Safeguards.Links;

namespace Gongkai.Safeguards;

/// <summary>Settings of the safeguards (section <c>Safeguards</c>): which host names are this site (links to them are
/// resolved, not probed) and how external links are probed.</summary>
public sealed class SafeguardsOptions
{
    public const string Section = "Safeguards";

    /// <summary>Host names of the public site, e.g. <c>www.my.gov.cn</c>; absolute links to them count as internal.</summary>
    public List<string> SiteHosts { get; set; } = [];

    /// <summary>External links probed at once.</summary>
    public int LinkProbeConcurrency { get; set; } = 4;

    /// <summary>Seconds each probe may take (the website checks count a page not loaded within 15 s as unreachable).</summary>
    public double LinkProbeTimeoutSeconds { get; set; } = 15;

    /// <summary>Further attempts after a failure that may pass (timeouts, 5xx, 429).</summary>
    public int LinkProbeRetries { get; set; } = 2;

    public double LinkProbeRetryDelaySeconds { get; set; } = 2;

    /// <summary>Beijing time of the daily check of published documents' links.</summary>
    public TimeOnly LinkCheckTime { get; set; } = new(3, 30);

    public ProbeSettings ProbeSettings() => new(Math.Max(1, LinkProbeConcurrency), TimeSpan.FromSeconds(LinkProbeTimeoutSeconds), Math.Max(0, LinkProbeRetries),
        TimeSpan.FromSeconds(LinkProbeRetryDelaySeconds));
}
