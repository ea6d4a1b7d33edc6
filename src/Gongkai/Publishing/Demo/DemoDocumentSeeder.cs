using Gongkai.Organizations;
using Gongkai.Platform.Data;
using Gongkai.Publishing.Rules;
using Microsoft.EntityFrameworkCore;
using Gongkai.Platform.Time;

namespace Gongkai.Publishing.Demo;

/// <summary>
/// Seeds demo documents in demo mode when none exist: the 2018 政务公开工作要点 (text from the embedded work plan)
/// issued by the municipal government office, and six short documents of other bodies.
/// Except the work plan's own text, all of it — document numbers, dates, amounts, wording — is FICTIONAL.
/// </summary>
internal sealed class DemoDocumentSeeder : IStartupSeeder
{
    public const string WorkPlanResource = "DemoData/2018-work-plan.txt";
    public const string WorkPlanTitle = "绵阳市人民政府办公室关于印发《2018年政务公开工作要点》的通知";
    public const string WorkPlanDocNumber = "绵府办发〔2018〕12号";

    public int Order => 30;

    public async Task SeedAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<GongkaiDbContext>();
        if (!demo || await db.Set<Document>().AnyAsync(cancellationToken))
        {
            return;
        }

        var bodies = (await services.GetRequiredService<BodyDirectory>().LoadAsync(cancellationToken)).All.ToDictionary(b => b.Code, b => b.Id);
        var publisher = services.GetRequiredService<DocumentPublisher>();
        foreach (var seed in Seeds().OrderBy(s => s.PublishedAt))
        {
            // Demo documents belong to demo bodies; a database whose bodies were entered by hand gets none.
            if (bodies.TryGetValue(seed.BodyCode, out var bodyId))
            {
                await publisher.PublishAsync(
                    new DocumentDraft(seed.Title, seed.DocNumber, bodyId, seed.Type, seed.Subject, seed.SignedOn, seed.Text),
                    seed.PublishedAt, cancellationToken);
            }
        }

