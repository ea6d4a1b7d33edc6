using System.Globalization;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Participation.Rules;

/// <summary>The stored step of a survey: prepared, opened by a 终审 user, results published.</summary>
public enum SurveyStage
{
    Draft,
    Opened,
    ResultsPublished,
}

/// <summary>Where a survey stands on a given China date (only <see cref="SurveyStage"/> is stored).</summary>
public enum SurveyStatus
{
    Draft,
    Scheduled,
    Open,
    Closed,
    ResultsPublished,
}

/// <summary>单选, 多选, 打分 (a 1–5 scale) or 文字 (free text, moderated before it is shown).</summary>
public enum QuestionKind
{
    SingleChoice,
    MultipleChoice,
    Scale,
    Text,
}

/// <summary>A question as staff write it: options one per line (none for text; a scale has 1–5 unless labels are given).</summary>
public sealed record QuestionDraft(string? Text, string? Kind, bool Required, string? Options);

/// <summary>A question that passed the checks.</summary>
public sealed record CheckedQuestion(string Text, QuestionKind Kind, bool Required, IReadOnlyList<string> Options);

/// <summary>A citizen's answer to one question as submitted: chosen option numbers (1-based) or text.</summary>
public sealed record AnswerDraft(int Question, IReadOnlyList<int>? Choices, string? Text);

/// <summary>An answer that passed the checks: the question's position, the options chosen, or the text.</summary>
public sealed record CheckedAnswer(int Question, IReadOnlyList<int> Choices, string? Text);

/// <summary>How many responses chose each option of a question (and how many answered it at all).</summary>
public sealed record QuestionTally(int Answered, IReadOnlyList<int> Counts)
{
    public int Max => Counts.Count == 0 ? 0 : Counts.Max();

    /// <summary>The share of answering responses that chose option <paramref name="index"/> (0-based), as 百分比 text.</summary>
    public string Share(int index) => Answered == 0 ? "0%" : (Counts[index] * 100.0 / Answered).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}

/// <summary>
/// Surveys (网上调查, issue 14): the questions a survey may carry, its status on a given day, who may answer when, the
/// checks of an answer (unknown options and missing required answers are refused), and the tally behind the charts.
/// The issue sets no minimum period for surveys (the legal minimums are for drafts), so a survey only needs a closing
/// day not before its opening day.
/// </summary>
public static class SurveyRules
{
    public const int MaxQuestions = 30;
    public const int MaxOptions = 20;
    public const int MaxQuestionLength = 300;
    public const int MaxOptionLength = 100;
    public const int MaxTextAnswerLength = 2000;
    public const int MaxDescriptionLength = 4000;

    /// <summary>Labels of a scale question when staff give none.</summary>
    public static readonly IReadOnlyList<string> DefaultScale = ["1分（很不满意）", "2分", "3分", "4分", "5分（非常满意）"];

    public static SurveyStatus StatusOn(SurveyStage stage, DateOnly opensOn, DateOnly closesOn, DateOnly today) => stage switch
    {
        SurveyStage.Draft => SurveyStatus.Draft,
        SurveyStage.ResultsPublished => SurveyStatus.ResultsPublished,
        _ when today < opensOn => SurveyStatus.Scheduled,
        _ when today <= closesOn => SurveyStatus.Open,
        _ => SurveyStatus.Closed,
    };

