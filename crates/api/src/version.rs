//! The Kubernetes minor versions jobscope answers for, and the one table of per-version facts:
//! the feature gates whose default changes, within the supported versions, what the apiserver
//! keeps or accepts in a Job's or CronJob's pod template, or what the Job controller does.
//!
//! Every cell of [`GATES`] was read from upstream's `defaultVersionedKubernetesFeatureGates`
//! (`pkg/features/kube_features.go`); docs/kubernetes-versions.md names the copies read and what
//! each gate drops (`pkg/api/pod/util.go`, `dropDisabledFields`). The apiserver's create path
//! consults this table only: [`crate::manifest::defaults`] drops a field when its gate is off in
//! the chosen version, and [`crate::validate`]'s pod options follow the same cells.
//!
//! Invariant: a gate that changes what a create keeps or accepts is asked for here, never
//! hard-coded for one version; the v1.34 column is what the v1.34 port was checked against.

use std::fmt;

/// A Kubernetes minor version jobscope reproduces (v1.32 to v1.37).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum KubernetesVersion {
    V1_32,
    V1_33,
    /// The version the engine was first ported from: every fixture without a version of its
    /// own is checked against it.
    V1_34,
    V1_35,
    V1_36,
    /// The default: the newest version people run.
    #[default]
    V1_37,
}

impl KubernetesVersion {
    /// Every supported version, oldest first (the order of a [`GateRow`]'s cells).
    pub const ALL: [KubernetesVersion; 6] = [
        KubernetesVersion::V1_32,
        KubernetesVersion::V1_33,
        KubernetesVersion::V1_34,
        KubernetesVersion::V1_35,
        KubernetesVersion::V1_36,
        KubernetesVersion::V1_37,
    ];

    /// The newest supported version.
    pub const NEWEST: KubernetesVersion = KubernetesVersion::V1_37;

    /// The minor number (32 for v1.32).
    pub fn minor(self) -> u32 {
        match self {
            KubernetesVersion::V1_32 => 32,
            KubernetesVersion::V1_33 => 33,
            KubernetesVersion::V1_34 => 34,
            KubernetesVersion::V1_35 => 35,
            KubernetesVersion::V1_36 => 36,
            KubernetesVersion::V1_37 => 37,
        }
    }

    /// The name users write and outputs show: "v1.35".
    pub fn name(self) -> &'static str {
        match self {
            KubernetesVersion::V1_32 => "v1.32",
            KubernetesVersion::V1_33 => "v1.33",
            KubernetesVersion::V1_34 => "v1.34",
            KubernetesVersion::V1_35 => "v1.35",
            KubernetesVersion::V1_36 => "v1.36",
            KubernetesVersion::V1_37 => "v1.37",
        }
    }

    /// Reads "1.35", "v1.35" or "V1.35" (kubeconform's `-kubernetes-version` spelling and ours);
    /// `None` for anything else, a patch version included (gates change only with the minor).
    pub fn parse(text: &str) -> Option<KubernetesVersion> {
        let text = text.trim();
        let bare = text
            .strip_prefix('v')
            .or_else(|| text.strip_prefix('V'))
            .unwrap_or(text);
        Self::ALL.into_iter().find(|v| &v.name()[1..] == bare)
    }

    fn index(self) -> usize {
        (self.minor() - 32) as usize
    }
}

impl fmt::Display for KubernetesVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A feature gate's stage and default in one version (`kube_features.go`'s notation).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// The gate and its field do not exist yet (the field is unknown to the schema).
    Absent,
    AlphaOff,
    BetaOff,
    BetaOn,
    /// GA, locked to its default (on).
    Ga,
    /// The gate is deleted: the feature is unconditional.
    Removed,
}

impl Stage {
    /// Whether the feature is on by default.
    pub fn is_on(self) -> bool {
        matches!(self, Stage::BetaOn | Stage::Ga | Stage::Removed)
    }

