using System.Globalization;
using Gongkai.Platform.Outcomes;

namespace Gongkai.Channels.Rules;

/// <summary>Where a press conference stands: prepared (not public), announced (预告), held (with its record).</summary>
public enum PressStage
{
    Draft,
    Scheduled,
    Held,
}

/// <summary>A speaker at a press conference: name and post.</summary>
public sealed record PressSpeaker(string Name, string Post)
{
    public override string ToString() => Post.Length == 0 ? Name : $"{Name}（{Post}）";
}

/// <summary>A press conference as staff enter it, checked before it is stored.</summary>
public sealed record PressConferenceInput(
    string? Title, string? Topic, string? Venue, DateTimeOffset? StartsAt, string? Speakers, string? FirstInterpreter, string? Transcript, string? VideoUrl);

/// <summary>The checked fields.</summary>
public sealed record CheckedPressConference(
    string Title, string Topic, string Venue, DateTimeOffset StartsAt, IReadOnlyList<PressSpeaker> Speakers, string FirstInterpreter, string Transcript, string? VideoUrl);

/// <summary>
/// 新闻发布会 (work plan 七): the body's principal leader interprets major policies in person as 第一解读人. A conference
/// is prepared, announced (the 预告 is public once a reviewer releases it), then held, when its record — transcript,
/// photos, video — is completed. The first interpreter must be one of the speakers; the console proposes the body's
/// head.
/// </summary>
public static class PressConferenceRules
{
    public const int MaxTitleLength = 200;
    public const int MaxTopicLength = 4000;
    public const int MaxSpeakers = 12;
    public const int MaxTranscriptLength = 100_000;

    public static PressStage ParseStage(string code) => code switch
    {
        "scheduled" => PressStage.Scheduled,
        "held" => PressStage.Held,
        _ => PressStage.Draft,
    };

    public static string Code(PressStage stage) => stage switch
    {
        PressStage.Scheduled => "scheduled",
        PressStage.Held => "held",
        _ => "draft",
    };

    public static string ChineseName(PressStage stage) => stage switch
    {
        PressStage.Scheduled => "预告",
        PressStage.Held => "已举行",
        _ => "筹备中",
    };

    /// <summary>One speaker a line: “姓名 职务” (the first space, comma or 、 separates them).</summary>
    public static IReadOnlyList<PressSpeaker> SpeakerList(string? lines) =>
        (lines ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Select(line => line.Trim()).Where(line => line.Length > 0)
            .Select(line =>
            {
                var cut = line.IndexOfAny([' ', '\u3000', '，', ',', '、', '\t']);
                return cut < 0 ? new PressSpeaker(line, "") : new PressSpeaker(line[..cut].Trim(), line[(cut + 1)..].Trim(' ', '\u3000', '，', ',', '、', '\t'));
            })
            .ToList();

    public static string SpeakerLines(IEnumerable<PressSpeaker> speakers) =>
        string.Join('\n', speakers.Select(s => s.Post.Length == 0 ? s.Name : s.Name + " " + s.Post));

    public static Outcome<CheckedPressConference> Check(PressConferenceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>();
        var title = (input.Title ?? "").Trim();
        if (title.Length == 0)
        {
            errors["title"] = ["请填写发布会主题。"];
        }
        else if (title.Length > MaxTitleLength)
        {
            errors["title"] = [$"发布会主题不能超过 {MaxTitleLength} 个字。"];
        }

        var topic = (input.Topic ?? "").Trim();
        if (topic.Length > MaxTopicLength)
        {
            errors["topic"] = [$"发布内容简介不能超过 {MaxTopicLength} 个字。"];
        }

        var venue = (input.Venue ?? "").Trim();
        if (venue.Length > 200)
        {
            errors["venue"] = ["地点不能超过 200 个字。"];
        }

        if (input.StartsAt is null)
        {
            errors["startsAt"] = ["请填写发布会时间。"];
        }

        var speakers = SpeakerList(input.Speakers);
        if (speakers.Count == 0)
        {
            errors["speakers"] = ["请填写至少一位发布人（每行一位：姓名 职务）。"];
        }
        else if (speakers.Count > MaxSpeakers || speakers.Any(s => s.Name.Length > 50 || s.Post.Length > 100))
        {
            errors["speakers"] = [$"发布人最多 {MaxSpeakers} 位；姓名不超过 50 字，职务不超过 100 字。"];
        }

        var first = (input.FirstInterpreter ?? "").Trim();
        if (first.Length == 0)
        {
            errors["firstInterpreter"] = ["请填写第一解读人（一般为本单位主要负责人）。"];
        }
        else if (speakers.Count > 0 && !speakers.Any(s => string.Equals(s.Name, first, StringComparison.Ordinal)))
        {
            errors["firstInterpreter"] = [$"第一解读人“{first}”应是发布人之一。"];
        }

        var transcript = (input.Transcript ?? "").Trim();
        if (transcript.Length > MaxTranscriptLength)
        {
            errors["transcript"] = [$"文字实录不能超过 {MaxTranscriptLength.ToString("N0", CultureInfo.InvariantCulture)} 个字。"];
        }

        var video = string.IsNullOrWhiteSpace(input.VideoUrl) ? null : input.VideoUrl.Trim();
        if (video is not null && (video.Length > 500 || !Uri.TryCreate(video, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
        {
            errors["videoUrl"] = ["视频地址应是 https:// 开头的完整网址（不超过 500 个字符）。"];
        }

        if (errors.Count > 0)
        {
            return Refusal.Invalid(string.Join(" ", errors.Values.SelectMany(m => m)), errors, "发布会信息有误");
        }

        return new CheckedPressConference(title, topic, venue, input.StartsAt!.Value.ToUniversalTime(), speakers, first, transcript, video);
    }

    /// <summary>A prepared conference is announced once; a held one stays held.</summary>
    public static Outcome MaySchedule(PressStage stage) => stage == PressStage.Draft
        ? Outcome.Done
        : Refusal.Conflict(stage == PressStage.Scheduled ? "该发布会的预告已经发布。" : "该发布会已经举行。");

    /// <summary>Marked held only after it began, from the announcement, and with its transcript.</summary>
    public static Outcome MayMarkHeld(PressStage stage, DateTimeOffset startsAt, DateTimeOffset now, string transcript)
    {
        if (stage == PressStage.Draft)
        {
            return Refusal.Conflict("请先发布发布会预告，再登记举行情况。");
        }

        if (stage == PressStage.Held)
        {
            return Refusal.Conflict("该发布会已登记为已举行。");
        }

        if (startsAt > now)
        {
            return Refusal.Conflict("发布会尚未开始，不能登记为已举行。");
        }

        return string.IsNullOrWhiteSpace(transcript)
            ? Refusal.InvalidField("transcript", "请先填写文字实录，再登记为已举行。", "缺少文字实录")
            : Outcome.Done;
    }
}
