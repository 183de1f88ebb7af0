//! kube-state-metrics series derived from the simulated objects' histories, as its job and
//! cronjob stores write them (internal/store/job.go, cronjob.go), including the
//! `kube_job_status_failed` quirk (its `reason` series carry 1/0 by the Failed condition's
//! reason, not the count). Every change of a series is a sample; `None` when it disappears.

use std::collections::BTreeMap;

use super::engine::{Simulation, instant, millis};
use super::model::{CronJobSpec, CronJobStatus, Job, JobSpec, JobStatus, Ms, SECOND};
use crate::cron::controller::controller_evaluator;

/// One change of one series.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sample {
    pub time: Ms,
    pub name: &'static str,
    pub labels: Vec<(&'static str, String)>,
    pub value: Option<i64>,
}

type Series = BTreeMap<(&'static str, Vec<(&'static str, String)>), i64>;

fn seconds(t: Ms) -> i64 {
    t.div_euclid(SECOND)
}

fn put(
    series: &mut Series,
    name: &'static str,
    labels: &[(&'static str, String)],
    extra: &[(&'static str, &str)],
    value: i64,
) {
    let mut all: Vec<(&'static str, String)> = labels.to_vec();
    all.extend(extra.iter().map(|(k, v)| (*k, (*v).to_owned())));
    series.insert((name, all), value);
}

fn condition_series(
    series: &mut Series,
    name: &'static str,
    labels: &[(&'static str, String)],
    status: Option<bool>,
) {
    if let Some(status) = status {
        put(
            series,
            name,
            labels,
            &[("condition", "true")],
            i64::from(status),
        );
        put(
            series,
            name,
            labels,
            &[("condition", "false")],
            i64::from(!status),
        );
        put(series, name, labels, &[("condition", "unknown")], 0);
    }
}

/// The series of one Job in one state.
fn job_series(
    job: &Job,
    owner: Option<&str>,
    spec: &JobSpec,
    status: &JobStatus,
    namespace: &str,
) -> Series {
    let mut s = Series::new();
    let labels = [
        ("namespace", namespace.to_owned()),
        ("job_name", job.name.clone()),
    ];
    put(&mut s, "kube_job_info", &labels, &[], 1);
    put(
        &mut s,
        "kube_job_created",
        &labels,
        &[],
        seconds(job.created),
    );
    match owner {
        Some(owner) => put(
            &mut s,
            "kube_job_owner",
            &labels,
            &[
                ("owner_kind", "CronJob"),
                ("owner_name", owner),
                ("owner_is_controller", "true"),
            ],
            1,
        ),
        None => put(
            &mut s,
            "kube_job_owner",
            &labels,
            &[
                ("owner_kind", ""),
                ("owner_name", ""),
                ("owner_is_controller", ""),
            ],
            1,
        ),
    }
    put(
        &mut s,
        "kube_job_spec_parallelism",
        &labels,
        &[],
        i64::from(spec.parallelism),
    );
    if let Some(completions) = spec.completions {
        put(
            &mut s,
            "kube_job_spec_completions",
            &labels,
            &[],
            i64::from(completions),
        );
    }
    if let Some(deadline) = spec.active_deadline_seconds {
        put(
            &mut s,
            "kube_job_spec_active_deadline_seconds",
            &labels,
            &[],
            deadline,
        );
    }
    put(
        &mut s,
        "kube_job_status_active",
        &labels,
        &[],
        i64::from(status.active),
    );
    put(
        &mut s,
        "kube_job_status_ready",
        &labels,
        &[],
        i64::from(status.ready),
    );
    put(
        &mut s,
        "kube_job_status_succeeded",
        &labels,
        &[],
        i64::from(status.succeeded),
    );
    let failed_condition = status.condition("Failed").filter(|c| c.status);
    if status.failed == 0 {
        put(&mut s, "kube_job_status_failed", &labels, &[], 0);
    } else if let Some(condition) = failed_condition {
        let mut known = false;
        for reason in ["BackoffLimitExceeded", "DeadlineExceeded", "Evicted"] {
            let matches = condition.reason == reason;
            known |= matches;
            put(
                &mut s,
                "kube_job_status_failed",
                &labels,
                &[("reason", reason)],
                i64::from(matches),
            );
        }
        if !known {
            put(
                &mut s,
                "kube_job_status_failed",
                &labels,
                &[("reason", "")],
                i64::from(status.failed),
            );
        }
    } else {
        put(
            &mut s,
            "kube_job_status_failed",
            &labels,
            &[("reason", "")],
            i64::from(status.failed),
        );
    }
    if let Some(start) = status.start_time {
        put(
            &mut s,
            "kube_job_status_start_time",
            &labels,
            &[],
            seconds(start),
        );
    }
    if let Some(done) = status.completion_time {
        put(
            &mut s,
            "kube_job_status_completion_time",
            &labels,
            &[],
            seconds(done),
        );
    }
    condition_series(
        &mut s,
        "kube_job_complete",
        &labels,
        status.condition("Complete").map(|c| c.status),
    );
    condition_series(
        &mut s,
        "kube_job_failed",
        &labels,
        status.condition("Failed").map(|c| c.status),
    );
    if let Some(suspended) = status.condition("Suspended") {
        put(
            &mut s,
            "kube_job_status_suspended",
            &labels,
            &[],
            i64::from(suspended.status),
        );
    }
    s
}

/// The series of the CronJob in one state.
fn cron_series(
    name: &str,
    created: Ms,
    spec: &CronJobSpec,
    status: &CronJobStatus,
    namespace: &str,
) -> Series {
    let mut s = Series::new();
    let labels = [
        ("namespace", namespace.to_owned()),
        ("cronjob", name.to_owned()),
    ];
    put(
        &mut s,
        "kube_cronjob_info",
        &labels,
        &[
            ("schedule", spec.schedule.as_str()),
            ("concurrency_policy", spec.concurrency_policy.as_str()),
            ("timezone", spec.time_zone.as_deref().unwrap_or("local")),
        ],
        1,
    );
    put(
        &mut s,
        "kube_cronjob_created",
        &labels,
        &[],
        seconds(created),
    );
    put(
        &mut s,
        "kube_cronjob_status_active",
        &labels,
        &[],
        status.active.len() as i64,
    );
    if let Some(t) = status.last_schedule_time {
        put(
            &mut s,
            "kube_cronjob_status_last_schedule_time",
            &labels,
            &[],
            seconds(t),
        );
    }
    if let Some(t) = status.last_successful_time {
        put(
            &mut s,
            "kube_cronjob_status_last_successful_time",
            &labels,
            &[],
            seconds(t),
        );
    }
    if !spec.suspend
        && let Ok(mut eval) = controller_evaluator(
            &spec.schedule,
            spec.time_zone.as_deref(),
            crate::cron::Zone::Utc,
        )
    {
        let from = status.last_schedule_time.unwrap_or(created);
        if let Ok(next) = eval.next_go(instant(from))
            && !next.is_go_zero()
        {
            put(
                &mut s,
                "kube_cronjob_next_schedule_time",
                &labels,
                &[],
                seconds(millis(next)),
            );
        }
    }
    put(
        &mut s,
        "kube_cronjob_spec_suspend",
        &labels,
        &[],
        i64::from(spec.suspend),
    );
    if let Some(deadline) = spec.starting_deadline_seconds {
        put(
            &mut s,
            "kube_cronjob_spec_starting_deadline_seconds",
            &labels,
            &[],
            deadline,
        );
    }
    if let Some(limit) = spec.successful_jobs_history_limit {
        put(
            &mut s,
            "kube_cronjob_spec_successful_job_history_limit",
            &labels,
            &[],
            i64::from(limit),
        );
    }
    if let Some(limit) = spec.failed_jobs_history_limit {
        put(
            &mut s,
            "kube_cronjob_spec_failed_job_history_limit",
            &labels,
            &[],
            i64::from(limit),
        );
    }
    s
}

fn diff(samples: &mut Vec<Sample>, time: Ms, before: &Series, after: &Series) {
    // Both maps are sorted by key: walk them together (no key is cloned to look it up; a month
    // of a minutely CronJob diffs a quarter of a million series states).
    // Changes come first, then the series that disappeared (the order the samples have
    // always had, which the fixtures pin).
    let mut gone = Vec::new();
    let mut old = before.iter().peekable();
    let mut new = after.iter().peekable();
    loop {
        let order = match (old.peek(), new.peek()) {
            (None, None) => break,
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some((k1, _)), Some((k2, _))) => k1.cmp(k2),
        };
        match order {
            std::cmp::Ordering::Less => {
                let ((name, labels), _) = old.next().expect("peeked");
                gone.push(Sample {
                    time,
                    name,
                    labels: labels.clone(),
                    value: None,
                });
            }
            std::cmp::Ordering::Greater => {
                let ((name, labels), value) = new.next().expect("peeked");
                samples.push(Sample {
                    time,
                    name,
                    labels: labels.clone(),
                    value: Some(*value),
                });
            }
            std::cmp::Ordering::Equal => {
                let (_, before_value) = old.next().expect("peeked");
                let ((name, labels), value) = new.next().expect("peeked");
                if before_value != value {
                    samples.push(Sample {
                        time,
                        name,
                        labels: labels.clone(),
                        value: Some(*value),
                    });
                }
            }
        }
    }
    samples.append(&mut gone);
}

/// Reads a log (`(since, value)` in time order) at increasing times: the value in effect at
/// `t` (the first value before the log starts). Each call moves forward from the last, so a
/// walk over the log is linear (the CronJob's status log of a month-long run holds about
/// 100,000 entries; scanning it from the end for each one took seconds).
struct LogCursor<'a, T> {
    log: &'a [(Ms, T)],
    next: usize,
}

impl<'a, T> LogCursor<'a, T> {
    fn new(log: &'a [(Ms, T)]) -> Self {
        LogCursor { log, next: 0 }
    }

    fn at(&mut self, t: Ms) -> Option<&'a T> {
        while self
            .log
            .get(self.next)
            .is_some_and(|(since, _)| *since <= t)
        {
            self.next += 1;
        }
        let log: &'a [(Ms, T)] = self.log;
        log.get(self.next.saturating_sub(1)).map(|(_, v)| v)
    }
}

impl Simulation {
    /// Every change of every series, in time order.
    pub fn metrics(&self) -> Vec<Sample> {
        let mut samples = Vec::new();
        let owner = self.cron.as_ref().map(|c| c.name.as_str());
        for job in &self.jobs {
            let job_owner = job.scheduled_time.and(owner);
            let mut times: Vec<Ms> = job.history.iter().map(|(t, _)| *t).collect();
            times.extend(job.spec_log.iter().map(|(t, _)| *t));
            times.sort_unstable();
            times.dedup();
            let mut previous = Series::new();
            let (mut specs, mut statuses) =
                (LogCursor::new(&job.spec_log), LogCursor::new(&job.history));
            for t in times {
                if job.gone_at.is_some_and(|gone| t >= gone) {
                    break;
                }
                let (Some(spec), Some(status)) = (specs.at(t), statuses.at(t)) else {
                    continue;
                };
                let current = job_series(job, job_owner, spec, status, &self.namespace);
                diff(&mut samples, t, &previous, &current);
                previous = current;
            }
            if let Some(gone) = job.gone_at {
                diff(&mut samples, gone, &previous, &Series::new());
            }
        }
        if let Some(cron) = &self.cron {
            let mut times: Vec<Ms> = cron.history.iter().map(|(t, _)| *t).collect();
            times.extend(cron.spec_log.iter().map(|(t, _)| *t));
            times.sort_unstable();
            times.dedup();
            let mut previous = Series::new();
            let (mut specs, mut statuses) = (
                LogCursor::new(&cron.spec_log),
                LogCursor::new(&cron.history),
            );
            for t in times {
                let (Some(spec), Some(status)) = (specs.at(t), statuses.at(t)) else {
                    continue;
                };
                let current = cron_series(&cron.name, cron.created, spec, status, &self.namespace);
                diff(&mut samples, t, &previous, &current);
                previous = current;
            }
        }
        samples.sort_by_key(|s| s.time);
        samples
    }
}
