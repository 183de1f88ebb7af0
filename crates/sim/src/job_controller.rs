//! The Job controller's `syncJob`, ported from pkg/controller/job (job_controller.go,
//! backoff_utils.go, pod_failure_policy.go, success_policy.go, indexed_job_utils.go) for
//! Kubernetes v1.34 with its default feature gates: finalizer tracking, delayed terminal
//! conditions (FailureTarget / SuccessCriteriaMet first), podReplacementPolicy, per-index
//! back-off. API calls never fail here, so expectations are always satisfied and
//! `uncountedTerminatedPods` is empty between syncs.

use std::rc::Rc;

use super::intervals::Intervals;
use super::model::{
    Condition, ConditionKind, JobId, JobSpec, Ms, Phase, Pod, PodId, PolicyAction, SECOND, api_time,
};
use crate::cluster::{BATCH, Cluster, Message, ObjectRef};
use jobscope_api::version::{Gate, KubernetesVersion};

/// `MaxPodCreateDeletePerSync` and `MaxUncountedPods`.
const MAX_PODS_PER_SYNC: usize = 500;
/// `DefaultJobPodFailureBackOff` and `MaxJobPodFailureBackOff`.
const POD_FAILURE_BACKOFF: Ms = 10 * SECOND;
const MAX_POD_FAILURE_BACKOFF: Ms = 600 * SECOND;

pub(crate) const MSG_BACKOFF_LIMIT: &str = "Job has reached the specified backoff limit";
pub(crate) const MSG_DEADLINE: &str = "Job was active longer than specified deadline";
pub(crate) const MSG_MAX_FAILED_INDEXES: &str =
    "Job has exceeded the specified maximal number of failed indexes";
pub(crate) const MSG_FAILED_INDEXES: &str = "Job has failed indexes";
pub(crate) const MSG_COMPLETIONS_REACHED: &str = "Reached expected number of succeeded pods";

/// `isPodFailed`: Failed, or (unless only failed pods are replaced) being deleted and not
/// Succeeded.
pub(crate) fn is_pod_failed(pod: &Pod, spec: &JobSpec) -> bool {
    pod.phase == Phase::Failed
        || (!spec.only_replace_failed && pod.deletion.is_some() && pod.phase != Phase::Succeeded)
}

/// What the pod failure policy says about a failed pod: the FailJob message, whether the
/// failure counts, and the matched action (`matchPodFailurePolicy`).
pub(crate) fn match_pod_failure_policy(
    spec: &JobSpec,
    pod: &Pod,
    namespace: &str,
) -> (Option<String>, bool, Option<PolicyAction>) {
    let Some(rules) = &spec.pod_failure_policy else {
        return (None, true, None);
    };
    for (index, rule) in rules.iter().enumerate() {
        // The FailJob message says what matched.
        let matched: Option<String> = if let Some(codes) = &rule.on_exit_codes {
            pod.containers
                .iter()
                .find_map(|c| {
                    let (code, _) = c.terminated?;
                    let name_ok = codes.container_name.as_ref().is_none_or(|n| **n == *c.name);
                    let code_ok = code != 0 && (codes.values.contains(&code) == codes.is_in);
                    (name_ok && code_ok).then_some((&*c.name, code))
                })
                .map(|(container, code)| {
                    format!(
                        "Container {container} for pod {namespace}/{} failed with exit code {code} matching FailJob rule at index {index}",
                        pod.name
                    )
                })
        } else if !rule.on_pod_conditions.is_empty() {
            pod_conditions(pod)
                .into_iter()
                .find(|(kind, status)| {
                    rule.on_pod_conditions
                        .iter()
                        .any(|(t, s)| t == kind && s == status)
                })
                .map(|(kind, _)| {
                    format!(
                        "Pod {namespace}/{} has condition {kind} matching FailJob rule at index {index}",
                        pod.name
                    )
                })
        } else {
            None
        };
        if let Some(message) = matched {
            return match rule.action {
                PolicyAction::Ignore => (None, false, Some(PolicyAction::Ignore)),
                PolicyAction::FailIndex => (None, true, Some(PolicyAction::FailIndex)),
                PolicyAction::Count => (None, true, Some(PolicyAction::Count)),
                PolicyAction::FailJob => (Some(message), true, Some(PolicyAction::FailJob)),
            };
        }
    }
    (None, true, None)
}

/// The pod's conditions as the kubelet and the eviction machinery would have set them.
fn pod_conditions(pod: &Pod) -> Vec<(&'static str, &'static str)> {
    let flag = |b: bool| if b { "True" } else { "False" };
    let started = pod.started.is_some();
    let mut conditions = vec![
        (
            "PodReadyToStartContainers",
            flag(started && !pod.phase.terminal()),
        ),
        ("Initialized", "True"),
        ("Ready", flag(pod.ready)),
        ("ContainersReady", flag(pod.ready)),
        ("PodScheduled", "True"),
    ];
    if pod.disruption_target {
        conditions.push(("DisruptionTarget", "True"));
    }
    conditions
}

