//! The simulated objects: Jobs, their pods and the CronJob, with just the fields the controllers
//! read and write, and the typed view of a Job's or CronJob's spec taken from the defaulted model.

use jobscope_api::manifest::object::Node;
use jobscope_golang::time::Instant;

/// Virtual time: milliseconds since the Unix epoch. The timing model's finest step is 0.1 s.
pub type Ms = i64;

pub const SECOND: Ms = 1_000;

/// `Instant` of a virtual time.
pub fn instant(t: Ms) -> Instant {
    Instant::from_millis(t)
}

/// Virtual time of an `Instant` (sub-millisecond parts dropped).
pub fn millis(t: Instant) -> Ms {
    t.millis()
}

/// A time as the API stores it in a status or `metav1.Time` field: whole seconds.
pub(crate) fn api_time(t: Ms) -> Ms {
    t - t.rem_euclid(SECOND)
}

pub(crate) type JobId = usize;
pub(crate) type PodId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RestartPolicy {
    Never,
    OnFailure,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PolicyAction {
    FailJob,
    FailIndex,
    Ignore,
    Count,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct OnExitCodes {
    pub(crate) container_name: Option<String>,
    /// `In` when true, `NotIn` otherwise.
    pub(crate) is_in: bool,
    pub(crate) values: Vec<i32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PolicyRule {
    pub(crate) action: PolicyAction,
    pub(crate) on_exit_codes: Option<OnExitCodes>,
    /// `(type, status)` patterns.
    pub(crate) on_pod_conditions: Vec<(String, String)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SuccessRule {
    pub(crate) succeeded_indexes: Option<String>,
    pub(crate) succeeded_count: Option<i32>,
}

/// A Job's spec as the Job controller reads it (after apiserver defaulting).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct JobSpec {
    pub(crate) parallelism: i32,
    pub(crate) completions: Option<i32>,
    pub(crate) backoff_limit: i32,
    pub(crate) backoff_limit_per_index: Option<i32>,
    pub(crate) max_failed_indexes: Option<i32>,
    pub(crate) active_deadline_seconds: Option<i64>,
    pub(crate) ttl_seconds_after_finished: Option<i64>,
    pub(crate) indexed: bool,
    pub(crate) suspend: bool,
    /// `podReplacementPolicy: Failed` (always with a podFailurePolicy).
    pub(crate) only_replace_failed: bool,
    pub(crate) pod_failure_policy: Option<Vec<PolicyRule>>,
    pub(crate) success_policy: Option<Vec<SuccessRule>>,
    /// Set to a controller other than the built-in one.
    pub(crate) managed_elsewhere: bool,
    pub(crate) restart_policy: RestartPolicy,
    pub(crate) containers: Vec<std::rc::Rc<str>>,
    pub(crate) init_containers: Vec<std::rc::Rc<str>>,
    pub(crate) termination_grace_seconds: i64,
}

fn int(node: Option<&Node>) -> Option<i64> {
    node.and_then(Node::as_i64)
}

fn i32_of(node: Option<&Node>) -> Option<i32> {
    int(node).map(|v| v.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32)
}

fn names(list: Option<&Node>) -> Vec<std::rc::Rc<str>> {
    list.map(Node::items)
        .unwrap_or_default()
        .iter()
        .map(|c| std::rc::Rc::from(c.get("name").and_then(Node::as_str).unwrap_or("")))
        .collect()
}

impl JobSpec {
    /// Reads a defaulted `JobSpec` node.
    pub(crate) fn from_node(spec: &Node) -> JobSpec {
        let pod_spec = spec.at(&["template", "spec"]);
        let pod_failure_policy = spec.at(&["podFailurePolicy", "rules"]).map(|rules| {
            rules
                .items()
                .iter()
                .map(|rule| PolicyRule {
                    action: match rule.get("action").and_then(Node::as_str) {
                        Some("FailJob") => PolicyAction::FailJob,
                        Some("FailIndex") => PolicyAction::FailIndex,
                        Some("Ignore") => PolicyAction::Ignore,
                        _ => PolicyAction::Count,
                    },
                    on_exit_codes: rule.get("onExitCodes").map(|codes| OnExitCodes {
                        container_name: codes
                            .get("containerName")
                            .and_then(Node::as_str)
                            .map(str::to_owned),
                        is_in: codes.get("operator").and_then(Node::as_str) == Some("In"),
                        values: codes
                            .get("values")
                            .map(Node::items)
                            .unwrap_or_default()
                            .iter()
                            .filter_map(|v| i32_of(Some(v)))
                            .collect(),
                    }),
                    on_pod_conditions: rule
                        .get("onPodConditions")
                        .map(Node::items)
                        .unwrap_or_default()
                        .iter()
                        .map(|pattern| {
                            (
                                pattern
                                    .get("type")
                                    .and_then(Node::as_str)
                                    .unwrap_or("")
                                    .to_owned(),
                                pattern
                                    .get("status")
                                    .and_then(Node::as_str)
                                    .unwrap_or("True")
                                    .to_owned(),
                            )
                        })
                        .collect(),
                })
                .collect()
        });
        let success_policy = spec.at(&["successPolicy", "rules"]).map(|rules| {
            rules
                .items()
                .iter()
                .map(|rule| SuccessRule {
                    succeeded_indexes: rule
                        .get("succeededIndexes")
                        .and_then(Node::as_str)
                        .map(str::to_owned),
                    succeeded_count: i32_of(rule.get("succeededCount")),
                })
                .collect()
        });
        let managed_by = spec.get("managedBy").and_then(Node::as_str);
        JobSpec {
            parallelism: i32_of(spec.get("parallelism")).unwrap_or(1).max(0),
            completions: i32_of(spec.get("completions")).map(|c| c.max(0)),
            backoff_limit: i32_of(spec.get("backoffLimit")).unwrap_or(6).max(0),
            backoff_limit_per_index: i32_of(spec.get("backoffLimitPerIndex")),
            max_failed_indexes: i32_of(spec.get("maxFailedIndexes")),
            active_deadline_seconds: int(spec.get("activeDeadlineSeconds")),
            ttl_seconds_after_finished: int(spec.get("ttlSecondsAfterFinished")),
            indexed: spec.get("completionMode").and_then(Node::as_str) == Some("Indexed"),
            suspend: spec.get("suspend").and_then(Node::as_bool).unwrap_or(false),
            only_replace_failed: pod_failure_policy.is_some()
                || spec.get("podReplacementPolicy").and_then(Node::as_str) == Some("Failed"),
            pod_failure_policy,
            success_policy,
            managed_elsewhere: managed_by.is_some_and(|m| m != "kubernetes.io/job-controller"),
            restart_policy: match pod_spec
                .and_then(|s| s.get("restartPolicy"))
                .and_then(Node::as_str)
            {
                Some("OnFailure") => RestartPolicy::OnFailure,
                _ => RestartPolicy::Never,
            },
            containers: names(pod_spec.and_then(|s| s.get("containers"))),
            init_containers: names(pod_spec.and_then(|s| s.get("initContainers"))),
            termination_grace_seconds: int(
                pod_spec.and_then(|s| s.get("terminationGracePeriodSeconds"))
            )
            .unwrap_or(30)
            .max(0),
        }
    }

    /// `hasBackoffLimitPerIndex`.
    pub(crate) fn per_index(&self) -> bool {
        self.indexed && self.backoff_limit_per_index.is_some()
    }

    /// `completions` for an Indexed Job (validation guarantees it is set).
    pub(crate) fn index_count(&self) -> i32 {
        self.completions.unwrap_or(0)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConcurrencyPolicy {
    Allow,
    Forbid,
    Replace,
}

impl ConcurrencyPolicy {
    pub fn as_str(self) -> &'static str {
        match self {
            ConcurrencyPolicy::Allow => "Allow",
            ConcurrencyPolicy::Forbid => "Forbid",
            ConcurrencyPolicy::Replace => "Replace",
        }
    }
}

/// A CronJob's spec as its controller reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CronJobSpec {
    pub schedule: String,
    pub time_zone: Option<String>,
    pub concurrency_policy: ConcurrencyPolicy,
    pub(crate) suspend: bool,
    pub(crate) starting_deadline_seconds: Option<i64>,
    pub(crate) successful_jobs_history_limit: Option<i32>,
    pub(crate) failed_jobs_history_limit: Option<i32>,
    /// `jobTemplate.spec`, defaulted as the apiserver defaults a Job created from it.
    pub(crate) job_template: std::rc::Rc<JobSpec>,
}

impl CronJobSpec {
    pub(crate) fn from_node(spec: &Node) -> CronJobSpec {
        let mut job_spec = spec
            .at(&["jobTemplate", "spec"])
            .cloned()
            .unwrap_or_else(|| {
                Node::object(&jobscope_api::manifest::schema::BATCH_JOB_SPEC, spec.span)
            });
        jobscope_api::manifest::defaults::set_defaults_job_spec(&mut job_spec);
        CronJobSpec {
            schedule: spec
                .get("schedule")
                .and_then(Node::as_str)
                .unwrap_or("")
                .to_owned(),
            time_zone: spec
                .get("timeZone")
                .and_then(Node::as_str)
                .map(str::to_owned),
            concurrency_policy: match spec.get("concurrencyPolicy").and_then(Node::as_str) {
                Some("Forbid") => ConcurrencyPolicy::Forbid,
                Some("Replace") => ConcurrencyPolicy::Replace,
                _ => ConcurrencyPolicy::Allow,
            },
            suspend: spec.get("suspend").and_then(Node::as_bool).unwrap_or(false),
            starting_deadline_seconds: int(spec.get("startingDeadlineSeconds")),
            successful_jobs_history_limit: i32_of(spec.get("successfulJobsHistoryLimit")),
            failed_jobs_history_limit: i32_of(spec.get("failedJobsHistoryLimit")),
            job_template: std::rc::Rc::new(JobSpec::from_node(&job_spec)),
        }
    }
}

/// A Job condition's type. An enum rather than the API's string: the controllers test
/// conditions on every sync, and comparing strings was a tenth of a month-long CronJob run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConditionKind {
    SuccessCriteriaMet,
    FailureTarget,
    Complete,
    Failed,
    Suspended,
}

impl ConditionKind {
    /// The condition's `type` as the API writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            ConditionKind::SuccessCriteriaMet => "SuccessCriteriaMet",
            ConditionKind::FailureTarget => "FailureTarget",
            ConditionKind::Complete => "Complete",
            ConditionKind::Failed => "Failed",
            ConditionKind::Suspended => "Suspended",
        }
    }
}

