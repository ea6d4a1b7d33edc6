using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Gongkai.Organizations;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Participation;

/// <summary>A survey as staff draft or edit it.</summary>
public sealed record SurveyDraft(string? Body, string? Title, string? Description, DateOnly? OpensOn, DateOnly? ClosesOn, IReadOnlyList<QuestionDraft>? Questions);

/// <summary>A survey with its body, its questions in order and its status today.</summary>
public sealed record SurveyView(Survey Survey, Body? Body, SurveyStatus Status, IReadOnlyList<SurveyQuestion> Questions)
{
    public IReadOnlyList<CheckedQuestion> Checked => Questions
        .Select(q => new CheckedQuestion(q.Text, SurveyVocabulary.ParseQuestionKind(q.Kind) ?? QuestionKind.Text, q.Required, q.OptionList)).ToList();
}

/// <summary>A survey in a list, with its body, status and number of responses.</summary>
public sealed record SurveySummary(Survey Survey, Body? Body, SurveyStatus Status, int ResponseCount);

/// <summary>The results of one question: the tally of a choice question, or the text answers moderators have shown.</summary>
public sealed record QuestionResult(SurveyQuestion Question, QuestionKind Kind, QuestionTally? Tally, IReadOnlyList<string> ShownTexts, int TextCount);

/// <summary>A survey's results: the number of responses and each question's result.</summary>
public sealed record SurveyResults(int Responses, IReadOnlyList<QuestionResult> Questions);

/// <summary>
/// The survey desk (网上调查): staff draft surveys and a 终审 user opens them, anyone answers once per form (one-time
/// key, plus a cookie on the page and a per-address rate limit), text answers are moderated and masked by the
/// safeguards, and the results are published after closing. Every change is checked on the server (permission and
/// body scope) and audited; a response is stored with its audit row in one unit of work.
/// </summary>
public sealed class SurveyDesk(GongkaiDbContext db, AuditLog audit, BodyScope scope, BodyDirectory directory, RolePermissions permissions, TimeProvider clock, SurveyCounts counts)
{
    /// <summary>How many shown text answers the results carry per question (the rest stay countable, not listed).</summary>
    public const int ShownTextsPerQuestion = 200;

    public DateOnly Today => ChinaTime.Today(clock);

    public SurveyStatus StatusOf(Survey s) => SurveyRules.StatusOn(SurveyVocabulary.ParseStage(s.Stage), s.OpensOn, s.ClosesOn, Today);

    public async Task<bool> MayActAsync(ClaimsPrincipal user, int bodyId, string permission, CancellationToken cancellationToken = default) =>
        permissions.Grants(user, permission) && await scope.MayActForAsync(user, bodyId, cancellationToken);

