//! kube-state-metrics series derived from the simulated objects' histories, as its job and
//! cronjob stores write them (internal/store/job.go, cronjob.go), including the
//! `kube_job_status_failed` quirk (its `reason` series carry 1/0 by the Failed condition's
//! reason, not the count). Every change of a series is a sample; `None` when it disappears.

use std::rc::Rc;

use super::model::{
    ConditionKind, CronJobSpec, CronJobStatus, Job, JobSpec, JobStatus, Ms, SECOND,
};
use crate::cluster::Cluster;
use crate::model::{instant, millis};

/// A series' labels in kube-state-metrics' order. Shared: every sample of a series, and every
/// series of an object with the same extra labels, hold the same allocation (a month of a
/// minutely CronJob has 1.6 million samples).
pub type Labels = Rc<[(&'static str, Rc<str>)]>;

/// One change of one series.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sample {
    pub time: Ms,
    pub name: &'static str,
    pub labels: Labels,
    pub value: Option<i64>,
}

/// The series of one object in one state, sorted by (name, labels) with no key twice.
type Series = Vec<(&'static str, Labels, i64)>;

fn seconds(t: Ms) -> i64 {
    t.div_euclid(SECOND)
}

/// `Labels` in their `Ord` order (label by label, by text), without comparing texts that are
/// one shared allocation (most are: the namespace, an object's name).
pub fn labels_cmp(a: &Labels, b: &Labels) -> std::cmp::Ordering {
    if Rc::ptr_eq(a, b) {
        return std::cmp::Ordering::Equal;
    }
    for ((ka, va), (kb, vb)) in a.iter().zip(b.iter()) {
        let order = ka.cmp(kb).then_with(|| {
            if Rc::ptr_eq(va, vb) {
                std::cmp::Ordering::Equal
            } else {
                va.cmp(vb)
            }
        });
        if order.is_ne() {
            return order;
        }
    }
    a.len().cmp(&b.len())
}

/// A series key's order: by name, then labels.
pub(crate) fn key_cmp(a: (&str, &Labels), b: (&str, &Labels)) -> std::cmp::Ordering {
    a.0.cmp(b.0).then_with(|| labels_cmp(a.1, b.1))
}

/// Sorts a state's series by key; a key put twice keeps its last value.
fn finish(mut series: Series) -> Series {
    // Stable: of equal keys, the last put stays last, and is the one kept. The series are
    // put in key order already; checking costs less than sorting.
    if !series.is_sorted_by(|a, b| key_cmp((a.0, &a.1), (b.0, &b.1)).is_le()) {
        jobscope_sort::sort_by(&mut series, |a, b| key_cmp((a.0, &a.1), (b.0, &b.1)));
    }
    let mut out: Series = Vec::with_capacity(series.len());
    for entry in series {
        match out.last_mut() {
            Some(last) if key_cmp((last.0, &last.1), (entry.0, &entry.1)).is_eq() => {
                *last = entry;
            }
            _ => out.push(entry),
        }
    }
    out
}

/// The label values that are fixed texts, allocated once per `metrics` call.
struct Texts {
    empty: Rc<str>,
    cron_job: Rc<str>,
    true_: Rc<str>,
    false_: Rc<str>,
    unknown: Rc<str>,
    reasons: [Rc<str>; 3],
}

/// `kube_job_status_failed`'s reason label values that carry 1/0 (the Failed condition's).
const FAILED_REASONS: [&str; 3] = ["BackoffLimitExceeded", "DeadlineExceeded", "Evicted"];

impl Texts {
    fn new() -> Texts {
        Texts {
            empty: Rc::from(""),
            cron_job: Rc::from("CronJob"),
            true_: Rc::from("true"),
            false_: Rc::from("false"),
            unknown: Rc::from("unknown"),
            reasons: FAILED_REASONS.map(Rc::from),
        }
    }
}

/// One object's label sets, each built the first time a series needs it.
struct LabelSets<'t> {
    texts: &'t Texts,
    base: Vec<(&'static str, Rc<str>)>,
    plain: Option<Labels>,
    owner: Option<Labels>,
    reason: [Option<Labels>; 4],
    condition: [Option<Labels>; 3],
}

/// The base labels followed by `extra`.
fn labels_with(base: &[(&'static str, Rc<str>)], extra: &[(&'static str, &Rc<str>)]) -> Labels {
    base.iter()
        .cloned()
        .chain(extra.iter().map(|(k, v)| (*k, Rc::clone(v))))
        .collect()
}

impl<'t> LabelSets<'t> {
    fn new(texts: &'t Texts, base: Vec<(&'static str, Rc<str>)>) -> Self {
        LabelSets {
            texts,
            base,
            plain: None,
            owner: None,
            reason: Default::default(),
            condition: Default::default(),
        }
    }

    fn plain(&mut self) -> Labels {
        let base = &self.base;
        Rc::clone(self.plain.get_or_insert_with(|| labels_with(base, &[])))
    }

    /// `reason`: 0 for "", then the three of `FAILED_REASONS` in order.
    fn reason(&mut self, reason: usize) -> Labels {
        let (texts, base) = (self.texts, &self.base);
        let slot = reason.min(3);
        let value = match slot {
            0 => &texts.empty,
            n => &texts.reasons[n - 1],
        };
        Rc::clone(self.reason[slot].get_or_insert_with(|| labels_with(base, &[("reason", value)])))
    }

    /// `condition`: 0 "true", 1 "false", 2 "unknown".
    fn condition(&mut self, condition: usize) -> Labels {
        let (texts, base) = (self.texts, &self.base);
        let slot = condition.min(2);
        let value = [&texts.true_, &texts.false_, &texts.unknown][slot];
        Rc::clone(
            self.condition[slot].get_or_insert_with(|| labels_with(base, &[("condition", value)])),
        )
    }

    fn owner(&mut self, owner: Option<&Rc<str>>) -> Labels {
        let (texts, base) = (self.texts, &self.base);
        Rc::clone(self.owner.get_or_insert_with(|| match owner {
            Some(name) => labels_with(
                base,
                &[
                    ("owner_kind", &texts.cron_job),
                    ("owner_name", name),
                    ("owner_is_controller", &texts.true_),
                ],
            ),
            None => labels_with(
                base,
                &[
                    ("owner_kind", &texts.empty),
                    ("owner_name", &texts.empty),
                    ("owner_is_controller", &texts.empty),
                ],
            ),
        }))
    }
}

fn condition_series(
    series: &mut Series,
    labels: &mut LabelSets<'_>,
    name: &'static str,
    status: Option<bool>,
) {
    // In label order: "false", "true", "unknown".
    if let Some(status) = status {
        series.push((name, labels.condition(1), i64::from(!status)));
        series.push((name, labels.condition(0), i64::from(status)));
        series.push((name, labels.condition(2), 0));
    }
}

/// The series of one Job in one state, put in key order (names, then labels, byte-wise).
fn job_series(
    job: &Job,
    labels: &mut LabelSets<'_>,
    owner: Option<&Rc<str>>,
    spec: &JobSpec,
    status: &JobStatus,
) -> Series {
    let mut s = Series::with_capacity(24);
    let plain = labels.plain();
    condition_series(
        &mut s,
        labels,
        "kube_job_complete",
        status.condition(ConditionKind::Complete).map(|c| c.status),
    );
    s.push(("kube_job_created", plain.clone(), seconds(job.created)));
    condition_series(
        &mut s,
        labels,
        "kube_job_failed",
        status.condition(ConditionKind::Failed).map(|c| c.status),
    );
    s.push(("kube_job_info", plain.clone(), 1));
    s.push(("kube_job_owner", labels.owner(owner), 1));
    if let Some(deadline) = spec.active_deadline_seconds {
        s.push((
            "kube_job_spec_active_deadline_seconds",
            plain.clone(),
            deadline,
        ));
    }
    if let Some(completions) = spec.completions {
        s.push((
            "kube_job_spec_completions",
            plain.clone(),
            i64::from(completions),
        ));
    }
    s.push((
        "kube_job_spec_parallelism",
        plain.clone(),
        i64::from(spec.parallelism),
    ));
    s.push((
        "kube_job_status_active",
        plain.clone(),
        i64::from(status.active),
    ));
    if let Some(done) = status.completion_time {
        s.push((
            "kube_job_status_completion_time",
            plain.clone(),
            seconds(done),
        ));
    }
    let failed_condition = status.condition(ConditionKind::Failed).filter(|c| c.status);
    if status.failed == 0 {
        s.push(("kube_job_status_failed", plain.clone(), 0));
    } else if let Some(condition) = failed_condition {
        let known = FAILED_REASONS.contains(&condition.reason);
        if !known {
            s.push((
                "kube_job_status_failed",
                labels.reason(0),
                i64::from(status.failed),
            ));
        }
        for (n, reason) in FAILED_REASONS.iter().enumerate() {
            s.push((
                "kube_job_status_failed",
                labels.reason(n + 1),
                i64::from(condition.reason == *reason),
            ));
        }
    } else {
        s.push((
            "kube_job_status_failed",
            labels.reason(0),
            i64::from(status.failed),
        ));
    }
    s.push((
        "kube_job_status_ready",
        plain.clone(),
        i64::from(status.ready),
    ));
    if let Some(start) = status.start_time {
        s.push(("kube_job_status_start_time", plain.clone(), seconds(start)));
    }
    s.push((
        "kube_job_status_succeeded",
        plain.clone(),
        i64::from(status.succeeded),
    ));
    if let Some(suspended) = status.condition(ConditionKind::Suspended) {
        s.push((
            "kube_job_status_suspended",
            plain,
            i64::from(suspended.status),
        ));
    }
    debug_assert!(s.is_sorted_by(|a, b| key_cmp((a.0, &a.1), (b.0, &b.1)).is_lt()));
    finish(s)
}

/// The CronJob's `kube_cronjob_info` labels and schedule evaluator for one spec (they change
/// only with the spec, not with each status).
struct CronSpecView {
    spec: CronJobSpec,
    info: Labels,
    eval: Option<jobscope_cron::Evaluator>,
}

impl CronSpecView {
    fn new(spec: &CronJobSpec, labels: &LabelSets<'_>) -> Self {
        let text = |s: &str| Rc::<str>::from(s);
        let info = labels_with(
            &labels.base,
            &[
                ("schedule", &text(&spec.schedule)),
                (
                    "concurrency_policy",
                    &text(spec.concurrency_policy.as_str()),
                ),
                (
                    "timezone",
                    &text(spec.time_zone.as_deref().unwrap_or("local")),
                ),
            ],
        );
        let eval = (!spec.suspend).then(|| spec.evaluator().ok()).flatten();
        CronSpecView {
            spec: spec.clone(),
            info,
            eval,
        }
    }
}

/// The series of the CronJob in one state.
fn cron_series(
    created: Ms,
    view: &mut CronSpecView,
    labels: &mut LabelSets<'_>,
    status: &CronJobStatus,
) -> Series {
    let mut s = Series::with_capacity(12);
    let plain = labels.plain();
    let spec = &view.spec;
    s.push(("kube_cronjob_info", view.info.clone(), 1));
    s.push(("kube_cronjob_created", plain.clone(), seconds(created)));
    s.push((
        "kube_cronjob_status_active",
        plain.clone(),
        status.active.len() as i64,
    ));
    if let Some(t) = status.last_schedule_time {
        s.push((
            "kube_cronjob_status_last_schedule_time",
            plain.clone(),
            seconds(t),
        ));
    }
    if let Some(t) = status.last_successful_time {
        s.push((
            "kube_cronjob_status_last_successful_time",
            plain.clone(),
            seconds(t),
        ));
    }
    if let Some(eval) = &mut view.eval {
        let from = status.last_schedule_time.unwrap_or(created);
        if let Ok(next) = eval.next_go(instant(from))
            && !next.is_go_zero()
        {
            s.push((
                "kube_cronjob_next_schedule_time",
                plain.clone(),
                seconds(millis(next)),
            ));
        }
    }
    s.push((
        "kube_cronjob_spec_suspend",
        plain.clone(),
        i64::from(spec.suspend),
    ));
    if let Some(deadline) = spec.starting_deadline_seconds {
        s.push((
            "kube_cronjob_spec_starting_deadline_seconds",
            plain.clone(),
            deadline,
        ));
    }
    if let Some(limit) = spec.successful_jobs_history_limit {
        s.push((
            "kube_cronjob_spec_successful_job_history_limit",
            plain.clone(),
            i64::from(limit),
        ));
    }
    if let Some(limit) = spec.failed_jobs_history_limit {
        s.push((
            "kube_cronjob_spec_failed_job_history_limit",
            plain,
            i64::from(limit),
        ));
    }
    finish(s)
}

fn diff(samples: &mut Vec<Sample>, time: Ms, before: &Series, after: &Series) {
    // Both lists are sorted by key: walk them together.
    // Changes come first, then the series that disappeared (the order the samples have
    // always had, which the fixtures pin).
    let mut gone = Vec::new();
    let (mut old, mut new) = (before.iter().peekable(), after.iter().peekable());
    loop {
        let order = match (old.peek(), new.peek()) {
            (None, None) => break,
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some((n1, l1, _)), Some((n2, l2, _))) => key_cmp((n1, l1), (n2, l2)),
        };
        let sample = |(name, labels, _): &(&'static str, Labels, i64), value| Sample {
            time,
            name,
            labels: Rc::clone(labels),
            value,
        };
        match order {
            std::cmp::Ordering::Less => {
                if let Some(entry) = old.next() {
                    gone.push(sample(entry, None));
                }
            }
            std::cmp::Ordering::Greater => {
                if let Some(entry) = new.next() {
                    samples.push(sample(entry, Some(entry.2)));
                }
            }
            std::cmp::Ordering::Equal => {
                if let (Some(before), Some(entry)) = (old.next(), new.next())
                    && before.2 != entry.2
                {
                    samples.push(sample(entry, Some(entry.2)));
                }
            }
        }
    }
    samples.append(&mut gone);
}