/// `getRemainingTimeForFailuresCount`.
fn remaining_backoff(now: Ms, failures: i32, last_failure: Option<Ms>) -> Ms {
    let Some(last) = last_failure else {
        return 0;
    };
    if failures <= 0 {
        return 0;
    }
    let mut delay = POD_FAILURE_BACKOFF;
    for _ in 1..failures {
        delay = delay.saturating_mul(2);
        if delay >= MAX_POD_FAILURE_BACKOFF {
            delay = MAX_POD_FAILURE_BACKOFF;
            break;
        }
    }
    let elapsed = now - last;
    if delay < elapsed { 0 } else { delay - elapsed }
}

fn condition(
    kind: ConditionKind,
    reason: &'static str,
    message: impl Into<Rc<str>>,
    now: Ms,
) -> Condition {
    Condition {
        kind,
        status: true,
        reason,
        message: message.into(),
        // metav1.Time: the API keeps whole seconds.
        time: api_time(now),
    }
}

/// `ensureJobConditionStatus`: sets a condition; returns whether anything changed.
fn ensure_condition(
    conditions: &mut Vec<Condition>,
    kind: ConditionKind,
    status: bool,
    reason: &'static str,
    message: &Rc<str>,
    now: Ms,
) -> bool {
    if let Some(existing) = conditions.iter_mut().find(|c| c.kind == kind) {
        if existing.status != status || existing.reason != reason || existing.message != *message {
            *existing = Condition {
                status,
                ..condition(kind, reason, message.clone(), now)
            };
            return true;
        }
        return false;
    }
    if status {
        conditions.push(condition(kind, reason, message.clone(), now));
        return true;
    }
    false
}

/// One sync's view of the Job (`syncJobCtx`).
struct SyncContext {
    /// Pods the controller lists, in creation order.
    pods: Vec<PodId>,
    active: Vec<PodId>,
    ready: i32,
    terminating: i32,
    succeeded: i32,
    failed: i32,
    finished: Option<Condition>,
    prev_succeeded_indexes: Intervals,
    succeeded_indexes: Intervals,
    failed_indexes: Option<Intervals>,
    /// Per index, the last failed pod whose finalizer waits for its replacement.
    delayed_deletion: Vec<(i32, PodId)>,
    backoff_failures: i32,
    backoff_last_failure: Option<Ms>,
    /// Pods this sync deleted: the sync still sees them as it listed them (no deletion yet).
    deleted: Vec<PodId>,
}

/// The back-off record of a Job (`backoffRecord`): failures since the last success and when
/// the last one finished. The controller keeps these in memory (a restart loses them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct BackoffRecord {
    failures: i32,
    last_failure: Option<Ms>,
}

/// Condition messages most Jobs carry, shared instead of allocated per Job.
#[derive(Debug)]
struct SharedTexts {
    completions_reached: Rc<str>,
    job_suspended: Rc<str>,
    job_resumed: Rc<str>,
}

impl Default for SharedTexts {
    fn default() -> Self {
        SharedTexts {
            completions_reached: Rc::from(MSG_COMPLETIONS_REACHED),
            job_suspended: Rc::from("Job suspended"),
            job_resumed: Rc::from("Job resumed"),
        }
    }
}

/// The Job controller: what it keeps in memory between syncs. Everything else it reads and
/// writes through the cluster's API operations.
#[derive(Debug, Default)]
pub(crate) struct JobController {
    /// By Job id; a Job without an entry has no failures recorded.
    backoff: Vec<BackoffRecord>,
    texts: SharedTexts,
    /// From v1.36 (MutableSchedulingDirectivesForSuspendedJobs on) the controller clears a
    /// suspended Job's `status.startTime`, so a resume gets the whole activeDeadlineSeconds.
    clears_start_time_on_suspend: bool,
}

impl JobController {
    /// The controller of a `version` kube-controller-manager with default gates.
    pub(crate) fn for_version(version: KubernetesVersion) -> Self {
        JobController {
            clears_start_time_on_suspend: Gate::MutableSchedulingDirectivesForSuspendedJobs
                .enabled(version),
            ..JobController::default()
        }
    }

    fn backoff_of(&self, job: JobId) -> BackoffRecord {
        self.backoff.get(job).copied().unwrap_or_default()
    }

    fn set_backoff(&mut self, job: JobId, record: BackoffRecord) {
        if self.backoff.len() <= job {
            if record == BackoffRecord::default() {
                return;
            }
            self.backoff.resize(job + 1, BackoffRecord::default());
        }
        self.backoff[job] = record;
    }

    /// A restarted kube-controller-manager has lost its in-memory back-off records.
    pub(crate) fn restart(&mut self) {
        self.backoff.clear();
    }

