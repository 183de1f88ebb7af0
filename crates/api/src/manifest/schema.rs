//! The batch/v1 Job and CronJob API schema (Kubernetes v1.34): every object type reachable
//! from Job and CronJob, every field with its JSON name, value kind and Go type (for the
//! apiserver's decode errors). Generated once from the v1.34.1 API types; regenerate when the
//! target Kubernetes version moves.

use super::types::{EnumDef, FieldDef, Ty, TypeDef};

pub static ENUM_BATCH_COMPLETION_MODE: EnumDef = EnumDef {
    go: "v1.CompletionMode",
    values: &["NonIndexed", "Indexed"],
};
pub static ENUM_BATCH_CONCURRENCY_POLICY: EnumDef = EnumDef {
    go: "v1.ConcurrencyPolicy",
    values: &["Allow", "Forbid", "Replace"],
};
pub static ENUM_BATCH_JOB_CONDITION_TYPE: EnumDef = EnumDef {
    go: "v1.JobConditionType",
    values: &[
        "Suspended",
        "Complete",
        "Failed",
        "FailureTarget",
        "SuccessCriteriaMet",
    ],
};
pub static ENUM_BATCH_POD_FAILURE_POLICY_ACTION: EnumDef = EnumDef {
    go: "v1.PodFailurePolicyAction",
    values: &["FailJob", "FailIndex", "Ignore", "Count"],
};
pub static ENUM_BATCH_POD_FAILURE_POLICY_ON_EXIT_CODES_OPERATOR: EnumDef = EnumDef {
    go: "v1.PodFailurePolicyOnExitCodesOperator",
    values: &["In", "NotIn"],
};
pub static ENUM_BATCH_POD_REPLACEMENT_POLICY: EnumDef = EnumDef {
    go: "v1.PodReplacementPolicy",
    values: &["TerminatingOrFailed", "Failed"],
};
pub static ENUM_APP_ARMOR_PROFILE_TYPE: EnumDef = EnumDef {
    go: "v1.AppArmorProfileType",
    values: &["Unconfined", "RuntimeDefault", "Localhost"],
};
pub static ENUM_AZURE_DATA_DISK_CACHING_MODE: EnumDef = EnumDef {
    go: "v1.AzureDataDiskCachingMode",
    values: &["None", "ReadOnly", "ReadWrite"],
};
pub static ENUM_AZURE_DATA_DISK_KIND: EnumDef = EnumDef {
    go: "v1.AzureDataDiskKind",
    values: &["Shared", "Dedicated", "Managed"],
};
pub static ENUM_CONDITION_STATUS: EnumDef = EnumDef {
    go: "v1.ConditionStatus",
    values: &["True", "False", "Unknown"],
};
pub static ENUM_CONTAINER_RESTART_POLICY: EnumDef = EnumDef {
    go: "v1.ContainerRestartPolicy",
    values: &["Always", "Never", "OnFailure"],
};
pub static ENUM_CONTAINER_RESTART_RULE_ACTION: EnumDef = EnumDef {
    go: "v1.ContainerRestartRuleAction",
    values: &["Restart"],
};
pub static ENUM_CONTAINER_RESTART_RULE_ON_EXIT_CODES_OPERATOR: EnumDef = EnumDef {
    go: "v1.ContainerRestartRuleOnExitCodesOperator",
    values: &["In", "NotIn"],
};
pub static ENUM_DNS_POLICY: EnumDef = EnumDef {
    go: "v1.DNSPolicy",
    values: &["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"],
};
pub static ENUM_HOST_PATH_TYPE: EnumDef = EnumDef {
    go: "v1.HostPathType",
    values: &[
        "",
        "DirectoryOrCreate",
        "Directory",
        "FileOrCreate",
        "File",
        "Socket",
        "CharDevice",
        "BlockDevice",
    ],
};
pub static ENUM_MOUNT_PROPAGATION_MODE: EnumDef = EnumDef {
    go: "v1.MountPropagationMode",
    values: &["None", "HostToContainer", "Bidirectional"],
};
pub static ENUM_NODE_INCLUSION_POLICY: EnumDef = EnumDef {
    go: "v1.NodeInclusionPolicy",
    values: &["Ignore", "Honor"],
};
pub static ENUM_NODE_SELECTOR_OPERATOR: EnumDef = EnumDef {
    go: "v1.NodeSelectorOperator",
    values: &["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"],
};
pub static ENUM_OS_NAME: EnumDef = EnumDef {
    go: "v1.OSName",
    values: &["linux", "windows"],
};
pub static ENUM_PERSISTENT_VOLUME_ACCESS_MODE: EnumDef = EnumDef {
    go: "v1.PersistentVolumeAccessMode",
    values: &[
        "ReadWriteOnce",
        "ReadOnlyMany",
        "ReadWriteMany",
        "ReadWriteOncePod",
    ],
};
pub static ENUM_PERSISTENT_VOLUME_MODE: EnumDef = EnumDef {
    go: "v1.PersistentVolumeMode",
    values: &["Block", "Filesystem"],
};
pub static ENUM_POD_CONDITION_TYPE: EnumDef = EnumDef {
    go: "v1.PodConditionType",
    values: &[
        "ContainersReady",
        "Initialized",
        "Ready",
        "PodScheduled",
        "DisruptionTarget",
        "PodReadyToStartContainers",
        "PodResizePending",
        "PodResizeInProgress",
    ],
};
pub static ENUM_POD_FS_GROUP_CHANGE_POLICY: EnumDef = EnumDef {
    go: "v1.PodFSGroupChangePolicy",
    values: &["OnRootMismatch", "Always"],
};
pub static ENUM_POD_SE_LINUX_CHANGE_POLICY: EnumDef = EnumDef {
    go: "v1.PodSELinuxChangePolicy",
    values: &["Recursive", "MountOption"],
};
pub static ENUM_PREEMPTION_POLICY: EnumDef = EnumDef {
    go: "v1.PreemptionPolicy",
    values: &["PreemptLowerPriority", "Never"],
};
pub static ENUM_PROC_MOUNT_TYPE: EnumDef = EnumDef {
    go: "v1.ProcMountType",
    values: &["Default", "Unmasked"],
};
pub static ENUM_PROTOCOL: EnumDef = EnumDef {
    go: "v1.Protocol",
    values: &["TCP", "UDP", "SCTP"],
};
pub static ENUM_PULL_POLICY: EnumDef = EnumDef {
    go: "v1.PullPolicy",
    values: &["Always", "Never", "IfNotPresent"],
};
pub static ENUM_RECURSIVE_READ_ONLY_MODE: EnumDef = EnumDef {
    go: "v1.RecursiveReadOnlyMode",
    values: &["Disabled", "IfPossible", "Enabled"],
};
pub static ENUM_RESOURCE_NAME: EnumDef = EnumDef {
    go: "v1.ResourceName",
    values: &[
        "cpu",
        "memory",
        "storage",
        "ephemeral-storage",
        "pods",
        "services",
        "replicationcontrollers",
        "resourcequotas",
        "secrets",
        "configmaps",
        "persistentvolumeclaims",
        "services.nodeports",
        "services.loadbalancers",
        "requests.cpu",
        "requests.memory",
        "requests.storage",
        "requests.ephemeral-storage",
        "limits.cpu",
        "limits.memory",
        "limits.ephemeral-storage",
    ],
};
pub static ENUM_RESOURCE_RESIZE_RESTART_POLICY: EnumDef = EnumDef {
    go: "v1.ResourceResizeRestartPolicy",
    values: &["NotRequired", "RestartContainer"],
};
pub static ENUM_RESTART_POLICY: EnumDef = EnumDef {
    go: "v1.RestartPolicy",
    values: &["Always", "OnFailure", "Never"],
};
pub static ENUM_SECCOMP_PROFILE_TYPE: EnumDef = EnumDef {
    go: "v1.SeccompProfileType",
    values: &["Unconfined", "RuntimeDefault", "Localhost"],
};
pub static ENUM_SIGNAL: EnumDef = EnumDef {
    go: "v1.Signal",
    values: &[
        "SIGABRT",
        "SIGALRM",
        "SIGBUS",
        "SIGCHLD",
        "SIGCLD",
        "SIGCONT",
        "SIGFPE",
        "SIGHUP",
        "SIGILL",
        "SIGINT",
        "SIGIO",
        "SIGIOT",
        "SIGKILL",
        "SIGPIPE",
        "SIGPOLL",
        "SIGPROF",
        "SIGPWR",
        "SIGQUIT",
        "SIGSEGV",
        "SIGSTKFLT",
        "SIGSTOP",
        "SIGSYS",
        "SIGTERM",
        "SIGTRAP",
        "SIGTSTP",
        "SIGTTIN",
        "SIGTTOU",
        "SIGURG",
        "SIGUSR1",
        "SIGUSR2",
        "SIGVTALRM",
        "SIGWINCH",
        "SIGXCPU",
        "SIGXFSZ",
        "SIGRTMIN",
        "SIGRTMIN+1",
        "SIGRTMIN+2",
        "SIGRTMIN+3",
        "SIGRTMIN+4",
        "SIGRTMIN+5",
        "SIGRTMIN+6",
        "SIGRTMIN+7",
        "SIGRTMIN+8",
        "SIGRTMIN+9",
        "SIGRTMIN+10",
        "SIGRTMIN+11",
        "SIGRTMIN+12",
        "SIGRTMIN+13",
        "SIGRTMIN+14",
        "SIGRTMIN+15",
        "SIGRTMAX-14",
        "SIGRTMAX-13",
        "SIGRTMAX-12",
        "SIGRTMAX-11",
        "SIGRTMAX-10",
        "SIGRTMAX-9",
        "SIGRTMAX-8",
        "SIGRTMAX-7",
        "SIGRTMAX-6",
        "SIGRTMAX-5",
        "SIGRTMAX-4",
        "SIGRTMAX-3",
        "SIGRTMAX-2",
        "SIGRTMAX-1",
        "SIGRTMAX",
    ],
};
pub static ENUM_STORAGE_MEDIUM: EnumDef = EnumDef {
    go: "v1.StorageMedium",
    values: &["", "Memory", "HugePages", "HugePages-"],
};
pub static ENUM_SUPPLEMENTAL_GROUPS_POLICY: EnumDef = EnumDef {
    go: "v1.SupplementalGroupsPolicy",
    values: &["Merge", "Strict"],
};
pub static ENUM_TAINT_EFFECT: EnumDef = EnumDef {
    go: "v1.TaintEffect",
    values: &["NoSchedule", "PreferNoSchedule", "NoExecute"],
};
pub static ENUM_TERMINATION_MESSAGE_POLICY: EnumDef = EnumDef {
    go: "v1.TerminationMessagePolicy",
    values: &["File", "FallbackToLogsOnError"],
};
pub static ENUM_TOLERATION_OPERATOR: EnumDef = EnumDef {
    go: "v1.TolerationOperator",
    values: &["Exists", "Equal"],
};
pub static ENUM_URI_SCHEME: EnumDef = EnumDef {
    go: "v1.URIScheme",
    values: &["HTTP", "HTTPS"],
};
pub static ENUM_UNSATISFIABLE_CONSTRAINT_ACTION: EnumDef = EnumDef {
    go: "v1.UnsatisfiableConstraintAction",
    values: &["DoNotSchedule", "ScheduleAnyway"],
};
pub static ENUM_META_LABEL_SELECTOR_OPERATOR: EnumDef = EnumDef {
    go: "v1.LabelSelectorOperator",
    values: &["In", "NotIn", "Exists", "DoesNotExist"],
};
pub static ENUM_META_MANAGED_FIELDS_OPERATION_TYPE: EnumDef = EnumDef {
    go: "v1.ManagedFieldsOperationType",
    values: &["Apply", "Update"],
};

pub static BATCH_JOB: TypeDef = TypeDef {
    name: "Job",
    fields: &[
        FieldDef {
            json: "kind",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "apiVersion",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "metadata",
            ty: Ty::Object(&META_OBJECT_META),
            go: "v1.ObjectMeta",
            pointer: false,
        },
        FieldDef {
            json: "spec",
            ty: Ty::Object(&BATCH_JOB_SPEC),
            go: "v1.JobSpec",
            pointer: false,
        },
        FieldDef {
            json: "status",
            ty: Ty::Object(&BATCH_JOB_STATUS),
            go: "v1.JobStatus",
            pointer: false,
        },
    ],
};

