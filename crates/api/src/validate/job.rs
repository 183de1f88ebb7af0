//! pkg/apis/batch/validation (v1.34): `ValidateJob`, `ValidateCronJobCreate` and the spec rules
//! they share, ported rule by rule with the apiserver's messages.

use super::context::{
    Loc, Out, each_invalid, int_of, items_of, nonnegative, quoted_list, required_one_of, str_of,
    to_json,
};
use super::field::BadValue;
use super::meta::{selector_matches, string_pairs, validate_label_selector, validate_object_meta};
use super::names::{
    domain_prefixed_path_problems, is_dns1123_label, is_qualified_name, name_is_dns_subdomain,
};
use super::options::PodOptions;
use super::pod::validate_pod_template_spec;
use super::schedule::{schedule_errors, time_zone_errors};
use crate::manifest::object::Node;
use crate::version::KubernetesVersion;
use jobscope_golang::strings::go_strconv_quote;

const MAX_PARALLELISM_FOR_INDEXED_JOB: i64 = 100_000;
const MAX_FAILED_INDEXES_FOR_INDEXED_JOB: i64 = 100_000;
const COMPLETIONS_SOFT_LIMIT: i64 = 100_000;
const PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS: i64 = 10_000;
const MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS: i64 = 10_000;
const MAX_POD_FAILURE_POLICY_RULES: i64 = 20;
const MAX_ON_EXIT_CODES_VALUES: i64 = 255;
const MAX_ON_POD_CONDITIONS_PATTERNS: i64 = 20;
const MAX_MANAGED_BY_LENGTH: i64 = 63;
const MAX_SUCCEEDED_INDEXES_LENGTH: i64 = 64 * 1024;
const MAX_SUCCESS_POLICY_RULES: i64 = 20;
/// The controller names CronJob runs `<name>-<unix minutes>`: 11 characters more.
pub(crate) const MAX_CRON_JOB_NAME_LENGTH: usize = 63 - 11;

pub(crate) const LEGACY_CONTROLLER_UID_LABEL: &str = "controller-uid";
pub(crate) const LEGACY_JOB_NAME_LABEL: &str = "job-name";
pub(crate) const CONTROLLER_UID_LABEL: &str = "batch.kubernetes.io/controller-uid";
pub(crate) const JOB_NAME_LABEL: &str = "batch.kubernetes.io/job-name";

/// `ValidateJob(job, opts)`: the job after defaulting and the strategy's `PrepareForCreate`.
/// `extra_annotation_bytes`: annotations added besides the written ones (kubectl's).
/// `version`: the apiserver's, whose default gates decide the pod validation options (the
/// manifest's [`crate::manifest::document::Manifest::version`]).
pub fn validate_job(
    job: &Node,
    uid: &str,
    extra_annotation_bytes: usize,
    version: KubernetesVersion,
    out: &mut Out,
) {
    let root = Loc::new("", job.span);
    let (meta, meta_loc) = root.field(Some(job), "metadata");
    validate_object_meta(
        meta,
        &meta_loc,
        name_is_dns_subdomain,
        extra_annotation_bytes,
        out,
    );
    validate_generated_selector(job, uid, true, out);
    let (spec, spec_loc) = root.field(Some(job), "spec");
    validate_job_spec_with_selector(spec, &spec_loc, &PodOptions::for_version(version), out);
    let name = str_of(meta.and_then(|m| m.get("name")));
    let completions = int_of(spec.and_then(|s| s.get("completions")));
    if str_of(spec.and_then(|s| s.get("completionMode"))) == "Indexed"
        && let Some(completions) = completions.filter(|c| *c > 0)
    {
        // Pods of an Indexed Job get the hostname `<name>-<index>`.
        let hostname = format!("{name}-{}", completions - 1);
        if !is_dns1123_label(&hostname).is_empty() {
            let name_loc = meta_loc.child("name", meta.and_then(|m| m.get("name")));
            out.invalid(
                &name_loc,
                BadValue::Str(name.to_owned()),
                format!("will not able to create pod with invalid DNS label: {hostname}"),
            );
        }
    }
}

