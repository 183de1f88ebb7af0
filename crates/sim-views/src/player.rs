//! The simulation player's data: a finished [`Simulation`] recorded for playback (pods as bars,
//! Job statuses over time, events, kube-state-metrics series), the state at any virtual time,
//! the Gantt chart and metric charts as [`Scene`]s, and the alert rules of
//! `shared/examples/prometheus-rules.yaml` evaluated over the series as Prometheus would (a
//! condition true for the rule's `for:` duration fires).
//!
//! Invariants: built from the simulation's records only (never re-simulates); every query at a
//! time `t` sees exactly what had happened by `t`; bounded output ([`MAX_ROWS`], [`MAX_BARS`],
//! the alerts evaluated only where a condition can change) whatever the simulation's size.

use std::collections::BTreeMap;

use jobscope_golang::time::{Zone, ZoneClock, format_rfc3339};
use jobscope_scene::geometry::{Axis, TEXT, layout_width};
use jobscope_scene::time_axis::{clock_changes, draw_ticks, ticks};
use jobscope_scene::{Anchor, Paint, Scene};
use jobscope_sim::metrics::labels_cmp;
use jobscope_sim::model::instant;
use jobscope_sim::model::{ConditionKind, JobStatus, Ms, Phase, Pod, SECOND};
use jobscope_sim::scenario::{Action, ActionKind, PodRule, PodSelector, RunFor, Scenario};
use jobscope_sim::{ObjectRef, Simulation};

use jobscope_playback::frame::{
    MAX_FRAME_ALERTS, MAX_FRAME_EVENTS, MAX_FRAME_JOBS, MAX_FRAME_PODS, MAX_SUMMARY_ALERTS,
};
use jobscope_playback::{AlertRow, EventRow, Frame, JobRow, PodRow, Summary};
pub use jobscope_playback::{PlayerInput, PodState};

/// Rows of the Gantt chart; more pods than fit are counted, not drawn.
pub(crate) const MAX_ROWS: usize = 120;
/// Bars drawn at most (a month of a minutely CronJob creates 43,000 pods).
pub(crate) const MAX_BARS: usize = 6_000;
/// The slot group of a CronJob's pods, which share rows across its Jobs (no Job has this id).
const SHARED: usize = usize::MAX;
/// The narrowest bar (CSS px) that carries a tip: narrower ones cannot be pointed at.
const POINTABLE: f64 = 3.0;

const LABEL: f64 = 180.0;
/// A Gantt row: a 12 px label beside a 14 px bar.
const ROW: f64 = 20.0;
/// Below the Gantt chart's rows: the time axis's labels.
const AXIS: f64 = 24.0;
/// Below the axis: the line that counts pods not drawn, when there are some.
const NOTE: f64 = 18.0;
const TOP: f64 = 28.0;

/// The scenario the player's form describes (its subject is the document the page shows).
pub fn scenario(input: &PlayerInput) -> Scenario {
    let start = jobscope_sim::model::millis(input.start);
    let at = |seconds: i64| start.saturating_add(seconds.clamp(0, 10 * 366 * 86_400) * SECOND);
    let (low, high) = (
        input.run_min_seconds.clamp(0, 366 * 86_400),
        input.run_max_seconds.clamp(0, 366 * 86_400),
    );
    let run_for = if low >= high {
        RunFor::Fixed(low * SECOND)
    } else {
        RunFor::Uniform(low * SECOND, high * SECOND)
    };
    let exits_on_sigterm = !input.ignore_sigterm;
    let failing = |when: PodSelector| PodRule {
        when,
        run_for,
        exit_code: input.exit_code,
        exits_on_sigterm,
        ..PodRule::fallback()
    };
    let mut pods: Vec<PodRule> = input
        .failing_indexes
        .iter()
        .map(|&index| {
            failing(PodSelector {
                index: Some(index),
                ..PodSelector::default()
            })
        })
        .collect();
    for attempt in 0..input.failing_attempts.min(100) {
        pods.push(failing(PodSelector {
            attempt: Some(i64::from(attempt)),
            ..PodSelector::default()
        }));
    }
    pods.push(PodRule {
        run_for,
        exits_on_sigterm,
        ..PodRule::fallback()
    });
    let mut actions = Vec::new();
    let span = jobscope_diagnostic::Span::new(0, 0);
    if let Some(t) = input.evict_at {
        actions.push(Action {
            at: at(t),
            kind: ActionKind::DeletePod {
                selector: PodSelector {
                    pod: Some(0),
                    ..PodSelector::default()
                },
                evict: true,
            },
            span,
        });
    }
    for (when, suspend) in [(input.suspend_at, true), (input.resume_at, false)] {
        if let Some(t) = when {
            actions.push(Action {
                at: at(t),
                kind: ActionKind::Suspend(suspend),
                span,
            });
        }
    }
    if let Some((t, length)) = input.outage {
        actions.push(Action {
            at: at(t),
            kind: ActionKind::ControllerDown(length.clamp(0, 366 * 86_400) * SECOND),
            span,
        });
    }
    jobscope_sort::sort_by_key(&mut actions, |a| a.at);
    Scenario {
        manifest: String::new(),
        manifest_file: None,
        document: None,
        start,
        until: at(input.duration_seconds.max(1)),
        seed: input.seed,
        startup_delay: 2 * SECOND,
        pods,
        actions,
    }
}

/// One pod, for the Gantt chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PodBar {
    pub name: String,
    pub(crate) job: usize,
    pub index: Option<i32>,
    pub attempt: u32,
    /// The Gantt row (by index, or the first free slot of its Job; a CronJob's pods share
    /// slots across its Jobs).
    pub(crate) row: usize,
    pub(crate) created: Ms,
    pub(crate) started: Option<Ms>,
    /// When it reached Succeeded or Failed.
    pub(crate) finished: Option<Ms>,
    pub(crate) deleted: Option<Ms>,
    /// How it ended by the end of the simulation.
    pub(crate) outcome: PodState,
    pub exit_code: Option<i32>,
    pub restarts: u32,
    /// Evicted through the Eviction API.
    pub(crate) evicted: bool,
}

impl PodBar {
    /// The pod's state at `t` (`None` before it exists).
    pub fn state_at(&self, t: Ms) -> Option<PodState> {
        if t < self.created {
            return None;
        }
        match self.finished {
            Some(f) if f <= t => return Some(self.outcome),
            _ => {}
        }
        match self.started {
            Some(s) if s <= t => Some(PodState::Running),
            _ => Some(PodState::Pending),
        }
    }

    /// The bar's tip at `t`: the pod, its state then (with the exit code, an eviction), and
    /// what has happened to it by `t` (created, started, finished, with how long each took),
    /// in the chart's zone `clock` (a CronJob's `timeZone`) and, when that is not UTC, in the
    /// controller's UTC too. Built for every drawn bar of every frame, so clock times only
    /// (the pod's Job name carries the day).
    fn tip(&self, state: PodState, t: Ms, clock: &mut TipClock) -> String {
        let mut tip = self.name.clone();
        tip.push_str(&format!(" · attempt {}", self.attempt));
        if let Some(index) = self.index {
            tip.push_str(&format!(" · index {index}"));
        }
        tip.push('\n');
        tip.push_str(state.as_str());
        if let (PodState::Failed | PodState::Terminated, Some(code)) = (state, self.exit_code) {
            tip.push_str(&format!(" (exit code {code})"));
        }
        if self.evicted && matches!(state, PodState::Failed | PodState::Terminated) {
            tip.push_str(" · evicted (DisruptionTarget)");
        }
        tip.push_str(&format!("\ncreated {}", clock.time(self.created)));
        if let Some(started) = self.started.filter(|s| *s <= t) {
            tip.push_str(&format!(
                ",\nstarted {} after {}",
                clock.time(started),
                human_ms(started - self.created)
            ));
            if let Some(finished) = self.finished.filter(|f| *f <= t) {
                tip.push_str(&format!(
                    ",\nfinished {} after {}",
                    clock.time(finished),
                    human_ms(finished - started)
                ));
            }
        }
        tip
    }

    /// Where the bar ends at `t`.
    fn end_at(&self, t: Ms, until: Ms) -> Ms {
        // (`until` is where the chart ends: a pod still running then runs off its edge.)
        self.finished
            .or(self
                .deleted
                .filter(|_| self.outcome == PodState::Terminated))
            .unwrap_or(until)
            .min(t)
    }
}

