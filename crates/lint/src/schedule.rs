//! A CronJob's schedule as the schedule rules need it, computed once per document: the cron
//! engine's explanation (its DST and never-fires warnings are reused, not recomputed) and the
//! shortest time between two runs.
//!
//! Schedules and zones the apiserver rejects give no facts: the apiserver's error says it all,
//! and advice about a schedule that cannot be created would be noise.

use jobscope_api::manifest::object::Node;
use jobscope_cron::explain::CronWarning;
use jobscope_cron::{Evaluator, Instant, NextTime, Schedule, ScheduleLocation, Zone};
use jobscope_diagnostic::Span;
use jobscope_schedule::{Reading, schedule_report};

/// Runs sampled to find the shortest gap; with the two-year horizon below this keeps the cost
/// of a per-keystroke analysis to a few hundred `Next` calls.
const GAP_SAMPLE_RUNS: usize = 400;
/// How far ahead the gap search looks.
const GAP_HORIZON_SECONDS: i64 = 2 * 366 * 86_400;
/// How far ahead it looks for schedules whose runs repeat every week: two runs of a weekly
/// schedule always fall within 15 days.
const WEEKLY_HORIZON_SECONDS: i64 = 15 * 86_400;

/// What the schedule rules know about a CronJob's schedule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ScheduleFacts {
    /// `spec.schedule` as written.
    pub(crate) text: String,
    pub(crate) span: Span,
    /// `spec.timeZone` as written.
    pub(crate) time_zone: Option<String>,
    /// The zone the controller evaluates the schedule in (UTC for kube-controller-manager's
    /// local zone, which is UTC on practically every cluster).
    pub(crate) zone: Zone,
    /// `@every D`: counted from the last run, not aligned to the clock, zone ignored.
    pub(crate) every: bool,
    /// Whether the hour field matches every hour: such schedules lose a run in a DST gap only
    /// because the hour itself is gone, so the time between runs stays the same.
    pub(crate) every_hour: bool,
    /// Whether the hour, day and month fields all match everything (`*/5 * * * *`), so the
    /// zone changes nothing about when runs happen (whole-hour offsets).
    pub(crate) hourly_or_finer: bool,
    /// The cron engine's warnings (`cron-dst-skip`, `cron-never-fires`, …).
    pub(crate) warnings: Vec<CronWarning>,
    /// The shortest time between two consecutive runs in the coming two years, in seconds,
    /// measured on the nominal (UTC) clock so DST artefacts do not count as the period.
    pub(crate) shortest_gap: Option<i64>,
    /// The longest time between two consecutive runs, in seconds, known only for schedules that
    /// run within every hour (`hourly_or_finer`: the widest gap between the minutes, across the
    /// hour) and for `@every` (its interval).
    pub(crate) longest_gap: Option<i64>,
}

impl ScheduleFacts {
    /// `schedule `0 2 * * *``, for messages.
    pub(crate) fn label(&self) -> String {
        format!("schedule `{}`", self.text)
    }

    pub(crate) fn has_warning(&self, code: &str) -> bool {
        self.warnings.iter().any(|w| w.code == code)
    }
}

/// Reads `spec.schedule` and `spec.timeZone` of a CronJob spec (kube-controller-manager's own
/// zone taken as UTC).
pub(crate) fn schedule_facts(cron_spec: &Node, now: Instant) -> Option<ScheduleFacts> {
    let schedule_node = cron_spec.get("schedule")?;
    let text = schedule_node.as_str()?;
    let time_zone = cron_spec.get("timeZone").and_then(Node::as_str);
    let report = schedule_report(text, time_zone, Zone::Utc, now);
    // The apiserver rejects it (an empty schedule, a `TZ=` prefix, an unknown zone): its error
    // says it all.
    if !report.accepted() {
        return None;
    }
    let Reading {
        parsed,
        zone,
        explanation,
        ..
    } = report.reading.ok()?;
    let (every, every_hour, hourly_or_finer) = match &parsed.schedule {
        Schedule::Every { .. } => (true, false, false),
        Schedule::Spec(spec) => {
            let full = |bits: u64, min: u32, max: u32| (min..=max).all(|v| bits & (1u64 << v) != 0);
            // Day-of-month and day-of-week both full means every day however robfig combines
            // them.
            let every_day = full(spec.dom, 1, 31) && full(spec.dow, 0, 6);
            let every_hour = full(spec.hour, 0, 23);
            (
                false,
                every_hour,
                every_hour && every_day && full(spec.month, 1, 12),
            )
        }
    };
    let shortest_gap = shortest_gap(&parsed.schedule, now);
    let longest_gap = match &parsed.schedule {
        Schedule::Every { .. } => shortest_gap,
        Schedule::Spec(spec) if hourly_or_finer => widest_minute_gap(spec.minute),
        Schedule::Spec(_) => None,
    };
    Some(ScheduleFacts {
        text: text.to_owned(),
        span: schedule_node.span,
        time_zone: report.time_zone,
        zone,
        every,
        every_hour,
        hourly_or_finer,
        shortest_gap,
        longest_gap,
        warnings: explanation.warnings,
    })
}