    /// `syncJob`.
    pub(crate) fn sync(&mut self, c: &mut Cluster, job_id: JobId) {
        let now = c.now;
        if c.jobs[job_id].gone {
            self.set_backoff(job_id, BackoffRecord::default());
            return;
        }
        if c.jobs[job_id].spec.managed_elsewhere {
            return;
        }
        if c.jobs[job_id].status.finished().is_some() {
            self.set_backoff(job_id, BackoffRecord::default());
            return;
        }
        let spec = c.jobs[job_id].spec.clone();
        // Scratch lists from the pool: a sync runs for every pod change.
        let mut pods = c.buffer();
        pods.extend(c.jobs[job_id].live_pods.iter().copied());
        let mut active = c.buffer();
        active.extend(pods.iter().copied().filter(|&p| c.pods[p].is_active()));
        let ready = active.iter().filter(|&&p| c.pods[p].ready).count() as i32;
        let terminating = pods.iter().filter(|&&p| c.pods[p].is_terminating()).count() as i32;

        // getNewFinishedPods: tracked pods (finalizer, valid index) newly Succeeded or failed.
        let tracked = |c: &Cluster, p: PodId| c.pods[p].finalizer && valid_index(c, job_id, p);
        let mut new_succeeded = c.buffer();
        new_succeeded.extend(
            pods.iter()
                .copied()
                .filter(|&p| tracked(c, p) && c.pods[p].phase == Phase::Succeeded),
        );
        let mut new_failed = c.buffer();
        new_failed.extend(
            pods.iter()
                .copied()
                .filter(|&p| tracked(c, p) && is_pod_failed(&c.pods[p], &spec)),
        );
        let non_ignored = new_failed
            .iter()
            .filter(|&&p| match_pod_failure_policy(&spec, &c.pods[p], &c.namespace).1)
            .count() as i32;
        let (status_succeeded, status_failed) = (
            c.jobs[job_id].status.succeeded,
            c.jobs[job_id].status.failed,
        );
        let mut ctx = SyncContext {
            pods,
            active,
            ready,
            terminating,
            succeeded: status_succeeded + new_succeeded.len() as i32,
            failed: status_failed + non_ignored,
            finished: None,
            prev_succeeded_indexes: Intervals::default(),
            succeeded_indexes: Intervals::default(),
            failed_indexes: None,
            delayed_deletion: Vec::new(),
            backoff_failures: 0,
            backoff_last_failure: None,
            deleted: Vec::new(),
        };

        if c.jobs[job_id].status.start_time.is_none() && !spec.suspend {
            c.jobs[job_id].status.start_time = Some(api_time(now));
        }
        self.new_backoff_record(c, job_id, &mut ctx, &new_succeeded, &new_failed);

        let exceeds_backoff_limit = ctx.failed > spec.backoff_limit;
        let job_status = &c.jobs[job_id].status;
        ctx.finished = job_status
            .condition(ConditionKind::SuccessCriteriaMet)
            .filter(|c| c.status)
            .cloned();
        if ctx.finished.is_none() {
            if let Some(target) = job_status
                .condition(ConditionKind::FailureTarget)
                .filter(|c| c.status)
            {
                ctx.finished = Some(condition(
                    ConditionKind::Failed,
                    target.reason,
                    target.message.clone(),
                    now,
                ));
            } else if let Some(message) = fail_job_message(c, job_id, &ctx.pods) {
                ctx.finished = Some(condition(
                    ConditionKind::FailureTarget,
                    "PodFailurePolicy",
                    message,
                    now,
                ));
            }
        }
        if ctx.finished.is_none() {
            if exceeds_backoff_limit || past_backoff_limit_on_failure(c, job_id, &ctx.pods) {
                ctx.finished = Some(condition(
                    ConditionKind::FailureTarget,
                    "BackoffLimitExceeded",
                    MSG_BACKOFF_LIMIT,
                    now,
                ));
            } else if past_active_deadline(c, job_id) {
                ctx.finished = Some(condition(
                    ConditionKind::FailureTarget,
                    "DeadlineExceeded",
                    MSG_DEADLINE,
                    now,
                ));
            } else if let (Some(deadline), false) = (spec.active_deadline_seconds, spec.suspend)
                && let Some(start) = c.jobs[job_id].status.start_time
            {
                let remaining = deadline.saturating_mul(SECOND) - (now - start);
                c.enqueue_job(job_id, remaining);
            }
        }

        if spec.indexed {
            let completions = spec.index_count();
            ctx.prev_succeeded_indexes =
                Intervals::parse(c.jobs[job_id].status.completed_indexes(), completions);
            let mut new_indexes: Vec<i32> = ctx
                .pods
                .iter()
                .filter(|&&p| c.pods[p].phase == Phase::Succeeded && c.pods[p].finalizer)
                .filter_map(|&p| c.pods[p].index)
                .filter(|&i| i >= 0 && i < completions)
                .collect();
            new_indexes.sort_unstable();
            new_indexes.dedup();
            ctx.succeeded_indexes = ctx.prev_succeeded_indexes.with_indexes(&new_indexes);
            ctx.succeeded = ctx.succeeded_indexes.total();
            if spec.per_index() {
                let failed = calculate_failed_indexes(c, job_id, &ctx.pods);
                if ctx.finished.is_none() {
                    if spec
                        .max_failed_indexes
                        .is_some_and(|max| failed.total() > max)
                    {
                        ctx.finished = Some(condition(
                            ConditionKind::FailureTarget,
                            "MaxFailedIndexesExceeded",
                            MSG_MAX_FAILED_INDEXES,
                            now,
                        ));
                    } else if failed.total() > 0
                        && failed.total() + ctx.succeeded_indexes.total() >= completions
                    {
                        ctx.finished = Some(condition(
                            ConditionKind::FailureTarget,
                            "FailedIndexes",
                            MSG_FAILED_INDEXES,
                            now,
                        ));
                    }
                }
                ctx.failed_indexes = Some(failed);
                ctx.delayed_deletion = pods_with_delayed_deletion(c, job_id, &ctx);
            }
            if ctx.finished.is_none()
                && let Some(message) =
                    match_success_policy(&spec, completions, &ctx.succeeded_indexes)
            {
                ctx.finished = Some(condition(
                    ConditionKind::SuccessCriteriaMet,
                    "SuccessPolicy",
                    message,
                    now,
                ));
            }
        }

        let mut suspend_changed = false;
        let mut active_count = ctx.active.len() as i32;
        if ctx.finished.is_some() {
            // deleteActivePods: delete, keeping finalizers.
            let to_delete = ctx.active.clone();
            active_count -= delete_active_pods(c, &mut ctx, &to_delete, false);
        } else {
            let manage_called = c.jobs[job_id].deleted_at.is_none();
            if manage_called {
                active_count = manage_job(c, job_id, &mut ctx);
            }
            let complete = match spec.completions {
                None => ctx.succeeded > 0 && active_count == 0,
                Some(completions) => ctx.succeeded >= completions && active_count == 0,
            };
            if complete {
                ctx.finished = Some(condition(
                    ConditionKind::SuccessCriteriaMet,
                    "CompletionsReached",
                    self.texts.completions_reached.clone(),
                    now,
                ));
            } else if manage_called {
                let conditions = &mut c.jobs[job_id].status.conditions;
                if spec.suspend {
                    if ensure_condition(
                        conditions,
                        ConditionKind::Suspended,
                        true,
                        "JobSuspended",
                        &self.texts.job_suspended,
                        now,
                    ) {
                        suspend_changed = true;
                        job_event(c, job_id, false, "Suspended", "Job suspended");
                        if self.clears_start_time_on_suspend {
                            c.jobs[job_id].status.start_time = None;
                        }
                    }
                } else if ensure_condition(
                    conditions,
                    ConditionKind::Suspended,
                    false,
                    "JobResumed",
                    &self.texts.job_resumed,
                    now,
                ) {
                    suspend_changed = true;
                    job_event(c, job_id, false, "Resumed", "Job resumed");
                    // ActiveDeadlineSeconds counts the time a Job is continuously active.
                    c.jobs[job_id].status.start_time = Some(api_time(now));
                }
            }
        }

        let job = &mut c.jobs[job_id];
        let needs_update = suspend_changed
            || active_count != job.status.active
            || ctx.ready != job.status.ready
            || ctx.terminating != job.status.terminating;
        job.status.active = active_count;
        job.status.ready = ctx.ready;
        job.status.terminating = ctx.terminating;
        self.track_status_and_remove_finalizers(c, job_id, &mut ctx, needs_update);
        // One call per list: a loop over an array of the five lists copied them through
        // the stack at every sync (a store-forwarding stall perf showed in this function).
        c.recycle(ctx.pods);
        c.recycle(ctx.active);
        c.recycle(ctx.deleted);
        c.recycle(new_succeeded);
        c.recycle(new_failed);
    }