/// A Job condition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condition {
    pub kind: ConditionKind,
    pub status: bool,
    pub reason: &'static str,
    pub message: std::rc::Rc<str>,
    pub time: Ms,
}

/// A Job's status, as the Job controller writes it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JobStatus {
    pub start_time: Option<Ms>,
    pub completion_time: Option<Ms>,
    pub active: i32,
    pub ready: i32,
    pub terminating: i32,
    pub succeeded: i32,
    pub failed: i32,
    /// An Indexed Job's index lists; `None` while both are empty. Boxed: most Jobs are not
    /// Indexed, and every status a Job has is copied into its history and compared.
    indexes: Option<Box<IndexLists>>,
    pub conditions: Vec<Condition>,
}

/// `completedIndexes` and `failedIndexes` (the latter only with backoffLimitPerIndex).
#[derive(Clone, Debug, PartialEq, Eq)]
struct IndexLists {
    completed: String,
    failed: Option<String>,
}

impl JobStatus {
    /// `completedIndexes` (`""` when none).
    pub fn completed_indexes(&self) -> &str {
        self.indexes.as_ref().map_or("", |i| &i.completed)
    }

    /// `failedIndexes` (set only with backoffLimitPerIndex).
    pub fn failed_indexes(&self) -> Option<&str> {
        self.indexes.as_ref().and_then(|i| i.failed.as_deref())
    }

