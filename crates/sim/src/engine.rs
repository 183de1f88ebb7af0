//! The discrete-event loop: a virtual clock, the controllers' work queues with client-go's
//! semantics, the kubelet's pod lifecycle, and the scenario's actions. The controllers
//! themselves are in `job_controller`, `cronjob_controller` and `ttl`.
//!
//! Timing model (controller-semantics.md §18): API calls and watches take no time; a pod or Job
//! status change wakes the Job controller 1 s later (batched); spec changes wake it at once; the
//! CronJob controller wakes at its requeue instant (nominal time + 0.1 s) and at once on any
//! change of its Jobs. Tasks due at the same instant run in the order they were queued.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};
use std::rc::Rc;

use super::model::{
    Behaviour, ContainerState, CronJob, CronJobSpec, CronJobStatus, Job, JobId, JobSpec, JobStatus,
    Ms, Phase, Pod, PodId, RestartPolicy, SECOND,
};
use super::rng::Rng;
use super::scenario::{ActionKind, PodRule, RunFor, Scenario};
use jobscope_api::manifest::document::{Manifest, Target, read_manifest};
use jobscope_api::manifest::object::Node;
use jobscope_cron::Instant;
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

/// `syncJobBatchPeriod`.
pub(crate) const BATCH: Ms = SECOND;

/// Kubelet container restart back-off: 10 s doubling to 300 s.
const KUBELET_BACKOFF_INITIAL: Ms = 10 * SECOND;
const KUBELET_BACKOFF_MAX: Ms = 300 * SECOND;

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

/// Condition messages most Jobs carry, shared instead of allocated per Job.
#[derive(Debug)]
pub(super) struct SharedTexts {
    pub(crate) completions_reached: Rc<str>,
    pub(crate) job_suspended: Rc<str>,
    pub(crate) job_resumed: Rc<str>,
}

impl Default for SharedTexts {
    fn default() -> Self {
        SharedTexts {
            completions_reached: Rc::from(super::job_controller::MSG_COMPLETIONS_REACHED),
            job_suspended: Rc::from("Job suspended"),
            job_resumed: Rc::from("Job resumed"),
        }
    }
}

/// The object an event is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ObjectRef {
    Job(JobId),
    CronJob,
}

/// An event's message; the common ones are kept as references and written out on demand
/// (a month of a minutely CronJob records a quarter of a million events).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    Static(&'static str),
    Text(Rc<str>),
    CreatedPod(PodId),
    DeletedPod(PodId),
    CreatedJob(JobId),
    DeletedJob(JobId),
    SawCompletedJob(JobId, super::model::ConditionKind),
}

impl From<&'static str> for Message {
    fn from(text: &'static str) -> Self {
        Message::Static(text)
    }
}

impl From<String> for Message {
    fn from(text: String) -> Self {
        Message::Text(Rc::from(text))
    }
}

/// An event as `kubectl describe` lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub time: Ms,
    pub object: ObjectRef,
    pub warning: bool,
    pub reason: &'static str,
    pub message: Message,
}

/// Something the simulation could not do as asked (a patch the apiserver would refuse).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub time: Ms,
    pub message: String,
}

/// What a simulation runs: one Job or CronJob document, already analysed.
#[derive(Clone, Copy, Debug)]
pub struct Subject<'a> {
    /// The document as the apiserver would store it (decoded and defaulted).
    pub manifest: &'a Manifest,
    /// The document as written, which the scenario's merge patches apply to.
    pub object: &'a Value,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Task {
    /// The Job controller's queue hands it this Job (`run_now` entries and matured `AddAfter`).
    JobSync(JobId, bool),
    CronSync(bool),
    TtlCheck(JobId, bool),
    /// The pod's startup delay is over: containers start.
    PodStart(PodId),
    /// A container's run ends (the run started at the given instant).
    ContainerExit(PodId, usize, Ms),
    /// The kubelet restarts a container (OnFailure) after its back-off.
    ContainerRestart(PodId, usize),
    /// The kubelet acts on a pod's deletion.
    PodTerminate(PodId),
    /// A deleted pod that ignores SIGTERM is killed at the end of its grace period.
    GraceOver(PodId),
    Action(usize),
    ControllersUp,
}

/// A queue's pending state for one key: an entry ready now, and the earliest delayed one.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct QueueState {
    pub(crate) now: bool,
    pub(crate) waiting: Option<Ms>,
}

