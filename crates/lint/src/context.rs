//! What a rule reads: the effective Job or CronJob seen through the paths rules need (the Job
//! spec, the pod spec, each container with its apiserver field path), where to point a finding,
//! and the CronJob's schedule facts, computed at most once per document.
//!
//! Rules read only the effective model (`Manifest::effective`); `Node::defaulted` tells "the
//! user wrote X" from "X is the default".

use std::cell::OnceCell;

use super::objects::{DefinedObjects, namespace_or_default};
use super::schedule::{ScheduleFacts, schedule_facts};
use jobscope_api::manifest::object::Node;
use jobscope_cron::Instant;
use jobscope_diagnostic::Span;

/// The two kinds lint reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Job,
    CronJob,
}

/// One document, as rules see it.
pub(crate) struct Context<'a> {
    pub(crate) kind: Kind,
    /// The object after apiserver defaulting.
    pub(crate) object: &'a Node,
    /// The instant rules looking ahead count from (the caller's clock).
    pub(crate) now: Instant,
    /// Whether a code names a rule (with or without `lint.`), for the rule that checks the
    /// codes an annotation names.
    pub(crate) is_rule: fn(&str) -> bool,
    /// The objects the documents analysed together define.
    pub(crate) objects: &'a DefinedObjects,
    /// The rules turned off for this document (`lint.` codes), so a rule can leave a cause to a
    /// more specific rule only when that rule is on.
    rules_off: &'a [String],
    schedule: OnceCell<Option<ScheduleFacts>>,
    /// The pod template's containers, listed once: most rules walk them.
    containers: OnceCell<Vec<ContainerRef<'a>>>,
}

/// A node the user wrote (not one defaulting added).
pub(crate) fn written(node: Option<&Node>) -> Option<&Node> {
    node.filter(|n| !n.defaulted)
}

/// Where a node's name is written (its key), or the node itself.
pub(crate) fn label_span(node: &Node) -> Span {
    node.key_span.unwrap_or(node.span)
}

/// The deepest node along `path` from `base` that the user wrote (`base` when none is).
pub(crate) fn deepest_written<'n>(base: &'n Node, path: &[&str]) -> &'n Node {
    let mut deepest = base;
    let mut node = base;
    for key in path {
        match node.get(key) {
            Some(child) => {
                node = child;
                if !child.defaulted {
                    deepest = child;
                }
            }
            None => break,
        }
    }
    deepest
}

/// No objects: a document analysed alone.
static NO_OBJECTS: DefinedObjects = DefinedObjects::EMPTY;

impl<'a> Context<'a> {
    pub(crate) fn new(
        kind: Kind,
        object: &'a Node,
        now: Instant,
        is_rule: fn(&str) -> bool,
    ) -> Self {
        Context {
            kind,
            object,
            now,
            is_rule,
            objects: &NO_OBJECTS,
            rules_off: &[],
            schedule: OnceCell::new(),
            containers: OnceCell::new(),
        }
    }

    pub(crate) fn with_objects(mut self, objects: &'a DefinedObjects) -> Self {
        self.objects = objects;
        self
    }

    pub(crate) fn with_rules_off(mut self, codes: &'a [String]) -> Self {
        self.rules_off = codes;
        self
    }

    /// Whether the rule `code` (`lint.…`) runs on this document.
    pub(crate) fn rule_on(&self, code: &str) -> bool {
        !self.rules_off.iter().any(|off| off == code)
    }

