using System.Collections.Concurrent;

namespace Gongkai.Participation;

/// <summary>One option's count in a question.</summary>
public sealed record OptionCount(int QuestionId, int Option, int Count);

/// <summary>What the database counted for a survey: responses, answers per question and option, and per question the
/// responses that answered it.</summary>
public sealed record CountedSurvey(int Responses, IReadOnlyList<OptionCount> Options, IReadOnlyDictionary<int, int> Answered);

/// <summary>
/// The counts of surveys whose results are published, kept in memory per node. Such a survey has closed, responses
/// are refused after closing and nothing edits or deletes them, so the counts never change and need no eviction:
/// counting 100,000 responses (several hundred thousand answers) takes hundreds of milliseconds, reading them here
/// none. Bounded: past <see cref="Capacity"/> surveys the oldest entries are dropped and counted again when read.
/// </summary>
public sealed class SurveyCounts
{
    public const int Capacity = 500;

    private readonly ConcurrentDictionary<int, CountedSurvey> counted = new();
    private readonly ConcurrentQueue<int> order = new();

    public CountedSurvey? Find(int surveyId) => counted.GetValueOrDefault(surveyId);

    public void Keep(int surveyId, CountedSurvey counts)
    {
        if (!counted.TryAdd(surveyId, counts))
        {
            return;
        }

        order.Enqueue(surveyId);
        while (counted.Count > Capacity && order.TryDequeue(out var oldest))
        {
            counted.TryRemove(oldest, out _);
        }
    }
}
