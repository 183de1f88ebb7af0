//! One-line descriptions and defaults of the fields people write in Jobs and CronJobs, in our
//! own words, for hover and completion. Fields not in the table get a generic line built from
//! the schema, so every field has something to show.
//!
//! Defaults are what the apiserver (or, where it says so, the controller) uses when the field is
//! left out, for Kubernetes v1.34.

use std::borrow::Cow;

use super::fields::type_label;
use jobscope_api::manifest::types::{Ty, TypeDef};

/// (owning type, field, default when left out, description).
type Row = (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
);

const DOCS: &[Row] = &[
    // Job and CronJob.
    (
        "Job",
        "apiVersion",
        None,
        "The API group and version: `batch/v1` for Jobs.",
    ),
    (
        "Job",
        "kind",
        None,
        "The kind of object: `Job` runs pods until enough of them succeed.",
    ),
    (
        "Job",
        "metadata",
        None,
        "Name, namespace, labels and annotations of the Job.",
    ),
    (
        "Job",
        "spec",
        None,
        "What the Job runs, how often it retries and when it gives up.",
    ),
    (
        "CronJob",
        "apiVersion",
        None,
        "The API group and version: `batch/v1` for CronJobs.",
    ),
    (
        "CronJob",
        "kind",
        None,
        "The kind of object: `CronJob` creates a Job on a schedule.",
    ),
    (
        "CronJob",
        "metadata",
        None,
        "Name, namespace, labels and annotations of the CronJob; the name (at most 52 characters) prefixes every Job it creates.",
    ),
    (
        "CronJob",
        "spec",
        None,
        "The schedule, its time zone, the overlap policy and the Job to create.",
    ),
    // ObjectMeta.
    (
        "ObjectMeta",
        "name",
        None,
        "The object's name, unique in its namespace; a DNS subdomain (lowercase letters, digits, `-` and `.`).",
    ),
    (
        "ObjectMeta",
        "generateName",
        None,
        "A prefix the apiserver completes with 5 random characters when no name is given (`kubectl create` only; `kubectl apply` needs a name).",
    ),
    (
        "ObjectMeta",
        "namespace",
        Some("the namespace of your kubectl context"),
        "The namespace the object lives in.",
    ),
    (
        "ObjectMeta",
        "labels",
        None,
        "Key-value pairs for selecting and grouping objects; values are strings of at most 63 characters.",
    ),
    (
        "ObjectMeta",
        "annotations",
        None,
        "Key-value strings for tools and people; not used for selection. Quote values YAML would read as numbers or booleans.",
    ),
    (
        "ObjectMeta",
        "ownerReferences",
        None,
        "Objects this one belongs to; it is garbage-collected when they are deleted.",
    ),
    (
        "ObjectMeta",
        "finalizers",
        None,
        "Names of cleanups that must finish before the object is deleted.",
    ),
    // JobSpec.
    (
        "JobSpec",
        "parallelism",
        Some("1"),
        "How many pods may run at the same time.",
    ),
    (
        "JobSpec",
        "completions",
        Some("1 (unset means: done when any pod succeeds, with parallelism)"),
        "How many pods must succeed for the Job to be complete.",
    ),
    (
        "JobSpec",
        "activeDeadlineSeconds",
        Some("no deadline"),
        "Seconds the Job may run in total, retries included; then its pods are killed and it fails with DeadlineExceeded.",
    ),
    (
        "JobSpec",
        "podFailurePolicy",
        None,
        "Rules on exit codes and pod conditions that fail the Job at once, ignore a failure or count it; needs `restartPolicy: Never`.",
    ),
    (
        "JobSpec",
        "successPolicy",
        None,
        "For Indexed Jobs: declare the Job succeeded once chosen indexes (or enough of them) succeed.",
    ),
    (
        "JobSpec",
        "backoffLimit",
        Some("6 (unlimited per Job when backoffLimitPerIndex is set)"),
        "How many pod failures are retried before the Job fails; retries wait 10s, 20s, 40s… up to 6 minutes.",
    ),
    (
        "JobSpec",
        "backoffLimitPerIndex",
        None,
        "For Indexed Jobs: retries allowed for each index separately instead of for the whole Job.",
    ),
    (
        "JobSpec",
        "maxFailedIndexes",
        None,
        "For Indexed Jobs with backoffLimitPerIndex: fail the Job once this many indexes have failed.",
    ),
    (
        "JobSpec",
        "selector",
        Some("generated from the Job's uid"),
        "Which pods belong to the Job; leave it to the apiserver unless manualSelector is set.",
    ),
    (
        "JobSpec",
        "manualSelector",
        Some("false"),
        "Use your own selector instead of the generated one; rarely what you want.",
    ),
    (
        "JobSpec",
        "template",
        None,
        "The pod the Job creates, once per attempt.",
    ),
    (
        "JobSpec",
        "ttlSecondsAfterFinished",
        Some("never deleted"),
        "Seconds after the Job finishes (complete or failed) before the TTL controller deletes it and its pods.",
    ),
    (
        "JobSpec",
        "completionMode",
        Some("NonIndexed"),
        "`Indexed` gives each pod an index (JOB_COMPLETION_INDEX) and needs one success per index; `NonIndexed` counts any successes.",
    ),
    (
        "JobSpec",
        "suspend",
        Some("false"),
        "While true, the Job creates no pods and deletes running ones; its activeDeadlineSeconds clock stops.",
    ),
    (
        "JobSpec",
        "podReplacementPolicy",
        Some("TerminatingOrFailed (Failed when podFailurePolicy is set)"),
        "When a replacement pod is created: as soon as the old one is terminating, or only once it has fully failed.",
    ),
    (
        "JobSpec",
        "managedBy",
        Some("kubernetes.io/job-controller"),
        "Which controller reconciles the Job; set only for an external controller such as MultiKueue.",
    ),
    // CronJobSpec.
    (
        "CronJobSpec",
        "schedule",
        None,
        "When to create a Job, in five-field cron syntax (minute hour day-of-month month day-of-week) or a macro such as `@daily`.",
    ),
    (
        "CronJobSpec",
        "timeZone",
        Some("kube-controller-manager's time zone (usually UTC)"),
        "The IANA time zone the schedule is read in, such as `Europe/Berlin`; DST changes apply.",
    ),
    (
        "CronJobSpec",
        "startingDeadlineSeconds",
        Some("no deadline"),
        "How late a run may still start; a run missed by more is skipped (and the controller stops counting old misses).",
    ),
    (
        "CronJobSpec",
        "concurrencyPolicy",
        Some("Allow"),
        "What happens when a run is due while the previous Job still runs: `Allow` both, `Forbid` skips the new one, `Replace` deletes the old one.",
    ),
    (
        "CronJobSpec",
        "suspend",
        Some("false"),
        "While true, no new Jobs are created; runs missed meanwhile may start when it is set back to false.",
    ),
    (
        "CronJobSpec",
        "jobTemplate",
        None,
        "The Job created for each run.",
    ),
    (
        "CronJobSpec",
        "successfulJobsHistoryLimit",
        Some("3"),
        "How many finished successful Jobs to keep.",
    ),
    (
        "CronJobSpec",
        "failedJobsHistoryLimit",
        Some("1"),
        "How many failed Jobs to keep; set at least 1 to be able to read why a run failed.",
    ),
    (
        "JobTemplateSpec",
        "metadata",
        None,
        "Labels and annotations copied to each Job the CronJob creates.",
    ),
    (
        "JobTemplateSpec",
        "spec",
        None,
        "The spec of each Job the CronJob creates.",
    ),
    (
        "PodTemplateSpec",
        "metadata",
        None,
        "Labels and annotations of the pods.",
    ),
    (
        "PodTemplateSpec",
        "spec",
        None,
        "The pod: its containers, volumes and scheduling.",
    ),
    // Failure and success policies.
    (
        "PodFailurePolicy",
        "rules",
        None,
        "Checked in order against each failed pod; the first rule that matches decides.",
    ),
    (
        "PodFailurePolicyRule",
        "action",
        None,
        "`FailJob` fails the Job now, `FailIndex` fails the pod's index, `Ignore` does not count the failure, `Count` counts it as usual.",
    ),
    (
        "PodFailurePolicyRule",
        "onExitCodes",
        None,
        "Matches on the exit code of a container (or of any container).",
    ),
    (
        "PodFailurePolicyRule",
        "onPodConditions",
        None,
        "Matches on a condition of the pod, such as `DisruptionTarget` for evictions and preemptions.",
    ),
    (
        "PodFailurePolicyOnExitCodesRequirement",
        "containerName",
        Some("any container"),
        "Only look at this container's exit code.",
    ),
    (
        "PodFailurePolicyOnExitCodesRequirement",
        "operator",
        None,
        "`In`: matches the listed exit codes; `NotIn`: matches every other non-zero code.",
    ),
    (
        "PodFailurePolicyOnExitCodesRequirement",
        "values",
        None,
        "Exit codes, at most 255 of them, sorted and without duplicates; 0 is not allowed with `In`.",
    ),
    (
        "PodFailurePolicyOnPodConditionsPattern",
        "type",
        None,
        "The pod condition type to match, such as `DisruptionTarget`.",
    ),
    (
        "PodFailurePolicyOnPodConditionsPattern",
        "status",
        Some("True"),
        "The condition status to match.",
    ),
    (
        "SuccessPolicy",
        "rules",
        None,
        "The Job succeeds as soon as any rule is met; the remaining pods are terminated.",
    ),
    (
        "SuccessPolicyRule",
        "succeededIndexes",
        None,
        "Indexes that must succeed, such as `0,2-4`.",
    ),
    (
        "SuccessPolicyRule",
        "succeededCount",
        None,
        "How many indexes (of succeededIndexes, if given) must succeed.",
    ),
    // PodSpec.
    (
        "PodSpec",
        "restartPolicy",
        Some("Always, which a Job refuses: set Never or OnFailure"),
        "`Never`: each retry is a new pod; `OnFailure`: the container restarts in the same pod (and exit codes are not seen by podFailurePolicy).",
    ),
    (
        "PodSpec",
        "containers",
        None,
        "The containers of the pod; the pod succeeds when all of them exit 0.",
    ),
    (
        "PodSpec",
        "initContainers",
        None,
        "Containers that run to completion, one after the other, before the main containers; with `restartPolicy: Always` an init container is a sidecar.",
    ),
    (
        "PodSpec",
        "volumes",
        None,
        "Volumes the containers can mount.",
    ),
    (
        "PodSpec",
        "serviceAccountName",
        Some("default"),
        "The service account the pod runs as, which decides its API permissions.",
    ),
    (
        "PodSpec",
        "serviceAccount",
        None,
        "Deprecated alias of serviceAccountName.",
    ),
    (
        "PodSpec",
        "automountServiceAccountToken",
        Some("true"),
        "Whether an API token is mounted into the pod; false when the job never talks to the API.",
    ),
    (
        "PodSpec",
        "nodeSelector",
        None,
        "Node labels the pod's node must have.",
    ),
    (
        "PodSpec",
        "affinity",
        None,
        "Rules attracting the pod to (or keeping it from) nodes and other pods.",
    ),
    (
        "PodSpec",
        "tolerations",
        None,
        "Taints the pod accepts, such as those on GPU or spot nodes.",
    ),
    (
        "PodSpec",
        "terminationGracePeriodSeconds",
        Some("30"),
        "Seconds between SIGTERM and SIGKILL when the pod is stopped (preStop hooks included).",
    ),
    (
        "PodSpec",
        "activeDeadlineSeconds",
        Some("no deadline"),
        "Seconds one pod may run before the kubelet kills it; the Job's own activeDeadlineSeconds bounds all attempts.",
    ),
    (
        "PodSpec",
        "securityContext",
        None,
        "Security settings for every container of the pod (user, group, fsGroup, seccomp).",
    ),
    (
        "PodSpec",
        "imagePullSecrets",
        None,
        "Secrets with registry credentials for pulling private images.",
    ),
    (
        "PodSpec",
        "priorityClassName",
        None,
        "A PriorityClass deciding which pods are scheduled (and preempted) first.",
    ),
    (
        "PodSpec",
        "dnsPolicy",
        Some("ClusterFirst"),
        "How the pod resolves names.",
    ),
    (
        "PodSpec",
        "hostNetwork",
        Some("false"),
        "Use the node's network namespace; rarely needed and a security risk.",
    ),
    (
        "PodSpec",
        "hostPID",
        Some("false"),
        "See the node's processes; a security risk.",
    ),
    (
        "PodSpec",
        "hostIPC",
        Some("false"),
        "Share the node's IPC namespace; a security risk.",
    ),
    (
        "PodSpec",
        "schedulerName",
        Some("default-scheduler"),
        "The scheduler that places the pod.",
    ),
    (
        "PodSpec",
        "topologySpreadConstraints",
        None,
        "How to spread the pods across zones or nodes.",
    ),
    (
        "PodSpec",
        "enableServiceLinks",
        Some("true"),
        "Whether Service addresses are injected as environment variables.",
    ),
    (
        "PodSpec",
        "shareProcessNamespace",
        Some("false"),
        "Let the containers of the pod see each other's processes.",
    ),
    (
        "PodSpec",
        "hostname",
        Some("the pod's name (for Indexed Jobs: <job>-<index>)"),
        "The pod's hostname.",
    ),
    (
        "PodSpec",
        "subdomain",
        None,
        "With a headless Service of that name, gives each pod a DNS name (useful for Indexed Jobs).",
    ),
    (
        "PodSpec",
        "runtimeClassName",
        None,
        "A RuntimeClass selecting the container runtime (gVisor, Kata…).",
    ),
    (
        "PodSpec",
        "nodeName",
        None,
        "Bind the pod to this node, bypassing the scheduler.",
    ),
    (
        "PodSpec",
        "os",
        None,
        "The operating system the pod needs (`linux` or `windows`).",
    ),
    // Container.
    (
        "Container",
        "name",
        None,
        "The container's name, unique in the pod (a DNS label); podFailurePolicy and logs refer to it.",
    ),
    (
        "Container",
        "image",
        None,
        "The image to run; pin a tag or digest so every retry runs the same code.",
    ),
    (
        "Container",
        "command",
        Some("the image's ENTRYPOINT"),
        "The program and its arguments, replacing the image's entrypoint; not run in a shell unless you call one.",
    ),
    (
        "Container",
        "args",
        Some("the image's CMD"),
        "Arguments passed to the command (or to the image's entrypoint).",
    ),
    (
        "Container",
        "env",
        None,
        "Environment variables, with literal values or taken from Secrets, ConfigMaps or the pod's own fields.",
    ),
    (
        "Container",
        "envFrom",
        None,
        "Every key of a ConfigMap or Secret as environment variables.",
    ),
    (
        "Container",
        "resources",
        None,
        "CPU and memory requested (for scheduling) and limited (enforced); batch pods without limits can starve their neighbours.",
    ),
    (
        "Container",
        "volumeMounts",
        None,
        "Where the pod's volumes appear in the container's file system.",
    ),
    (
        "Container",
        "imagePullPolicy",
        Some("Always for `:latest` or no tag, IfNotPresent otherwise"),
        "When the kubelet pulls the image.",
    ),
    (
        "Container",
        "securityContext",
        None,
        "Security settings of this container (non-root, read-only root file system, capabilities).",
    ),
    (
        "Container",
        "workingDir",
        Some("the image's WORKDIR"),
        "The directory the command starts in.",
    ),
    (
        "Container",
        "ports",
        None,
        "Ports the container listens on (informational for most jobs).",
    ),
    (
        "Container",
        "lifecycle",
        None,
        "Hooks run after start and before stop (preStop runs within terminationGracePeriodSeconds).",
    ),
    (
        "Container",
        "livenessProbe",
        None,
        "Restarts the container when it fails; rarely useful for batch work, which should exit instead.",
    ),
    (
        "Container",
        "readinessProbe",
        None,
        "Marks the pod ready for Service traffic; batch pods rarely serve traffic.",
    ),
    (
        "Container",
        "startupProbe",
        None,
        "Holds back the other probes until the container has started.",
    ),
    (
        "Container",
        "terminationMessagePath",
        Some("/dev/termination-log"),
        "A file whose content becomes the container's termination message.",
    ),
    (
        "Container",
        "terminationMessagePolicy",
        Some("File"),
        "`FallbackToLogsOnError` uses the end of the log when the file is empty and the container failed.",
    ),
    (
        "Container",
        "restartPolicy",
        None,
        "Only on init containers: `Always` makes it a sidecar that runs beside the main containers and is stopped when they finish.",
    ),
    (
        "Container",
        "stdin",
        Some("false"),
        "Keep a stdin stream open; not for batch work.",
    ),
    (
        "Container",
        "tty",
        Some("false"),
        "Allocate a terminal; not for batch work.",
    ),
    (
        "ResourceRequirements",
        "requests",
        None,
        "What the scheduler reserves for the container: `cpu` (cores, such as 500m) and `memory` (bytes, such as 256Mi).",
    ),
    (
        "ResourceRequirements",
        "limits",
        Some("no limit (or the namespace's LimitRange)"),
        "The most the container may use: CPU above it is throttled, memory above it is OOM-killed (exit code 137).",
    ),
    ("EnvVar", "name", None, "The variable's name."),
    (
        "EnvVar",
        "value",
        None,
        "The literal value, a string: quote numbers and booleans.",
    ),
    (
        "EnvVar",
        "valueFrom",
        None,
        "Take the value from a Secret, a ConfigMap or a field of the pod.",
    ),
    ("EnvVarSource", "secretKeyRef", None, "One key of a Secret."),
    (
        "EnvVarSource",
        "configMapKeyRef",
        None,
        "One key of a ConfigMap.",
    ),
    (
        "EnvVarSource",
        "fieldRef",
        None,
        "A field of the pod, such as `metadata.name` or the completion-index annotation.",
    ),
    (
        "EnvVarSource",
        "resourceFieldRef",
        None,
        "A request or limit of a container, such as `limits.memory`.",
    ),
    (
        "SecretKeySelector",
        "name",
        None,
        "The Secret's name, in the pod's namespace.",
    ),
    (
        "SecretKeySelector",
        "key",
        None,
        "The key within the Secret.",
    ),
    (
        "SecretKeySelector",
        "optional",
        Some("false"),
        "Start the pod even when the Secret or key is missing.",
    ),
    (
        "ConfigMapKeySelector",
        "name",
        None,
        "The ConfigMap's name, in the pod's namespace.",
    ),
    (
        "ConfigMapKeySelector",
        "key",
        None,
        "The key within the ConfigMap.",
    ),
    (
        "ConfigMapKeySelector",
        "optional",
        Some("false"),
        "Start the pod even when the ConfigMap or key is missing.",
    ),
    (
        "VolumeMount",
        "name",
        None,
        "The name of a volume of the pod.",
    ),
    (
        "VolumeMount",
        "mountPath",
        None,
        "Where the volume appears in the container.",
    ),
    (
        "VolumeMount",
        "readOnly",
        Some("false"),
        "Mount the volume read-only.",
    ),
    (
        "VolumeMount",
        "subPath",
        Some("the volume's root"),
        "Mount only this path within the volume.",
    ),
    (
        "Volume",
        "name",
        None,
        "The volume's name, referred to by volumeMounts.",
    ),
    (
        "Volume",
        "emptyDir",
        None,
        "A scratch directory that lives as long as the pod (lost on retry with `restartPolicy: Never`).",
    ),
    (
        "Volume",
        "configMap",
        None,
        "The keys of a ConfigMap as files.",
    ),
    ("Volume", "secret", None, "The keys of a Secret as files."),
    (
        "Volume",
        "persistentVolumeClaim",
        None,
        "A PersistentVolumeClaim's storage, kept across pods.",
    ),
    (
        "Volume",
        "hostPath",
        None,
        "A directory of the node; ties the pod to the node and is a security risk.",
    ),
    (
        "Volume",
        "projected",
        None,
        "Several sources (Secrets, ConfigMaps, downward API, tokens) in one directory.",
    ),
    (
        "EmptyDirVolumeSource",
        "medium",
        Some("the node's disk"),
        "`Memory` puts the directory in RAM (counted against the memory limit).",
    ),
    (
        "EmptyDirVolumeSource",
        "sizeLimit",
        None,
        "The most the directory may hold before the pod is evicted.",
    ),
    // Security.
    (
        "SecurityContext",
        "runAsNonRoot",
        Some("false"),
        "Refuse to start the container as root (UID 0).",
    ),
    (
        "SecurityContext",
        "runAsUser",
        Some("the image's user"),
        "The UID the container runs as.",
    ),
    (
        "SecurityContext",
        "runAsGroup",
        Some("the image's group"),
        "The GID the container runs as.",
    ),
    (
        "SecurityContext",
        "readOnlyRootFilesystem",
        Some("false"),
        "Make the container's root file system read-only; write to mounted volumes instead.",
    ),
    (
        "SecurityContext",
        "allowPrivilegeEscalation",
        Some("true"),
        "Whether a process can gain more privileges than its parent (setuid binaries).",
    ),
    (
        "SecurityContext",
        "privileged",
        Some("false"),
        "Run with all of the node's privileges; almost never needed.",
    ),
    (
        "SecurityContext",
        "capabilities",
        None,
        "Linux capabilities to add or drop; dropping `ALL` is the safe start.",
    ),
    (
        "SecurityContext",
        "seccompProfile",
        None,
        "The seccomp filter; `RuntimeDefault` blocks rarely used system calls.",
    ),
    (
        "PodSecurityContext",
        "runAsNonRoot",
        Some("false"),
        "Refuse to start any container as root (UID 0).",
    ),
    (
        "PodSecurityContext",
        "runAsUser",
        Some("the image's user"),
        "The UID every container runs as.",
    ),
    (
        "PodSecurityContext",
        "runAsGroup",
        Some("the image's group"),
        "The GID every container runs as.",
    ),
    (
        "PodSecurityContext",
        "fsGroup",
        None,
        "A group that owns mounted volumes, so a non-root user can write to them.",
    ),
    (
        "PodSecurityContext",
        "seccompProfile",
        None,
        "The seccomp filter for every container; `RuntimeDefault` is the safe choice.",
    ),
    (
        "Capabilities",
        "add",
        None,
        "Capabilities to add, such as `NET_BIND_SERVICE`.",
    ),
    (
        "Capabilities",
        "drop",
        None,
        "Capabilities to remove; `ALL` removes every one.",
    ),
    (
        "SeccompProfile",
        "type",
        None,
        "`RuntimeDefault` (the runtime's filter), `Localhost` (a file on the node) or `Unconfined` (none).",
    ),
    // Scheduling.
    (
        "Toleration",
        "key",
        Some("every taint key (with operator Exists)"),
        "The taint key this toleration matches.",
    ),
    (
        "Toleration",
        "operator",
        Some("Equal"),
        "`Equal` matches the value; `Exists` matches any value.",
    ),
    (
        "Toleration",
        "value",
        None,
        "The taint value to match with `Equal`.",
    ),
    (
        "Toleration",
        "effect",
        Some("every effect"),
        "The taint effect to tolerate: `NoSchedule`, `PreferNoSchedule` or `NoExecute`.",
    ),
    (
        "Toleration",
        "tolerationSeconds",
        Some("forever"),
        "With `NoExecute`: how long the pod stays on a node after the taint appears.",
    ),
    (
        "LabelSelector",
        "matchLabels",
        None,
        "Labels that must all match.",
    ),
    (
        "LabelSelector",
        "matchExpressions",
        None,
        "Set-based requirements (In, NotIn, Exists, DoesNotExist).",
    ),
    (
        "Lifecycle",
        "preStop",
        None,
        "Runs before the container gets SIGTERM, within terminationGracePeriodSeconds.",
    ),
    (
        "Lifecycle",
        "postStart",
        None,
        "Runs right after the container starts.",
    ),
    (
        "LifecycleHandler",
        "exec",
        None,
        "Run a command in the container.",
    ),
    (
        "LifecycleHandler",
        "httpGet",
        None,
        "Call an HTTP endpoint of the container.",
    ),
    (
        "LifecycleHandler",
        "sleep",
        None,
        "Wait a number of seconds.",
    ),
    (
        "ExecAction",
        "command",
        None,
        "The command and its arguments, not run in a shell unless you call one.",
    ),
    (
        "ContainerPort",
        "containerPort",
        None,
        "The port number the container listens on.",
    ),
    (
        "ContainerPort",
        "protocol",
        Some("TCP"),
        "TCP, UDP or SCTP.",
    ),
    (
        "ContainerPort",
        "name",
        None,
        "A name for the port (an IANA service name), usable by probes.",
    ),
];

