//! The cluster the controllers act on: the virtual clock and its agenda, the controllers' work
//! queues (what the informers' event handlers add to), the API objects with their histories and
//! events, and the API operations (create, delete, status writes, garbage collection) with the
//! watch notifications they cause. The kubelet's side of a pod's life is in `kubelet`; the
//! controllers own nothing here and reach the objects only through these operations.
//!
//! Timing model (controller-semantics.md §18): API calls and watches take no time; a pod or Job
//! status change wakes the Job controller 1 s later (batched); spec changes wake it at once; the
//! CronJob controller wakes at its requeue instant (nominal time + 0.1 s) and at once on any
//! change of its Jobs. Tasks due at the same instant run in the order they were queued.

use std::collections::{HashMap, VecDeque};
use std::rc::Rc;

use crate::agenda::Agenda;
use crate::model::{
    Behaviour, ConditionKind, ContainerState, CronJob, Job, JobId, JobSpec, JobStatus, Ms, Phase,
    Pod, PodId, SECOND,
};
use crate::rng::Rng;
use crate::scenario::{PodRule, RunFor};
use crate::workqueue::QueueState;

/// `syncJobBatchPeriod`: how long the Job controller waits after a pod or status change.
pub(crate) const BATCH: Ms = SECOND;

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
    SawCompletedJob(JobId, ConditionKind),
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

/// What is due on the agenda.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Task {
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

/// How pods behave: the scenario's rules, the start-up delay and the seeded generator.
#[derive(Debug)]
pub(crate) struct PodModel {
    pub(crate) rules: Vec<PodRule>,
    /// Rules by the completion index they name, and the rules naming none (positions in
    /// `rules`, ascending): a scenario may list a rule per index.
    rules_by_index: HashMap<i64, Vec<usize>>,
    rules_any_index: Vec<usize>,
    pub(crate) startup_delay: Ms,
    pub(crate) rng: Rng,
}

impl PodModel {
    pub(crate) fn new(rules: Vec<PodRule>, startup_delay: Ms, seed: u64) -> PodModel {
        let mut rules_by_index: HashMap<i64, Vec<usize>> = HashMap::new();
        let mut rules_any_index = Vec::new();
        for (n, rule) in rules.iter().enumerate() {
            match rule.when.index {
                Some(index) => rules_by_index.entry(index).or_default().push(n),
                None => rules_any_index.push(n),
            }
        }
        PodModel {
            rules,
            rules_by_index,
            rules_any_index,
            startup_delay,
            rng: Rng::new(seed),
        }
    }
}

/// The objects, the clock and the queues.
#[derive(Debug)]
pub(crate) struct Cluster {
    pub(crate) now: Ms,
    pub(crate) start: Ms,
    pub(crate) until: Ms,
    pub(crate) jobs: Vec<Job>,
    pub(crate) pods: Vec<Pod>,
    pub(crate) cron: Option<CronJob>,
    pub(crate) events: Vec<Event>,
    pub(crate) notes: Vec<Note>,
    pub(crate) namespace: String,
    /// The CronJob's Jobs that still exist, in creation order (its informer's list).
    pub(crate) cron_alive: Vec<JobId>,
    pub(crate) pod_model: PodModel,
    pub(crate) agenda: Agenda<Task>,
    pub(crate) job_queue: Vec<QueueState>,
    pub(crate) ttl_queue: Vec<QueueState>,
    pub(crate) cron_queue: QueueState,
    /// Emptied pod lists for scratch work (see `buffer`): the one pool, kept out of the objects.
    spare_lists: Vec<Vec<PodId>>,
}

impl Cluster {
    pub(crate) fn new(start: Ms, until: Ms, namespace: String, pod_model: PodModel) -> Cluster {
        Cluster {
            now: start,
            start,
            until,
            jobs: Vec::new(),
            pods: Vec::new(),
            cron: None,
            events: Vec::new(),
            notes: Vec::new(),
            namespace,
            cron_alive: Vec::new(),
            pod_model,
            agenda: Agenda::new(),
            job_queue: Vec::new(),
            ttl_queue: Vec::new(),
            cron_queue: QueueState::default(),
            spare_lists: Vec::new(),
        }
    }

