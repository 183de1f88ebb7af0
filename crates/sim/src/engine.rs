//! The simulation: the cluster (objects, clock, queues, kubelet), the Job, CronJob and
//! TTL-after-finished controllers, and the scenario's actions (patches, deletions, outages), run
//! task by task from the cluster's agenda. Each controller keeps its own state and reaches the
//! objects only through the cluster's operations; this module only routes tasks.

use std::rc::Rc;

use crate::cluster::{Cluster, Event, Message, Note, ObjectRef, PodModel, Task};
use crate::cronjob_controller::CronJobController;
use crate::job_controller::JobController;
use crate::metrics::Sample;
use crate::model::{
    ConcurrencyPolicy, ConditionKind, CronJob, CronJobSpec, CronJobStatus, Job, JobSpec, Ms, Pod,
    PodId, SECOND, api_time, instant,
};
use crate::scenario::{Action, ActionKind, Scenario};
use crate::ttl;
use crate::workqueue::QueueState;
use jobscope_api::manifest::document::{Manifest, Target, read_manifest};
use jobscope_api::manifest::object::Node;
use jobscope_api::validate::job_update::{
    OldJob, first_update_error, template_update_error, template_update_options,
};
use jobscope_api::version::KubernetesVersion;
use jobscope_cron::NextTime;
use jobscope_diagnostic::{Diagnostic, Severity, Source, Span};
use jobscope_yaml::{Entry, Value, ValueKind};

/// The most tasks one simulation runs; beyond it the result says `eventLimit` and a note names
/// the limit. Why this value: the simulations people ask for must run whole (a CronJob every
/// minute for a month is about 520,000 tasks, and the player's longest windows need that much),
/// while a hostile scenario stays bounded: a task costs 0.3 to 2 µs natively (more in the
/// browser, where the work is chunked with a progress bar), so the limit is a few tenths of a
/// second of work and tens of megabytes. A `* * * * *` CronJob over ten years (20 million tasks)
/// took 7 s before this limit.
pub const MAX_TASKS: u64 = 1_000_000;

/// The most pods one simulation creates; beyond it the result says `eventLimit` and a note
/// names the limit. Why this value: an Indexed Job of 100,000 completions with retries (the
/// largest case the simulation is built for) must run whole, and every pod is kept with its
/// history for the result, the metrics and the player (about 2 µs each), so 150,000 pods stay
/// within a few tenths of a second; `completions: 2147483647` with `parallelism: 100000` ran
/// 3.5 s to the previous limit of 2 million pods.
pub const MAX_PODS: usize = 150_000;

/// Why a simulation stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    Until,
    Done,
    EventLimit,
}

impl Stop {
    pub fn as_str(self) -> &'static str {
        match self {
            Stop::Until => "until",
            Stop::Done => "done",
            Stop::EventLimit => "eventLimit",
        }
    }
}

/// What a simulation runs: one Job or CronJob document, already analysed.
#[derive(Clone, Copy, Debug)]
pub struct Subject<'a> {
    /// The document as the apiserver would store it (decoded and defaulted).
    pub manifest: &'a Manifest,
    /// The document as written, which the scenario's merge patches apply to.
    pub object: &'a Value,
}

/// A simulation of one Job or CronJob, ready to be stepped.
#[derive(Debug)]
pub struct Simulation {
    cluster: Cluster,
    job_controller: JobController,
    cronjob_controller: CronJobController,
    actions: Vec<Action>,
    /// The manifest's object as YAML values, for merge patches.
    object: Value,
    /// The Kubernetes version the manifest was read for: a patched object is read for the same.
    version: KubernetesVersion,
    /// Controllers act again from this instant (an outage is in progress before it).
    down_until: Option<Ms>,
    stopped: Option<Stop>,
    tasks_run: u64,
}

fn problem(message: String) -> Vec<Diagnostic> {
    vec![Diagnostic::new(
        "scenario.manifest",
        Severity::Error,
        Source::Jobscope,
        Span::new(0, 0),
        message,
    )]
}

