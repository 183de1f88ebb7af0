//! The CronJob controller v2's `sync` (pkg/controller/cronjob/cronjob_controllerv2.go, v1.34):
//! history cleanup, bookkeeping of active Jobs, then the scheduling decision from the cron
//! engine's port of utils.go, concurrency policy, Job creation and the requeue.

use super::model::{ConcurrencyPolicy, ConditionKind, CronJobSpec, JobId, api_time};
use crate::cluster::{Cluster, Message, ObjectRef};
use crate::model::{instant, millis};
use jobscope_cron::controller::{
    CronJobTimes, Missed, MostRecentError, controller_evaluator, format_rfc1123z_utc,
    most_recent_schedule_time, next_schedule_time_duration, next_schedule_time_duration_from,
};
use jobscope_cron::{Evaluator, ParseError, Zone};
use jobscope_golang::location::load_location;

/// kube-controller-manager's zone (`time.Local`): UTC in practically every cluster.
pub(crate) const CONTROLLER_ZONE: Zone = Zone::Utc;

/// A child Job as the sync lists it: its id and how it finished, if it did (the informer's
/// copy at the start of the sync; the CronJob controller never changes a Job's status).
type Child = (JobId, Option<ConditionKind>);

/// The Jobs among `children` that finished as `kind` (`Complete` or `Failed`).
fn finished_as(children: &[Child], kind: ConditionKind) -> impl Iterator<Item = JobId> + '_ {
    children
        .iter()
        .filter(move |(_, finished)| *finished == Some(kind))
        .map(|&(job, _)| job)
}

impl CronJobSpec {
    /// The schedule as the controller parses it: in `timeZone`, else in the controller's zone.
    pub(super) fn evaluator(&self) -> Result<Evaluator, ParseError> {
        controller_evaluator(&self.schedule, self.time_zone.as_deref(), CONTROLLER_ZONE)
    }
}

/// The CronJob controller: what it keeps between syncs.
#[derive(Debug, Default)]
pub(crate) struct CronJobController {
    /// The CronJob's parsed schedule (the controller parses it on every sync; the result is
    /// the same until the spec changes), boxed: it may remember a long chain of fire times.
    evaluator: Option<Box<Evaluator>>,
    /// The children list a sync builds (kept to reuse its allocation: this runs on every sync).
    children: Vec<Child>,
}

impl CronJobController {
    /// Uses `evaluator` for the schedule from now on (one that already walked the fire times).
    pub(crate) fn remember(&mut self, evaluator: Evaluator) {
        self.evaluator = Some(Box::new(evaluator));
    }

    /// `updateCronJob`: the spec changed. A changed schedule or zone requeues for the next
    /// fire time; any other change syncs at once.
    pub(crate) fn spec_changed(&mut self, c: &mut Cluster, reschedule: bool) {
        self.evaluator = None;
        if reschedule {
            cron_rescheduled(c);
        } else {
            c.enqueue_cron(0);
        }
    }

    /// `sync`: cleanupFinishedJobs, then syncCronJob, then the status update and requeue.
    pub(crate) fn sync(&mut self, c: &mut Cluster) {
        if c.cron.is_none() {
            return;
        }
        // The CronJob's Jobs that still exist, in creation order (the informer's list at the
        // start of the sync). A reused buffer: this runs on every sync.
        let mut children = std::mem::take(&mut self.children);
        children.clear();
        let jobs = &c.jobs;
        children.extend(
            c.cron_alive
                .iter()
                .map(|&j| (j, jobs[j].status.finished().map(|c| c.kind))),
        );
        let mut update = cleanup_finished_jobs(c, &children);
        let (requeue, sync_update) = self.sync_cron_job_inner(c, &children);
        self.children = children;
        update |= sync_update;
        if update {
            write_cron_status(c);
        }
        if let Some(after) = requeue {
            c.enqueue_cron(after.max(0));
        }
    }

