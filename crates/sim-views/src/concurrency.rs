//! The concurrency diagram's computation: one CronJob's coming runs under Allow, Forbid and Replace side by
//! side, for a job duration the user picks, computed by the controller simulation (so skipped
//! and replaced runs are exactly the controller's).

use jobscope_cron::Instant;
use jobscope_cron::controller::controller_evaluator;
use jobscope_cron::{NextTime, Zone};
use jobscope_diagnostic::Diagnostic;
use jobscope_sim::model::{ConcurrencyPolicy, ConditionKind};
use jobscope_sim::model::{instant, millis};
use jobscope_sim::scenario::{PodRule, RunFor, Scenario};
use jobscope_sim::{Simulation, Subject};

pub use jobscope_playback::{Concurrency, Outcome, Policy, PolicyLane, PolicyRun};

/// The most scheduled runs a diagram shows.
pub(crate) const MAX_RUNS: usize = 60;

/// Simulates `runs` scheduled runs of the CronJob `subject` from `start`, each Job's pod
/// running `duration_seconds`, under each policy.
pub fn concurrency(
    subject: Subject<'_>,
    start: Instant,
    duration_seconds: i64,
    runs: usize,
) -> Result<Concurrency, Vec<Diagnostic>> {
    let runs = runs.clamp(1, MAX_RUNS);
    let duration_seconds = duration_seconds.clamp(1, 30 * 24 * 3600);
    let mut scenario = Scenario {
        manifest: String::new(),
        manifest_file: None,
        document: None,
        start: millis(start),
        until: millis(start),
        seed: 0,
        startup_delay: 0,
        pods: vec![PodRule {
            run_for: RunFor::Fixed(duration_seconds * 1000),
            ..PodRule::fallback()
        }],
        actions: Vec::new(),
    };
    let probe = Simulation::new(&scenario, subject)?;
    let Some(cron) = &probe.cron() else {
        return Err(vec![Diagnostic::new(
            "timeline.not-cronjob",
            jobscope_diagnostic::Severity::Error,
            jobscope_diagnostic::Source::Jobscope,
            jobscope_diagnostic::Span::new(0, 0),
            "the concurrency diagram needs a CronJob".to_owned(),
        )]);
    };
    let name = cron.name.clone();
    let schedule = cron.spec.schedule.clone();
    let time_zone = cron.spec.time_zone.clone();
    let manifest_policy = cron.spec.concurrency_policy;
    let mut slots = Vec::new();
    if let Ok(mut eval) = controller_evaluator(&schedule, cron.spec.time_zone.as_deref(), Zone::Utc)
    {
        let mut t = start;
        while slots.len() < runs {
            match eval.next(t) {
                NextTime::At(at) => {
                    slots.push(at);
                    t = at;
                }
                _ => break,
            }
        }
    }
    let last = slots.last().copied().unwrap_or(start);
    // Room for the last run to finish, and the controller's 0.1 s and 1 s delays.
    let to = last.add_nanos((duration_seconds + 5) * 1_000_000_000);
    scenario.until = millis(to);
    let mut lanes = Vec::new();
    for policy in [
        ConcurrencyPolicy::Allow,
        ConcurrencyPolicy::Forbid,
        ConcurrencyPolicy::Replace,
    ] {
        let mut sim = Simulation::new(&scenario, subject)?;
        sim.set_concurrency_policy(policy);
        sim.run_to_end();
        let mut lane_runs = Vec::new();
        for job in sim.jobs() {
            // Only the runs of the chosen slots; later ones fall in the room left for the last.
            let Some(scheduled) = job.scheduled_time.filter(|&s| s <= millis(last)) else {
                continue;
            };
            let (end, outcome, reason) = match (job.status.finished(), job.deleted_at) {
                (Some(c), _) if c.kind == ConditionKind::Complete => {
                    (c.time, Outcome::Completed, String::new())
                }
                (Some(c), _) => (
                    c.time,
                    Outcome::Failed,
                    format!("{}: {}", c.reason, c.message),
                ),
                (None, Some(deleted)) => (deleted, Outcome::Replaced, String::new()),
                (None, None) => (millis(to), Outcome::Running, String::new()),
            };
            lane_runs.push(PolicyRun {
                name: job.name.clone(),
                scheduled: instant(scheduled),
                start: instant(job.created),
                end: instant(end),
                outcome,
                reason,
            });
        }
        let skipped = slots
            .iter()
            .copied()
            .filter(|slot| !lane_runs.iter().any(|r| r.scheduled == *slot))
            .collect();
        let max_concurrent =
            crate::outcome::most_at_once(lane_runs.iter().map(|r| (r.start, r.end)));
        lanes.push(PolicyLane {
            policy: match policy {
                ConcurrencyPolicy::Allow => Policy::Allow,
                ConcurrencyPolicy::Forbid => Policy::Forbid,
                ConcurrencyPolicy::Replace => Policy::Replace,
            },
            in_manifest: policy == manifest_policy,
            runs: lane_runs,
            skipped,
            max_concurrent,
        });
    }
    Ok(Concurrency {
        name,
        schedule,
        time_zone,
        duration_seconds,
        from: start,
        to,
        slots,
        lanes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::with_subject;
    use jobscope_golang::time::parse_rfc3339;

    const CRON: &str = "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: report}\nspec:\n  schedule: \"*/1 * * * *\"\n  concurrencyPolicy: Forbid\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers: [{name: main, image: busybox}]\n";

    #[test]
    fn long_jobs_show_each_policy() {
        let start = parse_rfc3339("2026-03-01T10:00:30Z").unwrap();
        let c = with_subject(CRON, |subject| concurrency(subject, start, 150, 6)).unwrap();
        assert_eq!(c.slots.len(), 6);
        let [allow, forbid, replace] = &c.lanes[..] else {
            panic!()
        };
        assert!(forbid.in_manifest && !allow.in_manifest);
        assert_eq!(allow.runs.len(), 6);
        assert!(allow.max_concurrent >= 3);
        assert!(!forbid.skipped.is_empty());
        assert_eq!(forbid.max_concurrent, 1);
        assert!(replace.runs.iter().any(|r| r.outcome == Outcome::Replaced));
        assert_eq!(replace.max_concurrent, 1);
    }
}
