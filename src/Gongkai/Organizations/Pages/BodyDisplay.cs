namespace Gongkai.Organizations.Pages;

/// <summary>How public pages show a body's optional items.</summary>
public static class BodyDisplay
{
    /// <summary>An empty item is shown as 暂未填写 rather than left blank, so a visitor knows it is missing.</summary>
    public static string OrNotProvided(string value) => string.IsNullOrWhiteSpace(value) ? "暂未填写" : value;
}
