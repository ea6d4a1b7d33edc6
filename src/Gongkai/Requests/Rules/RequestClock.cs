using System.Globalization;
using Gongkai.Calendar;

namespace Gongkai.Requests.Rules;

/// <summary>Where a request stands on its clock after all recorded events.</summary>
public enum ClockState
{
    /// <summary>The reply period is running.</summary>
    Running,

    /// <summary>The period is paused (waiting for a correction, a consultation or a fee); no due date now.</summary>
    Stopped,

    Replied,
    Transferred,

    /// <summary>Closed because the applicant did not correct the application or pay in time.</summary>
    Abandoned,
}

/// <summary>An event list the clock cannot accept: out of order, repeated, beyond a cap or outside the calendar.
/// The message is Chinese and names the dates involved.</summary>
public sealed class RequestClockException : Exception
{
    /// <summary>Set when the only problem is that the holiday schedule of this year is not loaded yet.</summary>
    public int? MissingCalendarYear { get; init; }

    public RequestClockException(string message)
        : base(message)
    {
    }

    public RequestClockException()
    {
    }

    public RequestClockException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>One date of the day-by-day explanation.</summary>
/// <param name="WorkingDayNumber">The ordinal of this day in the current period; null when not counted.</param>
/// <param name="Reason">Why the day was or was not counted.</param>
/// <param name="Events">What was recorded on this date, in words.</param>
public sealed record ClockDay(DateOnly Date, DayKind Kind, int? WorkingDayNumber, string Reason, IReadOnlyList<string> Events)
{
    public bool Counted => WorkingDayNumber is not null;
}

/// <summary>The clock's verdict for one event list.</summary>
/// <param name="DueOn">The last day for the reply; null while the clock is stopped or after the request was abandoned.
/// For a replied or transferred request it is the deadline that was running, so lateness can be judged.</param>
/// <param name="PeriodWorkingDays">The reply period including approved extensions.</param>
/// <param name="ClosedOn">The date of the final event (reply, transfer, lapse), if any.</param>
/// <param name="ResumesBy">While stopped by a consultation: the day the consulted party's time runs out (silence
/// counts as consent, counting resumes the next day). While stopped by a fee notice: the last day to pay.</param>
/// <param name="CorrectionRequestDueBy">The last day a correction should be asked for, when the rule set sets one.</param>
/// <param name="Warnings">Things an officer should see that do not make the event list invalid.</param>
/// <param name="Days">Every date from receipt to the due date (or the last event while stopped).</param>
public sealed record ClockResult(
    RequestRuleSet Rules,
    DateOnly ReceivedOn,
    DateOnly? DueOn,
    int PeriodWorkingDays,
    int ExtensionWorkingDays,
    ClockState State,
    string StateDescription,
    DateOnly? ClosedOn,
    DateOnly? ResumesBy,
    DateOnly? CorrectionRequestDueBy,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<ClockDay> Days)
{
    /// <summary>Set when the period runs into a year whose holiday schedule is not published yet: the clock runs
    /// but no due date can be named until that year is imported (a calendar change then recomputes it).</summary>
    public int? AwaitingCalendarYear { get; init; }

    /// <summary>Whether the reply (or transfer) came on or before the due date; null while open or abandoned.</summary>
    public bool? AnsweredInTime => State is ClockState.Replied or ClockState.Transferred
        ? DueOn is null || ClosedOn <= DueOn
        : null;

    /// <summary>The days left out of the count, each with its reason.</summary>
    public IReadOnlyList<ClockDay> NotCounted => Days.Where(d => !d.Counted).ToList();
}

/// <summary>
/// Derives a request's reply deadline from its ordered event list and the working-day calendar. Pure: no clock, no
/// database. The counting convention, stated on every page that shows a deadline, is <see cref="Convention"/>.
/// </summary>
public static class RequestClock
{
    public const string Convention =
        "计算规则：事件发生当日不计入，自下一个工作日起计算；暂停（征求意见、收费通知）自第S日开始、第E日结束的，" +
        "计入截至S日（含）的工作日，自E日的次日起继续计算；收到补正之日R起重新计算完整期限；" +
        "批准延长N个工作日的，期限增加N个工作日。休息日、法定节假日不计入，调休上班日计入。";

    // A request whose clock has not reached a due date within this many days has an impossible event list.
    private const int MaxDaysWalked = 3 * 366;

    private enum Pause
    {
        None,
        BeforeReceipt,
        Correction,
        Consultation,
        Fee,
    }