/// `02:30:05`: a time of day `offset` seconds east of UTC, without the calendar a full date
/// needs.
fn clock(t: Ms, offset: i32) -> String {
    let seconds = (t.div_euclid(1000) + i64::from(offset)).rem_euclid(86_400);
    format!(
        "{:02}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}

/// Writes the times of a frame's tips: `02:30:05 UTC`, or in a CronJob's zone
/// `21:30:05 EST (02:30:05 UTC)`. One per frame, so the zone's offsets are looked up in one
/// memo for all its bars (the abbreviation is looked up per time).
struct TipClock {
    zone: Zone,
    clock: ZoneClock,
}

impl TipClock {
    fn new(zone: Zone) -> Self {
        TipClock {
            zone,
            clock: ZoneClock::new(zone),
        }
    }

    fn time(&mut self, t: Ms) -> String {
        let utc = clock(t, 0);
        if self.zone == Zone::Utc {
            return format!("{utc} UTC");
        }
        let unix = t.div_euclid(1000);
        let offset = self.clock.offset_at(unix);
        if offset == 0 && self.zone.abbreviation(unix) == "UTC" {
            return format!("{utc} UTC");
        }
        format!(
            "{} {} ({utc} UTC)",
            clock(t, offset),
            self.zone.abbreviation(unix)
        )
    }
}

/// A span of milliseconds as the page writes durations (`90 s`, `12 min`), or `400 ms` under a
/// second.
fn human_ms(ms: Ms) -> String {
    if (0..1000).contains(&ms) {
        format!("{ms} ms")
    } else {
        jobscope_playback::human_seconds(ms / 1000)
    }
}

/// An event line as `kubectl describe` prints it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventLine {
    pub time: Ms,
    pub warning: bool,
    pub reason: &'static str,
    pub object: String,
    pub from: &'static str,
    pub message: String,
}

/// One Job's statuses over time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct JobTrack {
    pub(crate) name: String,
    pub(crate) created: Ms,
    pub(crate) gone: Option<Ms>,
    pub(crate) history: Vec<(Ms, JobStatus)>,
}

impl JobTrack {
    pub(crate) fn status_at(&self, t: Ms) -> Option<&JobStatus> {
        if t < self.created || self.gone.is_some_and(|g| g <= t) {
            return None;
        }
        let n = self.history.partition_point(|(at, _)| *at <= t);
        self.history.get(n.checked_sub(1)?).map(|(_, s)| s)
    }
}

/// A series' values over time (`None` once it disappears).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SeriesTrack {
    pub(crate) name: &'static str,
    pub(crate) labels: jobscope_sim::metrics::Labels,
    pub(crate) points: Vec<(Ms, Option<i64>)>,
}

impl SeriesTrack {
    pub(crate) fn value_at(&self, t: Ms) -> Option<i64> {
        let n = self.points.partition_point(|(at, _)| *at <= t);
        self.points.get(n.checked_sub(1)?)?.1
    }

    pub(crate) fn label(&self, key: &str) -> Option<&str> {
        self.labels
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| &**v)
    }
}

/// When an alert rule was pending and firing for one series.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlertSpan {
    pub rule: &'static str,
    pub subject: String,
    pub pending: Ms,
    pub firing: Ms,
    /// When it stopped firing (`None`: still firing at the end).
    pub resolved: Option<Ms>,
}

/// A finished simulation, ready to play back.
#[derive(Clone, Debug, PartialEq)]
pub struct Recording {
    pub start: Ms,
    /// Where the simulation ended (`until`, unless a limit stopped it first).
    pub(crate) end: Ms,
    /// Where the charts and the scrubber end: a little after the last change (a Job done in
    /// ten minutes of a one-hour run fills the chart, not its first sixth).
    pub shown_end: Ms,
    pub kind: &'static str,
    pub name: String,
    /// The zone the charts' axes and tips are written in: a CronJob's `spec.timeZone`, else
    /// the controller's UTC.
    pub(crate) zone: Zone,
    pub(crate) stopped: &'static str,
    pub pods: Vec<PodBar>,
    pub(crate) rows: Vec<String>,
    /// Each row's tip: its pods over the whole run and how they ended.
    pub(crate) row_tips: Vec<String>,
    /// Pods not drawn (beyond [`MAX_ROWS`] or [`MAX_BARS`]).
    pub(crate) hidden_pods: usize,
    pub(crate) jobs: Vec<JobTrack>,
    pub events: Vec<EventLine>,
    pub(crate) series: Vec<SeriesTrack>,
    /// Each charted metric summed over its series at every change point (see `chart`),
    /// computed once: charts are redrawn at every step of the playback.
    pub(crate) totals: Vec<(&'static str, Vec<(Ms, i64)>)>,
    pub alerts: Vec<AlertSpan>,
    pub notes: Vec<String>,
    pub(crate) tasks_run: u64,
    /// Whether the simulation had finished (run to its end or stopped by a limit) when it was
    /// recorded; a recording of a run still going is a preview of what happened so far.
    pub complete: bool,
}

/// What the player shows at one virtual time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snapshot {
    pub(crate) time: Ms,
    /// Jobs that exist at `t`, newest last, with their status then.
    pub jobs: Vec<(String, JobStatus)>,
    pub pods_pending: usize,
    pub pods_running: usize,
    pub pods_succeeded: usize,
    pub pods_failed: usize,
    /// Events that happened by `t`.
    pub events_so_far: usize,
    pub alerts_firing: Vec<String>,
}

fn pod_outcome(pod: &jobscope_sim::model::Pod) -> PodState {
    match pod.phase {
        Phase::Succeeded => PodState::Succeeded,
        Phase::Failed
            if pod
                .deletion
                .is_some_and(|(at, _)| pod.finished.is_none_or(|f| f >= at)) =>
        {
            PodState::Terminated
        }
        Phase::Failed => PodState::Failed,
        Phase::Running if pod.deletion.is_some() || pod.gone.is_some() => PodState::Terminated,
        Phase::Running => PodState::Running,
        Phase::Pending if pod.deletion.is_some() || pod.gone.is_some() => PodState::Terminated,
        Phase::Pending => PodState::Pending,
    }
}

/// The series a recording keeps: what the charts draw and the alert rules read.
pub(crate) const RECORDED_SERIES: &[&str] = &[
    "kube_job_status_active",
    "kube_job_status_succeeded",
    "kube_job_status_failed",
    "kube_job_status_start_time",
    "kube_cronjob_status_active",
    "kube_cronjob_next_schedule_time",
    "kube_cronjob_spec_suspend",
];

/// Records a finished simulation (all at once; see [`Recorder`] for steps).
pub fn record(sim: &Simulation) -> Recording {
    Recorder::new(sim).finish()
}

/// Objects whose metrics one step reads at most (a batch shares its label texts).
const OBJECTS_PER_BATCH: usize = 256;

/// Records a finished simulation in steps, so a browser can paint between them: pods, then
/// Jobs, then events, then each object's metric series, a unit of work each; then the
/// finishing stages, one per step: the series put in order, each alert rule, each charted
/// sum. A month of a minutely CronJob is about 350,000 units (half a second in the browser at
/// once; each finishing stage is a few tens of milliseconds there).
pub struct Recorder<'s> {
    sim: &'s Simulation,
    indexed: bool,
    next_pod: usize,
    rows: Vec<String>,
    row_of: BTreeMap<(usize, i32), usize>,
    /// Non-indexed pods: per Job, the slot rows and when each frees up; a CronJob's pods all
    /// in one group ([`SHARED`]).
    slots: BTreeMap<usize, Vec<(usize, Ms)>>,
    pods: Vec<PodBar>,
    hidden: usize,
    jobs: Vec<JobTrack>,
    events: Vec<EventLine>,
    next_object: usize,
    series: Vec<SeriesTrack>,
    /// Where the recording ends (see `finish`).
    end: Ms,
    /// Finishing stages done: ordering the series, each alert rule, each charted sum.
    stages_done: usize,
    alerts: Vec<AlertSpan>,
    totals: Vec<(&'static str, Vec<(Ms, i64)>)>,
}

/// The finishing stages: the series' order, the alert rules, the charted sums.
const FINISH_STAGES: usize = 1 + RULES.len() + CHARTED_METRICS.len();

impl<'s> Recorder<'s> {
    pub fn new(sim: &'s Simulation) -> Self {
        Recorder {
            sim,
            indexed: sim.pods().iter().any(|p| p.index.is_some()),
            next_pod: 0,
            rows: Vec::new(),
            row_of: BTreeMap::new(),
            slots: BTreeMap::new(),
            pods: Vec::with_capacity(sim.pods().len().min(MAX_BARS)),
            hidden: 0,
            jobs: Vec::with_capacity(sim.jobs().len()),
            events: Vec::with_capacity(sim.events().len()),
            next_object: 0,
            series: Vec::new(),
            // Nothing changes after the last task: the world stands still until `until`. Only
            // a simulation cut short by its limits ends where it stopped.
            end: match sim.stopped() {
                Some(jobscope_sim::Stop::EventLimit) | None => sim.now().max(sim.start()),
                Some(_) => sim.until().max(sim.start()),
            },
            stages_done: 0,
            alerts: Vec::new(),
            totals: Vec::new(),
        }
    }

    fn units(&self) -> usize {
        let sim = self.sim;
        sim.pods().len()
            + sim.jobs().len()
            + sim.events().len()
            + sim.metric_objects()
            + FINISH_STAGES
    }

    fn done(&self) -> usize {
        self.next_pod + self.jobs.len() + self.events.len() + self.next_object + self.stages_done
    }

    /// The share of the work done, 0 to 1.
    pub fn progress(&self) -> f64 {
        match self.units() {
            0 => 1.0,
            units => self.done() as f64 / units as f64,
        }
    }

