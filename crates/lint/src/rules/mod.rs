//! The rule files, one rule each, and [`ALL`], the registry's list in the order `jobscope rules`
//! prints them: Job lifecycle, CronJob schedule, pod template (batch-specific first, then the
//! checks kube-linter and Polaris have, without their false positives on batch workloads).

use super::registry::Rule;

pub mod active_deadline_missing;
pub mod backoff_limit_on_failure;
pub mod capabilities_not_dropped;
pub mod cpu_limit_missing;
pub mod cronjob_template_ttl;
pub mod dangerous_capabilities;
pub mod deadline_exceeds_period;
pub mod deprecated_service_account;
pub mod failed_history_zero;
pub mod failure_policy_never_applies;
pub mod gpu_toleration_missing;
pub mod host_namespaces;
pub mod host_path_volume;
pub mod host_port;
pub mod image_latest_tag;
pub mod indexed_hostname_too_long;
pub mod job_probes;
pub mod job_ttl_missing;
pub mod memory_limit_missing;
pub mod name_near_limit;
pub mod prestop_grace_period;
pub mod privilege_escalation;
pub mod privileged_container;
pub mod probe_port_unknown;
pub mod proc_mount_unmasked;
pub mod requests_missing;
pub mod run_as_root;
pub mod runtime_socket;
pub mod schedule_dst_repeat;
pub mod schedule_dst_skip;
pub mod schedule_never_fires;
pub mod schedule_overlap;
pub mod seccomp_unconfined;
pub mod secret_in_env;
pub mod service_account_token;
pub mod ssh_port;
pub mod starting_deadline_short;
pub mod starting_deadline_unset_forbid;
pub mod starting_deadline_zero;
pub mod time_zone_missing;
pub mod unknown_ignore_code;
pub mod unsafe_sysctls;
pub mod writable_root_filesystem;

/// Every rule, in listing order.
pub static ALL: [&Rule; 43] = [
    // Job lifecycle.
    &job_ttl_missing::RULE,
    &cronjob_template_ttl::RULE,
    &active_deadline_missing::RULE,
    &backoff_limit_on_failure::RULE,
    &failure_policy_never_applies::RULE,
    &indexed_hostname_too_long::RULE,
    // CronJob.
    &name_near_limit::RULE,
    &time_zone_missing::RULE,
    &schedule_dst_skip::RULE,
    &schedule_dst_repeat::RULE,
    &schedule_never_fires::RULE,
    &schedule_overlap::RULE,
    &deadline_exceeds_period::RULE,
    &starting_deadline_zero::RULE,
    &starting_deadline_short::RULE,
    &starting_deadline_unset_forbid::RULE,
    &failed_history_zero::RULE,
    // Pod template, batch-specific.
    &job_probes::RULE,
    &probe_port_unknown::RULE,
    &prestop_grace_period::RULE,
    &gpu_toleration_missing::RULE,
    // Pod template, the peer linters' checks.
    &requests_missing::RULE,
    &memory_limit_missing::RULE,
    &cpu_limit_missing::RULE,
    &image_latest_tag::RULE,
    &secret_in_env::RULE,
    &privileged_container::RULE,
    &privilege_escalation::RULE,
    &run_as_root::RULE,
    &writable_root_filesystem::RULE,
    &dangerous_capabilities::RULE,
    &capabilities_not_dropped::RULE,
    &seccomp_unconfined::RULE,
    &proc_mount_unmasked::RULE,
    &host_namespaces::RULE,
    &host_path_volume::RULE,
    &runtime_socket::RULE,
    &host_port::RULE,
    &unsafe_sysctls::RULE,
    &ssh_port::RULE,
    &service_account_token::RULE,
    &deprecated_service_account::RULE,
    // The annotation itself.
    &unknown_ignore_code::RULE,
];