    /// <summary>Computes the deadline. Events may be given in any order; they are taken by date, and events of the
    /// same date in the order given. Throws <see cref="RequestClockException"/> for an invalid list.</summary>
    /// <param name="today">When given, a consultation whose time ran out before today counts as answered by silence
    /// (Art. 34) even if nobody recorded its end; without it an open consultation keeps the clock stopped.</param>
    /// <param name="explain">False to skip the day-by-day explanation (<see cref="ClockResult.Days"/> comes back
    /// empty): the bulk recomputation needs only the outcome, and wording every day is most of the walk's cost.</param>
    public static ClockResult Compute(IEnumerable<RequestEvent> events, RequestRuleSet rules, WorkCalendar calendar, DateOnly? today = null, bool explain = true)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(calendar);
        var ordered = events.OrderBy(e => e.On).ToList();
        var receipts = ordered.Where(e => e.Type == RequestEventType.Received).ToList();
        if (receipts.Count == 0)
        {
            throw new RequestClockException("缺少收到申请的日期，无法计算答复期限。");
        }

        if (receipts.Count > 1)
        {
            throw new RequestClockException("收到申请的日期只能有一个。");
        }

        var receivedOn = receipts[0].On;
        if (ordered[0].Type != RequestEventType.Received)
        {
            var early = ordered[0];
            throw new RequestClockException(
                $"{RequestEventTypes.ChineseName(early.Type)}的日期（{Iso(early.On)}）早于收到申请的日期（{Iso(receivedOn)}）。");
        }

        foreach (var e in ordered)
        {
            EnsureCovered(calendar, e.On, RequestEventTypes.ChineseName(e.Type));
        }

        return new Walk(ordered, rules, calendar, today, explain).Run();
    }

    internal static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void EnsureCovered(WorkCalendar calendar, DateOnly date, string what)
    {
        if (!calendar.Covers(date.Year))
        {
            throw new RequestClockException(
                $"{what}的日期（{Iso(date)}）所在的{date.Year.ToString(CultureInfo.InvariantCulture)}年尚未导入节假日安排，无法计算工作日。")
            { MissingCalendarYear = date.Year };
        }
    }

    private static string DayLabel(DayInfo day) => day.Kind switch
    {
        DayKind.Holiday => $"{day.WeekdayName}，{day.HolidayName}放假",
        DayKind.Weekend => $"{day.WeekdayName}，休息日",
        DayKind.AdjustedWorkday => $"{day.WeekdayName}，{day.HolidayName}调休上班",
        _ => $"{day.WeekdayName}，工作日",
    };

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The state of one walk through the calendar, day by day from receipt.</summary>
    private sealed class Walk(List<RequestEvent> events, RequestRuleSet rules, WorkCalendar calendar, DateOnly? today, bool explain)
    {
        private readonly List<ClockDay> _days = [];
        private readonly List<string> _warnings = [];
        private Pause _pause = Pause.BeforeReceipt;
        private DateOnly _pausedSince;
        private DateOnly? _consultationLapsesOn;
        private DateOnly? _consultationLapsedUnanswered;
        private DateOnly? _feeDueBy;
        private int _counted;
        private int _period = rules.ReplyWorkingDays;
        private int _extensions;
        private bool _correctionRequested;
        private DateOnly? _dueOn;
        private RequestEvent? _final;
        private DateOnly? _correctionRequestDueBy;
        private int? _awaitingCalendarYear;

        /// <summary>The date N working days on, or null when the calendar does not reach that far yet.</summary>
        private DateOnly? AddOrNull(DateOnly date, int workingDays)
        {
            try
            {
                return calendar.AddWorkingDays(date, workingDays).Date;
            }
            catch (CalendarYearMissingException)
            {
                return null;
            }
        }