    /// Queues `task` for `at` on the agenda.
    #[inline(always)]
    pub(crate) fn push(&mut self, at: Ms, task: Task) {
        self.agenda.push(self.now, at, task);
    }

    /// `queue.AddAfter(job, delay)` (`Add` when the delay is not positive).
    pub(crate) fn enqueue_job(&mut self, job: JobId, delay: Ms) {
        let now = self.now;
        if let Some(at) = self.job_queue[job].add_after(now, delay) {
            self.push(at, Task::JobSync(job, delay <= 0));
        }
    }

    /// The CronJob controller's `queue.AddAfter(key, delay)`.
    pub(crate) fn enqueue_cron(&mut self, delay: Ms) {
        let now = self.now;
        if let Some(at) = self.cron_queue.add_after(now, delay) {
            self.push(at, Task::CronSync(delay <= 0));
        }
    }

    /// The TTL-after-finished controller's `queue.AddAfter(job, delay)`.
    pub(crate) fn enqueue_ttl(&mut self, job: JobId, delay: Ms) {
        let now = self.now;
        if let Some(at) = self.ttl_queue[job].add_after(now, delay) {
            self.push(at, Task::TtlCheck(job, delay <= 0));
        }
    }

    /// The TTL-after-finished controller's informer saw the Job added or updated: a finished
    /// Job with a TTL is queued at once (`processJob` decides when it expires).
    pub(crate) fn ttl_job_changed(&mut self, job: JobId) {
        if self.jobs[job].needs_ttl_cleanup() {
            self.enqueue_ttl(job, 0);
        }
    }

    /// An empty pod list for scratch work, reusing an earlier one's allocation: the Job
    /// controller lists pods on every sync, and allocating those lists was a fifth of the time
    /// of a month-long minutely CronJob.
    pub(crate) fn buffer(&mut self) -> Vec<PodId> {
        self.spare_lists.pop().unwrap_or_default()
    }

    /// Gives a scratch list back to the pool.
    pub(crate) fn recycle(&mut self, mut list: Vec<PodId>) {
        // A few lists are in use at once; a bounded pool keeps a huge one from lingering.
        if self.spare_lists.len() < 8 && list.capacity() > 0 && list.capacity() <= 4096 {
            list.clear();
            self.spare_lists.push(list);
        }
    }

    /// Records an event about `object`, as the controller's event recorder does.
    pub(crate) fn event(
        &mut self,
        object: ObjectRef,
        warning: bool,
        reason: &'static str,
        message: impl Into<Message>,
    ) {
        self.events.push(Event {
            time: self.now,
            object,
            warning,
            reason,
            message: message.into(),
        });
    }

    pub(crate) fn note(&mut self, message: String) {
        self.notes.push(Note {
            time: self.now,
            message,
        });
    }

    /// A pod of `job` was added, changed or deleted: the Job controller looks 1 s later.
    pub(crate) fn pod_changed(&mut self, pod: PodId) {
        let job = self.pods[pod].job;
        if !self.jobs[job].gone {
            self.enqueue_job(job, BATCH);
        }
    }

