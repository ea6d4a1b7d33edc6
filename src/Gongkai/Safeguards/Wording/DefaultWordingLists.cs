namespace Gongkai.Safeguards.Wording;

/// <summary>The word lists a new installation starts with; system admins edit them on the console afterwards.
/// Renaming dates are those of the 2018–2019 municipal institutional reform (市级机构改革, bodies listed on
/// 2019-01-01) unless an entry says otherwise.</summary>
public static class DefaultWordingLists
{
    private static readonly DateOnly MunicipalReform = new(2019, 1, 1);
    private static readonly DateOnly RuralRevitalisation = new(2021, 6, 1);

    public static IReadOnlyList<WordingRule> All { get; } = Build();

    private static List<WordingRule> Build()
    {
        var rules = new List<WordingRule>();

        void Miswriting(string wrong, string right) => rules.Add(new(WordingListKind.Miswriting, wrong, right, Note: $"应为“{right}”"));
        foreach (var (wrong, right) in new[]
        {
            ("布署", "部署"), ("既使", "即使"), ("截止目前", "截至目前"), ("截止到目前", "截至目前"), ("再接再励", "再接再厉"),
            ("按装", "安装"), ("迫不急待", "迫不及待"), ("融汇贯通", "融会贯通"), ("座落", "坐落"), ("关健", "关键"),
            ("防碍", "妨碍"), ("一如继往", "一如既往"), ("按步就班", "按部就班"), ("直接了当", "直截了当"), ("名符其实", "名副其实"),
            ("励行节约", "厉行节约"), ("必竟", "毕竟"), ("松驰", "松弛"), ("篮图", "蓝图"), ("竟争", "竞争"),
            ("度过难关", "渡过难关"), ("穿流不息", "川流不息"), ("出奇不意", "出其不意"), ("严励", "严厉"), ("精兵减政", "精兵简政"),
            ("贯切落实", "贯彻落实"), ("抑或是", "抑或"), ("拔打", "拨打"), ("帐户", "账户"),
            ("帐号", "账号"), ("申清", "申请"), ("报销凭正", "报销凭证"), ("即然", "既然"),
            ("治安管里", "治安管理"), ("政府信息公升", "政府信息公开"), ("行政复意", "行政复议"), ("人民政付", "人民政府"), ("中华人民共合国", "中华人民共和国"),
        })
        {
            Miswriting(wrong, right);
        }

        void Renamed(string old, string current, DateOnly? since = null) =>
            rules.Add(new(WordingListKind.OutdatedName, old, current, since ?? MunicipalReform, $"机构改革后已更名为“{current}”"));
        Renamed("质量技术监督局", "市场监督管理局");
        Renamed("质监局", "市场监督管理局");
        Renamed("食品药品监督管理局", "市场监督管理局");
        Renamed("食药监局", "市场监督管理局");
        Renamed("工商行政管理局", "市场监督管理局");
        Renamed("工商局", "市场监督管理局");
        Renamed("卫生和计划生育委员会", "卫生健康委员会");
        Renamed("卫生计生委", "卫生健康委员会");
        Renamed("卫计委", "卫生健康委员会");
        Renamed("环境保护局", "生态环境局");
        Renamed("环保局", "生态环境局");
        Renamed("国土资源局", "自然资源和规划局");
        Renamed("市国土局", "市自然资源和规划局");
        Renamed("城乡规划局", "自然资源和规划局");
        Renamed("文化广电新闻出版局", "文化广播电视和旅游局");
        Renamed("文广新局", "文化广播电视和旅游局");
        Renamed("旅游发展委员会", "文化广播电视和旅游局");
        Renamed("旅发委", "文化广播电视和旅游局");
        Renamed("市旅游局", "市文化广播电视和旅游局");
        Renamed("安全生产监督管理局", "应急管理局");
        Renamed("安监局", "应急管理局");
        Renamed("市农业局", "市农业农村局");
        Renamed("县农业局", "县农业农村局");
        Renamed("经济和信息化委员会", "经济和信息化局");
        Renamed("经信委", "经济和信息化局");
        Renamed("政府法制办公室", "司法局");
        Renamed("政府法制办", "司法局");
        Renamed("扶贫和移民工作局", "乡村振兴局", RuralRevitalisation);
        Renamed("扶贫开发局", "乡村振兴局", RuralRevitalisation);
        Renamed("扶贫移民局", "乡村振兴局", RuralRevitalisation);

        void Formulation(string altered, string exact, string note) => rules.Add(new(WordingListKind.Formulation, altered, exact, Note: note));
        Formulation("《政府信息公开条例》", "《中华人民共和国政府信息公开条例》", "法规名称应使用全称");
        Formulation("《信息公开条例》", "《中华人民共和国政府信息公开条例》", "法规名称应使用全称");
        Formulation("《中华人民共和国信息公开条例》", "《中华人民共和国政府信息公开条例》", "法规名称有误");
        Formulation("《行政处罚法》", "《中华人民共和国行政处罚法》", "法律名称应使用全称");
        Formulation("《行政许可法》", "《中华人民共和国行政许可法》", "法律名称应使用全称");
        Formulation("《个人信息保护法》", "《中华人民共和国个人信息保护法》", "法律名称应使用全称");
        Formulation("一带一路战略", "“一带一路”倡议", "规范表述为“一带一路”倡议");
        Formulation("新时代中国特色社会主义理论", "新时代中国特色社会主义思想", "规范表述有误");
        Formulation("中国特色社会主义新时代思想", "新时代中国特色社会主义思想", "规范表述有误");
        Formulation("不忘初心、继续前进", "不忘初心、牢记使命", "规范表述为“不忘初心、牢记使命”");
        Formulation("放管服改革", "“放管服”改革", "规范表述应加引号");
        Formulation("最多跑一次改革", "“最多跑一次”改革", "规范表述应加引号");
        Formulation("以人民为本的发展思想", "以人民为中心的发展思想", "规范表述有误");
        Formulation("四个全面战略", "“四个全面”战略布局", "规范表述有误");

        void Sensitive(string word, string note) => rules.Add(new(WordingListKind.SensitiveWord, word, "", Note: note));
        Sensitive("绝密★", "涉密标志：涉密文件不得公开");
        Sensitive("机密★", "涉密标志：涉密文件不得公开");
        Sensitive("秘密★", "涉密标志：涉密文件不得公开");
        Sensitive("内部资料", "内部资料不宜公开");
        Sensitive("内部文件", "内部文件不宜公开");
        Sensitive("不得外传", "标注不得外传的材料不宜公开");
        Sensitive("仅供内部参考", "内部参考材料不宜公开");
        Sensitive("此处待补充", "起草痕迹：内容尚未完成");
        Sensitive("（待定）", "起草痕迹：内容尚未完成");
        Sensitive("XXX", "起草痕迹：占位符未替换");
        Sensitive("×××", "起草痕迹：占位符未替换");
        Sensitive("测试测试", "起草痕迹：测试文字");
        return rules;
    }
}