/// `validateGeneratedSelector`.
fn validate_generated_selector(job: &Node, uid: &str, validate_batch_labels: bool, out: &mut Out) {
    let spec = job.get("spec");
    if spec
        .and_then(|s| s.get("manualSelector"))
        .and_then(Node::as_bool)
        == Some(true)
    {
        return;
    }
    let Some(selector) = spec.and_then(|s| s.get("selector")) else {
        return;
    };
    let name = str_of(job.at(&["metadata", "name"]));
    let template_meta = spec.and_then(|s| s.at(&["template", "metadata"]));
    let meta_loc = Loc::new(
        "spec.template.metadata",
        template_meta.map_or(job.span, |m| m.span),
    );
    let labels = string_pairs(template_meta.and_then(|m| m.get("labels")));
    let mut check = |key: &str, expected: &str| {
        let labels_node = template_meta.and_then(|m| m.get("labels"));
        let label_loc = meta_loc.child("labels", labels_node);
        let value = labels_node.and_then(|l| l.get(key));
        let key_loc = label_loc.key(key, value.map_or(label_loc.span, |v| v.span));
        match value {
            None => out.required(&key_loc, format!("must be '{expected}'")),
            Some(v) if str_of(Some(v)) != expected => {
                out.invalid(
                    &key_loc,
                    BadValue::Json(super::context::string_map_json(&labels)),
                    format!("must be '{expected}'"),
                );
            }
            Some(_) => {}
        }
    };
    check(LEGACY_CONTROLLER_UID_LABEL, uid);
    check(LEGACY_JOB_NAME_LABEL, name);
    let mut expected = Vec::new();
    if validate_batch_labels {
        check(CONTROLLER_UID_LABEL, uid);
        check(JOB_NAME_LABEL, name);
        expected.push((CONTROLLER_UID_LABEL.to_owned(), uid.to_owned()));
        expected.push((JOB_NAME_LABEL.to_owned(), name.to_owned()));
    }
    expected.push((LEGACY_CONTROLLER_UID_LABEL.to_owned(), uid.to_owned()));
    expected.push((LEGACY_JOB_NAME_LABEL.to_owned(), name.to_owned()));
    if selector_matches(Some(selector), &expected) == Some(false) {
        out.invalid(
            &Loc::new("spec.selector", selector.span),
            BadValue::Json(to_json(selector)),
            "`selector` not auto-generated",
        );
    }
}

/// `ValidateJobSpec`: the spec rules plus the selector.
fn validate_job_spec_with_selector(
    spec: Option<&Node>,
    loc: &Loc,
    opts: &PodOptions,
    out: &mut Out,
) {
    validate_job_spec(spec, loc, opts, out);
    let (selector, selector_loc) = loc.field(spec, "selector");
    match selector {
        None => out.required(&selector_loc, ""),
        Some(_) => validate_label_selector(selector, &selector_loc, false, out),
    }
    let template_labels = spec.and_then(|s| s.at(&["template", "metadata", "labels"]));
    if selector_matches(selector, &string_pairs(template_labels)) == Some(false) {
        let labels_loc = loc
            .child("template", None)
            .child("metadata", None)
            .child("labels", template_labels);
        let shown = template_labels.map_or("null".to_owned(), to_json);
        out.invalid(
            &labels_loc,
            BadValue::Json(shown),
            "`selector` does not match template `labels`",
        );
    }
}

