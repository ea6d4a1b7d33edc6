using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;

namespace Gongkai.Platform.Web;

/// <summary>
/// The API's answers to malformed requests, for every module at once: a request body whose JSON lacks a field the
/// endpoint's C# signature makes non-nullable (or sets it to null) is refused while it is read, as a 400 that names the
/// field, instead of reaching a rule as null and failing there as a 500; a query value that cannot be read is a 400
/// that names the parameter; and every problem the framework writes by itself (400, 401, 404, 405, 415, 500 …) gets a
/// Chinese title and detail. Endpoints' own problems, already Chinese, pass through unchanged.
/// </summary>
internal static partial class ApiProblems
{
    public static IServiceCollection AddApiProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context => InChinese(context.ProblemDetails));
        services.AddExceptionHandler<BadRequestHandler>();
        services.AddExceptionHandler<UnstorableTextHandler>();
        // Binding failures are thrown (and answered by BadRequestHandler with the reason) instead of ending as a bare 400.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(json =>
        {
            // Nullable annotations are the contract when a request is read; RequireNonNullableParameters narrows the
            // effect to reading Gongkai's own records.
            json.SerializerOptions.RespectNullableAnnotations = true;
            json.SerializerOptions.TypeInfoResolver = (json.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
                .WithAddedModifier(RequireNonNullableParameters);
        });
        return services;
    }

    /// <summary>For Gongkai's own records: a constructor parameter of a non-nullable reference type without a default
    /// must be present, and no non-nullable property may be set to null, when a request is read. Writing never checks
    /// (an answer is never refused for a null), and other libraries' types are read as before.</summary>
    private static void RequireNonNullableParameters(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var ours = type.Type.Assembly == typeof(ApiProblems).Assembly;
        foreach (var property in type.Properties.Where(p => !p.PropertyType.IsValueType || Nullable.GetUnderlyingType(p.PropertyType) is not null))
        {
            property.IsGetNullable = true;
            if (!ours)
            {
                property.IsSetNullable = true;
            }
            else if (property.AssociatedParameter is { IsNullable: false, HasDefaultValue: false } parameter && !parameter.ParameterType.IsValueType)
            {
                property.IsRequired = true;
            }
        }
    }

    private static readonly Dictionary<int, (string Title, string Detail)> Defaults = new()
    {
        [400] = ("请求有误", "请求的内容或参数不符合接口要求，请对照接口文档（/openapi/v1.json）检查后重试。"),
        [401] = ("未登录", "此操作需要登录，或在 Authorization 头中提供有效的访问令牌。"),
        [403] = ("无权操作", "当前账号没有执行此操作的权限。"),
        [404] = ("地址不存在", "没有这个接口地址或资源，请检查请求的地址。"),
        [405] = ("不支持该请求方法", "这个地址不接受此 HTTP 方法，请对照接口文档使用正确的方法。"),
        [406] = ("无法提供所需格式", "接口只提供 JSON（application/json）格式的回答。"),
        [409] = ("操作冲突", "资源已被修改或状态不允许此操作，请刷新后重试。"),
        [413] = ("请求内容过大", "请求正文超过了允许的大小。"),
        [415] = ("不支持的内容类型", "请求正文须为 JSON，并带有 Content-Type: application/json。"),
        [429] = ("请求过于频繁", "请稍后再试。"),
        [500] = ("服务器内部错误", "服务器处理请求时出错，已记录在日志中。请稍后重试；如反复出现，请联系网站管理员并提供 traceId。"),
        [503] = ("服务暂不可用", "服务暂时无法处理请求，请稍后重试。"),
    };

    private static void InChinese(Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        var status = problem.Status ?? 500;
        var (title, detail) = Defaults.TryGetValue(status, out var known) ? known
            : (status >= 500 ? Defaults[500] : ("请求未能完成", $"请求未能完成（HTTP {status}）。"));
        if (!IsChinese(problem.Title))
        {
            problem.Title = title;
        }

        if (!IsChinese(problem.Detail))
        {
            problem.Detail = detail;
        }
    }

    private static bool IsChinese(string? text) => text is not null && text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    /// <summary>PostgreSQL cannot store a NUL character (U+0000) in text, and refuses the whole statement; SQLite can. A
    /// request carrying one is bad input on either database, so an API client gets a 400 saying which character, not a
    /// 500. (Nothing was written: the statement failed inside its transaction.)</summary>
    private sealed class UnstorableTextHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (PlatformModule.WantsPage(httpContext) || !IsUnstorableCharacter(exception))
            {
                return false;
            }

            httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = { Status = StatusCodes.Status400BadRequest, Detail = "请求中含有无法保存的控制字符（空字符 U+0000），请删除后重试。" },
                Exception = exception,
            });
        }

        private static bool IsUnstorableCharacter(Exception? exception)
        {
            for (; exception is not null; exception = exception.InnerException)
            {
                if (exception is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.CharacterNotInRepertoire or Npgsql.PostgresErrorCodes.UntranslatableCharacter })
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Turns a request that could not be read (body JSON, query and route values) into a 400 saying why.</summary>
    private sealed partial class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
        {
            if (exception is not BadHttpRequestException bad)
            {
                return false;
            }

            httpContext.Response.StatusCode = bad.StatusCode;
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = { Status = bad.StatusCode, Detail = Explain(bad) },
                Exception = exception,
            });
        }

        private static string? Explain(BadHttpRequestException bad)
        {
            if (bad.InnerException is JsonException json)
            {
                if (MissingProperties().Match(json.Message) is { Success: true } missing)
                {
                    return $"请求正文缺少必填字段：{missing.Groups[1].Value.Replace("'", "", StringComparison.Ordinal)}。";
                }

                var where = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "" : $"（位置：{json.Path}）";
                return json.Message.Contains("null", StringComparison.OrdinalIgnoreCase) && json.Path is { Length: > 1 }
                    ? $"字段 {json.Path.TrimStart('$', '.')} 不能为空（null）。"
                    : $"请求正文不是有效的 JSON，或字段的类型不符{where}。";
            }

            if (FailedParameter().Match(bad.Message) is { Success: true } parameter)
            {
                return $"参数 {parameter.Groups["name"].Value} 的值“{parameter.Groups["value"].Value}”无法识别，请检查其格式。";
            }

            if (RequiredParameter().Match(bad.Message) is { Success: true } required)
            {
                return $"缺少必需的参数 {required.Groups["name"].Value}。";
            }

            return bad.StatusCode == StatusCodes.Status415UnsupportedMediaType ? null : "请求正文为空或无法读取。";
        }

        [GeneratedRegex("missing required properties including: (.+?)\\.?(?: Path:|$)")]
        private static partial Regex MissingProperties();

        [GeneratedRegex("Failed to bind parameter \"[^\"]*? (?<name>\\w+)\" from \"(?<value>[^\"]*)\"")]
        private static partial Regex FailedParameter();

        [GeneratedRegex("Required parameter \"[^\"]*? (?<name>\\w+)\" was not provided")]
        private static partial Regex RequiredParameter();
    }
}
