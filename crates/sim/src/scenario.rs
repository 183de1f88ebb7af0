//! The scenario format (a contract used outside this repository): what to simulate, for how
//! long, how pods behave and what happens to the cluster. Read from YAML with our YAML layer, so
//! every mistake gets a position and a message naming the value and what is allowed.

use super::model::{Ms, SECOND};
use jobscope_diagnostic::{Diagnostic, Severity, Source, Span};
use jobscope_golang::duration::parse_go_duration;
use jobscope_golang::time::parse_rfc3339;
use jobscope_yaml::{Value, ValueKind, parse_stream};

/// 2026-01-01T00:00:00Z, the default start.
pub(crate) const DEFAULT_START: Ms = 1_767_225_600_000;

/// How long a scenario runs when it names no `until`.
pub(crate) const DEFAULT_DURATION: Ms = 24 * 3600 * SECOND;

/// Which pods a rule or an action is about; every key set must match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PodSelector {
    pub index: Option<i64>,
    pub attempt: Option<i64>,
    pub pod: Option<i64>,
    pub job: Option<i64>,
}

impl PodSelector {
    pub(crate) fn matches(&self, index: Option<i32>, attempt: u32, pod: usize, job: usize) -> bool {
        self.index.is_none_or(|i| index.map(i64::from) == Some(i))
            && self.attempt.is_none_or(|a| i64::from(attempt) == a)
            && self.pod.is_none_or(|p| p == pod as i64)
            && self.job.is_none_or(|j| j == job as i64)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunFor {
    Fixed(Ms),
    /// Drawn uniformly (in milliseconds) from the seeded generator.
    Uniform(Ms, Ms),
}

/// How matching pods behave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PodRule {
    pub when: PodSelector,
    pub run_for: RunFor,
    /// Every container's exit code, unless `exit_codes` names it.
    pub exit_code: i32,
    pub exit_codes: Vec<(String, i32)>,
    pub ready: bool,
    pub exits_on_sigterm: bool,
}

impl PodRule {
    /// A pod no rule matches: runs 10 s and exits 0.
    pub fn fallback() -> PodRule {
        PodRule {
            when: PodSelector::default(),
            run_for: RunFor::Fixed(10 * SECOND),
            exit_code: 0,
            exit_codes: Vec::new(),
            ready: true,
            exits_on_sigterm: true,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ActionKind {
    /// A JSON merge patch of the manifest's object.
    Patch(Value),
    /// `suspend: true|false`, a patch of `spec.suspend`.
    Suspend(bool),
    DeletePod {
        selector: PodSelector,
        evict: bool,
    },
    /// No controller acts for this long (kube-controller-manager is down and restarts).
    ControllerDown(Ms),
    /// The next time the CronJob controller creates a Job, kube-controller-manager stops right
    /// after the create, before the CronJob's status records it, and is down this long.
    CrashAfterCreate(Ms),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Action {
    pub at: Ms,
    pub kind: ActionKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// The manifest text (inline, or filled in by the caller from `manifestFile`).
    pub manifest: String,
    /// `manifestFile` as written, for the caller to read (relative to the scenario file).
    pub manifest_file: Option<String>,
    /// Which Job or CronJob of a multi-document manifest (by `metadata.name`); needed only when
    /// it holds more than one.
    pub document: Option<String>,
    pub start: Ms,
    pub until: Ms,
    pub seed: u64,
    pub startup_delay: Ms,
    pub pods: Vec<PodRule>,
    pub actions: Vec<Action>,
}

const TOP_KEYS: &[&str] = &[
    "manifest",
    "manifestFile",
    "document",
    "start",
    "until",
    "seed",
    "startupDelay",
    "pods",
    "actions",
];
const RULE_KEYS: &[&str] = &[
    "when",
    "runFor",
    "exitCode",
    "exitCodes",
    "ready",
    "onSigterm",
];
const SELECTOR_KEYS: &[&str] = &["index", "attempt", "pod", "job"];
const ACTION_KEYS: &[&str] = &[
    "at",
    "patch",
    "suspend",
    "deletePod",
    "controllerDown",
    "crashAfterCreate",
];

struct Reader {
    problems: Vec<Diagnostic>,
}

impl Reader {
    fn error(&mut self, span: Span, message: String) {
        self.problems.push(Diagnostic::new(
            "scenario.invalid",
            Severity::Error,
            Source::Jobscope,
            span,
            message,
        ));
    }

    fn check_keys(&mut self, value: &Value, allowed: &[&str], what: &str) {
        if let ValueKind::Map(entries) = &value.kind {
            for entry in entries {
                if !allowed.contains(&entry.key.as_str()) {
                    self.error(
                        entry.key_span,
                        format!(
                            "unknown key `{}` in {what}; allowed: {}",
                            entry.key,
                            allowed.join(", ")
                        ),
                    );
                }
            }
        } else {
            self.error(value.span, format!("{what} must be a mapping"));
        }
    }

    fn duration(&mut self, value: &Value, what: &str) -> Option<Ms> {
        let text = match &value.kind {
            ValueKind::Str(s) => s.clone(),
            _ => {
                self.error(
                    value.span,
                    format!("{what}: expected a duration such as `30s`, `1m30s` or `6h`"),
                );
                return None;
            }
        };
        match parse_go_duration(&text) {
            Ok(nanos) if nanos >= 0 => Some(nanos / 1_000_000),
            Ok(_) => {
                self.error(value.span, format!("{what}: {text:?} is negative"));
                None
            }
            Err(message) => {
                self.error(value.span, format!("{what}: {message}"));
                None
            }
        }
    }

    /// A duration after `start`, or an RFC 3339 time.
    fn moment(&mut self, value: &Value, start: Ms, what: &str) -> Option<Ms> {
        if let ValueKind::Str(text) = &value.kind
            && text.contains('T')
        {
            return match parse_rfc3339(text) {
                Some(t) => Some(t.unix * SECOND + i64::from(t.nanos / 1_000_000)),
                None => {
                    self.error(
                        value.span,
                        format!("{what}: {text:?} is not an RFC 3339 time (2026-03-01T08:00:00Z)"),
                    );
                    None
                }
            };
        }
        self.duration(value, what).map(|d| start.saturating_add(d))
    }

    fn int(&mut self, value: &Value, what: &str) -> Option<i64> {
        match value.kind {
            ValueKind::Int(i) => Some(i),
            ValueKind::Uint(u) => i64::try_from(u).ok(),
            _ => {
                self.error(value.span, format!("{what}: expected a whole number"));
                None
            }
        }
    }

    fn bool(&mut self, value: &Value, what: &str) -> Option<bool> {
        match value.kind {
            ValueKind::Bool(b) => Some(b),
            _ => {
                self.error(value.span, format!("{what}: expected true or false"));
                None
            }
        }
    }

    /// A pod selector (`index`, `attempt`, `pod`, `job`), besides the `other_keys` its map may
    /// hold.
    fn selector(&mut self, value: &Value, what: &str, other_keys: &[&str]) -> PodSelector {
        let keys: Vec<&str> = SELECTOR_KEYS.iter().chain(other_keys).copied().collect();
        self.check_keys(value, &keys, what);
        let mut selector = PodSelector::default();
        for key in SELECTOR_KEYS {
            if let Some(v) = value.get(key) {
                let n = self.int(v, &format!("{what}.{key}"));
                if n.is_some_and(|n| n < 0) {
                    self.error(v.span, format!("{what}.{key}: counts from 0"));
                }
                match *key {
                    "index" => selector.index = n,
                    "attempt" => selector.attempt = n,
                    "pod" => selector.pod = n,
                    _ => selector.job = n,
                }
            }
        }
        selector
    }

    fn run_for(&mut self, value: &Value) -> Option<RunFor> {
        if let Some(range) = value.get("uniform") {
            if let ValueKind::Seq(items) = &range.kind
                && items.len() == 2
            {
                let low = self.duration(&items[0], "runFor.uniform")?;
                let high = self.duration(&items[1], "runFor.uniform")?;
                if high < low {
                    self.error(
                        range.span,
                        "runFor.uniform: [low, high] with low ≤ high".to_owned(),
                    );
                    return None;
                }
                return Some(RunFor::Uniform(low, high));
            }
            self.error(
                range.span,
                "runFor.uniform: expected [low, high], e.g. [10s, 60s]".to_owned(),
            );
            return None;
        }
        self.duration(value, "runFor").map(RunFor::Fixed)
    }

    fn exit_code(&mut self, value: &Value, what: &str) -> Option<i32> {
        let code = self.int(value, what)?;
        if !(0..=255).contains(&code) {
            self.error(
                value.span,
                format!("{what}: {code} is not an exit code (0–255)"),
            );
            return None;
        }
        Some(code as i32)
    }

    fn rule(&mut self, value: &Value, n: usize) -> PodRule {
        let what = format!("pods[{n}]");
        self.check_keys(value, RULE_KEYS, &what);
        let mut rule = PodRule::fallback();
        if let Some(when) = value.get("when") {
            rule.when = self.selector(when, &format!("{what}.when"), &[]);
        }
        if let Some(v) = value.get("runFor")
            && let Some(run_for) = self.run_for(v)
        {
            rule.run_for = run_for;
        }
        if let Some(v) = value.get("exitCode")
            && let Some(code) = self.exit_code(v, &format!("{what}.exitCode"))
        {
            rule.exit_code = code;
        }
        if let Some(v) = value.get("exitCodes") {
            if let ValueKind::Map(entries) = &v.kind {
                for entry in entries {
                    if let Some(code) =
                        self.exit_code(&entry.value, &format!("{what}.exitCodes.{}", entry.key))
                    {
                        rule.exit_codes.push((entry.key.clone(), code));
                    }
                }
            } else {
                self.error(
                    v.span,
                    format!("{what}.exitCodes: expected a map of container name to exit code"),
                );
            }
        }
        if let Some(v) = value.get("ready")
            && let Some(ready) = self.bool(v, &format!("{what}.ready"))
        {
            rule.ready = ready;
        }
        if let Some(v) = value.get("onSigterm") {
            match v.as_str() {
                Some("exit") => rule.exits_on_sigterm = true,
                Some("ignore") => rule.exits_on_sigterm = false,
                _ => self.error(
                    v.span,
                    format!("{what}.onSigterm: expected `exit` or `ignore`"),
                ),
            }
        }
        rule
    }

    fn action(&mut self, value: &Value, n: usize, start: Ms) -> Option<Action> {
        let what = format!("actions[{n}]");
        self.check_keys(value, ACTION_KEYS, &what);
        let Some(at_value) = value.get("at") else {
            self.error(
                value.span,
                format!("{what}: `at` is required (a duration after start or an RFC 3339 time)"),
            );
            return None;
        };
        let at = self.moment(at_value, start, &format!("{what}.at"))?;
        let mut kinds = Vec::new();
        if let Some(patch) = value.get("patch") {
            if matches!(patch.kind, ValueKind::Map(_)) {
                kinds.push(ActionKind::Patch(patch.clone()));
            } else {
                self.error(
                    patch.span,
                    format!("{what}.patch: expected a mapping (a JSON merge patch of the object)"),
                );
            }
        }
        if let Some(v) = value.get("suspend")
            && let Some(b) = self.bool(v, &format!("{what}.suspend"))
        {
            kinds.push(ActionKind::Suspend(b));
        }
        if let Some(v) = value.get("deletePod") {
            let evict = match v.get("evict") {
                Some(e) => self
                    .bool(e, &format!("{what}.deletePod.evict"))
                    .unwrap_or(false),
                None => false,
            };
            let selector = self.selector(v, &format!("{what}.deletePod"), &["evict"]);
            kinds.push(ActionKind::DeletePod { selector, evict });
        }
        if let Some(v) = value.get("controllerDown")
            && let Some(d) = self.duration(v, &format!("{what}.controllerDown"))
        {
            kinds.push(ActionKind::ControllerDown(d));
        }
        if let Some(v) = value.get("crashAfterCreate")
            && let Some(d) = self.duration(v, &format!("{what}.crashAfterCreate"))
        {
            kinds.push(ActionKind::CrashAfterCreate(d));
        }
        match kinds.len() {
            1 => Some(Action {
                at,
                kind: kinds.remove(0),
                span: value.span,
            }),
            0 => {
                self.error(
                    value.span,
                    format!(
                        "{what}: say what happens: patch, suspend, deletePod, controllerDown or crashAfterCreate"
                    ),
                );
                None
            }
            _ => {
                self.error(
                    value.span,
                    format!(
                        "{what}: one of patch, suspend, deletePod, controllerDown, crashAfterCreate per action"
                    ),
                );
                None
            }
        }
    }
}

/// Whether `text` is meant as a scenario: its first document is a mapping with a `manifest` or
/// `manifestFile` key (what `parse_scenario` needs). Anything else, a manifest with YAML errors
/// included, is a manifest, so its own problems are reported, not the scenario's.
pub fn is_scenario(text: &str) -> bool {
    let stream = parse_stream(text);
    stream
        .documents
        .first()
        .and_then(|document| document.value.as_ref())
        .is_some_and(|root| root.get("manifest").is_some() || root.get("manifestFile").is_some())
}

/// Reads a scenario. Problems come back as diagnostics with positions in `text`.
pub fn parse_scenario(text: &str) -> Result<Scenario, Vec<Diagnostic>> {
    let mut reader = Reader {
        problems: Vec::new(),
    };
    let stream = parse_stream(text);
    let Some(document) = stream.documents.first() else {
        reader.error(Span::new(0, 0), "the scenario is empty".to_owned());
        return Err(reader.problems);
    };
    if let Some(error) = &document.syntax_error {
        reader.error(error.span, error.message.clone());
        return Err(reader.problems);
    }
    let Some(root) = &document.value else {
        reader.error(document.span, "the scenario is empty".to_owned());
        return Err(reader.problems);
    };
    reader.check_keys(root, TOP_KEYS, "the scenario");
    let mut scenario = Scenario {
        manifest: String::new(),
        manifest_file: None,
        document: None,
        start: DEFAULT_START,
        until: DEFAULT_START + DEFAULT_DURATION,
        seed: 0,
        startup_delay: 0,
        pods: Vec::new(),
        actions: Vec::new(),
    };
    match (root.get("manifest"), root.get("manifestFile")) {
        (Some(m), None) => match m.as_str() {
            Some(text) => scenario.manifest = text.to_owned(),
            None => reader.error(
                m.span,
                "manifest: expected the manifest's YAML as a block string (`manifest: |`)"
                    .to_owned(),
            ),
        },
        (None, Some(f)) => match f.as_str() {
            Some(path) => scenario.manifest_file = Some(path.to_owned()),
            None => reader.error(f.span, "manifestFile: expected a path".to_owned()),
        },
        (Some(m), Some(_)) => reader.error(
            m.span,
            "give `manifest` or `manifestFile`, not both".to_owned(),
        ),
        (None, None) => reader.error(
            root.span,
            "the scenario needs `manifest` (inline YAML) or `manifestFile`".to_owned(),
        ),
    }
    if let Some(v) = root.get("document") {
        match v.as_str() {
            Some(name) => scenario.document = Some(name.to_owned()),
            None => reader.error(
                v.span,
                "document: expected the metadata.name of a Job or CronJob in the manifest"
                    .to_owned(),
            ),
        }
    }
    if let Some(v) = root.get("start") {
        match v.as_str().and_then(parse_rfc3339) {
            Some(t) => scenario.start = t.unix * SECOND + i64::from(t.nanos / 1_000_000),
            None => reader.error(
                v.span,
                "start: expected an RFC 3339 time such as 2026-03-01T00:00:00Z".to_owned(),
            ),
        }
    }
    scenario.until = scenario.start + DEFAULT_DURATION;
    if let Some(v) = root.get("until")
        && let Some(until) = reader.moment(v, scenario.start, "until")
    {
        if until < scenario.start {
            reader.error(v.span, "until: before start".to_owned());
        }
        scenario.until = until;
    }
    if let Some(v) = root.get("seed")
        && let Some(seed) = reader.int(v, "seed")
    {
        scenario.seed = seed as u64;
    }
    if let Some(v) = root.get("startupDelay")
        && let Some(d) = reader.duration(v, "startupDelay")
    {
        scenario.startup_delay = d;
    }
    if let Some(v) = root.get("pods") {
        match &v.kind {
            ValueKind::Seq(items) => {
                scenario.pods = items
                    .iter()
                    .enumerate()
                    .map(|(n, item)| reader.rule(item, n))
                    .collect();
            }
            _ => reader.error(v.span, "pods: expected a list of rules".to_owned()),
        }
    }
    if let Some(v) = root.get("actions") {
        match &v.kind {
            ValueKind::Seq(items) => {
                for (n, item) in items.iter().enumerate() {
                    if let Some(action) = reader.action(item, n, scenario.start) {
                        scenario.actions.push(action);
                    }
                }
            }
            _ => reader.error(v.span, "actions: expected a list".to_owned()),
        }
    }
    // Actions happen in time order; equal times keep the written order.
    jobscope_sort::sort_by_key(&mut scenario.actions, |a| a.at);
    if reader.problems.is_empty() {
        Ok(scenario)
    } else {
        Err(reader.problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scenario_is_told_from_a_manifest_by_its_keys() {
        assert!(is_scenario("manifest: |\n  kind: Job\n"));
        assert!(is_scenario("until: 1h\nmanifestFile: job.yaml\n"));
        assert!(!is_scenario("apiVersion: batch/v1\nkind: Job\n"));
        // A manifest with a syntax error stays a manifest.
        assert!(!is_scenario("apiVersion: batch/v1\nkind: [Job\n"));
        assert!(!is_scenario("kind: Deployment\n"));
        assert!(!is_scenario(""));
    }

    #[test]
    fn reads_the_documented_example() {
        let text = "manifest: |\n  apiVersion: batch/v1\n  kind: Job\nstart: \"2026-03-01T00:00:00Z\"\nuntil: 6h\nseed: 1\npods:\n  - when: {index: 2, attempt: 0}\n    runFor: 30s\n    exitCode: 1\n  - runFor: {uniform: [10s, 60s]}\nactions:\n  - {at: 45s, suspend: true}\n  - {at: 30s, patch: {spec: {parallelism: 2}}}\n  - {at: 50s, deletePod: {index: 0, evict: true}}\n  - {at: 1h, controllerDown: 30m}\n  - {at: 2h, crashAfterCreate: 1m}\n";
        let s = parse_scenario(text).unwrap();
        assert_eq!(s.start, 1_772_323_200_000);
        assert_eq!(s.until, s.start + 6 * 3600 * SECOND);
        assert_eq!(s.pods[0].when.index, Some(2));
        assert_eq!(s.pods[1].run_for, RunFor::Uniform(10_000, 60_000));
        assert_eq!(s.actions[0].at, s.start + 30_000);
        assert!(matches!(
            s.actions[2].kind,
            ActionKind::DeletePod { evict: true, .. }
        ));
        assert_eq!(s.actions[3].kind, ActionKind::ControllerDown(1_800_000));
        assert_eq!(s.actions[4].kind, ActionKind::CrashAfterCreate(60_000));
    }

    #[test]
    fn reports_mistakes_with_positions() {
        let text = "manifest: x\nuntil: 6 hours\npods:\n  - runFor: 5s\n    exitcode: 1\n";
        let problems = parse_scenario(text).unwrap_err();
        let messages: Vec<&str> = problems.iter().map(|d| d.message.as_str()).collect();
        assert!(
            messages.iter().any(|m| m.starts_with("until:")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.contains("unknown key `exitcode`")),
            "{messages:?}"
        );
        assert!(problems.iter().all(|d| d.span.end <= text.len()));
    }
}