impl Simulation {
    /// Sets up a simulation of `subject`, a Job or CronJob the caller has analysed (the
    /// apiserver accepts it; `jobscope_analysis::simulation` checks that), with the scenario's
    /// pods, actions and clock. The scenario's `manifest` text is not read here.
    pub fn new(scenario: &Scenario, subject: Subject<'_>) -> Result<Simulation, Vec<Diagnostic>> {
        let Subject { manifest, object } = subject;
        let is_job = match manifest.target {
            Target::Job => true,
            Target::CronJob => false,
            Target::Other | Target::Rejected(_) => {
                return Err(problem(
                    "the simulation needs a batch/v1 Job or CronJob".to_owned(),
                ));
            }
        };
        if is_job
            && let Some(action) = scenario
                .actions
                .iter()
                .find(|a| matches!(a.kind, ActionKind::CrashAfterCreate(_)))
        {
            return Err(vec![Diagnostic::new(
                "scenario.invalid",
                Severity::Error,
                Source::Jobscope,
                action.span,
                "crashAfterCreate: only the CronJob controller creates Jobs, and this manifest is a Job (use controllerDown for an outage)".to_owned(),
            )]);
        }
        let Some(effective) = manifest.effective.as_ref() else {
            return Err(problem("the manifest could not be read".to_owned()));
        };
        let object = object.clone();
        let name = manifest.name.clone().unwrap_or_default();
        let namespace = effective
            .at(&["metadata", "namespace"])
            .and_then(Node::as_str)
            .unwrap_or("default")
            .to_owned();
        let mut cluster = Cluster::new(
            scenario.start,
            scenario.until,
            namespace,
            PodModel::new(scenario.pods.clone(), scenario.startup_delay, scenario.seed),
        );
        for (n, action) in scenario.actions.iter().enumerate() {
            cluster.push(action.at, Task::Action(n));
        }
        let mut sim = Simulation {
            cluster,
            job_controller: JobController::for_version(manifest.version),
            cronjob_controller: CronJobController::for_version(manifest.version),
            actions: scenario.actions.clone(),
            object,
            version: manifest.version,
            down_until: None,
            stopped: None,
            tasks_run: 0,
        };
        let c = &mut sim.cluster;
        if is_job {
            let spec = effective.get("spec").map(JobSpec::from_node);
            let Some(spec) = spec else {
                return Err(problem("the Job has no spec".to_owned()));
            };
            c.create_job(name, Rc::new(spec), None);
        } else {
            let Some(spec) = effective.get("spec").map(CronJobSpec::from_node) else {
                return Err(problem("the CronJob has no spec".to_owned()));
            };
            c.cron = Some(CronJob {
                name,
                created: scenario.start,
                spec: spec.clone(),
                status: CronJobStatus::default(),
                history: vec![(scenario.start, CronJobStatus::default())],
                spec_log: vec![(scenario.start, spec.clone())],
                jobs_created: 0,
            });
            // addCronJob: an immediate sync.
            c.enqueue_cron(0);
        }
        sim.reserve_for_expected_objects();
        Ok(sim)
    }

    /// Sizes the object lists for the Jobs and pods the run is expected to create, so that a
    /// long run does not copy them over and over as they grow (a month of a minutely CronJob
    /// keeps 43,000 Jobs and 216,000 events; growing by doubling copied about 40 MB).
    /// An estimate only: capped, so a hostile scenario cannot make it reserve much. The
    /// CronJob's fire times it walks for the estimate stay in the controller's evaluator.
    fn reserve_for_expected_objects(&mut self) {
        const MOST: usize = 50_000;
        let (jobs, pods) = match &self.cluster.cron {
            Some(cron) => {
                // The schedule's fires before `until`, each a Job of (usually) one pod.
                let Ok(mut eval) = cron.spec.evaluator() else {
                    return;
                };
                // The chain from the CronJob's creation is what its syncs ask `Next` of, so
                // the controller's evaluator keeps it (see `Evaluator::remember_chain`).
                let (from, until) = (instant(api_time(cron.created)), instant(self.cluster.until));
                let mut fires = eval.remember_chain(from, until, MOST);
                if fires == 0 {
                    // No chain kept (`@every` is arithmetic already): count the fires.
                    let mut t = from;
                    while fires < MOST
                        && let NextTime::At(next) = eval.next(t)
                        && !next.after(until)
                    {
                        fires += 1;
                        t = next;
                    }
                }
                self.cronjob_controller.remember(eval);
                (fires, fires)
            }
            None => {
                let spec = &self.cluster.jobs[0].spec;
                let pods = spec.completions.unwrap_or(spec.parallelism);
                (1, usize::try_from(pods).unwrap_or(0).min(MOST))
            }
        };
        self.cluster.jobs.reserve(jobs);
        self.cluster.job_queue.reserve(jobs);
        self.cluster.ttl_queue.reserve(jobs);
        self.cluster.pods.reserve(pods);
        // A Job's life writes about five events (created, its pod created, completed, seen
        // completed, deleted).
        self.cluster.events.reserve((jobs + pods) * 5 / 2);
        // A scheduled Job changes the CronJob's status twice: it joins `active`, then leaves
        // it (lastSuccessfulTime moves in the same write). Growing this list by doubling
        // copied it a dozen times in a month-long run.
        if let Some(cron) = &mut self.cluster.cron {
            cron.history.reserve(jobs * 2 + 1);
        }
    }

