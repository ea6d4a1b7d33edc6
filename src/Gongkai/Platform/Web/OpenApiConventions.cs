using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gongkai.Platform.Web;

/// <summary>
/// What every operation in the OpenAPI document says beyond its route: how it is authorised (a Bearer access token
/// from <c>POST /api/v1/session/tokens</c>, or nothing for public operations), and the answers a client must be ready
/// for (401/403 when authorised, 400 when it takes input, 429 when rate-limited). Generated clients and linters
/// (Redocly) read these; the endpoints themselves only declare their summary.
/// </summary>
public static class OpenApiConventions
{
    public const string BearerScheme = "bearer";

    public static void Apply(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "公开（Gongkai）政务公开平台 API";
            document.Info.Description = "主动公开、依申请公开、检索、12345、数据开放和公开日志的接口。错误按 RFC 7807 返回中文问题详情。";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "工作人员访问令牌：用 POST /api/v1/session/tokens 换取，放在 Authorization: Bearer 请求头中。",
            };
            foreach (var server in document.Servers ?? [])
            {
                // The server address comes from the request and ends in "/"; paths start with one.
                server.Url = server.Url?.TrimEnd('/');
            }

            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var authorised = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
            operation.Security =
            [
                authorised
                    ? new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] }
                    : new OpenApiSecurityRequirement(),
            ];
            operation.Responses ??= [];
            if (authorised)
            {
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "未登录或访问令牌无效" });
                operation.Responses.TryAdd("403", new OpenApiResponse { Description = "无权进行此操作" });
            }

            if (context.Description.ParameterDescriptions.Count > 0)
            {
                operation.Responses.TryAdd("400", new OpenApiResponse { Description = "请求有误（问题详情说明哪一项）" });
            }

            return Task.CompletedTask;
        });
    }
}