    /// The namespace the object is created in (see [`namespace_or_default`]).
    pub(crate) fn namespace(&self) -> &'a str {
        namespace_or_default(
            written(self.object.at(&["metadata", "namespace"])).and_then(Node::as_str),
        )
    }

    /// `Job` or `CronJob`, for messages.
    pub(crate) fn kind_name(&self) -> &'static str {
        match self.kind {
            Kind::Job => "Job",
            Kind::CronJob => "CronJob",
        }
    }

    /// `Job `pi`` / `CronJob `nightly``, or `this Job` when the name is not written.
    pub(crate) fn subject(&self) -> String {
        match self.name() {
            Some(name) => format!("{} `{name}`", self.kind_name()),
            None => format!("this {}", self.kind_name()),
        }
    }

    /// The container's security setting `key`: its own `securityContext.<key>`, else the pod's
    /// (for the fields a pod security context also has).
    pub(crate) fn security_setting(
        &self,
        container: &ContainerRef<'a>,
        key: &str,
    ) -> Option<&'a Node> {
        container
            .at(&["securityContext", key])
            .or_else(|| self.pod_field("securityContext").and_then(|sc| sc.get(key)))
    }

    /// `metadata.name` as written.
    pub(crate) fn name(&self) -> Option<&'a str> {
        written(self.object.at(&["metadata", "name"])).and_then(Node::as_str)
    }

    /// The CronJob's own spec (none for a Job).
    pub(crate) fn cron_spec(&self) -> Option<&'a Node> {
        match self.kind {
            Kind::CronJob => self.object.get("spec"),
            Kind::Job => None,
        }
    }

    /// A number the user wrote in the CronJob's spec (`field`), with its node.
    pub(crate) fn written_cron_number(&self, field: &str) -> Option<(&'a Node, i64)> {
        let node = self.cron_spec().and_then(|spec| written(spec.get(field)))?;
        Some((node, node.as_i64()?))
    }

    /// The Job spec: `spec` of a Job, `spec.jobTemplate.spec` of a CronJob.
    pub(crate) fn job_spec(&self) -> Option<&'a Node> {
        self.object.at(self.job_spec_keys())
    }

    fn job_spec_keys(&self) -> &'static [&'static str] {
        match self.kind {
            Kind::Job => &["spec"],
            Kind::CronJob => &["spec", "jobTemplate", "spec"],
        }
    }

    pub(crate) fn job_spec_path(&self) -> &'static str {
        match self.kind {
            Kind::Job => "spec",
            Kind::CronJob => "spec.jobTemplate.spec",
        }
    }

    /// A field of the Job spec, defaulted or not.
    pub(crate) fn job_field(&self, key: &str) -> Option<&'a Node> {
        self.job_spec().and_then(|spec| spec.get(key))
    }

    /// The pod spec of the Job's template.
    pub(crate) fn pod_spec(&self) -> Option<&'a Node> {
        self.job_spec()
            .and_then(|spec| spec.at(&["template", "spec"]))
    }

    pub(crate) fn pod_spec_path(&self) -> &'static str {
        match self.kind {
            Kind::Job => "spec.template.spec",
            Kind::CronJob => "spec.jobTemplate.spec.template.spec",
        }
    }

    /// A field of the pod spec, defaulted or not.
    pub(crate) fn pod_field(&self, key: &str) -> Option<&'a Node> {
        self.pod_spec().and_then(|spec| spec.get(key))
    }

    /// `restartPolicy` of the pod template as the apiserver sees it.
    pub(crate) fn restart_policy(&self) -> Option<&'a str> {
        self.pod_field("restartPolicy").and_then(Node::as_str)
    }

    /// The CronJob's `concurrencyPolicy` after defaulting (`Allow`).
    pub(crate) fn concurrency_policy(&self) -> &'a str {
        self.cron_spec()
            .and_then(|spec| spec.get("concurrencyPolicy"))
            .and_then(Node::as_str)
            .filter(|policy| !policy.is_empty())
            .unwrap_or("Allow")
    }

    /// Whether the pod template says it runs on Windows (`spec.os.name: windows`), where the
    /// Linux security settings do not apply.
    pub(crate) fn is_windows(&self) -> bool {
        self.pod_spec()
            .and_then(|spec| spec.at(&["os", "name"]))
            .and_then(Node::as_str)
            == Some("windows")
    }

    /// Where to point a finding about the field at `path` from the object's root: the field
    /// itself when written, else the key of its nearest written parent.
    pub(crate) fn anchor(&self, path: &[&str]) -> Span {
        let node = deepest_written(self.object, path);
        if std::ptr::eq(node, self.object) {
            // Nothing on the way is written: point at `kind`, the document's first word.
            return self.object.get("kind").map_or(
                Span::new(self.object.span.start, self.object.span.start),
                |kind| kind.span,
            );
        }
        match self.object.at(path) {
            Some(target) if std::ptr::eq(target, node) => node.span,
            _ => label_span(node),
        }
    }

    /// [`Context::anchor`] for a path inside the Job spec.
    pub(crate) fn job_anchor(&self, path: &[&str]) -> Span {
        let mut full: Vec<&str> = self.job_spec_keys().to_vec();
        full.extend_from_slice(path);
        self.anchor(&full)
    }

    /// [`Context::anchor`] for a path inside the pod spec.
    pub(crate) fn pod_anchor(&self, path: &[&str]) -> Span {
        let mut full: Vec<&str> = self.job_spec_keys().to_vec();
        full.extend_from_slice(&["template", "spec"]);
        full.extend_from_slice(path);
        self.anchor(&full)
    }

    /// The init containers, then the containers, of the pod template.
    pub(crate) fn containers(&self) -> &[ContainerRef<'a>] {
        self.containers.get_or_init(|| self.list_containers())
    }

    /// The containers of a Linux pod (none of a Windows pod, where the Linux security settings
    /// do not apply).
    pub(crate) fn linux_containers(&self) -> &[ContainerRef<'a>] {
        if self.is_windows() {
            &[]
        } else {
            self.containers()
        }
    }

    /// The pod template's `hostPath` volumes, with their position in `volumes`.
    pub(crate) fn host_path_volumes(&self) -> impl Iterator<Item = HostPathVolume<'a>> + 'a {
        let volumes = self
            .pod_field("volumes")
            .map(Node::items)
            .unwrap_or_default();
        volumes.iter().enumerate().filter_map(|(index, volume)| {
            let node = volume.get("hostPath")?;
            Some(HostPathVolume {
                index,
                name: volume.get("name").and_then(Node::as_str).unwrap_or(""),
                path: node.get("path").and_then(Node::as_str).unwrap_or(""),
                node,
            })
        })
    }

    fn list_containers(&self) -> Vec<ContainerRef<'a>> {
        let Some(spec) = self.pod_spec() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (list, init) in [("initContainers", true), ("containers", false)] {
            for (index, node) in spec
                .get(list)
                .map(Node::items)
                .unwrap_or_default()
                .iter()
                .enumerate()
            {
                out.push(ContainerRef {
                    node,
                    path: format!("{}.{list}[{index}]", self.pod_spec_path()),
                    name: node.get("name").and_then(Node::as_str).unwrap_or(""),
                    init,
                });
            }
        }
        out
    }

    /// The CronJob's schedule, evaluated once per document; `None` for a Job and for schedules
    /// or zones the apiserver rejects (it says so itself).
    pub(crate) fn schedule(&self) -> Option<&ScheduleFacts> {
        self.schedule
            .get_or_init(|| {
                self.cron_spec()
                    .and_then(|spec| schedule_facts(spec, self.now))
            })
            .as_ref()
    }
}