    /// `syncCronJob`: returns the requeue delay and whether the status changed.
    fn sync_cron_job_inner(&mut self, c: &mut Cluster, children: &[Child]) -> (Option<i64>, bool) {
        let mut update = false;
        for &(job, finished) in children {
            let Some(cron) = &c.cron else {
                return (None, update);
            };
            let found = cron.status.active.contains(&job);
            match finished {
                None if !found => {
                    let name = c.jobs[job].name.clone();
                    cron_event(
                        c,
                        true,
                        "UnexpectedJob",
                        format!("Saw a job that the controller did not create or forgot: {name}"),
                    );
                }
                None => {}
                Some(kind) => {
                    if found {
                        if let Some(cron) = &mut c.cron {
                            cron.status.active.retain(|&j| j != job);
                        }
                        cron_event(
                            c,
                            false,
                            "SawCompletedJob",
                            Message::SawCompletedJob(job, kind),
                        );
                        update = true;
                    }
                    if kind == ConditionKind::Complete
                        && let Some(completed) = c.jobs[job].status.completion_time
                        && let Some(cron) = &mut c.cron
                        && cron
                            .status
                            .last_successful_time
                            .is_none_or(|last| completed > last)
                    {
                        cron.status.last_successful_time = Some(completed);
                        update = true;
                    }
                }
            }
        }
        let missing: Vec<JobId> = c
            .cron
            .as_ref()
            .map(|c| {
                c.status
                    .active
                    .iter()
                    .copied()
                    .filter(|&j| !children.iter().any(|&(child, _)| child == j))
                    .collect()
            })
            .unwrap_or_default();
        for job in missing {
            let name = c.jobs[job].name.clone();
            cron_event(
                c,
                false,
                "MissingJob",
                format!("Active job went missing: {name}"),
            );
            if let Some(cron) = &mut c.cron {
                cron.status.active.retain(|&j| j != job);
            }
            update = true;
        }

        let Some(cron) = &c.cron else {
            return (None, update);
        };
        if let Some(zone) = &cron.spec.time_zone
            && let Err(error) = load_location(zone)
        {
            let message = format!(
                "invalid timeZone: {}: {error}",
                jobscope_golang::strings::go_strconv_quote(zone)
            );
            cron_event(c, true, "UnknownTimeZone", message);
            return (None, update);
        }
        if cron.spec.suspend {
            return (None, update);
        }
        let mut eval = match self.evaluator.take() {
            Some(eval) => eval,
            None => match cron.spec.evaluator() {
                Ok(eval) => Box::new(eval),
                Err(error) => {
                    let message = format!(
                        "unparseable schedule: {} : {}",
                        jobscope_golang::strings::go_strconv_quote(&cron.spec.schedule),
                        error.message
                    );
                    cron_event(c, true, "UnparseableSchedule", message);
                    return (None, update);
                }
            },
        };
        let result = schedule_and_create(c, &mut eval, update);
        self.evaluator = Some(eval);
        result
    }
}

fn cron_event(c: &mut Cluster, warning: bool, reason: &'static str, message: impl Into<Message>) {
    c.event(ObjectRef::CronJob, warning, reason, message);
}

/// `updateCronJob` with a changed schedule or zone: requeue for the next fire time.
fn cron_rescheduled(c: &mut Cluster) {
    let Some(cron) = &c.cron else {
        return;
    };
    let Ok(mut eval) = cron.spec.evaluator() else {
        cron_event(
            c,
            true,
            "UnParseableCronJobSchedule",
            format!(
                "unparseable schedule for cronjob: {}",
                c.cron.as_ref().map_or("", |c| c.spec.schedule.as_str())
            ),
        );
        return;
    };
    let times = cron_times(c);
    match next_schedule_time_duration(&mut eval, &times, instant(c.now)) {
        Some(after) => c.enqueue_cron(after / 1_000_000),
        None => c.enqueue_cron(0),
    }
}

fn cron_times(c: &Cluster) -> CronJobTimes {
    let cron = c.cron.as_ref();
    CronJobTimes {
        created: instant(cron.map_or(c.start, |c| api_time(c.created))),
        last_schedule: cron.and_then(|c| c.status.last_schedule_time).map(instant),
        starting_deadline_seconds: cron.and_then(|c| c.spec.starting_deadline_seconds),
    }
}