    /// The stage for people: `alpha, off by default`.
    pub fn describe(self) -> &'static str {
        match self {
            Stage::Absent => "not yet in the API",
            Stage::AlphaOff => "alpha, off by default",
            Stage::BetaOff => "beta, off by default",
            Stage::BetaOn => "beta, on by default",
            Stage::Ga => "GA, always on",
            Stage::Removed => "removed, the feature always on",
        }
    }
}

/// The gates whose default decides what a create keeps or accepts in a pod template, or what
/// a controller does. Each has the row of [`GATES`] at its position; a new gate goes last and
/// becomes [`Gate::LAST`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gate {
    ContainerRestartRules,
    ImageVolume,
    EnvFiles,
    HostnameOverride,
    PodLevelResources,
    InPlacePodVerticalScaling,
    DynamicResourceAllocation,
    UserNamespacesSupport,
    SupplementalGroupsPolicy,
    SELinuxChangePolicy,
    PodLifecycleSleepActionAllowZero,
    RelaxedDNSSearchValidation,
    ClusterTrustBundleProjection,
    PodCertificateRequest,
    ContainerStopSignals,
    MutableSchedulingDirectivesForSuspendedJobs,
    ProcMountType,
    GenericWorkload,
    RestartAllContainersOnContainerExits,
    MutablePodResourcesForSuspendedJobs,
}

impl Gate {
    /// The last variant: [`GATES`] has one row per variant up to it (checked when compiling).
    pub const LAST: Gate = Gate::MutablePodResourcesForSuspendedJobs;
}

const _: () = assert!(GATES.len() == Gate::LAST as usize + 1);

/// One row of the table: a gate, what it changes on create, its stage in each version.
#[derive(Clone, Copy, Debug)]
pub struct GateRow {
    pub gate: Gate,
    /// The gate's upstream name, as messages show it.
    pub name: &'static str,
    /// What the apiserver does while the gate is off, in our words.
    pub when_off: &'static str,
    /// The stage in each of [`KubernetesVersion::ALL`], in that order.
    pub stages: [Stage; 6],
}

use Stage::{Absent as N, AlphaOff as A, BetaOff as BOff, BetaOn as BOn, Ga as G, Removed as R};