    /// `newBackoffRecord`: failures since the last success, and when the last one finished.
    fn new_backoff_record(
        &self,
        c: &Cluster,
        job_id: JobId,
        ctx: &mut SyncContext,
        succeeded: &[PodId],
        failed: &[PodId],
    ) {
        let record = self.backoff_of(job_id);
        ctx.backoff_failures = record.failures;
        ctx.backoff_last_failure = record.last_failure;
        let mut failed_times: Vec<Ms> = failed.iter().map(|&p| c.pods[p].finished_time()).collect();
        failed_times.sort_unstable();
        if succeeded.is_empty() {
            if let Some(&last) = failed_times.last() {
                ctx.backoff_failures += failed_times.len() as i32;
                ctx.backoff_last_failure = Some(last);
            }
            return;
        }
        ctx.backoff_failures = 0;
        ctx.backoff_last_failure = None;
        let last_success = succeeded
            .iter()
            .map(|&p| c.pods[p].finished_time())
            .max()
            .unwrap_or(0);
        for &failed_at in failed_times.iter().rev() {
            if failed_at <= last_success {
                break;
            }
            if ctx.backoff_last_failure.is_none() {
                ctx.backoff_last_failure = Some(failed_at);
            }
            ctx.backoff_failures += 1;
        }
    }

