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
use jobscope_golang::duration::human_seconds;
use jobscope_golang::time::{Instant, SECOND, ZoneClock};
use jobscope_scene::geometry::Axis;
use jobscope_scene::time_axis::{Tick, next_midnight, ticks};

pub use jobscope_scene::time_axis::start_of_day;

/// More runs than this in a lane's window are not kept one by one: the heat map shows them
/// (it also shows fewer runs when the chart is too narrow to tell their marks apart).
pub(crate) const MAX_MARKS: usize = 400;
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

/// What one heat-map cell counts: the runs of a minute (a view of up to 3 hours), of an hour
/// (up to 8 days: a day's or a week's window) or of a day in the display zone (longer: a
/// month's or a year's).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell {
    Minute,
    Hour,
    Day,
}

impl Cell {
    /// `minute`, `hour` or `day`.
    pub fn as_str(self) -> &'static str {
        match self {
            Cell::Minute => "minute",
            Cell::Hour => "hour",
            Cell::Day => "day",
        }
    }
}

impl Cell {
    /// The cell for a view `seconds` long: at most 192 cells of minutes or hours, or a year's
    /// 366 days.
    fn for_length(seconds: i64) -> Cell {
        match seconds {
            s if s <= 3 * 3600 => Cell::Minute,
            s if s <= 8 * 86_400 => Cell::Hour,
            _ => Cell::Day,
        }
    }
}

impl Span {
    /// How long the window is: a day, a week, 30 days or 365 days.
    pub fn seconds(self) -> i64 {
        match self {
            Span::Day => 24 * 3600,
            Span::Week => 7 * 24 * 3600,
            Span::Month => 30 * 24 * 3600,
            Span::Year => 365 * 24 * 3600,
        }
    }