    /// <summary>A new one-time form key: the form carries it, the response stores only its hash.</summary>
    public static string NewKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public static string HashKey(string key) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key))).ToLowerInvariant();

    /// <summary>A survey for the public (never a draft) or for staff of its body (drafts too).</summary>
    public async Task<Outcome<SurveyView>> ViewAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var survey = await db.Set<Survey>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (survey is null || (survey.Stage == "draft" && !await MayActAsync(user, survey.BodyId, ParticipationPermissions.View, cancellationToken)))
        {
            return Refusal.NotFound($"没有编号为 {id} 的调查。", "未找到调查");
        }

        return await DescribeAsync(survey, cancellationToken);
    }

    private async Task<SurveyView> DescribeAsync(Survey survey, CancellationToken cancellationToken)
    {
        var questions = await db.Set<SurveyQuestion>().AsNoTracking().Where(q => q.SurveyId == survey.Id).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        return new SurveyView(survey, await directory.FindAsync(survey.BodyId, cancellationToken), StatusOf(survey), questions);
    }

    public async Task<Outcome<Survey>> CreateAsync(ClaimsPrincipal user, SurveyDraft draft, CancellationToken cancellationToken = default)
    {
        if (!permissions.Grants(user, ParticipationPermissions.Prepare))
        {
            return Refusal.Forbidden("只有信息编辑可以起草调查问卷。");
        }

        var body = await directory.NamedOrOwnAsync(user, draft.Body, cancellationToken);
        if (body is null)
        {
            return Refusal.InvalidField("body", string.IsNullOrWhiteSpace(draft.Body) ? "请选择调查单位。" : $"没有代码为“{draft.Body}”的机关。", "调查单位有误");
        }

        if (!await scope.MayActForAsync(user, body.Id, cancellationToken))
        {
            return Refusal.Forbidden($"您不能为{body.Name}起草调查问卷。");
        }

        var checkedDraft = Check(draft);
        if (checkedDraft.Refusal is { } invalid)
        {
            return invalid;
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        var survey = new Survey { BodyId = body.Id, Title = "", CreatedAt = now, CreatedBy = StaffClaims.DisplayNameOf(user), UpdatedAt = now };
        await db.InTransactionAsync(async () =>
        {
            Apply(survey, draft);
            db.Set<Survey>().Add(survey);
            await db.SaveChangesAsync(cancellationToken);
            AddQuestions(survey.Id, checkedDraft.Value!);
            audit.Record("survey.create", Target(survey), survey.Title, body.Id);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return survey;
    }

    public async Task<Outcome<Survey>> UpdateAsync(ClaimsPrincipal user, int id, SurveyDraft draft, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.Prepare, "只有本单位的信息编辑可以修改调查问卷。", cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var survey = found.Value!;
        if (SurveyRules.MayEdit(SurveyVocabulary.ParseStage(survey.Stage)).Refusal is { } opened)
        {
            return opened;
        }

        var checkedDraft = Check(draft);
        if (checkedDraft.Refusal is { } invalid)
        {
            return invalid;
        }

        try
        {
            await db.InTransactionAsync(async () =>
            {
                await db.Set<SurveyQuestion>().Where(q => q.SurveyId == id).ExecuteDeleteAsync(cancellationToken);
                Apply(survey, draft);
                survey.UpdatedAt = clock.GetUtcNow().ToUniversalTime();
                AddQuestions(id, checkedDraft.Value!);
                audit.Record("survey.update", Target(survey), survey.Title, survey.BodyId);
                await db.SaveChangesAsync(cancellationToken);
            }, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("这份问卷刚刚被其他人修改过，请刷新后再试。");
        }

        return survey;
    }

    private static Outcome<IReadOnlyList<CheckedQuestion>> Check(SurveyDraft draft)
    {
        var errors = new Dictionary<string, string[]>();
        var title = Gongkai.Platform.Text.VisibleText.Clean(draft.Title ?? "").Trim();
        if (title.Length == 0)
        {
            errors["title"] = ["请填写标题。"];
        }
        else if (title.Length > ConsultationRules.MaxTitleLength)
        {
            errors["title"] = [$"标题不能超过 {ConsultationRules.MaxTitleLength} 个字。"];
        }

        if ((draft.Description ?? "").Trim().Length > SurveyRules.MaxDescriptionLength)
        {
            errors["description"] = [$"说明不能超过 {SurveyRules.MaxDescriptionLength} 字。"];
        }

        if (draft.OpensOn is null)
        {
            errors["opensOn"] = ["请填写开始日期。"];
        }

        if (draft.ClosesOn is null)
        {
            errors["closesOn"] = ["请填写截止日期。"];
        }
        else if (draft.OpensOn is { } opens && draft.ClosesOn < opens)
        {
            errors["closesOn"] = ["截止日期不能早于开始日期。"];
        }

        var questions = SurveyRules.CheckQuestions(draft.Questions);
        if (questions.Refusal is { } bad)
        {
            foreach (var (key, messages) in bad.Errors)
            {
                errors[key] = messages;
            }
        }

        return errors.Count > 0
            ? Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors, "问卷内容有误")
            : questions;
    }

    private static void Apply(Survey survey, SurveyDraft draft)
    {
        survey.Title = Gongkai.Platform.Text.VisibleText.Clean(draft.Title ?? "").Trim();
        survey.Description = (draft.Description ?? "").Trim();
        survey.OpensOn = draft.OpensOn!.Value;
        survey.ClosesOn = draft.ClosesOn!.Value;
    }

    private void AddQuestions(int surveyId, IReadOnlyList<CheckedQuestion> questions) =>
        db.Set<SurveyQuestion>().AddRange(questions.Select((q, i) => new SurveyQuestion
        {
            SurveyId = surveyId, Position = i + 1, Text = q.Text, Kind = SurveyVocabulary.Code(q.Kind), Required = q.Required, Options = string.Join('\n', q.Options),
        }));

    /// <summary>Opens (publishes) a draft: a 终审 user of the body, a closing day not yet passed.</summary>
    public async Task<Outcome<SurveyView>> OpenAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.Approve, "调查问卷由本单位终审人员发布。", cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var survey = found.Value!;
        if (SurveyRules.MayOpen(SurveyVocabulary.ParseStage(survey.Stage), survey.ClosesOn, Today).Refusal is { } notNow)
        {
            return notNow;
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        survey.Stage = SurveyVocabulary.Code(SurveyStage.Opened);
        survey.OpenedAt = now;
        survey.OpenedBy = StaffClaims.DisplayNameOf(user);
        survey.UpdatedAt = now;
        audit.Record("survey.open", Target(survey), $"{ConsultationRules.Format(survey.OpensOn)}至{ConsultationRules.Format(survey.ClosesOn)}", survey.BodyId);
        db.RecordChange(ParticipationChanges.SurveyOpened, Id(survey), survey.BodyId);
        var saved = await SaveAsync(survey, cancellationToken);
        return saved.Refusal is { } conflict ? conflict : await DescribeAsync(survey, cancellationToken);
    }

    /// <summary>Takes a response while the survey is open. <paramref name="key"/> is the form's one-time key: a second
    /// response with the same key is refused (409), so a form sent twice is counted once. Text answers are stored with
    /// their masked public text, pending moderation.</summary>
    public async Task<Outcome<SurveyResponse>> RespondAsync(int id, string? key, IReadOnlyList<AnswerDraft>? answers, CancellationToken cancellationToken = default)
    {
        var survey = await db.Set<Survey>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.Stage != "draft", cancellationToken);
        if (survey is null)
        {
            return Refusal.NotFound($"没有编号为 {id} 的调查。", "未找到调查");
        }

        if (SurveyRules.MayAnswer(StatusOf(survey), survey.OpensOn, survey.ClosesOn).Refusal is { } closed)
        {
            return closed;
        }

        var view = await DescribeAsync(survey, cancellationToken);
        var checkedAnswers = SurveyRules.CheckAnswers(view.Checked, answers);
        if (checkedAnswers.Refusal is { } invalid)
        {
            return invalid;
        }

        var hash = HashKey(string.IsNullOrWhiteSpace(key) ? NewKey() : key.Trim());
        if (await db.Set<SurveyResponse>().AnyAsync(r => r.SurveyId == id && r.KeyHash == hash, cancellationToken))
        {
            return Duplicate();
        }

        var today = Today;
        var response = new SurveyResponse { SurveyId = id, KeyHash = hash, CreatedAt = clock.GetUtcNow().ToUniversalTime() };
        try
        {
            await db.InTransactionAsync(async () =>
            {
                db.Set<SurveyResponse>().Add(response);
                await db.SaveChangesAsync(cancellationToken);
                foreach (var answer in checkedAnswers.Value!)
                {
                    var questionId = view.Questions[answer.Question - 1].Id;
                    if (answer.Text is { } text)
                    {
                        db.Set<SurveyAnswer>().Add(new SurveyAnswer
                        {
                            SurveyId = id, ResponseId = response.Id, QuestionId = questionId, Text = text,
                            PublicText = ConsultationDesk.PublicText(text, "", "", today), Moderation = "pending",
                        });
                    }

                    db.Set<SurveyAnswer>().AddRange(answer.Choices.Select(c => new SurveyAnswer { SurveyId = id, ResponseId = response.Id, QuestionId = questionId, Option = c }));
                }

                // The audit row names the survey and the response, never anything about the person.
                audit.Record("survey.respond", Target(survey), $"答卷 {response.Id}", survey.BodyId, actorName: "公众");
                await db.SaveChangesAsync(cancellationToken);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two sends of one form at the same moment: the unique index keeps one.
            db.ChangeTracker.Clear();
            return Duplicate();
        }

        return response;
    }

    private static Refusal Duplicate() => Refusal.Conflict("这份答卷已经提交过，每份问卷只需提交一次。感谢您的参与。", "已经提交过");

    /// <summary>Shows or hides a text answer (moderation before anything is public); not after the results are out.</summary>
    public async Task<Outcome<SurveyAnswer>> ModerateAsync(ClaimsPrincipal user, int id, long answerId, string? moderation, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.Prepare, "只有本单位的信息编辑可以审核回答。", cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var survey = found.Value!;
        if (moderation is not ("shown" or "hidden"))
        {
            return Refusal.InvalidField("moderation", "审核结果应为 shown（公开）或 hidden（不公开）。", "审核结果有误");
        }

        if (survey.Stage == SurveyVocabulary.Code(SurveyStage.ResultsPublished))
        {
            return Refusal.Conflict("调查结果已经公布，回答的公开状态不能再改变。", "结果已公布");
        }

        var answer = await db.Set<SurveyAnswer>().SingleOrDefaultAsync(a => a.Id == answerId && a.SurveyId == id && a.Text != null, cancellationToken);
        if (answer is null)
        {
            return Refusal.NotFound($"这份问卷没有编号为 {answerId} 的文字回答。", "未找到回答");
        }

        answer.Moderation = moderation;
        survey.UpdatedAt = clock.GetUtcNow().ToUniversalTime();
        audit.Record("survey.answer.moderate", Target(survey), $"回答 {answer.Id}：{(moderation == "shown" ? "公开" : "不公开")}", survey.BodyId);
        var saved = await SaveAsync(survey, cancellationToken);
        return saved.Refusal is { } conflict ? conflict : answer;
    }

    /// <summary>Publishes the results (终审) after closing, once every text answer has been moderated.</summary>
    public async Task<Outcome<SurveyView>> PublishResultsAsync(ClaimsPrincipal user, int id, string? summary, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.Approve, "调查结果由本单位终审人员公布。", cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var survey = found.Value!;
        if (SurveyRules.MayPublishResults(StatusOf(survey), survey.ClosesOn).Refusal is { } notNow)
        {
            return notNow;
        }

        var text = (summary ?? "").Trim();
        if (text.Length > 4000)
        {
            return Refusal.InvalidField("summary", "结果说明不能超过 4000 字。", "结果说明有误");
        }

        var pending = await db.Set<SurveyAnswer>().CountAsync(a => a.SurveyId == id && a.Moderation == "pending", cancellationToken);
        if (pending > 0)
        {
            return Refusal.Blocked($"还有 {pending} 条文字回答尚未审核，请先决定是否公开。", "回答尚未审核完");
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        survey.Stage = SurveyVocabulary.Code(SurveyStage.ResultsPublished);
        survey.ResultsSummary = text;
        survey.ResultsPublishedAt = now;
        survey.ResultsPublishedBy = StaffClaims.DisplayNameOf(user);
        survey.UpdatedAt = now;
        audit.Record("survey.results.publish", Target(survey), survey.Title, survey.BodyId);
        db.RecordChange(ParticipationChanges.SurveyResultsPublished, Id(survey), survey.BodyId);
        var saved = await SaveAsync(survey, cancellationToken);
        return saved.Refusal is { } conflict ? conflict : await DescribeAsync(survey, cancellationToken);
    }

    /// <summary>The results: responses, the tally of every choice question (counted in the database, one query per
    /// survey), and the text answers moderators have shown (masked). Once the results are published the survey has
    /// closed and no response can be added, so its counts are kept in <see cref="SurveyCounts"/> after the first reading;
    /// the shown texts, which moderators may still change, are read every time.</summary>
    public async Task<SurveyResults> ResultsAsync(SurveyView view, CancellationToken cancellationToken = default)
    {
        var id = view.Survey.Id;
        var final = view.Status == SurveyStatus.ResultsPublished;
        var counted = final ? counts.Find(id) : null;
        if (counted is null)
        {
            counted = await CountAsync(id, cancellationToken);
            if (final)
            {
                counts.Keep(id, counted);
            }
        }

        var (responses, options, answered) = counted;
        var results = new List<QuestionResult>();
        foreach (var question in view.Questions)
        {
            var kind = SurveyVocabulary.ParseQuestionKind(question.Kind) ?? QuestionKind.Text;
            if (kind == QuestionKind.Text)
            {
                var shown = db.Set<SurveyAnswer>().AsNoTracking().Where(a => a.SurveyId == id && a.QuestionId == question.Id && a.Moderation == "shown");
                var texts = await shown.OrderBy(a => a.Id).Take(ShownTextsPerQuestion).Select(a => a.PublicText ?? "").ToListAsync(cancellationToken);
                results.Add(new QuestionResult(question, kind, null, texts, await shown.CountAsync(cancellationToken)));
                continue;
            }

            var tally = SurveyRules.Tally(question.OptionList.Count,
                options.Where(c => c.QuestionId == question.Id).Select(c => (c.Option, c.Count)), answered.GetValueOrDefault(question.Id));
            results.Add(new QuestionResult(question, kind, tally, [], 0));
        }

        return new SurveyResults(responses, results);
    }

    private async Task<CountedSurvey> CountAsync(int id, CancellationToken cancellationToken)
    {
        var responses = await db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == id, cancellationToken);
        var options = await db.Set<SurveyAnswer>().Where(a => a.SurveyId == id && a.Option != null)
            .GroupBy(a => new { a.QuestionId, a.Option }).Select(g => new OptionCount(g.Key.QuestionId, g.Key.Option!.Value, g.Count())).ToListAsync(cancellationToken);
        var answered = await db.Set<SurveyAnswer>().Where(a => a.SurveyId == id)
            .GroupBy(a => a.QuestionId).Select(g => new { QuestionId = g.Key, Responses = g.Select(a => a.ResponseId).Distinct().Count() })
            .ToDictionaryAsync(g => g.QuestionId, g => g.Responses, cancellationToken);
        return new CountedSurvey(responses, options, answered);
    }

    /// <summary>Every text answer with its moderation, for staff of the survey's body.</summary>
    public async Task<Outcome<IReadOnlyList<SurveyAnswer>>> StaffTextAnswersAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.View, "这份问卷不属于您的单位。", cancellationToken);
        return found.Refusal is { } refusal ? refusal : Outcome.Success(await TextAnswersAsync(id, cancellationToken));
    }

    /// <summary>Every text answer of a survey with its moderation, for the body's staff.</summary>
    public async Task<IReadOnlyList<SurveyAnswer>> TextAnswersAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Set<SurveyAnswer>().AsNoTracking().Where(a => a.SurveyId == id && a.Text != null).OrderBy(a => a.Id).ToListAsync(cancellationToken);

    public async Task<int> ResponseCountAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Set<SurveyResponse>().CountAsync(r => r.SurveyId == id, cancellationToken);

    /// <summary>Every response as CSV for the body's staff: one row per response, one column per question (choices by
    /// their text, several joined with "；"); UTF-8 with BOM so spreadsheet programs read the Chinese.</summary>
    public async Task<Outcome<string>> CsvAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.View, "这份问卷不属于您的单位。", cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var view = await DescribeAsync(found.Value!, cancellationToken);
        var responses = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == id).OrderBy(r => r.Id)
            .Select(r => new { r.Id, r.CreatedAt }).ToListAsync(cancellationToken);
        var answers = (await db.Set<SurveyAnswer>().AsNoTracking().Where(a => a.SurveyId == id).OrderBy(a => a.Id).ToListAsync(cancellationToken))
            .ToLookup(a => (a.ResponseId, a.QuestionId));
        var csv = new StringBuilder("\uFEFF");
        csv.Append(string.Join(',', CsvLeadColumns.Concat(view.Questions.Select(q => $"第{q.Position}题 {q.Text}")).Select(Quote))).Append("\r\n");
        foreach (var response in responses)
        {
            var cells = new List<string> { response.Id.ToString(CultureInfo.InvariantCulture), ChinaTime.FormatMinutes(response.CreatedAt) };
            foreach (var question in view.Questions)
            {
                var given = answers[(response.Id, question.Id)].ToList();
                var options = question.OptionList;
                cells.Add(string.Join("；", given.Select(a => a.Text ?? (a.Option is { } o && o <= options.Count ? options[o - 1] : ""))));
            }

            csv.Append(string.Join(',', cells.Select(Quote))).Append("\r\n");
        }

        return csv.ToString();
    }

    private static readonly string[] CsvLeadColumns = ["答卷编号", "提交时间"];

    private static readonly System.Buffers.SearchValues<char> CsvSpecial = System.Buffers.SearchValues.Create(",\"\n\r");

    /// <summary>A CSV cell: quoted when needed, and a leading formula character defused so a spreadsheet does not run it.</summary>
    internal static string Quote(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.AsSpan().IndexOfAny(CsvSpecial) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>Public lists: opened surveys (never drafts) with their status, newest first.</summary>
    public async Task<IReadOnlyList<SurveySummary>> ListPublicAsync(SurveyStatus? status, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var query = db.Set<Survey>().AsNoTracking().Where(s => s.Stage != "draft");
        query = status switch
        {
            SurveyStatus.Open => query.Where(s => s.Stage == "opened" && s.OpensOn <= today && s.ClosesOn >= today),
            SurveyStatus.Scheduled => query.Where(s => s.Stage == "opened" && s.OpensOn > today),
            SurveyStatus.Closed => query.Where(s => s.Stage == "opened" && s.ClosesOn < today),
            SurveyStatus.ResultsPublished => query.Where(s => s.Stage == "results-published"),
            SurveyStatus.Draft => query.Where(s => false),
            _ => query,
        };
        return await SummariesAsync(query, cancellationToken);
    }

    /// <summary>The console list: every survey of the bodies in the user's scope, drafts included.</summary>
    public async Task<IReadOnlyList<SurveySummary>> ListForStaffAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var query = db.Set<Survey>().AsNoTracking();
        var inScope = await scope.BodiesInScopeAsync(user, cancellationToken);
        if (inScope is not null)
        {
            query = query.Where(s => inScope.Contains(s.BodyId));
        }

        return await SummariesAsync(query, cancellationToken);
    }

    private async Task<IReadOnlyList<SurveySummary>> SummariesAsync(IQueryable<Survey> query, CancellationToken cancellationToken)
    {
        var rows = await query.OrderByDescending(s => s.OpensOn).ThenByDescending(s => s.Id).Take(500)
            .Select(s => new { Survey = s, Responses = db.Set<SurveyResponse>().Count(r => r.SurveyId == s.Id) })
            .ToListAsync(cancellationToken);
        var bodies = await directory.LoadAsync(cancellationToken);
        return rows.Select(r => new SurveySummary(r.Survey, bodies.Find(r.Survey.BodyId), StatusOf(r.Survey), r.Responses)).ToList();
    }

    private async Task<Outcome<Survey>> FindForStaffAsync(ClaimsPrincipal user, int id, string permission, string forbidden, CancellationToken cancellationToken)
    {
        var survey = await db.Set<Survey>().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (survey is null)
        {
            return Refusal.NotFound($"没有编号为 {id} 的调查。", "未找到调查");
        }

        return await MayActAsync(user, survey.BodyId, permission, cancellationToken) ? survey : Refusal.Forbidden(forbidden);
    }

    private async Task<Outcome<Survey>> SaveAsync(Survey survey, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return survey;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("这份问卷刚刚被其他人修改过，请刷新后再试。");
        }
    }

    private static string Target(Survey s) => "survey:" + Id(s);

    private static string Id(Survey s) => s.Id.ToString(CultureInfo.InvariantCulture);
}