/// What the table says about a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FieldDoc {
    pub(crate) default: Option<&'static str>,
    pub(crate) text: Cow<'static, str>,
}

/// The table's row for `owner.field`, if it has one.
pub(crate) fn field_doc(owner: &TypeDef, field: &str) -> Option<FieldDoc> {
    DOCS.iter()
        .find(|(o, f, _, _)| *o == owner.name && *f == field)
        .map(|(_, _, default, text)| FieldDoc {
            default: *default,
            text: Cow::Borrowed(text),
        })
}

/// A description for any field: the table's, or a generic line built from the schema.
pub(crate) fn describe(owner: &TypeDef, field: &str, ty: &Ty) -> FieldDoc {
    field_doc(owner, field).unwrap_or_else(|| FieldDoc {
        default: None,
        text: Cow::Owned(format!(
            "`{field}` of {} ({}); see the Kubernetes API reference for {}.",
            owner.name,
            type_label(ty),
            owner.name
        )),
    })
}

/// Whether a field is one people commonly write (it has a row in the table).
pub(crate) fn is_common(owner: &TypeDef, field: &str) -> bool {
    field_doc(owner, field).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jobscope_api::manifest::schema::ALL_TYPES;

    #[test]
    fn every_row_names_a_real_field() {
        for (owner, field, _, text) in DOCS {
            let def = ALL_TYPES
                .iter()
                .find(|t| t.name == *owner)
                .unwrap_or_else(|| panic!("no type {owner}"));
            assert!(def.field(field).is_some(), "{owner}.{field}");
            assert!(text.ends_with('.'), "{owner}.{field}: end with a period");
            assert!(text.len() < 220, "{owner}.{field}: one line");
        }
    }

    #[test]
    fn fallback_for_fields_not_in_the_table() {
        let def = ALL_TYPES
            .iter()
            .find(|t| t.name == "NFSVolumeSource")
            .unwrap();
        let field = def.field("server").unwrap();
        let doc = describe(def, "server", &field.ty);
        assert!(doc.text.contains("`server` of NFSVolumeSource (string)"));
        assert_eq!(describe(def, "server", &field.ty).text, doc.text);
    }
}