/// The widest gap, in seconds, between consecutive minutes of an hour's `minute` bits, counted
/// across the hour (`10,40` → 30 min; `0` → 60 min); `None` without any minute.
fn widest_minute_gap(minutes: u64) -> Option<i64> {
    let set: Vec<i64> = (0..60).filter(|m| minutes & (1u64 << m) != 0).collect();
    let (first, last) = (*set.first()?, *set.last()?);
    let inside = set
        .windows(2)
        .map(|pair| pair[1] - pair[0])
        .max()
        .unwrap_or(0);
    Some(inside.max(first + 60 - last) * 60)
}

/// The shortest time between consecutive runs, in seconds.
fn shortest_gap(schedule: &Schedule, now: Instant) -> Option<i64> {
    let spec = match schedule {
        // A constant delay of whole seconds, at least one.
        Schedule::Every { delay_nanos } => return Some((delay_nanos / 1_000_000_000).max(1)),
        Schedule::Spec(spec) => *spec,
    };
    let mut evaluator = Evaluator::new(
        Schedule::Spec(spec),
        ScheduleLocation::Zone(Zone::Utc),
        Zone::Utc,
    );
    // With every day of the month in every month, the runs repeat at least weekly (UTC has no
    // DST), so two weeks show every gap there is; other schedules are sampled for two years.
    let all = |bits: u64, min: u32, max: u32| (min..=max).all(|v| bits & (1u64 << v) != 0);
    let weekly = all(spec.dom, 1, 31) && all(spec.month, 1, 12);
    let horizon = now.unix.saturating_add(if weekly {
        WEEKLY_HORIZON_SECONDS
    } else {
        GAP_HORIZON_SECONDS
    });
    let mut previous: Option<Instant> = None;
    let mut shortest: Option<i64> = None;
    let mut from = now;
    for _ in 0..GAP_SAMPLE_RUNS {
        let NextTime::At(run) = evaluator.next(from) else {
            break;
        };
        if run.unix > horizon {
            break;
        }
        if let Some(previous) = previous {
            let gap = run.unix - previous.unix;
            shortest = Some(shortest.map_or(gap, |s: i64| s.min(gap)));
            // A five-field schedule cannot run more often than once a minute.
            if gap <= 60 {
                break;
            }
        }
        previous = Some(run);
        from = run;
    }
    shortest
}

#[cfg(test)]
mod tests {
    use super::*;
    use jobscope_cron::parse_standard;

    fn gap(schedule: &str) -> Option<i64> {
        let parsed = parse_standard(schedule).ok()?;
        shortest_gap(&parsed.schedule, Instant::from_unix(1_767_225_600))
    }

    #[test]
    fn shortest_gaps() {
        assert_eq!(gap("* * * * *"), Some(60));
        assert_eq!(gap("*/5 * * * *"), Some(300));
        assert_eq!(gap("0 9,10 * * *"), Some(3_600));
        assert_eq!(gap("0 2 * * *"), Some(86_400));
        assert_eq!(gap("0 8 * * 1"), Some(7 * 86_400));
        assert_eq!(gap("0 8 * * 1,4"), Some(3 * 86_400));
        assert_eq!(gap("0 0 1,15 * *"), Some(14 * 86_400));
        assert_eq!(gap("0 0 1 1,7 *"), Some(181 * 86_400));
        // `*/7` restarts every hour: 56 → 0 is four minutes.
        assert_eq!(gap("*/7 * * * *"), Some(240));
        assert_eq!(gap("@every 90s"), Some(90));
        assert_eq!(gap("0 0 30 2 *"), None);
    }

    #[test]
    fn widest_minute_gaps() {
        let minutes = |text: &str| match parse_standard(text).ok()?.schedule {
            Schedule::Spec(spec) => widest_minute_gap(spec.minute),
            Schedule::Every { .. } => None,
        };
        assert_eq!(minutes("0 * * * *"), Some(3_600));
        assert_eq!(minutes("*/5 * * * *"), Some(300));
        assert_eq!(minutes("10,40 * * * *"), Some(1_800));
        // `*/7` restarts every hour: 56 → 0 is four minutes, 0 → 7 seven.
        assert_eq!(minutes("*/7 * * * *"), Some(420));
        assert_eq!(minutes("5,10 * * * *"), Some(3_300));
    }
}
