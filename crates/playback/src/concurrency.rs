//! The concurrency diagram's data: one CronJob's coming runs under Allow, Forbid and Replace
//! side by side, as the worker's simulation of the CronJob controller found them.

pub use jobscope_golang::duration::human_seconds;
use jobscope_golang::time::{Instant, Zone};
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
    /// Why a failed Job failed: its `Failed` condition's reason and message
    /// (`DeadlineExceeded: Job was active longer than specified deadline`); empty otherwise.
    pub reason: String,
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
    /// The CronJob's `spec.timeZone` (the controller's UTC without one): the zone the tips
    /// write times in.
    pub time_zone: Option<String>,
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
    /// The zone of the CronJob's schedule: its `spec.timeZone`, else the controller's UTC.
    pub(crate) fn zone(&self) -> Zone {
        self.time_zone
            .as_deref()
            .and_then(Zone::iana)
            .unwrap_or(Zone::Utc)
    }

    /// Where an instant falls across the window, from 0 to 1.
    pub(crate) fn x(&self, t: Instant) -> f64 {
        let width = self.to.nanos_since(self.from) as f64;
        if width <= 0.0 {
            return 0.0;
        }
        (t.nanos_since(self.from) as f64 / width).clamp(0.0, 1.0)
    }
}

impl Concurrency {
    /// The time between two scheduled runs, in seconds (the shortest gap in the window: a
    /// schedule with uneven gaps overlaps first where they are short); `None` with fewer than
    /// two runs.
    pub fn period_seconds(&self) -> Option<i64> {
        self.slots
            .windows(2)
            .map(|pair| pair[1].nanos_since(pair[0]) / 1_000_000_000)
            .filter(|gap| *gap > 0)
            .min()
    }

