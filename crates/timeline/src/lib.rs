//! Lays out scheduled runs over a time window: one lane per CronJob with its runs as marks (or
//! a heat map when there are too many to draw), its DST effects, the minutes where several
//! lanes fire together, and, with a modelled job duration, each run as a bar with overlaps.
//!
//! Pure data in instants and fractions of the window; the UI draws it, [`svg`] writes it as a
//! standalone file and [`mermaid`] as text. Knows CronJobs only as a name, a schedule and a
//! zone (the analysis façade reads them from the manifest).

pub mod mermaid;
pub mod svg;

use jobscope_cron::controller::controller_evaluator;
use jobscope_cron::explain::{DstEffect, dst_effects};
use jobscope_cron::{NextTime, Schedule, Zone};
use jobscope_golang::time::{Civil, Instant, SECOND, ZoneClock};

/// More runs than this in a lane's window are shown as a heat map.
pub(crate) const MAX_MARKS: usize = 400;
/// The heat map's resolution across the window.
pub(crate) const HEAT_BUCKETS: usize = 240;
/// The most runs counted per lane (a year of a minutely schedule is 525,600); beyond it the
/// lane says it stopped counting.
pub(crate) const MAX_COUNTED_RUNS: usize = 1_100_000;
/// The most collisions listed (the count goes on).
pub(crate) const MAX_COLLISIONS_LISTED: usize = 200;

/// How much time the timeline shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    Day,
    Week,
    Month,
    Year,
}

impl Span {
    pub(crate) fn seconds(self) -> i64 {
        match self {
            Span::Day => 24 * 3600,
            Span::Week => 7 * 24 * 3600,
            Span::Month => 30 * 24 * 3600,
            Span::Year => 365 * 24 * 3600,
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Span::Day => "day",
            Span::Week => "week",
            Span::Month => "month",
            Span::Year => "year",
        }
    }
}

