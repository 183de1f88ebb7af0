//! The CronJob controller's scheduling decision, ported from pkg/controller/cronjob (v1.34):
//! `formatSchedule`, `mostRecentScheduleTime`, `nextScheduleTime`, `nextScheduleTimeDuration`,
//! and the part of `syncCronJob` that decides whether to create a Job now.
//!
//! The ports keep Go's arithmetic, including what it does with robfig's zero time ("never") and
//! with saturating durations. Two loops of the controller can run forever on odd schedules (its
//! catch-up walk when `Next` returns the zero time); here they stop after a budget and say so.

use super::next::{Evaluator, Runaway};
use super::parser::{ParseError, parse_standard};
use jobscope_golang::location::{LoadedLocation, load_location};
use jobscope_golang::time::{Instant, SECOND, Zone, ZoneClock};

/// The controller requeues itself this long after the next fire time (NTP skew padding).
pub(crate) const NEXT_SCHEDULE_DELTA_NANOS: i64 = 100_000_000;

/// Steps of the controller's catch-up walk (`for t := Next(potentialEarliest); !t.After(now); …`)
/// before we call it endless. A real walk takes a handful of steps (a few thousand for odd
/// schedules); the endless walks are caught earlier, when robfig's zero time comes back a second
/// time (from there the walk repeats itself).
pub(crate) const CATCH_UP_BUDGET: u32 = 1_000_000;

/// The schedule text the controller parses (`formatSchedule`): a `TZ` anywhere in the schedule
/// wins and `timeZone` is ignored (the controller warns `UnsupportedSchedule`); otherwise a valid
/// `timeZone` becomes a `TZ=` prefix; an invalid one is dropped (the sync stops earlier anyway).
pub fn controller_schedule_text(schedule: &str, time_zone: Option<&str>) -> String {
    if schedule.contains("TZ") {
        return schedule.to_owned();
    }
    match time_zone {
        Some(zone) if load_location(zone).is_ok() => format!("TZ={zone} {schedule}"),
        _ => schedule.to_owned(),
    }
}

/// Parses a schedule the way the controller does for a CronJob with this `schedule` and
/// `timeZone`, evaluating `time.Local` as `controller_zone`.
pub fn controller_evaluator(
    schedule: &str,
    time_zone: Option<&str>,
    controller_zone: Zone,
) -> Result<Evaluator, ParseError> {
    let parsed = parse_standard(&controller_schedule_text(schedule, time_zone))?;
    Ok(Evaluator::new(
        parsed.schedule,
        parsed.location,
        controller_zone,
    ))
}

/// The CronJob fields the decision reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CronJobTimes {
    pub created: Instant,
    pub last_schedule: Option<Instant>,
    pub starting_deadline_seconds: Option<i64>,
}

/// `missedSchedulesType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missed {
    None,
    Few,
    Many,
}

impl Missed {
    pub const fn as_str(self) -> &'static str {
        match self {
            Missed::None => "none",
            Missed::Few => "few",
            Missed::Many => "many",
        }
    }
}

/// Why `mostRecentScheduleTime` has no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MostRecentError {
    /// Go's error: two consecutive fire times less than a second apart (a schedule that never
    /// fires yields two zero times).
    TooClose,
    /// The controller would not return: its catch-up walk cycles through robfig's zero time.
    Endless,
}

impl MostRecentError {
    pub const fn message(self) -> &'static str {
        match self {
            MostRecentError::TooClose => {
                "time difference between two schedules is less than 1 second"
            }
            MostRecentError::Endless => {
                "the controller's catch-up loop would never end: the schedule stops firing (robfig returns its zero time)"
            }
        }
    }
}

/// What `mostRecentScheduleTime` returns, plus its internal estimate of missed runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MostRecent {
    pub(crate) earliest: Instant,
    pub most_recent: Option<Instant>,
    pub missed: Missed,
    /// `numberOfMissedSchedules`, when the function got as far as computing it.
    pub approx_missed: Option<i64>,
    pub error: Option<MostRecentError>,
}