/// `validateJobSpec`.
pub(crate) fn validate_job_spec(spec: Option<&Node>, loc: &Loc, opts: &PodOptions, out: &mut Out) {
    let field = |name: &str| loc.field(spec, name);
    for name in [
        "parallelism",
        "completions",
        "activeDeadlineSeconds",
        "backoffLimit",
        "ttlSecondsAfterFinished",
        "backoffLimitPerIndex",
    ] {
        let (node, node_loc) = field(name);
        if let Some(value) = int_of(node) {
            nonnegative(value, &node_loc, out);
        }
    }
    let parallelism = int_of(spec.and_then(|s| s.get("parallelism")));
    let completions = int_of(spec.and_then(|s| s.get("completions")));
    let backoff_limit_per_index = int_of(spec.and_then(|s| s.get("backoffLimitPerIndex")));
    let (max_failed_node, max_failed_loc) = field("maxFailedIndexes");
    let max_failed = int_of(max_failed_node);
    if let Some(value) = max_failed {
        nonnegative(value, &max_failed_loc, out);
        if backoff_limit_per_index.is_none() {
            out.required(
                &loc.child("backoffLimitPerIndex", None),
                "when maxFailedIndexes is specified",
            );
        }
    }
    let (managed_by, managed_by_loc) = field("managedBy");
    if let Some(value) = managed_by.and_then(Node::as_str) {
        if value.is_empty() {
            out.required(&managed_by_loc, "");
        } else {
            for (bad, message) in domain_prefixed_path_problems(value) {
                out.invalid(&managed_by_loc, BadValue::Str(bad), message);
            }
        }
        if value.len() as i64 > MAX_MANAGED_BY_LENGTH {
            out.too_long(&managed_by_loc, MAX_MANAGED_BY_LENGTH);
        }
    }
    let (mode_node, mode_loc) = field("completionMode");
    let mode = mode_node.and_then(Node::as_str);
    let (parallelism_node, parallelism_loc) = field("parallelism");
    if let Some(mode) = mode {
        if mode != "NonIndexed" && mode != "Indexed" {
            // CompletionMode is a named string type: field errors print it as JSON.
            out.not_supported(
                &mode_loc,
                BadValue::json_string(mode),
                &["NonIndexed", "Indexed"],
            );
        }
        if mode == "Indexed" {
            if completions.is_none() {
                out.required(
                    &loc.child("completions", None),
                    "when completion mode is Indexed",
                );
            }
            if let Some(p) = parallelism.filter(|p| *p > MAX_PARALLELISM_FOR_INDEXED_JOB) {
                out.invalid(&parallelism_loc, BadValue::Int(p), format!("must be less than or equal to {MAX_PARALLELISM_FOR_INDEXED_JOB} when completion mode is Indexed"));
            }
            if let (Some(c), Some(m)) = (completions, max_failed)
                && m > c
            {
                out.invalid(
                    &max_failed_loc,
                    BadValue::Int(m),
                    "must be less than or equal to completions",
                );
            }
            if let Some(m) = max_failed.filter(|m| *m > MAX_FAILED_INDEXES_FOR_INDEXED_JOB) {
                out.invalid(
                    &max_failed_loc,
                    BadValue::Int(m),
                    format!("must be less than or equal to {MAX_FAILED_INDEXES_FOR_INDEXED_JOB}"),
                );
            }
            if completions.is_some_and(|c| c > COMPLETIONS_SOFT_LIMIT)
                && backoff_limit_per_index.is_some()
            {
                if max_failed.is_none() {
                    out.required(
                        &max_failed_loc,
                        format!(
                            "must be specified when completions is above {COMPLETIONS_SOFT_LIMIT}"
                        ),
                    );
                }
                if let Some(p) = parallelism.filter(|p| *p > PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS)
                {
                    out.invalid(
                        &parallelism_loc,
                        BadValue::Int(p),
                        format!("must be less than or equal to {PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS} when completions are above {COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index"),
                    );
                }
                if let Some(m) =
                    max_failed.filter(|m| *m > MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS)
                {
                    out.invalid(
                        &max_failed_loc,
                        BadValue::Int(m),
                        format!("must be less than or equal to {MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS} when completions are above {COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index"),
                    );
                }
            }
        }
    }
    let _ = parallelism_node;
    if mode.is_none() || mode == Some("NonIndexed") {
        if let Some(value) = backoff_limit_per_index {
            out.invalid(
                &loc.child(
                    "backoffLimitPerIndex",
                    spec.and_then(|s| s.get("backoffLimitPerIndex")),
                ),
                BadValue::Int(value),
                "requires indexed completion mode",
            );
        }
        if let Some(value) = max_failed {
            out.invalid(
                &max_failed_loc,
                BadValue::Int(value),
                "requires indexed completion mode",
            );
        }
    }

    let (pod_failure_policy, pfp_loc) = field("podFailurePolicy");
    if pod_failure_policy.is_some() {
        validate_pod_failure_policy(spec, pod_failure_policy, &pfp_loc, out);
    }
    let (success_policy, success_loc) = field("successPolicy");
    if let Some(policy) = success_policy {
        if mode.unwrap_or("NonIndexed") != "Indexed" {
            out.invalid(
                &success_loc,
                BadValue::Json(internal_success_policy_json(policy)),
                "requires indexed completion mode",
            );
        } else {
            validate_success_policy(spec, policy, &success_loc, out);
        }
    }
    let (replacement, replacement_loc) = field("podReplacementPolicy");
    if let Some(value) = replacement.and_then(Node::as_str) {
        if pod_failure_policy.is_some() {
            if value != "Failed" {
                out.not_supported(&replacement_loc, BadValue::json_string(value), &["Failed"]);
            }
        } else if value != "Failed" && value != "TerminatingOrFailed" {
            out.not_supported(
                &replacement_loc,
                BadValue::json_string(value),
                &["Failed", "TerminatingOrFailed"],
            );
        }
    }

    let (template, template_loc) = field("template");
    validate_pod_template_spec(template, &template_loc, opts, out);

    // restartPolicy is defaulted to Always when absent, so both spellings fail here.
    let restart = template.and_then(|t| t.at(&["spec", "restartPolicy"]));
    let restart_loc = template_loc
        .child("spec", template.and_then(|t| t.get("spec")))
        .child("restartPolicy", restart);
    match str_of(restart) {
        "Always" | "" => out.required(&restart_loc, "valid values: \"OnFailure\", \"Never\""),
        "OnFailure" | "Never" => {
            if pod_failure_policy.is_some() && str_of(restart) != "Never" {
                out.invalid(
                    &restart_loc,
                    BadValue::json_string(str_of(restart)),
                    "only \"Never\" is supported when podFailurePolicy is specified",
                );
            }
        }
        other => out.not_supported(
            &restart_loc,
            BadValue::json_string(other),
            &["OnFailure", "Never"],
        ),
    }
}

