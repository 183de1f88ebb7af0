//! The concurrency diagram's data: one CronJob's coming runs under Allow, Forbid and Replace
//! side by side, as the worker's simulation of the CronJob controller found them.

use jobscope_golang::time::Instant;
use serde::{Deserialize, Serialize};

/// A CronJob's `concurrencyPolicy`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Policy {
    Allow,
    Forbid,
    Replace,
}

impl Policy {
    pub fn as_str(self) -> &'static str {
        match self {
            Policy::Allow => "Allow",
            Policy::Forbid => "Forbid",
            Policy::Replace => "Replace",
        }
    }
}

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Completed,
    Failed,
    /// Deleted by the Replace policy before it finished.
    Replaced,
    /// Still running at the end of the window.
    Running,
}

impl Outcome {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Outcome::Completed => "completed",
            Outcome::Failed => "failed",
            Outcome::Replaced => "replaced",
            Outcome::Running => "running",
        }
    }
}

/// One Job of a policy's lane.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyRun {
    pub name: String,
    #[serde(with = "crate::codec::instant")]
    pub scheduled: Instant,
    #[serde(with = "crate::codec::instant")]
    pub start: Instant,
    #[serde(with = "crate::codec::instant")]
    pub end: Instant,
    pub outcome: Outcome,
}

/// One policy's runs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyLane {
    pub policy: Policy,
    /// The policy the manifest names.
    pub in_manifest: bool,
    pub runs: Vec<PolicyRun>,
    /// Scheduled times that got no Job.
    #[serde(with = "crate::codec::instants")]
    pub skipped: Vec<Instant>,
    pub max_concurrent: usize,
}

/// The diagram: the scheduled times and the three policies' lanes over one window.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concurrency {
    pub name: String,
    pub schedule: String,
    pub duration_seconds: i64,
    /// The window drawn.
    #[serde(with = "crate::codec::instant")]
    pub from: Instant,
    #[serde(with = "crate::codec::instant")]
    pub to: Instant,
    #[serde(with = "crate::codec::instants")]
    pub slots: Vec<Instant>,
    pub lanes: Vec<PolicyLane>,
}

impl Concurrency {
    /// Where an instant falls across the window, from 0 to 1.
    pub(crate) fn x(&self, t: Instant) -> f64 {
        let width = self.to.nanos_since(self.from) as f64;
        if width <= 0.0 {
            return 0.0;
        }
        (t.nanos_since(self.from) as f64 / width).clamp(0.0, 1.0)
    }
}