/// The per-version facts (docs/kubernetes-versions.md §1b; columns v1.32 … v1.37).
pub const GATES: &[GateRow] = &[
    GateRow {
        gate: Gate::ContainerRestartRules,
        name: "ContainerRestartRules",
        when_off: "drops containers' restartPolicy and restartPolicyRules (an init container keeps restartPolicy: Always)",
        stages: [N, N, A, BOn, BOn, BOn],
    },
    GateRow {
        gate: Gate::ImageVolume,
        name: "ImageVolume",
        when_off: "drops volumes with an image source and every mount of them",
        stages: [A, BOff, BOff, BOn, G, G],
    },
    GateRow {
        gate: Gate::EnvFiles,
        name: "EnvFiles",
        when_off: "drops env valueFrom.fileKeyRef (and does not validate it)",
        stages: [N, N, A, BOn, BOn, BOn],
    },
    GateRow {
        gate: Gate::HostnameOverride,
        name: "HostnameOverride",
        when_off: "drops spec.hostnameOverride",
        stages: [N, N, A, BOn, BOn, BOn],
    },
    GateRow {
        gate: Gate::PodLevelResources,
        name: "PodLevelResources",
        when_off: "drops spec.resources (pod-level requests and limits)",
        stages: [A, A, BOn, BOn, BOn, BOn],
    },
    GateRow {
        gate: Gate::InPlacePodVerticalScaling,
        name: "InPlacePodVerticalScaling",
        when_off: "drops containers' resizePolicy",
        stages: [A, BOn, BOn, G, G, G],
    },
    GateRow {
        gate: Gate::DynamicResourceAllocation,
        name: "DynamicResourceAllocation",
        when_off: "drops spec.resourceClaims and containers' resources.claims",
        stages: [BOff, BOff, G, G, G, G],
    },
    GateRow {
        gate: Gate::UserNamespacesSupport,
        name: "UserNamespacesSupport",
        when_off: "drops spec.hostUsers (the internal type keeps it in the pod security context)",
        stages: [BOff, BOn, BOn, BOn, G, G],
    },
    GateRow {
        gate: Gate::SupplementalGroupsPolicy,
        name: "SupplementalGroupsPolicy",
        when_off: "drops spec.securityContext.supplementalGroupsPolicy",
        stages: [A, BOn, BOn, G, G, G],
    },
    GateRow {
        gate: Gate::SELinuxChangePolicy,
        name: "SELinuxChangePolicy",
        when_off: "drops spec.securityContext.seLinuxChangePolicy",
        stages: [A, BOn, BOn, BOn, G, G],
    },
    GateRow {
        gate: Gate::PodLifecycleSleepActionAllowZero,
        name: "PodLifecycleSleepActionAllowZero",
        when_off: "rejects a lifecycle sleep of 0 seconds",
        stages: [A, BOn, G, G, G, G],
    },
    GateRow {
        gate: Gate::RelaxedDNSSearchValidation,
        name: "RelaxedDNSSearchValidation",
        when_off: "rejects dnsConfig.searches holding '.' alone or '_'",
        stages: [A, BOn, G, G, G, R],
    },
    GateRow {
        gate: Gate::ClusterTrustBundleProjection,
        name: "ClusterTrustBundleProjection",
        when_off: "drops projected clusterTrustBundle sources",
        stages: [A, BOff, BOff, BOff, BOff, BOff],
    },
    GateRow {
        gate: Gate::PodCertificateRequest,
        name: "PodCertificateRequest",
        when_off: "drops projected podCertificate sources",
        stages: [N, N, A, BOff, BOff, BOff],
    },
    GateRow {
        gate: Gate::ContainerStopSignals,
        name: "ContainerStopSignals",
        when_off: "drops lifecycle.stopSignal (and a lifecycle left empty by that)",
        stages: [N, A, A, A, A, A],
    },
    GateRow {
        gate: Gate::MutableSchedulingDirectivesForSuspendedJobs,
        name: "MutableSchedulingDirectivesForSuspendedJobs",
        when_off: "the Job controller keeps a suspended Job's status.startTime, so a resume checks activeDeadlineSeconds against the first start, and an update may change a suspended Job's scheduling directives only before it first started",
        stages: [N, N, N, A, BOn, BOn],
    },
    GateRow {
        gate: Gate::ProcMountType,
        name: "ProcMountType",
        when_off: "sets containers' securityContext.procMount to Default (the field stays)",
        stages: [BOff, BOn, BOn, BOn, G, G],
    },
    GateRow {
        gate: Gate::GenericWorkload,
        name: "GenericWorkload",
        when_off: "drops spec.workloadRef (v1.35) or spec.schedulingGroup (v1.36 on)",
        stages: [N, N, N, A, A, A],
    },
    GateRow {
        gate: Gate::RestartAllContainersOnContainerExits,
        name: "RestartAllContainersOnContainerExits",
        when_off: "rejects the restart rule action RestartAllContainers and restartPolicyRules on sidecars (init containers with restartPolicy: Always); drops nothing",
        stages: [N, N, N, A, BOn, BOn],
    },
    GateRow {
        gate: Gate::MutablePodResourcesForSuspendedJobs,
        name: "MutablePodResourcesForSuspendedJobs",
        when_off: "an update may not change the containers' resources in a suspended Job's template",
        stages: [N, N, N, A, BOn, BOn],
    },
];

impl Gate {
    /// This gate's row of [`GATES`] (the rows are in the order of the variants: a unit test
    /// walks every variant).
    pub fn row(self) -> &'static GateRow {
        &GATES[self as usize]
    }

    /// The gate's upstream name.
    pub fn name(self) -> &'static str {
        self.row().name
    }

    /// Its stage in `version`.
    pub fn stage(self, version: KubernetesVersion) -> Stage {
        self.row().stages[version.index()]
    }

    /// Whether it is on by default in `version`.
    pub fn enabled(self, version: KubernetesVersion) -> bool {
        self.stage(version).is_on()
    }
}

