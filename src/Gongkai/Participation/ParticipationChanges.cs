using Gongkai.Platform.Data;

namespace Gongkai.Participation;

/// <summary>Change-log kinds written by public participation (entity id: the consultation's, survey's, interview's or meeting's id). The module's public
/// pages are not output-cached, so no follower needs to evict anything: the rows are there for operators and for later
/// followers (feeds, search, the public log).</summary>
[ChangeKinds]
public static class ParticipationChanges
{
    [Informational]
    public static readonly ChangeKind ConsultationOpened = new("consultation.opened", "consultation");

    [Informational]
    public static readonly ChangeKind FeedbackPublished = new("consultation.feedback-published", "consultation");

    [Informational]
    public static readonly ChangeKind SurveyOpened = new("survey.opened", "survey");

    [Informational]
    public static readonly ChangeKind SurveyResultsPublished = new("survey.results-published", "survey");

    [Informational]
    public static readonly ChangeKind InterviewAnnounced = new("interview.announced", "interview");

    [Informational]
    public static readonly ChangeKind InterviewArchived = new("interview.archived", "interview");

    [Informational]
    public static readonly ChangeKind MeetingAnnounced = new("meeting.announced", "meeting");

    [Informational]
    public static readonly ChangeKind MeetingSeated = new("meeting.seated", "meeting");

    [Informational]
    public static readonly ChangeKind MeetingRecorded = new("meeting.recorded", "meeting");
}
