//! A finished simulation's outcome in a few sentences that can be compared: how each Job ended
//! (or how many of a CronJob's did), how many ran at once, the pods' fates, the simulation's
//! notes. The "differs between Kubernetes versions" table runs one simulation per version and
//! shows these lines where they are not the same.
//!
//! Read from the finished simulation itself, not from the player's recording (whose
//! `conclusions` say much the same in friendlier words): recording six runs per document would
//! cost more than simulating them, and the lines must be exact to be compared.
//!
//! Invariants: the lines name no Kubernetes version and no wall-clock time (times are offsets
//! from the run's start), so two versions that behave alike give equal lines; their number is
//! bounded ([`MAX_NOTES`] notes, one line per Job only for a plain Job).

use jobscope_golang::duration::format_go_duration;
use jobscope_sim::model::{ConditionKind, Job, Ms, Phase};
use jobscope_sim::{Simulation, Stop};

/// Notes quoted at most; more are counted.
pub const MAX_NOTES: usize = 3;

/// `t` as a Go duration after `start`: "2m31s".
fn after(start: Ms, t: Ms) -> String {
    format_go_duration(t.saturating_sub(start).saturating_mul(1_000_000))
}

/// When `job` stopped counting as running: it finished, or was deleted unfinished.
fn ended(job: &Job) -> Option<Ms> {
    job.status
        .finished()
        .map(|c| c.time)
        .or(job.deleted_at)
        .or(job.gone_at)
}

/// The most of `spans` (start, end) that overlap at one instant; one that ends as another
/// starts does not overlap it. The concurrency diagram's runs are counted the same way.
pub(crate) fn most_at_once<T: Ord>(spans: impl IntoIterator<Item = (T, T)>) -> usize {
    // +1 at a start, −1 at an end; at one instant the ends sort first.
    let mut edges: Vec<(T, i8)> = spans
        .into_iter()
        .flat_map(|(start, end)| [(start, 1), (end, -1)])
        .collect();
    jobscope_sort::sort(&mut edges);
    let (mut now, mut most) = (0_i64, 0_i64);
    for (_, change) in edges {
        now += i64::from(change);
        most = most.max(now);
    }
    usize::try_from(most).unwrap_or(0)
}

/// "1 Job", "3 Jobs".
pub(crate) fn number(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// "3 complete, 1 failed": the nonzero counts, or "none".
fn counted(parts: &[(usize, &str)]) -> String {
    let said: Vec<String> = parts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, what)| format!("{n} {what}"))
        .collect();
    if said.is_empty() {
        "none".to_owned()
    } else {
        said.join(", ")
    }
}