/// The instants an object's status or spec changed, in order, into `times`.
fn change_times<S, T>(history: &[(Ms, S)], spec_log: &[(Ms, T)], times: &mut Vec<Ms>) {
    times.clear();
    times.extend(history.iter().map(|(t, _)| *t));
    times.extend(spec_log.iter().map(|(t, _)| *t));
    times.sort_unstable();
    times.dedup();
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

impl Cluster {
    /// Every change of every series, in time order.
    pub(crate) fn metrics(&self) -> Vec<Sample> {
        self.metrics_of(|_| true)
    }

    /// Every change of the series whose name `keep` accepts, in time order (the player keeps
    /// a few of the 25 series per Job).
    pub(crate) fn metrics_of(&self, keep: impl Fn(&str) -> bool) -> Vec<Sample> {
        let mut all = Vec::new();
        self.metrics_by_object(keep, |samples| all.extend_from_slice(samples));
        // std's sort, not jobscope_sort: a month has millions of samples (2.5 times slower there).
        all.sort_by_key(|s| s.time);
        all
    }

    /// The samples of `metrics_of`, one object (each Job, then the CronJob) at a time, each
    /// object's in time order; no global sort (a series belongs to one object).
    pub(crate) fn metrics_by_object(
        &self,
        keep: impl Fn(&str) -> bool,
        each: impl FnMut(&[Sample]),
    ) {
        self.metrics_of_objects(keep, 0..self.metric_objects(), each);
    }

    /// How many objects have series: the Jobs, and the CronJob if there is one.
    pub(crate) fn metric_objects(&self) -> usize {
        self.jobs.len() + usize::from(self.cron.is_some())
    }

    /// `metrics_by_object` for the objects in `objects` (Jobs by position, then the CronJob
    /// at `jobs.len()`), so the work can be split.
    pub(crate) fn metrics_of_objects(
        &self,
        keep: impl Fn(&str) -> bool,
        objects: std::ops::Range<usize>,
        mut each: impl FnMut(&[Sample]),
    ) {
        let texts = Texts::new();
        let namespace: Rc<str> = Rc::from(self.namespace.as_str());
        let mut samples = Vec::new();
        let owner: Option<Rc<str>> = self.cron.as_ref().map(|c| Rc::from(c.name.as_str()));
        let mut times: Vec<Ms> = Vec::new();
        let jobs = self
            .jobs
            .get(objects.start.min(self.jobs.len())..objects.end.min(self.jobs.len()))
            .unwrap_or_default();
        for job in jobs {
            let job_owner = job.scheduled_time.and(owner.as_ref());
            let mut labels = LabelSets::new(
                &texts,
                vec![
                    ("namespace", Rc::clone(&namespace)),
                    ("job_name", Rc::from(job.name.as_str())),
                ],
            );
            let unpatched;
            let spec_log = if job.spec_log.is_empty() {
                unpatched = [(job.created, job.spec.clone())];
                &unpatched[..]
            } else {
                &job.spec_log[..]
            };
            change_times(&job.history, spec_log, &mut times);
            let mut previous = Series::new();
            let (mut specs, mut statuses) =
                (LogCursor::new(spec_log), LogCursor::new(&job.history));
            for &t in &times {
                if job.gone_at.is_some_and(|gone| t >= gone) {
                    break;
                }
                let (Some(spec), Some(status)) = (specs.at(t), statuses.at(t)) else {
                    continue;
                };
                let mut current = job_series(job, &mut labels, job_owner, spec, status);
                current.retain(|(name, _, _)| keep(name));
                diff(&mut samples, t, &previous, &current);
                previous = current;
            }
            if let Some(gone) = job.gone_at {
                diff(&mut samples, gone, &previous, &Series::new());
            }
            each(&samples);
            samples.clear();
        }
        if let Some(cron) = self
            .cron
            .as_ref()
            .filter(|_| objects.contains(&self.jobs.len()))
        {
            let mut labels = LabelSets::new(
                &texts,
                vec![
                    ("namespace", Rc::clone(&namespace)),
                    ("cronjob", Rc::from(cron.name.as_str())),
                ],
            );
            change_times(&cron.history, &cron.spec_log, &mut times);
            let mut previous = Series::new();
            let (mut specs, mut statuses) = (
                LogCursor::new(&cron.spec_log),
                LogCursor::new(&cron.history),
            );
            let mut view: Option<CronSpecView> = None;
            for &t in &times {
                let (Some(spec), Some(status)) = (specs.at(t), statuses.at(t)) else {
                    continue;
                };
                if view.as_ref().is_none_or(|v| v.spec != *spec) {
                    view = Some(CronSpecView::new(spec, &labels));
                }
                let Some(view) = view.as_mut() else {
                    continue;
                };
                let mut current = cron_series(cron.created, view, &mut labels, status);
                current.retain(|(name, _, _)| keep(name));
                diff(&mut samples, t, &previous, &current);
                previous = current;
            }
            each(&samples);
        }
    }
}