pub static BATCH_CRON_JOB: TypeDef = TypeDef {
    name: "CronJob",
    fields: &[
        FieldDef {
            json: "kind",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "apiVersion",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "metadata",
            ty: Ty::Object(&META_OBJECT_META),
            go: "v1.ObjectMeta",
            pointer: false,
        },
        FieldDef {
            json: "spec",
            ty: Ty::Object(&BATCH_CRON_JOB_SPEC),
            go: "v1.CronJobSpec",
            pointer: false,
        },
        FieldDef {
            json: "status",
            ty: Ty::Object(&BATCH_CRON_JOB_STATUS),
            go: "v1.CronJobStatus",
            pointer: false,
        },
    ],
};

pub static META_OBJECT_META: TypeDef = TypeDef {
    name: "ObjectMeta",
    fields: &[
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "generateName",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "namespace",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "selfLink",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "uid",
            ty: Ty::String,
            go: "types.UID",
            pointer: false,
        },
        FieldDef {
            json: "resourceVersion",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "generation",
            ty: Ty::Int64,
            go: "int64",
            pointer: false,
        },
        FieldDef {
            json: "creationTimestamp",
            ty: Ty::Time,
            go: "v1.Time",
            pointer: false,
        },
        FieldDef {
            json: "deletionTimestamp",
            ty: Ty::Time,
            go: "v1.Time",
            pointer: true,
        },
        FieldDef {
            json: "deletionGracePeriodSeconds",
            ty: Ty::Int64,
            go: "int64",
            pointer: true,
        },
        FieldDef {
            json: "labels",
            ty: Ty::Map(&Ty::String, "string"),
            go: "map[string]string",
            pointer: false,
        },
        FieldDef {
            json: "annotations",
            ty: Ty::Map(&Ty::String, "string"),
            go: "map[string]string",
            pointer: false,
        },
        FieldDef {
            json: "ownerReferences",
            ty: Ty::List(&Ty::Object(&META_OWNER_REFERENCE), "v1.OwnerReference"),
            go: "[]v1.OwnerReference",
            pointer: false,
        },
        FieldDef {
            json: "finalizers",
            ty: Ty::List(&Ty::String, "string"),
            go: "[]string",
            pointer: false,
        },
        FieldDef {
            json: "managedFields",
            ty: Ty::List(
                &Ty::Object(&META_MANAGED_FIELDS_ENTRY),
                "v1.ManagedFieldsEntry",
            ),
            go: "[]v1.ManagedFieldsEntry",
            pointer: false,
        },
    ],
};