/// `mostRecentScheduleTime(cj, now, schedule, includeStartingDeadlineSeconds)`.
pub fn most_recent_schedule_time(
    eval: &mut Evaluator,
    cron_job: &CronJobTimes,
    now: Instant,
    include_starting_deadline: bool,
) -> MostRecent {
    let mut earliest = cron_job.last_schedule.unwrap_or(cron_job.created);
    if include_starting_deadline && let Some(deadline) = cron_job.starting_deadline_seconds {
        // now.Add(-time.Second * time.Duration(deadline)): Go's multiplication wraps.
        let scheduling_deadline = now.add_nanos(SECOND.wrapping_neg().wrapping_mul(deadline));
        if scheduling_deadline.after(earliest) {
            earliest = scheduling_deadline;
        }
    }
    let result = |most_recent, missed, approx_missed, error| MostRecent {
        earliest,
        most_recent,
        missed,
        approx_missed,
        error,
    };
    let Ok(t1) = eval.next_go(earliest) else {
        return result(None, Missed::None, None, Some(MostRecentError::Endless));
    };
    let Ok(t2) = eval.next_go(t1) else {
        return result(None, Missed::None, None, Some(MostRecentError::Endless));
    };
    if now.before(t1) {
        return result(None, Missed::None, None, None);
    }
    if now.before(t2) {
        return result(Some(t1), Missed::None, None, None);
    }
    let between = round_to_second(t2.nanos_since(t1)) / SECOND;
    if between < 1 {
        return result(None, Missed::None, None, Some(MostRecentError::TooClose));
    }
    let elapsed = now.nanos_since(t1) / SECOND; // int64(d.Seconds()) truncates toward zero
    let missed_count = elapsed / between + 1;

    let back = missed_count
        .wrapping_sub(2)
        .wrapping_mul(between)
        .wrapping_mul(SECOND);
    let potential_earliest = t1.add_nanos(back);
    // The catch-up loop never ends (robfig's search runs away, its zero time repeats, or it
    // goes past the budget): reported, not run forever.
    let endless = || {
        result(
            None,
            Missed::None,
            Some(missed_count),
            Some(MostRecentError::Endless),
        )
    };
    let mut most_recent = Instant::GO_ZERO;
    let mut t = match eval.next_go(potential_earliest) {
        Ok(t) => t,
        Err(Runaway) => {
            return endless();
        }
    };
    let mut steps = 0;
    let mut zero_seen = false;
    while !t.after(now) {
        steps += 1;
        if t.is_go_zero() {
            if zero_seen {
                return endless();
            }
            zero_seen = true;
        }
        if steps > CATCH_UP_BUDGET {
            return endless();
        }
        most_recent = t;
        t = match eval.next_go(t) {
            Ok(next) => next,
            Err(Runaway) => {
                return endless();
            }
        };
    }
    let missed = if missed_count > 100 {
        Missed::Many
    } else if missed_count > 0 {
        Missed::Few
    } else {
        Missed::None
    };
    let most_recent = (!most_recent.is_go_zero()).then_some(most_recent);
    result(most_recent, missed, Some(missed_count), None)
}

/// Go's `Duration.Round(time.Second)` (saturating as Go does).
fn round_to_second(d: i64) -> i64 {
    let m = SECOND;
    let mut r = d % m;
    let less_than_half = |x: i64| (x as u64).wrapping_add(x as u64) < m as u64;
    if d < 0 {
        r = -r;
        if less_than_half(r) {
            return d + r;
        }
        return d.checked_sub(m - r).unwrap_or(i64::MIN);
    }
    if less_than_half(r) {
        return d - r;
    }
    d.checked_add(m - r).unwrap_or(i64::MAX)
}

/// `nextScheduleTimeDuration`: how long until the controller looks again. `None` when the
/// controller would not return (see [`MostRecentError::Endless`]).
pub fn next_schedule_time_duration(
    eval: &mut Evaluator,
    cron_job: &CronJobTimes,
    now: Instant,
) -> Option<i64> {
    let found = most_recent_schedule_time(eval, cron_job, now, false);
    next_schedule_time_duration_from(eval, &found, now)
}