    /// <summary>Checks the questions: at least one, each with text and a known kind, and two to 20 distinct options for
    /// a choice question. Errors are keyed <c>questions[i]</c> (0-based) so forms can place them.</summary>
    public static Outcome<IReadOnlyList<CheckedQuestion>> CheckQuestions(IReadOnlyList<QuestionDraft>? drafts)
    {
        var errors = new Dictionary<string, string[]>();
        var questions = new List<CheckedQuestion>();
        drafts ??= [];
        if (drafts.Count == 0)
        {
            errors["questions"] = ["请至少设置一个问题。"];
        }
        else if (drafts.Count > MaxQuestions)
        {
            errors["questions"] = [$"一份问卷最多 {MaxQuestions} 个问题。"];
        }

        for (var i = 0; i < drafts.Count && i < MaxQuestions; i++)
        {
            var draft = drafts[i];
            var key = $"questions[{i}]";
            var number = i + 1;
            var text = (draft.Text ?? "").Trim();
            var kind = SurveyVocabulary.ParseQuestionKind(draft.Kind);
            var options = (draft.Options ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            string? problem = null;
            if (text.Length == 0)
            {
                problem = $"第{number}题：请填写题目。";
            }
            else if (text.Length > MaxQuestionLength)
            {
                problem = $"第{number}题：题目不能超过 {MaxQuestionLength} 字。";
            }
            else if (kind is null)
            {
                problem = $"第{number}题：题型应为 single（单选）、multiple（多选）、scale（打分）或 text（文字）。";
            }
            else if (kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice && options.Length < 2)
            {
                problem = $"第{number}题：选择题至少要有两个选项（每行一个）。";
            }
            else if (kind is QuestionKind.Scale && options.Length is not (0 or 5))
            {
                problem = $"第{number}题：打分题有 5 档，可以不填选项，或者逐行写出 5 档的说明。";
            }
            else if (kind is QuestionKind.Text && options.Length > 0)
            {
                problem = $"第{number}题：文字题没有选项。";
            }
            else if (options.Length > MaxOptions)
            {
                problem = $"第{number}题：最多 {MaxOptions} 个选项。";
            }
            else if (options.Any(o => o.Length > MaxOptionLength))
            {
                problem = $"第{number}题：每个选项不能超过 {MaxOptionLength} 字。";
            }
            else if (options.Distinct(StringComparer.Ordinal).Count() != options.Length)
            {
                problem = $"第{number}题：选项不能重复。";
            }

            if (problem is not null)
            {
                errors[key] = [problem];
                continue;
            }

            questions.Add(new CheckedQuestion(text, kind!.Value, draft.Required,
                kind == QuestionKind.Scale && options.Length == 0 ? DefaultScale : options));
        }

        return errors.Count > 0
            ? Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors, "问卷内容有误")
            : questions;
    }

    /// <summary>Only a draft can be opened, and only one whose closing day has not passed (answers come from this site).</summary>
    public static Outcome MayOpen(SurveyStage stage, DateOnly closesOn, DateOnly today)
    {
        if (stage != SurveyStage.Draft)
        {
            return Refusal.Conflict("这份问卷已经发布，不能再次发布。", "已发布");
        }

        return closesOn < today
            ? Refusal.Blocked($"截止日期 {ConsultationRules.Format(closesOn)} 已过，请先修改调查时间。", "截止日期已过")
            : Outcome.Done;
    }

    /// <summary>Only a draft can be edited: once answered, the questions stay as they were answered.</summary>
    public static Outcome MayEdit(SurveyStage stage) => stage == SurveyStage.Draft
        ? Outcome.Done
        : Refusal.Conflict("问卷发布后，题目和调查时间不能再修改。", "已发布");

    /// <summary>Whether the public may answer now (only while open).</summary>
    public static Outcome MayAnswer(SurveyStatus status, DateOnly opensOn, DateOnly closesOn) => status switch
    {
        SurveyStatus.Open => Outcome.Done,
        SurveyStatus.Draft => Refusal.Conflict("这份问卷尚未发布，暂不接收答卷。", "尚未开始"),
        SurveyStatus.Scheduled => Refusal.Conflict($"这次调查将于 {ConsultationRules.Format(opensOn)} 开始，届时欢迎参加。", "尚未开始"),
        _ => Refusal.Conflict($"这次调查已于 {ConsultationRules.Format(closesOn)} 截止，不再接收答卷。感谢您的关注。", "调查已截止"),
    };

    /// <summary>Results are published once the survey has closed, and once only.</summary>
    public static Outcome MayPublishResults(SurveyStatus status, DateOnly closesOn) => status switch
    {
        SurveyStatus.Closed => Outcome.Done,
        SurveyStatus.ResultsPublished => Refusal.Conflict("调查结果已经公布。", "结果已公布"),
        SurveyStatus.Open or SurveyStatus.Scheduled => Refusal.Conflict($"调查尚未结束（{ConsultationRules.Format(closesOn)} 截止），截止后才能公布结果。", "调查尚未结束"),
        _ => Refusal.Conflict("这份问卷尚未发布。", "尚未开始"),
    };

