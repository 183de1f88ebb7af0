//! The pod validation options (`PodValidationOptions`) a create is checked with: which
//! relaxed or gated rules apply, from the feature gates' defaults in the chosen version (the
//! table in [`crate::version`]).

use crate::version::{Gate, KubernetesVersion, Stage};

/// `PodValidationOptions` for a new object on a v1.34 apiserver with default feature gates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct PodOptions {
    pub(crate) allow_invalid_pod_deletion_cost: bool,
    pub(crate) allow_indivisible_huge_pages_values: bool,
    pub(crate) allow_invalid_label_value_in_selector: bool,
    pub(crate) allow_invalid_topology_spread_constraint_label_selector: bool,
    pub(crate) allow_namespaced_sysctls_for_host_net_and_host_ipc: bool,
    pub(crate) allow_non_local_projected_token_path: bool,
    pub(crate) allow_pod_lifecycle_sleep_action_zero_value: bool,
    pub(crate) pod_level_resources_enabled: bool,
    pub(crate) allow_invalid_label_value_in_required_node_affinity: bool,
    pub(crate) allow_sidecar_resize_policy: bool,
    pub(crate) allow_match_label_keys_in_pod_topology_spread: bool,
    pub(crate) allow_match_label_keys_in_pod_topology_spread_selector_merge: bool,
    pub(crate) allow_container_restart_policy_rules: bool,
    /// `AllowRestartAllContainers` (the RestartAllContainersOnContainerExits gate, v1.36 on):
    /// the rule action `RestartAllContainers`, and rules on sidecars.
    pub(crate) allow_restart_all_containers: bool,
    /// Whether a container's restart rules and their exit codes count as items over their
    /// limits (`Too many: 21: must have at most 20 items`, v1.36 on) rather than bytes
    /// (`Too long: may not be more than 20 bytes`, v1.32–v1.35): kubernetes/kubernetes#137136.
    pub(crate) restart_rule_limits_count_items: bool,
    /// Whether an init container with `restartPolicyRules` but no `restartPolicy` is refused
    /// (`Required value: must specify restartPolicy when restart rules are used`), from v1.35:
    /// in the v1.35.4, v1.35.7 and v1.36 sources, not in v1.34.1's or v1.34.7's (which check an
    /// init container's rules only beside a policy). v1.35.0's source was not found; its
    /// changelog and those of v1.35.1–v1.35.4 list no change to this check, and the likely
    /// origin, #134345 (RestartAllContainers, which rewrote the same function), is in v1.35.0.
    pub(crate) init_restart_rules_need_policy: bool,
    /// Whether an image volume needs `image.reference` in a pod template too, not only in a
    /// Pod (v1.37: kubernetes/kubernetes#135989, "Image volume validation now rejects empty
    /// `image.reference` fields in Pod templates").
    pub(crate) image_reference_required_in_templates: bool,
    /// Whether the ContainerRestartRules gate exists (v1.34 on): while it is off it drops a
    /// container's `restartPolicy`; before it existed nothing did, so validation saw it.
    pub(crate) container_restart_rules_gate_exists: bool,
    pub(crate) allow_user_namespaces_with_volume_devices: bool,
    pub(crate) allow_relaxed_environment_variable_validation: bool,
    pub(crate) allow_relaxed_dns_search_validation: bool,
    pub(crate) allow_env_files_validation: bool,
    pub(crate) allow_only_recursive_selinux_change_policy: bool,
    pub(crate) resource_is_pod: bool,
}

impl Default for PodOptions {
    /// `GetValidationOptionsFromPodSpecAndMeta(new, nil, …)` with v1.34's default gates.
    fn default() -> Self {
        PodOptions {
            allow_invalid_pod_deletion_cost: false,
            allow_indivisible_huge_pages_values: false,
            allow_invalid_label_value_in_selector: false,
            allow_invalid_topology_spread_constraint_label_selector: false,
            allow_namespaced_sysctls_for_host_net_and_host_ipc: false,
            allow_non_local_projected_token_path: false,
            allow_pod_lifecycle_sleep_action_zero_value: true,
            pod_level_resources_enabled: true,
            allow_invalid_label_value_in_required_node_affinity: false,
            allow_sidecar_resize_policy: true,
            allow_match_label_keys_in_pod_topology_spread: true,
            allow_match_label_keys_in_pod_topology_spread_selector_merge: true,
            allow_container_restart_policy_rules: false,
            allow_restart_all_containers: false,
            restart_rule_limits_count_items: false,
            init_restart_rules_need_policy: false,
            image_reference_required_in_templates: false,
            container_restart_rules_gate_exists: true,
            allow_user_namespaces_with_volume_devices: false,
            allow_relaxed_environment_variable_validation: true,
            allow_relaxed_dns_search_validation: true,
            allow_env_files_validation: false,
            allow_only_recursive_selinux_change_policy: true,
            resource_is_pod: false,
        }
    }
}

impl PodOptions {
    /// `GetValidationOptionsFromPodSpecAndMeta(new, nil, …)` with `version`'s default gates:
    /// the options a gate decides follow the table; the others are the same in every supported
    /// version.
    pub(crate) fn for_version(version: KubernetesVersion) -> Self {
        let on = |gate: Gate| gate.enabled(version);
        PodOptions {
            allow_pod_lifecycle_sleep_action_zero_value: on(Gate::PodLifecycleSleepActionAllowZero),
            pod_level_resources_enabled: on(Gate::PodLevelResources),
            allow_sidecar_resize_policy: on(Gate::InPlacePodVerticalScaling),
            allow_container_restart_policy_rules: on(Gate::ContainerRestartRules),
            allow_restart_all_containers: on(Gate::RestartAllContainersOnContainerExits),
            restart_rule_limits_count_items: version >= KubernetesVersion::V1_36,
            init_restart_rules_need_policy: version >= KubernetesVersion::V1_35,
            image_reference_required_in_templates: version >= KubernetesVersion::V1_37,
            container_restart_rules_gate_exists: Gate::ContainerRestartRules.stage(version)
                != Stage::Absent,
            allow_relaxed_dns_search_validation: on(Gate::RelaxedDNSSearchValidation),
            allow_env_files_validation: on(Gate::EnvFiles),
            ..PodOptions::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_is_v1_34() {
        assert_eq!(
            PodOptions::for_version(KubernetesVersion::V1_34),
            PodOptions::default()
        );
    }

    #[test]
    fn gated_options_follow_the_version() {
        let old = PodOptions::for_version(KubernetesVersion::V1_32);
        assert!(!old.allow_pod_lifecycle_sleep_action_zero_value);
        assert!(!old.allow_relaxed_dns_search_validation);
        assert!(!old.pod_level_resources_enabled);
        let new = PodOptions::for_version(KubernetesVersion::V1_35);
        assert!(new.allow_container_restart_policy_rules);
        assert!(new.allow_env_files_validation);
        assert!(!new.allow_restart_all_containers && !new.restart_rule_limits_count_items);
        assert!(new.init_restart_rules_need_policy);
        let v1_34 = PodOptions::for_version(KubernetesVersion::V1_34);
        assert!(!v1_34.init_restart_rules_need_policy);
        let v1_36 = PodOptions::for_version(KubernetesVersion::V1_36);
        assert!(v1_36.allow_restart_all_containers && v1_36.restart_rule_limits_count_items);
        assert!(v1_36.init_restart_rules_need_policy);
        assert!(!v1_36.image_reference_required_in_templates);
        assert!(
            PodOptions::for_version(KubernetesVersion::V1_37).image_reference_required_in_templates
        );
    }
}
