//! The player's form as data: how the pods behave and what happens to the cluster, and the
//! presets that fill it. The page fills it, the worker turns it into a simulation scenario.

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
    /// Pods ignore SIGTERM: a deleted or evicted pod runs on until its grace period ends and
    /// is killed (exit code 137); otherwise it exits at once with 143.
    pub ignore_sigterm: bool,
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
            ignore_sigterm: false,
            suspend_at: None,
            resume_at: None,
            outage: None,
        }
    }
}

/// A named starting point for the player's form: a situation worth watching, with the lint rule
/// it demonstrates (whose documentation names it).
#[derive(Debug)]
pub struct Preset {
    /// Stable id (`eviction-ignoring-sigterm`).
    pub id: &'static str,
    pub title: &'static str,
    /// What to watch for, in a sentence.
    pub description: &'static str,
    /// The lint rule whose trap the preset shows (`lint.…`), if any.
    pub rule: Option<&'static str>,
    input: fn(bool, Instant) -> PlayerInput,
}

impl Preset {
    /// The form's input for a Job (`cronjob` false) or a CronJob, starting at `start`.
    pub fn input(&self, cronjob: bool, start: Instant) -> PlayerInput {
        (self.input)(cronjob, start)
    }
}

/// The preset that evicts a pod which ignores SIGTERM.
pub const EVICTION_IGNORING_SIGTERM: &str = "eviction-ignoring-sigterm";

/// Every preset, in the menu's order; the first is the form's default.
pub static PRESETS: [Preset; 2] = [
    Preset {
        id: "typical",
        title: "Typical run",
        description: "Pods take 30 to 90 s; the first attempt of pod 1 (or index 1) fails with exit code 1.",
        rule: None,
        input: PlayerInput::for_kind,
    },
    Preset {
        id: EVICTION_IGNORING_SIGTERM,
        title: "Eviction of a pod that ignores SIGTERM",
        description: "The first pod is evicted 60 s after the start (a node drain; a CronJob's only if a run has started by then): it gets DisruptionTarget, ignores SIGTERM, and is killed with SIGKILL (exit code 137) when its terminationGracePeriodSeconds run out. Watch which podFailurePolicy rule decides: with an exit-code rule on 137 before the DisruptionTarget rule, the Job fails.",
        rule: Some("lint.failure-policy-disruption-shadowed"),
        input: |cronjob, start| PlayerInput {
            duration_seconds: 3600,
            run_min_seconds: 600,
            run_max_seconds: 600,
            failing_attempts: 0,
            evict_at: Some(60),
            ignore_sigterm: true,
            ..PlayerInput::for_kind(cronjob, start)
        },
    },
];

/// The preset with this id.
pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|preset| preset.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ids are unique, the first preset is the form's default, and every preset runs for a while.
    #[test]
    fn presets_are_unique_and_the_first_is_the_default() {
        let start = Instant::from_millis(1_772_359_200_000);
        assert_eq!(
            PRESETS[0].input(true, start),
            PlayerInput::for_kind(true, start)
        );
        for (i, preset) in PRESETS.iter().enumerate() {
            assert!(PRESETS[..i].iter().all(|p| p.id != preset.id));
            assert_eq!(
                crate::input::preset(preset.id).map(|p| p.id),
                Some(preset.id)
            );
            for cronjob in [false, true] {
                assert!(preset.input(cronjob, start).duration_seconds > 0);
            }
        }
    }
}