    /// Does up to `budget` units of work; returns whether everything is read.
    pub fn step(&mut self, budget: usize) -> bool {
        let sim = self.sim;
        let mut left = budget;
        while left > 0 {
            if let Some(pod) = sim.pods().get(self.next_pod) {
                self.record_pod(pod);
                self.next_pod += 1;
                left -= 1;
            } else if let Some(job) = sim.jobs().get(self.jobs.len()) {
                self.jobs.push(JobTrack {
                    name: job.name.clone(),
                    created: job.created,
                    gone: job.gone_at,
                    history: job.history.clone(),
                });
                left -= 1;
            } else if let Some(event) = sim.events().get(self.events.len()) {
                self.events.push(EventLine {
                    time: event.time,
                    warning: event.warning,
                    reason: event.reason,
                    object: sim.object_name(event.object),
                    from: match event.object {
                        ObjectRef::Job(_) => "job-controller",
                        ObjectRef::CronJob => "cronjob-controller",
                    },
                    message: sim.message_text(&event.message),
                });
                left -= 1;
            } else if self.next_object < sim.metric_objects() {
                let batch = left.clamp(1, OBJECTS_PER_BATCH);
                let objects =
                    self.next_object..(self.next_object + batch).min(sim.metric_objects());
                left -= objects.len();
                self.next_object = objects.end;
                self.record_series(objects);
            } else if self.stages_done < FINISH_STAGES {
                // A stage is a few milliseconds of work: the step ends after it.
                self.finish_stage(self.stages_done);
                self.stages_done += 1;
                left = 0;
            } else {
                return true;
            }
        }
        self.done() >= self.units()
    }

    fn finish_stage(&mut self, stage: usize) {
        let (start, end) = (self.sim.start(), self.end);
        if stage == 0 {
            self.series = order_series(std::mem::take(&mut self.series));
        } else if let Some(rule) = RULES.get(stage - 1) {
            let spans = rule_alerts(rule, &self.series, start, end);
            self.alerts.extend(spans);
        } else if let Some(&metric) = CHARTED_METRICS.get(stage - 1 - RULES.len()) {
            let totals = metric_totals(&self.series, metric, start);
            self.totals.push((metric, totals));
        }
    }

    fn record_pod(&mut self, pod: &Pod) {
        let sim = self.sim;
        let outcome = pod_outcome(pod);
        let deleted = pod.deletion.map(|(at, _)| at);
        let finished = pod.finished.or(if outcome == PodState::Terminated {
            pod.gone.or(deleted)
        } else {
            None
        });
        let busy_until = finished.or(pod.gone).unwrap_or(Ms::MAX);
        // Past the bars drawn, a pod takes no row either (a row of no bars would say nothing).
        if self.pods.len() >= MAX_BARS {
            self.hidden += 1;
            return;
        }
        let rows = &mut self.rows;
        // A CronJob's pods share slots: its Jobs come one after another, so rows per Job would
        // spend the chart's rows on its first Jobs (a minutely schedule's first two hours) and
        // leave the rest undrawn; shared, the rows show how many run at once.
        let cron = sim.cron().is_some();
        let row = if let (false, true, Some(index)) = (cron, self.indexed, pod.index) {
            match self.row_of.get(&(pod.job, index)) {
                Some(&row) => Some(row),
                None if rows.len() < MAX_ROWS => {
                    rows.push(format!("index {index}"));
                    self.row_of.insert((pod.job, index), rows.len() - 1);
                    Some(rows.len() - 1)
                }
                None => None,
            }
        } else {
            let group = if cron { SHARED } else { pod.job };
            let job_slots = self.slots.entry(group).or_default();
            match job_slots.iter_mut().find(|(_, free)| *free <= pod.created) {
                Some((row, free)) => {
                    *free = busy_until;
                    Some(*row)
                }
                None if rows.len() < MAX_ROWS => {
                    rows.push(format!("slot {}", job_slots.len()));
                    job_slots.push((rows.len() - 1, busy_until));
                    Some(rows.len() - 1)
                }
                None => None,
            }
        };
        match row {
            Some(row) if self.pods.len() < MAX_BARS => self.pods.push(PodBar {
                name: pod.name.clone(),
                job: pod.job,
                index: pod.index,
                attempt: pod.attempt,
                row,
                created: pod.created,
                started: pod.started,
                finished,
                deleted,
                outcome,
                exit_code: pod.exit_code(),
                restarts: pod.restarts(),
                evicted: pod.evicted(),
            }),
            _ => self.hidden += 1,
        }
    }

    /// The series the charts and the alert rules read (a month of a minutely CronJob has 1.6
    /// million samples of 25 series per Job), object by object: an object has a few series,
    /// found by a short linear search instead of hashing every sample's labels.
    fn record_series(&mut self, objects: std::ops::Range<usize>) {
        let series = &mut self.series;
        self.sim.metrics_of_objects(
            |name| RECORDED_SERIES.contains(&name),
            objects,
            |samples| {
                let first = series.len();
                for sample in samples {
                    let found = series[first..]
                        .iter()
                        .position(|s| s.name == sample.name && s.labels == sample.labels);
                    let at = match found {
                        Some(at) => first + at,
                        None => {
                            series.push(SeriesTrack {
                                name: sample.name,
                                labels: sample.labels.clone(),
                                points: Vec::new(),
                            });
                            series.len() - 1
                        }
                    };
                    series[at].points.push((sample.time, sample.value));
                }
            },
        );
    }

    /// Does what is left (reading, ordering the series, the alert rules, the charted sums)
    /// and gives the recording.
    pub fn finish(mut self) -> Recording {
        while !self.step(usize::MAX) {}
        let sim = self.sim;
        let end = self.end;
        let (kind, name) = match &sim.cron() {
            Some(cron) => ("CronJob", cron.name.clone()),
            None => (
                "Job",
                sim.jobs()
                    .first()
                    .map(|j| j.name.clone())
                    .unwrap_or_default(),
            ),
        };
        // A zone the controller would refuse never gets this far (the simulation needs a valid
        // manifest), so an unknown name falls back to UTC only in theory.
        let zone = sim
            .cron()
            .and_then(|cron| cron.spec.time_zone.as_deref())
            .and_then(Zone::iana)
            .unwrap_or(Zone::Utc);
        let row_tips = row_tips(&self.rows, &self.pods, self.hidden > 0);
        let series = self.series;
        let mut alerts = self.alerts;
        jobscope_sort::sort_by_key(&mut alerts, |a| (a.firing, a.rule));
        let pods = self.pods;
        let last_change = [
            sim.events().last().map(|e| e.time),
            pods.iter()
                .filter_map(|p: &PodBar| p.finished.or(p.deleted))
                .max(),
            alerts.iter().map(|a| a.resolved.unwrap_or(a.firing)).max(),
            series
                .iter()
                .filter_map(|s| s.points.last().map(|p| p.0))
                .max(),
        ]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(end);
        let margin = ((last_change - sim.start()) / 20).max(60 * SECOND);
        let shown_end = if sim.stopped().is_none() {
            // A preview of a run still going spans the whole run: its chart keeps its scale
            // while the rest fills it in (and the page redraws only the new bars).
            sim.until().max(sim.start() + SECOND)
        } else {
            last_change
                .saturating_add(margin)
                .clamp(sim.start() + SECOND, end.max(sim.start() + SECOND))
        };
        Recording {
            start: sim.start(),
            end,
            shown_end,
            kind,
            name,
            zone,
            stopped: sim.stopped().map_or("running", |s| s.as_str()),
            pods,
            rows: self.rows,
            row_tips,
            hidden_pods: self.hidden,
            jobs: self.jobs,
            events: self.events,
            totals: self.totals,
            series,
            alerts,
            notes: sim.notes().iter().map(|n| n.message.clone()).collect(),
            tasks_run: sim.tasks_run(),
            complete: sim.stopped().is_some(),
        }
    }
}

/// A tip for each Gantt row: `slot 0: 3 pods over the whole run (1 Succeeded, 2 Failed)`, or
/// `3 pods drawn` when the chart leaves some pods out (`hidden`).
fn row_tips(rows: &[String], pods: &[PodBar], hidden: bool) -> Vec<String> {
    const STATES: [PodState; 5] = [
        PodState::Succeeded,
        PodState::Failed,
        PodState::Terminated,
        PodState::Running,
        PodState::Pending,
    ];
    let mut counts = vec![[0usize; STATES.len()]; rows.len()];
    for pod in pods {
        if let (Some(row), Some(state)) = (
            counts.get_mut(pod.row),
            STATES.iter().position(|s| *s == pod.outcome),
        ) {
            row[state] += 1;
        }
    }
    rows.iter()
        .zip(counts)
        .map(|(name, counts)| {
            let total: usize = counts.iter().sum();
            let parts: Vec<String> = STATES
                .iter()
                .zip(counts)
                .filter(|(_, n)| *n > 0)
                .map(|(state, n)| format!("{n} {}", state.as_str()))
                .collect();
            format!(
                "{name}: {total} {} {} ({})",
                if total == 1 { "pod" } else { "pods" },
                if hidden {
                    "drawn"
                } else {
                    "over the whole run"
                },
                parts.join(", ")
            )
        })
        .collect()
}