    /// `trackJobStatusAndRemoveFinalizers`.
    fn track_status_and_remove_finalizers(
        &mut self,
        c: &mut Cluster,
        job_id: JobId,
        ctx: &mut SyncContext,
        needs_update: bool,
    ) {
        let now = c.now;
        let spec = c.jobs[job_id].spec.clone();
        let mut needs_flush = needs_update;
        let mut pods = c.buffer();
        pods.extend_from_slice(&ctx.pods);
        if spec.indexed {
            jobscope_sort::sort_by_key(&mut pods, |&p| c.pods[p].index.unwrap_or(-1));
        }
        let mut to_remove = c.buffer();
        let mut uncounted_succeeded = 0;
        let mut uncounted_failed = 0;
        let mut new_succeeded_indexes: Vec<i32> = Vec::new();
        let mut reached_max = false;
        let finished_as_failure = ctx
            .finished
            .as_ref()
            .is_some_and(|c| !(c.kind == ConditionKind::SuccessCriteriaMet && c.status));
        for &p in &pods {
            let pod = &c.pods[p];
            if !pod.finalizer {
                continue;
            }
            // A pod deleted in this sync is seen as the sync listed it: not yet deleted.
            let consider_failed = if ctx.deleted.contains(&p) {
                pod.phase == Phase::Failed
            } else {
                is_pod_failed(pod, &spec)
            };
            if !can_remove_finalizer(c, job_id, ctx, p, consider_failed) {
                continue;
            }
            to_remove.push(p);
            let pod = &c.pods[p];
            if pod.phase == Phase::Succeeded {
                if spec.indexed {
                    if let Some(ix) = pod.index
                        && ix >= 0
                        && ix < spec.index_count()
                        && !ctx.prev_succeeded_indexes.has(ix)
                    {
                        new_succeeded_indexes.push(ix);
                        needs_flush = true;
                    }
                } else {
                    uncounted_succeeded += 1;
                    needs_flush = true;
                }
            } else if consider_failed || finished_as_failure {
                let valid =
                    !spec.indexed || pod.index.is_some_and(|i| i >= 0 && i < spec.index_count());
                if valid && match_pod_failure_policy(&spec, pod, &c.namespace).1 {
                    uncounted_failed += 1;
                    needs_flush = true;
                }
            }
            if new_succeeded_indexes.len() + uncounted_succeeded + uncounted_failed
                >= MAX_PODS_PER_SYNC
            {
                reached_max = true;
                break;
            }
        }
        let job = &mut c.jobs[job_id];
        if spec.indexed {
            new_succeeded_indexes.sort_unstable();
            ctx.succeeded_indexes = ctx.succeeded_indexes.with_indexes(&new_succeeded_indexes);
            job.status.succeeded = ctx.succeeded_indexes.total();
            let completed = ctx.succeeded_indexes.to_string();
            let failed = ctx.failed_indexes.as_ref().map(ToString::to_string);
            needs_flush |= job.status.set_indexes(completed, failed);
        }
        if let Some(finished) = ctx.finished.clone() {
            if finished.kind == ConditionKind::FailureTarget {
                job.status.conditions.push(finished.clone());
                needs_flush = true;
                ctx.finished = Some(condition(
                    ConditionKind::Failed,
                    finished.reason,
                    finished.message.clone(),
                    now,
                ));
            } else if finished.kind == ConditionKind::SuccessCriteriaMet && finished.status {
                if !job
                    .status
                    .conditions
                    .iter()
                    .any(|c| c.kind == ConditionKind::SuccessCriteriaMet && c.status)
                {
                    job.status.conditions.push(finished.clone());
                    needs_flush = true;
                }
                ctx.finished = Some(condition(
                    ConditionKind::Complete,
                    finished.reason,
                    finished.message.clone(),
                    now,
                ));
            }
        }
        let mut wrote = false;
        if needs_flush {
            // The first write (with the uncounted pods) also stores the back-off record.
            wrote = true;
            self.set_backoff(
                job_id,
                BackoffRecord {
                    failures: ctx.backoff_failures,
                    last_failure: ctx.backoff_last_failure,
                },
            );
        }
        for &p in &to_remove {
            c.remove_finalizer(p);
        }
        c.recycle(to_remove);
        c.recycle(pods);
        let job = &mut c.jobs[job_id];
        if uncounted_succeeded + uncounted_failed > 0 {
            if !spec.indexed {
                job.status.succeeded += uncounted_succeeded as i32;
            }
            job.status.failed += uncounted_failed as i32;
            wrote = true;
        }
        // enactJobFinished: the terminal condition once nothing is uncounted or terminating.
        let mut finished_now = None;
        if !reached_max
            && let Some(finished) = &ctx.finished
            && ctx.terminating == 0
        {
            ensure_condition(
                &mut job.status.conditions,
                finished.kind,
                true,
                finished.reason,
                &finished.message,
                now,
            );
            if finished.kind == ConditionKind::Complete {
                job.status.completion_time = Some(api_time(now));
            }
            finished_now = Some(finished.clone());
            wrote = true;
        }
        if wrote {
            c.job_status_written(job_id);
        }
        if let Some(finished) = finished_now {
            if finished.kind == ConditionKind::Complete {
                let job = &c.jobs[job_id];
                if job
                    .spec
                    .completions
                    .is_some_and(|c| job.status.succeeded > c)
                {
                    job_event(
                        c,
                        job_id,
                        true,
                        "TooManySucceededPods",
                        "Too many succeeded pods running after completion count reached",
                    );
                }
                job_event(c, job_id, false, "Completed", "Job completed");
            } else {
                job_event(
                    c,
                    job_id,
                    true,
                    finished.reason,
                    Message::Text(finished.message.clone()),
                );
            }
            self.set_backoff(job_id, BackoffRecord::default());
        }
    }
}

fn job_event(
    c: &mut Cluster,
    job: JobId,
    warning: bool,
    reason: &'static str,
    message: impl Into<Message>,
) {
    c.event(ObjectRef::Job(job), warning, reason, message);
}

