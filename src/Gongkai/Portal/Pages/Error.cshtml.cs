using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Portal.Pages;

/// <summary>The page a browser sees for any 4xx or 5xx answer without a page of its own (a mistyped address, a
/// refused form, a server fault): the reason in plain Chinese and the way back. API clients get problem details.</summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public IActionResult OnGet(int status) => Show(status);

    public IActionResult OnPost(int status) => Show(status);

    private PageResult Show(int status)
    {
        // Re-executed for another request, the status is the original one; visited directly, it is the code asked for.
        Code = status is >= 400 and <= 599 ? status : StatusCodes.Status404NotFound;
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null && HttpContext.Features.Get<IExceptionHandlerPathFeature>() is null)
        {
            Response.StatusCode = Code;
        }

        (Heading, Explanation) = Describe(Code);
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    /// <summary>The heading and the explanation shown for a status code.</summary>
    public static (string Heading, string Explanation) Describe(int code) => code switch
    {
        400 => ("请求有误", "网站无法处理这次请求，可能是链接不完整或表单内容有误。请返回上一页检查后重试。"),
        401 or 403 => ("没有访问权限", "您没有查看此页面的权限。工作人员请先登录。"),
        404 or 410 => ("页面未找到", "您访问的页面不存在，可能是网址输入有误，或者页面已经移动或删除。"),
        405 => ("请求方式不正确", "此页面不支持这种访问方式。请从网站上的链接或按钮进入。"),
        413 => ("提交的内容过大", "提交的内容超过了网站允许的大小。请减少内容或附件后重试。"),
        429 => ("访问过于频繁", "短时间内访问次数过多，请稍等一分钟后再试。"),
        >= 500 and <= 599 => ("网站暂时无法处理您的请求", "网站出现了故障，工作人员会尽快处理。请稍后再试；如急需办理，请拨打页面底部的联系电话。"),
        _ => ("无法显示此页面", "网站无法完成这次请求。请返回上一页或稍后再试。"),
    };
}