        if (bodies.TryGetValue("myszf", out var municipal))
        {
            await SeedWorkInProgressAsync(db, services.GetRequiredService<TimeProvider>(), municipal, cancellationToken);
        }
    }

    /// <summary>Three FICTIONAL documents of the municipal government still in the office: a draft, one waiting for
    /// 初审 and one waiting for 复审, signed recently so the deadline dashboard has something to show.</summary>
    private static async Task SeedWorkInProgressAsync(GongkaiDbContext db, TimeProvider clock, int bodyId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        (string Title, string Type, string? DocNumber, int DaysAgo, DocumentStatus Status)[] pending =
        [
            ("绵阳市人民政府关于进一步规范城市道路临时占用管理的通知（草稿）", DocumentCatalog.NormativeDocument, $"绵府发〔{today.Year}〕21号", 1, DocumentStatus.Draft),
            ("绵阳市人民政府关于公布市级行政许可事项清单的通知", DocumentCatalog.OtherPolicyDocument, $"绵府函〔{today.Year}〕88号", 3, DocumentStatus.AwaitingFirstReview),
            ("绵阳市人民政府关于调整市级救灾物资储备标准的通知", DocumentCatalog.NormativeDocument, $"绵府发〔{today.Year}〕20号", 2, DocumentStatus.AwaitingSecondReview),
        ];
        foreach (var (title, type, docNumber, daysAgo, status) in pending)
        {
            db.Add(new Document
            {
                Title = title,
                DocNumber = docNumber,
                BodyId = bodyId,
                DocumentType = type,
                Subject = "综合政务",
                SignedOn = today.AddDays(-daysAgo),
                BodyHtml = DocumentText.ToParagraphHtml("各县市区人民政府，市政府各部门：\n（示例正文，内容虚构。）"),
                Status = status,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    internal static string ReadWorkPlan()
    {
        using var stream = typeof(DemoDocumentSeeder).Assembly.GetManifestResourceStream(WorkPlanResource)
            ?? throw new InvalidOperationException($"The embedded resource {WorkPlanResource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed record Seed(string BodyCode, string Title, string? DocNumber, string Type, string Subject, DateOnly SignedOn, DateTimeOffset PublishedAt, string Text);

    /// <summary>10:00 China time on the given day.</summary>
    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 2, 0, 0, TimeSpan.Zero);

    private static IEnumerable<Seed> Seeds() =>
    [
        new("myszfb", WorkPlanTitle, WorkPlanDocNumber, DocumentCatalog.PlanDocument, "综合政务", new(2018, 5, 18), At(2018, 5, 23),
            "各县市区人民政府，各园区管委会，市政府各部门：\n" +
            "《2018年政务公开工作要点》已经市政府同意，现印发给你们，请结合实际认真贯彻落实。\n" +
            "绵阳市人民政府办公室\n2018年5月18日\n" +
            ReadWorkPlan()),

        new("myszf", "绵阳市人民政府关于印发《绵阳市行政规范性文件管理办法》的通知", "绵府发〔2018〕8号", DocumentCatalog.NormativeDocument, "综合政务",
            new(2018, 4, 12), At(2018, 4, 13),
            """
            各县市区人民政府，各园区管委会，市政府各部门：
            现将《绵阳市行政规范性文件管理办法》印发给你们，请认真贯彻执行。
            绵阳市人民政府
            2018年4月12日
            绵阳市行政规范性文件管理办法
            第一条　为规范行政规范性文件的制定和管理，保障公民、法人和其他组织的合法权益，结合本市实际，制定本办法。
            第二条　本办法所称行政规范性文件，是指除政府规章外，行政机关依照法定权限、程序制定并公开发布，涉及公民、法人和其他组织权利义务，具有普遍约束力，在一定期限内反复适用的公文。
            第三条　起草行政规范性文件应当开展调查研究，对涉及群众切身利益的，应当通过政府网站等渠道向社会公开征求意见，征求意见期限一般不少于30日。
            第四条　行政规范性文件应当经制定机关的法制机构进行合法性审核；未经合法性审核或者经审核不合法的，不得提交审议。
            第五条　行政规范性文件应当自签署之日起3个工作日内在政府网站公开，并同步公开政策解读材料。未经公开的，不得作为行政管理的依据。
            第六条　制定机关应当每两年对本机关制定的行政规范性文件进行一次清理，并向社会公布继续有效、废止和失效的文件目录。
            第七条　本办法自2018年5月15日起施行，有效期5年。
            """),

        new("myczj", "绵阳市财政局关于公开2018年市级部门预算的公告", null, "财政预决算", "财政、金融、审计",
            new(2018, 2, 9), At(2018, 2, 11),
            """
            根据《中华人民共和国预算法》和预决算公开的有关规定，经市人民代表大会批准，现将2018年市级部门预算予以公开。
            本次公开的内容包括市级各部门的部门收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、一般公共预算基本支出表、“三公”经费支出表、政府性基金预算支出表，以及对部门职能、机构设置、预算收支增减变化、机关运行经费、政府采购和国有资产占用情况的说明。
            各部门预算见市财政局网站“预决算公开”专栏及各部门门户网站。对公开内容有疑问的，可在工作日向市财政局预算科咨询，电话：0816-2222820。
            绵阳市财政局
            2018年2月9日
            """),

        new("myrsj", "绵阳市人力资源和社会保障局关于2018年上半年市级事业单位公开招聘工作人员的公告", null, DocumentCatalog.Notice, "劳动、人事、监察",
            new(2018, 3, 16), At(2018, 3, 20),
            """
            根据事业单位公开招聘的有关规定，经研究，市级事业单位2018年上半年面向社会公开招聘工作人员86名。现将有关事项公告如下：
            一、招聘岗位。招聘单位、岗位、名额及资格条件详见《2018年上半年市级事业单位公开招聘工作人员岗位和条件要求一览表》。
            二、报名方式。本次招聘采取网络报名方式，报名时间为2018年3月26日9:00至3月30日17:00。
            三、考试。考试分为笔试和面试，笔试科目为《公共基础知识》，成绩按总成绩100分计算。
            四、体检、考核和聘用。根据考试总成绩从高到低按1:1比例确定体检人员，体检、考核合格的，按规定办理聘用手续。
            五、咨询电话：0816-2222931（工作日上午9:00—12:00，下午13:30—17:30）。
            绵阳市人力资源和社会保障局
            2018年3月16日
            """),

        new("stxzf", "三台县人民政府关于调整城乡居民最低生活保障标准的通知", "三府发〔2018〕15号", DocumentCatalog.NormativeDocument, "民政、扶贫、救灾",
            new(2018, 6, 28), At(2018, 7, 2),
            """
            各乡镇人民政府，县政府各部门：
            为切实保障城乡困难群众基本生活，经县政府研究，决定调整全县城乡居民最低生活保障标准。现将有关事项通知如下：
            一、调整标准。城市居民最低生活保障标准由每人每月480元提高到520元；农村居民最低生活保障标准由每人每年3800元提高到4200元。
            二、执行时间。新标准自2018年7月1日起执行。
            三、工作要求。各乡镇要严格审核审批，做好补差发放工作，并将调整情况在村（社区）公示栏公开；县民政局、县财政局要加强资金监管，确保资金及时足额发放。
            三台县人民政府
            2018年6月28日
            """),

        new("mysthjj", "绵阳市生态环境局关于2018年第二季度重点排污单位监督性监测结果的公示", null, DocumentCatalog.Notice, "城乡建设、环境保护",
            new(2018, 7, 12), At(2018, 7, 16),
            """
            按照重点排污单位监督性监测工作安排，我局于2018年第二季度对全市38家重点排污单位开展了监督性监测。现将监测结果公示如下：
            一、废水。监测的29家单位中，27家排放达标，2家化学需氧量超标，已依法责令限期整改。
            二、废气。监测的21家单位中，21家排放均达标。
            三、整改。对超标单位，我局将依法实施处罚并跟踪整改，整改完成后组织复测，复测结果将另行公开。
            公众对公示内容有异议的，可在公示之日起7日内向我局反映，电话：0816-2223152。
            绵阳市生态环境局
            2018年7月12日
            """),

        new("myszfb", "绵阳市人民政府办公室关于印发《绵阳市政府信息公开工作制度》的通知", "绵府办函〔2018〕36号", DocumentCatalog.DisclosureRules, "综合政务",
            new(2018, 8, 30), At(2018, 9, 3),
            """
            各县市区人民政府，各园区管委会，市政府各部门：
            《绵阳市政府信息公开工作制度》已经市政府同意，现印发给你们，请认真执行。
            绵阳市人民政府办公室
            2018年8月30日
            绵阳市政府信息公开工作制度
            一、主动公开。各部门应当按照政府信息公开目录，对依法应当主动公开的政府信息，自该信息形成或者变更之日起20个工作日内予以公开；行政规范性文件自签署之日起3个工作日内公开。
            二、公开前审查。拟公开的政府信息应当依法进行保密审查，涉及个人隐私的应当作去标识化处理。审查实行信息起草、科室负责人、分管负责人三级审核。
            三、依申请公开。各部门应当明确受理机构，对收到的申请进行登记，能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复，需要延长的，经负责人同意并告知申请人，延长期限最长不超过20个工作日。
            四、监督考核。市政府办公室每季度对各部门政府信息公开工作进行检查，检查结果纳入年度目标考核。
            """),
    ];
}
