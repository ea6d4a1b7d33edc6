using System.Text.Json;
using Gongkai.Platform.Outcomes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Gongkai.Tests.Platform.Outcomes;

public sealed class OutcomeMappingTests
{
    private static readonly Dictionary<string, string[]> TitleMissing = new() { ["title"] = ["请填写标题。"] };

    [Theory]
    [InlineData(RefusalKind.NotFound, 404, "未找到")]
    [InlineData(RefusalKind.Forbidden, 403, "无权操作")]
    [InlineData(RefusalKind.Invalid, 400, "请求有误")]
    [InlineData(RefusalKind.Conflict, 409, "操作冲突")]
    [InlineData(RefusalKind.BlockedByRule, 422, "操作被规则拒绝")]
    public void Each_kind_becomes_its_status_with_a_Chinese_title_and_the_message_as_detail(RefusalKind kind, int status, string title)
    {
        var problem = Assert.IsType<ProblemHttpResult>(new Refusal(kind, "原因。").ToProblem().Result);

        Assert.Equal(status, problem.StatusCode);
        Assert.Equal(title, problem.ProblemDetails.Title);
        Assert.Equal("原因。", problem.ProblemDetails.Detail);
    }

    [Fact]
    public void A_refusal_naming_fields_is_a_validation_problem_with_errors()
    {
        var problem = Assert.IsType<ValidationProblem>(Refusal.Invalid("文件信息有误。", TitleMissing, title: "文件信息有误").ToProblem().Result);

        Assert.Equal(400, problem.StatusCode);
        var json = JsonSerializer.SerializeToElement(problem.ProblemDetails, JsonSerializerOptions.Web);
        Assert.Equal("文件信息有误", json.GetProperty("title").GetString());
        Assert.Equal("文件信息有误。", json.GetProperty("detail").GetString());
        Assert.Equal("请填写标题。", json.GetProperty("errors").GetProperty("title")[0].GetString());
    }

    [Fact]
    public void A_blocked_refusal_keeps_its_extensions_in_the_problem()
    {
        var refusal = Refusal.Blocked("存在未遮盖的个人信息。", "存在未遮盖的个人信息",
            new Dictionary<string, object?> { ["findings"] = new[] { new { kind = "身份证号", text = "110…" } } });

        var problem = Assert.IsType<ProblemHttpResult>(refusal.ToProblem().Result);

        Assert.Equal(422, problem.StatusCode);
        var json = JsonSerializer.SerializeToElement(problem.ProblemDetails, JsonSerializerOptions.Web);
        Assert.Equal("身份证号", json.GetProperty("findings")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void An_outcome_maps_to_its_success_or_its_problem()
    {
        Outcome<string> done = "值";
        Outcome<string> refused = Refusal.Conflict("已由他人处理。");

        Assert.IsType<Ok<string>>(done.ToResult(TypedResults.Ok).Result);
        Assert.Equal(409, Assert.IsType<ProblemHttpResult>(refused.ToResult(TypedResults.Ok).Result).StatusCode);
    }

    [Fact]
    public void On_a_page_not_found_and_forbidden_are_responses_of_their_own()
    {
        Assert.IsType<NotFoundResult>(NewPage().Refused(Refusal.NotFound("没有找到该文件。")));
        Assert.IsType<ForbidResult>(NewPage().Refused(Refusal.Forbidden("您只能处理本单位的文件。")));
    }

    [Fact]
    public void On_a_page_an_invalid_input_puts_the_message_on_the_form_and_each_error_beside_its_field()
    {
        var page = NewPage();

        var result = page.Refused(Refusal.Invalid("文件信息有误。", TitleMissing), field => "Form." + field);

        Assert.IsType<PageResult>(result);
        Assert.Equal(["文件信息有误。"], page.ModelState.ErrorsFor(string.Empty));
        Assert.Equal(["请填写标题。"], page.ModelState.ErrorsFor("Form.title"));
    }

    [Theory]
    [InlineData(RefusalKind.Conflict)]
    [InlineData(RefusalKind.BlockedByRule)]
    public void On_a_page_a_conflict_or_a_rule_shows_the_message_on_the_form(RefusalKind kind)
    {
        var page = NewPage();

        Assert.IsType<PageResult>(page.Refused(new Refusal(kind, "该文件刚刚已由其他人处理。")));
        Assert.Equal(["该文件刚刚已由其他人处理。"], page.ModelState.ErrorsFor(string.Empty));
        Assert.False(page.ModelState.IsValid);
    }

    [Fact]
    public void An_outcome_is_either_a_value_or_a_refusal()
    {
        Outcome<string> done = "值";
        Outcome refused = Refusal.Forbidden("不行。");

        Assert.True(done.Succeeded);
        Assert.Equal("值", done.Value);
        Assert.False(refused.Succeeded);
        Assert.Equal(RefusalKind.Forbidden, refused.Refusal.Kind);
    }

    private static TestPage NewPage() => new() { PageContext = new PageContext { HttpContext = new DefaultHttpContext() } };

    private sealed class TestPage : PageModel;
}