pub static BATCH_JOB_SPEC: TypeDef = TypeDef {
    name: "JobSpec",
    fields: &[
        FieldDef {
            json: "parallelism",
            ty: Ty::Int32,
            go: "int32",
            pointer: true,
        },
        FieldDef {
            json: "completions",
            ty: Ty::Int32,
            go: "int32",
            pointer: true,
        },
        FieldDef {
            json: "activeDeadlineSeconds",
            ty: Ty::Int64,
            go: "int64",
            pointer: true,
        },
        FieldDef {
            json: "podFailurePolicy",
            ty: Ty::Object(&BATCH_POD_FAILURE_POLICY),
            go: "v1.PodFailurePolicy",
            pointer: true,
        },
        FieldDef {
            json: "successPolicy",
            ty: Ty::Object(&BATCH_SUCCESS_POLICY),
            go: "v1.SuccessPolicy",
            pointer: true,
        },
        FieldDef {
            json: "backoffLimit",
            ty: Ty::Int32,
            go: "int32",
            pointer: true,
        },
        FieldDef {
            json: "backoffLimitPerIndex",
            ty: Ty::Int32,
            go: "int32",
            pointer: true,
        },
        FieldDef {
            json: "maxFailedIndexes",
            ty: Ty::Int32,
            go: "int32",
            pointer: true,
        },
        FieldDef {
            json: "selector",
            ty: Ty::Object(&META_LABEL_SELECTOR),
            go: "v1.LabelSelector",
            pointer: true,
        },
        FieldDef {
            json: "manualSelector",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
        FieldDef {
            json: "template",
            ty: Ty::Object(&POD_TEMPLATE_SPEC),
            go: "v1.PodTemplateSpec",
            pointer: false,
        },
        FieldDef {
            json: "ttlSecondsAfterFinished",
            ty: Ty::Int32,
            go: "int32",
            pointer: true,
        },
        FieldDef {
            json: "completionMode",
            ty: Ty::Enum(&ENUM_BATCH_COMPLETION_MODE),
            go: "v1.CompletionMode",
            pointer: true,
        },
        FieldDef {
            json: "suspend",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
        FieldDef {
            json: "podReplacementPolicy",
            ty: Ty::Enum(&ENUM_BATCH_POD_REPLACEMENT_POLICY),
            go: "v1.PodReplacementPolicy",
            pointer: true,
        },
        FieldDef {
            json: "managedBy",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
    ],
};

pub static BATCH_JOB_STATUS: TypeDef = TypeDef {
    name: "JobStatus",
    fields: &[
        FieldDef {
            json: "conditions",
            ty: Ty::List(&Ty::Object(&BATCH_JOB_CONDITION), "v1.JobCondition"),
            go: "[]v1.JobCondition",
            pointer: false,
        },
        FieldDef {
            json: "startTime",
            ty: Ty::Time,
            go: "v1.Time",
            pointer: true,
        },
        FieldDef {
            json: "completionTime",
            ty: Ty::Time,
            go: "v1.Time",
            pointer: true,
        },
        FieldDef {
            json: "active",
            ty: Ty::Int32,
            go: "int32",
            pointer: false,
        },
        FieldDef {
            json: "succeeded",
            ty: Ty::Int32,
            go: "int32",
            pointer: false,
        },
        FieldDef {
            json: "failed",
            ty: Ty::Int32,
            go: "int32",
            pointer: false,
        },
        FieldDef {
            json: "terminating",
            ty: Ty::Int32,
            go: "int32",
            pointer: true,
        },
        FieldDef {
            json: "completedIndexes",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "failedIndexes",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
        FieldDef {
            json: "uncountedTerminatedPods",
            ty: Ty::Object(&BATCH_UNCOUNTED_TERMINATED_PODS),
            go: "v1.UncountedTerminatedPods",
            pointer: true,
        },
        FieldDef {
            json: "ready",
            ty: Ty::Int32,
            go: "int32",
            pointer: true,
        },
    ],
};

pub static BATCH_CRON_JOB_SPEC: TypeDef = TypeDef {
    name: "CronJobSpec",
    fields: &[
        FieldDef {
            json: "schedule",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "timeZone",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
        FieldDef {
            json: "startingDeadlineSeconds",
            ty: Ty::Int64,
            go: "int64",
            pointer: true,
        },
        FieldDef {
            json: "concurrencyPolicy",
            ty: Ty::Enum(&ENUM_BATCH_CONCURRENCY_POLICY),
            go: "v1.ConcurrencyPolicy",
            pointer: false,
        },
        FieldDef {
            json: "suspend",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
        FieldDef {
            json: "jobTemplate",
            ty: Ty::Object(&BATCH_JOB_TEMPLATE_SPEC),
            go: "v1.JobTemplateSpec",
            pointer: false,
        },
        FieldDef {
            json: "successfulJobsHistoryLimit",
            ty: Ty::Int32,
            go: "int32",
            pointer: true,
        },
        FieldDef {
            json: "failedJobsHistoryLimit",
            ty: Ty::Int32,
            go: "int32",
            pointer: true,
        },
    ],
};

pub static BATCH_CRON_JOB_STATUS: TypeDef = TypeDef {
    name: "CronJobStatus",
    fields: &[
        FieldDef {
            json: "active",
            ty: Ty::List(&Ty::Object(&OBJECT_REFERENCE), "v1.ObjectReference"),
            go: "[]v1.ObjectReference",
            pointer: false,
        },
        FieldDef {
            json: "lastScheduleTime",
            ty: Ty::Time,
            go: "v1.Time",
            pointer: true,
        },
        FieldDef {
            json: "lastSuccessfulTime",
            ty: Ty::Time,
            go: "v1.Time",
            pointer: true,
        },
    ],
};

pub static META_OWNER_REFERENCE: TypeDef = TypeDef {
    name: "OwnerReference",
    fields: &[
        FieldDef {
            json: "apiVersion",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "kind",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "uid",
            ty: Ty::String,
            go: "types.UID",
            pointer: false,
        },
        FieldDef {
            json: "controller",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
        FieldDef {
            json: "blockOwnerDeletion",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
    ],
};

pub static META_MANAGED_FIELDS_ENTRY: TypeDef = TypeDef {
    name: "ManagedFieldsEntry",
    fields: &[
        FieldDef {
            json: "manager",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "operation",
            ty: Ty::Enum(&ENUM_META_MANAGED_FIELDS_OPERATION_TYPE),
            go: "v1.ManagedFieldsOperationType",
            pointer: false,
        },
        FieldDef {
            json: "apiVersion",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "time",
            ty: Ty::Time,
            go: "v1.Time",
            pointer: true,
        },
        FieldDef {
            json: "fieldsType",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "fieldsV1",
            ty: Ty::AnyJson,
            go: "v1.FieldsV1",
            pointer: true,
        },
        FieldDef {
            json: "subresource",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static BATCH_POD_FAILURE_POLICY: TypeDef = TypeDef {
    name: "PodFailurePolicy",
    fields: &[FieldDef {
        json: "rules",
        ty: Ty::List(
            &Ty::Object(&BATCH_POD_FAILURE_POLICY_RULE),
            "v1.PodFailurePolicyRule",
        ),
        go: "[]v1.PodFailurePolicyRule",
        pointer: false,
    }],
};

pub static BATCH_SUCCESS_POLICY: TypeDef = TypeDef {
    name: "SuccessPolicy",
    fields: &[FieldDef {
        json: "rules",
        ty: Ty::List(
            &Ty::Object(&BATCH_SUCCESS_POLICY_RULE),
            "v1.SuccessPolicyRule",
        ),
        go: "[]v1.SuccessPolicyRule",
        pointer: false,
    }],
};

pub static META_LABEL_SELECTOR: TypeDef = TypeDef {
    name: "LabelSelector",
    fields: &[
        FieldDef {
            json: "matchLabels",
            ty: Ty::Map(&Ty::String, "string"),
            go: "map[string]string",
            pointer: false,
        },
        FieldDef {
            json: "matchExpressions",
            ty: Ty::List(
                &Ty::Object(&META_LABEL_SELECTOR_REQUIREMENT),
                "v1.LabelSelectorRequirement",
            ),
            go: "[]v1.LabelSelectorRequirement",
            pointer: false,
        },
    ],
};

pub static POD_TEMPLATE_SPEC: TypeDef = TypeDef {
    name: "PodTemplateSpec",
    fields: &[
        FieldDef {
            json: "metadata",
            ty: Ty::Object(&META_OBJECT_META),
            go: "v1.ObjectMeta",
            pointer: false,
        },
        FieldDef {
            json: "spec",
            ty: Ty::Object(&POD_SPEC),
            go: "v1.PodSpec",
            pointer: false,
        },
    ],
};

pub static BATCH_JOB_CONDITION: TypeDef = TypeDef {
    name: "JobCondition",
    fields: &[
        FieldDef {
            json: "type",
            ty: Ty::Enum(&ENUM_BATCH_JOB_CONDITION_TYPE),
            go: "v1.JobConditionType",
            pointer: false,
        },
        FieldDef {
            json: "status",
            ty: Ty::Enum(&ENUM_CONDITION_STATUS),
            go: "v1.ConditionStatus",
            pointer: false,
        },
        FieldDef {
            json: "lastProbeTime",
            ty: Ty::Time,
            go: "v1.Time",
            pointer: false,
        },
        FieldDef {
            json: "lastTransitionTime",
            ty: Ty::Time,
            go: "v1.Time",
            pointer: false,
        },
        FieldDef {
            json: "reason",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "message",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static BATCH_UNCOUNTED_TERMINATED_PODS: TypeDef = TypeDef {
    name: "UncountedTerminatedPods",
    fields: &[
        FieldDef {
            json: "succeeded",
            ty: Ty::List(&Ty::String, "types.UID"),
            go: "[]types.UID",
            pointer: false,
        },
        FieldDef {
            json: "failed",
            ty: Ty::List(&Ty::String, "types.UID"),
            go: "[]types.UID",
            pointer: false,
        },
    ],
};

pub static BATCH_JOB_TEMPLATE_SPEC: TypeDef = TypeDef {
    name: "JobTemplateSpec",
    fields: &[
        FieldDef {
            json: "metadata",
            ty: Ty::Object(&META_OBJECT_META),
            go: "v1.ObjectMeta",
            pointer: false,
        },
        FieldDef {
            json: "spec",
            ty: Ty::Object(&BATCH_JOB_SPEC),
            go: "v1.JobSpec",
            pointer: false,
        },
    ],
};

pub static OBJECT_REFERENCE: TypeDef = TypeDef {
    name: "ObjectReference",
    fields: &[
        FieldDef {
            json: "kind",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "namespace",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "uid",
            ty: Ty::String,
            go: "types.UID",
            pointer: false,
        },
        FieldDef {
            json: "apiVersion",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "resourceVersion",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "fieldPath",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static BATCH_POD_FAILURE_POLICY_RULE: TypeDef = TypeDef {
    name: "PodFailurePolicyRule",
    fields: &[
        FieldDef {
            json: "action",
            ty: Ty::Enum(&ENUM_BATCH_POD_FAILURE_POLICY_ACTION),
            go: "v1.PodFailurePolicyAction",
            pointer: false,
        },
        FieldDef {
            json: "onExitCodes",
            ty: Ty::Object(&BATCH_POD_FAILURE_POLICY_ON_EXIT_CODES_REQUIREMENT),
            go: "v1.PodFailurePolicyOnExitCodesRequirement",
            pointer: true,
        },
        FieldDef {
            json: "onPodConditions",
            ty: Ty::List(
                &Ty::Object(&BATCH_POD_FAILURE_POLICY_ON_POD_CONDITIONS_PATTERN),
                "v1.PodFailurePolicyOnPodConditionsPattern",
            ),
            go: "[]v1.PodFailurePolicyOnPodConditionsPattern",
            pointer: false,
        },
    ],
};

pub static BATCH_SUCCESS_POLICY_RULE: TypeDef = TypeDef {
    name: "SuccessPolicyRule",
    fields: &[
        FieldDef {
            json: "succeededIndexes",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
        FieldDef {
            json: "succeededCount",
            ty: Ty::Int32,
            go: "int32",
            pointer: true,
        },
    ],
};

pub static META_LABEL_SELECTOR_REQUIREMENT: TypeDef = TypeDef {
    name: "LabelSelectorRequirement",
    fields: &[
        FieldDef {
            json: "key",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "operator",
            ty: Ty::Enum(&ENUM_META_LABEL_SELECTOR_OPERATOR),
            go: "v1.LabelSelectorOperator",
            pointer: false,
        },
        FieldDef {
            json: "values",
            ty: Ty::List(&Ty::String, "string"),
            go: "[]string",
            pointer: false,
        },
    ],
};

pub static POD_SPEC: TypeDef = TypeDef {
    name: "PodSpec",
    fields: &[
        FieldDef {
            json: "volumes",
            ty: Ty::List(&Ty::Object(&VOLUME), "v1.Volume"),
            go: "[]v1.Volume",
            pointer: false,
        },
        FieldDef {
            json: "initContainers",
            ty: Ty::List(&Ty::Object(&CONTAINER), "v1.Container"),
            go: "[]v1.Container",
            pointer: false,
        },
        FieldDef {
            json: "containers",
            ty: Ty::List(&Ty::Object(&CONTAINER), "v1.Container"),
            go: "[]v1.Container",
            pointer: false,
        },
        FieldDef {
            json: "ephemeralContainers",
            ty: Ty::List(&Ty::Object(&EPHEMERAL_CONTAINER), "v1.EphemeralContainer"),
            go: "[]v1.EphemeralContainer",
            pointer: false,
        },
        FieldDef {
            json: "restartPolicy",
            ty: Ty::Enum(&ENUM_RESTART_POLICY),
            go: "v1.RestartPolicy",
            pointer: false,
        },
        FieldDef {
            json: "terminationGracePeriodSeconds",
            ty: Ty::Int64,
            go: "int64",
            pointer: true,
        },
        FieldDef {
            json: "activeDeadlineSeconds",
            ty: Ty::Int64,
            go: "int64",
            pointer: true,
        },
        FieldDef {
            json: "dnsPolicy",
            ty: Ty::Enum(&ENUM_DNS_POLICY),
            go: "v1.DNSPolicy",
            pointer: false,
        },
        FieldDef {
            json: "nodeSelector",
            ty: Ty::Map(&Ty::String, "string"),
            go: "map[string]string",
            pointer: false,
        },
        FieldDef {
            json: "serviceAccountName",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "serviceAccount",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "automountServiceAccountToken",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
        FieldDef {
            json: "nodeName",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "hostNetwork",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
        FieldDef {
            json: "hostPID",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
        FieldDef {
            json: "hostIPC",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
        FieldDef {
            json: "shareProcessNamespace",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
        FieldDef {
            json: "securityContext",
            ty: Ty::Object(&POD_SECURITY_CONTEXT),
            go: "v1.PodSecurityContext",
            pointer: true,
        },
        FieldDef {
            json: "imagePullSecrets",
            ty: Ty::List(
                &Ty::Object(&LOCAL_OBJECT_REFERENCE),
                "v1.LocalObjectReference",
            ),
            go: "[]v1.LocalObjectReference",
            pointer: false,
        },
        FieldDef {
            json: "hostname",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "subdomain",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "affinity",
            ty: Ty::Object(&AFFINITY),
            go: "v1.Affinity",
            pointer: true,
        },
        FieldDef {
            json: "schedulerName",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "tolerations",
            ty: Ty::List(&Ty::Object(&TOLERATION), "v1.Toleration"),
            go: "[]v1.Toleration",
            pointer: false,
        },
        FieldDef {
            json: "hostAliases",
            ty: Ty::List(&Ty::Object(&HOST_ALIAS), "v1.HostAlias"),
            go: "[]v1.HostAlias",
            pointer: false,
        },
        FieldDef {
            json: "priorityClassName",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "priority",
            ty: Ty::Int32,
            go: "int32",
            pointer: true,
        },
        FieldDef {
            json: "dnsConfig",
            ty: Ty::Object(&POD_DNS_CONFIG),
            go: "v1.PodDNSConfig",
            pointer: true,
        },
        FieldDef {
            json: "readinessGates",
            ty: Ty::List(&Ty::Object(&POD_READINESS_GATE), "v1.PodReadinessGate"),
            go: "[]v1.PodReadinessGate",
            pointer: false,
        },
        FieldDef {
            json: "runtimeClassName",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
        FieldDef {
            json: "enableServiceLinks",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
        FieldDef {
            json: "preemptionPolicy",
            ty: Ty::Enum(&ENUM_PREEMPTION_POLICY),
            go: "v1.PreemptionPolicy",
            pointer: true,
        },
        FieldDef {
            json: "overhead",
            ty: Ty::Map(&Ty::Quantity, "resource.Quantity"),
            go: "v1.ResourceList",
            pointer: false,
        },
        FieldDef {
            json: "topologySpreadConstraints",
            ty: Ty::List(
                &Ty::Object(&TOPOLOGY_SPREAD_CONSTRAINT),
                "v1.TopologySpreadConstraint",
            ),
            go: "[]v1.TopologySpreadConstraint",
            pointer: false,
        },
        FieldDef {
            json: "setHostnameAsFQDN",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
        FieldDef {
            json: "os",
            ty: Ty::Object(&POD_OS),
            go: "v1.PodOS",
            pointer: true,
        },
        FieldDef {
            json: "hostUsers",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
        FieldDef {
            json: "schedulingGates",
            ty: Ty::List(&Ty::Object(&POD_SCHEDULING_GATE), "v1.PodSchedulingGate"),
            go: "[]v1.PodSchedulingGate",
            pointer: false,
        },
        FieldDef {
            json: "resourceClaims",
            ty: Ty::List(&Ty::Object(&POD_RESOURCE_CLAIM), "v1.PodResourceClaim"),
            go: "[]v1.PodResourceClaim",
            pointer: false,
        },
        FieldDef {
            json: "resources",
            ty: Ty::Object(&RESOURCE_REQUIREMENTS),
            go: "v1.ResourceRequirements",
            pointer: true,
        },
        FieldDef {
            json: "hostnameOverride",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
    ],
};

pub static BATCH_POD_FAILURE_POLICY_ON_EXIT_CODES_REQUIREMENT: TypeDef = TypeDef {
    name: "PodFailurePolicyOnExitCodesRequirement",
    fields: &[
        FieldDef {
            json: "containerName",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
        FieldDef {
            json: "operator",
            ty: Ty::Enum(&ENUM_BATCH_POD_FAILURE_POLICY_ON_EXIT_CODES_OPERATOR),
            go: "v1.PodFailurePolicyOnExitCodesOperator",
            pointer: false,
        },
        FieldDef {
            json: "values",
            ty: Ty::List(&Ty::Int32, "int32"),
            go: "[]int32",
            pointer: false,
        },
    ],
};

pub static BATCH_POD_FAILURE_POLICY_ON_POD_CONDITIONS_PATTERN: TypeDef = TypeDef {
    name: "PodFailurePolicyOnPodConditionsPattern",
    fields: &[
        FieldDef {
            json: "type",
            ty: Ty::Enum(&ENUM_POD_CONDITION_TYPE),
            go: "v1.PodConditionType",
            pointer: false,
        },
        FieldDef {
            json: "status",
            ty: Ty::Enum(&ENUM_CONDITION_STATUS),
            go: "v1.ConditionStatus",
            pointer: false,
        },
    ],
};

pub static VOLUME: TypeDef = TypeDef {
    name: "Volume",
    fields: &[
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "hostPath",
            ty: Ty::Object(&HOST_PATH_VOLUME_SOURCE),
            go: "v1.HostPathVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "emptyDir",
            ty: Ty::Object(&EMPTY_DIR_VOLUME_SOURCE),
            go: "v1.EmptyDirVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "gcePersistentDisk",
            ty: Ty::Object(&GCE_PERSISTENT_DISK_VOLUME_SOURCE),
            go: "v1.GCEPersistentDiskVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "awsElasticBlockStore",
            ty: Ty::Object(&AWS_ELASTIC_BLOCK_STORE_VOLUME_SOURCE),
            go: "v1.AWSElasticBlockStoreVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "gitRepo",
            ty: Ty::Object(&GIT_REPO_VOLUME_SOURCE),
            go: "v1.GitRepoVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "secret",
            ty: Ty::Object(&SECRET_VOLUME_SOURCE),
            go: "v1.SecretVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "nfs",
            ty: Ty::Object(&NFS_VOLUME_SOURCE),
            go: "v1.NFSVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "iscsi",
            ty: Ty::Object(&ISCSI_VOLUME_SOURCE),
            go: "v1.ISCSIVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "glusterfs",
            ty: Ty::Object(&GLUSTERFS_VOLUME_SOURCE),
            go: "v1.GlusterfsVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "persistentVolumeClaim",
            ty: Ty::Object(&PERSISTENT_VOLUME_CLAIM_VOLUME_SOURCE),
            go: "v1.PersistentVolumeClaimVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "rbd",
            ty: Ty::Object(&RBD_VOLUME_SOURCE),
            go: "v1.RBDVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "flexVolume",
            ty: Ty::Object(&FLEX_VOLUME_SOURCE),
            go: "v1.FlexVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "cinder",
            ty: Ty::Object(&CINDER_VOLUME_SOURCE),
            go: "v1.CinderVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "cephfs",
            ty: Ty::Object(&CEPH_FS_VOLUME_SOURCE),
            go: "v1.CephFSVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "flocker",
            ty: Ty::Object(&FLOCKER_VOLUME_SOURCE),
            go: "v1.FlockerVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "downwardAPI",
            ty: Ty::Object(&DOWNWARD_API_VOLUME_SOURCE),
            go: "v1.DownwardAPIVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "fc",
            ty: Ty::Object(&FC_VOLUME_SOURCE),
            go: "v1.FCVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "azureFile",
            ty: Ty::Object(&AZURE_FILE_VOLUME_SOURCE),
            go: "v1.AzureFileVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "configMap",
            ty: Ty::Object(&CONFIG_MAP_VOLUME_SOURCE),
            go: "v1.ConfigMapVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "vsphereVolume",
            ty: Ty::Object(&VSPHERE_VIRTUAL_DISK_VOLUME_SOURCE),
            go: "v1.VsphereVirtualDiskVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "quobyte",
            ty: Ty::Object(&QUOBYTE_VOLUME_SOURCE),
            go: "v1.QuobyteVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "azureDisk",
            ty: Ty::Object(&AZURE_DISK_VOLUME_SOURCE),
            go: "v1.AzureDiskVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "photonPersistentDisk",
            ty: Ty::Object(&PHOTON_PERSISTENT_DISK_VOLUME_SOURCE),
            go: "v1.PhotonPersistentDiskVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "projected",
            ty: Ty::Object(&PROJECTED_VOLUME_SOURCE),
            go: "v1.ProjectedVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "portworxVolume",
            ty: Ty::Object(&PORTWORX_VOLUME_SOURCE),
            go: "v1.PortworxVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "scaleIO",
            ty: Ty::Object(&SCALE_IO_VOLUME_SOURCE),
            go: "v1.ScaleIOVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "storageos",
            ty: Ty::Object(&STORAGE_OS_VOLUME_SOURCE),
            go: "v1.StorageOSVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "csi",
            ty: Ty::Object(&CSI_VOLUME_SOURCE),
            go: "v1.CSIVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "ephemeral",
            ty: Ty::Object(&EPHEMERAL_VOLUME_SOURCE),
            go: "v1.EphemeralVolumeSource",
            pointer: true,
        },
        FieldDef {
            json: "image",
            ty: Ty::Object(&IMAGE_VOLUME_SOURCE),
            go: "v1.ImageVolumeSource",
            pointer: true,
        },
    ],
};

pub static CONTAINER: TypeDef = TypeDef {
    name: "Container",
    fields: &[
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "image",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "command",
            ty: Ty::List(&Ty::String, "string"),
            go: "[]string",
            pointer: false,
        },
        FieldDef {
            json: "args",
            ty: Ty::List(&Ty::String, "string"),
            go: "[]string",
            pointer: false,
        },
        FieldDef {
            json: "workingDir",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "ports",
            ty: Ty::List(&Ty::Object(&CONTAINER_PORT), "v1.ContainerPort"),
            go: "[]v1.ContainerPort",
            pointer: false,
        },
        FieldDef {
            json: "envFrom",
            ty: Ty::List(&Ty::Object(&ENV_FROM_SOURCE), "v1.EnvFromSource"),
            go: "[]v1.EnvFromSource",
            pointer: false,
        },
        FieldDef {
            json: "env",
            ty: Ty::List(&Ty::Object(&ENV_VAR), "v1.EnvVar"),
            go: "[]v1.EnvVar",
            pointer: false,
        },
        FieldDef {
            json: "resources",
            ty: Ty::Object(&RESOURCE_REQUIREMENTS),
            go: "v1.ResourceRequirements",
            pointer: false,
        },
        FieldDef {
            json: "resizePolicy",
            ty: Ty::List(
                &Ty::Object(&CONTAINER_RESIZE_POLICY),
                "v1.ContainerResizePolicy",
            ),
            go: "[]v1.ContainerResizePolicy",
            pointer: false,
        },
        FieldDef {
            json: "restartPolicy",
            ty: Ty::Enum(&ENUM_CONTAINER_RESTART_POLICY),
            go: "v1.ContainerRestartPolicy",
            pointer: true,
        },
        FieldDef {
            json: "restartPolicyRules",
            ty: Ty::List(
                &Ty::Object(&CONTAINER_RESTART_RULE),
                "v1.ContainerRestartRule",
            ),
            go: "[]v1.ContainerRestartRule",
            pointer: false,
        },
        FieldDef {
            json: "volumeMounts",
            ty: Ty::List(&Ty::Object(&VOLUME_MOUNT), "v1.VolumeMount"),
            go: "[]v1.VolumeMount",
            pointer: false,
        },
        FieldDef {
            json: "volumeDevices",
            ty: Ty::List(&Ty::Object(&VOLUME_DEVICE), "v1.VolumeDevice"),
            go: "[]v1.VolumeDevice",
            pointer: false,
        },
        FieldDef {
            json: "livenessProbe",
            ty: Ty::Object(&PROBE),
            go: "v1.Probe",
            pointer: true,
        },
        FieldDef {
            json: "readinessProbe",
            ty: Ty::Object(&PROBE),
            go: "v1.Probe",
            pointer: true,
        },
        FieldDef {
            json: "startupProbe",
            ty: Ty::Object(&PROBE),
            go: "v1.Probe",
            pointer: true,
        },
        FieldDef {
            json: "lifecycle",
            ty: Ty::Object(&LIFECYCLE),
            go: "v1.Lifecycle",
            pointer: true,
        },
        FieldDef {
            json: "terminationMessagePath",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "terminationMessagePolicy",
            ty: Ty::Enum(&ENUM_TERMINATION_MESSAGE_POLICY),
            go: "v1.TerminationMessagePolicy",
            pointer: false,
        },
        FieldDef {
            json: "imagePullPolicy",
            ty: Ty::Enum(&ENUM_PULL_POLICY),
            go: "v1.PullPolicy",
            pointer: false,
        },
        FieldDef {
            json: "securityContext",
            ty: Ty::Object(&SECURITY_CONTEXT),
            go: "v1.SecurityContext",
            pointer: true,
        },
        FieldDef {
            json: "stdin",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
        FieldDef {
            json: "stdinOnce",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
        FieldDef {
            json: "tty",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
    ],
};

pub static EPHEMERAL_CONTAINER: TypeDef = TypeDef {
    name: "EphemeralContainer",
    fields: &[
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "image",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "command",
            ty: Ty::List(&Ty::String, "string"),
            go: "[]string",
            pointer: false,
        },
        FieldDef {
            json: "args",
            ty: Ty::List(&Ty::String, "string"),
            go: "[]string",
            pointer: false,
        },
        FieldDef {
            json: "workingDir",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "ports",
            ty: Ty::List(&Ty::Object(&CONTAINER_PORT), "v1.ContainerPort"),
            go: "[]v1.ContainerPort",
            pointer: false,
        },
        FieldDef {
            json: "envFrom",
            ty: Ty::List(&Ty::Object(&ENV_FROM_SOURCE), "v1.EnvFromSource"),
            go: "[]v1.EnvFromSource",
            pointer: false,
        },
        FieldDef {
            json: "env",
            ty: Ty::List(&Ty::Object(&ENV_VAR), "v1.EnvVar"),
            go: "[]v1.EnvVar",
            pointer: false,
        },
        FieldDef {
            json: "resources",
            ty: Ty::Object(&RESOURCE_REQUIREMENTS),
            go: "v1.ResourceRequirements",
            pointer: false,
        },
        FieldDef {
            json: "resizePolicy",
            ty: Ty::List(
                &Ty::Object(&CONTAINER_RESIZE_POLICY),
                "v1.ContainerResizePolicy",
            ),
            go: "[]v1.ContainerResizePolicy",
            pointer: false,
        },
        FieldDef {
            json: "restartPolicy",
            ty: Ty::Enum(&ENUM_CONTAINER_RESTART_POLICY),
            go: "v1.ContainerRestartPolicy",
            pointer: true,
        },
        FieldDef {
            json: "restartPolicyRules",
            ty: Ty::List(
                &Ty::Object(&CONTAINER_RESTART_RULE),
                "v1.ContainerRestartRule",
            ),
            go: "[]v1.ContainerRestartRule",
            pointer: false,
        },
        FieldDef {
            json: "volumeMounts",
            ty: Ty::List(&Ty::Object(&VOLUME_MOUNT), "v1.VolumeMount"),
            go: "[]v1.VolumeMount",
            pointer: false,
        },
        FieldDef {
            json: "volumeDevices",
            ty: Ty::List(&Ty::Object(&VOLUME_DEVICE), "v1.VolumeDevice"),
            go: "[]v1.VolumeDevice",
            pointer: false,
        },
        FieldDef {
            json: "livenessProbe",
            ty: Ty::Object(&PROBE),
            go: "v1.Probe",
            pointer: true,
        },
        FieldDef {
            json: "readinessProbe",
            ty: Ty::Object(&PROBE),
            go: "v1.Probe",
            pointer: true,
        },
        FieldDef {
            json: "startupProbe",
            ty: Ty::Object(&PROBE),
            go: "v1.Probe",
            pointer: true,
        },
        FieldDef {
            json: "lifecycle",
            ty: Ty::Object(&LIFECYCLE),
            go: "v1.Lifecycle",
            pointer: true,
        },
        FieldDef {
            json: "terminationMessagePath",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "terminationMessagePolicy",
            ty: Ty::Enum(&ENUM_TERMINATION_MESSAGE_POLICY),
            go: "v1.TerminationMessagePolicy",
            pointer: false,
        },
        FieldDef {
            json: "imagePullPolicy",
            ty: Ty::Enum(&ENUM_PULL_POLICY),
            go: "v1.PullPolicy",
            pointer: false,
        },
        FieldDef {
            json: "securityContext",
            ty: Ty::Object(&SECURITY_CONTEXT),
            go: "v1.SecurityContext",
            pointer: true,
        },
        FieldDef {
            json: "stdin",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
        FieldDef {
            json: "stdinOnce",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
        FieldDef {
            json: "tty",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
        FieldDef {
            json: "targetContainerName",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static POD_SECURITY_CONTEXT: TypeDef = TypeDef {
    name: "PodSecurityContext",
    fields: &[
        FieldDef {
            json: "seLinuxOptions",
            ty: Ty::Object(&SE_LINUX_OPTIONS),
            go: "v1.SELinuxOptions",
            pointer: true,
        },
        FieldDef {
            json: "windowsOptions",
            ty: Ty::Object(&WINDOWS_SECURITY_CONTEXT_OPTIONS),
            go: "v1.WindowsSecurityContextOptions",
            pointer: true,
        },
        FieldDef {
            json: "runAsUser",
            ty: Ty::Int64,
            go: "int64",
            pointer: true,
        },
        FieldDef {
            json: "runAsGroup",
            ty: Ty::Int64,
            go: "int64",
            pointer: true,
        },
        FieldDef {
            json: "runAsNonRoot",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
        FieldDef {
            json: "supplementalGroups",
            ty: Ty::List(&Ty::Int64, "int64"),
            go: "[]int64",
            pointer: false,
        },
        FieldDef {
            json: "supplementalGroupsPolicy",
            ty: Ty::Enum(&ENUM_SUPPLEMENTAL_GROUPS_POLICY),
            go: "v1.SupplementalGroupsPolicy",
            pointer: true,
        },
        FieldDef {
            json: "fsGroup",
            ty: Ty::Int64,
            go: "int64",
            pointer: true,
        },
        FieldDef {
            json: "sysctls",
            ty: Ty::List(&Ty::Object(&SYSCTL), "v1.Sysctl"),
            go: "[]v1.Sysctl",
            pointer: false,
        },
        FieldDef {
            json: "fsGroupChangePolicy",
            ty: Ty::Enum(&ENUM_POD_FS_GROUP_CHANGE_POLICY),
            go: "v1.PodFSGroupChangePolicy",
            pointer: true,
        },
        FieldDef {
            json: "seccompProfile",
            ty: Ty::Object(&SECCOMP_PROFILE),
            go: "v1.SeccompProfile",
            pointer: true,
        },
        FieldDef {
            json: "appArmorProfile",
            ty: Ty::Object(&APP_ARMOR_PROFILE),
            go: "v1.AppArmorProfile",
            pointer: true,
        },
        FieldDef {
            json: "seLinuxChangePolicy",
            ty: Ty::Enum(&ENUM_POD_SE_LINUX_CHANGE_POLICY),
            go: "v1.PodSELinuxChangePolicy",
            pointer: true,
        },
    ],
};

pub static LOCAL_OBJECT_REFERENCE: TypeDef = TypeDef {
    name: "LocalObjectReference",
    fields: &[FieldDef {
        json: "name",
        ty: Ty::String,
        go: "string",
        pointer: false,
    }],
};

pub static AFFINITY: TypeDef = TypeDef {
    name: "Affinity",
    fields: &[
        FieldDef {
            json: "nodeAffinity",
            ty: Ty::Object(&NODE_AFFINITY),
            go: "v1.NodeAffinity",
            pointer: true,
        },
        FieldDef {
            json: "podAffinity",
            ty: Ty::Object(&POD_AFFINITY),
            go: "v1.PodAffinity",
            pointer: true,
        },
        FieldDef {
            json: "podAntiAffinity",
            ty: Ty::Object(&POD_ANTI_AFFINITY),
            go: "v1.PodAntiAffinity",
            pointer: true,
        },
    ],
};

pub static TOLERATION: TypeDef = TypeDef {
    name: "Toleration",
    fields: &[
        FieldDef {
            json: "key",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "operator",
            ty: Ty::Enum(&ENUM_TOLERATION_OPERATOR),
            go: "v1.TolerationOperator",
            pointer: false,
        },
        FieldDef {
            json: "value",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "effect",
            ty: Ty::Enum(&ENUM_TAINT_EFFECT),
            go: "v1.TaintEffect",
            pointer: false,
        },
        FieldDef {
            json: "tolerationSeconds",
            ty: Ty::Int64,
            go: "int64",
            pointer: true,
        },
    ],
};

pub static HOST_ALIAS: TypeDef = TypeDef {
    name: "HostAlias",
    fields: &[
        FieldDef {
            json: "ip",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "hostnames",
            ty: Ty::List(&Ty::String, "string"),
            go: "[]string",
            pointer: false,
        },
    ],
};

pub static POD_DNS_CONFIG: TypeDef = TypeDef {
    name: "PodDNSConfig",
    fields: &[
        FieldDef {
            json: "nameservers",
            ty: Ty::List(&Ty::String, "string"),
            go: "[]string",
            pointer: false,
        },
        FieldDef {
            json: "searches",
            ty: Ty::List(&Ty::String, "string"),
            go: "[]string",
            pointer: false,
        },
        FieldDef {
            json: "options",
            ty: Ty::List(&Ty::Object(&POD_DNS_CONFIG_OPTION), "v1.PodDNSConfigOption"),
            go: "[]v1.PodDNSConfigOption",
            pointer: false,
        },
    ],
};

pub static POD_READINESS_GATE: TypeDef = TypeDef {
    name: "PodReadinessGate",
    fields: &[FieldDef {
        json: "conditionType",
        ty: Ty::Enum(&ENUM_POD_CONDITION_TYPE),
        go: "v1.PodConditionType",
        pointer: false,
    }],
};

pub static TOPOLOGY_SPREAD_CONSTRAINT: TypeDef = TypeDef {
    name: "TopologySpreadConstraint",
    fields: &[
        FieldDef {
            json: "maxSkew",
            ty: Ty::Int32,
            go: "int32",
            pointer: false,
        },
        FieldDef {
            json: "topologyKey",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "whenUnsatisfiable",
            ty: Ty::Enum(&ENUM_UNSATISFIABLE_CONSTRAINT_ACTION),
            go: "v1.UnsatisfiableConstraintAction",
            pointer: false,
        },
        FieldDef {
            json: "labelSelector",
            ty: Ty::Object(&META_LABEL_SELECTOR),
            go: "v1.LabelSelector",
            pointer: true,
        },
        FieldDef {
            json: "minDomains",
            ty: Ty::Int32,
            go: "int32",
            pointer: true,
        },
        FieldDef {
            json: "nodeAffinityPolicy",
            ty: Ty::Enum(&ENUM_NODE_INCLUSION_POLICY),
            go: "v1.NodeInclusionPolicy",
            pointer: true,
        },
        FieldDef {
            json: "nodeTaintsPolicy",
            ty: Ty::Enum(&ENUM_NODE_INCLUSION_POLICY),
            go: "v1.NodeInclusionPolicy",
            pointer: true,
        },
        FieldDef {
            json: "matchLabelKeys",
            ty: Ty::List(&Ty::String, "string"),
            go: "[]string",
            pointer: false,
        },
    ],
};

pub static POD_OS: TypeDef = TypeDef {
    name: "PodOS",
    fields: &[FieldDef {
        json: "name",
        ty: Ty::Enum(&ENUM_OS_NAME),
        go: "v1.OSName",
        pointer: false,
    }],
};

pub static POD_SCHEDULING_GATE: TypeDef = TypeDef {
    name: "PodSchedulingGate",
    fields: &[FieldDef {
        json: "name",
        ty: Ty::String,
        go: "string",
        pointer: false,
    }],
};

pub static POD_RESOURCE_CLAIM: TypeDef = TypeDef {
    name: "PodResourceClaim",
    fields: &[
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "resourceClaimName",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
        FieldDef {
            json: "resourceClaimTemplateName",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
    ],
};

pub static RESOURCE_REQUIREMENTS: TypeDef = TypeDef {
    name: "ResourceRequirements",
    fields: &[
        FieldDef {
            json: "limits",
            ty: Ty::Map(&Ty::Quantity, "resource.Quantity"),
            go: "v1.ResourceList",
            pointer: false,
        },
        FieldDef {
            json: "requests",
            ty: Ty::Map(&Ty::Quantity, "resource.Quantity"),
            go: "v1.ResourceList",
            pointer: false,
        },
        FieldDef {
            json: "claims",
            ty: Ty::List(&Ty::Object(&RESOURCE_CLAIM), "v1.ResourceClaim"),
            go: "[]v1.ResourceClaim",
            pointer: false,
        },
    ],
};

pub static HOST_PATH_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "HostPathVolumeSource",
    fields: &[
        FieldDef {
            json: "path",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "type",
            ty: Ty::Enum(&ENUM_HOST_PATH_TYPE),
            go: "v1.HostPathType",
            pointer: true,
        },
    ],
};

pub static EMPTY_DIR_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "EmptyDirVolumeSource",
    fields: &[
        FieldDef {
            json: "medium",
            ty: Ty::Enum(&ENUM_STORAGE_MEDIUM),
            go: "v1.StorageMedium",
            pointer: false,
        },
        FieldDef {
            json: "sizeLimit",
            ty: Ty::Quantity,
            go: "resource.Quantity",
            pointer: true,
        },
    ],
};

pub static GCE_PERSISTENT_DISK_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "GCEPersistentDiskVolumeSource",
    fields: &[
        FieldDef {
            json: "pdName",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "fsType",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "partition",
            ty: Ty::Int32,
            go: "int32",
            pointer: false,
        },
        FieldDef {
            json: "readOnly",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
    ],
};

pub static AWS_ELASTIC_BLOCK_STORE_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "AWSElasticBlockStoreVolumeSource",
    fields: &[
        FieldDef {
            json: "volumeID",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "fsType",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "partition",
            ty: Ty::Int32,
            go: "int32",
            pointer: false,
        },
        FieldDef {
            json: "readOnly",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
    ],
};

pub static GIT_REPO_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "GitRepoVolumeSource",
    fields: &[
        FieldDef {
            json: "repository",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "revision",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "directory",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static SECRET_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "SecretVolumeSource",
    fields: &[
        FieldDef {
            json: "secretName",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "items",
            ty: Ty::List(&Ty::Object(&KEY_TO_PATH), "v1.KeyToPath"),
            go: "[]v1.KeyToPath",
            pointer: false,
        },
        FieldDef {
            json: "defaultMode",
            ty: Ty::Int32,
            go: "int32",
            pointer: true,
        },
        FieldDef {
            json: "optional",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
    ],
};

pub static NFS_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "NFSVolumeSource",
    fields: &[
        FieldDef {
            json: "server",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "path",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "readOnly",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
    ],
};

pub static ISCSI_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "ISCSIVolumeSource",
    fields: &[
        FieldDef {
            json: "targetPortal",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "iqn",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "lun",
            ty: Ty::Int32,
            go: "int32",
            pointer: false,
        },
        FieldDef {
            json: "iscsiInterface",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "fsType",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "readOnly",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
        FieldDef {
            json: "portals",
            ty: Ty::List(&Ty::String, "string"),
            go: "[]string",
            pointer: false,
        },
        FieldDef {
            json: "chapAuthDiscovery",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
        FieldDef {
            json: "chapAuthSession",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
        FieldDef {
            json: "secretRef",
            ty: Ty::Object(&LOCAL_OBJECT_REFERENCE),
            go: "v1.LocalObjectReference",
            pointer: true,
        },
        FieldDef {
            json: "initiatorName",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
    ],
};

pub static GLUSTERFS_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "GlusterfsVolumeSource",
    fields: &[
        FieldDef {
            json: "endpoints",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "path",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "readOnly",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
    ],
};

pub static PERSISTENT_VOLUME_CLAIM_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "PersistentVolumeClaimVolumeSource",
    fields: &[
        FieldDef {
            json: "claimName",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "readOnly",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
    ],
};

pub static RBD_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "RBDVolumeSource",
    fields: &[
        FieldDef {
            json: "monitors",
            ty: Ty::List(&Ty::String, "string"),
            go: "[]string",
            pointer: false,
        },
        FieldDef {
            json: "image",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "fsType",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "pool",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "user",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "keyring",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "secretRef",
            ty: Ty::Object(&LOCAL_OBJECT_REFERENCE),
            go: "v1.LocalObjectReference",
            pointer: true,
        },
        FieldDef {
            json: "readOnly",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
    ],
};

pub static FLEX_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "FlexVolumeSource",
    fields: &[
        FieldDef {
            json: "driver",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "fsType",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "secretRef",
            ty: Ty::Object(&LOCAL_OBJECT_REFERENCE),
            go: "v1.LocalObjectReference",
            pointer: true,
        },
        FieldDef {
            json: "readOnly",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
        FieldDef {
            json: "options",
            ty: Ty::Map(&Ty::String, "string"),
            go: "map[string]string",
            pointer: false,
        },
    ],
};

pub static CINDER_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "CinderVolumeSource",
    fields: &[
        FieldDef {
            json: "volumeID",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "fsType",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "readOnly",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
        FieldDef {
            json: "secretRef",
            ty: Ty::Object(&LOCAL_OBJECT_REFERENCE),
            go: "v1.LocalObjectReference",
            pointer: true,
        },
    ],
};

pub static CEPH_FS_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "CephFSVolumeSource",
    fields: &[
        FieldDef {
            json: "monitors",
            ty: Ty::List(&Ty::String, "string"),
            go: "[]string",
            pointer: false,
        },
        FieldDef {
            json: "path",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "user",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "secretFile",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "secretRef",
            ty: Ty::Object(&LOCAL_OBJECT_REFERENCE),
            go: "v1.LocalObjectReference",
            pointer: true,
        },
        FieldDef {
            json: "readOnly",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
    ],
};

pub static FLOCKER_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "FlockerVolumeSource",
    fields: &[
        FieldDef {
            json: "datasetName",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "datasetUUID",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static DOWNWARD_API_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "DownwardAPIVolumeSource",
    fields: &[
        FieldDef {
            json: "items",
            ty: Ty::List(
                &Ty::Object(&DOWNWARD_API_VOLUME_FILE),
                "v1.DownwardAPIVolumeFile",
            ),
            go: "[]v1.DownwardAPIVolumeFile",
            pointer: false,
        },
        FieldDef {
            json: "defaultMode",
            ty: Ty::Int32,
            go: "int32",
            pointer: true,
        },
    ],
};

pub static FC_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "FCVolumeSource",
    fields: &[
        FieldDef {
            json: "targetWWNs",
            ty: Ty::List(&Ty::String, "string"),
            go: "[]string",
            pointer: false,
        },
        FieldDef {
            json: "lun",
            ty: Ty::Int32,
            go: "int32",
            pointer: true,
        },
        FieldDef {
            json: "fsType",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "readOnly",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
        FieldDef {
            json: "wwids",
            ty: Ty::List(&Ty::String, "string"),
            go: "[]string",
            pointer: false,
        },
    ],
};

pub static AZURE_FILE_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "AzureFileVolumeSource",
    fields: &[
        FieldDef {
            json: "secretName",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "shareName",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "readOnly",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
    ],
};

pub static CONFIG_MAP_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "ConfigMapVolumeSource",
    fields: &[
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "items",
            ty: Ty::List(&Ty::Object(&KEY_TO_PATH), "v1.KeyToPath"),
            go: "[]v1.KeyToPath",
            pointer: false,
        },
        FieldDef {
            json: "defaultMode",
            ty: Ty::Int32,
            go: "int32",
            pointer: true,
        },
        FieldDef {
            json: "optional",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
    ],
};

pub static VSPHERE_VIRTUAL_DISK_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "VsphereVirtualDiskVolumeSource",
    fields: &[
        FieldDef {
            json: "volumePath",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "fsType",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "storagePolicyName",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "storagePolicyID",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static QUOBYTE_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "QuobyteVolumeSource",
    fields: &[
        FieldDef {
            json: "registry",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "volume",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "readOnly",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
        FieldDef {
            json: "user",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "group",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "tenant",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static AZURE_DISK_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "AzureDiskVolumeSource",
    fields: &[
        FieldDef {
            json: "diskName",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "diskURI",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "cachingMode",
            ty: Ty::Enum(&ENUM_AZURE_DATA_DISK_CACHING_MODE),
            go: "v1.AzureDataDiskCachingMode",
            pointer: true,
        },
        FieldDef {
            json: "fsType",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
        FieldDef {
            json: "readOnly",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
        FieldDef {
            json: "kind",
            ty: Ty::Enum(&ENUM_AZURE_DATA_DISK_KIND),
            go: "v1.AzureDataDiskKind",
            pointer: true,
        },
    ],
};

pub static PHOTON_PERSISTENT_DISK_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "PhotonPersistentDiskVolumeSource",
    fields: &[
        FieldDef {
            json: "pdID",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "fsType",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static PROJECTED_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "ProjectedVolumeSource",
    fields: &[
        FieldDef {
            json: "sources",
            ty: Ty::List(&Ty::Object(&VOLUME_PROJECTION), "v1.VolumeProjection"),
            go: "[]v1.VolumeProjection",
            pointer: false,
        },
        FieldDef {
            json: "defaultMode",
            ty: Ty::Int32,
            go: "int32",
            pointer: true,
        },
    ],
};

pub static PORTWORX_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "PortworxVolumeSource",
    fields: &[
        FieldDef {
            json: "volumeID",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "fsType",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "readOnly",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
    ],
};

pub static SCALE_IO_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "ScaleIOVolumeSource",
    fields: &[
        FieldDef {
            json: "gateway",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "system",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "secretRef",
            ty: Ty::Object(&LOCAL_OBJECT_REFERENCE),
            go: "v1.LocalObjectReference",
            pointer: true,
        },
        FieldDef {
            json: "sslEnabled",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
        FieldDef {
            json: "protectionDomain",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "storagePool",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "storageMode",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "volumeName",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "fsType",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "readOnly",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
    ],
};

pub static STORAGE_OS_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "StorageOSVolumeSource",
    fields: &[
        FieldDef {
            json: "volumeName",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "volumeNamespace",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "fsType",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "readOnly",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
        FieldDef {
            json: "secretRef",
            ty: Ty::Object(&LOCAL_OBJECT_REFERENCE),
            go: "v1.LocalObjectReference",
            pointer: true,
        },
    ],
};

pub static CSI_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "CSIVolumeSource",
    fields: &[
        FieldDef {
            json: "driver",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "readOnly",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
        FieldDef {
            json: "fsType",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
        FieldDef {
            json: "volumeAttributes",
            ty: Ty::Map(&Ty::String, "string"),
            go: "map[string]string",
            pointer: false,
        },
        FieldDef {
            json: "nodePublishSecretRef",
            ty: Ty::Object(&LOCAL_OBJECT_REFERENCE),
            go: "v1.LocalObjectReference",
            pointer: true,
        },
    ],
};

pub static EPHEMERAL_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "EphemeralVolumeSource",
    fields: &[FieldDef {
        json: "volumeClaimTemplate",
        ty: Ty::Object(&PERSISTENT_VOLUME_CLAIM_TEMPLATE),
        go: "v1.PersistentVolumeClaimTemplate",
        pointer: true,
    }],
};

pub static IMAGE_VOLUME_SOURCE: TypeDef = TypeDef {
    name: "ImageVolumeSource",
    fields: &[
        FieldDef {
            json: "reference",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "pullPolicy",
            ty: Ty::Enum(&ENUM_PULL_POLICY),
            go: "v1.PullPolicy",
            pointer: false,
        },
    ],
};

pub static CONTAINER_PORT: TypeDef = TypeDef {
    name: "ContainerPort",
    fields: &[
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "hostPort",
            ty: Ty::Int32,
            go: "int32",
            pointer: false,
        },
        FieldDef {
            json: "containerPort",
            ty: Ty::Int32,
            go: "int32",
            pointer: false,
        },
        FieldDef {
            json: "protocol",
            ty: Ty::Enum(&ENUM_PROTOCOL),
            go: "v1.Protocol",
            pointer: false,
        },
        FieldDef {
            json: "hostIP",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static ENV_FROM_SOURCE: TypeDef = TypeDef {
    name: "EnvFromSource",
    fields: &[
        FieldDef {
            json: "prefix",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "configMapRef",
            ty: Ty::Object(&CONFIG_MAP_ENV_SOURCE),
            go: "v1.ConfigMapEnvSource",
            pointer: true,
        },
        FieldDef {
            json: "secretRef",
            ty: Ty::Object(&SECRET_ENV_SOURCE),
            go: "v1.SecretEnvSource",
            pointer: true,
        },
    ],
};

pub static ENV_VAR: TypeDef = TypeDef {
    name: "EnvVar",
    fields: &[
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "value",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "valueFrom",
            ty: Ty::Object(&ENV_VAR_SOURCE),
            go: "v1.EnvVarSource",
            pointer: true,
        },
    ],
};

pub static CONTAINER_RESIZE_POLICY: TypeDef = TypeDef {
    name: "ContainerResizePolicy",
    fields: &[
        FieldDef {
            json: "resourceName",
            ty: Ty::Enum(&ENUM_RESOURCE_NAME),
            go: "v1.ResourceName",
            pointer: false,
        },
        FieldDef {
            json: "restartPolicy",
            ty: Ty::Enum(&ENUM_RESOURCE_RESIZE_RESTART_POLICY),
            go: "v1.ResourceResizeRestartPolicy",
            pointer: false,
        },
    ],
};

pub static CONTAINER_RESTART_RULE: TypeDef = TypeDef {
    name: "ContainerRestartRule",
    fields: &[
        FieldDef {
            json: "action",
            ty: Ty::Enum(&ENUM_CONTAINER_RESTART_RULE_ACTION),
            go: "v1.ContainerRestartRuleAction",
            pointer: false,
        },
        FieldDef {
            json: "exitCodes",
            ty: Ty::Object(&CONTAINER_RESTART_RULE_ON_EXIT_CODES),
            go: "v1.ContainerRestartRuleOnExitCodes",
            pointer: true,
        },
    ],
};

pub static VOLUME_MOUNT: TypeDef = TypeDef {
    name: "VolumeMount",
    fields: &[
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "readOnly",
            ty: Ty::Bool,
            go: "bool",
            pointer: false,
        },
        FieldDef {
            json: "recursiveReadOnly",
            ty: Ty::Enum(&ENUM_RECURSIVE_READ_ONLY_MODE),
            go: "v1.RecursiveReadOnlyMode",
            pointer: true,
        },
        FieldDef {
            json: "mountPath",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "subPath",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "mountPropagation",
            ty: Ty::Enum(&ENUM_MOUNT_PROPAGATION_MODE),
            go: "v1.MountPropagationMode",
            pointer: true,
        },
        FieldDef {
            json: "subPathExpr",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static VOLUME_DEVICE: TypeDef = TypeDef {
    name: "VolumeDevice",
    fields: &[
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "devicePath",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static PROBE: TypeDef = TypeDef {
    name: "Probe",
    fields: &[
        FieldDef {
            json: "exec",
            ty: Ty::Object(&EXEC_ACTION),
            go: "v1.ExecAction",
            pointer: true,
        },
        FieldDef {
            json: "httpGet",
            ty: Ty::Object(&HTTP_GET_ACTION),
            go: "v1.HTTPGetAction",
            pointer: true,
        },
        FieldDef {
            json: "tcpSocket",
            ty: Ty::Object(&TCP_SOCKET_ACTION),
            go: "v1.TCPSocketAction",
            pointer: true,
        },
        FieldDef {
            json: "grpc",
            ty: Ty::Object(&GRPC_ACTION),
            go: "v1.GRPCAction",
            pointer: true,
        },
        FieldDef {
            json: "initialDelaySeconds",
            ty: Ty::Int32,
            go: "int32",
            pointer: false,
        },
        FieldDef {
            json: "timeoutSeconds",
            ty: Ty::Int32,
            go: "int32",
            pointer: false,
        },
        FieldDef {
            json: "periodSeconds",
            ty: Ty::Int32,
            go: "int32",
            pointer: false,
        },
        FieldDef {
            json: "successThreshold",
            ty: Ty::Int32,
            go: "int32",
            pointer: false,
        },
        FieldDef {
            json: "failureThreshold",
            ty: Ty::Int32,
            go: "int32",
            pointer: false,
        },
        FieldDef {
            json: "terminationGracePeriodSeconds",
            ty: Ty::Int64,
            go: "int64",
            pointer: true,
        },
    ],
};

pub static LIFECYCLE: TypeDef = TypeDef {
    name: "Lifecycle",
    fields: &[
        FieldDef {
            json: "postStart",
            ty: Ty::Object(&LIFECYCLE_HANDLER),
            go: "v1.LifecycleHandler",
            pointer: true,
        },
        FieldDef {
            json: "preStop",
            ty: Ty::Object(&LIFECYCLE_HANDLER),
            go: "v1.LifecycleHandler",
            pointer: true,
        },
        FieldDef {
            json: "stopSignal",
            ty: Ty::Enum(&ENUM_SIGNAL),
            go: "v1.Signal",
            pointer: true,
        },
    ],
};

pub static SECURITY_CONTEXT: TypeDef = TypeDef {
    name: "SecurityContext",
    fields: &[
        FieldDef {
            json: "capabilities",
            ty: Ty::Object(&CAPABILITIES),
            go: "v1.Capabilities",
            pointer: true,
        },
        FieldDef {
            json: "privileged",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
        FieldDef {
            json: "seLinuxOptions",
            ty: Ty::Object(&SE_LINUX_OPTIONS),
            go: "v1.SELinuxOptions",
            pointer: true,
        },
        FieldDef {
            json: "windowsOptions",
            ty: Ty::Object(&WINDOWS_SECURITY_CONTEXT_OPTIONS),
            go: "v1.WindowsSecurityContextOptions",
            pointer: true,
        },
        FieldDef {
            json: "runAsUser",
            ty: Ty::Int64,
            go: "int64",
            pointer: true,
        },
        FieldDef {
            json: "runAsGroup",
            ty: Ty::Int64,
            go: "int64",
            pointer: true,
        },
        FieldDef {
            json: "runAsNonRoot",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
        FieldDef {
            json: "readOnlyRootFilesystem",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
        FieldDef {
            json: "allowPrivilegeEscalation",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
        FieldDef {
            json: "procMount",
            ty: Ty::Enum(&ENUM_PROC_MOUNT_TYPE),
            go: "v1.ProcMountType",
            pointer: true,
        },
        FieldDef {
            json: "seccompProfile",
            ty: Ty::Object(&SECCOMP_PROFILE),
            go: "v1.SeccompProfile",
            pointer: true,
        },
        FieldDef {
            json: "appArmorProfile",
            ty: Ty::Object(&APP_ARMOR_PROFILE),
            go: "v1.AppArmorProfile",
            pointer: true,
        },
    ],
};

pub static SE_LINUX_OPTIONS: TypeDef = TypeDef {
    name: "SELinuxOptions",
    fields: &[
        FieldDef {
            json: "user",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "role",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "type",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "level",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static WINDOWS_SECURITY_CONTEXT_OPTIONS: TypeDef = TypeDef {
    name: "WindowsSecurityContextOptions",
    fields: &[
        FieldDef {
            json: "gmsaCredentialSpecName",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
        FieldDef {
            json: "gmsaCredentialSpec",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
        FieldDef {
            json: "runAsUserName",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
        FieldDef {
            json: "hostProcess",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
    ],
};

pub static SYSCTL: TypeDef = TypeDef {
    name: "Sysctl",
    fields: &[
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "value",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static SECCOMP_PROFILE: TypeDef = TypeDef {
    name: "SeccompProfile",
    fields: &[
        FieldDef {
            json: "type",
            ty: Ty::Enum(&ENUM_SECCOMP_PROFILE_TYPE),
            go: "v1.SeccompProfileType",
            pointer: false,
        },
        FieldDef {
            json: "localhostProfile",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
    ],
};

pub static APP_ARMOR_PROFILE: TypeDef = TypeDef {
    name: "AppArmorProfile",
    fields: &[
        FieldDef {
            json: "type",
            ty: Ty::Enum(&ENUM_APP_ARMOR_PROFILE_TYPE),
            go: "v1.AppArmorProfileType",
            pointer: false,
        },
        FieldDef {
            json: "localhostProfile",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
    ],
};

pub static NODE_AFFINITY: TypeDef = TypeDef {
    name: "NodeAffinity",
    fields: &[
        FieldDef {
            json: "requiredDuringSchedulingIgnoredDuringExecution",
            ty: Ty::Object(&NODE_SELECTOR),
            go: "v1.NodeSelector",
            pointer: true,
        },
        FieldDef {
            json: "preferredDuringSchedulingIgnoredDuringExecution",
            ty: Ty::List(
                &Ty::Object(&PREFERRED_SCHEDULING_TERM),
                "v1.PreferredSchedulingTerm",
            ),
            go: "[]v1.PreferredSchedulingTerm",
            pointer: false,
        },
    ],
};

pub static POD_AFFINITY: TypeDef = TypeDef {
    name: "PodAffinity",
    fields: &[
        FieldDef {
            json: "requiredDuringSchedulingIgnoredDuringExecution",
            ty: Ty::List(&Ty::Object(&POD_AFFINITY_TERM), "v1.PodAffinityTerm"),
            go: "[]v1.PodAffinityTerm",
            pointer: false,
        },
        FieldDef {
            json: "preferredDuringSchedulingIgnoredDuringExecution",
            ty: Ty::List(
                &Ty::Object(&WEIGHTED_POD_AFFINITY_TERM),
                "v1.WeightedPodAffinityTerm",
            ),
            go: "[]v1.WeightedPodAffinityTerm",
            pointer: false,
        },
    ],
};

pub static POD_ANTI_AFFINITY: TypeDef = TypeDef {
    name: "PodAntiAffinity",
    fields: &[
        FieldDef {
            json: "requiredDuringSchedulingIgnoredDuringExecution",
            ty: Ty::List(&Ty::Object(&POD_AFFINITY_TERM), "v1.PodAffinityTerm"),
            go: "[]v1.PodAffinityTerm",
            pointer: false,
        },
        FieldDef {
            json: "preferredDuringSchedulingIgnoredDuringExecution",
            ty: Ty::List(
                &Ty::Object(&WEIGHTED_POD_AFFINITY_TERM),
                "v1.WeightedPodAffinityTerm",
            ),
            go: "[]v1.WeightedPodAffinityTerm",
            pointer: false,
        },
    ],
};

pub static POD_DNS_CONFIG_OPTION: TypeDef = TypeDef {
    name: "PodDNSConfigOption",
    fields: &[
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "value",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
    ],
};

pub static RESOURCE_CLAIM: TypeDef = TypeDef {
    name: "ResourceClaim",
    fields: &[
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "request",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static KEY_TO_PATH: TypeDef = TypeDef {
    name: "KeyToPath",
    fields: &[
        FieldDef {
            json: "key",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "path",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "mode",
            ty: Ty::Int32,
            go: "int32",
            pointer: true,
        },
    ],
};

pub static DOWNWARD_API_VOLUME_FILE: TypeDef = TypeDef {
    name: "DownwardAPIVolumeFile",
    fields: &[
        FieldDef {
            json: "path",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "fieldRef",
            ty: Ty::Object(&OBJECT_FIELD_SELECTOR),
            go: "v1.ObjectFieldSelector",
            pointer: true,
        },
        FieldDef {
            json: "resourceFieldRef",
            ty: Ty::Object(&RESOURCE_FIELD_SELECTOR),
            go: "v1.ResourceFieldSelector",
            pointer: true,
        },
        FieldDef {
            json: "mode",
            ty: Ty::Int32,
            go: "int32",
            pointer: true,
        },
    ],
};

pub static VOLUME_PROJECTION: TypeDef = TypeDef {
    name: "VolumeProjection",
    fields: &[
        FieldDef {
            json: "secret",
            ty: Ty::Object(&SECRET_PROJECTION),
            go: "v1.SecretProjection",
            pointer: true,
        },
        FieldDef {
            json: "downwardAPI",
            ty: Ty::Object(&DOWNWARD_API_PROJECTION),
            go: "v1.DownwardAPIProjection",
            pointer: true,
        },
        FieldDef {
            json: "configMap",
            ty: Ty::Object(&CONFIG_MAP_PROJECTION),
            go: "v1.ConfigMapProjection",
            pointer: true,
        },
        FieldDef {
            json: "serviceAccountToken",
            ty: Ty::Object(&SERVICE_ACCOUNT_TOKEN_PROJECTION),
            go: "v1.ServiceAccountTokenProjection",
            pointer: true,
        },
        FieldDef {
            json: "clusterTrustBundle",
            ty: Ty::Object(&CLUSTER_TRUST_BUNDLE_PROJECTION),
            go: "v1.ClusterTrustBundleProjection",
            pointer: true,
        },
        FieldDef {
            json: "podCertificate",
            ty: Ty::Object(&POD_CERTIFICATE_PROJECTION),
            go: "v1.PodCertificateProjection",
            pointer: true,
        },
    ],
};

pub static PERSISTENT_VOLUME_CLAIM_TEMPLATE: TypeDef = TypeDef {
    name: "PersistentVolumeClaimTemplate",
    fields: &[
        FieldDef {
            json: "metadata",
            ty: Ty::Object(&META_OBJECT_META),
            go: "v1.ObjectMeta",
            pointer: false,
        },
        FieldDef {
            json: "spec",
            ty: Ty::Object(&PERSISTENT_VOLUME_CLAIM_SPEC),
            go: "v1.PersistentVolumeClaimSpec",
            pointer: false,
        },
    ],
};

pub static CONFIG_MAP_ENV_SOURCE: TypeDef = TypeDef {
    name: "ConfigMapEnvSource",
    fields: &[
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "optional",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
    ],
};

pub static SECRET_ENV_SOURCE: TypeDef = TypeDef {
    name: "SecretEnvSource",
    fields: &[
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "optional",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
    ],
};

pub static ENV_VAR_SOURCE: TypeDef = TypeDef {
    name: "EnvVarSource",
    fields: &[
        FieldDef {
            json: "fieldRef",
            ty: Ty::Object(&OBJECT_FIELD_SELECTOR),
            go: "v1.ObjectFieldSelector",
            pointer: true,
        },
        FieldDef {
            json: "resourceFieldRef",
            ty: Ty::Object(&RESOURCE_FIELD_SELECTOR),
            go: "v1.ResourceFieldSelector",
            pointer: true,
        },
        FieldDef {
            json: "configMapKeyRef",
            ty: Ty::Object(&CONFIG_MAP_KEY_SELECTOR),
            go: "v1.ConfigMapKeySelector",
            pointer: true,
        },
        FieldDef {
            json: "secretKeyRef",
            ty: Ty::Object(&SECRET_KEY_SELECTOR),
            go: "v1.SecretKeySelector",
            pointer: true,
        },
        FieldDef {
            json: "fileKeyRef",
            ty: Ty::Object(&FILE_KEY_SELECTOR),
            go: "v1.FileKeySelector",
            pointer: true,
        },
    ],
};

pub static CONTAINER_RESTART_RULE_ON_EXIT_CODES: TypeDef = TypeDef {
    name: "ContainerRestartRuleOnExitCodes",
    fields: &[
        FieldDef {
            json: "operator",
            ty: Ty::Enum(&ENUM_CONTAINER_RESTART_RULE_ON_EXIT_CODES_OPERATOR),
            go: "v1.ContainerRestartRuleOnExitCodesOperator",
            pointer: false,
        },
        FieldDef {
            json: "values",
            ty: Ty::List(&Ty::Int32, "int32"),
            go: "[]int32",
            pointer: false,
        },
    ],
};

pub static EXEC_ACTION: TypeDef = TypeDef {
    name: "ExecAction",
    fields: &[FieldDef {
        json: "command",
        ty: Ty::List(&Ty::String, "string"),
        go: "[]string",
        pointer: false,
    }],
};

pub static HTTP_GET_ACTION: TypeDef = TypeDef {
    name: "HTTPGetAction",
    fields: &[
        FieldDef {
            json: "path",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "port",
            ty: Ty::IntOrString,
            go: "intstr.IntOrString",
            pointer: false,
        },
        FieldDef {
            json: "host",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "scheme",
            ty: Ty::Enum(&ENUM_URI_SCHEME),
            go: "v1.URIScheme",
            pointer: false,
        },
        FieldDef {
            json: "httpHeaders",
            ty: Ty::List(&Ty::Object(&HTTP_HEADER), "v1.HTTPHeader"),
            go: "[]v1.HTTPHeader",
            pointer: false,
        },
    ],
};

pub static TCP_SOCKET_ACTION: TypeDef = TypeDef {
    name: "TCPSocketAction",
    fields: &[
        FieldDef {
            json: "port",
            ty: Ty::IntOrString,
            go: "intstr.IntOrString",
            pointer: false,
        },
        FieldDef {
            json: "host",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static GRPC_ACTION: TypeDef = TypeDef {
    name: "GRPCAction",
    fields: &[
        FieldDef {
            json: "port",
            ty: Ty::Int32,
            go: "int32",
            pointer: false,
        },
        FieldDef {
            json: "service",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
    ],
};

pub static LIFECYCLE_HANDLER: TypeDef = TypeDef {
    name: "LifecycleHandler",
    fields: &[
        FieldDef {
            json: "exec",
            ty: Ty::Object(&EXEC_ACTION),
            go: "v1.ExecAction",
            pointer: true,
        },
        FieldDef {
            json: "httpGet",
            ty: Ty::Object(&HTTP_GET_ACTION),
            go: "v1.HTTPGetAction",
            pointer: true,
        },
        FieldDef {
            json: "tcpSocket",
            ty: Ty::Object(&TCP_SOCKET_ACTION),
            go: "v1.TCPSocketAction",
            pointer: true,
        },
        FieldDef {
            json: "sleep",
            ty: Ty::Object(&SLEEP_ACTION),
            go: "v1.SleepAction",
            pointer: true,
        },
    ],
};

pub static CAPABILITIES: TypeDef = TypeDef {
    name: "Capabilities",
    fields: &[
        FieldDef {
            json: "add",
            ty: Ty::List(&Ty::String, "v1.Capability"),
            go: "[]v1.Capability",
            pointer: false,
        },
        FieldDef {
            json: "drop",
            ty: Ty::List(&Ty::String, "v1.Capability"),
            go: "[]v1.Capability",
            pointer: false,
        },
    ],
};

pub static NODE_SELECTOR: TypeDef = TypeDef {
    name: "NodeSelector",
    fields: &[FieldDef {
        json: "nodeSelectorTerms",
        ty: Ty::List(&Ty::Object(&NODE_SELECTOR_TERM), "v1.NodeSelectorTerm"),
        go: "[]v1.NodeSelectorTerm",
        pointer: false,
    }],
};

pub static PREFERRED_SCHEDULING_TERM: TypeDef = TypeDef {
    name: "PreferredSchedulingTerm",
    fields: &[
        FieldDef {
            json: "weight",
            ty: Ty::Int32,
            go: "int32",
            pointer: false,
        },
        FieldDef {
            json: "preference",
            ty: Ty::Object(&NODE_SELECTOR_TERM),
            go: "v1.NodeSelectorTerm",
            pointer: false,
        },
    ],
};

pub static POD_AFFINITY_TERM: TypeDef = TypeDef {
    name: "PodAffinityTerm",
    fields: &[
        FieldDef {
            json: "labelSelector",
            ty: Ty::Object(&META_LABEL_SELECTOR),
            go: "v1.LabelSelector",
            pointer: true,
        },
        FieldDef {
            json: "namespaces",
            ty: Ty::List(&Ty::String, "string"),
            go: "[]string",
            pointer: false,
        },
        FieldDef {
            json: "topologyKey",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "namespaceSelector",
            ty: Ty::Object(&META_LABEL_SELECTOR),
            go: "v1.LabelSelector",
            pointer: true,
        },
        FieldDef {
            json: "matchLabelKeys",
            ty: Ty::List(&Ty::String, "string"),
            go: "[]string",
            pointer: false,
        },
        FieldDef {
            json: "mismatchLabelKeys",
            ty: Ty::List(&Ty::String, "string"),
            go: "[]string",
            pointer: false,
        },
    ],
};

pub static WEIGHTED_POD_AFFINITY_TERM: TypeDef = TypeDef {
    name: "WeightedPodAffinityTerm",
    fields: &[
        FieldDef {
            json: "weight",
            ty: Ty::Int32,
            go: "int32",
            pointer: false,
        },
        FieldDef {
            json: "podAffinityTerm",
            ty: Ty::Object(&POD_AFFINITY_TERM),
            go: "v1.PodAffinityTerm",
            pointer: false,
        },
    ],
};

pub static OBJECT_FIELD_SELECTOR: TypeDef = TypeDef {
    name: "ObjectFieldSelector",
    fields: &[
        FieldDef {
            json: "apiVersion",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "fieldPath",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static RESOURCE_FIELD_SELECTOR: TypeDef = TypeDef {
    name: "ResourceFieldSelector",
    fields: &[
        FieldDef {
            json: "containerName",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "resource",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "divisor",
            ty: Ty::Quantity,
            go: "resource.Quantity",
            pointer: false,
        },
    ],
};

pub static SECRET_PROJECTION: TypeDef = TypeDef {
    name: "SecretProjection",
    fields: &[
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "items",
            ty: Ty::List(&Ty::Object(&KEY_TO_PATH), "v1.KeyToPath"),
            go: "[]v1.KeyToPath",
            pointer: false,
        },
        FieldDef {
            json: "optional",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
    ],
};

pub static DOWNWARD_API_PROJECTION: TypeDef = TypeDef {
    name: "DownwardAPIProjection",
    fields: &[FieldDef {
        json: "items",
        ty: Ty::List(
            &Ty::Object(&DOWNWARD_API_VOLUME_FILE),
            "v1.DownwardAPIVolumeFile",
        ),
        go: "[]v1.DownwardAPIVolumeFile",
        pointer: false,
    }],
};

pub static CONFIG_MAP_PROJECTION: TypeDef = TypeDef {
    name: "ConfigMapProjection",
    fields: &[
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "items",
            ty: Ty::List(&Ty::Object(&KEY_TO_PATH), "v1.KeyToPath"),
            go: "[]v1.KeyToPath",
            pointer: false,
        },
        FieldDef {
            json: "optional",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
    ],
};

pub static SERVICE_ACCOUNT_TOKEN_PROJECTION: TypeDef = TypeDef {
    name: "ServiceAccountTokenProjection",
    fields: &[
        FieldDef {
            json: "audience",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "expirationSeconds",
            ty: Ty::Int64,
            go: "int64",
            pointer: true,
        },
        FieldDef {
            json: "path",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static CLUSTER_TRUST_BUNDLE_PROJECTION: TypeDef = TypeDef {
    name: "ClusterTrustBundleProjection",
    fields: &[
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
        FieldDef {
            json: "signerName",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
        FieldDef {
            json: "labelSelector",
            ty: Ty::Object(&META_LABEL_SELECTOR),
            go: "v1.LabelSelector",
            pointer: true,
        },
        FieldDef {
            json: "optional",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
        FieldDef {
            json: "path",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static POD_CERTIFICATE_PROJECTION: TypeDef = TypeDef {
    name: "PodCertificateProjection",
    fields: &[
        FieldDef {
            json: "signerName",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "keyType",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "maxExpirationSeconds",
            ty: Ty::Int32,
            go: "int32",
            pointer: true,
        },
        FieldDef {
            json: "credentialBundlePath",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "keyPath",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "certificateChainPath",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static PERSISTENT_VOLUME_CLAIM_SPEC: TypeDef = TypeDef {
    name: "PersistentVolumeClaimSpec",
    fields: &[
        FieldDef {
            json: "accessModes",
            ty: Ty::List(
                &Ty::Enum(&ENUM_PERSISTENT_VOLUME_ACCESS_MODE),
                "v1.PersistentVolumeAccessMode",
            ),
            go: "[]v1.PersistentVolumeAccessMode",
            pointer: false,
        },
        FieldDef {
            json: "selector",
            ty: Ty::Object(&META_LABEL_SELECTOR),
            go: "v1.LabelSelector",
            pointer: true,
        },
        FieldDef {
            json: "resources",
            ty: Ty::Object(&VOLUME_RESOURCE_REQUIREMENTS),
            go: "v1.VolumeResourceRequirements",
            pointer: false,
        },
        FieldDef {
            json: "volumeName",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "storageClassName",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
        FieldDef {
            json: "volumeMode",
            ty: Ty::Enum(&ENUM_PERSISTENT_VOLUME_MODE),
            go: "v1.PersistentVolumeMode",
            pointer: true,
        },
        FieldDef {
            json: "dataSource",
            ty: Ty::Object(&TYPED_LOCAL_OBJECT_REFERENCE),
            go: "v1.TypedLocalObjectReference",
            pointer: true,
        },
        FieldDef {
            json: "dataSourceRef",
            ty: Ty::Object(&TYPED_OBJECT_REFERENCE),
            go: "v1.TypedObjectReference",
            pointer: true,
        },
        FieldDef {
            json: "volumeAttributesClassName",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
    ],
};

pub static CONFIG_MAP_KEY_SELECTOR: TypeDef = TypeDef {
    name: "ConfigMapKeySelector",
    fields: &[
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "key",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "optional",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
    ],
};

pub static SECRET_KEY_SELECTOR: TypeDef = TypeDef {
    name: "SecretKeySelector",
    fields: &[
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "key",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "optional",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
    ],
};

pub static FILE_KEY_SELECTOR: TypeDef = TypeDef {
    name: "FileKeySelector",
    fields: &[
        FieldDef {
            json: "volumeName",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "path",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "key",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "optional",
            ty: Ty::Bool,
            go: "bool",
            pointer: true,
        },
    ],
};

pub static HTTP_HEADER: TypeDef = TypeDef {
    name: "HTTPHeader",
    fields: &[
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "value",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static SLEEP_ACTION: TypeDef = TypeDef {
    name: "SleepAction",
    fields: &[FieldDef {
        json: "seconds",
        ty: Ty::Int64,
        go: "int64",
        pointer: false,
    }],
};

pub static NODE_SELECTOR_TERM: TypeDef = TypeDef {
    name: "NodeSelectorTerm",
    fields: &[
        FieldDef {
            json: "matchExpressions",
            ty: Ty::List(
                &Ty::Object(&NODE_SELECTOR_REQUIREMENT),
                "v1.NodeSelectorRequirement",
            ),
            go: "[]v1.NodeSelectorRequirement",
            pointer: false,
        },
        FieldDef {
            json: "matchFields",
            ty: Ty::List(
                &Ty::Object(&NODE_SELECTOR_REQUIREMENT),
                "v1.NodeSelectorRequirement",
            ),
            go: "[]v1.NodeSelectorRequirement",
            pointer: false,
        },
    ],
};

pub static VOLUME_RESOURCE_REQUIREMENTS: TypeDef = TypeDef {
    name: "VolumeResourceRequirements",
    fields: &[
        FieldDef {
            json: "limits",
            ty: Ty::Map(&Ty::Quantity, "resource.Quantity"),
            go: "v1.ResourceList",
            pointer: false,
        },
        FieldDef {
            json: "requests",
            ty: Ty::Map(&Ty::Quantity, "resource.Quantity"),
            go: "v1.ResourceList",
            pointer: false,
        },
    ],
};

pub static TYPED_LOCAL_OBJECT_REFERENCE: TypeDef = TypeDef {
    name: "TypedLocalObjectReference",
    fields: &[
        FieldDef {
            json: "apiGroup",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
        FieldDef {
            json: "kind",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
    ],
};

pub static TYPED_OBJECT_REFERENCE: TypeDef = TypeDef {
    name: "TypedObjectReference",
    fields: &[
        FieldDef {
            json: "apiGroup",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
        FieldDef {
            json: "kind",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "name",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "namespace",
            ty: Ty::String,
            go: "string",
            pointer: true,
        },
    ],
};

pub static NODE_SELECTOR_REQUIREMENT: TypeDef = TypeDef {
    name: "NodeSelectorRequirement",
    fields: &[
        FieldDef {
            json: "key",
            ty: Ty::String,
            go: "string",
            pointer: false,
        },
        FieldDef {
            json: "operator",
            ty: Ty::Enum(&ENUM_NODE_SELECTOR_OPERATOR),
            go: "v1.NodeSelectorOperator",
            pointer: false,
        },
        FieldDef {
            json: "values",
            ty: Ty::List(&Ty::String, "string"),
            go: "[]string",
            pointer: false,
        },
    ],
};

/// Every object type, for lookups by name.
pub static ALL_TYPES: &[&TypeDef] = &[
    &BATCH_JOB,
    &BATCH_CRON_JOB,
    &META_OBJECT_META,
    &BATCH_JOB_SPEC,
    &BATCH_JOB_STATUS,
    &BATCH_CRON_JOB_SPEC,
    &BATCH_CRON_JOB_STATUS,
    &META_OWNER_REFERENCE,
    &META_MANAGED_FIELDS_ENTRY,
    &BATCH_POD_FAILURE_POLICY,
    &BATCH_SUCCESS_POLICY,
    &META_LABEL_SELECTOR,
    &POD_TEMPLATE_SPEC,
    &BATCH_JOB_CONDITION,
    &BATCH_UNCOUNTED_TERMINATED_PODS,
    &BATCH_JOB_TEMPLATE_SPEC,
    &OBJECT_REFERENCE,
    &BATCH_POD_FAILURE_POLICY_RULE,
    &BATCH_SUCCESS_POLICY_RULE,
    &META_LABEL_SELECTOR_REQUIREMENT,
    &POD_SPEC,
    &BATCH_POD_FAILURE_POLICY_ON_EXIT_CODES_REQUIREMENT,
    &BATCH_POD_FAILURE_POLICY_ON_POD_CONDITIONS_PATTERN,
    &VOLUME,
    &CONTAINER,
    &EPHEMERAL_CONTAINER,
    &POD_SECURITY_CONTEXT,
    &LOCAL_OBJECT_REFERENCE,
    &AFFINITY,
    &TOLERATION,
    &HOST_ALIAS,
    &POD_DNS_CONFIG,
    &POD_READINESS_GATE,
    &TOPOLOGY_SPREAD_CONSTRAINT,
    &POD_OS,
    &POD_SCHEDULING_GATE,
    &POD_RESOURCE_CLAIM,
    &RESOURCE_REQUIREMENTS,
    &HOST_PATH_VOLUME_SOURCE,
    &EMPTY_DIR_VOLUME_SOURCE,
    &GCE_PERSISTENT_DISK_VOLUME_SOURCE,
    &AWS_ELASTIC_BLOCK_STORE_VOLUME_SOURCE,
    &GIT_REPO_VOLUME_SOURCE,
    &SECRET_VOLUME_SOURCE,
    &NFS_VOLUME_SOURCE,
    &ISCSI_VOLUME_SOURCE,
    &GLUSTERFS_VOLUME_SOURCE,
    &PERSISTENT_VOLUME_CLAIM_VOLUME_SOURCE,
    &RBD_VOLUME_SOURCE,
    &FLEX_VOLUME_SOURCE,
    &CINDER_VOLUME_SOURCE,
    &CEPH_FS_VOLUME_SOURCE,
    &FLOCKER_VOLUME_SOURCE,
    &DOWNWARD_API_VOLUME_SOURCE,
    &FC_VOLUME_SOURCE,
    &AZURE_FILE_VOLUME_SOURCE,
    &CONFIG_MAP_VOLUME_SOURCE,
    &VSPHERE_VIRTUAL_DISK_VOLUME_SOURCE,
    &QUOBYTE_VOLUME_SOURCE,
    &AZURE_DISK_VOLUME_SOURCE,
    &PHOTON_PERSISTENT_DISK_VOLUME_SOURCE,
    &PROJECTED_VOLUME_SOURCE,
    &PORTWORX_VOLUME_SOURCE,
    &SCALE_IO_VOLUME_SOURCE,
    &STORAGE_OS_VOLUME_SOURCE,
    &CSI_VOLUME_SOURCE,
    &EPHEMERAL_VOLUME_SOURCE,
    &IMAGE_VOLUME_SOURCE,
    &CONTAINER_PORT,
    &ENV_FROM_SOURCE,
    &ENV_VAR,
    &CONTAINER_RESIZE_POLICY,
    &CONTAINER_RESTART_RULE,
    &VOLUME_MOUNT,
    &VOLUME_DEVICE,
    &PROBE,
    &LIFECYCLE,
    &SECURITY_CONTEXT,
    &SE_LINUX_OPTIONS,
    &WINDOWS_SECURITY_CONTEXT_OPTIONS,
    &SYSCTL,
    &SECCOMP_PROFILE,
    &APP_ARMOR_PROFILE,
    &NODE_AFFINITY,
    &POD_AFFINITY,
    &POD_ANTI_AFFINITY,
    &POD_DNS_CONFIG_OPTION,
    &RESOURCE_CLAIM,
    &KEY_TO_PATH,
    &DOWNWARD_API_VOLUME_FILE,
    &VOLUME_PROJECTION,
    &PERSISTENT_VOLUME_CLAIM_TEMPLATE,
    &CONFIG_MAP_ENV_SOURCE,
    &SECRET_ENV_SOURCE,
    &ENV_VAR_SOURCE,
    &CONTAINER_RESTART_RULE_ON_EXIT_CODES,
    &EXEC_ACTION,
    &HTTP_GET_ACTION,
    &TCP_SOCKET_ACTION,
    &GRPC_ACTION,
    &LIFECYCLE_HANDLER,
    &CAPABILITIES,
    &NODE_SELECTOR,
    &PREFERRED_SCHEDULING_TERM,
    &POD_AFFINITY_TERM,
    &WEIGHTED_POD_AFFINITY_TERM,
    &OBJECT_FIELD_SELECTOR,
    &RESOURCE_FIELD_SELECTOR,
    &SECRET_PROJECTION,
    &DOWNWARD_API_PROJECTION,
    &CONFIG_MAP_PROJECTION,
    &SERVICE_ACCOUNT_TOKEN_PROJECTION,
    &CLUSTER_TRUST_BUNDLE_PROJECTION,
    &POD_CERTIFICATE_PROJECTION,
    &PERSISTENT_VOLUME_CLAIM_SPEC,
    &CONFIG_MAP_KEY_SELECTOR,
    &SECRET_KEY_SELECTOR,
    &FILE_KEY_SELECTOR,
    &HTTP_HEADER,
    &SLEEP_ACTION,
    &NODE_SELECTOR_TERM,
    &VOLUME_RESOURCE_REQUIREMENTS,
    &TYPED_LOCAL_OBJECT_REFERENCE,
    &TYPED_OBJECT_REFERENCE,
    &NODE_SELECTOR_REQUIREMENT,
];
