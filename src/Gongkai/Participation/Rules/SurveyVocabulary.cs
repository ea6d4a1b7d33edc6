namespace Gongkai.Participation.Rules;

/// <summary>The wire codes and Chinese names of the survey vocabularies.</summary>
public static class SurveyVocabulary
{
    public static readonly IReadOnlyList<QuestionKind> QuestionKinds = [QuestionKind.SingleChoice, QuestionKind.MultipleChoice, QuestionKind.Scale, QuestionKind.Text];

    public static string Code(SurveyStage stage) => stage switch
    {
        SurveyStage.Draft => "draft",
        SurveyStage.Opened => "opened",
        _ => "results-published",
    };

    public static SurveyStage ParseStage(string? code) => code switch
    {
        "opened" => SurveyStage.Opened,
        "results-published" => SurveyStage.ResultsPublished,
        _ => SurveyStage.Draft,
    };

    public static string Code(SurveyStatus status) => status switch
    {
        SurveyStatus.Draft => "draft",
        SurveyStatus.Scheduled => "scheduled",
        SurveyStatus.Open => "open",
        SurveyStatus.Closed => "closed",
        _ => "results-published",
    };

    public static SurveyStatus? ParseStatus(string? code) => code?.Trim() switch
    {
        "draft" => SurveyStatus.Draft,
        "scheduled" => SurveyStatus.Scheduled,
        "open" => SurveyStatus.Open,
        "closed" => SurveyStatus.Closed,
        "results-published" => SurveyStatus.ResultsPublished,
        _ => null,
    };

    public static string ChineseName(SurveyStatus status) => status switch
    {
        SurveyStatus.Draft => "草稿",
        SurveyStatus.Scheduled => "即将开始",
        SurveyStatus.Open => "正在调查",
        SurveyStatus.Closed => "调查结束",
        _ => "已公布结果",
    };

    public static string Code(QuestionKind kind) => kind switch
    {
        QuestionKind.SingleChoice => "single",
        QuestionKind.MultipleChoice => "multiple",
        QuestionKind.Scale => "scale",
        _ => "text",
    };

    public static QuestionKind? ParseQuestionKind(string? code) => code?.Trim() switch
    {
        "single" => QuestionKind.SingleChoice,
        "multiple" => QuestionKind.MultipleChoice,
        "scale" => QuestionKind.Scale,
        "text" => QuestionKind.Text,
        _ => null,
    };

    public static string ChineseName(QuestionKind kind) => kind switch
    {
        QuestionKind.SingleChoice => "单选",
        QuestionKind.MultipleChoice => "多选",
        QuestionKind.Scale => "打分",
        _ => "文字",
    };
}