/// The rest of `nextScheduleTimeDuration`, given what its `mostRecentScheduleTime(…, false)`
/// returned: a caller that has just computed that (with no startingDeadlineSeconds, the flag
/// changes nothing) saves computing it twice.
pub fn next_schedule_time_duration_from(
    eval: &mut Evaluator,
    found: &MostRecent,
    now: Instant,
) -> Option<i64> {
    let base = match *found {
        MostRecent {
            error: Some(MostRecentError::Endless),
            ..
        } => return None,
        MostRecent { error: Some(_), .. } => now,
        MostRecent {
            most_recent: Some(t),
            ..
        } => t,
        MostRecent {
            missed: Missed::None,
            earliest,
            ..
        } => earliest,
        _ => now,
    };
    let next = eval.next_go(base).ok()?;
    Some(next.add_nanos(NEXT_SCHEDULE_DELTA_NANOS).nanos_since(now))
}

/// An event the controller records on the CronJob.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ControllerEvent {
    pub warning: bool,
    pub reason: &'static str,
    pub message: String,
}

impl ControllerEvent {
    fn normal(reason: &'static str, message: String) -> Self {
        ControllerEvent {
            warning: false,
            reason,
            message,
        }
    }

    fn warning(reason: &'static str, message: String) -> Self {
        ControllerEvent {
            warning: true,
            reason,
            message,
        }
    }
}

/// The inputs of one sync, beyond the schedule.
#[derive(Clone, Debug)]
pub struct SyncInput<'a> {
    pub name: &'a str,
    pub schedule: &'a str,
    pub time_zone: Option<&'a str>,
    pub times: CronJobTimes,
    pub now: Instant,
    /// The zone of kube-controller-manager, which `time.Local` means.
    pub controller_zone: Zone,
}

/// What one sync of an idle, unsuspended CronJob decides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyncDecision {
    /// `mostRecentScheduleTime` with the starting deadline, as `nextScheduleTime` calls it.
    pub most_recent: Option<MostRecent>,
    /// The scheduled time of the Job it creates now, if any.
    pub scheduled_time: Option<Instant>,
    /// The name of that Job.
    pub job_name: Option<String>,
    pub too_many_missed_warning: bool,
    /// When the controller syncs again (requeue), if it requeues at all.
    pub next_sync_at: Option<Instant>,
    pub events: Vec<ControllerEvent>,
    /// The controller would not return from this sync (it loops forever).
    pub endless: bool,
}

/// Why the controller cannot work with the schedule or zone at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncError {
    UnknownTimeZone(String),
    Unparseable(ParseError),
}

impl SyncError {
    pub fn message(&self) -> String {
        match self {
            SyncError::UnknownTimeZone(message) => message.clone(),
            SyncError::Unparseable(error) => error.message.clone(),
        }
    }
}