    /// Writes both lists; returns whether either changed.
    pub(crate) fn set_indexes(&mut self, completed: String, failed: Option<String>) -> bool {
        let changed =
            completed != self.completed_indexes() || failed.as_deref() != self.failed_indexes();
        match &mut self.indexes {
            _ if completed.is_empty() && failed.is_none() => self.indexes = None,
            // Reused: an Indexed Job writes its lists on every sync.
            Some(lists) => **lists = IndexLists { completed, failed },
            None => self.indexes = Some(Box::new(IndexLists { completed, failed })),
        }
        changed
    }

    pub fn condition(&self, kind: ConditionKind) -> Option<&Condition> {
        self.conditions.iter().find(|c| c.kind == kind)
    }

    /// `IsJobFinished`: a `Complete` or `Failed` condition that is true.
    pub fn finished(&self) -> Option<&Condition> {
        self.conditions
            .iter()
            .find(|c| matches!(c.kind, ConditionKind::Complete | ConditionKind::Failed) && c.status)
    }
}

/// A simulated Job.
#[derive(Clone, Debug)]
pub struct Job {
    pub name: String,
    pub created: Ms,
    /// The CronJob's scheduled time, for Jobs it created.
    pub scheduled_time: Option<Ms>,
    /// Ordinal among the CronJob's Jobs (0 for a plain Job).
    pub(crate) ordinal: usize,
    /// Shared: every Job of a CronJob has its template's spec.
    pub(crate) spec: std::rc::Rc<JobSpec>,
    pub(crate) generation: u64,
    pub status: JobStatus,
    /// Every status the Job had, with when it took effect (for the player and the metrics).
    pub history: Vec<(Ms, JobStatus)>,
    /// When it was deleted (TTL, history limit, Replace); it leaves the API at once
    /// (background propagation) or once its pods are gone (foreground).
    pub deleted_at: Option<Ms>,
    pub(crate) gone: bool,
    /// When it left the API.
    pub gone_at: Option<Ms>,
    /// The spec over time, for the metrics: empty until the first patch (then the creation
    /// spec and each patched one). A CronJob's Jobs are never patched, and a month of them
    /// spent an allocation each on a one-entry log.
    pub(crate) spec_log: Vec<(Ms, std::rc::Rc<JobSpec>)>,
    /// Every pod created for this Job, in creation order.
    pub(crate) pods: Vec<PodId>,
    /// Pods of this Job the controller still tracks (not yet counted or still running).
    pub(crate) live_pods: std::collections::VecDeque<PodId>,
    /// Pods created so far, and per completion index.
    pub(crate) pods_created: usize,
    pub(crate) pods_per_index: Vec<u32>,
}

