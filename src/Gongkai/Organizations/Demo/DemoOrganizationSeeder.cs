using Gongkai.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Organizations.Demo;

/// <summary>
/// Seeds a demo organisation tree for 绵阳市 on a fresh database in demo mode: the city government, its
/// departments and a service centre, three county governments with two departments each, and two park
/// committees with their departments.
/// All of it is FICTIONAL demo data: the names of heads, the addresses, telephone numbers, e-mail addresses
/// (under the reserved .example domain) and unified social credit codes are made up. The credit codes are
/// well-formed (region codes 510700, 510722, 510723, 510725 and valid check characters) but belong to no one.
/// </summary>
internal sealed class DemoOrganizationSeeder : IStartupSeeder
{
    public int Order => 10;

    public async Task SeedAsync(IServiceProvider services, bool demo, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<GongkaiDbContext>();
        if (!demo || await db.Set<Body>().AnyAsync(cancellationToken))
        {
            return;
        }

        db.AddRange(Build());
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The demo bodies, linked through <see cref="Body.Parent"/> so one save inserts them in order.</summary>
    internal static List<Body> Build()
    {
        var bodies = new Dictionary<string, Body>();
        var serials = new Dictionary<string, int>();
        var order = 0;
        foreach (var seed in Seeds)
        {
            serials[seed.Region] = serials.GetValueOrDefault(seed.Region) + 1;
            var body = new Body
            {
                Code = seed.Code,
                Name = seed.Name,
                ShortName = seed.ShortName,
                Kind = seed.Kind,
                Parent = seed.Parent is null ? null : bodies[seed.Parent],
                CreditCode = FictionalCreditCode(seed.Region, serials[seed.Region]),
                Functions = seed.Functions,
                InternalStructure = seed.Structure.Replace('、', '\n'),
                Address = seed.Address,
                OfficeHours = seed.OfficeHours ?? BodyDraft.StandardOfficeHours,
                Phone = seed.Phone,
                Email = $"{seed.Code}@mianyang.gov.example",
                HeadName = seed.Head,
                SortOrder = order += 10,
            };
            bodies.Add(seed.Code, body);
        }

        return bodies.Values.ToList();
    }

    /// <summary>A government organ's code: registering authority 1 (机构编制), type 1 (机关), the region, an
    /// invented 8-character organisation code with its GB 11714 check, and the GB 32100 check.</summary>
    internal static string FictionalCreditCode(string region, int serial)
    {
        var organization = $"00{region[3..]}{serial:D3}";
        var first17 = $"11{region}{organization}{CreditCode.ComputeOrganizationCodeCheck(organization)}";
        return first17 + CreditCode.ComputeCheckCharacter(first17);
    }

    private sealed record Seed(
        string Code, string Name, string ShortName, BodyKind Kind, string? Parent, string Region,
        string Head, string Address, string Phone, string Functions, string Structure, string? OfficeHours = null);

    private const string City = "510700";
    private const string Santai = "510722";
    private const string Yanting = "510723";
    private const string Zitong = "510725";

    private static readonly Seed[] Seeds =
    [
        new("myszf", "绵阳市人民政府", "市政府", BodyKind.MunicipalGovernment, null, City, "李明远", "绵阳市涪城区花园路1号", "0816-2222222",
            "执行市人民代表大会及其常务委员会的决议和上级国家行政机关的决定、命令，规定行政措施，发布决定和命令；领导所属各工作部门和各县（市、区）人民政府的工作；编制和执行全市国民经济和社会发展计划和预算，管理全市经济、教育、科学、文化、卫生、体育、城乡建设、财政、民政、公安、司法行政、生态环境等行政工作；保护公民的人身权利、民主权利和其他权利，保障各类经济组织的合法权益；办理上级国家行政机关交办的其他事项。",
            "市长、常务副市长、副市长、秘书长"),
        new("myszfb", "绵阳市人民政府办公室", "市政府办公室", BodyKind.MunicipalDepartment, "myszf", City, "赵文华", "绵阳市涪城区花园路1号市政府大楼", "0816-2222301",
            "负责市政府会议的组织工作，协助市政府领导组织实施会议决定事项；负责起草或审核以市政府、市政府办公室名义发布的公文；督促检查各部门和各县（市、区）政府对市政府公文、会议决定事项和市政府领导批示的落实情况；负责全市政务公开和政府信息公开工作的组织协调、指导推进和监督检查；负责市政府值班和应急信息报送工作。",
            "秘书一科、秘书二科、综合调研科、督查室、政务公开科（市政务公开办公室）、文电科、行政科"),
        new("myfgw", "绵阳市发展和改革委员会", "市发展改革委", BodyKind.MunicipalDepartment, "myszf", City, "陈国平", "绵阳市涪城区临园路东段68号", "0816-2222402",
            "拟订并组织实施全市国民经济和社会发展战略、中长期规划和年度计划；统筹协调经济社会发展，研究分析经济形势并提出对策建议；负责全市投资综合管理，按权限审批、核准、审核重大建设项目；推进经济体制改革，优化营商环境；统筹协调社会信用体系建设；拟订并组织实施重要商品价格和收费政策。",
            "办公室、发展规划科、国民经济综合科、体制改革科、固定资产投资科、重大项目科、价格管理科、社会信用体系建设科"),
        new("myjtj", "绵阳市教育和体育局", "市教体局", BodyKind.MunicipalDepartment, "myszf", City, "刘春梅", "绵阳市涪城区公园路12号", "0816-2222513",
            "贯彻执行国家和省教育、体育工作方针政策，拟订全市教育和体育事业发展规划并组织实施；统筹管理全市各级各类教育，推进义务教育优质均衡发展和教育公平；指导全市中小学招生考试和学籍管理工作；负责学生资助政策的组织实施；统筹群众体育和竞技体育发展，组织开展全民健身活动。",
            "办公室、政策法规科、基础教育科、职业教育与成人教育科、学生资助管理科、教师工作科、群众体育科、竞技体育科"),
        new("mygaj", "绵阳市公安局", "市公安局", BodyKind.MunicipalDepartment, "myszf", City, "王志刚", "绵阳市涪城区剑南路西段20号", "0816-2222610",
            "贯彻执行国家公安工作方针政策和法律法规，部署指导全市公安工作；预防、制止和侦查违法犯罪活动，维护社会治安秩序；负责户籍、居民身份证、出入境、枪支弹药、危险物品和特种行业等治安行政管理；负责道路交通安全管理；指导监督全市公安机关依法履行职责。",
            "办公室、法制支队、治安支队、刑事侦查支队、交通警察支队、出入境管理支队、人口管理支队、警务督察支队"),
        new("mymzj", "绵阳市民政局", "市民政局", BodyKind.MunicipalDepartment, "myszf", City, "杨秀英", "绵阳市涪城区御营坝街36号", "0816-2222715",
            "拟订全市民政事业发展规划并组织实施；负责城乡居民最低生活保障、特困人员救助供养、临时救助等社会救助工作；负责社会组织登记管理和执法监督；统筹推进养老服务体系建设，负责儿童福利和残疾人福利工作；负责行政区划、地名和婚姻登记管理；指导殡葬管理和慈善事业发展。",
            "办公室、社会救助科、社会组织管理科、养老服务科、儿童福利科、区划地名科、社会事务科"),
        new("myczj", "绵阳市财政局", "市财政局", BodyKind.MunicipalDepartment, "myszf", City, "张立新", "绵阳市涪城区临园路东段70号", "0816-2222820",
            "拟订全市财政发展规划和财税政策；编制市级年度预决算草案并组织执行，受市政府委托向市人民代表大会报告预决算；负责市级财政收支管理和政府债务管理；管理政府采购、国库集中收付和行政事业单位国有资产；推进预决算公开，监督检查财税法规和政策的执行情况。",
            "办公室、预算科、国库科、税政法规科、政府采购监督管理科、政府债务管理科、资产管理科、财政监督科"),
        new("myrsj", "绵阳市人力资源和社会保障局", "市人力资源社会保障局", BodyKind.MunicipalDepartment, "myszf", City, "何建华", "绵阳市涪城区跃进路5号", "0816-2222931",
            "拟订全市人力资源和社会保障事业发展规划和政策；负责促进就业创业，统筹城乡公共就业服务体系；统筹推进城乡社会保险体系建设，组织实施养老、失业、工伤等社会保险政策；负责事业单位人事管理和公开招聘工作；组织实施劳动保障监察，依法处理劳动人事争议。",
            "办公室、就业促进科、养老保险科、工伤保险科、事业单位人事管理科、职业能力建设科、劳动关系科、劳动保障监察科"),
        new("myzrzyj", "绵阳市自然资源和规划局", "市自然资源规划局", BodyKind.MunicipalDepartment, "myszf", City, "吴卫东", "绵阳市游仙区绵兴东路88号", "0816-2223045",
            "履行全民所有土地、矿产、森林、水等自然资源资产所有者职责和国土空间用途管制职责；编制并监督实施全市国土空间规划；负责自然资源调查监测、确权登记和有偿使用；负责耕地保护和土地征收征用管理；负责测绘地理信息管理，为地质灾害防治提供技术支撑。",
            "办公室、国土空间规划科、自然资源确权登记科、耕地保护监督科、土地利用管理科、矿产资源管理科、测绘地理信息科、执法监督科"),
        new("mysthjj", "绵阳市生态环境局", "市生态环境局", BodyKind.MunicipalDepartment, "myszf", City, "周清源", "绵阳市涪城区临园路中段16号", "0816-2223152",
            "拟订并组织实施全市生态环境政策、规划和标准；统一负责生态环境监督执法；负责大气、水、土壤等污染防治的监督管理；负责建设项目环境影响评价审批和排污许可管理；组织开展生态环境监测，统一发布全市生态环境状况信息；负责突发生态环境事件的应急和预警工作。",
            "办公室、法规与标准科、大气环境管理科、水生态环境管理科、土壤生态环境管理科、环境影响评价与排放管理科、生态环境监测科、生态环境执法支队"),
        new("myzjj", "绵阳市住房和城乡建设局", "市住房城乡建设局", BodyKind.MunicipalDepartment, "myszf", City, "孙德明", "绵阳市涪城区安昌路17号", "0816-2223266",
            "拟订全市住房和城乡建设政策和规划并组织实施；承担保障城镇低收入家庭住房的责任，负责公共租赁住房建设和管理；监督管理房地产市场和建筑市场；负责建设工程质量安全监管；指导城市基础设施建设、城镇老旧小区改造和村镇建设；指导监督国有土地上房屋征收与补偿工作。",
            "办公室、住房保障科、房地产市场监管科、建筑市场监管科、工程质量安全监管科、城市建设科、村镇建设科、房屋征收管理科"),
        new("myjtysj", "绵阳市交通运输局", "市交通运输局", BodyKind.MunicipalDepartment, "myszf", City, "马晓峰", "绵阳市游仙区东津路2号", "0816-2223370",
            "拟订全市公路、水路交通运输发展规划和政策并组织实施；负责道路、水路运输市场监管，指导城市公共交通和出租汽车行业管理；指导农村公路建设和养护管理；负责交通运输安全生产监督管理和应急处置；组织实施交通运输综合行政执法。",
            "办公室、综合规划科、建设管理科、运输管理科、城市客运管理科、安全监督科、农村公路管理科"),
        new("mywjw", "绵阳市卫生健康委员会", "市卫生健康委", BodyKind.MunicipalDepartment, "myszf", City, "黄丽娟", "绵阳市涪城区长虹大道北段25号", "0816-2223481",
            "拟订全市卫生健康事业发展规划和政策；统筹规划卫生健康资源配置；负责疾病预防控制和突发公共卫生事件的应急处置；推进医药卫生体制改革和基本公共卫生服务均等化；负责医疗机构和医疗服务行业管理，统筹职业健康、妇幼健康和老龄健康工作。",
            "办公室、规划发展与信息化科、体制改革科、疾病预防控制科、医政医管科、基层卫生健康科、妇幼健康科、老龄健康科"),
        new("myscjgj", "绵阳市市场监督管理局", "市市场监管局", BodyKind.MunicipalDepartment, "myszf", City, "郭永强", "绵阳市涪城区火炬西街北段8号", "0816-2223590、12315",
            "负责全市市场综合监督管理；负责市场主体统一登记注册和信用监管，组织实施企业信息公示；负责食品、药品、特种设备安全和产品质量的监督管理；负责价格监督检查和反不正当竞争执法；负责计量、标准化、认证认可和知识产权管理；受理处理消费者投诉举报。",
            "办公室、登记注册科、信用监督管理科、食品生产安全监督管理科、食品经营安全监督管理科、药品化妆品监督管理科、特种设备安全监察科、价格监督检查与反不正当竞争科"),
        new("mysfj", "绵阳市司法局", "市司法局", BodyKind.MunicipalDepartment, "myszf", City, "罗正义", "绵阳市涪城区花园路3号", "0816-2223605",
            "承担全面依法治市的统筹协调工作；负责市政府规章和行政规范性文件的合法性审查和备案审查；承办市政府行政复议和行政应诉工作；负责行政执法协调监督；指导管理人民调解、社区矫正和公共法律服务体系建设；负责律师、公证、司法鉴定和法律援助管理工作。",
            "办公室、法治督察科、规范性文件审查科、行政复议与应诉科、行政执法协调监督科、人民参与和促进法治科、公共法律服务管理科、社区矫正管理科"),
        new("mynyncj", "绵阳市农业农村局", "市农业农村局", BodyKind.MunicipalDepartment, "myszf", City, "谢丰年", "绵阳市涪城区南河路11号", "0816-2223718",
            "统筹研究和组织实施全市“三农”工作发展战略和政策；指导乡村产业发展和农业产业化经营；负责粮食等主要农产品生产和农产品质量安全监督管理；负责耕地及永久基本农田质量管理和高标准农田建设；指导农村集体经济组织发展和农村宅基地管理；负责动植物疫病防控和农业综合行政执法。",
            "办公室、发展规划科、乡村产业发展科、种植业管理科、畜牧兽医科、农产品质量安全监管科、农田建设管理科、农村合作经济指导科"),
        new("myyjglj", "绵阳市应急管理局", "市应急管理局", BodyKind.MunicipalDepartment, "myszf", City, "韩振宇", "绵阳市游仙区芙蓉汉城路9号", "0816-2223826",
            "负责全市应急管理工作，指导各地各部门应对安全生产类、自然灾害类突发事件；编制全市总体应急预案和安全生产规划，组织开展应急演练；统筹应急救援力量建设，组织协调森林火灾扑救；依法行使全市安全生产综合监督管理职权；组织指导自然灾害类应急救援和救灾工作。",
            "办公室、应急预案管理科、风险监测和综合减灾科、火灾防治管理科、防汛抗旱科、安全生产综合协调科、危险化学品安全监督管理科、救灾和物资保障科"),
        new("myzwfwj", "绵阳市政务服务和大数据管理局", "市政务服务和大数据局", BodyKind.MunicipalDepartment, "myszf", City, "唐慧敏", "绵阳市涪城区绵兴西路35号", "0816-2223930",
            "统筹推进全市政务服务体系建设，推动政务服务事项标准化、规范化、便利化；负责“一网通办”和全市一体化政务服务平台的建设管理；负责公共资源交易的综合管理；统筹推进大数据发展和政务数据资源整合共享、开放利用；统筹管理12345政务服务便民热线。",
            "办公室、政务服务管理科、审批服务科、公共资源交易监督管理科、大数据发展科、数据资源管理科、12345热线管理科"),
        new("myzwzx", "绵阳市政府政务服务中心", "市政务服务中心", BodyKind.ServiceCentre, "myzwfwj", City, "冯晓燕", "绵阳市涪城区绵兴西路35号政务服务中心一楼", "0816-2224000、12345",
            "集中办理市级政务服务事项，为企业和群众提供咨询、受理、办理和取件的“一站式”服务；推行“前台综合受理、后台分类审批、统一窗口出件”；设置政府信息公开查阅点，提供主动公开政府信息的查阅服务；设立“办不成事”反映窗口，受理企业和群众对政务服务的意见建议。",
            "综合受理区、投资项目审批服务区、市场准入服务区、社会事务服务区、不动产登记服务区、政府信息公开查阅点、“办不成事”反映窗口",
            "周一至周五 上午9:00—12:00，下午13:30—17:30；周六上午9:00—12:00提供部分事项延时服务（法定节假日除外）"),

        new("stxzf", "三台县人民政府", "三台县政府", BodyKind.CountyGovernment, "myszf", Santai, "邓光明", "绵阳市三台县潼川镇北坝路1号", "0816-5222001",
            "执行县人民代表大会及其常务委员会的决议和上级国家行政机关的决定、命令，规定行政措施，发布决定和命令；领导县政府各工作部门和各乡镇人民政府的工作；编制和执行全县国民经济和社会发展计划和预算，管理全县经济、教育、科学、文化、卫生、体育、城乡建设、财政、民政、公安、司法行政、生态环境等行政工作；办理上级国家行政机关交办的其他事项。",
            "县长、常务副县长、副县长"),
        new("stxjtj", "三台县教育和体育局", "三台县教体局", BodyKind.CountyDepartment, "stxzf", Santai, "曾玉兰", "绵阳市三台县潼川镇东街56号", "0816-5222156",
            "负责全县各级各类教育和体育事业的统筹规划和管理；负责义务教育学校布局调整和招生工作；负责教师队伍建设和中小学教师招聘、培训工作；组织实施学生资助政策；推动全民健身，组织开展县级体育赛事活动。",
            "办公室、基础教育股、人事股、计划财务股、学生资助股、体育股"),
        new("stxczj", "三台县财政局", "三台县财政局", BodyKind.CountyDepartment, "stxzf", Santai, "彭家富", "绵阳市三台县潼川镇北坝路3号", "0816-5222230",
            "编制全县年度预决算草案并组织执行；负责县级财政收支管理，指导乡镇财政管理工作；管理政府采购和行政事业单位国有资产；负责惠民惠农财政补贴资金“一卡通”发放管理；推进县级预决算公开。",
            "办公室、预算股、国库股、农业股、社会保障股、政府采购股、资产管理股"),
        new("ytxzf", "盐亭县人民政府", "盐亭县政府", BodyKind.CountyGovernment, "myszf", Yanting, "蒋学军", "绵阳市盐亭县云溪镇凤灵路1号", "0816-7222001",
            "执行县人民代表大会及其常务委员会的决议和上级国家行政机关的决定、命令，规定行政措施，发布决定和命令；领导县政府各工作部门和各乡镇人民政府的工作；编制和执行全县国民经济和社会发展计划和预算，管理全县各项行政工作；保障公民的合法权利和各类经济组织的合法权益；办理上级国家行政机关交办的其他事项。",
            "县长、常务副县长、副县长"),
        new("ytxmzj", "盐亭县民政局", "盐亭县民政局", BodyKind.CountyDepartment, "ytxzf", Yanting, "蔡红英", "绵阳市盐亭县云溪镇嫘祖大道128号", "0816-7222145",
            "负责全县城乡低保、特困人员供养、临时救助等社会救助工作；负责社会组织登记管理；负责养老服务、儿童福利和残疾人福利工作；负责婚姻登记、地名管理和殡葬管理工作。",
            "办公室、社会救助股、养老服务股、社会事务股、社会组织管理股、婚姻登记处"),
        new("ytxwjj", "盐亭县卫生健康局", "盐亭县卫生健康局", BodyKind.CountyDepartment, "ytxzf", Yanting, "许志华", "绵阳市盐亭县云溪镇宝山路20号", "0816-7222260",
            "负责全县医疗卫生资源统筹规划和基层医疗卫生机构管理；负责疾病预防控制、爱国卫生和突发公共卫生事件的应急处置；负责家庭医生签约和基本公共卫生服务项目的实施；负责妇幼健康和老龄健康工作。",
            "办公室、医政股、疾病预防控制股、基层卫生股、妇幼健康股、人口家庭股"),
        new("ztxzf", "梓潼县人民政府", "梓潼县政府", BodyKind.CountyGovernment, "myszf", Zitong, "袁文昌", "绵阳市梓潼县文昌镇七曲大道1号", "0816-8222001",
            "执行县人民代表大会及其常务委员会的决议和上级国家行政机关的决定、命令，规定行政措施，发布决定和命令；领导县政府各工作部门和各乡镇人民政府的工作；编制和执行全县国民经济和社会发展计划和预算，管理全县各项行政工作；办理上级国家行政机关交办的其他事项。",
            "县长、常务副县长、副县长"),
        new("ztxzrzyj", "梓潼县自然资源局", "梓潼县自然资源局", BodyKind.CountyDepartment, "ztxzf", Zitong, "宋立平", "绵阳市梓潼县文昌镇长卿路36号", "0816-8222136",
            "负责全县自然资源调查、确权登记和有偿使用管理；编制并组织实施县级国土空间规划；负责耕地保护、土地征收和建设用地审查报批；负责不动产登记和地质灾害防治工作。",
            "办公室、国土空间规划股、耕地保护股、土地利用股、矿产资源股、不动产登记中心"),
        new("ztxzjj", "梓潼县住房和城乡建设局", "梓潼县住建局", BodyKind.CountyDepartment, "ztxzf", Zitong, "邹云峰", "绵阳市梓潼县文昌镇文昌路88号", "0816-8222247",
            "负责全县住房保障、房地产市场和建筑市场的监督管理；负责建设工程质量安全监督；负责城镇基础设施建设、老旧小区改造和农村危房改造；负责国有土地上房屋征收与补偿工作。",
            "办公室、住房保障股、房地产市场监管股、建筑业管理股、城建股、村镇建设股"),

        new("mygxq", "绵阳高新技术产业开发区管理委员会", "高新区管委会", BodyKind.ParkCommittee, "myszf", City, "潘志远", "绵阳市高新区火炬广场管委会大楼", "0816-2530001",
            "作为市政府的派出机构，代表市政府对高新区实行统一领导和管理；组织编制高新区发展规划并组织实施；负责区内招商引资、项目建设和产业培育，推动科技成果转化和高新技术产业发展；按授权履行区内经济管理和社会事务管理职能，营造创新创业环境。",
            "党政办公室、经济发展局、科技创新局、社会事业局、规划建设局、财政金融局"),
        new("mygxjfj", "绵阳高新技术产业开发区经济发展局", "高新区经济发展局", BodyKind.ParkDepartment, "mygxq", City, "杜海涛", "绵阳市高新区火炬广场管委会大楼5楼", "0816-2530125",
            "负责编制高新区国民经济和社会发展计划；组织实施产业发展规划和产业政策；负责工业和信息化、商务和招商引资服务；负责固定资产投资项目备案和统计工作。",
            "综合科、产业发展科、投资促进科、统计科"),
        new("mygxsyj", "绵阳高新技术产业开发区社会事业局", "高新区社会事业局", BodyKind.ParkDepartment, "mygxq", City, "程静", "绵阳市高新区火炬广场管委会大楼6楼", "0816-2530236",
            "负责区内教育、卫生健康、文化体育、民政和人力资源社会保障等社会事务管理；负责区内社会救助和养老服务；负责就业创业服务工作。",
            "综合科、教育科、卫生健康科、民政和社会保障科"),
        new("myjkq", "绵阳经济技术开发区管理委员会", "经开区管委会", BodyKind.ParkCommittee, "myszf", City, "魏长江", "绵阳市经开区涪滨路1号", "0816-2560001",
            "作为市政府的派出机构，负责经开区的规划、建设、管理和服务；负责区内招商引资和产业发展，推动先进制造业和现代服务业集聚发展；按授权负责区内土地开发、基础设施建设和社会事务管理；持续优化营商环境。",
            "党政办公室、经济发展局、规划建设局、财政局、社会事务局"),
        new("myjkgjj", "绵阳经济技术开发区规划建设局", "经开区规划建设局", BodyKind.ParkDepartment, "myjkq", City, "姚宏伟", "绵阳市经开区涪滨路1号3楼", "0816-2560137",
            "负责经开区国土空间规划的编制实施和建设项目规划管理；负责区内基础设施和公共设施建设管理；负责建设工程质量安全监管和房屋征收工作。",
            "综合科、规划管理科、工程建设科、质量安全监督站"),

        // Appended last so the credit codes of the bodies above keep their serials.
        new("stxtcz", "三台县潼川镇人民政府", "潼川镇政府", BodyKind.Township, "stxzf", Santai, "林德胜", "绵阳市三台县潼川镇西街12号", "0816-5223101",
            "贯彻执行党和国家的路线方针政策和县委、县政府的决策部署；负责本镇经济发展、社会事业和公共服务；负责本镇社会救助、养老服务、就业和社会保障经办；负责本镇农村危房改造和涉农补贴发放的审核公示。",
            "党政办公室、经济发展办公室、社会事务办公室、便民服务中心"),
        new("stxtcxx", "三台县潼川第一小学", "潼川一小", BodyKind.School, "stxjtj", Santai, "钟雅琴", "绵阳市三台县潼川镇南街40号", "0816-5223288",
            "实施小学义务教育；按照县教育和体育局的部署做好招生入学、学生资助、收费公示和校园安全工作。",
            "校长办公室、教务处、德育处、总务处"),
    ];
}
