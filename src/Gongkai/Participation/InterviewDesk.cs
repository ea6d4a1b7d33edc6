using System.Globalization;
using System.Security.Claims;
using Gongkai.Organizations;
using Gongkai.Participation.Rules;
using Gongkai.Platform.Audit;
using Gongkai.Platform.Data;
using Gongkai.Platform.Outcomes;
using Gongkai.Platform.Time;
using Gongkai.Publishing.Contracts;
using Gongkai.Staff;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Participation;

/// <summary>An interview as staff prepare it.</summary>
public sealed record InterviewDraft(string? Body, string? Title, string? Guests, string? Summary, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt);

/// <summary>An interview with its body.</summary>
public sealed record InterviewView(Interview Interview, Body? Body)
{
    public InterviewStage Stage => InterviewRules.ParseStage(Interview.Stage);

    public IReadOnlyList<string> Guests => InterviewRules.GuestList(Interview.Guests);
}

/// <summary>A stored question and whether its text carried markup.</summary>
public sealed record QuestionReceipt(InterviewQuestion Question, bool HadMarkup);

/// <summary>A related document by its 索引号 and, when it is published, its title.</summary>
public sealed record RelatedDocument(string IndexNo, string? Title)
{
    public string Url => DocumentSummary.DocumentUrl(IndexNo);
}

/// <summary>An interview in a list, with the number of questions received and answered.</summary>
public sealed record InterviewSummary(Interview Interview, Body? Body, int Questions, int Answered)
{
    public InterviewStage Stage => InterviewRules.ParseStage(Interview.Stage);
}

