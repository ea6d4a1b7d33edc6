namespace Gongkai.Platform;

/// <summary>The <c>Gongkai</c> configuration section (appsettings.json, or environment variables such as
/// <c>Gongkai__Database__Provider=Postgres</c>).</summary>
public sealed class GongkaiOptions
{
    public const string Section = "Gongkai";

    /// <summary>Where the SQLite database, the search index and other local state live; relative paths are
    /// resolved against the working directory.</summary>
    public string DataFolder { get; set; } = "data";

    public DatabaseOptions Database { get; set; } = new();

    public SiteIdentity Site { get; set; } = new();

    public DemoOptions Demo { get; set; } = new();

    public string ResolvedDataFolder => Path.GetFullPath(DataFolder, Directory.GetCurrentDirectory());
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty means <c>Data Source={DataFolder}/gongkai.db</c> for SQLite; required for PostgreSQL.</summary>
    public string ConnectionString { get; set; } = "";
}

/// <summary>What the footer of every public page shows: who runs the site and its registrations.</summary>
public sealed class SiteIdentity
{
    public string Name { get; set; } = "绵阳市人民政府";

    /// <summary>主办单位.</summary>
    public string Organizer { get; set; } = "绵阳市人民政府办公室";

    /// <summary>网站标识码 (ten digits, issued by the national site registry).</summary>
    public string SiteCode { get; set; } = "5107000001";

    /// <summary>ICP备案编号.</summary>
    public string IcpNumber { get; set; } = "蜀ICP备05012345号";

    /// <summary>公安机关备案号.</summary>
    public string PublicSecurityNumber { get; set; } = "川公网安备 51070302000001号";

    public string ContactPhone { get; set; } = "0816-2222222";

    public string ContactAddress { get; set; } = "绵阳市涪城区花园路1号";

    /// <summary>The page description search engines show (meta description).</summary>
    public string Description { get; set; } = "绵阳市人民政府政府信息公开平台：政府信息公开指南、法定主动公开内容、政府公报、依申请公开在线申请和办理进度查询。";

    /// <summary>我为政府网站找错: the address of the national error-report service for this site (e.g.
    /// <c>https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=…</c>); empty hides the link.</summary>
    public string ErrorReportUrl { get; set; } = "";

    /// <summary>党政机关网站标识: the image the registry issues (an absolute https address is allowed by the CSP);
    /// empty leaves the slot out.</summary>
    public string PartyGovernmentMarkImageUrl { get; set; } = "";

    /// <summary>Where the 党政机关网站标识 links (the registry's page for this site).</summary>
    public string PartyGovernmentMarkLinkUrl { get; set; } = "";

    /// <summary>The ICP filing is verified at the MIIT's site.</summary>
    public const string IcpLookupUrl = "https://beian.miit.gov.cn/";

    /// <summary>The 公安机关备案 page for this site: beian.gov.cn with the record's digits.</summary>
    public string PublicSecurityLookupUrl =>
        "https://beian.gov.cn/portal/registerSystemInfo?recordcode=" + new string(PublicSecurityNumber.Where(char.IsAsciiDigit).ToArray());
}

public sealed class DemoOptions
{
    /// <summary>Seed the demo organisation tree, accounts and documents on first start. Unset: only in the Development
    /// environment (what <c>dotnet run</c> uses), so a published build never creates demo accounts unless told to
    /// (<c>true</c> here or <c>--demo</c> on the command line, which sets it).</summary>
    public bool? Seed { get; set; }

    /// <summary>Whether this host seeds demo content: <see cref="Seed"/> if configured, else only in Development.</summary>
    public bool IsOn(IHostEnvironment environment) => Seed ?? environment.IsDevelopment();

    /// <summary>Password of every demo account.</summary>
    public string Password { get; set; } = "Gongkai-Demo-2026";

    /// <summary>The demo <c>admin</c>'s authenticator key (base32). System admins must use two-factor sign-in; the demo
    /// pre-enrols <c>admin</c> with this fixed key so the demo works with any TOTP app or <c>oathtool --totp -b KEY</c>.
    /// Production (demo seeding off) never uses it.</summary>
    public string AdminTotpKey { get; set; } = "GONGKAIDEMOADMINKEYFORTOTPSETUPZ";
}