    fn controllers_down(&self) -> bool {
        self.down_until
            .is_some_and(|until| self.cluster.now < until)
    }

    /// Runs the CronJob under another concurrency policy (before the simulation starts), to
    /// compare policies side by side.
    pub fn set_concurrency_policy(&mut self, policy: ConcurrencyPolicy) {
        if let Some(cron) = &mut self.cluster.cron {
            cron.spec.concurrency_policy = policy;
            for (_, spec) in &mut cron.spec_log {
                spec.concurrency_policy = policy;
            }
        }
    }

    /// Runs up to `budget` tasks; returns whether the simulation has stopped.
    pub fn step(&mut self, budget: u64) -> bool {
        let mut ran = 0;
        while self.stopped.is_none() && ran < budget {
            let Some((at, task)) = self.cluster.agenda.pop() else {
                self.stopped = Some(Stop::Done);
                break;
            };
            if at > self.cluster.until {
                self.cluster.now = self.cluster.until;
                self.stopped = Some(Stop::Until);
                break;
            }
            self.cluster.now = at.max(self.cluster.now);
            self.run(task);
            ran += 1;
            self.tasks_run += 1;
            if self.tasks_run >= MAX_TASKS || self.cluster.pods.len() >= MAX_PODS {
                self.stopped = Some(Stop::EventLimit);
                let message = if self.cluster.pods.len() >= MAX_PODS {
                    format!(
                        "the simulation stopped after creating {MAX_PODS} pods, the most it keeps (each is kept with its history); simulate fewer completions or a shorter `until`"
                    )
                } else {
                    format!(
                        "the simulation stopped after {MAX_TASKS} steps, the most it runs (to stay fast and bounded in memory); simulate a shorter `until`"
                    )
                };
                self.cluster.note(message);
            }
        }
        self.stopped.is_some()
    }

    /// Runs to the end.
    pub fn run_to_end(&mut self) {
        while !self.step(u64::MAX) {}
    }

    /// `Job/pi`, `CronJob/report`.
    pub fn object_name(&self, object: ObjectRef) -> String {
        match object {
            ObjectRef::Job(job) => format!("Job/{}", self.cluster.jobs[job].name),
            ObjectRef::CronJob => format!(
                "CronJob/{}",
                self.cluster.cron.as_ref().map_or("", |c| c.name.as_str())
            ),
        }
    }

    /// An event's message as the controller wrote it.
    pub fn message_text(&self, message: &Message) -> String {
        match message {
            Message::Static(text) => (*text).to_owned(),
            Message::Text(text) => text.to_string(),
            Message::CreatedPod(pod) => format!("Created pod: {}", self.cluster.pods[*pod].name),
            Message::DeletedPod(pod) => format!("Deleted pod: {}", self.cluster.pods[*pod].name),
            Message::CreatedJob(job) => format!("Created job {}", self.cluster.jobs[*job].name),
            Message::DeletedJob(job) => format!("Deleted job {}", self.cluster.jobs[*job].name),
            Message::SawCompletedJob(job, condition) => {
                format!(
                    "Saw completed job: {}, condition: {}",
                    self.cluster.jobs[*job].name,
                    condition.as_str()
                )
            }
        }
    }

    /// How far the virtual clock has come, from 0 to 1.
    pub fn progress(&self) -> f64 {
        if self.stopped.is_some() || self.cluster.until <= self.cluster.start {
            return 1.0;
        }
        ((self.cluster.now - self.cluster.start) as f64
            / (self.cluster.until - self.cluster.start) as f64)
            .clamp(0.0, 1.0)
    }