        public ClockResult Run()
        {
            var receivedOn = events[0].On;
            var next = 0;
            var date = receivedOn;
            for (var walked = 0; ; walked++)
            {
                if (walked > MaxDaysWalked)
                {
                    throw new RequestClockException("事件记录无法得出答复期限（超过三年仍未届满），请核对事件日期。");
                }

                DayInfo day;
                try
                {
                    day = calendar.Describe(date);
                }
                catch (CalendarYearMissingException) when (next >= events.Count && calendar.CoveredYears.Count > 0 && date.Year > calendar.CoveredYears[^1])
                {
                    // Every event is counted; only next year's schedule, not yet published, is missing. The period
                    // is not refused: it waits without a guessed due date until that year is imported.
                    _awaitingCalendarYear = date.Year;
                    break;
                }
                catch (CalendarYearMissingException)
                {
                    throw new RequestClockException(
                        $"计算期限需要{N(date.Year)}年的节假日安排，但该年尚未导入，无法确定答复期限。")
                    { MissingCalendarYear = date.Year };
                }

                // A consultation whose time has run out ends by itself: silence is consent (Art. 34), so the day
                // the time runs out is its end and counting resumes the day after.
                var runningAtStart = _pause == Pause.None;
                int? number = null;
                if (runningAtStart && day.WorkingDay && _dueOn is null)
                {
                    _counted++;
                    number = _counted;
                    if (_counted == _period)
                    {
                        _dueOn = date;
                    }
                }

                var reason = !explain ? "" : number is { } n ? $"{DayLabel(day)}，计为第{N(n)}个工作日" : NotCountedReason(day, runningAtStart);
                var notes = new List<string>();
                while (next < events.Count && events[next].On == date)
                {
                    var note = Apply(events[next], events, next, date, ref reason);
                    notes.Add(note);
                    next++;
                }

                if (_pause == Pause.Consultation && _consultationLapsesOn == date)
                {
                    _pause = Pause.None;
                    _consultationLapsedUnanswered = date;
                    notes.Add($"征求意见期限届满（{N(rules.ConsultationWorkingDays)}个工作日），视为同意，自次日起继续计算");
                }

                if (_dueOn is not null && _counted < _period)
                {
                    // An extension approved on the due date itself pushes the due date on.
                    _dueOn = null;
                }

                if (explain)
                {
                    _days.Add(new ClockDay(date, day.Kind, number, reason, notes));
                }

                var moreEvents = next < events.Count;
                if (!moreEvents)
                {
                    if (_final is { Type: RequestEventType.CorrectionLapsed or RequestEventType.FeeLapsed })
                    {
                        break;
                    }

                    var consultationRunsOut = _pause == Pause.Consultation && today is { } t && _consultationLapsesOn < t;
                    if (_pause != Pause.None && !consultationRunsOut)
                    {
                        break;
                    }

                    if (_pause == Pause.None && _dueOn is not null)
                    {
                        break;
                    }
                }

                date = date.AddDays(1);
            }

            return Result(receivedOn);
        }

        private string NotCountedReason(DayInfo day, bool runningAtStart)
        {
            if (_days.Count == 0)
            {
                return $"{DayLabel(day)}，收到申请之日，不计入，自次日起计算";
            }

            if (runningAtStart)
            {
                return _dueOn is null ? $"{DayLabel(day)}，不计入" : $"{DayLabel(day)}，期限已届满";
            }

            var since = Iso(_pausedSince);
            return _pause switch
            {
                Pause.Correction => $"{DayLabel(day)}；等待补正（{since}告知补正），不计入",
                Pause.Consultation => $"{DayLabel(day)}；征求意见期间（{since}起），不计入",
                Pause.Fee => $"{DayLabel(day)}；等待缴费（{since}发出收费通知），不计入",
                _ => $"{DayLabel(day)}，不计入",
            };
        }