/// A pod template field a feature gate governs, named by the Go type that holds it (as the
/// schema names it) and its JSON key: what the editor says of it in a version. Where the gate did
/// not exist yet the field is not offered (that apiserver does not know it); where the gate is
/// off it is offered with what a create does to it (the row's `when_off`). The create path's
/// drops are `manifest::defaults::drop_disabled_template_fields`; its test checks that each
/// drop it makes is here, by gate and key. Left out: a container's `restartPolicy` (an init
/// container keeps `Always`) and `procMount` (kept, set to `Default`), which need more than a
/// key to say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GatedField {
    pub owner: &'static str,
    pub field: &'static str,
    pub gate: Gate,
}

const fn gated(owner: &'static str, field: &'static str, gate: Gate) -> GatedField {
    GatedField { owner, field, gate }
}

pub const GATED_FIELDS: &[GatedField] = &[
    gated("PodSpec", "hostUsers", Gate::UserNamespacesSupport),
    gated("PodSpec", "resources", Gate::PodLevelResources),
    gated("PodSpec", "resourceClaims", Gate::DynamicResourceAllocation),
    gated("PodSpec", "hostnameOverride", Gate::HostnameOverride),
    gated(
        "PodSecurityContext",
        "supplementalGroupsPolicy",
        Gate::SupplementalGroupsPolicy,
    ),
    gated(
        "PodSecurityContext",
        "seLinuxChangePolicy",
        Gate::SELinuxChangePolicy,
    ),
    gated("Volume", "image", Gate::ImageVolume),
    gated(
        "VolumeProjection",
        "clusterTrustBundle",
        Gate::ClusterTrustBundleProjection,
    ),
    gated(
        "VolumeProjection",
        "podCertificate",
        Gate::PodCertificateRequest,
    ),
    gated(
        "Container",
        "restartPolicyRules",
        Gate::ContainerRestartRules,
    ),
    gated("Container", "resizePolicy", Gate::InPlacePodVerticalScaling),
    gated(
        "ResourceRequirements",
        "claims",
        Gate::DynamicResourceAllocation,
    ),
    gated("EnvVarSource", "fileKeyRef", Gate::EnvFiles),
    gated("Lifecycle", "stopSignal", Gate::ContainerStopSignals),
];

/// The gate of the field `field` of the Go type `owner`, if one governs it.
pub fn field_gate(owner: &str, field: &str) -> Option<Gate> {
    GATED_FIELDS
        .iter()
        .find(|g| g.owner == owner && g.field == field)
        .map(|g| g.gate)
}

/// A value of an API enum that only some versions accept, and the gate that decides: the
/// editor offers it where the gate is on. The schema's enums hold v1.34's values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GatedValue {
    /// The enum's Go type, as the schema names it (`v1.ContainerRestartRuleAction`).
    pub enum_go: &'static str,
    pub value: &'static str,
    pub gate: Gate,
}

pub const GATED_VALUES: &[GatedValue] = &[GatedValue {
    enum_go: "v1.ContainerRestartRuleAction",
    value: "RestartAllContainers",
    gate: Gate::RestartAllContainersOnContainerExits,
}];

/// The values of the enum `enum_go` that `version` adds to `values` (the schema's).
pub fn enum_values_in(
    enum_go: &str,
    values: &'static [&'static str],
    version: KubernetesVersion,
) -> Vec<&'static str> {
    let added = GATED_VALUES
        .iter()
        .filter(|g| g.enum_go == enum_go && g.gate.enabled(version))
        .map(|g| g.value);
    values.iter().copied().chain(added).collect()
}