/// The series in key order (name, then labels), one track per key.
fn order_series(series: Vec<SeriesTrack>) -> Vec<SeriesTrack> {
    // The tracks come object by object, so each name's tracks are already in label order
    // (objects are listed by creation, and their names usually sort that way): bucket by
    // name, then a sort that finds the runs in place.
    let mut names: Vec<&'static str> = series.iter().map(|s| s.name).collect();
    names.sort_unstable();
    names.dedup();
    let mut buckets: Vec<Vec<SeriesTrack>> = names.iter().map(|_| Vec::new()).collect();
    for track in series {
        if let Ok(at) = names.binary_search(&track.name) {
            buckets[at].push(track);
        }
    }
    // Two objects with one name (a Job deleted and created again) write the same series:
    // one track, its points in time order.
    let mut merged: Vec<SeriesTrack> = Vec::new();
    for mut bucket in buckets {
        // std's sort: a month has thousands of series per name (see jobscope_sort).
        bucket.sort_by(|a, b| labels_cmp(&a.labels, &b.labels));
        for track in bucket {
            match merged.last_mut() {
                Some(last)
                    if last.name == track.name
                        && labels_cmp(&last.labels, &track.labels).is_eq() =>
                {
                    last.points.extend(track.points);
                    // std's sort: a series can hold a month of points.
                    last.points.sort_by_key(|(t, _)| *t);
                }
                _ => merged.push(track),
            }
        }
    }
    merged
}

/// The metrics the player charts (the CronJob's only for a CronJob).
pub(crate) const CHARTED_METRICS: &[&str] = &[
    "kube_job_status_active",
    "kube_job_status_succeeded",
    "kube_job_status_failed",
    "kube_cronjob_status_active",
];

/// The object a series is about: its Job's name, or the CronJob's.
fn series_object(track: &SeriesTrack) -> &str {
    track
        .label("job_name")
        .or(track.label("cronjob"))
        .unwrap_or("")
}

/// A metric summed over every series of that name at each of their change points (and
/// `start`): per Job (or CronJob) the largest value of its series of that name, at least 0
/// (the reason variants of `kube_job_status_failed` count once per Job), summed. Linear in
/// the points: each object's value changes become deltas of one running sum (evaluating every
/// series at every point took seconds for a month of a minutely CronJob).
pub(crate) fn metric_totals(series: &[SeriesTrack], metric: &str, start: Ms) -> Vec<(Ms, i64)> {
    let tracks: Vec<&SeriesTrack> = series.iter().filter(|s| s.name == metric).collect();
    let mut times: Vec<Ms> = tracks
        .iter()
        .flat_map(|s| s.points.iter().map(|p| p.0))
        .collect();
    times.push(start);
    times.sort_unstable();
    times.dedup();
    // One group per Job (or CronJob). The series are in key order, where an object's series
    // of one name are neighbours, so most groups are runs; a key seen again (out of order
    // input) joins its earlier group.
    let mut groups: Vec<Vec<&SeriesTrack>> = Vec::new();
    let mut group_of: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for track in &tracks {
        let k = series_object(track);
        match groups.last_mut() {
            Some(last) if last.first().is_some_and(|t| series_object(t) == k) => last.push(track),
            _ => match group_of.get(k) {
                Some(&at) => groups[at].push(track),
                None => {
                    group_of.insert(k, groups.len());
                    groups.push(vec![track]);
                }
            },
        }
    }
    let mut deltas: Vec<(Ms, i64)> = Vec::new();
    let mut changes: Vec<Ms> = Vec::new();
    for group in &groups {
        changes.clear();
        changes.extend(group.iter().flat_map(|s| s.points.iter().map(|p| p.0)));
        changes.sort_unstable();
        changes.dedup();
        let mut previous = 0;
        for &at in &changes {
            let value = group
                .iter()
                .filter_map(|s| s.value_at(at))
                .fold(0, i64::max);
            if value != previous {
                deltas.push((at, value - previous));
                previous = value;
            }
        }
    }
    // std's sort: one delta per point of every series.
    deltas.sort_by_key(|d| d.0);
    let (mut total, mut next) = (0i64, 0);
    times
        .into_iter()
        .map(|at| {
            while let Some(&(when, delta)) = deltas.get(next)
                && when <= at
            {
                total = total.saturating_add(delta);
                next += 1;
            }
            (at, total)
        })
        .collect()
}

/// The alert rules of the example PrometheusRule (`shared/examples/prometheus-rules.yaml`, kept
/// as the fixture `tests/fixtures/validate/examples/prometheus-rules.yaml`): name, the PromQL
/// expression, the series it watches, `for:` in seconds, and its condition for one series at a
/// time. `holds` implements `expr` for the series kube-state-metrics writes; a test reads the
/// example and fails when a rule's name, `for:` or expression differs from it.
struct Rule {
    name: &'static str,
    expr: &'static str,
    series: &'static str,
    /// The metric chart the page draws the rule's alerts on.
    chart: &'static str,
    for_seconds: i64,
    /// Where the condition can change besides the series' own points (a time comparison
    /// flips at value + threshold).
    threshold_seconds: Option<i64>,
    holds: fn(&Alerting<'_>, &SeriesTrack, Ms) -> bool,
}

/// What the rules look up besides their own series.
struct Alerting<'a> {
    active_by_job: std::collections::HashMap<&'a str, &'a SeriesTrack>,
}

const RULES: &[Rule] = &[
    Rule {
        name: "KubernetesJobFailed",
        expr: "kube_job_status_failed > 0",
        series: "kube_job_status_failed",
        chart: "kube_job_status_failed",
        for_seconds: 60,
        threshold_seconds: None,
        holds: |_, s, t| s.value_at(t).is_some_and(|v| v > 0),
    },
    Rule {
        name: "KubernetesJobRunningTooLong",
        expr: "time() - kube_job_status_start_time{job_name!=\"\"} > 7200 and kube_job_status_active > 0",
        series: "kube_job_status_start_time",
        chart: "kube_job_status_active",
        for_seconds: 300,
        threshold_seconds: Some(7200),
        holds: |ctx, s, t| {
            let job = s.label("job_name").unwrap_or_default();
            !job.is_empty()
                && s.value_at(t)
                    .is_some_and(|start| t.div_euclid(SECOND) - start > 7200)
                && ctx
                    .active_by_job
                    .get(job)
                    .and_then(|a| a.value_at(t))
                    .is_some_and(|a| a > 0)
        },
    },
    Rule {
        name: "CronJobNotScheduled",
        expr: "time() - kube_cronjob_next_schedule_time > 3600",
        series: "kube_cronjob_next_schedule_time",
        chart: "kube_cronjob_status_active",
        for_seconds: 600,
        threshold_seconds: Some(3600),
        holds: |_, s, t| {
            s.value_at(t)
                .is_some_and(|next| t.div_euclid(SECOND) - next > 3600)
        },
    },
    Rule {
        name: "CronJobSuspended",
        expr: "kube_cronjob_spec_suspend == 1",
        series: "kube_cronjob_spec_suspend",
        chart: "kube_cronjob_status_active",
        for_seconds: 24 * 3600,
        threshold_seconds: None,
        holds: |_, s, t| s.value_at(t) == Some(1),
    },
];

/// One rule's spans, series by series (unsorted; see `evaluate_alerts`).
fn rule_alerts(rule: &Rule, series: &[SeriesTrack], start: Ms, end: Ms) -> Vec<AlertSpan> {
    let ctx = Alerting {
        active_by_job: series
            .iter()
            .filter(|s| s.name == "kube_job_status_active")
            .filter_map(|s| Some((s.label("job_name")?, s)))
            .collect(),
    };
    let mut alerts = Vec::new();
    for track in series.iter().filter(|s| s.name == rule.series) {
        // Only a series that ever holds a value can make its condition true.
        if track.points.iter().all(|(_, v)| v.is_none()) {
            continue;
        }
        let subject = track
            .label("job_name")
            .or(track.label("cronjob"))
            .unwrap_or("")
            .to_owned();
        let mut changes: Vec<Ms> = vec![start];
        for &(at, value) in &track.points {
            changes.push(at);
            if let (Some(threshold), Some(v)) = (rule.threshold_seconds, value) {
                // `t_seconds - v > threshold` first holds one second after v + threshold.
                changes.push((v + threshold + 1).saturating_mul(SECOND));
            }
        }
        if let Some(active) = track
            .label("job_name")
            .and_then(|j| ctx.active_by_job.get(j))
        {
            changes.extend(active.points.iter().map(|p| p.0));
        }
        changes.retain(|&t| t >= start && t <= end);
        changes.sort_unstable();
        changes.dedup();
        let mut pending: Option<Ms> = None;
        let mut open: Option<AlertSpan> = None;
        for (i, &at) in changes.iter().enumerate() {
            let next = changes.get(i + 1).copied().unwrap_or(end);
            if (rule.holds)(&ctx, track, at) {
                let since = *pending.get_or_insert(at);
                let fires = since.saturating_add(rule.for_seconds * SECOND);
                if open.is_none() && fires <= next && fires <= end {
                    open = Some(AlertSpan {
                        rule: rule.name,
                        subject: subject.clone(),
                        pending: since,
                        firing: fires,
                        resolved: None,
                    });
                }
            } else {
                pending = None;
                if let Some(mut span) = open.take() {
                    span.resolved = Some(at);
                    alerts.push(span);
                }
            }
        }
        alerts.extend(open);
    }
    alerts
}