        private string Apply(RequestEvent e, List<RequestEvent> all, int index, DateOnly date, ref string reason)
        {
            var name = RequestEventTypes.ChineseName(e.Type);
            if (_final is not null && e.Type != RequestEventType.Received)
            {
                throw new RequestClockException(
                    $"该申请已于{Iso(_final.On)}{RequestEventTypes.ChineseName(_final.Type)}，不能再登记{name}（{Iso(e.On)}）。");
            }

            if (_dueOn is { } due && date > due && e.Type is RequestEventType.ExtensionApproved or RequestEventType.ConsultationStarted
                    or RequestEventType.CorrectionRequested or RequestEventType.FeeNoticeIssued)
            {
                throw new RequestClockException($"答复期限已于{Iso(due)}届满，不能在此后（{Iso(e.On)}）登记{name}。");
            }

            switch (e.Type)
            {
                case RequestEventType.Received:
                    _pause = Pause.None;
                    if (rules.CorrectionRequestWithinWorkingDays is { } within)
                    {
                        _correctionRequestDueBy = AddOrNull(date, within);
                    }

                    return "收到申请（依《政府信息公开条例》第三十一条确定的收到日期），次日起计算答复期限";

                case RequestEventType.CorrectionRequested:
                    if (_correctionRequested)
                    {
                        throw new RequestClockException("补正只能告知一次，并应一次性告知需要补正的全部内容（第三十条），不能再次告知补正。");
                    }

                    RequireNoPause(name, e.On);
                    _correctionRequested = true;
                    StartPause(Pause.Correction, date);
                    if (_correctionRequestDueBy is { } dueBy && date > dueBy)
                    {
                        _warnings.Add($"告知补正的日期（{Iso(date)}）晚于收到申请后{N(rules.CorrectionRequestWithinWorkingDays!.Value)}个工作日（{Iso(dueBy)}）。");
                    }

                    return "告知补正，答复期限暂停，收到补正后重新计算";

                case RequestEventType.CorrectionReceived:
                    RequirePause(Pause.Correction, e, all, index, RequestEventType.CorrectionRequested);
                    _pause = Pause.None;
                    _counted = 0;
                    _dueOn = null;
                    reason = $"{DayLabel(calendar.Describe(date))}，收到补正之日，不计入；自次日起重新计算完整期限";
                    return "收到补正，答复期限自次日起重新计算";

                case RequestEventType.CorrectionLapsed:
                    RequirePause(Pause.Correction, e, all, index, RequestEventType.CorrectionRequested);
                    _final = e;
                    return "申请人逾期未补正，视为放弃申请";

                case RequestEventType.ConsultationStarted:
                    RequireNoPause(name, e.On);
                    StartPause(Pause.Consultation, date);
                    _consultationLapsesOn = AddOrNull(date, rules.ConsultationWorkingDays);
                    _consultationLapsedUnanswered = null;
                    return _consultationLapsesOn is { } lapses
                        ? $"征求意见，答复期限暂停；被征求意见方应于{Iso(lapses)}前提出意见"
                        : "征求意见，答复期限暂停；被征求意见方的期限须待下一年节假日安排导入后确定";

                case RequestEventType.ConsultationEnded:
                    if (_pause != Pause.Consultation && _consultationLapsedUnanswered is { } lapsed)
                    {
                        _warnings.Add($"征求意见期限已于{Iso(lapsed)}届满，答复期限自次日起已继续计算；{Iso(date)}收到的意见不再暂停期限。");
                        _consultationLapsedUnanswered = null;
                        return "征求意见结束（期限届满后收到意见）";
                    }

                    RequirePause(Pause.Consultation, e, all, index, RequestEventType.ConsultationStarted);
                    _pause = Pause.None;
                    _consultationLapsesOn = null;
                    reason = $"{DayLabel(calendar.Describe(date))}；征求意见结束之日，不计入，自次日起继续计算";
                    return "征求意见结束，自次日起继续计算";

                case RequestEventType.ExtensionApproved:
                    if (e.WorkingDays is not { } extension || extension < 1)
                    {
                        throw new RequestClockException("批准延期须写明延长的工作日数（至少1个工作日）。");
                    }

                    if (_extensions + extension > rules.MaxExtensionWorkingDays)
                    {
                        throw new RequestClockException(_extensions == 0
                            ? $"延长期限不得超过{N(rules.MaxExtensionWorkingDays)}个工作日（{rules.Name}），申请延长{N(extension)}个工作日。"
                            : $"已延长{N(_extensions)}个工作日，再延长{N(extension)}个工作日将超过最长{N(rules.MaxExtensionWorkingDays)}个工作日的上限（{rules.Name}）。");
                    }

                    _extensions += extension;
                    _period += extension;
                    return $"批准延长{N(extension)}个工作日";

                case RequestEventType.FeeNoticeIssued:
                    RequireNoPause(name, e.On);
                    _feeDueBy = AddOrNull(date, rules.FeePaymentWorkingDays)
                        ?? throw new RequestClockException($"计算缴费期限需要{N(date.Year + 1)}年的节假日安排，但该年尚未导入。") { MissingCalendarYear = date.Year + 1 };
                    if (rules.FeeNoticeStopsClock)
                    {
                        StartPause(Pause.Fee, date);
                        return $"发出收费通知，答复期限暂停；申请人应于{Iso(_feeDueBy.Value)}前缴费";
                    }

                    return $"发出收费通知；申请人应于{Iso(_feeDueBy.Value)}前缴费";

                case RequestEventType.FeePaid:
                    RequireFeeNotice(e, all, index);
                    _feeDueBy = null;
                    if (_pause == Pause.Fee)
                    {
                        _pause = Pause.None;
                        reason = $"{DayLabel(calendar.Describe(date))}；缴费之日，不计入，自次日起继续计算";
                    }

                    return "申请人已缴费，自次日起继续计算";

                case RequestEventType.FeeLapsed:
                    RequireFeeNotice(e, all, index);
                    if (date <= _feeDueBy)
                    {
                        throw new RequestClockException($"缴费期限至{Iso(_feeDueBy.Value)}届满，此前（{Iso(date)}）不能登记逾期未缴费。");
                    }

                    _final = e;
                    return "申请人逾期未缴费，视为放弃申请";

                case RequestEventType.Replied:
                case RequestEventType.Transferred:
                    if (_pause == Pause.Correction)
                    {
                        // A reply while waiting for a correction is allowed (e.g. 无法提供 after an unclear request),
                        // but the clock has no running deadline to judge it by.
                        _warnings.Add($"在等待补正期间作出{name}。");
                    }

                    _final = e;
                    return e.Type == RequestEventType.Replied ? "作出答复" : "告知非本机关负责（转由有关机关办理）";

                default:
                    throw new RequestClockException($"未知的事件类型：{e.Type}");
            }
        }

