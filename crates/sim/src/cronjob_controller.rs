//! The CronJob controller v2's `sync` (pkg/controller/cronjob/cronjob_controllerv2.go, v1.34):
//! history cleanup, bookkeeping of active Jobs, then the scheduling decision from the cron
//! engine's port of utils.go, concurrency policy, Job creation and the requeue (a failed sync
//! with client-go's back-off). The one difference between v1.32 and v1.37 it can show: a Job
//! that already exists under the scheduled name is adopted only from v1.37.

use super::model::{ConcurrencyPolicy, ConditionKind, CronJobSpec, JobId, api_time};
use crate::cluster::{Cluster, Message, ObjectRef};
use crate::model::{Ms, SECOND, instant, millis};
use jobscope_api::version::KubernetesVersion;
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

/// What `syncCronJob` ended with.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Synced {
    /// The `AddAfter` delay it asks for (ms).
    requeue: Option<i64>,
    /// Whether the CronJob's status changed (and is written).
    update: bool,
    /// It returned an error: with no requeue asked for, the key goes back with back-off.
    failed: bool,
    /// It created a Job.
    created: bool,
}

impl Synced {
    fn done(requeue: Option<i64>, update: bool) -> Synced {
        Synced {
            requeue,
            update,
            ..Synced::default()
        }
    }
}

/// client-go's `DefaultTypedControllerRateLimiter` for one key after `failures` failed syncs:
/// 5 ms doubled per failure, at most 1000 s. Its other half, a 10-per-second bucket with a
/// burst of 100 shared by all keys, never binds for the one CronJob simulated: the exponential
/// delays allow fewer than ten retries in the first second and fewer after.
fn rate_limited_delay(failures: u32) -> Ms {
    const BASE: Ms = 5;
    const MOST: Ms = 1000 * SECOND;
    1_i64
        .checked_shl(failures)
        .and_then(|factor| BASE.checked_mul(factor))
        .filter(|delay| *delay > 0)
        .map_or(MOST, |delay| delay.min(MOST))
}

/// The CronJob controller: what it keeps between syncs.
#[derive(Debug, Default)]
pub(crate) struct CronJobController {
    /// From v1.37 a Job that already exists under the scheduled name is read in the CronJob's
    /// namespace and adopted; up to v1.36 that read fails (kubernetes#136920).
    adopts_existing_jobs: bool,
    /// A scenario's `crashAfterCreate`: the next sync that creates a Job loses its status
    /// write, and kube-controller-manager is down this long.
    crash_after_create: Option<Ms>,
    /// Set by the sync that crashed: how long the outage lasts (the engine takes it).
    crashed: Option<Ms>,
    /// Failed syncs in a row (the rate limiter's count for the CronJob's key).
    failures: u32,
    /// The Job the note on a failed adoption was written for (one note per Job).
    unadoptable_noted: Option<JobId>,
    /// The CronJob's parsed schedule (the controller parses it on every sync; the result is
    /// the same until the spec changes), boxed: it may remember a long chain of fire times.
    evaluator: Option<Box<Evaluator>>,
    /// The children list a sync builds (kept to reuse its allocation: this runs on every sync).
    children: Vec<Child>,
}

impl CronJobController {
    /// The controller of Kubernetes `version`.
    pub(crate) fn for_version(version: KubernetesVersion) -> Self {
        CronJobController {
            adopts_existing_jobs: version >= KubernetesVersion::V1_37,
            ..CronJobController::default()
        }
    }

    /// Arms a `crashAfterCreate` of `down` (a later one replaces an armed one).
    pub(crate) fn crash_after_next_create(&mut self, down: Ms) {
        self.crash_after_create = Some(down);
    }

    /// The outage a sync's crash starts, once.
    pub(crate) fn take_crash(&mut self) -> Option<Ms> {
        self.crashed.take()
    }