/// What the editor says of a gated field in `version`: `None` when the gate is on; else a
/// sentence naming the gate, its stage and what a create does.
pub fn gate_note(gate: Gate, version: KubernetesVersion) -> Option<String> {
    let row = gate.row();
    match gate.stage(version) {
        stage if stage.is_on() => None,
        Stage::Absent => Some(format!(
            "Not in the Kubernetes {version} API: the {} feature gate came later, so this apiserver answers \"unknown field\".",
            row.name
        )),
        stage => Some(format!(
            "Kubernetes {version}: the {} feature gate is {}, so the apiserver {}.",
            row.name,
            stage.describe(),
            row.when_off
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::KubernetesVersion::*;
    use super::*;

    /// Every object type reachable from `def`.
    fn collect_types(
        def: &'static crate::manifest::types::TypeDef,
        out: &mut Vec<&'static crate::manifest::types::TypeDef>,
    ) {
        use crate::manifest::types::Ty;
        if out.contains(&def) {
            return;
        }
        out.push(def);
        for field in def.fields {
            let mut ty = &field.ty;
            while let Ty::List(inner, _) | Ty::Map(inner, _) = ty {
                ty = inner;
            }
            if let Ty::Object(child) = ty {
                collect_types(child, out);
            }
        }
    }

    #[test]
    fn gated_fields_and_values_follow_their_gates() {
        assert_eq!(
            field_gate("Container", "restartPolicyRules"),
            Some(Gate::ContainerRestartRules)
        );
        assert_eq!(field_gate("Container", "image"), None);
        let actions =
            |version| enum_values_in("v1.ContainerRestartRuleAction", &["Restart"], version);
        assert_eq!(actions(V1_35), ["Restart"]);
        assert_eq!(actions(V1_36), ["Restart", "RestartAllContainers"]);
        let note = |version| gate_note(Gate::ContainerRestartRules, version);
        assert!(note(V1_33).unwrap().contains("unknown field"));
        assert_eq!(
            note(V1_34).unwrap(),
            "Kubernetes v1.34: the ContainerRestartRules feature gate is alpha, off by default, so the apiserver drops containers' restartPolicy and restartPolicyRules (an init container keeps restartPolicy: Always)."
        );
        assert_eq!(note(V1_35), None);
        // Each names a field of the schema (a Job's types), once.
        let mut types = Vec::new();
        collect_types(&crate::manifest::schema::BATCH_JOB, &mut types);
        for gated in GATED_FIELDS {
            let owner = types.iter().find(|t| t.name == gated.owner);
            let field = owner.and_then(|owner| owner.field(gated.field));
            assert!(field.is_some(), "{gated:?}");
        }
        for (n, a) in GATED_FIELDS.iter().enumerate() {
            assert!(
                GATED_FIELDS[n + 1..]
                    .iter()
                    .all(|b| (a.owner, a.field) != (b.owner, b.field))
            );
        }
    }

    #[test]
    fn versions_parse_and_display() {
        assert_eq!(KubernetesVersion::parse("1.35"), Some(V1_35));
        assert_eq!(KubernetesVersion::parse("v1.32"), Some(V1_32));
        assert_eq!(KubernetesVersion::parse(" V1.37 "), Some(V1_37));
        for bad in ["", "1.31", "1.38", "v1.35.1", "135", "1.3", "vv1.35"] {
            assert_eq!(KubernetesVersion::parse(bad), None, "{bad}");
        }
        for version in KubernetesVersion::ALL {
            assert_eq!(
                KubernetesVersion::parse(&version.to_string()),
                Some(version)
            );
            assert_eq!(version.to_string(), format!("v1.{}", version.minor()));
        }
        assert_eq!(KubernetesVersion::default(), KubernetesVersion::NEWEST);
        assert_eq!(
            KubernetesVersion::NEWEST,
            *KubernetesVersion::ALL.last().unwrap()
        );
        assert!(KubernetesVersion::ALL.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn every_gate_has_one_row_in_variant_order() {
        for (n, row) in GATES.iter().enumerate() {
            assert_eq!(row.gate as usize, n, "{}", row.name);
            assert_eq!(row.gate.name(), row.name);
            assert_eq!(format!("{:?}", row.gate), row.name);
        }
        assert_eq!(Gate::LAST as usize, GATES.len() - 1);
    }

    /// One assertion per row: the default before and after the change, as the research
    /// document's table gives it.
    fn flips(gate: Gate, off_in: KubernetesVersion, on_in: KubernetesVersion) {
        assert!(!gate.enabled(off_in), "{} off in {off_in}", gate.name());
        assert!(gate.enabled(on_in), "{} on in {on_in}", gate.name());
        // Once on by default, a gate in this range stays on.
        let first_on = KubernetesVersion::ALL
            .into_iter()
            .find(|v| gate.enabled(*v));
        assert_eq!(first_on, Some(on_in), "{}", gate.name());
        assert!(
            KubernetesVersion::ALL
                .into_iter()
                .filter(|v| *v >= on_in)
                .all(|v| gate.enabled(v))
        );
    }

    #[test]
    fn restart_all_containers_on_from_1_36() {
        flips(Gate::RestartAllContainersOnContainerExits, V1_35, V1_36);
    }

    #[test]
    fn container_restart_rules_on_from_1_35() {
        flips(Gate::ContainerRestartRules, V1_34, V1_35);
    }

    #[test]
    fn image_volume_on_from_1_35() {
        flips(Gate::ImageVolume, V1_34, V1_35);
    }

    #[test]
    fn env_files_on_from_1_35() {
        flips(Gate::EnvFiles, V1_34, V1_35);
    }

    #[test]
    fn hostname_override_on_from_1_35() {
        flips(Gate::HostnameOverride, V1_34, V1_35);
    }

    #[test]
    fn pod_level_resources_on_from_1_34() {
        flips(Gate::PodLevelResources, V1_33, V1_34);
    }

    #[test]
    fn in_place_pod_vertical_scaling_on_from_1_33() {
        flips(Gate::InPlacePodVerticalScaling, V1_32, V1_33);
    }

    #[test]
    fn dynamic_resource_allocation_on_from_1_34() {
        flips(Gate::DynamicResourceAllocation, V1_33, V1_34);
    }

    #[test]
    fn user_namespaces_support_on_from_1_33() {
        flips(Gate::UserNamespacesSupport, V1_32, V1_33);
    }

    #[test]
    fn supplemental_groups_policy_on_from_1_33() {
        flips(Gate::SupplementalGroupsPolicy, V1_32, V1_33);
    }

    #[test]
    fn selinux_change_policy_on_from_1_33() {
        flips(Gate::SELinuxChangePolicy, V1_32, V1_33);
    }

    #[test]
    fn sleep_zero_allowed_from_1_33() {
        flips(Gate::PodLifecycleSleepActionAllowZero, V1_32, V1_33);
    }

    #[test]
    fn relaxed_dns_search_from_1_33_and_unconditional_in_1_37() {
        flips(Gate::RelaxedDNSSearchValidation, V1_32, V1_33);
        assert_eq!(
            Gate::RelaxedDNSSearchValidation.stage(V1_37),
            Stage::Removed
        );
    }

    #[test]
    fn suspended_jobs_lose_their_start_time_from_1_36() {
        flips(
            Gate::MutableSchedulingDirectivesForSuspendedJobs,
            V1_35,
            V1_36,
        );
    }

    #[test]
    fn suspended_jobs_resources_mutable_from_1_36() {
        flips(Gate::MutablePodResourcesForSuspendedJobs, V1_35, V1_36);
    }

    #[test]
    fn proc_mount_type_on_from_1_33() {
        flips(Gate::ProcMountType, V1_32, V1_33);
    }

    #[test]
    fn always_off_gates_stay_off() {
        for gate in [
            Gate::GenericWorkload,
            Gate::ClusterTrustBundleProjection,
            Gate::PodCertificateRequest,
            Gate::ContainerStopSignals,
        ] {
            assert!(
                KubernetesVersion::ALL.into_iter().all(|v| !gate.enabled(v)),
                "{}",
                gate.name()
            );
        }
    }
}