    /// A Job's status was written: the Job controller (batched), the CronJob controller and
    /// the TTL controller hear of it.
    pub(crate) fn job_status_written(&mut self, job: JobId) {
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

    /// Creates a Job (the manifest's, or one from the CronJob's template).
    pub(crate) fn create_job(
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
        let live_pods = VecDeque::from(self.buffer());
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
        });
        self.job_queue.push(QueueState::default());
        self.ttl_queue.push(QueueState::default());
        // addJob: the Job controller syncs at once; the TTL controller looks.
        self.enqueue_job(id, 0);
        self.ttl_job_changed(id);
        id
    }

    /// Creates a pod for `job` (and `index`), from the scenario's rules.
    pub(crate) fn create_pod(
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
        self.pod_model.rng.push_name_suffix(&mut name);
        let job = &self.jobs[job_id];
        let matched = self.rule_candidates(index).find(|&n| {
            self.pod_model.rules[n]
                .when
                .matches(index, attempt, ordinal, job.ordinal)
        });
        // Borrowed, not cloned: a pod is created for every Job a CronJob runs.
        let fallback;
        let rule = match matched {
            Some(n) => &self.pod_model.rules[n],
            None => {
                fallback = PodRule::fallback();
                &fallback
            }
        };
        let run_for = match rule.run_for {
            RunFor::Fixed(d) => d,
            RunFor::Uniform(low, high) => self.pod_model.rng.between(low, high),
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
        let live = &mut self.jobs[job_id].live_pods;
        // `untrack_pod`'s binary search relies on it (checked here, where it is O(1)).
        debug_assert!(
            live.back().is_none_or(|&last| last < id),
            "live pods in creation order"
        );
        live.push_back(id);
        if self.pod_model.startup_delay > 0 {
            self.push(now + self.pod_model.startup_delay, Task::PodStart(id));
        } else {
            self.start_containers(id);
        }
        self.pod_changed(id);
        id
    }

    /// Positions of the rules that may match a pod of `index`, in rule order.
    fn rule_candidates(&self, index: Option<i32>) -> impl Iterator<Item = usize> + '_ {
        let specific: &[usize] = index
            .and_then(|i| self.pod_model.rules_by_index.get(&i64::from(i)))
            .map_or(&[], Vec::as_slice);
        let general = &self.pod_model.rules_any_index;
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

    /// Deletes a pod (graceful): it is terminating until its containers stop. The kubelet
    /// reacts in a task of its own, so the caller (a controller's sync) keeps seeing the pod as
    /// it listed it, as a real sync does.
    pub(crate) fn delete_pod(&mut self, pod_id: PodId, evict: bool) {
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

    /// Removes the Job's tracking finalizer from a pod.
    pub(crate) fn remove_finalizer(&mut self, pod_id: PodId) {
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

    /// A pod leaves the API once it is deleted, terminal and free of finalizers.
    pub(crate) fn maybe_gone(&mut self, pod_id: PodId) {
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

    /// Takes a pod off its Job's live list; an emptied list goes back to the scratch pool.
    /// The list is in creation order, which is the order of pod ids (`create_pod` pushes each
    /// new id, the largest so far), so the pod is found by binary search; pods mostly finish
    /// in the order they started, near the list's front, where a `VecDeque` removes without
    /// moving the rest. Scanning and shifting a `Vec` (`retain`) made a Job with 100,000
    /// parallel pods quadratic: three quarters of its run time.
    fn untrack_pod(&mut self, job: JobId, pod: PodId) {
        let live = &mut self.jobs[job].live_pods;
        if let Ok(at) = live.binary_search(&pod) {
            live.remove(at);
        }
        if live.is_empty() {
            let list = Vec::from(std::mem::take(live));
            self.recycle(list);
        }
    }

    /// Deletes a Job: its pods are deleted by the garbage collector; it leaves the API at once
    /// (`background`) or once its pods are gone (`foreground`, as the TTL controller asks).
    pub(crate) fn delete_job(&mut self, job: JobId, foreground: bool) {
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
        let mut live = self.buffer();
        live.extend(self.jobs[job].live_pods.iter().copied());
        for &pod in &live {
            if self.pods[pod].finalizer {
                self.pods[pod].finalizer = false;
                self.maybe_gone(pod);
            }
        }
        self.recycle(live);
        self.enqueue_job(job, 0);
        if self.jobs[job].scheduled_time.is_some() {
            self.enqueue_cron(0);
        }
    }
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

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::JobSpec;
    use jobscope_api::manifest::document::read_manifest;

    /// A cluster at t = 0 with one Job of the given pod spec (a JobSpec's YAML, defaulted),
    /// whose pods follow `rules`.
    pub(crate) fn cluster_with_job_text(rules: Vec<PodRule>, spec: &str) -> (Cluster, JobId) {
        let text =
            format!("apiVersion: batch/v1\nkind: Job\nmetadata: {{name: j}}\nspec:\n  {spec}\n");
        let stream = jobscope_yaml::parse_stream(&text);
        let manifest = read_manifest(
            stream.documents[0].value.as_ref().expect("a document"),
            jobscope_api::version::KubernetesVersion::V1_34,
        );
        let object = manifest.effective.expect("a Job");
        let spec = JobSpec::from_node(object.get("spec").expect("a spec"));
        let mut c = Cluster::new(
            0,
            3600 * SECOND,
            "default".to_owned(),
            PodModel::new(rules, 0, 1),
        );
        let job = c.create_job("j".to_owned(), Rc::new(spec), None);
        (c, job)
    }

    /// A cluster with one `restartPolicy: Never` Job.
    pub(crate) fn cluster_with_job(rules: Vec<PodRule>) -> (Cluster, JobId) {
        cluster_with_job_text(
            rules,
            "template: {spec: {restartPolicy: Never, terminationGracePeriodSeconds: 30, containers: [{name: main}]}}",
        )
    }

    /// Runs the kubelet's tasks due by `until` (controllers do not run: their tasks are
    /// dropped), leaving the clock at `until`.
    pub(crate) fn run_kubelet(c: &mut Cluster, until: Ms) {
        let mut later = Vec::new();
        while let Some((at, task)) = c.agenda.pop() {
            if at > until {
                later.push((at, task));
                continue;
            }
            c.now = at.max(c.now);
            match task {
                Task::PodStart(pod) => c.pod_start(pod),
                Task::ContainerExit(pod, n, started) => c.container_exit(pod, n, started),
                Task::ContainerRestart(pod, n) => c.container_restart(pod, n),
                Task::PodTerminate(pod) => c.pod_terminate(pod),
                Task::GraceOver(pod) => c.grace_over(pod),
                _ => {}
            }
        }
        c.now = until;
        for (at, task) in later {
            c.agenda.push(c.now, at, task);
        }
    }

    /// A pod change wakes the Job controller once, 1 s later, however many changes come in
    /// that second; a status write also wakes the TTL controller when the Job finished.
    #[test]
    fn changes_wake_the_controllers() {
        let (mut c, job) = cluster_with_job(vec![PodRule::fallback()]);
        // Creating the Job queued an immediate sync.
        assert_eq!(c.agenda.pop(), Some((0, Task::JobSync(job, true))));
        assert!(c.job_queue[job].take(true, 0));
        let pod = c.create_pod(job, None, 0, 0);
        c.pod_changed(pod);
        c.pod_changed(pod);
        let due: Vec<_> = std::iter::from_fn(|| c.agenda.pop()).collect();
        let syncs: Vec<_> = due
            .iter()
            .filter(|(_, t)| matches!(t, Task::JobSync(..)))
            .collect();
        assert_eq!(syncs, [&(BATCH, Task::JobSync(job, false))]);
    }

    /// Deleting a Job deletes its pods (the garbage collector); in the background it leaves
    /// the API at once, in the foreground (as the TTL controller asks) only once they are gone.
    #[test]
    fn garbage_collection() {
        for foreground in [false, true] {
            let (mut c, job) = cluster_with_job(vec![PodRule {
                run_for: crate::scenario::RunFor::Fixed(3600 * SECOND),
                ..PodRule::fallback()
            }]);
            let pod = c.create_pod(job, None, 0, 0);
            run_kubelet(&mut c, SECOND);
            c.delete_job(job, foreground);
            assert!(c.pods[pod].deletion.is_some(), "its pods are deleted");
            assert_eq!(c.jobs[job].gone, !foreground);
            // The pod handles SIGTERM: it stops, and its Job's finalizer is stripped when
            // the Job is gone (orphan handling) or by the controller.
            run_kubelet(&mut c, 2 * SECOND);
            if foreground {
                assert!(!c.jobs[job].gone, "waits for its pods");
                c.remove_finalizer(pod);
            }
            assert!(c.pods[pod].gone.is_some());
            assert!(c.jobs[job].gone);
        }
    }
}