    /// The virtual time the simulation has reached.
    pub fn now(&self) -> Ms {
        self.cluster.now
    }

    /// When it starts (the manifest's creation).
    pub fn start(&self) -> Ms {
        self.cluster.start
    }

    /// When it stops at the latest.
    pub fn until(&self) -> Ms {
        self.cluster.until
    }

    /// Every Job it created, by id.
    pub fn jobs(&self) -> &[Job] {
        &self.cluster.jobs
    }

    /// Every pod it created, by id.
    pub fn pods(&self) -> &[Pod] {
        &self.cluster.pods
    }

    /// The CronJob, when the manifest is one.
    pub fn cron(&self) -> Option<&CronJob> {
        self.cluster.cron.as_ref()
    }

    /// The events, in the order they were recorded.
    pub fn events(&self) -> &[Event] {
        &self.cluster.events
    }

    /// What the simulation could not do as asked, and limits it hit.
    pub fn notes(&self) -> &[Note] {
        &self.cluster.notes
    }

    /// The objects' namespace.
    pub fn namespace(&self) -> &str {
        &self.cluster.namespace
    }

    /// Why it stopped, once it has.
    pub fn stopped(&self) -> Option<Stop> {
        self.stopped
    }

    /// How many tasks it has run.
    pub fn tasks_run(&self) -> u64 {
        self.tasks_run
    }

    /// Every change of every kube-state-metrics series, in time order.
    pub fn metrics(&self) -> Vec<Sample> {
        self.cluster.metrics()
    }

    /// The changes of the series whose name `keep` accepts, in time order.
    pub fn metrics_of(&self, keep: impl Fn(&str) -> bool) -> Vec<Sample> {
        self.cluster.metrics_of(keep)
    }

    /// How many objects have series: the Jobs, and the CronJob if there is one.
    pub fn metric_objects(&self) -> usize {
        self.cluster.metric_objects()
    }

    /// The series of the objects in `objects` (Jobs by id, then the CronJob at `jobs().len()`),
    /// one object at a time, each in time order.
    pub fn metrics_of_objects(
        &self,
        keep: impl Fn(&str) -> bool,
        objects: std::ops::Range<usize>,
        each: impl FnMut(&[Sample]),
    ) {
        self.cluster.metrics_of_objects(keep, objects, each);
    }

    fn run(&mut self, task: Task) {
        let c = &mut self.cluster;
        let now = c.now;
        match task {
            Task::JobSync(job, run_now) => {
                if c.job_queue[job].take(run_now, now) && !self.controllers_down() {
                    self.job_controller.sync(&mut self.cluster, job);
                }
            }
            Task::CronSync(run_now) => {
                if c.cron_queue.take(run_now, now) && !self.controllers_down() {
                    self.cronjob_controller.sync(&mut self.cluster);
                    if let Some(down) = self.cronjob_controller.take_crash() {
                        self.cluster.note(format!(
                            "crashAfterCreate: kube-controller-manager stopped after creating a Job and before writing the CronJob's status; it restarts in {}",
                            jobscope_golang::duration::format_go_duration(down.saturating_mul(1_000_000))
                        ));
                        self.controllers_down_for(down);
                    }
                }
            }
            Task::TtlCheck(job, run_now) => {
                if c.ttl_queue[job].take(run_now, now) && !self.controllers_down() {
                    ttl::process_job(&mut self.cluster, job);
                }
            }
            Task::PodStart(pod) => c.pod_start(pod),
            Task::ContainerExit(pod, container, run_started) => {
                c.container_exit(pod, container, run_started)
            }
            Task::ContainerRestart(pod, container) => c.container_restart(pod, container),
            Task::PodTerminate(pod) => c.pod_terminate(pod),
            Task::GraceOver(pod) => c.grace_over(pod),
            Task::Action(n) => self.action(n),
            Task::ControllersUp => self.controllers_up(),
        }
    }