impl Recording {
    pub fn snapshot(&self, t: Ms) -> Snapshot {
        let jobs = self
            .jobs
            .iter()
            .filter_map(|job| job.status_at(t).map(|s| (job.name.clone(), s.clone())))
            .collect();
        let mut snapshot = Snapshot {
            time: t,
            jobs,
            pods_pending: 0,
            pods_running: 0,
            pods_succeeded: 0,
            pods_failed: 0,
            events_so_far: self.events.partition_point(|e| e.time <= t),
            alerts_firing: self
                .alerts
                .iter()
                .filter(|a| a.firing <= t && a.resolved.is_none_or(|r| r > t))
                .map(|a| format!("{} {}", a.rule, a.subject))
                .collect(),
        };
        for pod in &self.pods {
            match pod.state_at(t) {
                Some(PodState::Pending) => snapshot.pods_pending += 1,
                Some(PodState::Running) => snapshot.pods_running += 1,
                Some(PodState::Succeeded) => snapshot.pods_succeeded += 1,
                Some(PodState::Failed | PodState::Terminated) => snapshot.pods_failed += 1,
                None => {}
            }
        }
        snapshot
    }

    /// The run's time axis for zooming (`jobscope_playback::frame::run_axis`).
    pub fn axis(&self) -> Axis {
        jobscope_playback::frame::run_axis(self.start, self.shown_end)
    }

    /// The stretch of virtual time the charts show: the view (milliseconds from the start; see
    /// [`Recording::axis`]) when it lies inside the run, else the whole run.
    pub fn shown(&self, view: Option<(i64, i64)>) -> (Ms, Ms) {
        match view {
            Some((from, to)) if 0 <= from && from < to && to <= self.axis().length => {
                (self.start + from, self.start + to)
            }
            _ => (self.start, self.shown_end.max(self.start + 1)),
        }
    }

    /// Where `t` lands on a chart `width` wide (already a [`layout_width`]) that shows `range`.
    fn x(t: Ms, width: f64, (from, to): (Ms, Ms)) -> f64 {
        let span = (to - from).max(1) as f64;
        LABEL + ((t - from) as f64 / span).clamp(0.0, 1.0) * (width - LABEL - 10.0)
    }

    /// The Gantt chart at `t`, `width` CSS pixels wide, over the stretch `range` of the run
    /// ([`Recording::shown`]): one row per index or slot, pods coloured by their state then,
    /// under a time axis in the recording's zone whose ticks follow the stretch shown.
    pub fn gantt(&self, t: Ms, width: f64, range: (Ms, Ms)) -> Scene {
        let width = layout_width(width);
        let rows_end = TOP + ROW * self.rows.len().max(1) as f64;
        let height = rows_end + AXIS + if self.hidden_pods > 0 { NOTE } else { 0.0 };
        let zoomed = range != self.shown(None);
        let zone = self.zone;
        let mut s = Scene::new(
            width,
            height,
            if zoomed {
                format!(
                    "Pods of {} {} from {} to {}",
                    self.kind,
                    self.name,
                    jobscope_golang::time::format_readable(instant(range.0), zone),
                    jobscope_golang::time::format_readable(instant(range.1), zone),
                )
            } else {
                format!("Pods of {} {} over time", self.kind, self.name)
            },
        );
        self.time_axis(&mut s, width, range, (TOP - 4.0, rows_end), rows_end + 16.0);
        // The zone's clock changes inside the stretch: a line down the rows, a marker on top.
        let (from, to) = (instant(range.0), instant(range.1));
        for (at, text) in clock_changes(from, to, zone) {
            let x = Self::x(at.unix.saturating_mul(1000), width, range);
            s.line((x, TOP - 4.0), (x, rows_end), Paint::Warning, 1.0);
            s.marker(x, TOP - 2.0, Paint::Warning, text);
        }
        for (n, row) in self.rows.iter().enumerate() {
            let y = TOP + ROW * n as f64;
            s.text_styled(
                8.0,
                y + 14.0,
                row.clone(),
                Paint::Muted,
                Anchor::Start,
                TEXT,
                false,
            );
            if let Some(tip) = self.row_tips.get(n) {
                s.with_tip(tip.clone());
            }
        }
        let mut clock = TipClock::new(zone);
        for pod in &self.pods {
            let Some(state) = pod.state_at(t) else {
                continue;
            };
            let end = pod.end_at(t, self.shown_end);
            // Outside the stretch shown: not drawn.
            if end < range.0 || pod.created > range.1 {
                continue;
            }
            let y = TOP + ROW * pod.row as f64 + 2.0;
            let x0 = Self::x(pod.created, width, range);
            let started = pod.started.filter(|s| *s <= t);
            // A bar too narrow to point at carries no tip (zooming in gives it room): a month's
            // chart of thousands of slivers would otherwise send and diff their text every frame.
            let mut tip = |w: f64| (w >= POINTABLE).then(|| pod.tip(state, t, &mut clock));
            match started {
                Some(started) => {
                    let xs = Self::x(started, width, range);
                    if xs > x0 {
                        s.rect(x0, y, xs - x0, ROW - 6.0, Paint::Pending, None);
                    }
                    let xe = Self::x(end, width, range).max(xs + 1.5);
                    s.outcome_bar(xs, y, xe - xs, ROW - 6.0, state.paint(), tip(xe - xs));
                }
                None => {
                    let xe = Self::x(end, width, range).max(x0 + 1.5);
                    s.outcome_bar(x0, y, xe - x0, ROW - 6.0, state.paint(), tip(xe - x0));
                }
            }
        }
        if !(range.0..=range.1).contains(&t) {
            // The time shown lies outside the stretch drawn: no cursor.
            self.hidden_note(&mut s, height);
            return s;
        }
        let cursor = Self::x(t, width, range);
        s.line((cursor, TOP - 6.0), (cursor, rows_end), Paint::Ink, 1.0);
        // The time beside the cursor stays inside the chart at either end (a 25-character
        // time is about 150 px at 12 px).
        let anchor = if cursor > width - 80.0 {
            Anchor::End
        } else if cursor < LABEL + 80.0 {
            Anchor::Start
        } else {
            Anchor::Middle
        };
        s.text_styled(
            cursor,
            TOP - 10.0,
            format_rfc3339(instant(t), zone),
            Paint::Ink,
            anchor,
            TEXT,
            false,
        );
        self.hidden_note(&mut s, height);
        s
    }

    /// The time axis of a chart over `range`: grid lines from `lines.0` to `lines.1`, labels
    /// at `label_y`, in the recording's zone, from the ticks every chart shares
    /// ([`jobscope_scene::time_axis`]).
    fn time_axis(
        &self,
        s: &mut Scene,
        width: f64,
        range: (Ms, Ms),
        lines: (f64, f64),
        label_y: f64,
    ) {
        // Ticks fall on whole seconds: the range widened to them.
        let from = jobscope_golang::time::Instant::from_unix(range.0.div_euclid(1000));
        let to = jobscope_golang::time::Instant::from_unix(range.1.div_euclid(1000) + 1);
        let axis = ticks(from, to, self.zone);
        let inside: Vec<_> = axis
            .into_iter()
            .filter(|tick| (range.0..=range.1).contains(&tick.at.unix.saturating_mul(1000)))
            .collect();
        draw_ticks(
            s,
            &inside,
            |at| Self::x(at.unix.saturating_mul(1000), width, range),
            lines,
            label_y,
        );
    }

    /// The line under the Gantt chart that says how many pods it leaves out, if any.
    fn hidden_note(&self, s: &mut Scene, height: f64) {
        if self.hidden_pods > 0 {
            s.text(
                8.0,
                height - 6.0,
                format!(
                    "{} more pods not drawn (the chart shows {MAX_ROWS} rows and {MAX_BARS} pods)",
                    self.hidden_pods
                ),
                Paint::Muted,
            );
        }
    }

    /// A metric summed over every series of that name (the reason variants of
    /// `kube_job_status_failed` count once per Job, by their largest value), as a step chart
    /// up to `t`, with the spans where an alert on it fired.
    pub fn chart(&self, metric: &'static str, t: Ms, width: f64, range: (Ms, Ms)) -> Scene {
        let width = layout_width(width);
        let height = 110.0;
        let computed;
        let totals: &[(Ms, i64)] = match self.totals.iter().find(|(m, _)| *m == metric) {
            Some((_, totals)) => totals,
            None => {
                computed = metric_totals(&self.series, metric, self.start);
                &computed
            }
        };
        // At most a few hundred steps drawn: sample the change points evenly.
        let stride = (totals.len() / 400).max(1);
        let points: Vec<(Ms, i64)> = totals
            .iter()
            .step_by(stride)
            .copied()
            .filter(|&(at, _)| at <= t)
            .collect();
        let max = points.iter().map(|p| p.1).max().unwrap_or(0).max(1);
        let y = |v: i64| height - 20.0 - (v as f64 / max as f64) * (height - 40.0);
        let mut s = Scene::new(width, height, format!("{metric} over time"));
        s.text(8.0, 16.0, metric, Paint::Ink);
        s.text_styled(
            8.0,
            32.0,
            format!("max {max}"),
            Paint::Muted,
            Anchor::Start,
            TEXT,
            false,
        );
        self.time_axis(&mut s, width, range, (12.0, y(0)), height - 4.0);
        s.line((LABEL, y(0)), (width - 10.0, y(0)), Paint::Grid, 1.0);
        // Alerts that overlap on screen are drawn as one span per rule (a month of a failing
        // minutely CronJob fires tens of thousands): the chart stays a few hundred items.
        for rule in RULES.iter().filter(|r| r.chart == metric) {
            let mut merged: Vec<(f64, f64, usize, &str)> = Vec::new();
            for alert in self
                .alerts
                .iter()
                .filter(|a| a.rule == rule.name && a.firing <= t)
            {
                let x1 = Self::x(alert.firing, width, range);
                let x2 =
                    Self::x(alert.resolved.unwrap_or(self.end).min(t), width, range).max(x1 + 2.0);
                match merged.last_mut() {
                    Some(last) if x1 <= last.1 + 1.0 => {
                        last.1 = last.1.max(x2);
                        last.2 += 1;
                    }
                    _ => merged.push((x1, x2, 1, &alert.subject)),
                }
            }
            for (x1, x2, count, first) in merged {
                let (firing, fires) = if count == 1 {
                    (
                        format!("{} firing for {first}", rule.name),
                        format!("{} fires for {first}", rule.name),
                    )
                } else {
                    (
                        format!("{} firing for {count} objects, from {first}", rule.name),
                        format!("{} fires for {first}", rule.name),
                    )
                };
                s.rect_alpha(
                    x1,
                    12.0,
                    x2 - x1,
                    height - 32.0,
                    Paint::Alert,
                    0.15,
                    Some(firing),
                );
                s.marker(x1, 12.0, Paint::Alert, fires);
            }
        }
        let mut line = Vec::with_capacity(points.len() * 2 + 1);
        for (i, &(at, v)) in points.iter().enumerate() {
            if i > 0 {
                line.push((Self::x(at, width, range), y(points[i - 1].1)));
            }
            line.push((Self::x(at, width, range), y(v)));
        }
        if let Some(&(_, v)) = points.last() {
            line.push((Self::x(t, width, range), y(v)));
        }
        s.polyline(line, Paint::Run, 2.0);
        s
    }
}