/// The outcome of `simulation` (run to its end) as comparable lines.
pub fn outcome_lines(simulation: &Simulation) -> Vec<String> {
    let start = simulation.start();
    let jobs = simulation.jobs();
    let mut lines = Vec::new();
    if simulation.cron().is_none() {
        for job in jobs {
            lines.push(match job.status.finished() {
                Some(c) => format!(
                    "Job {}: {} ({}) {} after the start",
                    job.name,
                    c.kind.as_str(),
                    c.reason,
                    after(start, c.time)
                ),
                None => format!(
                    "Job {}: not finished when the simulation ended ({} active)",
                    job.name, job.status.active
                ),
            });
        }
    } else {
        let kind = |k: ConditionKind| {
            jobs.iter()
                .filter(|j| j.status.finished().is_some_and(|c| c.kind == k))
                .count()
        };
        let unfinished = |deleted: bool| {
            jobs.iter()
                .filter(|j| j.status.finished().is_none() && j.deleted_at.is_some() == deleted)
                .count()
        };
        lines.push(format!(
            "{} created: {}",
            number(jobs.len(), "Job"),
            counted(&[
                (kind(ConditionKind::Complete), "complete"),
                (kind(ConditionKind::Failed), "failed"),
                (unfinished(true), "deleted unfinished"),
                (unfinished(false), "running at the end"),
            ])
        ));
        lines.push(format!(
            "at most {} running at once",
            number(
                most_at_once(jobs.iter().map(|job| {
                    let end = ended(job).unwrap_or(simulation.now());
                    (job.created, end.max(job.created))
                })),
                "Job"
            )
        ));
    }
    let pods = simulation.pods();
    let phase = |p: Phase| pods.iter().filter(|pod| pod.phase == p).count();
    lines.push(format!(
        "{}: {}",
        number(pods.len(), "pod"),
        counted(&[
            (phase(Phase::Succeeded), "succeeded"),
            (phase(Phase::Failed), "failed"),
            (
                phase(Phase::Running) + phase(Phase::Pending),
                "not finished"
            ),
        ])
    ));
    if simulation.stopped() == Some(Stop::EventLimit) {
        lines.push("stopped at the simulation's step limit".to_owned());
    }
    let notes = simulation.notes();
    for note in notes.iter().take(MAX_NOTES) {
        lines.push(format!(
            "note {} after the start: {}",
            after(start, note.time),
            note.message
        ));
    }
    let more = notes.len().saturating_sub(MAX_NOTES);
    if more > 0 {
        lines.push(format!("and {}", number(more, "more note")));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::with_subject;
    use jobscope_sim::parse_scenario;

    fn outcome(scenario: &str) -> Vec<String> {
        let scenario = parse_scenario(scenario).expect("scenario");
        with_subject(&scenario.manifest, |subject| {
            let mut simulation = Simulation::new(&scenario, subject).expect("simulation");
            simulation.run_to_end();
            outcome_lines(&simulation)
        })
    }

    #[test]
    fn a_job_says_how_and_when_it_ended() {
        let lines = outcome(
            "manifest: |\n  apiVersion: batch/v1\n  kind: Job\n  metadata: {name: once}\n  spec:\n    backoffLimit: 1\n    template:\n      spec:\n        restartPolicy: Never\n        containers: [{name: main, image: busybox}]\nuntil: 1h\npods:\n  - {runFor: 30s, exitCode: 1}\n",
        );
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(
            lines[0].starts_with("Job once: Failed (BackoffLimitExceeded) "),
            "{lines:?}"
        );
        assert_eq!(lines[1], "2 pods: 2 failed");
    }

    #[test]
    fn a_cronjob_counts_its_jobs_and_their_overlap() {
        let cron = "manifest: |\n  apiVersion: batch/v1\n  kind: CronJob\n  metadata: {name: report}\n  spec:\n    schedule: \"*/10 * * * *\"\n    concurrencyPolicy: POLICY\n    jobTemplate:\n      spec:\n        template:\n          spec:\n            restartPolicy: Never\n            containers: [{name: main, image: busybox}]\nuntil: 1h\npods:\n  - {runFor: 25m}\n";
        let allow = outcome(&cron.replace("POLICY", "Allow"));
        // Runs at 00:10 to 00:50, 25 minutes each: three overlap from 00:30.
        assert_eq!(allow[0], "5 Jobs created: 3 complete, 2 running at the end");
        assert_eq!(allow[1], "at most 3 Jobs running at once");
        let forbid = outcome(&cron.replace("POLICY", "Forbid"));
        assert_eq!(forbid[1], "at most 1 Job running at once");
        assert_ne!(allow, forbid);
    }

    #[test]
    fn notes_are_quoted_then_counted() {
        let patches: String = (1..=5)
            .map(|n| {
                format!(
                    "  - {{at: {n}s, patch: {{spec: {{completions: {}}}}}}}\n",
                    n + 1
                )
            })
            .collect();
        let lines = outcome(&format!(
            "manifest: |\n  apiVersion: batch/v1\n  kind: Job\n  metadata: {{name: once}}\n  spec:\n    template:\n      spec:\n        restartPolicy: Never\n        containers: [{{name: main, image: busybox}}]\nuntil: 1h\nactions:\n{patches}"
        ));
        let notes: Vec<&String> = lines.iter().filter(|l| l.starts_with("note ")).collect();
        assert_eq!(notes.len(), MAX_NOTES, "{lines:?}");
        assert!(
            notes[0].starts_with("note 1s after the start: "),
            "{notes:?}"
        );
        assert_eq!(lines.last().map(String::as_str), Some("and 2 more notes"));
    }
}
