//! The rule files, one rule each, and [`ALL`], the registry's list in the order `jobscope rules`
//! prints them: Job lifecycle, CronJob schedule, pod template (batch-specific first, then the
//! checks kube-linter, Polaris, kube-score and Datree have, without their false positives on
//! batch workloads), then the references to objects the documents given together define.

use super::registry::{Rule, normalize_code};

pub(crate) mod active_deadline_missing;
pub(crate) mod backoff_limit_on_failure;
pub(crate) mod capabilities_not_dropped;
pub(crate) mod config_map_not_defined;
pub(crate) mod cpu_limit_missing;
pub(crate) mod cronjob_template_ttl;
pub(crate) mod dangerous_capabilities;
pub(crate) mod deadline_exceeds_period;
pub(crate) mod deprecated_service_account;
pub(crate) mod empty_dir_unbounded;
pub(crate) mod failed_history_zero;
pub(crate) mod failure_policy_disruption_shadowed;
pub(crate) mod failure_policy_never_applies;
pub(crate) mod gpu_toleration_missing;
pub(crate) mod host_namespaces;
pub(crate) mod host_path_volume;
pub(crate) mod host_port;
pub(crate) mod image_latest_tag;
pub(crate) mod indexed_hostname_too_long;
pub(crate) mod job_probes;
pub(crate) mod job_ttl_missing;
pub(crate) mod memory_limit_missing;
pub(crate) mod name_near_limit;
pub(crate) mod prestop_grace_period;
pub(crate) mod priority_class_not_defined;
pub(crate) mod privilege_escalation;
pub(crate) mod privileged_container;
pub(crate) mod probe_port_unknown;
pub(crate) mod proc_mount_unmasked;
pub(crate) mod requests_missing;
pub(crate) mod run_as_root;
pub(crate) mod runtime_socket;
pub(crate) mod schedule_dst_repeat;
pub(crate) mod schedule_dst_skip;
pub(crate) mod schedule_never_fires;
pub(crate) mod schedule_overlap;
pub(crate) mod seccomp_unconfined;
pub(crate) mod secret_in_env;
pub(crate) mod secret_not_defined;
pub(crate) mod service_account_not_defined;
pub(crate) mod service_account_token;
pub(crate) mod ssh_port;
pub(crate) mod starting_deadline_short;
pub(crate) mod starting_deadline_unset_forbid;
pub(crate) mod starting_deadline_zero;
pub(crate) mod time_zone_missing;
pub(crate) mod unknown_ignore_code;
pub(crate) mod unsafe_sysctls;
pub(crate) mod writable_root_filesystem;

/// Every rule, in listing order.
pub(crate) static ALL: [&Rule; 49] = [
    // Job lifecycle.
    &job_ttl_missing::RULE,
    &cronjob_template_ttl::RULE,
    &active_deadline_missing::RULE,
    &backoff_limit_on_failure::RULE,
    &failure_policy_never_applies::RULE,
    &failure_policy_disruption_shadowed::RULE,
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
    &empty_dir_unbounded::RULE,
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
    // References to the objects the documents given together define.
    &service_account_not_defined::RULE,
    &secret_not_defined::RULE,
    &config_map_not_defined::RULE,
    &priority_class_not_defined::RULE,
    // The annotation itself.
    &unknown_ignore_code::RULE,
];

/// Every rule, in the order `jobscope rules` lists them.
pub fn rules() -> &'static [&'static Rule] {
    &ALL
}

/// The rule with this code (`lint.job-ttl-missing`; the `lint.` prefix may be left out).
pub fn rule(code: &str) -> Option<&'static Rule> {
    let wanted = normalize_code(code);
    rules().iter().copied().find(|rule| rule.code == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jobscope_diagnostic::Severity;

    #[test]
    fn codes_are_unique_prefixed_and_never_errors() {
        let mut seen = Vec::new();
        for rule in rules() {
            assert!(rule.code.starts_with("lint."), "{}", rule.code);
            assert!(
                rule.code[5..]
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                "{}",
                rule.code
            );
            assert_ne!(rule.severity, Severity::Error, "{}", rule.code);
            assert!(!seen.contains(&rule.code), "duplicate {}", rule.code);
            seen.push(rule.code);
        }
    }

    #[test]
    fn every_rule_is_documented() {
        for rule in rules() {
            let docs = rule.docs;
            for (section, text) in [
                ("summary", rule.summary),
                ("help", rule.help),
                ("what it does", docs.what_it_does),
                ("why it matters", docs.why_it_matters),
                ("example", docs.example),
                ("use instead", docs.use_instead),
            ] {
                assert!(!text.trim().is_empty(), "{}: empty {section}", rule.code);
            }
            assert!(
                !rule.summary.ends_with('.'),
                "{}: summaries have no trailing period",
                rule.code
            );
        }
    }

    #[test]
    fn lookup_accepts_the_short_form() {
        assert_eq!(
            rule("job-ttl-missing").map(|r| r.code),
            Some("lint.job-ttl-missing")
        );
        assert_eq!(
            rule(" lint.job-ttl-missing ").map(|r| r.code),
            Some("lint.job-ttl-missing")
        );
        assert!(rule("lint.nope").is_none());
    }
}
