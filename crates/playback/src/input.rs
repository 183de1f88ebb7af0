//! The player's form as data: how the pods behave and what happens to the cluster. The page
//! fills it, the worker turns it into a simulation scenario.

use jobscope_golang::time::Instant;
use serde::{Deserialize, Serialize};

/// The player's form: how pods behave and what happens to the cluster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlayerInput {
    #[serde(with = "crate::codec::instant")]
    pub start: Instant,
    /// How long to simulate.
    pub duration_seconds: i64,
    pub seed: u64,
    /// Each pod runs between these many seconds (equal for a fixed duration).
    pub run_min_seconds: i64,
    pub run_max_seconds: i64,
    /// The first this many attempts (of each index) fail.
    pub failing_attempts: u32,
    /// These completion indexes always fail.
    pub failing_indexes: Vec<i64>,
    pub exit_code: i32,
    /// Evict the first pod this many seconds after the start (a disruption).
    pub evict_at: Option<i64>,
    pub suspend_at: Option<i64>,
    pub resume_at: Option<i64>,
    /// (when, for how long) no controller acts.
    pub outage: Option<(i64, i64)>,
}

impl PlayerInput {
    /// Something sensible for a manifest: an hour for a Job, a day for a CronJob; pods that
    /// take 30 to 90 seconds; the first attempt of index 1 (or pod 1) fails with 1.
    pub fn for_kind(cronjob: bool, start: Instant) -> PlayerInput {
        PlayerInput {
            start,
            duration_seconds: if cronjob { 24 * 3600 } else { 3600 },
            seed: 1,
            run_min_seconds: 30,
            run_max_seconds: 90,
            failing_attempts: 1,
            failing_indexes: Vec::new(),
            exit_code: 1,
            evict_at: None,
            suspend_at: None,
            resume_at: None,
            outage: None,
        }
    }
}
