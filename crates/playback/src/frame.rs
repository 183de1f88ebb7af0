//! A finished simulation as the page plays it back: its [`Summary`] (sent once) and its
//! [`Frame`] at a virtual time (sent for each position of the playback), both computed by the
//! worker from its recording.

use jobscope_scene::geometry::Axis;
use jobscope_scene::{Paint, Scene};
use serde::{Deserialize, Serialize};

use crate::Ms;

/// Jobs a frame lists (the newest).
pub const MAX_FRAME_JOBS: usize = 5;
/// Pods a frame lists (the newest that exist at its time).
pub const MAX_FRAME_PODS: usize = 50;
/// Events a frame lists (the latest by its time).
pub const MAX_FRAME_EVENTS: usize = 40;
/// Alerts a frame names as firing (a month of a failing minutely CronJob has thousands).
pub const MAX_FRAME_ALERTS: usize = 10;
/// Alert spans a summary lists (the first by firing time); the rest are counted.
pub const MAX_SUMMARY_ALERTS: usize = 100;

/// How a pod ended (or where it is, at a time).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PodState {
    Pending,
    Running,
    Succeeded,
    Failed,
    /// Deleted while running (Replace, a deadline, an eviction, a failure policy).
    Terminated,
}

impl PodState {
    pub fn as_str(self) -> &'static str {
        match self {
            PodState::Pending => "Pending",
            PodState::Running => "Running",
            PodState::Succeeded => "Succeeded",
            PodState::Failed => "Failed",
            PodState::Terminated => "Terminated",
        }
    }

    pub fn paint(self) -> Paint {
        match self {
            PodState::Pending => Paint::Pending,
            PodState::Running => Paint::Run,
            PodState::Succeeded => Paint::Succeeded,
            PodState::Failed => Paint::Failed,
            PodState::Terminated => Paint::Terminated,
        }
    }
}

/// When an alert rule was pending and firing for one series.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertRow {
    pub rule: String,
    /// The rule's PromQL expression, as the example PrometheusRule writes it.
    pub expr: String,
    pub subject: String,
    pub pending: Ms,
    pub firing: Ms,
    /// When it stopped firing (`None`: still firing at the end).
    pub resolved: Option<Ms>,
}

/// What does not change during the playback of one run.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub start: Ms,
    /// Where the charts and the scrubber end.
    pub shown_end: Ms,
    /// `Job` or `CronJob`.
    pub kind: String,
    pub name: String,
    /// The simulation's notes (limits reached, actions that found nothing to act on).
    pub notes: Vec<String>,
    /// What the run comes to, in sentences (how each Job ended and why); empty for a preview.
    pub conclusions: Vec<String>,
    /// The first [`MAX_SUMMARY_ALERTS`] alert spans by firing time.
    pub alerts: Vec<AlertRow>,
    /// All alert spans of the run.
    pub alerts_total: usize,
    /// False for the preview of a long run (its first day, sent while the rest is simulated):
    /// the complete summary follows.
    pub complete: bool,
}

/// The time axis of a recorded run, for zooming its charts: milliseconds from its start to
/// where the charts end; views of ten seconds or more, on whole seconds.
pub fn run_axis(start: Ms, shown_end: Ms) -> Axis {
    Axis {
        length: shown_end.saturating_sub(start).max(1),
        min: 10_000,
        grain: 1_000,
    }
}

impl Summary {
    /// The run's time axis ([`run_axis`]).
    pub fn axis(&self) -> Axis {
        run_axis(self.start, self.shown_end)
    }
}

/// One Job's status at a frame's time.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct JobRow {
    pub name: String,
    pub active: i32,
    pub ready: i32,
    pub terminating: i32,
    pub succeeded: i32,
    pub failed: i32,
    /// Its true conditions, `Type (Reason)`, comma-separated; empty when none.
    pub conditions: String,
}

/// One pod at a frame's time.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PodRow {
    pub name: String,
    pub index: Option<i32>,
    pub attempt: u32,
    pub state: PodState,
    /// Shown for a failed or deleted pod.
    pub exit_code: Option<i32>,
    pub restarts: u32,
}

/// An event line as `kubectl describe` prints it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct EventRow {
    pub time: Ms,
    pub warning: bool,
    pub reason: String,
    pub object: String,
    pub from: String,
    pub message: String,
}

/// The playback at one virtual time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Frame {
    pub time: Ms,
    /// The part of the run the charts show (milliseconds from its start), `None` for all of it:
    /// the request's view, echoed so the page knows which view a frame shows.
    pub view: Option<(i64, i64)>,
    /// The pods' Gantt chart up to `time`.
    pub gantt: Scene,
    /// One step chart per charted kube-state-metrics metric.
    pub charts: Vec<Scene>,
    /// Jobs that exist at `time`, newest first, at most [`MAX_FRAME_JOBS`].
    pub jobs: Vec<JobRow>,
    pub pods_pending: usize,
    pub pods_running: usize,
    pub pods_succeeded: usize,
    pub pods_failed: usize,
    /// Pods that exist at `time`, and the newest of them ([`MAX_FRAME_PODS`]), newest first.
    pub pods_existing: usize,
    pub pods: Vec<PodRow>,
    /// Events by `time`, and the latest of them ([`MAX_FRAME_EVENTS`]), oldest first.
    pub events_so_far: usize,
    pub events: Vec<EventRow>,
    /// `Rule subject` of the first [`MAX_FRAME_ALERTS`] alerts firing at `time`, and how many
    /// fire then.
    pub alerts_firing: Vec<String>,
    pub alerts_firing_total: usize,
    /// The first event after `time` (the player's "Next event").
    pub next_event: Option<Ms>,
}