/// One container of the pod template.
#[derive(Clone, Debug)]
/// A `hostPath` volume of the pod template.
pub(crate) struct HostPathVolume<'a> {
    /// Its position in `volumes`.
    pub(crate) index: usize,
    pub(crate) name: &'a str,
    pub(crate) path: &'a str,
    /// The `hostPath` node.
    pub(crate) node: &'a Node,
}

pub(crate) struct ContainerRef<'a> {
    pub(crate) node: &'a Node,
    /// `spec.template.spec.containers[0]`.
    pub(crate) path: String,
    pub(crate) name: &'a str,
    pub(crate) init: bool,
}

impl<'a> ContainerRef<'a> {
    /// A restartable init container (`restartPolicy: Always`): a sidecar that runs beside the
    /// main containers and is stopped when they finish.
    pub(crate) fn is_sidecar(&self) -> bool {
        self.init && self.node.get("restartPolicy").and_then(Node::as_str) == Some("Always")
    }

    /// `container `x`` or `init container `x``, for messages.
    pub(crate) fn label(&self) -> String {
        let what = if self.is_sidecar() {
            "sidecar container"
        } else if self.init {
            "init container"
        } else {
            "container"
        };
        format!("{what} `{}`", self.name)
    }

    /// The field path of something inside the container.
    pub(crate) fn field(&self, rest: &str) -> String {
        if rest.is_empty() {
            self.path.clone()
        } else {
            format!("{}.{rest}", self.path)
        }
    }

    pub(crate) fn at(&self, path: &[&str]) -> Option<&'a Node> {
        self.node.at(path)
    }

    /// A boolean of the container's `securityContext`.
    pub(crate) fn security_flag(&self, name: &str) -> Option<bool> {
        self.at(&["securityContext", name]).and_then(Node::as_bool)
    }

    /// The container's `ports`, with their positions.
    pub(crate) fn ports(&self) -> impl Iterator<Item = (usize, &'a Node)> + 'a {
        self.node
            .get("ports")
            .map(Node::items)
            .unwrap_or_default()
            .iter()
            .enumerate()
    }

    /// Where to point a finding about `path` inside the container: the field when written,
    /// else its nearest written parent's key, else the container's `name`.
    pub(crate) fn anchor(&self, path: &[&str]) -> Span {
        let node = deepest_written(self.node, path);
        if std::ptr::eq(node, self.node) {
            return self.node.get("name").map_or(
                Span::new(self.node.span.start, self.node.span.start),
                |name| name.span,
            );
        }
        match self.node.at(path) {
            Some(target) if std::ptr::eq(target, node) => node.span,
            _ => label_span(node),
        }
    }
}

/// A number of seconds in the largest whole unit: `90 s`, `5 min`, `2 h`, `3 days`.
pub(crate) fn duration_text(seconds: i64) -> String {
    let plural = |n: i64, unit: &str| {
        if n == 1 {
            format!("1 {unit}")
        } else {
            format!("{n} {unit}s")
        }
    };
    if seconds != 0 && seconds % 86_400 == 0 {
        plural(seconds / 86_400, "day")
    } else if seconds != 0 && seconds % 3_600 == 0 {
        format!("{} h", seconds / 3_600)
    } else if seconds != 0 && seconds % 60 == 0 {
        format!("{} min", seconds / 60)
    } else {
        format!("{seconds} s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration_text(45), "45 s");
        assert_eq!(duration_text(90), "90 s");
        assert_eq!(duration_text(300), "5 min");
        assert_eq!(duration_text(7200), "2 h");
        assert_eq!(duration_text(86_400), "1 day");
        assert_eq!(duration_text(604_800), "7 days");
        assert_eq!(duration_text(0), "0 s");
    }
}