impl Job {
    /// The TTL-after-finished controller's `needsCleanup`: a TTL and a terminal condition, and
    /// not already being deleted.
    pub(crate) fn needs_ttl_cleanup(&self) -> bool {
        self.spec.ttl_seconds_after_finished.is_some()
            && self.status.finished().is_some()
            && self.deleted_at.is_none()
            && !self.gone
    }
}

/// What a container is doing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContainerState {
    pub name: std::rc::Rc<str>,
    pub(crate) running_since: Option<Ms>,
    /// `(exit code, finishedAt)` of the last termination, while terminated.
    pub terminated: Option<(i32, Ms)>,
    pub restarts: u32,
    /// Exit code of the first failed run (for the pod record).
    pub(crate) first_failure: Option<i32>,
    /// The exit code every run of this container ends with (the scenario's pod rule).
    pub(crate) planned_exit_code: i32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Pending,
    Running,
    Succeeded,
    Failed,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Pending => "Pending",
            Phase::Running => "Running",
            Phase::Succeeded => "Succeeded",
            Phase::Failed => "Failed",
        }
    }

    pub(crate) fn terminal(self) -> bool {
        matches!(self, Phase::Succeeded | Phase::Failed)
    }
}

/// How a pod behaves, fixed when it is created from the scenario's rules.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Behaviour {
    /// How long each container run lasts.
    pub(crate) run_for: Ms,
    pub(crate) ready: bool,
    /// Exits at once on SIGTERM (143) or is killed at the end of the grace period (137).
    pub(crate) exits_on_sigterm: bool,
}