    fn action(&mut self, n: usize) {
        let Some(action) = self.actions.get(n).cloned() else {
            return;
        };
        match action.kind {
            ActionKind::ControllerDown(duration) => self.controllers_down_for(duration),
            ActionKind::CrashAfterCreate(duration) => {
                self.cronjob_controller.crash_after_next_create(duration);
            }
            ActionKind::DeletePod { selector, evict } => {
                let c = &mut self.cluster;
                let targets: Vec<PodId> = (0..c.pods.len())
                    .filter(|&p| {
                        let pod = &c.pods[p];
                        pod.gone.is_none()
                            && pod.deletion.is_none()
                            && selector.matches(
                                pod.index,
                                pod.attempt,
                                pod.ordinal,
                                c.jobs[pod.job].ordinal,
                            )
                    })
                    .collect();
                if targets.is_empty() {
                    c.note("deletePod: no pod matches".to_owned());
                }
                for pod in targets {
                    c.delete_pod(pod, evict);
                }
            }
            ActionKind::Suspend(suspend) => {
                let patch = Value {
                    kind: ValueKind::Map(vec![entry(
                        "spec",
                        Value {
                            kind: ValueKind::Map(vec![entry(
                                "suspend",
                                Value {
                                    kind: ValueKind::Bool(suspend),
                                    span: action.span,
                                    plain: true,
                                },
                            )]),
                            span: action.span,
                            plain: false,
                        },
                    )]),
                    span: action.span,
                    plain: false,
                };
                self.patch(&patch);
            }
            ActionKind::Patch(patch) => self.patch(&patch),
        }
    }

    /// Applies a JSON merge patch to the manifest's object, as `kubectl patch --type merge`.
    fn patch(&mut self, patch: &Value) {
        let mut patched = self.object.clone();
        merge_patch(&mut patched, patch);
        let manifest = read_manifest(&patched, self.version);
        if let Some(error) = manifest.decode_errors.first() {
            self.cluster
                .note(format!("patch refused by the apiserver: {}", error.message));
            return;
        }
        let Some(spec_node) = manifest.effective.as_ref().and_then(|o| o.get("spec")) else {
            self.cluster
                .note("patch refused: the object has no spec".to_owned());
            return;
        };
        // The new object is validated whole first, as an update is.
        if let Some(error) = first_update_error(&manifest) {
            self.cluster
                .note(format!("patch refused by the apiserver: {error}"));
            return;
        }
        let c = &mut self.cluster;
        if let Some(cron) = &c.cron {
            let spec = CronJobSpec::from_node(spec_node);
            let reschedule =
                spec.schedule != cron.spec.schedule || spec.time_zone != cron.spec.time_zone;
            self.object = patched;
            let now = c.now;
            if let Some(cron) = &mut c.cron {
                cron.spec_log.push((now, spec.clone()));
                cron.spec = spec;
            }
            self.cronjob_controller.spec_changed(c, reschedule);
            return;
        }
        let Some(job) = c.jobs.first() else {
            return;
        };
        let spec = JobSpec::from_node(spec_node);
        let refuse = |c: &mut Cluster, path: &str| {
            c.note(format!(
                "patch refused by the apiserver: {path}: Invalid value: field is immutable"
            ));
        };
        // `ValidateJobSpecUpdate`'s order: completions, (the selector,) the template, then
        // the other immutable fields.
        if completions_change_refused(&job.spec, &spec) {
            refuse(c, "spec.completions");
            return;
        }
        // The template, compared whole (defaulted, as the apiserver compares it) except what
        // the old Job's state and the version let change.
        let may = template_update_options(
            self.version,
            OldJob {
                suspended: job.spec.suspend,
                started: job.status.start_time.is_some(),
                suspended_condition: job
                    .status
                    .condition(ConditionKind::Suspended)
                    .is_some_and(|condition| condition.status),
                active: job.status.active,
            },
        );
        let old = read_manifest(&self.object, self.version).effective;
        if let (Some(old), Some(new)) = (
            old.as_ref().and_then(pod_template),
            manifest.effective.as_ref().and_then(pod_template),
        ) && let Some(path) = template_update_error(old, new, may)
        {
            refuse(c, path);
            return;
        }
        if let Some(field) = immutable_change(&c.jobs[0].spec, &spec) {
            refuse(c, &format!("spec.{field}"));
            return;
        }
        self.object = patched;
        let old_deadline = c.jobs[0].spec.active_deadline_seconds;
        let now = c.now;
        let spec = Rc::new(spec);
        let job = &mut c.jobs[0];
        if job.spec_log.is_empty() {
            job.spec_log.push((job.created, job.spec.clone()));
        }
        job.spec_log.push((now, spec.clone()));
        job.spec = spec;
        job.generation += 1;
        // updateJob: a spec change syncs at once, and a changed deadline re-arms its timer.
        c.enqueue_job(0, 0);
        let job = &c.jobs[0];
        if let (Some(start), Some(deadline)) =
            (job.status.start_time, job.spec.active_deadline_seconds)
            && old_deadline != Some(deadline)
        {
            let remaining = deadline.saturating_mul(SECOND) - (c.now - start);
            c.enqueue_job(0, remaining);
        }
    }