/// One `syncCronJob` of a CronJob with no active Jobs that is not suspended.
pub fn sync_idle_cron_job(input: &SyncInput<'_>) -> Result<SyncDecision, SyncError> {
    let mut events = Vec::new();
    if let Some(zone) = input.time_zone
        && let Err(err) = load_location(zone)
    {
        return Err(SyncError::UnknownTimeZone(err));
    }
    if input.schedule.contains("TZ") {
        events.push(ControllerEvent::warning(
            "UnsupportedSchedule",
            format!(
                "CRON_TZ or TZ used in schedule {} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details",
                jobscope_golang::strings::go_strconv_quote(input.schedule)
            ),
        ));
    }
    let mut eval = controller_evaluator(input.schedule, input.time_zone, input.controller_zone)
        .map_err(SyncError::Unparseable)?;
    let mut decision = SyncDecision {
        most_recent: None,
        scheduled_time: None,
        job_name: None,
        too_many_missed_warning: false,
        next_sync_at: None,
        events,
        endless: false,
    };
    let now = input.now;
    let mut times = input.times;
    let requeue = |eval: &mut Evaluator, times: &CronJobTimes, decision: &mut SyncDecision| {
        match next_schedule_time_duration(eval, times, now) {
            // A negative duration requeues at once.
            Some(after) => decision.next_sync_at = Some(now.add_nanos(after.max(0))),
            None => decision.endless = true,
        }
    };

    // nextScheduleTime
    let found = most_recent_schedule_time(&mut eval, &times, now, true);
    decision.most_recent = Some(found);
    if found.error == Some(MostRecentError::Endless) {
        decision.endless = true;
        return Ok(decision);
    }
    let scheduled = match found.most_recent {
        Some(t) if !t.after(now) => {
            if found.missed == Missed::Many {
                decision.too_many_missed_warning = true;
                decision.events.push(ControllerEvent::warning(
                    "TooManyMissedTimes",
                    "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew".to_owned(),
                ));
            }
            t
        }
        _ => {
            if let Some(error) = found.error {
                decision.events.push(ControllerEvent::warning(
                    "InvalidSchedule",
                    format!("invalid schedule: {} : {}", input.schedule, error.message()),
                ));
                return Ok(decision);
            }
            requeue(&mut eval, &times, &mut decision);
            return Ok(decision);
        }
    };
    if let Some(error) = found.error {
        // Go returns the time together with the error, and syncCronJob stops on the error.
        decision.events.push(ControllerEvent::warning(
            "InvalidSchedule",
            format!("invalid schedule: {} : {}", input.schedule, error.message()),
        ));
        return Ok(decision);
    }

    if let Some(deadline) = times.starting_deadline_seconds
        && scheduled
            .add_nanos(SECOND.wrapping_mul(deadline))
            .before(now)
    {
        decision.events.push(ControllerEvent::warning(
            "MissSchedule",
            format!(
                "Missed scheduled time to start a job: {}",
                format_rfc1123z_utc(scheduled)
            ),
        ));
        requeue(&mut eval, &times, &mut decision);
        return Ok(decision);
    }
    if times.last_schedule == Some(scheduled) {
        // Already processed.
        requeue(&mut eval, &times, &mut decision);
        return Ok(decision);
    }

    let job_name = job_name(input.name, scheduled);
    decision.events.push(ControllerEvent::normal(
        "SuccessfulCreate",
        format!("Created job {job_name}"),
    ));
    decision.scheduled_time = Some(scheduled);
    decision.job_name = Some(job_name);
    times.last_schedule = Some(scheduled);
    requeue(&mut eval, &times, &mut decision);
    Ok(decision)
}

/// `getJobName`: the CronJob's name and the scheduled time in minutes since the epoch.
pub fn job_name(cron_job_name: &str, scheduled: Instant) -> String {
    // Sized up front and written without `fmt`: a long simulation names a Job every
    // minute, and `format!` grew the string twice for each and went through `fmt::write`.
    // getTimeHashInMinutes: `scheduledTime.Unix() / 60`, Go's division truncating to zero.
    let minutes = scheduled.unix / 60;
    let mut digits = [0_u8; 20];
    let mut name = String::with_capacity(cron_job_name.len() + 22);
    name.push_str(cron_job_name);
    name.push('-');
    if minutes < 0 {
        name.push('-');
    }
    name.push_str(jobscope_golang::strings::format_decimal(
        minutes.unsigned_abs(),
        &mut digits,
    ));
    name
}

/// `t.UTC().Format(time.RFC1123Z)`: `Mon, 02 Jan 2006 15:04:05 +0000`.
pub fn format_rfc1123z_utc(t: Instant) -> String {
    let c = ZoneClock::new(Zone::Utc).civil(t);
    const DAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{}, {:02} {} {:04} {:02}:{:02}:{:02} +0000",
        DAYS[c.weekday as usize],
        c.day,
        MONTHS[(c.month - 1) as usize],
        c.year,
        c.hour,
        c.minute,
        c.second
    )
}

