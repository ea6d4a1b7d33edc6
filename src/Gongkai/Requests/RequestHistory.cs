namespace Gongkai.Requests;

/// <summary>Chinese names of the audit actions a request's history shows.</summary>
public static class RequestHistory
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["request.filed"] = "提交申请",
        ["request.file.refused"] = "登记申请被拒绝",
        ["request.event"] = "登记办理事项",
        ["request.event.refused"] = "登记办理事项被拒绝",
        ["request.stage"] = "变更办理阶段",
        ["request.stage.refused"] = "变更办理阶段被拒绝",
        ["request.assign"] = "分配经办人",
        ["request.assign.refused"] = "分配经办人被拒绝",
        ["request.appeal"] = "登记复议诉讼",
        ["request.appeal.decided"] = "更新复议诉讼结果",
        ["request.appeal.refused"] = "登记复议诉讼被拒绝",
        ["request.reply.wording"] = "修改告知书措辞",
        ["request.reply.decision"] = "修改答复类型",
        ["request.reply.refused"] = "修改答复被拒绝",
    };

    public static string ActionName(string action) => Names.TryGetValue(action, out var name) ? name : action;
}