/// A simulated pod.
#[derive(Clone, Debug)]
pub struct Pod {
    pub name: String,
    pub job: JobId,
    /// Creation order within the Job.
    pub ordinal: usize,
    pub index: Option<i32>,
    pub attempt: u32,
    pub created: Ms,
    pub started: Option<Ms>,
    pub finished: Option<Ms>,
    pub phase: Phase,
    pub(crate) ready: bool,
    pub(crate) ready_changed: Ms,
    pub containers: Vec<ContainerState>,
    pub(crate) behaviour: Behaviour,
    /// When deletion was requested, and the grace period it got.
    pub deletion: Option<(Ms, i64)>,
    /// Evicted through the Eviction API: `DisruptionTarget=True`.
    pub(crate) disruption_target: bool,
    pub(crate) finalizer: bool,
    /// Left the API (deleted and no finalizer holds it).
    pub gone: Option<Ms>,
    /// `batch.kubernetes.io/job-index-failure-count` and `…-ignored-failure-count`.
    pub(crate) index_failure_count: i32,
    pub(crate) index_ignored_count: i32,
}

impl Pod {
    /// `FilterActivePods`: not terminal and not being deleted.
    pub(crate) fn is_active(&self) -> bool {
        !self.phase.terminal() && self.deletion.is_none()
    }

    /// `IsPodTerminating`: being deleted and not terminal.
    pub(crate) fn is_terminating(&self) -> bool {
        !self.phase.terminal() && self.deletion.is_some()
    }

    /// `getFinishedTime`: the latest container finish when all terminated, else the time the
    /// pod stopped being ready, else the deletion request, else creation.
    pub(crate) fn finished_time(&self) -> Ms {
        api_time(self.raw_finished_time())
    }

    fn raw_finished_time(&self) -> Ms {
        if !self.containers.is_empty() && self.containers.iter().all(|c| c.terminated.is_some()) {
            return self
                .containers
                .iter()
                .filter_map(|c| c.terminated.map(|(_, at)| at))
                .max()
                .unwrap_or(self.created);
        }
        if !self.ready && self.ready_changed > self.created && self.started.is_some() {
            return self.ready_changed;
        }
        if let Some((at, _)) = self.deletion {
            return at;
        }
        self.created
    }

    /// Evicted through the Eviction API (its `DisruptionTarget` condition is true).
    pub fn evicted(&self) -> bool {
        self.disruption_target
    }

    /// The pod's exit code for reports: its first container to fail, else 0.
    pub fn exit_code(&self) -> Option<i32> {
        if !self.phase.terminal() {
            return None;
        }
        Some(
            self.containers
                .iter()
                .filter_map(|c| c.terminated.map(|(code, _)| code).filter(|&code| code != 0))
                .next()
                .unwrap_or(0),
        )
    }

    pub fn restarts(&self) -> u32 {
        self.containers.iter().map(|c| c.restarts).sum()
    }
}

/// The CronJob's status.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CronJobStatus {
    pub active: Vec<JobId>,
    pub last_schedule_time: Option<Ms>,
    pub last_successful_time: Option<Ms>,
}

#[derive(Clone, Debug)]
pub struct CronJob {
    pub name: String,
    pub(crate) created: Ms,
    pub spec: CronJobSpec,
    pub status: CronJobStatus,
    pub(crate) history: Vec<(Ms, CronJobStatus)>,
    /// The spec over time (patches), for the metrics.
    pub(crate) spec_log: Vec<(Ms, CronJobSpec)>,
    pub(crate) jobs_created: usize,
}
