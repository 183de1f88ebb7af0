//! What an update may change in a Job's pod template: `validationOptionsForJob` in
//! pkg/registry/batch/job/strategy.go (the options, from the old Job and the feature gates) and
//! the template rule of `ValidateJobSpecUpdate` in pkg/apis/batch/validation. The simulation
//! asks it when a scenario patches a Job.
//!
//! Per version (docs/kubernetes-versions.md §2.2): up to v1.35, with default gates, a suspended
//! Job that never started may change its template's scheduling directives (node affinity,
//! node selector, tolerations, scheduling gates, labels, annotations) and nothing else. From
//! v1.36 (MutableSchedulingDirectivesForSuspendedJobs and MutablePodResourcesForSuspendedJobs
//! on) a suspended Job with no active pods that never started or whose `Suspended` condition
//! is true may change them, and its containers' `resources` too, even after it ran. v1.36.0
//! and v1.36.1 left out "never started" (kubernetes#139287, fixed in v1.36.2); we follow the
//! fixed rule, as v1.37 has it.

use super::context::{Finding, Out, to_json};
use super::job::{validate_cron_job_create, validate_job};
use crate::manifest::defaults::PLACEHOLDER_UID;
use crate::manifest::document::{Manifest, Target};
use crate::manifest::object::{IntOrString, Node, NodeValue};
use crate::version::{Gate, KubernetesVersion};
use jobscope_golang::strings::go_json_string;

/// The old Job's state the apiserver reads when it decides (never the new object's).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OldJob {
    /// `spec.suspend`.
    pub suspended: bool,
    /// `status.startTime` is set.
    pub started: bool,
    /// The `Suspended` condition is true.
    pub suspended_condition: bool,
    /// `status.active`.
    pub active: i32,
}

/// What an update may change in the template (`JobValidationOptions`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TemplateUpdate {
    /// The old Job is suspended.
    pub suspended: bool,
    /// `AllowMutableSchedulingDirectives`.
    pub scheduling_directives: bool,
    /// `AllowMutablePodResources`.
    pub pod_resources: bool,
}

/// `validationOptionsForJob`'s template options for an update of `old` in `version`.
pub fn template_update_options(version: KubernetesVersion, old: OldJob) -> TemplateUpdate {
    // `shouldAllowMutablePodTemplate`, behind either gate.
    let mutable = old.suspended && (!old.started || old.suspended_condition) && old.active == 0;
    TemplateUpdate {
        suspended: old.suspended,
        scheduling_directives: if Gate::MutableSchedulingDirectivesForSuspendedJobs.enabled(version)
        {
            mutable
        } else {
            old.suspended && !old.started
        },
        pod_resources: Gate::MutablePodResourcesForSuspendedJobs.enabled(version) && mutable,
    }
}

/// The path of the "field is immutable" error an update from the `old` to the `new` pod
/// template gets (`spec.template`, or `spec.template.spec` where only resources may change),
/// or `None` when it may. Both templates are defaulted, as the apiserver compares them.
pub fn template_update_error(old: &Node, new: &Node, may: TemplateUpdate) -> Option<&'static str> {
    let (mut old, mut new) = (old.clone(), new.clone());
    if may.scheduling_directives {
        // The old template takes the new one's directives before the comparison, so leaving
        // them out of both compares the same.
        for template in [&mut old, &mut new] {
            without_scheduling_directives(template);
        }
    }
    if may.suspended && may.pod_resources {
        // `validatePodResourceUpdatesOnly`: the pod specs, with each container's resources
        // taken from the new one (the counts and names must agree, which the rest compares).
        for template in [&mut old, &mut new] {
            without_container_resources(template);
        }
        let spec = |template: &Node| template.get("spec").map(|spec| semantic(spec).0);
        return (spec(&old) != spec(&new)).then_some("spec.template.spec");
    }
    (semantic(&old).0 != semantic(&new).0).then_some("spec.template")
}

/// The first error `ValidateJob` (or, for a CronJob, the create rules of `ValidateCronJob`)
/// finds in an updated object, as its `Error()` text: an update the apiserver refuses before
/// it compares anything with the old object.
pub fn first_update_error(manifest: &Manifest) -> Option<String> {
    let object = manifest.effective.as_ref()?;
    let mut out = Out::default();
    match manifest.target {
        Target::Job => validate_job(object, PLACEHOLDER_UID, 0, manifest.version, &mut out),
        Target::CronJob => validate_cron_job_create(object, 0, manifest.version, &mut out),
        Target::Other | Target::Rejected(_) => return None,
    }
    out.findings.into_iter().find_map(|finding| match finding {
        Finding::Error { error, .. } => Some(error.message()),
        Finding::Warning { .. } => None,
    })
}