/// The internal `batch.SuccessPolicy` as `json.Marshal` prints it (Go field names, no omitempty).
fn internal_success_policy_json(policy: &Node) -> String {
    let rules: Vec<String> = items_of(policy.get("rules"))
        .iter()
        .map(|rule| {
            let indexes = rule
                .get("succeededIndexes")
                .and_then(Node::as_str)
                .map_or("null".to_owned(), jobscope_golang::strings::go_json_string);
            let count =
                int_of(rule.get("succeededCount")).map_or("null".to_owned(), |c| c.to_string());
            format!("{{\"SucceededIndexes\":{indexes},\"SucceededCount\":{count}}}")
        })
        .collect();
    let rules = if policy.get("rules").is_some() {
        format!("[{}]", rules.join(","))
    } else {
        "null".to_owned()
    };
    format!("{{\"Rules\":{rules}}}")
}

/// `validatePodFailurePolicy`.
fn validate_pod_failure_policy(
    spec: Option<&Node>,
    policy: Option<&Node>,
    loc: &Loc,
    out: &mut Out,
) {
    let (rules, rules_loc) = loc.field(policy, "rules");
    let rules = items_of(rules);
    if rules.len() as i64 > MAX_POD_FAILURE_POLICY_RULES {
        out.too_many(&rules_loc, rules.len() as i64, MAX_POD_FAILURE_POLICY_RULES);
    }
    let pod_spec = spec.and_then(|s| s.at(&["template", "spec"]));
    let mut container_names: Vec<&str> = Vec::new();
    for list in ["containers", "initContainers"] {
        for container in items_of(pod_spec.and_then(|p| p.get(list))) {
            container_names.push(str_of(container.get("name")));
        }
    }
    let backoff_limit_per_index = spec.and_then(|s| s.get("backoffLimitPerIndex"));
    for (index, rule) in rules.iter().enumerate() {
        validate_pod_failure_policy_rule(
            rule,
            &rules_loc.index(index, rule),
            backoff_limit_per_index.is_some(),
            &container_names,
            out,
        );
    }
}

const ACTIONS: [&str; 4] = ["Count", "FailIndex", "FailJob", "Ignore"];