/// The schedule's text, for messages (cloned only on the paths that report it).
fn schedule_text(c: &Cluster) -> String {
    c.cron
        .as_ref()
        .map_or_else(String::new, |c| c.spec.schedule.clone())
}

fn write_cron_status(c: &mut Cluster) {
    let now = c.now;
    if let Some(cron) = &mut c.cron {
        // Compared before cloning: most writes rewrite this instant's entry.
        match cron.history.last_mut() {
            Some((at, last)) if *at == now => last.clone_from(&cron.status),
            Some((_, last)) if *last == cron.status => {}
            _ => cron.history.push((now, cron.status.clone())),
        }
    }
    // updateCronJob: a status update (schedule unchanged) requeues at once.
    c.enqueue_cron(0);
}

fn cleanup_finished_jobs(c: &mut Cluster, children: &[Child]) -> bool {
    let Some(cron) = &c.cron else {
        return false;
    };
    let (success_limit, failed_limit) = (
        cron.spec.successful_jobs_history_limit,
        cron.spec.failed_jobs_history_limit,
    );
    if success_limit.is_none() && failed_limit.is_none() {
        return false;
    }
    // The lists are built only when a limit is exceeded (rarely: this runs on every sync);
    // removing successful Jobs does not change which Jobs failed, so building the failed
    // list after the removals gives the controller's list.
    // One pass counts both kinds (this runs on every sync, over every child).
    let (mut complete, mut failed) = (0_i64, 0_i64);
    for &(_, finished) in children {
        match finished {
            Some(ConditionKind::Complete) => complete += 1,
            Some(ConditionKind::Failed) => failed += 1,
            _ => {}
        }
    }
    let mut update = false;
    for (kind, limit, count) in [
        (ConditionKind::Complete, success_limit, complete),
        (ConditionKind::Failed, failed_limit, failed),
    ] {
        let Some(limit) = limit else { continue };
        if count > i64::from(limit) {
            let mut jobs = c.buffer();
            jobs.extend(finished_as(children, kind));
            update |= remove_oldest_jobs(c, &mut jobs, limit);
            c.recycle(jobs);
        }
    }
    update
}

/// `removeOldestJobs`, ordered by `byJobStartTime` (no startTime last, then name).
fn remove_oldest_jobs(c: &mut Cluster, jobs: &mut [JobId], limit: i32) -> bool {
    let excess = jobs.len() as i64 - i64::from(limit);
    if excess <= 0 {
        return false;
    }
    jobscope_sort::sort_by(jobs, |&a, &b| {
        let (ja, jb) = (&c.jobs[a], &c.jobs[b]);
        match (ja.status.start_time, jb.status.start_time) {
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some(_), None) => std::cmp::Ordering::Less,
            (x, y) if x == y => ja.name.cmp(&jb.name),
            (x, y) => x.cmp(&y),
        }
    });
    let mut update = false;
    for &job in jobs.iter().take(excess as usize) {
        update |= cron_delete_job(c, job);
    }
    update
}

/// `deleteJob` (background propagation).
fn cron_delete_job(c: &mut Cluster, job: JobId) -> bool {
    c.delete_job(job, false);
    if let Some(cron) = &mut c.cron {
        cron.status.active.retain(|&j| j != job);
    }
    cron_event(c, false, "SuccessfulDelete", Message::DeletedJob(job));
    true
}