        private void StartPause(Pause pause, DateOnly date)
        {
            _pause = pause;
            _pausedSince = date;
        }

        private void RequireNoPause(string name, DateOnly on)
        {
            var current = _pause switch
            {
                Pause.Correction => "等待补正",
                Pause.Consultation => "征求意见",
                Pause.Fee => "等待缴费",
                _ => null,
            };
            if (current is not null)
            {
                throw new RequestClockException($"{Iso(_pausedSince)}起正在{current}，期间不能登记{name}（{Iso(on)}）；请先登记{current}的结果。");
            }
        }

        private void RequirePause(Pause expected, RequestEvent e, List<RequestEvent> all, int index, RequestEventType opener)
        {
            if (_pause == expected)
            {
                return;
            }

            var name = RequestEventTypes.ChineseName(e.Type);
            var openerName = RequestEventTypes.ChineseName(opener);
            var later = all.Skip(index + 1).FirstOrDefault(x => x.Type == opener);
            if (later is not null)
            {
                throw new RequestClockException($"{name}的日期（{Iso(e.On)}）早于{openerName}的日期（{Iso(later.On)}）。");
            }

            throw new RequestClockException($"尚未{openerName}（或已有结果），不能登记{name}（{Iso(e.On)}）。");
        }

        private void RequireFeeNotice(RequestEvent e, List<RequestEvent> all, int index)
        {
            if (_feeDueBy is not null)
            {
                return;
            }

            RequirePause(Pause.Fee, e, all, index, RequestEventType.FeeNoticeIssued);
        }

        private ClockResult Result(DateOnly receivedOn)
        {
            var (state, description) = _final?.Type switch
            {
                RequestEventType.Replied => (ClockState.Replied, $"已于{Iso(_final.On)}答复"),
                RequestEventType.Transferred => (ClockState.Transferred, $"已于{Iso(_final.On)}告知非本机关负责"),
                RequestEventType.CorrectionLapsed => (ClockState.Abandoned, $"申请人逾期未补正，已于{Iso(_final.On)}视为放弃申请"),
                RequestEventType.FeeLapsed => (ClockState.Abandoned, $"申请人逾期未缴费，已于{Iso(_final.On)}视为放弃申请"),
                _ => _pause switch
                {
                    Pause.Correction => (ClockState.Stopped, $"{Iso(_pausedSince)}起等待申请人补正，期限暂停"),
                    Pause.Consultation => (ClockState.Stopped, $"{Iso(_pausedSince)}起征求意见，期限暂停"),
                    Pause.Fee => (ClockState.Stopped, $"{Iso(_pausedSince)}起等待申请人缴费，期限暂停"),
                    _ when _dueOn is null && _awaitingCalendarYear is { } year => (ClockState.Running, $"期限计算中：需待{N(year)}年节假日安排导入后确定答复期限"),
                    _ => (ClockState.Running, $"应于{Iso(_dueOn!.Value)}前答复"),
                },
            };

            var stopped = state == ClockState.Abandoned || (_pause != Pause.None && _final is null);
            DateOnly? resumesBy = _pause switch
            {
                Pause.Consultation => _consultationLapsesOn,
                Pause.Fee => _feeDueBy,
                _ => null,
            };
            return new ClockResult(
                rules,
                receivedOn,
                stopped ? null : _dueOn,
                _period,
                _extensions,
                state,
                description,
                _final?.On,
                _final is null ? resumesBy : null,
                _correctionRequestDueBy,
                _warnings,
                _days)
            { AwaitingCalendarYear = _dueOn is null && _final is null ? _awaitingCalendarYear : null };
        }
    }
}