fn valid_index(c: &Cluster, job: JobId, pod: PodId) -> bool {
    let spec = &c.jobs[job].spec;
    !spec.indexed
        || c.pods[pod]
            .index
            .is_some_and(|i| i >= 0 && i < spec.index_count())
}

/// `getFailJobMessage`: the first failed pod a FailJob rule matches.
fn fail_job_message(c: &Cluster, job_id: JobId, pods: &[PodId]) -> Option<String> {
    let spec = &c.jobs[job_id].spec;
    spec.pod_failure_policy.as_ref()?;
    pods.iter().find_map(|&p| {
        let pod = &c.pods[p];
        if is_pod_failed(pod, spec) {
            match_pod_failure_policy(spec, pod, &c.namespace).0
        } else {
            None
        }
    })
}

/// `pastBackoffLimitOnFailure`: container restarts of running and pending pods.
fn past_backoff_limit_on_failure(c: &Cluster, job_id: JobId, pods: &[PodId]) -> bool {
    let spec = &c.jobs[job_id].spec;
    if spec.restart_policy != super::model::RestartPolicy::OnFailure {
        return false;
    }
    let restarts: i64 = pods
        .iter()
        .map(|&p| &c.pods[p])
        .filter(|p| matches!(p.phase, Phase::Running | Phase::Pending))
        .map(|p| i64::from(p.restarts()))
        .sum();
    if spec.backoff_limit == 0 {
        restarts > 0
    } else {
        restarts >= i64::from(spec.backoff_limit)
    }
}

fn past_active_deadline(c: &Cluster, job_id: JobId) -> bool {
    let job = &c.jobs[job_id];
    match (job.spec.active_deadline_seconds, job.status.start_time) {
        (Some(deadline), Some(start)) if !job.spec.suspend => {
            c.now - start >= deadline.saturating_mul(SECOND)
        }
        _ => false,
    }
}

/// `calculateFailedIndexes`.
fn calculate_failed_indexes(c: &Cluster, job_id: JobId, pods: &[PodId]) -> Intervals {
    let spec = &c.jobs[job_id].spec;
    let completions = spec.index_count();
    let previous = c.jobs[job_id]
        .status
        .failed_indexes()
        .map(|s| Intervals::parse(s, completions))
        .unwrap_or_default();
    let mut new_failed: Vec<i32> = pods
        .iter()
        .map(|&p| &c.pods[p])
        .filter(|p| p.finalizer && p.index.is_some_and(|i| i >= 0 && i < completions))
        .filter(|p| is_index_failed(c, spec, p))
        .filter_map(|p| p.index)
        .collect();
    new_failed.sort_unstable();
    new_failed.dedup();
    previous.with_indexes(&new_failed)
}

/// `isIndexFailed`.
fn is_index_failed(c: &Cluster, spec: &JobSpec, pod: &Pod) -> bool {
    if !is_pod_failed(pod, spec) {
        return false;
    }
    let counted = if spec.pod_failure_policy.is_some() {
        let (_, count, action) = match_pod_failure_policy(spec, pod, &c.namespace);
        if action == Some(PolicyAction::FailIndex) {
            return true;
        }
        count
    } else {
        true
    };
    counted && pod.index_failure_count >= spec.backoff_limit_per_index.unwrap_or(0)
}

/// `getPodsWithDelayedDeletionPerIndex`.
fn pods_with_delayed_deletion(c: &Cluster, job_id: JobId, ctx: &SyncContext) -> Vec<(i32, PodId)> {
    let spec = &c.jobs[job_id].spec;
    let completions = spec.index_count();
    let active_indexes: Vec<i32> = ctx.active.iter().filter_map(|&p| c.pods[p].index).collect();
    let mut result: Vec<(i32, PodId)> = Vec::new();
    for &p in &ctx.pods {
        let pod = &c.pods[p];
        if !pod.finalizer || !is_pod_failed(pod, spec) {
            continue;
        }
        let Some(ix) = pod.index.filter(|&i| i >= 0 && i < completions) else {
            continue;
        };
        if ctx.succeeded_indexes.has(ix)
            || ctx.failed_indexes.as_ref().is_some_and(|f| f.has(ix))
            || active_indexes.contains(&ix)
        {
            continue;
        }
        match result.iter_mut().find(|(i, _)| *i == ix) {
            Some(slot) => {
                let last = &c.pods[slot.1];
                let absolute = |p: &Pod| p.index_failure_count + p.index_ignored_count;
                if absolute(last) <= absolute(pod) && pod.finished_time() >= last.finished_time() {
                    slot.1 = p;
                }
            }
            None => result.push((ix, p)),
        }
    }
    result
}

/// Deletes active pods of the Job in this sync (`strip_finalizer` as in `delete_pod_for_job`)
/// and counts them as terminating from now on; returns how many.
fn delete_active_pods(
    c: &mut Cluster,
    ctx: &mut SyncContext,
    pods: &[PodId],
    strip_finalizer: bool,
) -> i32 {
    let ready = pods.iter().filter(|&&p| c.pods[p].ready).count() as i32;
    for &pod in pods {
        delete_pod_for_job(c, pod, strip_finalizer);
    }
    ctx.deleted.extend_from_slice(pods);
    ctx.terminating += pods.len() as i32;
    ctx.ready -= ready;
    pods.len() as i32
}