/// Whether a zone name loads as kube-controller-manager's own zone (`Local`).
pub fn is_local(time_zone: &str) -> bool {
    matches!(load_location(time_zone), Ok(LoadedLocation::Local))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jobscope_golang::time::{format_rfc3339_nano, parse_rfc3339};

    fn at(text: &str) -> Instant {
        parse_rfc3339(text).unwrap()
    }

    /// One sync (the test's inputs are valid, so it decides).
    fn sync(
        schedule: &str,
        created: &str,
        last: Option<&str>,
        now: &str,
        deadline: Option<i64>,
    ) -> SyncDecision {
        sync_idle_cron_job(&input(schedule, created, last, now, deadline)).unwrap()
    }

    /// An instant of a decision in RFC 3339 (UTC, fractions when there are any).
    fn utc(t: Option<Instant>) -> String {
        t.map(|t| format_rfc3339_nano(t, Zone::Utc))
            .unwrap_or_default()
    }

    #[test]
    fn job_name_is_gos_sprintf_of_the_minutes() {
        // fmt.Sprintf("%s-%d", name, t.Unix()/60), with Go's division truncating to zero
        // (times before 1970 do not occur in practice, but the name must still be Go's).
        for (unix, want) in [
            (0, "r-0"),
            (59, "r-0"),
            (60, "r-1"),
            (1_767_225_600, "r-29453760"),
            (-59, "r-0"),
            (-60, "r--1"),
            (-61, "r--1"),
            (i64::MAX, "r-153722867280912930"),
            (i64::MIN, "r--153722867280912930"),
        ] {
            assert_eq!(job_name("r", Instant::from_unix(unix)), want, "{unix}");
        }
    }

    fn input<'a>(
        schedule: &'a str,
        created: &str,
        last: Option<&str>,
        now: &str,
        deadline: Option<i64>,
    ) -> SyncInput<'a> {
        SyncInput {
            name: "report",
            schedule,
            time_zone: None,
            times: CronJobTimes {
                created: at(created),
                last_schedule: last.map(at),
                starting_deadline_seconds: deadline,
            },
            now: at(now),
            controller_zone: Zone::Utc,
        }
    }

    #[test]
    fn nothing_due_yet_requeues_for_the_next_run() {
        let d = sync(
            "0 * * * *",
            "2026-01-01T00:10:00Z",
            None,
            "2026-01-01T00:30:00Z",
            None,
        );
        assert_eq!(d.scheduled_time, None);
        assert_eq!(d.most_recent.unwrap().missed, Missed::None);
        assert_eq!(utc(d.next_sync_at), "2026-01-01T01:00:00.1Z");
    }

    #[test]
    fn a_due_run_is_created_and_the_next_sync_follows_it() {
        let d = sync(
            "0 * * * *",
            "2026-01-01T00:10:00Z",
            None,
            "2026-01-01T01:00:00.1Z",
            None,
        );
        assert_eq!(utc(d.scheduled_time), "2026-01-01T01:00:00Z");
        assert_eq!(d.job_name.as_deref(), Some("report-29453820"));
        assert_eq!(utc(d.next_sync_at), "2026-01-01T02:00:00.1Z");
        assert_eq!(d.events.last().unwrap().reason, "SuccessfulCreate");
    }

    #[test]
    fn after_an_outage_the_latest_missed_run_starts() {
        // Created at midnight, the controller was down until 05:30: five runs missed, the 05:00
        // one is created.
        let d = sync(
            "0 * * * *",
            "2026-01-01T00:00:00Z",
            None,
            "2026-01-01T05:30:00Z",
            None,
        );
        let most_recent = d.most_recent.unwrap();
        assert_eq!(most_recent.missed, Missed::Few);
        assert_eq!(most_recent.approx_missed, Some(5));
        assert_eq!(utc(d.scheduled_time), "2026-01-01T05:00:00Z");
    }

    #[test]
    fn too_late_for_the_starting_deadline() {
        let d = sync(
            "0 * * * *",
            "2026-01-01T00:00:00Z",
            None,
            "2026-01-01T05:30:00Z",
            Some(600),
        );
        // The deadline moves the earliest time to 05:20, after the 05:00 run: nothing is unmet.
        assert_eq!(d.scheduled_time, None);
        assert_eq!(d.most_recent.unwrap().most_recent, None);
        let d = sync(
            "0 * * * *",
            "2026-01-01T00:00:00Z",
            None,
            "2026-01-01T05:30:00Z",
            Some(3000),
        );
        // 05:00 + 3000 s = 05:50, still in time.
        assert_eq!(utc(d.scheduled_time), "2026-01-01T05:00:00Z");
    }

    #[test]
    fn more_than_a_hundred_missed_warns_but_still_runs() {
        let d = sync(
            "* * * * *",
            "2026-01-01T00:00:00Z",
            None,
            "2026-01-01T03:00:30Z",
            None,
        );
        assert!(d.too_many_missed_warning);
        assert_eq!(d.most_recent.unwrap().missed, Missed::Many);
        assert_eq!(utc(d.scheduled_time), "2026-01-01T03:00:00Z");
        assert!(d.events.iter().any(|e| e.reason == "TooManyMissedTimes"));
    }

    #[test]
    fn a_run_older_than_the_starting_deadline_is_never_seen() {
        // The deadline moves the earliest time to 01:00:10, past the 01:00 run: nothing is
        // unmet, no event is recorded, the run is silently skipped.
        let d = sync(
            "0 * * * *",
            "2026-01-01T00:00:00Z",
            None,
            "2026-01-01T01:00:20Z",
            Some(10),
        );
        assert_eq!(d.scheduled_time, None);
        assert_eq!(d.most_recent.unwrap().most_recent, None);
        assert!(d.events.is_empty());
        // Within the deadline it runs.
        let d = sync(
            "0 * * * *",
            "2026-01-01T00:00:00Z",
            None,
            "2026-01-01T01:00:05Z",
            Some(10),
        );
        assert_eq!(utc(d.scheduled_time), "2026-01-01T01:00:00Z");
        // Because the deadline already bounds the search, the controller's "too late" branch
        // (MissSchedule) cannot fire for a non-negative deadline.
        assert!(!d.events.iter().any(|e| e.reason == "MissSchedule"));
    }

    #[test]
    fn rfc1123z_like_go() {
        assert_eq!(
            format_rfc1123z_utc(at("2026-01-01T01:00:00Z")),
            "Thu, 01 Jan 2026 01:00:00 +0000"
        );
    }

    #[test]
    fn a_never_firing_schedule_is_an_invalid_schedule() {
        let d = sync(
            "0 0 30 2 *",
            "2026-01-01T00:00:00Z",
            None,
            "2026-03-01T00:00:00Z",
            None,
        );
        assert_eq!(d.scheduled_time, None);
        assert_eq!(d.next_sync_at, None);
        assert_eq!(
            d.most_recent.unwrap().error,
            Some(MostRecentError::TooClose)
        );
        assert_eq!(
            d.events[0].message,
            "invalid schedule: 0 0 30 2 * : time difference between two schedules is less than 1 second"
        );
    }

    #[test]
    fn leap_day_schedules_make_the_catch_up_loop_endless_after_2096() {
        let d = sync(
            "0 0 29 2 *",
            "2096-03-01T00:00:00Z",
            None,
            "2104-03-01T00:00:00Z",
            None,
        );
        assert!(d.endless);
    }

    #[test]
    fn controller_schedule_text_follows_format_schedule() {
        assert_eq!(
            controller_schedule_text("0 2 * * *", Some("America/New_York")),
            "TZ=America/New_York 0 2 * * *"
        );
        assert_eq!(
            controller_schedule_text("TZ=UTC 0 2 * * *", Some("America/New_York")),
            "TZ=UTC 0 2 * * *"
        );
        assert_eq!(
            controller_schedule_text("0 2 * * *", Some("Nowhere/Land")),
            "0 2 * * *"
        );
        assert_eq!(controller_schedule_text("0 2 * * *", None), "0 2 * * *");
    }

    #[test]
    fn go_round_to_second() {
        assert_eq!(round_to_second(1_499_999_999), 1_000_000_000);
        assert_eq!(round_to_second(1_500_000_000), 2_000_000_000);
        assert_eq!(round_to_second(-1_500_000_000), -2_000_000_000);
        assert_eq!(round_to_second(i64::MAX), i64::MAX);
    }
}