    /// A restarted kube-controller-manager has lost its rate limiter's counts.
    pub(crate) fn restart(&mut self) {
        self.failures = 0;
    }

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
        // The status as stored before this sync: what a lost status write leaves.
        let stored = self
            .crash_after_create
            .and_then(|_| c.cron.as_ref().map(|cron| cron.status.clone()));
        let mut update = cleanup_finished_jobs(c, &children);
        let synced = self.sync_cron_job_inner(c, &children);
        self.children = children;
        if synced.created
            && let Some(down) = self.crash_after_create.take()
        {
            // kube-controller-manager stops between the create and the status update: the Job
            // exists, this sync's status changes do not.
            if let (Some(cron), Some(stored)) = (&mut c.cron, stored) {
                cron.status = stored;
            }
            self.crashed = Some(down);
            return;
        }
        update |= synced.update;
        if update {
            write_cron_status(c);
        }
        match (synced.requeue, synced.failed) {
            (Some(after), _) => {
                // processNextWorkItem: `Forget`, then `AddAfter`.
                self.failures = 0;
                c.enqueue_cron(after.max(0));
            }
            (None, true) => {
                let delay = rate_limited_delay(self.failures);
                self.failures = self.failures.saturating_add(1);
                c.enqueue_cron(delay);
            }
            (None, false) => {}
        }
    }

    /// `syncCronJob`: the requeue it asks for, whether the status changed, whether it failed
    /// and whether it created a Job.
    fn sync_cron_job_inner(&mut self, c: &mut Cluster, children: &[Child]) -> Synced {
        let mut update = false;
        for &(job, finished) in children {
            let Some(cron) = &c.cron else {
                return Synced::done(None, update);
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
            return Synced::done(None, update);
        };
        if let Some(zone) = &cron.spec.time_zone
            && let Err(error) = load_location(zone)
        {
            let message = format!(
                "invalid timeZone: {}: {error}",
                jobscope_golang::strings::go_strconv_quote(zone)
            );
            cron_event(c, true, "UnknownTimeZone", message);
            return Synced::done(None, update);
        }
        if cron.spec.suspend {
            return Synced::done(None, update);
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
                    return Synced::done(None, update);
                }
            },
        };
        let result = schedule_and_create(
            c,
            &mut eval,
            update,
            self.adopts_existing_jobs,
            &mut self.unadoptable_noted,
        );
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
    adopts_existing_jobs: bool,
    noted: &mut Option<JobId>,
) -> Synced {
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
        return Synced::done(None, update);
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
        return Synced::done(None, update);
    }
    let Some(scheduled) = due else {
        return Synced::done(requeue_unchanged(eval), update);
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
        return Synced::done(requeue_unchanged(eval), update);
    }
    let scheduled_ms = millis(scheduled);
    let Some(cron) = &c.cron else {
        return Synced::done(None, update);
    };
    // Already scheduled: most syncs of a minute end here, so the Job's name is only built
    // (and compared with the active Jobs') when lastScheduleTime does not settle it.
    if cron.status.last_schedule_time == Some(scheduled_ms) {
        return Synced::done(requeue_unchanged(eval), update);
    }
    let job_name = jobscope_cron::controller::job_name(&cron.name, scheduled);
    if cron
        .status
        .active
        .iter()
        .any(|&j| c.jobs[j].name == job_name)
    {
        return Synced::done(requeue_unchanged(eval), update);
    }
    if cron.spec.concurrency_policy == ConcurrencyPolicy::Forbid && !cron.status.active.is_empty() {
        cron_event(
            c,
            false,
            "JobAlreadyActive",
            "Not starting job because prior execution is running and concurrency policy is Forbid",
        );
        return Synced::done(requeue_unchanged(eval), update);
    }
    if cron.spec.concurrency_policy == ConcurrencyPolicy::Replace {
        let active = cron.status.active.clone();
        for job in active {
            update |= cron_delete_job(c, job);
        }
    }
    // A Job of that name already exists (the controller created it, then stopped before its
    // status write recorded it): the create fails with AlreadyExists and the controller reads
    // the Job to adopt it. Every Job here is the CronJob's own, so it is adopted unless active.
    if let Some(existing) = c
        .cron_alive
        .iter()
        .copied()
        .find(|&j| c.jobs[j].name == job_name)
    {
        if !adopts_existing_jobs {
            // Up to v1.36 that read names the Job template's namespace, which is empty: it is
            // sent without a namespace and fails, syncCronJob returns the error and the CronJob
            // is retried with back-off, all the while the scheduled time stays unmet.
            if *noted != Some(existing) {
                *noted = Some(existing);
                let name = c.jobs[existing].name.clone();
                c.note(format!(
                    "the CronJob controller cannot adopt Job {name}, which it created before a status write was lost: up to v1.36 it looks the Job up in the empty namespace of the Job template (kubernetes#136918, fixed in v1.37), so each sync fails and is retried with back-off; the next run starts at the first retry after its scheduled time (up to 1000 s late), and this Job is never counted as active"
                ));
            }
            return Synced {
                failed: true,
                ..Synced::done(None, update)
            };
        }
        let in_active = c
            .cron
            .as_ref()
            .is_some_and(|c| c.status.active.contains(&existing));
        if in_active {
            return Synced::done(None, update);
        }
        if let Some(cron) = &mut c.cron {
            cron.status.active.push(existing);
            cron.status.last_schedule_time = Some(scheduled_ms);
        }
        times.last_schedule = Some(scheduled);
        return Synced::done(requeue(eval, &times), true);
    }
    let spec = c.cron.as_ref().map(|c| c.spec.job_template.clone());
    let Some(spec) = spec else {
        return Synced::done(None, update);
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
    Synced {
        created: true,
        ..Synced::done(requeue(eval, &times), true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failed_syncs_back_off_as_client_go_does() {
        let delays: Vec<Ms> = (0..4).map(rate_limited_delay).collect();
        assert_eq!(delays, [5, 10, 20, 40]);
        // 5 ms · 2^17 = 655.36 s; the next doubling passes the 1000 s ceiling.
        assert_eq!(rate_limited_delay(17), 655_360);
        assert_eq!(rate_limited_delay(18), 1000 * SECOND);
        // No overflow however long a sync keeps failing.
        assert_eq!(rate_limited_delay(62), 1000 * SECOND);
        assert_eq!(rate_limited_delay(u32::MAX), 1000 * SECOND);
    }

    #[test]
    fn only_v1_37_adopts_a_job_that_already_exists() {
        let adopts: Vec<bool> = KubernetesVersion::ALL
            .into_iter()
            .map(|version| CronJobController::for_version(version).adopts_existing_jobs)
            .collect();
        // v1.32 to v1.37: kubernetes#136920 is in v1.37 only.
        assert_eq!(adopts, [false, false, false, false, false, true]);
    }
}