/// A node as `apiequality.Semantic.DeepEqual` sees it, and whether it is the zero value: an
/// unset field and its Go zero value are equal where the field is not a pointer, an empty list
/// or map equals an absent one, and quantities are compared by value (`1Gi` = `1073741824`).
fn semantic(node: &Node) -> (String, bool) {
    match &node.value {
        NodeValue::Bool(v) => (v.to_string(), !v),
        NodeValue::Int(v) => (v.to_string(), *v == 0),
        NodeValue::Float(v) => (format!("{v:e}"), *v == 0.0),
        NodeValue::Str(text) | NodeValue::Time(text) | NodeValue::Bytes(text) => {
            (go_json_string(text), text.is_empty())
        }
        // Saturating at the extremes, which no template reaches.
        NodeValue::Quantity(q) => (
            format!("q{}/{}", q.value(), q.scaled_value(-9)),
            q.is_zero(),
        ),
        NodeValue::IntOrString(IntOrString::Int(v)) => (format!("i{v}"), *v == 0),
        NodeValue::IntOrString(IntOrString::Str(text)) => (go_json_string(text), false),
        NodeValue::List(items) => {
            let items: Vec<String> = items.iter().map(|item| semantic(item).0).collect();
            (format!("[{}]", items.join(",")), items.is_empty())
        }
        NodeValue::Map(entries) => {
            let mut sorted: Vec<&(String, Node)> = entries.iter().collect();
            jobscope_sort::sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
            let parts: Vec<String> = sorted
                .iter()
                .map(|(key, value)| format!("{}:{}", go_json_string(key), semantic(value).0))
                .collect();
            (format!("{{{}}}", parts.join(",")), parts.is_empty())
        }
        NodeValue::Object(def, fields) => {
            let mut parts = Vec::new();
            for field in def.fields {
                let Some((_, value)) = fields.iter().find(|(name, _)| *name == field.json) else {
                    continue;
                };
                let (text, zero) = semantic(value);
                // A pointer set to a zero value (`suspend: false`, `securityContext: {}`) is
                // not nil; lists and maps are not pointers.
                let pointer =
                    field.pointer && !matches!(value.value, NodeValue::List(_) | NodeValue::Map(_));
                if zero && !pointer {
                    continue;
                }
                parts.push(format!("{}:{text}", go_json_string(field.json)));
            }
            (format!("{{{}}}", parts.join(",")), parts.is_empty())
        }
        // Free-form JSON (none in a pod template), as the apiserver's JSON of it.
        NodeValue::Any(_) => (to_json(node), false),
    }
}

/// Template labels and annotations, and the pod's node selector, tolerations, scheduling gates
/// and node affinity (an `affinity` left empty goes with it: it held nothing else).
fn without_scheduling_directives(template: &mut Node) {
    if let Some(meta) = template.get_mut("metadata") {
        meta.remove("labels");
        meta.remove("annotations");
    }
    let Some(spec) = template.get_mut("spec") else {
        return;
    };
    for key in ["nodeSelector", "tolerations", "schedulingGates"] {
        spec.remove(key);
    }
    if let Some(affinity) = spec.get_mut("affinity") {
        affinity.remove("nodeAffinity");
        if affinity.fields().is_empty() {
            spec.remove("affinity");
        }
    }
}