impl Recording {
    /// What the page keeps for the whole playback.
    pub fn summary(&self) -> Summary {
        Summary {
            start: self.start,
            shown_end: self.shown_end,
            kind: self.kind.to_owned(),
            name: self.name.clone(),
            notes: self.notes.clone(),
            conclusions: if self.complete {
                self.conclusions()
            } else {
                Vec::new()
            },
            alerts_total: self.alerts.len(),
            complete: self.complete,
            alerts: self
                .alerts
                .iter()
                .take(MAX_SUMMARY_ALERTS)
                .map(|a| AlertRow {
                    rule: a.rule.to_owned(),
                    expr: alert_expression(a.rule).unwrap_or_default().to_owned(),
                    subject: a.subject.clone(),
                    pending: a.pending,
                    firing: a.firing,
                    resolved: a.resolved,
                })
                .collect(),
        }
    }

    /// What the run comes to: how the Job ended and why, or for a CronJob how many Jobs it
    /// created and how they ended, with the reasons of the failures (the `Failed` condition's
    /// reason and message, as `kubectl describe` shows them).
    pub(crate) fn conclusions(&self) -> Vec<String> {
        fn last(job: &JobTrack) -> Option<&JobStatus> {
            job.history.last().map(|(_, status)| status)
        }
        let mut out = Vec::new();
        if self.kind == "Job" {
            for job in &self.jobs {
                let failed_pods = self
                    .pods
                    .iter()
                    .filter(|p| p.outcome == PodState::Failed)
                    .count();
                out.push(match last(job).and_then(JobStatus::finished) {
                    Some(c) if c.kind == ConditionKind::Complete => format!(
                        "{} completed {} after it was created{}.",
                        job.name,
                        human_ms(c.time - job.created),
                        match failed_pods {
                            0 => String::new(),
                            1 => ", after 1 failed pod was replaced".to_owned(),
                            n => format!(", after {n} failed pods were replaced"),
                        }
                    ),
                    Some(c) => format!(
                        "{} failed {} after it was created: {} ({}).",
                        job.name,
                        human_ms(c.time - job.created),
                        c.reason,
                        c.message
                    ),
                    None => format!(
                        "{} had not finished when the simulation stopped, {} after it was created.",
                        job.name,
                        human_ms(self.end - job.created)
                    ),
                });
            }
            return out;
        }
        let (mut completed, mut failed) = (0, 0);
        // Failure reasons in the order first seen, with how many Jobs each ended.
        let mut reasons: Vec<(String, usize)> = Vec::new();
        for job in &self.jobs {
            match last(job).and_then(JobStatus::finished) {
                Some(c) if c.kind == ConditionKind::Complete => completed += 1,
                Some(c) => {
                    failed += 1;
                    let reason = format!("{} ({})", c.reason, c.message);
                    match reasons.iter_mut().find(|(r, _)| *r == reason) {
                        Some((_, n)) => *n += 1,
                        None => reasons.push((reason, 1)),
                    }
                }
                None => {}
            }
        }
        let created = self.jobs.len();
        let unfinished = created - completed - failed;
        let mut parts = Vec::new();
        for (n, what) in [
            (completed, "completed"),
            (failed, "failed"),
            (unfinished, "had not finished"),
        ] {
            if n > 0 {
                parts.push(format!("{n} {what}"));
            }
        }
        out.push(format!(
            "{} created {} in {} of simulated time{}{}.",
            self.name,
            crate::outcome::number(created, "Job"),
            human_ms(self.end - self.start),
            if parts.is_empty() { "" } else { ": " },
            parts.join(", ")
        ));
        for (reason, n) in reasons.iter().take(3) {
            out.push(format!(
                "{} failed with {reason}.",
                match n {
                    1 => "1 Job".to_owned(),
                    n if *n == failed && failed > 1 => format!("All {n} failed Jobs"),
                    n => format!("{n} Jobs"),
                }
            ));
        }
        out
    }

    /// The metrics this recording's player charts (the CronJob's only for a CronJob).
    fn charted(&self) -> impl Iterator<Item = &'static str> + '_ {
        CHARTED_METRICS
            .iter()
            .copied()
            .filter(|m| self.kind == "CronJob" || !m.starts_with("kube_cronjob"))
    }

    /// Everything the player shows at `t`, its charts `width` CSS pixels wide over the whole
    /// run, bounded whatever the run's size.
    pub fn frame(&self, t: Ms, width: f64) -> Frame {
        self.frame_in(t, width, None)
    }