/// `deleteJobPods` (finalizer stripped first: not counted) or a plain delete.
fn delete_pod_for_job(c: &mut Cluster, pod: PodId, strip_finalizer: bool) {
    let job = c.pods[pod].job;
    if strip_finalizer {
        c.remove_finalizer(pod);
    }
    c.delete_pod(pod, false);
    job_event(c, job, false, "SuccessfulDelete", Message::DeletedPod(pod));
}

/// `manageJob`: creates or deletes pods; returns the new active count.
fn manage_job(c: &mut Cluster, job_id: JobId, ctx: &mut SyncContext) -> i32 {
    let spec = c.jobs[job_id].spec.clone();
    let mut active = ctx.active.len() as i32;
    if spec.suspend {
        let to_delete = active_pods_for_removal(c, job_id, &ctx.active, active as usize);
        return active - delete_active_pods(c, ctx, &to_delete, true);
    }
    let want_active = match spec.completions {
        None => {
            if ctx.succeeded > 0 {
                active
            } else {
                spec.parallelism
            }
        }
        Some(completions) => (completions - ctx.succeeded).min(spec.parallelism).max(0),
    };
    let remove_at_least = (active - want_active).max(0) as usize;
    let mut to_delete = active_pods_for_removal(c, job_id, &ctx.active, remove_at_least);
    to_delete.truncate(MAX_PODS_PER_SYNC);
    if !to_delete.is_empty() {
        return active - delete_active_pods(c, ctx, &to_delete, true);
    }
    let terminating = if spec.only_replace_failed {
        ctx.terminating
    } else {
        0
    };
    let mut diff = want_active - terminating - active;
    if diff <= 0 {
        return active;
    }
    if !spec.per_index() {
        let remaining = remaining_backoff(c.now, ctx.backoff_failures, ctx.backoff_last_failure);
        if remaining > 0 {
            c.enqueue_job(job_id, remaining.max(BATCH));
            return 0;
        }
    }
    diff = diff.min(MAX_PODS_PER_SYNC as i32);
    let mut indexes: Vec<Option<i32>> = Vec::new();
    if spec.indexed {
        let mut pending = first_pending_indexes(c, job_id, ctx, diff as usize);
        if spec.per_index() {
            let mut ready_now = Vec::new();
            let mut min_remaining: Option<Ms> = None;
            for ix in pending {
                let remaining =
                    ctx.delayed_deletion
                        .iter()
                        .find(|(i, _)| *i == ix)
                        .map_or(0, |&(_, p)| {
                            let pod = &c.pods[p];
                            remaining_backoff(
                                c.now,
                                pod.index_failure_count + pod.index_ignored_count + 1,
                                Some(pod.finished_time()),
                            )
                        });
                if remaining == 0 {
                    ready_now.push(ix);
                } else if min_remaining.is_none_or(|m| remaining < m) {
                    min_remaining = Some(remaining);
                }
            }
            if ready_now.is_empty()
                && let Some(remaining) = min_remaining
            {
                c.enqueue_job(job_id, remaining.max(BATCH));
                return 0;
            }
            pending = ready_now;
        }
        indexes = pending.into_iter().map(Some).collect();
    }
    // NonIndexed: `diff` pods without an index (no list needed).
    let unindexed = if spec.indexed {
        0
    } else {
        diff.max(0) as usize
    };
    let all = indexes
        .into_iter()
        .chain(std::iter::repeat_n(None, unindexed));
    for index in all {
        let (failures, ignored) = match index {
            Some(ix) if spec.per_index() => new_index_failure_counts(c, &spec, ctx, ix),
            _ => (0, 0),
        };
        let pod = c.create_pod(job_id, index, failures, ignored);
        job_event(
            c,
            job_id,
            false,
            "SuccessfulCreate",
            Message::CreatedPod(pod),
        );
        active += 1;
    }
    active
}

/// `getNewIndexFailureCounts`: the counts a replacement pod of `index` carries.
fn new_index_failure_counts(
    c: &Cluster,
    spec: &JobSpec,
    ctx: &SyncContext,
    index: i32,
) -> (i32, i32) {
    let Some(&(_, replaced)) = ctx.delayed_deletion.iter().find(|(i, _)| *i == index) else {
        return (0, 0);
    };
    let pod = &c.pods[replaced];
    let (mut failures, mut ignored) = (pod.index_failure_count, pod.index_ignored_count);
    if spec.pod_failure_policy.is_some() {
        if match_pod_failure_policy(spec, pod, &c.namespace).1 {
            failures += 1;
        } else {
            ignored += 1;
        }
    } else {
        failures += 1;
    }
    (failures, ignored)
}