    /// What a person would conclude from the diagram, one sentence per policy, then a word on
    /// failures when every Job that ended failed: the sentences under the chart.
    pub fn conclusions(&self) -> Vec<String> {
        let duration = human_seconds(self.duration_seconds);
        let longer = self
            .period_seconds()
            .filter(|period| self.duration_seconds > *period)
            .map(|period| {
                format!(
                    " because each Job takes {duration}, longer than the {} between runs",
                    human_seconds(period)
                )
            })
            .unwrap_or_default();
        // The failure sentence comes first: when the job template ends every Job
        // early, that is the reason behind what each policy then does.
        let mut out = Vec::new();
        let ended: Vec<&PolicyRun> = self
            .lanes
            .iter()
            .flat_map(|lane| &lane.runs)
            .filter(|run| matches!(run.outcome, Outcome::Completed | Outcome::Failed))
            .collect();
        if !ended.is_empty() && ended.iter().all(|run| run.outcome == Outcome::Failed) {
            // One reason for all (the condition's reason and message): name it.
            let reason = ended
                .first()
                .map(|run| run.reason.as_str())
                .filter(|reason| {
                    !reason.is_empty() && ended.iter().all(|run| run.reason == *reason)
                });
            out.push(match reason {
                Some(reason) => format!(
                    "Every Job that ended failed, under every policy ({reason}): the job template ends Jobs before their {duration} of work is done."
                ),
                None => format!(
                    "Every Job that ended failed, under every policy: the job template ends Jobs of {duration} before they finish (its activeDeadlineSeconds, or a backoffLimit the failing pods use up)."
                ),
            });
        }
        for lane in &self.lanes {
            let runs = self.slots.len();
            let count =
                |outcome: Outcome| lane.runs.iter().filter(|r| r.outcome == outcome).count();
            let manifest = if lane.in_manifest {
                " (the manifest's policy)"
            } else {
                ""
            };
            out.push(match lane.policy {
                Policy::Allow if lane.max_concurrent > 1 => format!(
                    "Allow{manifest} runs up to {} Jobs at once{longer}.",
                    lane.max_concurrent
                ),
                Policy::Allow => format!(
                    "Allow{manifest} never runs two Jobs at once: each ends before the next run."
                ),
                Policy::Forbid if !lane.skipped.is_empty() => format!(
                    "Forbid{manifest} skips {} of {runs} runs{longer}.",
                    lane.skipped.len()
                ),
                Policy::Forbid => format!(
                    "Forbid{manifest} skips no run: each Job ends before the next one is due."
                ),
                Policy::Replace if count(Outcome::Replaced) > 0 => format!(
                    "Replace{manifest} deletes {} running Jobs to start the next run{}.",
                    count(Outcome::Replaced),
                    if count(Outcome::Completed) == 0 {
                        ", so no Job completes"
                    } else {
                        ""
                    }
                ),
                Policy::Replace => {
                    format!("Replace{manifest} replaces no Job: each ends before the next run.")
                }
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: i64) -> Instant {
        Instant::from_unix(1_767_225_600 + seconds)
    }

    fn run(start: i64, end: i64, outcome: Outcome) -> PolicyRun {
        PolicyRun {
            name: format!("job-{start}"),
            scheduled: at(start),
            start: at(start),
            end: at(end),
            outcome,
            reason: String::new(),
        }
    }

    fn lane(policy: Policy, runs: Vec<PolicyRun>, skipped: &[i64], max: usize) -> PolicyLane {
        PolicyLane {
            policy,
            in_manifest: policy == Policy::Forbid,
            runs,
            skipped: skipped.iter().map(|s| at(*s)).collect(),
            max_concurrent: max,
        }
    }

    /// Four runs a minute apart, each Job taking 90 s.
    fn long_jobs(outcome: Outcome) -> Concurrency {
        Concurrency {
            name: "report".to_owned(),
            schedule: "*/1 * * * *".to_owned(),
            time_zone: None,
            duration_seconds: 90,
            from: at(0),
            to: at(240),
            slots: (0..4).map(|n| at(60 * n)).collect(),
            lanes: vec![
                lane(
                    Policy::Allow,
                    (0..4).map(|n| run(60 * n, 60 * n + 90, outcome)).collect(),
                    &[],
                    2,
                ),
                lane(
                    Policy::Forbid,
                    vec![run(0, 90, outcome), run(120, 210, outcome)],
                    &[60, 180],
                    1,
                ),
                lane(
                    Policy::Replace,
                    vec![
                        run(0, 60, Outcome::Replaced),
                        run(60, 120, Outcome::Replaced),
                        run(120, 180, Outcome::Replaced),
                        run(180, 240, Outcome::Running),
                    ],
                    &[],
                    1,
                ),
            ],
        }
    }

    #[test]
    fn durations_read_as_people_write_them() {
        assert_eq!(human_seconds(90), "90 s");
        assert_eq!(human_seconds(720), "12 min");
        assert_eq!(human_seconds(5400), "90 min");
        assert_eq!(human_seconds(9000), "2 h 30 min");
        assert_eq!(human_seconds(7200), "2 h");
        assert_eq!(human_seconds(3 * 86_400), "3 d");
    }

    #[test]
    fn long_jobs_pile_up_get_skipped_or_replaced() {
        let diagram = long_jobs(Outcome::Completed);
        assert_eq!(diagram.period_seconds(), Some(60));
        assert_eq!(
            diagram.conclusions(),
            [
                "Allow runs up to 2 Jobs at once because each Job takes 90 s, longer than the 60 s between runs.",
                "Forbid (the manifest's policy) skips 2 of 4 runs because each Job takes 90 s, longer than the 60 s between runs.",
                "Replace deletes 3 running Jobs to start the next run, so no Job completes.",
            ]
        );
    }

    #[test]
    fn every_job_failing_is_said_once() {
        let conclusions = long_jobs(Outcome::Failed).conclusions();
        assert_eq!(conclusions.len(), 4);
        assert!(
            conclusions[0].starts_with("Every Job that ended failed, under every policy: "),
            "{conclusions:?}"
        );
        // The same reason for every failure: the sentence names it.
        let mut diagram = long_jobs(Outcome::Failed);
        for run in diagram.lanes.iter_mut().flat_map(|lane| &mut lane.runs) {
            run.reason =
                "DeadlineExceeded: Job was active longer than specified deadline".to_owned();
        }
        assert_eq!(
            diagram.conclusions()[0],
            "Every Job that ended failed, under every policy (DeadlineExceeded: Job was active longer than specified deadline): the job template ends Jobs before their 90 s of work is done."
        );
        // A completed Job anywhere: no such sentence.
        assert_eq!(long_jobs(Outcome::Completed).conclusions().len(), 3);
    }

    #[test]
    fn short_jobs_never_overlap() {
        let mut diagram = long_jobs(Outcome::Completed);
        diagram.duration_seconds = 30;
        for lane in &mut diagram.lanes {
            lane.skipped.clear();
            lane.max_concurrent = 1;
            lane.runs = (0..4)
                .map(|n| run(60 * n, 60 * n + 30, Outcome::Completed))
                .collect();
        }
        assert_eq!(
            diagram.conclusions(),
            [
                "Allow never runs two Jobs at once: each ends before the next run.",
                "Forbid (the manifest's policy) skips no run: each Job ends before the next one is due.",
                "Replace replaces no Job: each ends before the next run.",
            ]
        );
    }
}