/// The scheduling half of `syncCronJob`, from `nextScheduleTime` on.
fn schedule_and_create(
    c: &mut Cluster,
    eval: &mut jobscope_cron::Evaluator,
    mut update: bool,
) -> (Option<i64>, bool) {
    let now = c.now;
    let mut times = cron_times(c);
    let requeue = |eval: &mut jobscope_cron::Evaluator, times: &CronJobTimes| {
        next_schedule_time_duration(eval, times, instant(now)).map(|nanos| nanos / 1_000_000)
    };

    // nextScheduleTime
    let found = most_recent_schedule_time(eval, &times, instant(now), true);
    // The requeue while `times` is unchanged: with no startingDeadlineSeconds the
    // `includeStartingDeadlineSeconds` flag changes nothing, so `found` is what
    // nextScheduleTimeDuration would compute again (most syncs end on this path).
    let requeue_unchanged = |eval: &mut jobscope_cron::Evaluator| {
        if times.starting_deadline_seconds.is_none() {
            next_schedule_time_duration_from(eval, &found, instant(now))
                .map(|nanos| nanos / 1_000_000)
        } else {
            requeue(eval, &times)
        }
    };
    if found.error == Some(MostRecentError::Endless) {
        c.note("the CronJob controller's catch-up loop would never end for this schedule; the simulation stops scheduling".to_owned());
        return (None, update);
    }
    // nextScheduleTime: nothing due yet returns no time (with the error, if any); a due run
    // with many missed before it is reported first.
    let due = found.most_recent.filter(|t| !t.after(instant(now)));
    if due.is_some() && found.missed == Missed::Many {
        cron_event(
            c,
            true,
            "TooManyMissedTimes",
            "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew",
        );
    }
    if let Some(error) = found.error {
        cron_event(
            c,
            true,
            "InvalidSchedule",
            format!(
                "invalid schedule: {} : {}",
                schedule_text(c),
                error.message()
            ),
        );
        return (None, update);
    }
    let Some(scheduled) = due else {
        return (requeue_unchanged(eval), update);
    };
    if let Some(deadline) = times.starting_deadline_seconds
        && scheduled
            .add_nanos(deadline.saturating_mul(1_000_000_000))
            .before(instant(now))
    {
        cron_event(
            c,
            true,
            "MissSchedule",
            format!(
                "Missed scheduled time to start a job: {}",
                format_rfc1123z_utc(scheduled)
            ),
        );
        return (requeue_unchanged(eval), update);
    }
    let scheduled_ms = millis(scheduled);
    let Some(cron) = &c.cron else {
        return (None, update);
    };
    // Already scheduled: most syncs of a minute end here, so the Job's name is only built
    // (and compared with the active Jobs') when lastScheduleTime does not settle it.
    if cron.status.last_schedule_time == Some(scheduled_ms) {
        return (requeue_unchanged(eval), update);
    }
    let job_name = jobscope_cron::controller::job_name(&cron.name, scheduled);
    if cron
        .status
        .active
        .iter()
        .any(|&j| c.jobs[j].name == job_name)
    {
        return (requeue_unchanged(eval), update);
    }
    if cron.spec.concurrency_policy == ConcurrencyPolicy::Forbid && !cron.status.active.is_empty() {
        cron_event(
            c,
            false,
            "JobAlreadyActive",
            "Not starting job because prior execution is running and concurrency policy is Forbid",
        );
        return (requeue_unchanged(eval), update);
    }
    if cron.spec.concurrency_policy == ConcurrencyPolicy::Replace {
        let active = cron.status.active.clone();
        for job in active {
            update |= cron_delete_job(c, job);
        }
    }
    // A Job of that name already exists (a leftover of a replaced or finished run): the
    // create fails with AlreadyExists; the controller adopts it only if it is not active.
    if let Some(existing) = c
        .cron_alive
        .iter()
        .copied()
        .find(|&j| c.jobs[j].name == job_name)
    {
        let in_active = c
            .cron
            .as_ref()
            .is_some_and(|c| c.status.active.contains(&existing));
        if in_active {
            return (None, update);
        }
        if let Some(cron) = &mut c.cron {
            cron.status.active.push(existing);
            cron.status.last_schedule_time = Some(scheduled_ms);
        }
        times.last_schedule = Some(scheduled);
        return (requeue(eval, &times), true);
    }
    let spec = c.cron.as_ref().map(|c| c.spec.job_template.clone());
    let Some(spec) = spec else {
        return (None, update);
    };
    let job = c.create_job(job_name, spec, Some(scheduled_ms));
    c.cron_alive.push(job);
    cron_event(c, false, "SuccessfulCreate", Message::CreatedJob(job));
    if let Some(cron) = &mut c.cron {
        cron.status.active.push(job);
        cron.status.last_schedule_time = Some(scheduled_ms);
    }
    // addJob in the CronJob controller: a sync at once.
    c.enqueue_cron(0);
    times.last_schedule = Some(scheduled);
    (requeue(eval, &times), true)
}