/// `firstPendingIndexes`: the lowest indexes not succeeded, running, failed, or (when only
/// failed pods are replaced) held by a terminating pod.
fn first_pending_indexes(c: &Cluster, job_id: JobId, ctx: &SyncContext, count: usize) -> Vec<i32> {
    let spec = &c.jobs[job_id].spec;
    let completions = spec.index_count();
    let mut taken: Vec<i32> = ctx.active.iter().filter_map(|&p| c.pods[p].index).collect();
    if spec.only_replace_failed {
        taken.extend(
            ctx.pods
                .iter()
                .filter(|&&p| c.pods[p].is_terminating())
                .filter_map(|&p| c.pods[p].index),
        );
    }
    taken.sort_unstable();
    taken.dedup();
    let mut non_pending = ctx.succeeded_indexes.with_indexes(&taken);
    if let Some(failed) = &ctx.failed_indexes {
        non_pending = non_pending.merge(failed);
    }
    let mut result = Vec::with_capacity(count);
    let mut candidate = 0;
    for &(first, last) in &non_pending.0 {
        while candidate < completions && result.len() < count && candidate < first {
            result.push(candidate);
            candidate += 1;
        }
        if candidate < last + 1 {
            candidate = last + 1;
        }
    }
    while candidate < completions && result.len() < count {
        result.push(candidate);
        candidate += 1;
    }
    result
}

/// `activePodsForRemoval`: duplicates and out-of-range indexes first, then the pods the
/// ReplicaSet ordering would delete first.
fn active_pods_for_removal(
    c: &Cluster,
    job_id: JobId,
    active: &[PodId],
    at_least: usize,
) -> Vec<PodId> {
    let spec = &c.jobs[job_id].spec;
    if !spec.indexed && at_least == 0 {
        // Nothing to remove: no duplicate indexes without indexes (the common case).
        return Vec::new();
    }
    let mut remove: Vec<PodId> = Vec::new();
    let mut left: Vec<PodId> = active.to_vec();
    if spec.indexed {
        let completions = spec.index_count();
        jobscope_sort::sort_by_key(&mut left, |&p| c.pods[p].index.unwrap_or(-1));
        let mut kept: Vec<PodId> = Vec::new();
        for &p in &left {
            let index = c.pods[p].index.unwrap_or(-1);
            if index < 0 || index >= completions {
                remove.push(p);
            } else if kept.last().is_some_and(|&k| c.pods[k].index == Some(index)) {
                // Keep the best pod of an index (the one ActivePods orders last).
                let previous = kept.pop().unwrap_or(p);
                let (worse, better) = if removal_key(c, previous) < removal_key(c, p) {
                    (previous, p)
                } else {
                    (p, previous)
                };
                remove.push(worse);
                kept.push(better);
            } else {
                kept.push(p);
            }
        }
        left = kept;
    }
    if remove.len() < at_least {
        jobscope_sort::sort_by_key(&mut left, |&p| removal_key(c, p));
        let need = (at_least - remove.len()).min(left.len());
        remove.extend_from_slice(&left[..need]);
    }
    remove
}

/// `controller.ActivePods` ordering: pending before running, not ready before ready,
/// ready for less time first, more restarts first, newer first.
fn removal_key(c: &Cluster, p: PodId) -> (u8, u8, i64, i64, i64) {
    let pod = &c.pods[p];
    (
        u8::from(pod.phase == Phase::Running),
        u8::from(pod.ready),
        if pod.ready { -pod.ready_changed } else { 0 },
        -i64::from(pod.restarts()),
        -pod.created,
    )
}

/// `canRemoveFinalizer`.
fn can_remove_finalizer(
    c: &Cluster,
    job_id: JobId,
    ctx: &SyncContext,
    pod: PodId,
    consider_failed: bool,
) -> bool {
    let job = &c.jobs[job_id];
    if job.deleted_at.is_some() || ctx.finished.is_some() || c.pods[pod].phase == Phase::Succeeded {
        return true;
    }
    if !consider_failed {
        return false;
    }
    if job.spec.per_index()
        && let Some(ix) = c.pods[pod].index
        && ctx
            .delayed_deletion
            .iter()
            .any(|&(i, p)| i == ix && p == pod)
    {
        return false;
    }
    true
}

/// `matchSuccessPolicy`: the message of the first rule the succeeded indexes satisfy.
fn match_success_policy(spec: &JobSpec, completions: i32, succeeded: &Intervals) -> Option<String> {
    let rules = spec.success_policy.as_ref()?;
    if succeeded.0.is_empty() {
        return None;
    }
    for (index, rule) in rules.iter().enumerate() {
        if let Some(text) = &rule.succeeded_indexes {
            let required = Intervals::parse(text, completions);
            if required.0.is_empty() {
                continue;
            }
            let contains = succeeded.overlap(&required);
            if contains == required.total() || rule.succeeded_count.is_some_and(|c| contains >= c) {
                return Some(format!("Matched rules at index {index}"));
            }
        } else if rule.succeeded_count.is_some_and(|c| succeeded.total() >= c) {
            return Some(format!("Matched rules at index {index}"));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_ten_seconds_to_ten_minutes() {
        let delays: Vec<Ms> = (1..=9)
            .map(|n| remaining_backoff(0, n, Some(0)) / SECOND)
            .collect();
        assert_eq!(delays, [10, 20, 40, 80, 160, 320, 600, 600, 600]);
        assert_eq!(remaining_backoff(15 * SECOND, 1, Some(0)), 0);
        assert_eq!(
            remaining_backoff(6 * SECOND, 1, Some(5 * SECOND)),
            9 * SECOND
        );
    }
}
