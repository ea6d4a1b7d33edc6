namespace Gongkai.Hotline.Rules;

/// <summary>One value of a list attribute.</summary>
public sealed record AttributeValue(string Key, string Name);

/// <summary>An Open311 service attribute (<c>services/{code}</c>): what a client must or may ask besides the description.</summary>
public sealed record ServiceQuestion(string Code, string Datatype, bool Required, string Description, int Order, IReadOnlyList<AttributeValue> Values);

/// <summary>The attributes some services ask for, by service code; others have none. Checked at intake.</summary>
public static class ServiceAttributes
{
    private static readonly Dictionary<string, IReadOnlyList<ServiceQuestion>> ByService = new(StringComparer.Ordinal)
    {
        ["0601"] = [new ServiceQuestion("noise_period", "singlevaluelist", false, "噪声主要出现的时段", 1, [new("day", "白天（6时至22时）"), new("night", "夜间（22时至次日6时）")])],
        ["0203"] = [new ServiceQuestion("utility", "singlevaluelist", true, "涉及的公用事业", 1, [new("water", "供水"), new("gas", "供气")])],
    };

    public static IReadOnlyList<ServiceQuestion> For(string serviceCode) => ByService.GetValueOrDefault(serviceCode, []);

    /// <summary>The Open311-style refusal for missing required or unknown list values; null when the answers fit.</summary>
    public static string? Check(string serviceCode, IReadOnlyDictionary<string, string> answers)
    {
        foreach (var attribute in For(serviceCode))
        {
            var given = answers.GetValueOrDefault(attribute.Code);
            if (string.IsNullOrWhiteSpace(given))
            {
                if (attribute.Required)
                {
                    return $"缺少必填属性 attribute[{attribute.Code}]（{attribute.Description}）。";
                }

                continue;
            }

            if (attribute.Values.Count > 0 && attribute.Values.All(v => v.Key != given.Trim()))
            {
                return $"属性 attribute[{attribute.Code}] 的取值应为 {string.Join("、", attribute.Values.Select(v => v.Key))} 之一。";
            }
        }

        var unknown = answers.Keys.FirstOrDefault(k => For(serviceCode).All(a => a.Code != k));
        return unknown is null ? null : $"服务 {serviceCode} 没有属性 attribute[{unknown}]。";
    }
}