pub struct Simulation {
    pub now: Ms,
    pub start: Ms,
    pub until: Ms,
    pub jobs: Vec<Job>,
    pub pods: Vec<Pod>,
    pub cron: Option<CronJob>,
    pub events: Vec<Event>,
    pub notes: Vec<Note>,
    pub stopped: Option<Stop>,
    pub tasks_run: u64,
    pub(super) rules: Vec<PodRule>,
    /// Rules by the completion index they name, and the rules naming none (positions in
    /// `rules`, ascending): a scenario may list a rule per index.
    rules_by_index: std::collections::HashMap<i64, Vec<usize>>,
    rules_any_index: Vec<usize>,
    pub(super) actions: Vec<super::scenario::Action>,
    pub(super) startup_delay: Ms,
    pub(super) rng: Rng,
    /// Pending tasks in `(time, seq)` order, as two sorted parts merged when popped: those
    /// queued for the instant they were queued at (the queues' `Add`s and the syncs those
    /// trigger, nearly half of all tasks) in a FIFO, the rest in a heap. The FIFO is sorted
    /// because the clock never goes back and `seq` only grows.
    queue: BinaryHeap<Reverse<(Ms, u64, Task)>>,
    due_now: VecDeque<(Ms, u64, Task)>,
    seq: u64,
    pub(super) job_queue: Vec<QueueState>,
    pub(super) ttl_queue: Vec<QueueState>,
    pub(super) cron_queue: QueueState,
    /// The CronJob's Jobs that still exist, in creation order.
    pub(super) cron_alive: Vec<JobId>,
    /// `cron_alive` as a sync saw it at its start (kept to reuse its allocation).
    pub(super) cron_children_buffer: Vec<(JobId, Option<super::model::ConditionKind>)>,
    /// Emptied pod lists for the Job controller's scratch work (see `buffer`).
    spare_lists: Vec<Vec<PodId>>,
    /// Condition messages written for most Jobs, allocated once.
    pub(super) texts: SharedTexts,
    /// The CronJob's parsed schedule (the controller parses it on every sync; the result is
    /// the same until the spec changes).
    pub(super) cron_eval: Option<Box<jobscope_cron::Evaluator>>,
    /// Controllers act again from this instant (an outage is in progress before it).
    pub(super) down_until: Option<Ms>,
    /// The manifest's object as YAML values, for merge patches.
    object: Value,
    pub(crate) namespace: String,
}

/// `Instant` of a virtual time.
pub fn instant(t: Ms) -> Instant {
    Instant {
        unix: t.div_euclid(SECOND),
        nanos: (t.rem_euclid(SECOND) * 1_000_000) as u32,
    }
}