    /// `day`, `week`, `month` or `year`.
    pub fn as_str(self) -> &'static str {
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
    /// That zone, for the runs' tips (UTC when the lane has an error).
    pub(crate) location: Zone,
    /// Why the lane has no runs (an invalid schedule or zone), in the parser's words.
    pub error: Option<String>,
    pub(crate) suspended: bool,
    /// Each run, when there are at most [`MAX_MARKS`].
    pub runs: Vec<Run>,
    /// Runs per heat-map cell (between [`Timeline`]'s cell edges), always counted.
    pub(crate) heat: Vec<u32>,
    pub total_runs: usize,
    /// Counting stopped at [`MAX_COUNTED_RUNS`].
    pub truncated: bool,
    pub overlapping_runs: usize,
    /// The modelled Job duration (seconds), when runs are bars.
    pub(crate) duration_seconds: Option<i64>,
    pub dst: Vec<DstEffect>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Collision {
    pub(crate) at: Instant,
    /// Indexes of the lanes that fire at that instant.
    pub(crate) lanes: Vec<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    pub(crate) from: Instant,
    pub(crate) to: Instant,
    pub(crate) span: Span,
    /// Whether this is a part of the window (zoomed in), not all of it.
    pub(crate) zoomed: bool,
    /// The zone labels are written in.
    pub display_zone: String,
    /// The zone labels are written in, for the heat map's tips.
    pub(crate) display: Zone,
    pub(crate) ticks: Vec<Tick>,
    /// What a heat-map cell counts, and the cells' edges: the window's start, each hour or
    /// midnight (in the display zone) inside it, its end.
    pub(crate) cell: Cell,
    pub(crate) cell_edges: Vec<Instant>,
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

fn lane(input: &LaneInput, from: Instant, to: Instant, edges: &[Instant]) -> (Lane, Vec<Instant>) {
    let zone_name = input
        .time_zone
        .clone()
        .unwrap_or_else(|| "UTC (kube-controller-manager)".to_owned());
    let mut lane = Lane {
        name: input.name.clone(),
        schedule: input.schedule.clone(),
        zone: zone_name,
        location: Zone::Utc,
        error: None,
        suspended: input.suspended,
        runs: Vec::new(),
        heat: Vec::new(),
        total_runs: 0,
        truncated: false,
        overlapping_runs: 0,
        duration_seconds: input.duration_seconds,
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
    lane.location = eval.zone();
    if let Schedule::Spec(spec) = eval.schedule() {
        lane.dst = dst_effects(spec, eval.zone(), from, to)
            .into_iter()
            .filter(|e| !e.skipped.is_empty() || !e.repeated.is_empty())
            .collect();
    }
    let duration = input.duration_seconds.map(|s| s.saturating_mul(SECOND));
    let cells = edges.len().saturating_sub(1).max(1);
    let mut heat = vec![0u32; cells];
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
        let cell = edges.partition_point(|edge| *edge <= at).saturating_sub(1);
        heat[cell.min(cells - 1)] += 1;
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
    }
    lane.heat = heat;
    (lane, all)
}

/// The heat map's cell edges over `[from, to)`: `from`, every minute, local hour or local day
/// start after it in `zone` (a DST day is 23 or 25 hours long; a zone half an hour off UTC has
/// its hours at :30), then `to`.
fn cell_edges(cell: Cell, from: Instant, to: Instant, zone: Zone) -> Vec<Instant> {
    let mut edges = vec![from];
    let mut clock = ZoneClock::new(zone);
    let mut next = match cell {
        Cell::Minute => from.unix - from.unix.rem_euclid(60) + 60,
        // Quarter hours, keeping the local hours.
        Cell::Hour => from.unix - from.unix.rem_euclid(900),
        Cell::Day => start_of_day(from, zone).unix,
    };
    // At most a few hundred cells (a year's days, 8 days' hours, 3 hours' minutes); the walk
    // is bounded whatever the range.
    let mut walked = 0;
    while edges.len() < 1_000 && walked < 40_000 {
        walked += 1;
        if next > from.unix {
            if next >= to.unix {
                break;
            }
            let edge = match cell {
                Cell::Hour => clock.civil(Instant::from_unix(next)).minute == 0,
                Cell::Minute | Cell::Day => true,
            };
            if edge {
                edges.push(Instant::from_unix(next));
            }
        }
        next = match cell {
            Cell::Minute => next + 60,
            Cell::Hour => next + 900,
            Cell::Day => next_midnight(&mut clock, next),
        };
    }
    edges.push(to);
    edges
}

/// Lays out `lanes` over `[from, from + span)`, labelled in `display_zone`.
pub fn layout(lanes: &[LaneInput], from: Instant, span: Span, display_zone: Zone) -> Timeline {
    layout_view(lanes, from, span, None, display_zone)
}

/// The window `[from, from + span)` and the part of it shown: all of it, or the view
/// `[from + start, from + end)` (seconds; see [`zoom`] and [`pan`]), clamped into the window.
pub fn window_view(from: Instant, span: Span, view: Option<(i64, i64)>) -> (Instant, Instant) {
    let length = span.seconds();
    match view {
        Some((start, end)) if 0 <= start && start < end && end <= length => (
            Instant::from_unix(from.unix + start),
            Instant::from_unix(from.unix + end),
        ),
        _ => (from, Instant::from_unix(from.unix + length)),
    }
}

/// Lays out `lanes` over the window `[from, from + span)`, or over the part of it `view`
/// names (seconds from `from`; see [`window_view`]): the axis's ticks and the heat map's
/// cells follow the length shown, so zooming in turns days into hours and hours into minutes.
pub fn layout_view(
    lanes: &[LaneInput],
    window_from: Instant,
    span: Span,
    view: Option<(i64, i64)>,
    display_zone: Zone,
) -> Timeline {
    let (from, to) = window_view(window_from, span, view);
    let zoomed = to.unix - from.unix < span.seconds();
    let cell = Cell::for_length(to.unix - from.unix);
    let edges = cell_edges(cell, from, to, display_zone);
    let mut laid = Vec::new();
    let mut runs_per_lane: Vec<Vec<Instant>> = Vec::new();
    for input in lanes {
        let (lane, runs) = lane(input, from, to, &edges);
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
        zoomed,
        display_zone: display_zone.name().to_owned(),
        display: display_zone,
        ticks: ticks(from, to, display_zone),
        cell,
        cell_edges: edges,
        lanes: laid,
        collisions,
        collision_count,
    }
}

/// How many runs a lane should show for a window to suit it (see [`suggested_span`]).
const SUGGESTED_RUNS: usize = 3;

/// The window a timeline opens with: the shortest that shows at least [`SUGGESTED_RUNS`] runs
/// of some lane from `from`. A day for a minutely or hourly schedule, a week for a daily one, a
/// month for a weekly one, a year beyond (a day when no lane has a valid schedule).
pub fn suggested_span(lanes: &[LaneInput], from: Instant) -> Span {
    const SPANS: [Span; 4] = [Span::Day, Span::Week, Span::Month, Span::Year];
    let third_run = |input: &LaneInput| {
        let mut eval =
            controller_evaluator(&input.schedule, input.time_zone.as_deref(), Zone::Utc).ok()?;
        let mut t = from.add_nanos(-1);
        for _ in 0..SUGGESTED_RUNS {
            match eval.next(t) {
                NextTime::At(at) => t = at,
                _ => return None,
            }
        }
        Some(t)
    };
    let Some(soonest) = lanes.iter().filter_map(third_run).min() else {
        return Span::Day;
    };
    SPANS
        .into_iter()
        .find(|span| soonest < from.add_nanos(span.seconds().saturating_mul(SECOND)))
        .unwrap_or(Span::Year)
}

/// The shortest view zooming reaches (seconds): ten minutes.
pub const MIN_VIEW_SECONDS: i64 = 600;

/// The window's time axis, in seconds: views of ten minutes or more, on whole minutes (the
/// window's own edges are whole minutes too).
pub fn axis(span: Span) -> Axis {
    Axis {
        length: span.seconds(),
        min: MIN_VIEW_SECONDS,
        grain: 60,
    }
}

/// The view after zooming by `factor` (below 1 in, above 1 out) around the point `anchor`
/// (0 = the view's left edge, 1 = its right edge) of the view `view` (seconds from the window's
/// start; `None` = the whole window): see [`Axis::zoom`].
pub fn zoom(span: Span, view: Option<(i64, i64)>, factor: f64, anchor: f64) -> Option<(i64, i64)> {
    axis(span).zoom(view, factor, anchor)
}

/// The view moved by `fraction` of its length (negative: earlier), inside the window.
pub fn pan(span: Span, view: Option<(i64, i64)>, fraction: f64) -> Option<(i64, i64)> {
    axis(span).pan(view, fraction)
}

impl Timeline {
    /// The window this timeline belongs to (also when it shows only a part of it: see
    /// [`Timeline::zoomed`]).
    pub fn span(&self) -> Span {
        self.span
    }

    /// Whether the timeline shows a part of its window.
    pub fn zoomed(&self) -> bool {
        self.zoomed
    }

    /// `Schedule timeline (day)`, or with the part shown when zoomed in:
    /// `Schedule timeline (day, zoomed to Mon 2 Mar 2026 01:00 UTC – Mon 2 Mar 2026 02:00 UTC)`.
    pub fn title(&self) -> String {
        if self.zoomed {
            format!(
                "Schedule timeline ({}, zoomed to {} – {})",
                self.span.as_str(),
                jobscope_golang::time::format_readable(self.from, self.display),
                jobscope_golang::time::format_readable(self.to, self.display)
            )
        } else {
            format!("Schedule timeline ({})", self.span.as_str())
        }
    }

    /// What the timeline comes to, in sentences under the chart: how often each CronJob runs
    /// in the window, which ones are suspended or cannot run, runs that start before the
    /// previous Job ends, CronJobs that start together, and the runs DST skips or repeats.
    pub fn conclusions(&self) -> Vec<String> {
        let window = match self.span {
            _ if self.zoomed => "in this view",
            Span::Day => "in this day",
            Span::Week => "in this week",
            Span::Month => "in these 30 days",
            Span::Year => "in these 365 days",
        };
        let mut out = Vec::new();
        for lane in &self.lanes {
            let runs = match (lane.total_runs, lane.truncated) {
                (n, true) => format!("more than {n} times"),
                (1, false) => "once".to_owned(),
                (n, false) => format!("{n} times"),
            };
            out.push(match &lane.error {
                Some(error) => format!("{} never runs: {error}.", lane.name),
                None if lane.suspended => match lane.total_runs {
                    0 => format!("{} is suspended, and no run is due {window}.", lane.name),
                    1 => format!(
                        "{} is suspended: the controller does not start the run due {window}.",
                        lane.name
                    ),
                    n => format!(
                        "{} is suspended: the controller starts none of the {n} runs due {window}.",
                        lane.name
                    ),
                },
                None if lane.total_runs == 0 => format!("{} has no run due {window}.", lane.name),
                None if lane.overlapping_runs > 0 => format!(
                    "{} runs {runs} {window}; {} of them start before the previous Job has ended, with Jobs of {}.",
                    lane.name,
                    lane.overlapping_runs,
                    human_seconds(lane.duration_seconds.unwrap_or_default())
                ),
                None => format!("{} runs {runs} {window}.", lane.name),
            });
            for effect in &lane.dst {
                out.push(format!("{}: {}.", lane.name, svg::dst_text(effect)));
            }
        }
        if let Some(first) = self.collisions.first() {
            let names: Vec<&str> = first
                .lanes
                .iter()
                .filter_map(|&i| self.lanes.get(i).map(|lane| lane.name.as_str()))
                .collect();
            out.push(format!(
                "Several CronJobs start in the same minute {} {window}, first {} at {}: their Jobs compete for the cluster then.",
                match self.collision_count {
                    1 => "once".to_owned(),
                    n => format!("{n} times"),
                },
                names.join(" and "),
                jobscope_golang::time::format_readable(first.at, self.display)
            ));
        }
        out
    }
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

    #[test]
    fn the_sentences_say_how_often_each_runs_and_what_to_watch() {
        let mut overlapping = input("slow", "*/10 * * * *", None);
        overlapping.duration_seconds = Some(15 * 60);
        let mut paused = input("paused", "0 * * * *", None);
        paused.suspended = true;
        let t = layout(
            &[
                input("nightly", "30 2 * * *", Some("America/New_York")),
                overlapping,
                paused,
                input("broken", "61 * * * *", None),
                input("hourly", "0 * * * *", None),
            ],
            at("2026-03-08T00:00:00Z"),
            Span::Day,
            Zone::Utc,
        );
        assert_eq!(
            t.conclusions(),
            [
                "nightly has no run due in this day.",
                "nightly: DST 2026-03-08: runs at 02:30 skipped.",
                "slow runs 144 times in this day; 143 of them start before the previous Job has ended, with Jobs of 15 min.",
                "paused is suspended: the controller starts none of the 24 runs due in this day.",
                "broken never runs: end of range (61) above maximum (59): 61.",
                "hourly runs 24 times in this day.",
                "Several CronJobs start in the same minute 24 times in this day, first slow and hourly at Sun 8 Mar 2026 00:00 UTC: their Jobs compete for the cluster then.",
            ]
        );
    }

    fn labels(t: &Timeline) -> Vec<&str> {
        t.ticks.iter().map(|tick| tick.label.as_str()).collect()
    }

    #[test]
    fn ticks_follow_the_length_shown_from_minutes_to_months() {
        let from = at("2026-03-02T00:00:00Z");
        let lanes = [input("m", "* * * * *", None)];
        let day = layout(&lanes, from, Span::Day, Zone::Utc);
        assert_eq!(
            labels(&day),
            [
                "03:00", "06:00", "09:00", "12:00", "15:00", "18:00", "21:00"
            ]
        );
        let hour = layout_view(&lanes, from, Span::Day, Some((3600, 7200)), Zone::Utc);
        assert_eq!(
            labels(&hour),
            [
                "01:05", "01:10", "01:15", "01:20", "01:25", "01:30", "01:35", "01:40", "01:45",
                "01:50", "01:55"
            ]
        );
        let ten_minutes = layout_view(&lanes, from, Span::Day, Some((0, 600)), Zone::Utc);
        assert_eq!(labels(&ten_minutes).len(), 9, "{:?}", labels(&ten_minutes));
        let week = layout(&lanes, from, Span::Week, Zone::Utc);
        assert_eq!(
            labels(&week),
            ["3 Mar", "4 Mar", "5 Mar", "6 Mar", "7 Mar", "8 Mar"]
        );
        let two_days = layout_view(&lanes, from, Span::Week, Some((0, 2 * 86_400)), Zone::Utc);
        assert_eq!(
            labels(&two_days),
            [
                "06:00", "12:00", "18:00", "3 Mar", "06:00", "12:00", "18:00"
            ]
        );
        let year = layout(&lanes, from, Span::Year, Zone::Utc);
        assert_eq!(labels(&year)[..3], ["Apr", "May", "Jun"]);
        assert!(
            year.ticks
                .iter()
                .any(|tick| tick.label == "2027" && tick.major),
            "January says which year begins"
        );
        // A zone half an hour off UTC still gets its local hours.
        let kolkata = Zone::iana("Asia/Kolkata").unwrap();
        let india = layout(&lanes, start_of_day(from, kolkata), Span::Day, kolkata);
        assert_eq!(labels(&india)[0], "03:00");
        assert_eq!(india.ticks.len(), 7);
        let month = layout(&lanes, start_of_day(from, kolkata), Span::Month, kolkata);
        assert_eq!(labels(&month)[..2], ["4 Mar", "7 Mar"]);
    }

    #[test]
    fn zooming_and_panning_stay_inside_the_window() {
        let day = Span::Day;
        assert_eq!(zoom(day, None, 0.5, 0.5), Some((21_600, 64_800)));
        assert_eq!(zoom(day, None, 0.5, 0.0), Some((0, 43_200)));
        assert_eq!(zoom(day, None, 0.5, 1.0), Some((43_200, 86_400)));
        // Out again: the whole window, which is no view at all.
        assert_eq!(zoom(day, Some((21_600, 64_800)), 2.0, 0.5), None);
        // In, and in, and in: never under ten minutes.
        let mut view = None;
        for _ in 0..20 {
            view = zoom(day, view, 0.5, 0.3);
        }
        let (start, end) = view.unwrap();
        assert_eq!(end - start, MIN_VIEW_SECONDS);
        assert!(start >= 0 && end <= 86_400);
        assert_eq!((start % 60, end % 60), (0, 0), "whole minutes");
        // Panning moves by a share of the view and stops at the edges.
        assert_eq!(pan(day, Some((0, 3600)), 0.25), Some((900, 4500)));
        assert_eq!(pan(day, Some((0, 3600)), -0.25), Some((0, 3600)));
        assert_eq!(
            pan(day, Some((82_800, 86_400)), 1.0),
            Some((82_800, 86_400))
        );
        assert_eq!(pan(day, None, 0.25), None);
        // Nonsense in, a sane view out.
        assert_eq!(zoom(day, None, f64::NAN, f64::NAN), None);
        let (start, end) = zoom(day, Some((5, 4)), 0.5, 0.5).unwrap();
        assert!(0 <= start && start + MIN_VIEW_SECONDS <= end && end <= 86_400);
    }

    #[test]
    fn a_zoomed_view_lays_out_its_own_runs_cells_and_words() {
        let from = at("2026-03-02T00:00:00Z");
        let lanes = [input("m", "* * * * *", None)];
        let whole = layout(&lanes, from, Span::Day, Zone::Utc);
        assert!(whole.lanes[0].runs.is_empty(), "1440 runs: a heat map");
        let hour = layout_view(&lanes, from, Span::Day, Some((3600, 7200)), Zone::Utc);
        assert!(hour.zoomed());
        assert_eq!(
            hour.lanes[0].runs.len(),
            60,
            "the view's own runs, each one"
        );
        assert_eq!(hour.cell, Cell::Minute);
        assert_eq!(hour.conclusions(), ["m runs 60 times in this view."]);
        // A view that is not inside the window is the whole window.
        let bad = layout_view(&lanes, from, Span::Day, Some((0, 90_000)), Zone::Utc);
        assert!(!bad.zoomed());
    }

    /// The local dates of the cells' edges (all but the window's end) and their local hours.
    fn local_edges(t: &Timeline, zone: Zone) -> Vec<((i64, u32, u32), u32, u32)> {
        let mut clock = ZoneClock::new(zone);
        let (_, edges) = t.cell_edges.split_last().unwrap();
        edges
            .iter()
            .map(|e| {
                let c = clock.civil(*e);
                ((c.year, c.month, c.day), c.hour, c.minute)
            })
            .collect()
    }

    #[test]
    fn days_start_where_dst_skips_midnight_and_hours_are_local() {
        // Santiago, 6 September 2026, and Beirut, 29 March 2026: the clocks jump from 00:00 to
        // 01:00, so those days start at 01:00.
        for (name, from, jump) in [
            ("America/Santiago", "2026-09-01T12:00:00Z", (2026, 9, 6)),
            ("Asia/Beirut", "2026-03-25T12:00:00Z", (2026, 3, 29)),
        ] {
            let zone = Zone::iana(name).unwrap();
            let from = start_of_day(at(from), zone);
            let t = layout(&[input("d", "0 12 * * *", None)], from, Span::Month, zone);
            let edges = local_edges(&t, zone);
            assert!(edges.len() >= 30, "{name}: {edges:?}");
            for (date, hour, minute) in &edges {
                let want = if *date == jump { 1 } else { 0 };
                assert_eq!((*hour, *minute), (want, 0), "{name} {date:?}");
            }
            // One edge a day, every day.
            assert!(edges.windows(2).all(|w| w[0].0 < w[1].0), "{name}");
            // A year's ticks keep the 1sts of the months (the window's own 1st is its edge).
            let year = layout(&[input("d", "0 12 * * *", None)], from, Span::Year, zone);
            assert!(year.ticks.len() >= 11, "{name}: {:?}", labels(&year));
            let mut clock = ZoneClock::new(zone);
            assert!(year.ticks.iter().all(|tick| clock.civil(tick.at).day == 1));
        }
        // A zone half an hour off UTC: hour cells on its own hours.
        let kolkata = Zone::iana("Asia/Kolkata").unwrap();
        let from = start_of_day(at("2026-03-02T12:00:00Z"), kolkata);
        let t = layout(&[input("m", "* * * * *", None)], from, Span::Day, kolkata);
        let edges = local_edges(&t, kolkata);
        assert_eq!(edges.len(), 24);
        assert!(edges.iter().all(|(_, _, minute)| *minute == 0));
        assert_eq!(t.lanes[0].heat, vec![60; 24]);
        // The start of a day from inside its repeated hour (New York, 1 November 2026, 01:30
        // EST, the second 01:30) is its midnight, in EDT.
        let new_york = Zone::iana("America/New_York").unwrap();
        assert_eq!(
            start_of_day(at("2026-11-01T06:30:00Z"), new_york),
            at("2026-11-01T04:00:00Z")
        );
    }

    #[test]
    fn the_suggested_window_shows_a_few_runs() {
        let from = at("2026-03-02T00:00:00Z");
        let cases = [
            ("* * * * *", Span::Day),
            ("0 * * * *", Span::Day),
            ("0 */6 * * *", Span::Day),
            ("30 2 * * *", Span::Week),
            ("0 9 * * 1", Span::Month),
            ("0 0 1 * *", Span::Year),
            ("0 0 1 1 *", Span::Year),
            ("not a schedule", Span::Day),
        ];
        for (schedule, span) in cases {
            assert_eq!(
                suggested_span(&[input("a", schedule, None)], from),
                span,
                "{schedule}"
            );
        }
        // The densest lane decides.
        let lanes = [
            input("daily", "30 2 * * *", None),
            input("hourly", "0 * * * *", Some("Asia/Kolkata")),
        ];
        assert_eq!(suggested_span(&lanes, from), Span::Day);
        assert_eq!(suggested_span(&[], from), Span::Day);
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
        // A cell per hour, 60 runs in each.
        assert_eq!(t.cell, Cell::Hour);
        assert_eq!(lane.heat, vec![60; 7 * 24]);
    }

    #[test]
    fn day_cells_follow_the_display_zone_across_dst() {
        // March 2026 in New York: the 8th has 23 hours.
        let zone = Zone::iana("America/New_York").unwrap();
        let from = start_of_day(at("2026-03-01T12:00:00Z"), zone);
        let t = layout(&[input("h", "0 * * * *", None)], from, Span::Month, zone);
        assert_eq!(t.cell, Cell::Day);
        let hours: Vec<i64> = t
            .cell_edges
            .windows(2)
            .map(|w| (w[1].unix - w[0].unix) / 3600)
            .collect();
        // The window is 30 × 24 hours: with the hour DST took, it ends at 01:00 on the 31st,
        // so the last cell is that hour.
        assert_eq!(hours.len(), 31);
        assert_eq!(hours[7], 23, "8 March");
        assert_eq!(hours[30], 1, "31 March, to 01:00");
        assert!(
            hours[..30]
                .iter()
                .enumerate()
                .all(|(i, &h)| i == 7 || h == 24)
        );
        // Every cell counts its hours' runs; every edge but the window's end is a New York
        // midnight.
        assert_eq!(t.lanes[0].heat[7], 23);
        let mut clock = ZoneClock::new(zone);
        let (_, midnights) = t.cell_edges.split_last().unwrap();
        assert!(midnights.iter().all(|e| clock.civil(*e).hour == 0));
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