/// One CronJob to lay out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LaneInput {
    pub name: String,
    pub schedule: String,
    pub time_zone: Option<String>,
    pub suspended: bool,
    /// The modelled job duration in seconds, to draw runs as bars.
    pub duration_seconds: Option<i64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    pub at: Instant,
    pub(crate) end: Option<Instant>,
    /// Starts before the previous run of the lane has ended.
    pub(crate) overlaps_previous: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lane {
    pub name: String,
    pub schedule: String,
    pub zone: String,
    /// Why the lane has no runs (an invalid schedule or zone), in the parser's words.
    pub error: Option<String>,
    pub(crate) suspended: bool,
    /// Each run, when there are at most [`MAX_MARKS`].
    pub runs: Vec<Run>,
    /// Otherwise: runs per bucket across the window.
    pub(crate) heat: Vec<u32>,
    pub total_runs: usize,
    /// Counting stopped at [`MAX_COUNTED_RUNS`].
    pub truncated: bool,
    pub overlapping_runs: usize,
    pub dst: Vec<DstEffect>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Collision {
    pub(crate) at: Instant,
    /// Indexes of the lanes that fire at that instant.
    pub(crate) lanes: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Tick {
    pub(crate) at: Instant,
    pub(crate) label: String,
    /// A day or month boundary (drawn stronger).
    pub(crate) major: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    pub(crate) from: Instant,
    pub(crate) to: Instant,
    pub(crate) span: Span,
    /// The zone labels are written in.
    pub display_zone: String,
    pub(crate) ticks: Vec<Tick>,
    pub lanes: Vec<Lane>,
    pub(crate) collisions: Vec<Collision>,
    pub collision_count: usize,
}

impl Timeline {
    /// Where an instant falls across the window, from 0 to 1.
    pub(crate) fn x(&self, t: Instant) -> f64 {
        let width = self.to.nanos_since(self.from) as f64;
        if width <= 0.0 {
            return 0.0;
        }
        (t.nanos_since(self.from) as f64 / width).clamp(0.0, 1.0)
    }
}

fn lane(input: &LaneInput, from: Instant, to: Instant) -> (Lane, Vec<Instant>) {
    let zone_name = input
        .time_zone
        .clone()
        .unwrap_or_else(|| "UTC (kube-controller-manager)".to_owned());
    let mut lane = Lane {
        name: input.name.clone(),
        schedule: input.schedule.clone(),
        zone: zone_name,
        error: None,
        suspended: input.suspended,
        runs: Vec::new(),
        heat: Vec::new(),
        total_runs: 0,
        truncated: false,
        overlapping_runs: 0,
        dst: Vec::new(),
    };
    let mut eval =
        match controller_evaluator(&input.schedule, input.time_zone.as_deref(), Zone::Utc) {
            Ok(eval) => eval,
            Err(error) => {
                lane.error = Some(error.message);
                return (lane, Vec::new());
            }
        };
    if let Some(zone) = &input.time_zone
        && let Err(error) = jobscope_golang::location::load_location(zone)
    {
        lane.error = Some(error);
        return (lane, Vec::new());
    }
    if let Schedule::Spec(spec) = eval.schedule() {
        lane.dst = dst_effects(spec, eval.zone(), from, to)
            .into_iter()
            .filter(|e| !e.skipped.is_empty() || !e.repeated.is_empty())
            .collect();
    }
    let duration = input.duration_seconds.map(|s| s.saturating_mul(SECOND));
    let window = to.nanos_since(from).max(1);
    let mut heat = vec![0u32; HEAT_BUCKETS];
    let mut all: Vec<Instant> = Vec::new();
    let mut previous_end: Option<Instant> = None;
    // Next is strictly after: start just before the window.
    let mut t = from.add_nanos(-1);
    loop {
        let at = match eval.next(t) {
            NextTime::At(at) if at < to => at,
            _ => break,
        };
        lane.total_runs += 1;
        if lane.total_runs > MAX_COUNTED_RUNS {
            lane.truncated = true;
            lane.total_runs -= 1;
            break;
        }
        let bucket =
            ((at.nanos_since(from) as i128 * HEAT_BUCKETS as i128) / window as i128) as usize;
        heat[bucket.min(HEAT_BUCKETS - 1)] += 1;
        let end = duration.map(|d| at.add_nanos(d));
        let overlaps = previous_end.is_some_and(|e| e > at);
        if overlaps {
            lane.overlapping_runs += 1;
        }
        if let Some(end) = end {
            previous_end = Some(previous_end.map_or(end, |p| p.max(end)));
        }
        if lane.total_runs <= MAX_MARKS {
            lane.runs.push(Run {
                at,
                end,
                overlaps_previous: overlaps,
            });
        }
        if all.len() < MAX_COUNTED_RUNS {
            all.push(at);
        }
        t = at;
    }
    if lane.total_runs > MAX_MARKS {
        lane.runs.clear();
        lane.heat = heat;
    }
    (lane, all)
}

fn ticks(span: Span, from: Instant, to: Instant, zone: Zone) -> Vec<Tick> {
    let mut clock = ZoneClock::new(zone);
    let step_hours: i64 = match span {
        Span::Day => 3,
        Span::Week => 24,
        Span::Month => 24 * 3,
        Span::Year => 24,
    };
    let mut ticks = Vec::new();
    // Walk the hours of the window and keep the round ones.
    let first = from.unix - from.unix.rem_euclid(3600) + 3600;
    let mut t = first;
    while t < to.unix && ticks.len() < 400 {
        let c: Civil = clock.civil(Instant::from_unix(t));
        let keep = match span {
            Span::Day => c.minute == 0 && i64::from(c.hour) % step_hours == 0,
            Span::Week => c.hour == 0 && c.minute == 0,
            Span::Month => c.hour == 0 && c.minute == 0 && (c.day - 1).is_multiple_of(3),
            Span::Year => c.hour == 0 && c.minute == 0 && c.day == 1,
        };
        if keep {
            const MONTHS: [&str; 12] = [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ];
            let month = MONTHS[(c.month as usize).saturating_sub(1).min(11)];
            let (label, major) = match span {
                Span::Day => (format!("{:02}:00", c.hour), c.hour == 0),
                Span::Week | Span::Month => (format!("{} {month}", c.day), c.day == 1),
                Span::Year => (month.to_owned(), c.month == 1),
            };
            ticks.push(Tick {
                at: Instant::from_unix(t),
                label,
                major,
            });
        }
        t += 3600;
    }
    ticks
}

/// Lays out `lanes` over `[from, from + span)`, labelled in `display_zone`.
pub fn layout(lanes: &[LaneInput], from: Instant, span: Span, display_zone: Zone) -> Timeline {
    let to = from.add_nanos(span.seconds().saturating_mul(SECOND));
    let mut laid = Vec::new();
    let mut runs_per_lane: Vec<Vec<Instant>> = Vec::new();
    for input in lanes {
        let (lane, runs) = lane(input, from, to);
        laid.push(lane);
        runs_per_lane.push(if input.suspended { Vec::new() } else { runs });
    }
    // Merge the sorted run lists: instants where two or more lanes fire.
    let mut collisions = Vec::new();
    let mut collision_count = 0;
    let mut cursors = vec![0usize; runs_per_lane.len()];
    loop {
        let next = runs_per_lane
            .iter()
            .zip(&cursors)
            .filter_map(|(runs, &c)| runs.get(c).copied())
            .min();
        let Some(at) = next else { break };
        let mut firing = Vec::new();
        for (lane, runs) in runs_per_lane.iter().enumerate() {
            if runs.get(cursors[lane]) == Some(&at) {
                firing.push(lane);
                cursors[lane] += 1;
            }
        }
        if firing.len() > 1 {
            collision_count += 1;
            if collisions.len() < MAX_COLLISIONS_LISTED {
                collisions.push(Collision { at, lanes: firing });
            }
        }
    }
    Timeline {
        from,
        to,
        span,
        display_zone: display_zone.name().to_owned(),
        ticks: ticks(span, from, to, display_zone),
        lanes: laid,
        collisions,
        collision_count,
    }
}

/// The start of the day (in `zone`) that holds `t`: a timeline's natural left edge.
pub fn start_of_day(t: Instant, zone: Zone) -> Instant {
    let mut clock = ZoneClock::new(zone);
    let c = clock.civil(t);
    let since_midnight = i64::from(c.hour) * 3600 + i64::from(c.minute) * 60 + i64::from(c.second);
    Instant::from_unix(t.unix - since_midnight)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jobscope_golang::time::parse_rfc3339;

    fn input(name: &str, schedule: &str, zone: Option<&str>) -> LaneInput {
        LaneInput {
            name: name.to_owned(),
            schedule: schedule.to_owned(),
            time_zone: zone.map(str::to_owned),
            suspended: false,
            duration_seconds: None,
        }
    }

    fn at(text: &str) -> Instant {
        parse_rfc3339(text).unwrap()
    }

    #[test]
    fn marks_each_run_and_counts_collisions() {
        let lanes = [
            input("a", "0 * * * *", None),
            input("b", "0 */2 * * *", None),
        ];
        let t = layout(&lanes, at("2026-03-01T00:00:00Z"), Span::Day, Zone::Utc);
        assert_eq!(t.lanes[0].runs.len(), 24);
        assert_eq!(t.lanes[1].runs.len(), 12);
        assert_eq!(t.collision_count, 12);
        assert_eq!(t.collisions[0].lanes, vec![0, 1]);
        assert_eq!(t.ticks.len(), 7);
        assert!((t.x(t.lanes[0].runs[12].at) - 0.5).abs() < 1e-9);
    }

    #[test]
    fn dense_schedules_become_a_heat_map() {
        let t = layout(
            &[input("m", "* * * * *", None)],
            at("2026-03-01T00:00:00Z"),
            Span::Week,
            Zone::Utc,
        );
        let lane = &t.lanes[0];
        assert!(lane.runs.is_empty());
        assert_eq!(lane.total_runs, 7 * 24 * 60);
        assert_eq!(
            lane.heat.iter().map(|&c| c as usize).sum::<usize>(),
            lane.total_runs
        );
    }

    #[test]
    fn dst_gaps_are_marked_and_runs_skipped() {
        let t = layout(
            &[input("nightly", "30 2 * * *", Some("America/New_York"))],
            at("2026-03-07T00:00:00Z"),
            Span::Week,
            Zone::Utc,
        );
        let lane = &t.lanes[0];
        assert_eq!(lane.dst.len(), 1);
        assert_eq!(lane.dst[0].skipped, vec!["02:30"]);
        // 7 days, one of them without 02:30.
        assert_eq!(lane.total_runs, 6);
    }

    #[test]
    fn durations_show_overlaps() {
        let mut lane = input("slow", "*/5 * * * *", None);
        lane.duration_seconds = Some(420);
        let t = layout(&[lane], at("2026-03-01T00:00:00Z"), Span::Day, Zone::Utc);
        assert_eq!(t.lanes[0].overlapping_runs, t.lanes[0].total_runs - 1);
        assert!(t.lanes[0].runs[1].overlaps_previous);
    }

    #[test]
    fn bad_schedules_say_why() {
        let t = layout(
            &[input("bad", "61 * * * *", None)],
            at("2026-03-01T00:00:00Z"),
            Span::Day,
            Zone::Utc,
        );
        assert!(
            t.lanes[0]
                .error
                .as_deref()
                .is_some_and(|e| e.contains("61"))
        );
    }
}