/// Virtual time of an `Instant` (sub-millisecond parts dropped).
pub fn millis(t: Instant) -> Ms {
    t.unix
        .saturating_mul(SECOND)
        .saturating_add(i64::from(t.nanos / 1_000_000))
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
        let mut sim = Simulation {
            now: scenario.start,
            start: scenario.start,
            until: scenario.until,
            jobs: Vec::new(),
            pods: Vec::new(),
            cron: None,
            events: Vec::new(),
            notes: Vec::new(),
            stopped: None,
            tasks_run: 0,
            rules: scenario.pods.clone(),
            rules_by_index: std::collections::HashMap::new(),
            rules_any_index: Vec::new(),
            actions: scenario.actions.clone(),
            startup_delay: scenario.startup_delay,
            rng: Rng::new(scenario.seed),
            queue: BinaryHeap::new(),
            due_now: VecDeque::new(),
            seq: 0,
            job_queue: Vec::new(),
            ttl_queue: Vec::new(),
            cron_queue: QueueState::default(),
            cron_alive: Vec::new(),
            cron_children_buffer: Vec::new(),
            spare_lists: Vec::new(),
            texts: SharedTexts::default(),
            cron_eval: None,
            down_until: None,
            object,
            namespace,
        };
        for (n, action) in scenario.actions.iter().enumerate() {
            sim.push(action.at, Task::Action(n));
        }
        for (n, rule) in scenario.pods.iter().enumerate() {
            match rule.when.index {
                Some(index) => sim.rules_by_index.entry(index).or_default().push(n),
                None => sim.rules_any_index.push(n),
            }
        }
        if is_job {
            let spec = effective.get("spec").map(JobSpec::from_node);
            let Some(spec) = spec else {
                return Err(problem("the Job has no spec".to_owned()));
            };
            sim.create_job(name, Rc::new(spec), None);
        } else {
            let Some(spec) = effective.get("spec").map(CronJobSpec::from_node) else {
                return Err(problem("the CronJob has no spec".to_owned()));
            };
            sim.cron = Some(CronJob {
                name,
                created: scenario.start,
                spec: spec.clone(),
                status: CronJobStatus::default(),
                history: vec![(scenario.start, CronJobStatus::default())],
                spec_log: vec![(scenario.start, spec.clone())],
                jobs_created: 0,
            });
            // addCronJob: an immediate sync.
            sim.enqueue_cron(0);
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
        let (jobs, pods) = match &self.cron {
            Some(cron) => {
                // The schedule's fires before `until`, each a Job of (usually) one pod.
                let Ok(mut eval) = cron.spec.evaluator() else {
                    return;
                };
                // The chain from the CronJob's creation is what its syncs ask `Next` of, so
                // the controller's evaluator keeps it (see `Evaluator::remember_chain`).
                let (from, until) = (
                    instant(super::model::api_time(cron.created)),
                    instant(self.until),
                );
                let mut fires = eval.remember_chain(from, until, MOST);
                if fires == 0 {
                    // No chain kept (`@every` is arithmetic already): count the fires.
                    let mut t = from;
                    while fires < MOST
                        && let jobscope_cron::NextTime::At(next) = eval.next(t)
                        && !next.after(until)
                    {
                        fires += 1;
                        t = next;
                    }
                }
                self.cron_eval = Some(Box::new(eval));
                (fires, fires)
            }
            None => {
                let spec = &self.jobs[0].spec;
                let pods = spec.completions.unwrap_or(spec.parallelism);
                (1, usize::try_from(pods).unwrap_or(0).min(MOST))
            }
        };
        self.jobs.reserve(jobs);
        self.job_queue.reserve(jobs);
        self.ttl_queue.reserve(jobs);
        self.pods.reserve(pods);
        // A Job's life writes about five events (created, its pod created, completed, seen
        // completed, deleted).
        self.events.reserve((jobs + pods) * 5 / 2);
        // A scheduled Job changes the CronJob's status twice: it joins `active`, then leaves
        // it (lastSuccessfulTime moves in the same write). Growing this list by doubling
        // copied it a dozen times in a month-long run.
        if let Some(cron) = &mut self.cron {
            cron.history.reserve(jobs * 2 + 1);
        }
    }

    // Inlined: called out of line, the 32-byte task went through the caller's stack and
    // reloading it stalled (store forwarding), about 5% of a long run.
    #[inline(always)]
    pub(super) fn push(&mut self, at: Ms, task: Task) {
        self.seq += 1;
        if at == self.now {
            self.due_now.push_back((at, self.seq, task));
        } else {
            self.queue.push(Reverse((at, self.seq, task)));
        }
    }

    /// The earliest pending task by `(time, seq)`.
    fn pop(&mut self) -> Option<(Ms, Task)> {
        let from_fifo = match (self.due_now.front(), self.queue.peek()) {
            (Some(&(at, seq, _)), Some(Reverse((heap_at, heap_seq, _)))) => {
                (at, seq) < (*heap_at, *heap_seq)
            }
            (fifo, _) => fifo.is_some(),
        };
        if from_fifo {
            self.due_now.pop_front().map(|(at, _, task)| (at, task))
        } else {
            self.queue.pop().map(|Reverse((at, _, task))| (at, task))
        }
    }

    fn controllers_down(&self) -> bool {
        self.down_until.is_some_and(|until| self.now < until)
    }

    /// Runs the CronJob under another concurrency policy (before the simulation starts), to
    /// compare policies side by side.
    pub fn set_concurrency_policy(&mut self, policy: super::model::ConcurrencyPolicy) {
        if let Some(cron) = &mut self.cron {
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
            let Some((at, task)) = self.pop() else {
                self.stopped = Some(Stop::Done);
                break;
            };
            if at > self.until {
                self.now = self.until;
                self.stopped = Some(Stop::Until);
                break;
            }
            self.now = at.max(self.now);
            self.run(task);
            ran += 1;
            self.tasks_run += 1;
            if self.tasks_run >= MAX_TASKS || self.pods.len() >= MAX_PODS {
                self.stopped = Some(Stop::EventLimit);
                let message = if self.pods.len() >= MAX_PODS {
                    format!(
                        "the simulation stopped after creating {MAX_PODS} pods, the most it keeps (each is kept with its history); simulate fewer completions or a shorter `until`"
                    )
                } else {
                    format!(
                        "the simulation stopped after {MAX_TASKS} steps, the most it runs (to stay fast and bounded in memory); simulate a shorter `until`"
                    )
                };
                self.note(message);
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
            ObjectRef::Job(job) => format!("Job/{}", self.jobs[job].name),
            ObjectRef::CronJob => format!(
                "CronJob/{}",
                self.cron.as_ref().map_or("", |c| c.name.as_str())
            ),
        }
    }

    /// An event's message as the controller wrote it.
    pub fn message_text(&self, message: &Message) -> String {
        match message {
            Message::Static(text) => (*text).to_owned(),
            Message::Text(text) => text.to_string(),
            Message::CreatedPod(pod) => format!("Created pod: {}", self.pods[*pod].name),
            Message::DeletedPod(pod) => format!("Deleted pod: {}", self.pods[*pod].name),
            Message::CreatedJob(job) => format!("Created job {}", self.jobs[*job].name),
            Message::DeletedJob(job) => format!("Deleted job {}", self.jobs[*job].name),
            Message::SawCompletedJob(job, condition) => {
                format!(
                    "Saw completed job: {}, condition: {}",
                    self.jobs[*job].name,
                    condition.as_str()
                )
            }
        }
    }

    /// How far the virtual clock has come, from 0 to 1.
    pub fn progress(&self) -> f64 {
        if self.stopped.is_some() || self.until <= self.start {
            return 1.0;
        }
        ((self.now - self.start) as f64 / (self.until - self.start) as f64).clamp(0.0, 1.0)
    }

    fn run(&mut self, task: Task) {
        match task {
            Task::JobSync(job, run_now) => {
                let state = &mut self.job_queue[job];
                if !take(state, run_now, self.now) || self.controllers_down() {
                    return;
                }
                self.sync_job(job);
            }
            Task::CronSync(run_now) => {
                if !take(&mut self.cron_queue, run_now, self.now) || self.controllers_down() {
                    return;
                }
                self.sync_cron_job();
            }
            Task::TtlCheck(job, run_now) => {
                if !take(&mut self.ttl_queue[job], run_now, self.now) || self.controllers_down() {
                    return;
                }
                self.ttl_process(job);
            }
            Task::PodStart(pod) => self.pod_start(pod),
            Task::ContainerExit(pod, container, run_started) => {
                self.container_exit(pod, container, run_started)
            }
            Task::ContainerRestart(pod, container) => self.container_restart(pod, container),
            Task::PodTerminate(pod) => self.pod_terminate(pod),
            Task::GraceOver(pod) => self.grace_over(pod),
            Task::Action(n) => self.action(n),
            Task::ControllersUp => self.controllers_up(),
        }
    }

    // ----- work queues -------------------------------------------------------------------

    /// `queue.AddAfter(job, delay)` (`Add` when the delay is not positive).
    pub(super) fn enqueue_job(&mut self, job: JobId, delay: Ms) {
        let now = self.now;
        if let Some(at) = enqueue(&mut self.job_queue[job], now, delay) {
            self.push(at, Task::JobSync(job, delay <= 0));
        }
    }

    pub(super) fn enqueue_cron(&mut self, delay: Ms) {
        let now = self.now;
        if let Some(at) = enqueue(&mut self.cron_queue, now, delay) {
            self.push(at, Task::CronSync(delay <= 0));
        }
    }

    pub(super) fn enqueue_ttl(&mut self, job: JobId, delay: Ms) {
        let now = self.now;
        if let Some(at) = enqueue(&mut self.ttl_queue[job], now, delay) {
            self.push(at, Task::TtlCheck(job, delay <= 0));
        }
    }

    // ----- informer notifications ------------------------------------------------------

    /// An empty pod list for scratch work, reusing an earlier one's allocation: the Job
    /// controller lists pods on every sync, and allocating those lists was a fifth of the time
    /// of a month-long minutely CronJob.
    pub(super) fn buffer(&mut self) -> Vec<PodId> {
        self.spare_lists.pop().unwrap_or_default()
    }

    /// Gives a scratch list back to the pool.
    pub(super) fn recycle(&mut self, mut list: Vec<PodId>) {
        // A few lists are in use at once; a bounded pool keeps a huge one from lingering.
        if self.spare_lists.len() < 8 && list.capacity() > 0 && list.capacity() <= 4096 {
            list.clear();
            self.spare_lists.push(list);
        }
    }

    /// A pod of `job` was added, changed or deleted: the Job controller looks 1 s later.
    pub(super) fn pod_changed(&mut self, pod: PodId) {
        let job = self.pods[pod].job;
        if !self.jobs[job].gone {
            self.enqueue_job(job, BATCH);
        }
    }

    /// A Job's status was written: the Job controller (batched), the CronJob controller and
    /// the TTL controller hear of it.
    pub(super) fn job_status_written(&mut self, job: JobId) {
        let now = self.now;
        // Compared before cloning: most writes change nothing or rewrite this instant's entry.
        let Job {
            status, history, ..
        } = &mut self.jobs[job];
        match history.last_mut() {
            Some((at, last)) if *at == now => last.clone_from(status),
            Some((_, last)) if last == status => {}
            _ => history.push((now, status.clone())),
        }
        self.enqueue_job(job, BATCH);
        if self.jobs[job].scheduled_time.is_some() {
            self.enqueue_cron(0);
        }
        self.ttl_job_changed(job);
    }

    // ----- objects ---------------------------------------------------------------------

    /// Creates a Job (the manifest's, or one from the CronJob's template).
    pub(super) fn create_job(
        &mut self,
        name: String,
        spec: Rc<JobSpec>,
        scheduled: Option<Ms>,
    ) -> JobId {
        let id = self.jobs.len();
        let ordinal = self.cron.as_ref().map_or(0, |c| c.jobs_created);
        if let Some(cron) = &mut self.cron {
            cron.jobs_created += 1;
        }
        let index_slots = if spec.indexed {
            spec.index_count().clamp(0, 1_000_000) as usize
        } else {
            0
        };
        // From the scratch pool, and back to it when the last pod is untracked: a CronJob
        // creates a Job a minute, and this list is empty for most of a Job's life.
        let live_pods = self.buffer();
        self.jobs.push(Job {
            name,
            created: self.now,
            scheduled_time: scheduled,
            ordinal,
            spec: spec.clone(),
            generation: 1,
            status: JobStatus::default(),
            // Most Jobs have three statuses: created, started, finished.
            history: {
                let mut history = Vec::with_capacity(3);
                history.push((self.now, JobStatus::default()));
                history
            },
            deleted_at: None,
            gone: false,
            gone_at: None,
            spec_log: Vec::new(),
            pods: Vec::new(),
            live_pods,
            pods_created: 0,
            pods_per_index: vec![0; index_slots],
            backoff_failures: 0,
            backoff_last_failure: None,
        });
        self.job_queue.push(QueueState::default());
        self.ttl_queue.push(QueueState::default());
        // addJob: the Job controller syncs at once; the TTL controller looks.
        self.enqueue_job(id, 0);
        self.ttl_job_changed(id);
        id
    }

    /// Creates a pod for `job` (and `index`), from the scenario's rules.
    pub(super) fn create_pod(
        &mut self,
        job_id: JobId,
        index: Option<i32>,
        failure_count: i32,
        ignored_count: i32,
    ) -> PodId {
        let id = self.pods.len();
        let now = self.now;
        let job = &mut self.jobs[job_id];
        let ordinal = job.pods_created;
        job.pods_created += 1;
        let attempt = match index {
            Some(i) => {
                let slot = usize::try_from(i)
                    .ok()
                    .and_then(|i| job.pods_per_index.get_mut(i));
                match slot {
                    Some(count) => {
                        *count += 1;
                        *count - 1
                    }
                    None => 0,
                }
            }
            None => ordinal as u32,
        };
        let job = &self.jobs[job_id];
        let mut name = generate_name_prefix(&job.name, index);
        self.rng.push_name_suffix(&mut name);
        let job = &self.jobs[job_id];
        let matched = self.rule_candidates(index).find(|&n| {
            self.rules[n]
                .when
                .matches(index, attempt, ordinal, job.ordinal)
        });
        // Borrowed, not cloned: a pod is created for every Job a CronJob runs.
        let fallback;
        let rule = match matched {
            Some(n) => &self.rules[n],
            None => {
                fallback = PodRule::fallback();
                &fallback
            }
        };
        let run_for = match rule.run_for {
            RunFor::Fixed(d) => d,
            RunFor::Uniform(low, high) => self.rng.between(low, high),
        };
        let job = &self.jobs[job_id];
        let default_container: [Rc<str>; 1];
        let containers: &[Rc<str>] = if job.spec.containers.is_empty() {
            default_container = [Rc::from("main")];
            &default_container
        } else {
            &job.spec.containers
        };
        let pod = Pod {
            name,
            job: job_id,
            ordinal,
            index,
            attempt,
            created: now,
            started: None,
            finished: None,
            phase: Phase::Pending,
            ready: false,
            ready_changed: now,
            containers: containers
                .iter()
                .map(|name| ContainerState {
                    name: name.clone(),
                    running_since: None,
                    terminated: None,
                    restarts: 0,
                    first_failure: None,
                    planned_exit_code: rule
                        .exit_codes
                        .iter()
                        .find(|(rule_name, _)| **rule_name == **name)
                        .map_or(rule.exit_code, |(_, code)| *code),
                })
                .collect(),
            behaviour: Behaviour {
                run_for,
                ready: rule.ready,
                exits_on_sigterm: rule.exits_on_sigterm,
            },
            deletion: None,
            disruption_target: false,
            finalizer: true,
            gone: None,
            index_failure_count: failure_count,
            index_ignored_count: ignored_count,
        };
        self.pods.push(pod);
        self.jobs[job_id].pods.push(id);
        self.jobs[job_id].live_pods.push(id);
        if self.startup_delay > 0 {
            self.push(now + self.startup_delay, Task::PodStart(id));
        } else {
            self.start_containers(id);
        }
        self.pod_changed(id);
        id
    }

    /// Positions of the rules that may match a pod of `index`, in rule order.
    fn rule_candidates(&self, index: Option<i32>) -> impl Iterator<Item = usize> + '_ {
        let specific: &[usize] = index
            .and_then(|i| self.rules_by_index.get(&i64::from(i)))
            .map_or(&[], Vec::as_slice);
        let general = &self.rules_any_index;
        let (mut a, mut b) = (0, 0);
        std::iter::from_fn(move || {
            let next = match (specific.get(a), general.get(b)) {
                (Some(&x), Some(&y)) if x < y => {
                    a += 1;
                    x
                }
                (_, Some(&y)) => {
                    b += 1;
                    y
                }
                (Some(&x), None) => {
                    a += 1;
                    x
                }
                (None, None) => return None,
            };
            Some(next)
        })
    }

    // ----- kubelet -----------------------------------------------------------------------

    fn pod_start(&mut self, pod: PodId) {
        if self.pods[pod].deletion.is_some() || self.pods[pod].phase != Phase::Pending {
            return;
        }
        self.start_containers(pod);
        self.pod_changed(pod);
    }

    fn start_containers(&mut self, pod_id: PodId) {
        let now = self.now;
        let pod = &mut self.pods[pod_id];
        pod.phase = Phase::Running;
        pod.started = Some(now);
        if pod.behaviour.ready {
            pod.ready = true;
            pod.ready_changed = now;
        }
        let run_for = pod.behaviour.run_for;
        for c in &mut pod.containers {
            c.running_since = Some(now);
        }
        for n in 0..self.pods[pod_id].containers.len() {
            self.push(now + run_for, Task::ContainerExit(pod_id, n, now));
        }
    }

    fn container_exit(&mut self, pod_id: PodId, n: usize, run_started: Ms) {
        let now = self.now;
        let restart_policy = self.jobs[self.pods[pod_id].job].spec.restart_policy;
        let pod = &mut self.pods[pod_id];
        if pod.phase.terminal() || pod.containers[n].running_since != Some(run_started) {
            return;
        }
        let code = pod.containers[n].planned_exit_code;
        self.terminate_container(pod_id, n, code);
        let pod = &mut self.pods[pod_id];
        if code != 0 && restart_policy == RestartPolicy::OnFailure && pod.deletion.is_none() {
            // The kubelet restarts it in place: at once the first time, then after 10 s, 20 s…
            let restarts = pod.containers[n].restarts;
            let delay = if restarts == 0 {
                0
            } else {
                KUBELET_BACKOFF_INITIAL
                    .saturating_mul(1 << (restarts - 1).min(20))
                    .min(KUBELET_BACKOFF_MAX)
            };
            self.push(now + delay, Task::ContainerRestart(pod_id, n));
        }
        self.settle_phase(pod_id);
        self.pod_changed(pod_id);
    }

    fn terminate_container(&mut self, pod_id: PodId, n: usize, code: i32) {
        let now = self.now;
        let pod = &mut self.pods[pod_id];
        let container = &mut pod.containers[n];
        container.running_since = None;
        container.terminated = Some((code, now));
        if code != 0 && container.first_failure.is_none() {
            container.first_failure = Some(code);
        }
        if pod.ready {
            pod.ready = false;
            pod.ready_changed = now;
        }
    }

    fn container_restart(&mut self, pod_id: PodId, n: usize) {
        let now = self.now;
        let pod = &mut self.pods[pod_id];
        if pod.phase.terminal() || pod.deletion.is_some() {
            return;
        }
        let container = &mut pod.containers[n];
        container.restarts += 1;
        container.terminated = None;
        container.running_since = Some(now);
        let run_for = pod.behaviour.run_for;
        if pod.behaviour.ready && pod.containers.iter().all(|c| c.running_since.is_some()) {
            pod.ready = true;
            pod.ready_changed = now;
        }
        self.push(now + run_for, Task::ContainerExit(pod_id, n, now));
        self.pod_changed(pod_id);
    }

    /// The pod's phase once containers have stopped: all terminated → Succeeded when every
    /// exit was 0, else Failed (OnFailure pods fail only when they are being deleted).
    fn settle_phase(&mut self, pod_id: PodId) {
        let restart_policy = self.jobs[self.pods[pod_id].job].spec.restart_policy;
        let now = self.now;
        let pod = &mut self.pods[pod_id];
        if pod.phase.terminal() || pod.containers.iter().any(|c| c.terminated.is_none()) {
            return;
        }
        let all_zero = pod
            .containers
            .iter()
            .all(|c| c.terminated.is_some_and(|(code, _)| code == 0));
        if all_zero {
            pod.phase = Phase::Succeeded;
        } else if restart_policy == RestartPolicy::Never || pod.deletion.is_some() {
            pod.phase = Phase::Failed;
        } else {
            return;
        }
        pod.finished = Some(now);
        self.maybe_gone(pod_id);
    }

    /// Takes a pod off its Job's live list; an emptied list goes back to the scratch pool.
    fn untrack_pod(&mut self, job: JobId, pod: PodId) {
        let live = &mut self.jobs[job].live_pods;
        live.retain(|&p| p != pod);
        if live.is_empty() {
            let list = std::mem::take(live);
            self.recycle(list);
        }
    }

    /// A pod leaves the API once it is deleted, terminal and free of finalizers.
    pub(super) fn maybe_gone(&mut self, pod_id: PodId) {
        let now = self.now;
        let pod = &mut self.pods[pod_id];
        if pod.gone.is_none() && pod.deletion.is_some() && pod.phase.terminal() && !pod.finalizer {
            pod.gone = Some(now);
            let job = pod.job;
            self.untrack_pod(job, pod_id);
            self.pod_changed(pod_id);
            self.job_pods_maybe_gone(job);
        }
    }

    /// Deletes a pod (graceful): it is terminating until its containers stop. The kubelet
    /// reacts in a task of its own, so the caller (a controller's sync) keeps seeing the pod as
    /// it listed it, as a real sync does.
    pub(super) fn delete_pod(&mut self, pod_id: PodId, evict: bool) {
        let now = self.now;
        let grace = self.jobs[self.pods[pod_id].job]
            .spec
            .termination_grace_seconds;
        let pod = &mut self.pods[pod_id];
        if pod.deletion.is_some() || pod.gone.is_some() {
            return;
        }
        pod.deletion = Some((now, grace));
        if evict && !pod.phase.terminal() {
            pod.disruption_target = true;
        }
        if !pod.phase.terminal() {
            self.push(now, Task::PodTerminate(pod_id));
        }
        self.maybe_gone(pod_id);
        self.pod_changed(pod_id);
    }

    /// The kubelet stops a deleted pod: at once (SIGTERM handled, or never started) or at the
    /// end of its grace period.
    fn pod_terminate(&mut self, pod_id: PodId) {
        let now = self.now;
        let pod = &mut self.pods[pod_id];
        let Some((_, grace)) = pod.deletion else {
            return;
        };
        if pod.phase.terminal() {
            return;
        }
        if pod.phase == Phase::Pending {
            pod.phase = Phase::Failed;
            pod.finished = Some(now);
            pod.ready = false;
        } else if pod.behaviour.exits_on_sigterm || grace == 0 {
            let code = if pod.behaviour.exits_on_sigterm {
                143
            } else {
                137
            };
            self.kill_containers(pod_id, code);
        } else {
            self.push(now + grace * SECOND, Task::GraceOver(pod_id));
            return;
        }
        self.maybe_gone(pod_id);
        self.pod_changed(pod_id);
    }

    fn kill_containers(&mut self, pod_id: PodId, code: i32) {
        for n in 0..self.pods[pod_id].containers.len() {
            if self.pods[pod_id].containers[n].terminated.is_none() {
                self.terminate_container(pod_id, n, code);
            }
        }
        let now = self.now;
        let pod = &mut self.pods[pod_id];
        if !pod.phase.terminal() {
            // A pod killed while terminating ends Failed, whatever its containers said.
            let all_zero = pod
                .containers
                .iter()
                .all(|c| c.terminated.is_some_and(|(c, _)| c == 0));
            pod.phase = if all_zero {
                Phase::Succeeded
            } else {
                Phase::Failed
            };
            pod.finished = Some(now);
        }
    }

    fn grace_over(&mut self, pod_id: PodId) {
        if self.pods[pod_id].phase.terminal() {
            return;
        }
        self.kill_containers(pod_id, 137);
        self.maybe_gone(pod_id);
        self.pod_changed(pod_id);
    }

    /// Removes the Job's tracking finalizer from a pod.
    pub(super) fn remove_finalizer(&mut self, pod_id: PodId) {
        let pod = &mut self.pods[pod_id];
        if !pod.finalizer {
            return;
        }
        pod.finalizer = false;
        let job = pod.job;
        let still_live = !pod.phase.terminal() || pod.deletion.is_some() && pod.gone.is_none();
        if !still_live {
            self.untrack_pod(job, pod_id);
        }
        self.pod_changed(pod_id);
        self.maybe_gone(pod_id);
    }

    /// Deletes a Job: its pods are deleted by the garbage collector; it leaves the API at once
    /// (`background`) or once its pods are gone (`foreground`, as the TTL controller asks).
    pub(super) fn delete_job(&mut self, job: JobId, foreground: bool) {
        if self.jobs[job].deleted_at.is_some() {
            return;
        }
        self.jobs[job].deleted_at = Some(self.now);
        let mut pods = self.buffer();
        pods.extend(
            self.jobs[job]
                .pods
                .iter()
                .copied()
                .filter(|&p| self.pods[p].gone.is_none()),
        );
        if !foreground {
            self.job_gone(job);
        }
        for &pod in &pods {
            self.delete_pod(pod, false);
        }
        self.recycle(pods);
        self.job_pods_maybe_gone(job);
    }

    fn job_pods_maybe_gone(&mut self, job: JobId) {
        if self.jobs[job].deleted_at.is_some()
            && !self.jobs[job].gone
            && self.jobs[job]
                .pods
                .iter()
                .all(|&p| self.pods[p].gone.is_some())
        {
            self.job_gone(job);
        }
    }

    fn job_gone(&mut self, job: JobId) {
        self.jobs[job].gone = true;
        self.jobs[job].gone_at = Some(self.now);
        self.cron_alive.retain(|&j| j != job);
        // The Job controller's orphan handling strips the finalizers of its pods.
        let live = self.jobs[job].live_pods.clone();
        for pod in live {
            if self.pods[pod].finalizer {
                self.pods[pod].finalizer = false;
                self.maybe_gone(pod);
            }
        }
        self.enqueue_job(job, 0);
        if self.jobs[job].scheduled_time.is_some() {
            self.enqueue_cron(0);
        }
    }

    // ----- actions ---------------------------------------------------------------------

    fn action(&mut self, n: usize) {
        let Some(action) = self.actions.get(n).cloned() else {
            return;
        };
        match action.kind {
            ActionKind::ControllerDown(duration) => {
                let until = self.now + duration;
                self.down_until = Some(self.down_until.map_or(until, |u| u.max(until)));
                self.push(until, Task::ControllersUp);
            }
            ActionKind::DeletePod { selector, evict } => {
                let targets: Vec<PodId> = (0..self.pods.len())
                    .filter(|&p| {
                        let pod = &self.pods[p];
                        pod.gone.is_none()
                            && pod.deletion.is_none()
                            && selector.matches(
                                pod.index,
                                pod.attempt,
                                pod.ordinal,
                                self.jobs[pod.job].ordinal,
                            )
                    })
                    .collect();
                if targets.is_empty() {
                    self.note("deletePod: no pod matches".to_owned());
                }
                for pod in targets {
                    self.delete_pod(pod, evict);
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

    pub(super) fn note(&mut self, message: String) {
        self.notes.push(Note {
            time: self.now,
            message,
        });
    }

    /// Applies a JSON merge patch to the manifest's object, as `kubectl patch --type merge`.
    fn patch(&mut self, patch: &Value) {
        let mut patched = self.object.clone();
        merge_patch(&mut patched, patch);
        let manifest = read_manifest(&patched);
        if let Some(error) = manifest.decode_errors.first() {
            self.note(format!("patch refused by the apiserver: {}", error.message));
            return;
        }
        let Some(spec_node) = manifest.effective.as_ref().and_then(|o| o.get("spec")) else {
            self.note("patch refused: the object has no spec".to_owned());
            return;
        };
        if let Some(cron) = &self.cron {
            let spec = CronJobSpec::from_node(spec_node);
            let reschedule =
                spec.schedule != cron.spec.schedule || spec.time_zone != cron.spec.time_zone;
            self.object = patched;
            let now = self.now;
            if let Some(cron) = &mut self.cron {
                cron.spec_log.push((now, spec.clone()));
                cron.spec = spec;
            }
            self.cron_eval = None;
            if reschedule {
                self.cron_rescheduled();
            } else {
                self.enqueue_cron(0);
            }
            return;
        }
        let Some(job) = self.jobs.first() else {
            return;
        };
        let spec = JobSpec::from_node(spec_node);
        if let Some(field) = immutable_change(
            &job.spec,
            &spec,
            job.status.start_time.is_none() && job.spec.suspend,
        ) {
            self.note(format!(
                "patch refused by the apiserver: spec.{field}: Invalid value: field is immutable"
            ));
            return;
        }
        self.object = patched;
        let old_deadline = self.jobs[0].spec.active_deadline_seconds;
        let now = self.now;
        let spec = Rc::new(spec);
        let job = &mut self.jobs[0];
        if job.spec_log.is_empty() {
            job.spec_log.push((job.created, job.spec.clone()));
        }
        job.spec_log.push((now, spec.clone()));
        job.spec = spec;
        job.generation += 1;
        // updateJob: a spec change syncs at once, and a changed deadline re-arms its timer.
        self.enqueue_job(0, 0);
        let job = &self.jobs[0];
        if let (Some(start), Some(deadline)) =
            (job.status.start_time, job.spec.active_deadline_seconds)
            && old_deadline != Some(deadline)
        {
            let remaining = deadline.saturating_mul(SECOND) - (self.now - start);
            self.enqueue_job(0, remaining);
        }
    }

    fn controllers_up(&mut self) {
        if self.down_until.is_some_and(|until| self.now < until) {
            return;
        }
        self.down_until = None;
        // A restarted kube-controller-manager lists everything (immediate syncs) and has lost
        // its in-memory back-off records.
        for job in 0..self.jobs.len() {
            self.jobs[job].backoff_failures = 0;
            self.jobs[job].backoff_last_failure = None;
            self.job_queue[job] = QueueState::default();
            self.ttl_queue[job] = QueueState::default();
            if !self.jobs[job].gone {
                self.enqueue_job(job, 0);
                self.ttl_job_changed(job);
            }
        }
        if self.cron.is_some() {
            self.cron_queue = QueueState::default();
            self.enqueue_cron(0);
        }
    }
}

/// Takes a queue entry: a `run now` entry, or a matured delayed one (stale ones are dropped).
fn take(state: &mut QueueState, run_now: bool, now: Ms) -> bool {
    if run_now {
        if !state.now {
            return false;
        }
        state.now = false;
        true
    } else {
        if state.waiting != Some(now) {
            return false;
        }
        state.waiting = None;
        // Already queued to run now: that entry will run; don't run twice.
        !state.now
    }
}

/// client-go's delaying queue: `Add` dedupes; `AddAfter` keeps the earliest waiting time.
fn enqueue(state: &mut QueueState, now: Ms, delay: Ms) -> Option<Ms> {
    if delay <= 0 {
        if state.now {
            return None;
        }
        state.now = true;
        return Some(now);
    }
    let at = now + delay;
    if state.waiting.is_some_and(|w| w <= at) {
        return None;
    }
    state.waiting = Some(at);
    Some(at)
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

/// The first immutable field a Job update changes (ValidateJobUpdate's rules).
fn immutable_change(
    old: &JobSpec,
    new: &JobSpec,
    suspended_never_started: bool,
) -> Option<&'static str> {
    if old.indexed != new.indexed {
        return Some("completionMode");
    }
    if old.completions != new.completions {
        // Elastic Indexed Jobs change completions together with parallelism.
        let elastic = new.indexed
            && new.completions == Some(new.parallelism)
            && old.completions == Some(old.parallelism);
        if !elastic {
            return Some("completions");
        }
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
    let template_changed = old.restart_policy != new.restart_policy
        || old.containers != new.containers
        || old.init_containers != new.init_containers
        || old.termination_grace_seconds != new.termination_grace_seconds;
    if template_changed && !suspended_never_started {
        return Some("template");
    }
    None
}

/// The `generateName` of a Job's pods: `<job>-` or, Indexed, `<job>-<index>-`
/// (`podGenerateNameWithIndex`), cut so that the generated name fits 63 characters.
fn generate_name_prefix(job: &str, index: Option<i32>) -> String {
    // names.MaxGeneratedNameLength: 63 minus the 5 random characters.
    const MAX: usize = 58;
    let append: std::borrow::Cow<'static, str> = match index {
        Some(i) => format!("-{i}-").into(),
        None => "-".into(),
    };
    if job.len() + append.len() <= MAX {
        // Room for the suffix too: one allocation per pod name.
        let mut name = String::with_capacity(job.len() + append.len() + 5);
        name.push_str(job);
        name.push_str(&append);
        return name;
    }
    let keep = MAX.saturating_sub(append.len());
    let base: String = job.chars().take(keep).collect();
    match index {
        Some(_) => format!("{base}{append}"),
        // SimpleNameGenerator cuts the whole prefix.
        None => format!("{job}-").chars().take(MAX).collect(),
    }
}