/// Each container's and init container's `resources`.
fn without_container_resources(template: &mut Node) {
    let Some(spec) = template.get_mut("spec") else {
        return;
    };
    for list in ["containers", "initContainers"] {
        if let Some(NodeValue::List(containers)) = spec.get_mut(list).map(|c| &mut c.value) {
            for container in containers {
                container.remove("resources");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::KubernetesVersion::*;
    use super::*;
    use crate::manifest::document::read_manifest;
    use jobscope_yaml::parse_stream;

    /// The defaulted template of a Job whose pod spec is `pod_spec` (flow YAML) and whose
    /// template labels are `labels`.
    fn template(pod_spec: &str, labels: &str) -> Node {
        let text = format!(
            "apiVersion: batch/v1\nkind: Job\nmetadata: {{name: j}}\nspec:\n  template:\n    metadata: {{labels: {labels}}}\n    spec: {pod_spec}\n"
        );
        let stream = parse_stream(&text);
        let manifest = read_manifest(stream.documents[0].value.as_ref().unwrap(), V1_34);
        manifest
            .effective
            .and_then(|o| o.at(&["spec", "template"]).cloned())
            .expect("a template")
    }

    const BASE: &str = "{restartPolicy: Never, containers: [{name: main, image: busybox}]}";

    #[test]
    fn the_options_follow_the_old_job_and_the_version() {
        let never_started = OldJob {
            suspended: true,
            ..OldJob::default()
        };
        let ran_and_suspended = OldJob {
            suspended: true,
            started: true,
            suspended_condition: true,
            active: 0,
        };
        let still_stopping = OldJob {
            active: 1,
            ..ran_and_suspended
        };
        for version in [V1_32, V1_34, V1_35] {
            let may = template_update_options(version, never_started);
            assert!(may.scheduling_directives && !may.pod_resources, "{version}");
            let may = template_update_options(version, ran_and_suspended);
            assert!(
                !may.scheduling_directives && !may.pod_resources,
                "{version}"
            );
        }
        for version in [V1_36, V1_37] {
            for old in [never_started, ran_and_suspended] {
                let may = template_update_options(version, old);
                assert!(
                    may.scheduling_directives && may.pod_resources,
                    "{version} {old:?}"
                );
            }
            let may = template_update_options(version, still_stopping);
            assert!(
                !may.scheduling_directives && !may.pod_resources,
                "{version}"
            );
        }
        let running = OldJob {
            started: true,
            active: 1,
            ..OldJob::default()
        };
        assert_eq!(
            template_update_options(V1_37, running),
            TemplateUpdate::default()
        );
    }

    #[test]
    fn what_each_option_lets_change() {
        let old = template(BASE, "{app: a}");
        let directives = template(
            "{restartPolicy: Never, nodeSelector: {disk: ssd}, tolerations: [{key: k, operator: Exists}], affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: In, values: [a]}]}]}}}, containers: [{name: main, image: busybox}]}",
            "{app: b}",
        );
        let resources = template(
            "{restartPolicy: Never, containers: [{name: main, image: busybox, resources: {requests: {cpu: 500m}}}]}",
            "{app: a}",
        );
        let image = template(
            "{restartPolicy: Never, containers: [{name: main, image: alpine}]}",
            "{app: a}",
        );
        let pod_affinity = template(
            "{restartPolicy: Never, affinity: {podAffinity: {}}, containers: [{name: main, image: busybox}]}",
            "{app: a}",
        );
        let frozen = TemplateUpdate::default();
        let directives_only = TemplateUpdate {
            suspended: true,
            scheduling_directives: true,
            pod_resources: false,
        };
        let both = TemplateUpdate {
            pod_resources: true,
            ..directives_only
        };
        assert_eq!(template_update_error(&old, &old, frozen), None);
        assert_eq!(
            template_update_error(&old, &directives, frozen),
            Some("spec.template")
        );
        assert_eq!(
            template_update_error(&old, &directives, directives_only),
            None
        );
        assert_eq!(
            template_update_error(&old, &resources, directives_only),
            Some("spec.template")
        );
        assert_eq!(template_update_error(&old, &resources, both), None);
        assert_eq!(template_update_error(&old, &directives, both), None);
        assert_eq!(
            template_update_error(&old, &image, both),
            Some("spec.template.spec")
        );
        assert_eq!(
            template_update_error(&old, &pod_affinity, both),
            Some("spec.template.spec")
        );
        // Equal as the apiserver compares: an empty list or map is an absent one, a zero
        // value an unset field, a quantity its value.
        let spelled = template(
            "{restartPolicy: Never, containers: [{name: main, image: busybox, env: [], workingDir: '', tty: false}]}",
            "{app: a}",
        );
        assert_eq!(template_update_error(&old, &spelled, frozen), None);
        let gi = template(
            "{restartPolicy: Never, containers: [{name: main, image: busybox, resources: {limits: {memory: 1Gi}}}]}",
            "{app: a}",
        );
        let bytes = template(
            "{restartPolicy: Never, containers: [{name: main, image: busybox, resources: {limits: {memory: '1073741824'}}}]}",
            "{app: a}",
        );
        assert_eq!(template_update_error(&gi, &bytes, frozen), None);
        assert_eq!(
            template_update_error(&gi, &resources, frozen),
            Some("spec.template")
        );
        // A pointer set to its zero value is not unset.
        let no_root = template(
            "{restartPolicy: Never, securityContext: {runAsNonRoot: false}, containers: [{name: main, image: busybox}]}",
            "{app: a}",
        );
        assert_eq!(
            template_update_error(&old, &no_root, frozen),
            Some("spec.template")
        );
        // Node affinity goes, and the affinity that held only it.
        assert_eq!(
            template_update_error(&directives, &old, directives_only),
            None
        );
    }
}