    /// kube-controller-manager stops now and restarts after `duration` (an outage already in
    /// progress lasts until the later of the two ends).
    fn controllers_down_for(&mut self, duration: Ms) {
        let until = self.cluster.now.saturating_add(duration);
        self.down_until = Some(self.down_until.map_or(until, |u| u.max(until)));
        self.cluster.push(until, Task::ControllersUp);
    }

    fn controllers_up(&mut self) {
        if self.controllers_down() {
            return;
        }
        self.down_until = None;
        // A restarted kube-controller-manager lists everything (immediate syncs) and has lost
        // its in-memory back-off records and queues.
        self.job_controller.restart();
        self.cronjob_controller.restart();
        let c = &mut self.cluster;
        for job in 0..c.jobs.len() {
            c.job_queue[job] = QueueState::default();
            c.ttl_queue[job] = QueueState::default();
            if !c.jobs[job].gone {
                c.enqueue_job(job, 0);
                c.ttl_job_changed(job);
            }
        }
        if c.cron.is_some() {
            c.cron_queue = QueueState::default();
            c.enqueue_cron(0);
        }
    }
}

fn entry(key: &str, value: Value) -> Entry {
    Entry {
        key: key.to_owned(),
        key_span: value.span,
        value,
    }
}

/// RFC 7386 JSON merge patch.
fn merge_patch(target: &mut Value, patch: &Value) {
    let ValueKind::Map(patch_entries) = &patch.kind else {
        *target = patch.clone();
        return;
    };
    if !matches!(target.kind, ValueKind::Map(_)) {
        target.kind = ValueKind::Map(Vec::new());
    }
    let ValueKind::Map(entries) = &mut target.kind else {
        return;
    };
    for patch_entry in patch_entries {
        let position = entries.iter().position(|e| e.key == patch_entry.key);
        if patch_entry.value.kind == ValueKind::Null {
            if let Some(at) = position {
                entries.remove(at);
            }
            continue;
        }
        match position {
            Some(at) => merge_patch(&mut entries[at].value, &patch_entry.value),
            None => {
                let mut value = Value {
                    kind: ValueKind::Null,
                    span: patch_entry.value.span,
                    plain: false,
                };
                merge_patch(&mut value, &patch_entry.value);
                entries.push(Entry {
                    key: patch_entry.key.clone(),
                    key_span: patch_entry.key_span,
                    value,
                });
            }
        }
    }
}

/// A Job object's `spec.template`.
fn pod_template(job: &Node) -> Option<&Node> {
    job.at(&["spec", "template"])
}

/// `validateCompletions`: completions may change only with parallelism, in an Indexed Job
/// (elastic Indexed Jobs).
fn completions_change_refused(old: &JobSpec, new: &JobSpec) -> bool {
    let elastic = new.indexed
        && new.completions == Some(new.parallelism)
        && old.completions == Some(old.parallelism);
    old.completions != new.completions && !elastic
}

/// The first immutable field after the template a Job update changes (ValidateJobUpdate's
/// rules; completions and the template come first, `completions_change_refused` and
/// `template_update_error`).
fn immutable_change(old: &JobSpec, new: &JobSpec) -> Option<&'static str> {
    if old.indexed != new.indexed {
        return Some("completionMode");
    }
    if old.pod_failure_policy != new.pod_failure_policy {
        return Some("podFailurePolicy");
    }
    if old.backoff_limit_per_index != new.backoff_limit_per_index {
        return Some("backoffLimitPerIndex");
    }
    if old.success_policy != new.success_policy {
        return Some("successPolicy");
    }
    if old.managed_elsewhere != new.managed_elsewhere {
        return Some("managedBy");
    }
    None
}