/// `validatePodFailurePolicyRule`.
fn validate_pod_failure_policy_rule(
    rule: &Node,
    loc: &Loc,
    has_backoff_limit_per_index: bool,
    container_names: &[&str],
    out: &mut Out,
) {
    let (action, action_loc) = loc.field(Some(rule), "action");
    match str_of(action) {
        "" => out.required(
            &action_loc,
            format!("valid values: {}", quoted_list(&ACTIONS)),
        ),
        "FailIndex" if !has_backoff_limit_per_index => {
            out.invalid(
                &action_loc,
                BadValue::json_string("FailIndex"),
                "requires the backoffLimitPerIndex to be set",
            );
        }
        value if !ACTIONS.contains(&value) => {
            out.not_supported(&action_loc, BadValue::json_string(value), &ACTIONS)
        }
        _ => {}
    }
    let (on_exit_codes, exit_loc) = loc.field(Some(rule), "onExitCodes");
    if let Some(requirement) = on_exit_codes {
        validate_on_exit_codes(requirement, &exit_loc, container_names, out);
    }
    let (on_conditions, conditions_loc) = loc.field(Some(rule), "onPodConditions");
    let patterns = items_of(on_conditions);
    if !patterns.is_empty() {
        validate_on_pod_conditions(patterns, &conditions_loc, out);
    }
    if on_exit_codes.is_some() && !patterns.is_empty() {
        out.invalid(
            loc,
            BadValue::Omit,
            "specifying both OnExitCodes and OnPodConditions is not supported",
        );
    }
    if on_exit_codes.is_none() && patterns.is_empty() {
        out.invalid(
            loc,
            BadValue::Omit,
            "specifying one of OnExitCodes and OnPodConditions is required",
        );
    }
}

/// `validatePodFailurePolicyRuleOnPodConditions`.
fn validate_on_pod_conditions(patterns: &[Node], loc: &Loc, out: &mut Out) {
    const STATUSES: [&str; 3] = ["False", "True", "Unknown"];
    if patterns.len() as i64 > MAX_ON_POD_CONDITIONS_PATTERNS {
        out.too_many(loc, patterns.len() as i64, MAX_ON_POD_CONDITIONS_PATTERNS);
    }
    for (index, pattern) in patterns.iter().enumerate() {
        let pattern_loc = loc.index(index, pattern);
        let (kind, kind_loc) = pattern_loc.field(Some(pattern), "type");
        each_invalid(
            is_qualified_name(str_of(kind)),
            &kind_loc,
            str_of(kind),
            out,
        );
        let (status, status_loc) = pattern_loc.field(Some(pattern), "status");
        required_one_of(status, &status_loc, &STATUSES, out);
    }
}

/// `validatePodFailurePolicyRuleOnExitCodes`.
fn validate_on_exit_codes(requirement: &Node, loc: &Loc, container_names: &[&str], out: &mut Out) {
    const OPERATORS: [&str; 2] = ["In", "NotIn"];
    let (operator, operator_loc) = loc.field(Some(requirement), "operator");
    required_one_of(operator, &operator_loc, &OPERATORS, out);
    let (container, container_loc) = loc.field(Some(requirement), "containerName");
    if let Some(name) = container.and_then(Node::as_str)
        && !container_names.contains(&name)
    {
        out.invalid(
            &container_loc,
            BadValue::Str(name.to_owned()),
            "must be one of the container or initContainer names in the pod template",
        );
    }
    let (values_node, values_loc) = loc.field(Some(requirement), "values");
    let values = items_of(values_node);
    if values.is_empty() {
        let shown = values_node.map_or("null".to_owned(), to_json);
        out.invalid(
            &values_loc,
            BadValue::Json(shown),
            "at least one value is required",
        );
    } else if values.len() as i64 > MAX_ON_EXIT_CODES_VALUES {
        out.too_many(&values_loc, values.len() as i64, MAX_ON_EXIT_CODES_VALUES);
    }
    let mut ordered = true;
    let mut seen: Vec<i64> = Vec::new();
    let codes: Vec<i64> = values.iter().map(|v| v.as_i64().unwrap_or(0)).collect();
    for (index, value) in values.iter().enumerate() {
        let code = codes[index];
        let value_loc = values_loc.index(index, value);
        if str_of(operator) == "In" && code == 0 {
            out.invalid(
                &value_loc,
                BadValue::Int(code),
                "must not be 0 for the In operator",
            );
        }
        if seen.contains(&code) {
            out.duplicate(&value_loc, BadValue::Int(code));
        } else {
            seen.push(code);
        }
        if index > 0 && codes[index - 1] > code {
            ordered = false;
        }
    }
    if !ordered && let Some(node) = values_node {
        out.invalid(
            &values_loc,
            BadValue::Json(to_json(node)),
            "must be ordered",
        );
    }
}

