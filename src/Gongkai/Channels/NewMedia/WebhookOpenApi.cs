using Gongkai.Channels.Rules;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Gongkai.Channels.NewMedia;

/// <summary>The webhook adapter in the OpenAPI document's <c>webhooks</c> (OpenAPI 3.1): the request Gongkai sends to a
/// body's integration service, its headers and body. The prose (verification, retries) is in
/// docs/integrations/new-media-webhook.md.</summary>
internal static class WebhookOpenApi
{
    public const string Name = "newMediaPost";

    public static void Describe(OpenApiOptions options) => options.AddDocumentTransformer((document, _, _) =>
    {
        document.Webhooks ??= new Dictionary<string, IOpenApiPathItem>();
        document.Webhooks[Name] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Post] = new()
                {
                    OperationId = "newMediaPostEvent",
                    Summary = "政务新媒体推送的签名回调：审核发布（post.released）或来源文件撤回（post.withdrawn）时发送到账号的集成服务",
                    Description = "X-Gongkai-Signature 为 sha256= 加以账号密钥对“{X-Gongkai-Timestamp}.{请求体}”计算的 HMAC-SHA256（小写十六进制）；"
                        + "时间戳与接收方时钟相差超过 5 分钟的请求应拒绝。2xx 视为送达，否则按指数退避重试（30 秒起，最长 6 小时，共 8 次）；"
                        + "同一投递可能重复到达，请按 X-Gongkai-Delivery 去重。详见 docs/integrations/new-media-webhook.md。",
                    Tags = new HashSet<OpenApiTagReference> { new("政务新媒体", document) },
                    // Gongkai calls the receiver; the request is authenticated by its signature, not by a scheme.
                    Security = [new OpenApiSecurityRequirement()],
                    Parameters =
                    [
                        Header(WebhookRules.EventHeader, "post.released 或 post.withdrawn"),
                        Header(WebhookRules.DeliveryHeader, "投递编号（重试时不变，用于去重）"),
                        Header(WebhookRules.TimestampHeader, "签名时间（Unix 秒）"),
                        Header(WebhookRules.SignatureHeader, "sha256=HMAC-SHA256(密钥, 时间戳 + \".\" + 请求体)"),
                    ],
                    RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = Payload() } },
                    },
                    Responses = new OpenApiResponses
                    {
                        ["2XX"] = new OpenApiResponse { Description = "已收到（视为送达）" },
                        ["default"] = new OpenApiResponse { Description = "其他应答、超时或连接失败：按退避重试" },
                    },
                },
            },
        };
        return Task.CompletedTask;
    });

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = true,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiSchema Text(string description, string? format = null) => new() { Type = JsonSchemaType.String, Description = description, Format = format };

    private static OpenApiSchema Payload() => new()
    {
        Type = JsonSchemaType.Object,
        Required = new HashSet<string> { "event", "occurredAt", "post", "account" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["event"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [PostEvents.Released, PostEvents.Withdrawn] },
            ["occurredAt"] = Text("事件时间", "date-time"),
            ["post"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["id"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "推送编号" },
                    ["title"] = Text("标题"),
                    ["summary"] = Text("摘要（不超过平台字数）"),
                    ["link"] = Text("原文地址", "uri"),
                    ["coverImageUrl"] = Text("封面图（900×383 PNG）", "uri"),
                    ["coverImageSquareUrl"] = Text("方形封面图（600×600 PNG）", "uri"),
                    ["sourceIndexNo"] = Text("来源文件索引号"),
                    ["releasedAt"] = Text("审核发布时间", "date-time"),
                    ["withdrawnReason"] = Text("撤回原因（仅 post.withdrawn）"),
                },
            },
            ["account"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    ["id"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                    ["platform"] = Text("平台：微信公众号、微博、抖音、客户端、其他"),
                    ["name"] = Text("账号名称"),
                    ["platformAccountId"] = Text("平台账号 ID"),
                },
            },
        },
    };
}