    /// <summary>Checks a response against the questions: every required question answered, one option for single and
    /// scale questions, only known options, text within its length. Markup in a text answer is kept as plain text.
    /// Errors are keyed <c>q{n}</c> (1-based question number).</summary>
    public static Outcome<IReadOnlyList<CheckedAnswer>> CheckAnswers(IReadOnlyList<CheckedQuestion> questions, IReadOnlyList<AnswerDraft>? answers)
    {
        ArgumentNullException.ThrowIfNull(questions);
        answers ??= [];
        var errors = new Dictionary<string, string[]>();
        foreach (var stray in answers.Where(a => a.Question < 1 || a.Question > questions.Count).Select(a => a.Question).Distinct())
        {
            errors[$"q{stray}"] = [$"问卷没有第{stray}题。"];
        }

        var byQuestion = answers.Where(a => a.Question >= 1 && a.Question <= questions.Count).GroupBy(a => a.Question).ToDictionary(g => g.Key, g => g.ToList());
        var checkedAnswers = new List<CheckedAnswer>();
        for (var n = 1; n <= questions.Count; n++)
        {
            var question = questions[n - 1];
            var given = byQuestion.GetValueOrDefault(n) ?? [];
            var choices = given.SelectMany(a => a.Choices ?? []).ToList();
            var text = string.Join("\n", given.Select(a => a.Text?.Trim()).Where(t => !string.IsNullOrEmpty(t)));
            string? problem = null;
            if (question.Kind == QuestionKind.Text)
            {
                if (choices.Count > 0)
                {
                    problem = $"第{n}题是文字题，没有选项。";
                }
                else if (text.Length > MaxTextAnswerLength)
                {
                    problem = $"第{n}题的回答不能超过 {MaxTextAnswerLength} 字（现有 {text.Length} 字）。";
                }
                else if (text.Length == 0 && question.Required)
                {
                    problem = $"第{n}题为必答题，请填写。";
                }
                else if (text.Length > 0)
                {
                    checkedAnswers.Add(new CheckedAnswer(n, [], text));
                }
            }
            else
            {
                var unknown = choices.Where(c => c < 1 || c > question.Options.Count).ToList();
                if (unknown.Count > 0)
                {
                    problem = $"第{n}题没有第 {string.Join("、", unknown)} 个选项。";
                }
                else if (text.Length > 0)
                {
                    problem = $"第{n}题是选择题，请从选项中选择。";
                }
                else if (choices.Distinct().Count() != choices.Count)
                {
                    problem = $"第{n}题的同一选项只能选一次。";
                }
                else if (question.Kind != QuestionKind.MultipleChoice && choices.Count > 1)
                {
                    problem = $"第{n}题只能选一项。";
                }
                else if (choices.Count == 0 && question.Required)
                {
                    problem = $"第{n}题为必答题，请选择。";
                }
                else if (choices.Count > 0)
                {
                    checkedAnswers.Add(new CheckedAnswer(n, choices.Order().ToList(), null));
                }
            }

            if (problem is not null)
            {
                errors[$"q{n}"] = [problem];
            }
        }

        return errors.Count > 0
            ? Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors, "答卷有误")
            : checkedAnswers;
    }

    /// <summary>The tally of a choice question from (option, count) pairs and the number of responses that answered it.</summary>
    public static QuestionTally Tally(int optionCount, IEnumerable<(int Option, int Count)> counts, int answered)
    {
        var result = new int[optionCount];
        foreach (var (option, count) in counts)
        {
            if (option >= 1 && option <= optionCount)
            {
                result[option - 1] += count;
            }
        }

        return new QuestionTally(answered, result);
    }

    /// <summary>The length of a bar in a chart <paramref name="width"/> units wide: proportional to the largest count,
    /// at least 1 unit for a count above zero so it never looks like nobody chose it.</summary>
    public static double BarLength(int count, int max, double width) =>
        count <= 0 || max <= 0 ? 0 : Math.Max(1, Math.Round(width * count / max, 1));
}