/// `validateSuccessPolicy`.
fn validate_success_policy(spec: Option<&Node>, policy: &Node, loc: &Loc, out: &mut Out) {
    let (rules_node, rules_loc) = loc.field(Some(policy), "rules");
    let rules = items_of(rules_node);
    if rules.is_empty() {
        out.required(
            &rules_loc,
            "at least one rules must be specified when the successPolicy is specified",
        );
    }
    if rules.len() as i64 > MAX_SUCCESS_POLICY_RULES {
        out.too_many(&rules_loc, rules.len() as i64, MAX_SUCCESS_POLICY_RULES);
    }
    // Indexed mode requires completions; without them Go would read a nil pointer, and the
    // earlier "Required value" already reports it.
    let Some(completions) = int_of(spec.and_then(|s| s.get("completions"))) else {
        return;
    };
    for (index, rule) in rules.iter().enumerate() {
        let rule_loc = rules_loc.index(index, rule);
        let (indexes, indexes_loc) = rule_loc.field(Some(rule), "succeededIndexes");
        let (count, count_loc) = rule_loc.field(Some(rule), "succeededCount");
        if indexes.is_none() && count.is_none() {
            out.required(
                &rule_loc,
                "at least one of succeededCount or succeededIndexes must be specified",
            );
        }
        let mut total = 0;
        if let Some(text) = indexes.and_then(Node::as_str) {
            if text.len() as i64 > MAX_SUCCEEDED_INDEXES_LENGTH {
                out.too_long(&indexes_loc, MAX_SUCCEEDED_INDEXES_LENGTH);
            }
            match validate_indexes_format(text, completions) {
                Ok(value) => total = value,
                Err(message) => {
                    out.invalid(
                        &indexes_loc,
                        BadValue::Str(text.to_owned()),
                        format!("error parsing succeededIndexes: {message}"),
                    );
                }
            }
        }
        if let Some(value) = int_of(count) {
            nonnegative(value, &count_loc, out);
            if value > completions {
                out.invalid(&count_loc, BadValue::Int(value), format!("must be less than or equal to {completions} (the number of specified completions)"));
            }
            if indexes.is_some() && value > total {
                out.invalid(&count_loc, BadValue::Int(value), format!("must be less than or equal to {total} (the number of indexes in the specified succeededIndexes field)"));
            }
        }
    }
}

/// `validateIndexesFormat`: `1,3-5,7`, increasing, below `completions`.
pub(crate) fn validate_indexes_format(text: &str, completions: i64) -> Result<i64, String> {
    if text.is_empty() {
        return Ok(0);
    }
    let mut last: Option<i64> = None;
    let mut total = 0i64;
    for interval in text.split(',') {
        let (x, y) = parse_index_interval(interval, completions)?;
        if let Some(previous) = last
            && previous >= x
        {
            return Err(format!(
                "non-increasing order, previous: {previous}, current: {x}"
            ));
        }
        total += y - x + 1;
        last = Some(y);
    }
    Ok(total)
}

fn parse_index_interval(interval: &str, completions: i64) -> Result<(i64, i64), String> {
    let limits: Vec<&str> = interval.split('-').collect();
    if limits.len() > 2 {
        return Err(format!(
            "the fragment {} violates the requirement that an index interval can have at most two parts separated by '-'",
            go_strconv_quote(interval)
        ));
    }
    let parse = |text: &str| -> Result<i64, String> {
        let digits = text.strip_prefix('+').unwrap_or(text);
        let valid = !digits.is_empty()
            && digits
                .strip_prefix('-')
                .unwrap_or(digits)
                .bytes()
                .all(|b| b.is_ascii_digit());
        if !valid {
            return Err(format!(
                "cannot convert string to integer for index: {}",
                go_strconv_quote(text)
            ));
        }
        text.parse::<i64>().map_err(|_| {
            format!(
                "cannot convert string to integer for index: {}",
                go_strconv_quote(text)
            )
        })
    };
    let x = parse(limits[0])?;
    if x >= completions {
        return Err(format!("too large index: {}", go_strconv_quote(limits[0])));
    }
    if limits.len() > 1 {
        let y = parse(limits[1])?;
        if y >= completions {
            return Err(format!("too large index: {}", go_strconv_quote(limits[1])));
        }
        if x >= y {
            return Err(format!("non-increasing order, previous: {x}, current: {y}"));
        }
        return Ok((x, y));
    }
    Ok((x, x))
}