    /// The same with the charts over the view `view` of the run (milliseconds from its start;
    /// see [`Recording::axis`]; `None` or a view outside the run: all of it). The frame names
    /// the view it was asked for, so the page can tell which request it answers.
    pub fn frame_in(&self, t: Ms, width: f64, view: Option<(i64, i64)>) -> Frame {
        let range = self.shown(view);
        let t = t.clamp(self.start, self.shown_end.max(self.start));
        let snapshot = self.snapshot(t);
        let jobs = snapshot
            .jobs
            .iter()
            .rev()
            .take(MAX_FRAME_JOBS)
            .map(|(name, status)| JobRow {
                name: name.clone(),
                active: status.active,
                ready: status.ready,
                terminating: status.terminating,
                succeeded: status.succeeded,
                failed: status.failed,
                conditions: status
                    .conditions
                    .iter()
                    .filter(|c| c.status)
                    .map(|c| {
                        if c.reason.is_empty() {
                            c.kind.as_str().to_owned()
                        } else {
                            format!("{} ({})", c.kind.as_str(), c.reason)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
            })
            .collect();
        let existing: Vec<(&PodBar, PodState)> = self
            .pods
            .iter()
            .filter_map(|p| p.state_at(t).map(|state| (p, state)))
            .collect();
        let pods = existing
            .iter()
            .rev()
            .take(MAX_FRAME_PODS)
            .map(|&(pod, state)| PodRow {
                name: pod.name.clone(),
                index: pod.index,
                attempt: pod.attempt,
                state,
                exit_code: pod
                    .exit_code
                    .filter(|_| matches!(state, PodState::Failed | PodState::Terminated)),
                restarts: pod.restarts,
            })
            .collect();
        let shown = snapshot.events_so_far;
        let events = self.events[shown.saturating_sub(MAX_FRAME_EVENTS)..shown]
            .iter()
            .map(|e| EventRow {
                time: e.time,
                warning: e.warning,
                reason: e.reason.to_owned(),
                object: e.object.clone(),
                from: e.from.to_owned(),
                message: e.message.clone(),
            })
            .collect();
        Frame {
            time: t,
            view,
            gantt: self.gantt(t, width, range),
            charts: self
                .charted()
                .map(|m| self.chart(m, t, width, range))
                .collect(),
            jobs,
            pods_pending: snapshot.pods_pending,
            pods_running: snapshot.pods_running,
            pods_succeeded: snapshot.pods_succeeded,
            pods_failed: snapshot.pods_failed,
            pods_existing: existing.len(),
            pods,
            events_so_far: shown,
            events,
            alerts_firing_total: snapshot.alerts_firing.len(),
            alerts_firing: snapshot
                .alerts_firing
                .into_iter()
                .take(MAX_FRAME_ALERTS)
                .collect(),
            next_event: self.events.get(shown).map(|e| e.time),
        }
    }
}

/// The metric chart an alert rule is drawn on.
pub fn alert_metric(rule: &str) -> Option<&'static str> {
    RULES.iter().find(|r| r.name == rule).map(|r| r.chart)
}

/// An alert rule's PromQL expression, as the example PrometheusRule writes it.
pub fn alert_expression(rule: &str) -> Option<&'static str> {
    RULES.iter().find(|r| r.name == rule).map(|r| r.expr)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::with_subject;
    use jobscope_golang::time::parse_rfc3339;
    use jobscope_playback::{EVICTION_IGNORING_SIGTERM, PRESETS, preset};
    use jobscope_scene::geometry::WIDTH;

    /// The rules implemented here are the example PrometheusRule's: same alerts in the same
    /// order, same `for:` and the same expression (white space aside).
    #[test]
    fn the_alert_rules_are_the_example_prometheus_rules() {
        let text = include_str!("../../../tests/fixtures/validate/examples/prometheus-rules.yaml");
        let stream = jobscope_yaml::parse_stream(text);
        let document = stream.documents[0]
            .value
            .as_ref()
            .expect("the example parses");
        let items = |value: Option<&jobscope_yaml::Value>| match value.map(|v| &v.kind) {
            Some(jobscope_yaml::ValueKind::Seq(items)) => items.clone(),
            _ => Vec::new(),
        };
        let mut written = Vec::new();
        for group in items(document.get("spec").and_then(|s| s.get("groups"))) {
            for rule in items(group.get("rules")) {
                let text = |key: &str| rule.get(key).and_then(|v| v.as_str()).unwrap_or_default();
                let for_seconds = jobscope_golang::duration::parse_go_duration(text("for"))
                    .expect("a duration")
                    / 1_000_000_000;
                let expr = text("expr")
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                written.push((text("alert").to_owned(), expr, for_seconds));
            }
        }
        let implemented: Vec<(String, String, i64)> = RULES
            .iter()
            .map(|r| (r.name.to_owned(), r.expr.to_owned(), r.for_seconds))
            .collect();
        assert_eq!(implemented, written);
    }

    const JOB: &str = "apiVersion: batch/v1\nkind: Job\nmetadata: {name: pi}\nspec:\n  completions: 4\n  parallelism: 2\n  completionMode: Indexed\n  backoffLimit: 6\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{name: main, image: busybox}]\n";

    fn run(input: &PlayerInput, manifest: &str) -> Recording {
        let mut sim = with_subject(manifest, |subject| {
            Simulation::new(&scenario(input), subject)
        })
        .unwrap();
        sim.run_to_end();
        record(&sim)
    }

    /// Recording in small steps gives what recording at once gives, with progress rising to 1.
    #[test]
    fn stepwise_recording_is_the_same_recording() {
        let start = parse_rfc3339("2026-03-01T10:00:00Z").unwrap();
        let cron = "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: \"*/5 * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: main, image: busybox}]\n";
        for (input, manifest) in [
            (PlayerInput::for_kind(false, start), JOB),
            (PlayerInput::for_kind(true, start), cron),
        ] {
            let mut sim = with_subject(manifest, |subject| {
                Simulation::new(&scenario(&input), subject)
            })
            .unwrap();
            sim.run_to_end();
            let whole = record(&sim);
            let mut recorder = Recorder::new(&sim);
            let mut steps = 0;
            let mut progress = 0.0;
            while !recorder.step(2) {
                assert!(recorder.progress() >= progress);
                progress = recorder.progress();
                steps += 1;
            }
            assert!(steps > 3, "{steps} steps");
            assert_eq!(recorder.progress(), 1.0);
            assert_eq!(recorder.finish(), whole);
        }
    }

    /// The running-sum totals equal the definition: at each change point, per Job the largest
    /// value of its series (at least 0), summed.
    #[test]
    fn metric_totals_follow_their_definition() {
        let start = parse_rfc3339("2026-03-01T10:00:00Z").unwrap();
        let cron = "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: \"*/5 * * * *\"\n  concurrencyPolicy: Allow\n  jobTemplate:\n    spec:\n      backoffLimit: 1\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: main, image: busybox}]\n";
        let recordings = [
            run(&PlayerInput::for_kind(false, start), JOB),
            run(&PlayerInput::for_kind(true, start), cron),
        ];
        for rec in &recordings {
            for &metric in CHARTED_METRICS {
                let tracks: Vec<&SeriesTrack> =
                    rec.series.iter().filter(|s| s.name == metric).collect();
                let by_definition = |at: Ms| -> i64 {
                    let mut per_job: BTreeMap<&str, i64> = BTreeMap::new();
                    for track in &tracks {
                        if let Some(v) = track.value_at(at) {
                            let key = track
                                .label("job_name")
                                .or(track.label("cronjob"))
                                .unwrap_or("");
                            let slot = per_job.entry(key).or_insert(0);
                            *slot = (*slot).max(v);
                        }
                    }
                    per_job.values().sum()
                };
                let totals = metric_totals(&rec.series, metric, rec.start);
                assert!(!totals.is_empty());
                for &(at, total) in &totals {
                    assert_eq!(total, by_definition(at), "{metric} at {at}");
                }
            }
            assert!(
                rec.totals
                    .iter()
                    .any(|(_, t)| t.iter().any(|&(_, v)| v > 0))
            );
        }
    }

    #[test]
    fn a_failing_first_attempt_is_retried_on_its_row() {
        let start = parse_rfc3339("2026-03-01T10:00:00Z").unwrap();
        let input = PlayerInput::for_kind(false, start);
        let rec = run(&input, JOB);
        assert_eq!(rec.kind, "Job");
        assert_eq!(rec.rows, ["index 0", "index 1", "index 2", "index 3"]);
        // Every index fails once, then succeeds: 8 pods, the retry on the same row later.
        assert_eq!(rec.pods.len(), 8);
        for index in 0..4 {
            let on_row: Vec<&PodBar> = rec.pods.iter().filter(|p| p.index == Some(index)).collect();
            assert_eq!(on_row.len(), 2);
            assert_eq!(on_row[0].outcome, PodState::Failed);
            assert_eq!(on_row[1].outcome, PodState::Succeeded);
            assert!(on_row[1].created > on_row[0].finished.unwrap());
        }
        let end = rec.snapshot(rec.end);
        assert_eq!(end.pods_succeeded, 4);
        assert_eq!(end.pods_failed, 4);
        assert_eq!(
            rec.summary().conclusions,
            ["pi completed 5 min after it was created, after 4 failed pods were replaced."]
        );
        let (name, status) = &end.jobs[0];
        assert_eq!(name, "pi");
        assert!(
            status
                .condition(jobscope_sim::model::ConditionKind::Complete)
                .is_some()
        );
        // Before the start nothing exists; the Gantt grows with time.
        let early = rec.gantt(rec.start, WIDTH, rec.shown(None));
        let late = rec.gantt(rec.end, WIDTH, rec.shown(None));
        let bars = |s: &Scene| s.count(|i| matches!(i, jobscope_scene::Item::Rect { .. }));
        assert!(bars(&early) < bars(&late));
        assert!(rec.events.iter().any(|e| e.reason == "SuccessfulCreate"));
        // The failed pods make KubernetesJobFailed fire a minute after the first failure.
        let failed = rec
            .alerts
            .iter()
            .find(|a| a.rule == "KubernetesJobFailed")
            .unwrap();
        assert_eq!(failed.firing - failed.pending, 60 * SECOND);
        assert_eq!(failed.subject, "pi");
    }

    /// A CronJob in a zone gets its Gantt chart's axis, title and cursor in that zone, its
    /// bars' tips in that zone and UTC, and its rows' tips counting their pods.
    #[test]
    fn a_cronjob_in_a_zone_is_charted_in_its_zone() {
        let cron = "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: report}\nspec:\n  schedule: \"30 4 * * *\"\n  timeZone: America/New_York\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: main, image: busybox}]\n";
        // 8 March 2026 is the day New York moves to EDT (02:00 → 03:00).
        let start = parse_rfc3339("2026-03-07T00:00:00Z").unwrap();
        let mut input = PlayerInput::for_kind(true, start);
        input.failing_attempts = 0;
        input.duration_seconds = 3 * 86_400;
        let rec = run(&input, cron);
        assert_eq!(rec.pods.len(), 3, "{:?}", rec.rows);
        // 04:30 EST on the 7th is 09:30 UTC; 04:30 EDT on the 8th is 08:30 UTC.
        let created = |n: usize| {
            let mut clock = TipClock::new(rec.zone);
            let pod = &rec.pods[n];
            pod.tip(PodState::Succeeded, rec.end, &mut clock)
                .lines()
                .find(|line| line.starts_with("created"))
                .map(str::to_owned)
        };
        assert_eq!(
            created(0).as_deref(),
            Some("created 04:30:00 EST (09:30:00 UTC),")
        );
        assert_eq!(
            created(1).as_deref(),
            Some("created 04:30:00 EDT (08:30:00 UTC),")
        );
        // The whole run: the axis marks the days in New York.
        let whole = rec.shown(None);
        let gantt = rec.gantt(whole.1, WIDTH, whole);
        let texts: Vec<&str> = gantt.texts().collect();
        assert!(texts.contains(&"8 Mar"), "{texts:?}");
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("2026-03-") && t.ends_with("-04:00")),
            "the cursor in EDT: {texts:?}"
        );
        // An hour around the second run: ticks every 5 minutes, local.
        let second = rec.pods[1].created - rec.start;
        let view = Some((second - 30 * 60 * SECOND, second + 30 * 60 * SECOND));
        let zoomed = rec.gantt(rec.end, WIDTH, rec.shown(view));
        assert!(
            zoomed.title.contains("Sun 8 Mar 2026 04:00 EDT"),
            "{}",
            zoomed.title
        );
        assert!(zoomed.to_svg().contains(">04:30<"));
        // New York's clocks go forward inside the run: marked, with words.
        assert!(
            gantt
                .to_svg()
                .contains("Clocks go forward 1 h in America/New_York: 02:00 EST becomes 03:00 EDT"),
        );
        // The rows' tips count their pods.
        assert!(
            gantt
                .to_svg()
                .contains("slot 0: 3 pods over the whole run (3 Succeeded)"),
            "{:?}",
            rec.row_tips
        );
    }

    #[test]
    fn a_cronjob_gets_rows_per_job_and_a_suspension_alert() {
        let cron = "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: report}\nspec:\n  schedule: \"0 * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: main, image: busybox}]\n";
        let start = parse_rfc3339("2026-03-01T00:00:00Z").unwrap();
        let mut input = PlayerInput::for_kind(true, start);
        input.failing_attempts = 0;
        input.duration_seconds = 3 * 86_400;
        input.suspend_at = Some(6 * 3600);
        let rec = run(&input, cron);
        assert_eq!(rec.kind, "CronJob");
        // Hourly runs after creation (01:00 … 05:00); the suspension at 06:00 comes first.
        assert_eq!(rec.pods.len(), 5, "{:?}", rec.rows);
        assert_eq!(
            rec.summary().conclusions,
            ["report created 5 Jobs in 3 d of simulated time: 5 completed."]
        );
        // One after another, every Job's pod in the CronJob's first slot.
        assert_eq!(rec.rows, ["slot 0"]);
        let suspended = rec
            .alerts
            .iter()
            .find(|a| a.rule == "CronJobSuspended")
            .unwrap_or_else(|| {
                panic!(
                    "{:?}\n{:?}",
                    rec.alerts,
                    rec.series
                        .iter()
                        .filter(|s| s.name == "kube_cronjob_spec_suspend")
                        .collect::<Vec<_>>()
                )
            });
        assert!(suspended.firing >= rec.start + (6 + 24) * 3600 * SECOND);
        assert!(
            rec.chart(
                "kube_cronjob_status_active",
                rec.end,
                WIDTH,
                rec.shown(None)
            )
            .to_svg()
            .contains("CronJobSuspended")
        );
    }

    /// The eviction preset on the guide's two rule orders: the pod evicted at 60 s ignores
    /// SIGTERM, is killed at the end of its 30 s grace period (exit code 137) with
    /// `DisruptionTarget`, and the first matching rule decides: FailJob on 137 placed first
    /// fails the Job; the condition rule placed first ignores it and a new pod completes.
    #[test]
    fn the_eviction_preset_shows_which_rule_decides() {
        let start = parse_rfc3339("2026-03-01T10:00:00Z").unwrap();
        let preset = preset(EVICTION_IGNORING_SIGTERM).expect("the preset");
        assert_eq!(preset.rule, Some("lint.failure-policy-disruption-shadowed"));
        let input = preset.input(false, start);
        let rule_137 = "    - {action: FailJob, onExitCodes: {containerName: main, operator: In, values: [137]}}\n";
        let rule_disruption =
            "    - {action: Ignore, onPodConditions: [{type: DisruptionTarget}]}\n";
        let job = |rules: &str| {
            format!(
                "apiVersion: batch/v1\nkind: Job\nmetadata: {{name: resilient}}\nspec:\n  podFailurePolicy:\n    rules:\n{rules}  template:\n    spec:\n      restartPolicy: Never\n      containers: [{{name: main, image: busybox}}]\n"
            )
        };
        let evicted = |rec: &Recording| {
            let pod = &rec.pods[0];
            assert_eq!(
                pod.exit_code,
                Some(137),
                "killed at the end of the grace period"
            );
            // Started 2 s after creation, evicted at 60 s, SIGKILL 30 s later.
            assert_eq!(pod.finished, Some(rec.start + 90 * SECOND));
            // Its tip says so, and says only what has happened by the time shown.
            let lines = |t: Ms| {
                let mut clock = TipClock::new(Zone::Utc);
                let tip = pod.tip(pod.state_at(t).expect("the pod exists"), t, &mut clock);
                assert!(
                    tip.starts_with(&format!("{} · attempt 0", pod.name)),
                    "{tip}"
                );
                tip.lines().skip(1).map(str::to_owned).collect::<Vec<_>>()
            };
            assert_eq!(
                lines(rec.end),
                [
                    "Terminated (exit code 137) · evicted (DisruptionTarget)",
                    "created 10:00:00 UTC,",
                    "started 10:00:02 UTC after 2 s,",
                    "finished 10:01:30 UTC after 88 s",
                ]
            );
            assert_eq!(
                lines(rec.start + 30 * SECOND),
                [
                    "Running",
                    "created 10:00:00 UTC,",
                    "started 10:00:02 UTC after 2 s"
                ]
            );
            assert!(
                rec.gantt(rec.end, WIDTH, rec.shown(None))
                    .to_svg()
                    .contains("evicted (DisruptionTarget)")
            );
        };

        let trap = run(&input, &job(&format!("{rule_137}{rule_disruption}")));
        evicted(&trap);
        let [conclusion] = &trap.summary().conclusions[..] else {
            panic!("one sentence for one Job");
        };
        assert!(
            conclusion.starts_with("resilient failed 91 s after it was created: PodFailurePolicy (Container main for pod default/resilient-")
                && conclusion.ends_with("failed with exit code 137 matching FailJob rule at index 0)."),
            "{conclusion}"
        );
        let end = trap.snapshot(trap.end);
        let failed = end.jobs[0]
            .1
            .condition(jobscope_sim::model::ConditionKind::Failed)
            .expect("the Job fails");
        assert_eq!(failed.reason, "PodFailurePolicy");
        assert!(
            failed
                .message
                .contains("failed with exit code 137 matching FailJob rule at index 0"),
            "{}",
            failed.message
        );
        assert_eq!(trap.pods.len(), 1);

        let fixed = run(&input, &job(&format!("{rule_disruption}{rule_137}")));
        evicted(&fixed);
        let end = fixed.snapshot(fixed.end);
        let status = &end.jobs[0].1;
        assert!(
            status
                .condition(jobscope_sim::model::ConditionKind::Complete)
                .is_some()
        );
        assert_eq!(status.failed, 0, "the ignored failure is not counted");
        assert_eq!(fixed.pods.len(), 2);
    }

    /// Every preset builds a scenario for both kinds that runs for a while.
    #[test]
    fn every_preset_builds_a_scenario() {
        let start = parse_rfc3339("2026-03-01T10:00:00Z").unwrap();
        for preset in &PRESETS {
            for cronjob in [false, true] {
                let scenario = scenario(&preset.input(cronjob, start));
                assert!(scenario.until > scenario.start, "{}", preset.id);
            }
        }
    }

    /// A minutely CronJob's day: its pods share a few slot rows, so all of them are drawn
    /// (rows per Job would have drawn its first 120 Jobs, two hours).
    #[test]
    fn a_cronjob_s_pods_share_slots_across_its_jobs() {
        let cron = "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: often}\nspec:\n  schedule: \"* * * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: main, image: busybox}]\n";
        let start = parse_rfc3339("2026-03-01T00:00:00Z").unwrap();
        let mut input = PlayerInput::for_kind(true, start);
        input.failing_attempts = 0;
        input.duration_seconds = 86_400;
        let rec = run(&input, cron);
        assert!(rec.pods.len() >= 1_439, "{}", rec.pods.len());
        assert_eq!(rec.hidden_pods, 0);
        // Pods of 30 to 90 s, one a minute: never more than two at once.
        assert!((1..=2).contains(&rec.rows.len()), "{:?}", rec.rows);
        // No two pods of a row overlap.
        for row in 0..rec.rows.len() {
            let mut bars: Vec<&PodBar> = rec.pods.iter().filter(|p| p.row == row).collect();
            bars.sort_by_key(|p| p.created);
            for pair in bars.windows(2) {
                let end = pair[0].finished.or(pair[0].deleted).unwrap_or(Ms::MAX);
                assert!(
                    end <= pair[1].created,
                    "{} and {}",
                    pair[0].name,
                    pair[1].name
                );
            }
        }
    }

    #[test]
    fn big_jobs_are_drawn_within_the_limits() {
        let big = JOB
            .replace("completions: 4", "completions: 400")
            .replace("parallelism: 2", "parallelism: 50");
        let start = parse_rfc3339("2026-03-01T10:00:00Z").unwrap();
        let mut input = PlayerInput::for_kind(false, start);
        input.failing_attempts = 0;
        let rec = run(&input, &big);
        assert_eq!(rec.rows.len(), MAX_ROWS);
        assert_eq!(rec.pods.len() + rec.hidden_pods, 400);
        // Every row holds a bar, and its tip counts what is drawn, not the whole run.
        assert!(
            rec.row_tips
                .iter()
                .all(|tip| tip.contains(" drawn (") && !tip.contains(": 0 pods")),
            "{:?}",
            rec.row_tips
        );
        assert!(
            rec.gantt(rec.end, WIDTH, rec.shown(None))
                .to_svg()
                .contains("more pods not drawn")
        );
    }
}