/// <summary>
/// The interview desk (在线访谈): staff prepare an interview, a 终审 user announces it, citizens ask questions before and
/// during it (plain text, masked, contact kept for staff), moderators pick questions and record the guests' answers
/// into the transcript, add photos and related documents, and archive it. Every change is checked on the server
/// (permission and body scope) and audited in the same unit of work.
/// </summary>
public sealed class InterviewDesk(
    GongkaiDbContext db, AuditLog audit, BodyScope scope, BodyDirectory directory, RolePermissions permissions, TimeProvider clock, PublishedDocuments documents)
{
    public const int MaxPhotoBytes = 2 * 1024 * 1024;

    public DateOnly Today => ChinaTime.Today(clock);

    public async Task<Interview?> FindAsync(int id, bool track = false, CancellationToken cancellationToken = default) =>
        await (track ? db.Set<Interview>() : db.Set<Interview>().AsNoTracking()).SingleOrDefaultAsync(i => i.Id == id, cancellationToken);

    public async Task<bool> MayActAsync(ClaimsPrincipal user, int bodyId, string permission, CancellationToken cancellationToken = default) =>
        permissions.Grants(user, permission) && await scope.MayActForAsync(user, bodyId, cancellationToken);

    /// <summary>An interview for the public (never a draft) or for staff of its body.</summary>
    public async Task<Outcome<InterviewView>> ViewAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var interview = await FindAsync(id, cancellationToken: cancellationToken);
        if (interview is null || (interview.Stage == "draft" && !await MayActAsync(user, interview.BodyId, ParticipationPermissions.View, cancellationToken)))
        {
            return NotFound(id);
        }

        return new InterviewView(interview, await directory.FindAsync(interview.BodyId, cancellationToken));
    }

    public async Task<Outcome<Interview>> CreateAsync(ClaimsPrincipal user, InterviewDraft draft, CancellationToken cancellationToken = default)
    {
        if (!permissions.Grants(user, ParticipationPermissions.Prepare))
        {
            return Refusal.Forbidden("只有信息编辑可以筹备在线访谈。");
        }

        var body = await directory.NamedOrOwnAsync(user, draft.Body, cancellationToken);
        if (body is null)
        {
            return Refusal.InvalidField("body", string.IsNullOrWhiteSpace(draft.Body) ? "请选择主办单位。" : $"没有代码为“{draft.Body}”的机关。", "主办单位有误");
        }

        if (!await scope.MayActForAsync(user, body.Id, cancellationToken))
        {
            return Refusal.Forbidden($"您不能为{body.Name}筹备在线访谈。");
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        var interview = new Interview { BodyId = body.Id, Title = "", CreatedAt = now, CreatedBy = StaffClaims.DisplayNameOf(user), UpdatedAt = now };
        if (Apply(interview, draft).Refusal is { } invalid)
        {
            return invalid;
        }

        db.Set<Interview>().Add(interview);
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            audit.Record("interview.create", Target(interview), interview.Title, body.Id);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return interview;
    }

    public async Task<Outcome<Interview>> UpdateAsync(ClaimsPrincipal user, int id, InterviewDraft draft, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.Prepare, "只有本单位的信息编辑可以修改访谈。", cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var interview = found.Value!;
        if (InterviewRules.MayEdit(InterviewRules.ParseStage(interview.Stage)).Refusal is { } closed)
        {
            return closed;
        }

        if (Apply(interview, draft).Refusal is { } invalid)
        {
            return invalid;
        }

        audit.Record("interview.update", Target(interview), interview.Title, interview.BodyId);
        return await SaveAsync(interview, cancellationToken);
    }

    private static Outcome Apply(Interview interview, InterviewDraft draft)
    {
        var errors = new Dictionary<string, string[]>();
        var title = Gongkai.Platform.Text.VisibleText.Clean(draft.Title ?? "").Trim();
        if (title.Length == 0)
        {
            errors["title"] = ["请填写访谈主题。"];
        }
        else if (title.Length > InterviewRules.MaxTitleLength)
        {
            errors["title"] = [$"访谈主题不能超过 {InterviewRules.MaxTitleLength} 个字。"];
        }

        var guests = InterviewRules.GuestList(draft.Guests);
        if (guests.Count == 0)
        {
            errors["guests"] = ["请填写至少一位访谈嘉宾（每行一位，姓名和职务）。"];
        }
        else if (guests.Count > InterviewRules.MaxGuests || string.Join('\n', guests).Length > 1000)
        {
            errors["guests"] = [$"嘉宾最多 {InterviewRules.MaxGuests} 位，合计不超过 1000 字。"];
        }

        var summary = draft.Summary?.Trim() ?? "";
        if (summary.Length > 4000)
        {
            errors["summary"] = ["访谈简介不能超过 4000 字。"];
        }

        if (draft.StartsAt is null)
        {
            errors["startsAt"] = ["请填写访谈开始时间。"];
        }

        if (draft.EndsAt is null)
        {
            errors["endsAt"] = ["请填写访谈结束时间。"];
        }
        else if (draft.StartsAt is { } starts && draft.EndsAt <= starts)
        {
            errors["endsAt"] = ["结束时间应晚于开始时间。"];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors, "访谈信息有误");
        }

        interview.Title = title;
        interview.Guests = string.Join('\n', guests);
        interview.Summary = summary;
        interview.StartsAt = draft.StartsAt!.Value.ToUniversalTime();
        interview.EndsAt = draft.EndsAt!.Value.ToUniversalTime();
        return Outcome.Done;
    }

    /// <summary>Announces a draft (终审): the public can read the notice and ask questions.</summary>
    public Task<Outcome<InterviewView>> AnnounceAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default) =>
        StepAsync(user, id, ParticipationPermissions.Approve, "访谈预告由本单位终审人员发布。", InterviewRules.MayAnnounce, InterviewStage.Announced, "interview.announce",
            ParticipationChanges.InterviewAnnounced, cancellationToken);

    /// <summary>The interview begins: moderators may now record answers.</summary>
    public Task<Outcome<InterviewView>> StartAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default) =>
        StepAsync(user, id, ParticipationPermissions.Prepare, "只有本单位的信息编辑可以主持访谈。", InterviewRules.MayStart, InterviewStage.Live, "interview.start", null, cancellationToken);

    /// <summary>The interview ends: the transcript is final and the page becomes the archive.</summary>
    public Task<Outcome<InterviewView>> ArchiveAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default) =>
        StepAsync(user, id, ParticipationPermissions.Prepare, "只有本单位的信息编辑可以结束访谈。", InterviewRules.MayArchive, InterviewStage.Archived, "interview.archive",
            ParticipationChanges.InterviewArchived, cancellationToken);

    private async Task<Outcome<InterviewView>> StepAsync(ClaimsPrincipal user, int id, string permission, string forbidden, Func<InterviewStage, Outcome> may,
        InterviewStage next, string action, Platform.Data.ChangeKind? change, CancellationToken cancellationToken)
    {
        var found = await FindForStaffAsync(user, id, permission, forbidden, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var interview = found.Value!;
        if (may(InterviewRules.ParseStage(interview.Stage)).Refusal is { } notNow)
        {
            return notNow;
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        interview.Stage = InterviewRules.Code(next);
        if (next == InterviewStage.Announced)
        {
            interview.AnnouncedAt = now;
            interview.AnnouncedBy = StaffClaims.DisplayNameOf(user);
        }
        else if (next == InterviewStage.Archived)
        {
            interview.ArchivedAt = now;
        }

        audit.Record(action, Target(interview), interview.Title, interview.BodyId);
        if (change is not null)
        {
            db.RecordChange(change, Id(interview), interview.BodyId);
        }

        var saved = await SaveAsync(interview, cancellationToken);
        return saved.Refusal is { } conflict ? conflict : new InterviewView(interview, await directory.FindAsync(interview.BodyId, cancellationToken));
    }

    /// <summary>Takes a citizen's question while the interview is announced or live; stored with its masked public text.</summary>
    public async Task<Outcome<QuestionReceipt>> AskAsync(ClaimsPrincipal user, int id, string? name, string? contact, string? text, CancellationToken cancellationToken = default)
    {
        var view = await ViewAsync(user, id, cancellationToken);
        if (view.Refusal is { } missing)
        {
            return missing;
        }

        var interview = view.Value!.Interview;
        if (InterviewRules.MayAsk(InterviewRules.ParseStage(interview.Stage)).Refusal is { } closed)
        {
            return closed;
        }

        var checkedQuestion = InterviewRules.CheckQuestion(name, contact, text);
        if (checkedQuestion.Refusal is { } invalid)
        {
            return invalid;
        }

        var q = checkedQuestion.Value!;
        var question = new InterviewQuestion
        {
            InterviewId = interview.Id, Name = q.Name, Contact = q.Contact, Text = q.Text,
            PublicText = ConsultationDesk.PublicText(q.Text, q.Name ?? "", q.Contact, Today), CreatedAt = clock.GetUtcNow().ToUniversalTime(),
        };
        db.Set<InterviewQuestion>().Add(question);
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            // The audit row names the interview and the question, never the asker or their contact.
            audit.Record("interview.question", Target(interview), $"问题 {question.Id}", interview.BodyId, actorName: "公众");
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return new QuestionReceipt(question, q.HadMarkup);
    }

    /// <summary>Picks a question for the guests or sets it aside (picked | declined | pending).</summary>
    public async Task<Outcome<InterviewQuestion>> ModerateAsync(ClaimsPrincipal user, int id, long questionId, string? state, CancellationToken cancellationToken = default)
    {
        var found = await FindQuestionAsync(user, id, questionId, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (interview, question) = found.Value!;
        if (state is not ("picked" or "declined" or "pending"))
        {
            return Refusal.InvalidField("state", "应为 picked（选用）、declined（不采用）或 pending（待选）。", "选题结果有误");
        }

        if (InterviewRules.MayModerate(InterviewRules.ParseStage(interview.Stage), InterviewRules.ParseQuestionState(question.State)).Refusal is { } notNow)
        {
            return notNow;
        }

        question.State = state;
        interview.UpdatedAt = clock.GetUtcNow().ToUniversalTime();
        audit.Record("interview.question.moderate", Target(interview), $"问题 {question.Id}：{InterviewRules.ChineseName(InterviewRules.ParseQuestionState(state))}", interview.BodyId);
        var saved = await SaveAsync(interview, cancellationToken);
        return saved.Refusal is { } conflict ? conflict : question;
    }

    /// <summary>Records a guest's answer to a question (staff type it); the question and answer join the transcript.</summary>
    public async Task<Outcome<InterviewQuestion>> AnswerAsync(ClaimsPrincipal user, int id, long questionId, string? guest, string? answer, CancellationToken cancellationToken = default)
    {
        var found = await FindQuestionAsync(user, id, questionId, cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var (interview, question) = found.Value!;
        if (InterviewRules.MayAnswer(InterviewRules.ParseStage(interview.Stage), InterviewRules.ParseQuestionState(question.State)).Refusal is { } notNow)
        {
            return notNow;
        }

        var errors = new Dictionary<string, string[]>();
        var who = guest?.Trim() ?? "";
        if (who.Length == 0 || who.Length > 100)
        {
            errors["guest"] = ["请填写回答的嘉宾（不超过 100 字）。"];
        }

        var text = answer?.Trim() ?? "";
        if (text.Length == 0 || text.Length > InterviewRules.MaxAnswerLength)
        {
            errors["answer"] = [$"请填写嘉宾的回答（不超过 {InterviewRules.MaxAnswerLength} 字）。"];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors, "回答有误");
        }

        var now = clock.GetUtcNow().ToUniversalTime();
        var last = await db.Set<InterviewQuestion>().Where(q => q.InterviewId == id && q.Position != null).MaxAsync(q => q.Position, cancellationToken) ?? 0;
        question.State = InterviewRules.Code(QuestionState.Answered);
        question.AnsweredBy = who;
        question.Answer = text;
        question.AnsweredAt = now;
        question.RecordedBy = StaffClaims.DisplayNameOf(user);
        question.Position = last + 1;
        interview.UpdatedAt = now;
        audit.Record("interview.question.answer", Target(interview), $"问题 {question.Id}，{who}回答", interview.BodyId);
        var saved = await SaveAsync(interview, cancellationToken);
        return saved.Refusal is { } conflict ? conflict : question;
    }

    /// <summary>Links published documents by 索引号 (replacing the list); every number must name a published document.</summary>
    public async Task<Outcome<Interview>> LinkDocumentsAsync(ClaimsPrincipal user, int id, IReadOnlyList<string>? indexNos, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.Prepare, "只有本单位的信息编辑可以关联文件。", cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var interview = found.Value!;
        var numbers = (indexNos ?? []).Select(n => n.Trim()).Where(n => n.Length > 0).Distinct().ToList();
        foreach (var number in numbers)
        {
            if (await documents.FindAsync(number, cancellationToken) is null)
            {
                return Refusal.InvalidField("indexNos", $"没有索引号为“{number}”的已公开文件。", "索引号有误");
            }
        }

        if (string.Join('\n', numbers).Length > 1000)
        {
            return Refusal.InvalidField("indexNos", "相关文件过多。", "索引号有误");
        }

        interview.RelatedIndexNos = string.Join('\n', numbers);
        audit.Record("interview.link-documents", Target(interview), numbers.Count == 0 ? "取消关联" : string.Join("、", numbers), interview.BodyId);
        return await SaveAsync(interview, cancellationToken);
    }

    /// <summary>Adds a photo (JPEG or PNG, at most 2 MB) with a caption that serves as its alternative text.</summary>
    public async Task<Outcome<InterviewPhoto>> AddPhotoAsync(ClaimsPrincipal user, int id, string? caption, byte[] content, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.Prepare, "只有本单位的信息编辑可以上传访谈图片。", cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var interview = found.Value!;
        var text = caption?.Trim() ?? "";
        if (text.Length == 0 || text.Length > 200)
        {
            return Refusal.InvalidField("caption", "请为图片写一句说明（不超过 200 字），读屏软件会读出它。", "图片说明有误");
        }

        var type = ImageType(content);
        if (content.Length == 0 || content.Length > MaxPhotoBytes || type is null)
        {
            return Refusal.InvalidField("photo", "图片应为 JPEG 或 PNG 格式，不超过 2 MB。", "图片有误");
        }

        var photo = new InterviewPhoto
        {
            InterviewId = id, Caption = text, ContentType = type, Content = content, CreatedAt = clock.GetUtcNow().ToUniversalTime(), CreatedBy = StaffClaims.DisplayNameOf(user),
        };
        db.Set<InterviewPhoto>().Add(photo);
        await db.InTransactionAsync(async () =>
        {
            await db.SaveChangesAsync(cancellationToken);
            audit.Record("interview.photo.add", Target(interview), $"图片 {photo.Id}：{text}", interview.BodyId);
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
        return photo;
    }

    /// <summary>JPEG or PNG by the file's first bytes (never by its name); null otherwise.</summary>
    public static string? ImageType(ReadOnlySpan<byte> content) =>
        content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : null;

    /// <summary>A photo of a public interview.</summary>
    public async Task<InterviewPhoto?> PublicPhotoAsync(int id, int photoId, CancellationToken cancellationToken = default) =>
        await db.Set<InterviewPhoto>().AsNoTracking()
            .Where(p => p.Id == photoId && p.InterviewId == id && db.Set<Interview>().Any(i => i.Id == id && i.Stage != "draft"))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The photos' ids and captions, in order.</summary>
    public async Task<IReadOnlyList<(int Id, string Caption)>> PhotosAsync(int id, CancellationToken cancellationToken = default) =>
        (await db.Set<InterviewPhoto>().AsNoTracking().Where(p => p.InterviewId == id).OrderBy(p => p.Id).Select(p => new { p.Id, p.Caption }).ToListAsync(cancellationToken))
            .Select(p => (p.Id, p.Caption)).ToList();

    /// <summary>The transcript: answered questions in the order they were answered, optionally only those after a position.</summary>
    public async Task<IReadOnlyList<InterviewQuestion>> TranscriptAsync(int id, int after = 0, CancellationToken cancellationToken = default) =>
        await db.Set<InterviewQuestion>().AsNoTracking().Where(q => q.InterviewId == id && q.Position != null && q.Position > after)
            .OrderBy(q => q.Position).ToListAsync(cancellationToken);

    /// <summary>Related documents with their titles (a number no longer public is shown without a link title).</summary>
    public async Task<IReadOnlyList<RelatedDocument>> RelatedDocumentsAsync(Interview interview, CancellationToken cancellationToken = default)
    {
        var list = new List<RelatedDocument>();
        foreach (var number in InterviewRules.IndexNumbers(interview.RelatedIndexNos))
        {
            list.Add(new RelatedDocument(number, (await documents.FindAsync(number, cancellationToken))?.Document.Title));
        }

        return list;
    }

    /// <summary>Every question with contacts, for staff of the interview's body.</summary>
    public async Task<Outcome<IReadOnlyList<InterviewQuestion>>> StaffQuestionsAsync(ClaimsPrincipal user, int id, CancellationToken cancellationToken = default)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.View, "这次访谈不属于您的单位。", cancellationToken);
        return found.Refusal is { } refusal ? refusal
            : Outcome.Success<IReadOnlyList<InterviewQuestion>>(await db.Set<InterviewQuestion>().AsNoTracking().Where(q => q.InterviewId == id).OrderBy(q => q.Id).ToListAsync(cancellationToken));
    }

    /// <summary>Public lists: announced, live and archived interviews; upcoming first by time, then the archive newest first.</summary>
    public async Task<IReadOnlyList<InterviewSummary>> ListPublicAsync(InterviewStage? stage, CancellationToken cancellationToken = default)
    {
        var query = db.Set<Interview>().AsNoTracking().Where(i => i.Stage != "draft");
        if (stage is { } wanted)
        {
            var code = InterviewRules.Code(wanted);
            query = query.Where(i => i.Stage == code);
        }

        return await SummariesAsync(query, cancellationToken);
    }

    /// <summary>The console list: every interview of the bodies in the user's scope.</summary>
    public async Task<IReadOnlyList<InterviewSummary>> ListForStaffAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var query = db.Set<Interview>().AsNoTracking();
        var inScope = await scope.BodiesInScopeAsync(user, cancellationToken);
        if (inScope is not null)
        {
            query = query.Where(i => inScope.Contains(i.BodyId));
        }

        return await SummariesAsync(query, cancellationToken);
    }

    private async Task<IReadOnlyList<InterviewSummary>> SummariesAsync(IQueryable<Interview> query, CancellationToken cancellationToken)
    {
        var rows = await query.OrderByDescending(i => i.StartsAt).ThenByDescending(i => i.Id).Take(500)
            .Select(i => new
            {
                Interview = i,
                Questions = db.Set<InterviewQuestion>().Count(q => q.InterviewId == i.Id),
                Answered = db.Set<InterviewQuestion>().Count(q => q.InterviewId == i.Id && q.Position != null),
            })
            .ToListAsync(cancellationToken);
        var bodies = await directory.LoadAsync(cancellationToken);
        return rows.Select(r => new InterviewSummary(r.Interview, bodies.Find(r.Interview.BodyId), r.Questions, r.Answered)).ToList();
    }

    private async Task<Outcome<(Interview, InterviewQuestion)>> FindQuestionAsync(ClaimsPrincipal user, int id, long questionId, CancellationToken cancellationToken)
    {
        var found = await FindForStaffAsync(user, id, ParticipationPermissions.Prepare, "只有本单位的信息编辑可以主持访谈。", cancellationToken);
        if (found.Refusal is { } refusal)
        {
            return refusal;
        }

        var question = await db.Set<InterviewQuestion>().SingleOrDefaultAsync(q => q.Id == questionId && q.InterviewId == id, cancellationToken);
        return question is null ? Refusal.NotFound($"这次访谈没有编号为 {questionId} 的问题。", "未找到问题") : (found.Value!, question);
    }

    private async Task<Outcome<Interview>> FindForStaffAsync(ClaimsPrincipal user, int id, string permission, string forbidden, CancellationToken cancellationToken)
    {
        var interview = await FindAsync(id, track: true, cancellationToken);
        if (interview is null)
        {
            return NotFound(id);
        }

        return await MayActAsync(user, interview.BodyId, permission, cancellationToken) ? interview : Refusal.Forbidden(forbidden);
    }

    private async Task<Outcome<Interview>> SaveAsync(Interview interview, CancellationToken cancellationToken)
    {
        try
        {
            interview.UpdatedAt = clock.GetUtcNow().ToUniversalTime();
            await db.SaveChangesAsync(cancellationToken);
            return interview;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.Conflict("这次访谈刚刚被其他人修改过，请刷新后再试。");
        }
    }

    private static Refusal NotFound(int id) => Refusal.NotFound($"没有编号为 {id} 的在线访谈。", "未找到访谈");

    private static string Target(Interview i) => "interview:" + Id(i);

    private static string Id(Interview i) => i.Id.ToString(CultureInfo.InvariantCulture);
}