/// `ValidateCronJobCreate`. `extra_annotation_bytes`: as for [`validate_job`].
pub fn validate_cron_job_create(
    cron_job: &Node,
    extra_annotation_bytes: usize,
    version: KubernetesVersion,
    out: &mut Out,
) {
    let root = Loc::new("", cron_job.span);
    let (meta, meta_loc) = root.field(Some(cron_job), "metadata");
    validate_object_meta(
        meta,
        &meta_loc,
        name_is_dns_subdomain,
        extra_annotation_bytes,
        out,
    );
    let (spec, spec_loc) = root.field(Some(cron_job), "spec");
    validate_cron_job_spec(spec, &spec_loc, &PodOptions::for_version(version), out);
    let name_node = meta.and_then(|m| m.get("name"));
    let name = str_of(name_node);
    if name.len() > MAX_CRON_JOB_NAME_LENGTH {
        out.invalid(
            &meta_loc.child("name", name_node),
            BadValue::Str(name.to_owned()),
            format!("must be no more than {MAX_CRON_JOB_NAME_LENGTH} characters"),
        );
    }
}

/// `validateCronJobSpec` (create: no old spec).
fn validate_cron_job_spec(spec: Option<&Node>, loc: &Loc, opts: &PodOptions, out: &mut Out) {
    let (schedule, schedule_loc) = loc.field(spec, "schedule");
    for error in schedule_errors(str_of(schedule), &schedule_loc.path()) {
        out.error(error, schedule_loc.span);
    }
    let (deadline, deadline_loc) = loc.field(spec, "startingDeadlineSeconds");
    if let Some(value) = int_of(deadline) {
        nonnegative(value, &deadline_loc, out);
    }
    let (time_zone, time_zone_loc) = loc.field(spec, "timeZone");
    for error in time_zone_errors(time_zone.and_then(Node::as_str), &time_zone_loc.path()) {
        out.error(error, time_zone_loc.span);
    }
    let (policy, policy_loc) = loc.field(spec, "concurrencyPolicy");
    match str_of(policy) {
        "Allow" | "Forbid" | "Replace" => {}
        "" => out.required(&policy_loc, ""),
        // ConcurrencyPolicy is a named string type: printed as JSON.
        other => out.not_supported(
            &policy_loc,
            BadValue::json_string(other),
            &["Allow", "Forbid", "Replace"],
        ),
    }
    let (template, template_loc) = loc.field(spec, "jobTemplate");
    validate_job_template_spec(template, &template_loc, opts, out);
    for name in ["successfulJobsHistoryLimit", "failedJobsHistoryLimit"] {
        let (node, node_loc) = loc.field(spec, name);
        if let Some(value) = int_of(node) {
            nonnegative(value, &node_loc, out);
        }
    }
}

/// `ValidateJobTemplateSpec`.
fn validate_job_template_spec(
    template: Option<&Node>,
    loc: &Loc,
    opts: &PodOptions,
    out: &mut Out,
) {
    let (spec, spec_loc) = loc.field(template, "spec");
    validate_job_spec(spec, &spec_loc, opts, out);
    let (selector, selector_loc) = spec_loc.field(spec, "selector");
    if let Some(selector) = selector {
        out.invalid(
            &selector_loc,
            BadValue::Json(to_json(selector)),
            "`selector` will be auto-generated",
        );
    }
    let (manual, manual_loc) = spec_loc.field(spec, "manualSelector");
    if manual.and_then(Node::as_bool) == Some(true) {
        out.not_supported(&manual_loc, BadValue::Bool(true), &["nil", "false"]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_intervals() {
        assert_eq!(validate_indexes_format("0,2-4", 5), Ok(4));
        assert_eq!(
            validate_indexes_format("3,1", 5),
            Err("non-increasing order, previous: 3, current: 1".to_owned())
        );
        assert_eq!(
            validate_indexes_format("7", 5),
            Err("too large index: \"7\"".to_owned())
        );
        assert_eq!(
            validate_indexes_format("a", 5),
            Err("cannot convert string to integer for index: \"a\"".to_owned())
        );
        assert_eq!(
            validate_indexes_format("1-2-3", 5),
            Err("the fragment \"1-2-3\" violates the requirement that an index interval can have at most two parts separated by '-'".to_owned())
        );
    }
}
