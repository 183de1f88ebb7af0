//! Scheduling fields of a pod spec: affinity, tolerations, topology spread constraints,
//! scheduling and readiness gates, image pull secrets, preemption policy
//! (pkg/apis/core/validation, v1.34).
//!
//! Go passes typed strings (`core.TolerationOperator`, …) and pointers to `field.Invalid` and
//! `field.NotSupported`; the error body prints those as JSON, not with `%q`, so they are
//! reported as `BadValue::json_string` here, and plain Go `string`s as `BadValue::Str`.

use super::context::{Loc, Out, each_invalid, entries_of, int_of, items_of, positive, str_of};
use super::field::BadValue;
use super::meta::{validate_label_selector, validate_label_values};
use super::names::{
    is_qualified_name, is_valid_label_value, name_is_dns_label, name_is_dns_subdomain,
};
use super::options::PodOptions;
use crate::manifest::object::Node;
use jobscope_diagnostic::Span;

/// `validateImagePullSecrets(spec.ImagePullSecrets, fldPath.Child("imagePullSecrets"))`.
pub(crate) fn validate_image_pull_secrets(spec: Option<&Node>, spec_loc: &Loc, out: &mut Out) {
    // Go reports an entry whose fields other than `name` are set ("only name may be set"), but
    // `LocalObjectReference` has no other field, in v1 or internally: nothing can fail here.
    let _ = (spec, spec_loc, out);
}

/// `validateAffinity(spec.Affinity, opts, fldPath.Child("affinity"))`.
pub(crate) fn validate_affinity(
    spec: Option<&Node>,
    spec_loc: &Loc,
    opts: &PodOptions,
    out: &mut Out,
) {
    let (affinity, affinity_loc) = spec_loc.field(spec, "affinity");
    let Some(affinity) = affinity else { return };
    let (node_affinity, node_loc) = affinity_loc.field(Some(affinity), "nodeAffinity");
    if let Some(node_affinity) = node_affinity {
        validate_node_affinity(node_affinity, opts, &node_loc, out);
    }
    let allow_invalid = opts.allow_invalid_label_value_in_selector;
    for name in ["podAffinity", "podAntiAffinity"] {
        // validatePodAffinity and validatePodAntiAffinity are the same checks.
        let (pod_affinity, pod_loc) = affinity_loc.field(Some(affinity), name);
        let Some(pod_affinity) = pod_affinity else {
            continue;
        };
        let (required, required_loc) = pod_loc.field(
            Some(pod_affinity),
            "requiredDuringSchedulingIgnoredDuringExecution",
        );
        for (index, term) in items_of(required).iter().enumerate() {
            validate_pod_affinity_term(term, allow_invalid, &required_loc.index(index, term), out);
        }
        let (preferred, preferred_loc) = pod_loc.field(
            Some(pod_affinity),
            "preferredDuringSchedulingIgnoredDuringExecution",
        );
        for (index, weighted) in items_of(preferred).iter().enumerate() {
            let weighted_loc = preferred_loc.index(index, weighted);
            validate_weight(weighted, &weighted_loc, out);
            let (term, term_loc) = weighted_loc.field(Some(weighted), "podAffinityTerm");
            validate_pod_affinity_term_opt(term, allow_invalid, &term_loc, out);
        }
    }
}

/// `validateNodeAffinity`.
fn validate_node_affinity(node_affinity: &Node, opts: &PodOptions, loc: &Loc, out: &mut Out) {
    let (required, required_loc) = loc.field(
        Some(node_affinity),
        "requiredDuringSchedulingIgnoredDuringExecution",
    );
    if let Some(required) = required {
        validate_node_selector(
            required,
            opts.allow_invalid_label_value_in_required_node_affinity,
            &required_loc,
            out,
        );
    }
    let (preferred, preferred_loc) = loc.field(
        Some(node_affinity),
        "preferredDuringSchedulingIgnoredDuringExecution",
    );
    // ValidatePreferredSchedulingTerms.
    for (index, term) in items_of(preferred).iter().enumerate() {
        let term_loc = preferred_loc.index(index, term);
        validate_weight(term, &term_loc, out);
        // Preferred terms always allow invalid label values (they can still match one node).
        let (preference, preference_loc) = term_loc.field(Some(term), "preference");
        validate_node_selector_term(preference, true, &preference_loc, out);
    }
}

/// The `weight` of a preferred term must be in 1..=100.
fn validate_weight(term: &Node, term_loc: &Loc, out: &mut Out) {
    let (weight, weight_loc) = term_loc.field(Some(term), "weight");
    let value = int_of(weight).unwrap_or(0);
    if value <= 0 || value > 100 {
        out.invalid(
            &weight_loc,
            BadValue::Int(value),
            "must be in the range 1-100",
        );
    }
}

/// `ValidateNodeSelector`.
fn validate_node_selector(
    selector: &Node,
    allow_invalid_label_value: bool,
    loc: &Loc,
    out: &mut Out,
) {
    let (terms, terms_loc) = loc.field(Some(selector), "nodeSelectorTerms");
    if items_of(terms).is_empty() {
        out.required(&terms_loc, "must have at least one node selector term");
        return;
    }
    for (index, term) in items_of(terms).iter().enumerate() {
        validate_node_selector_term(
            Some(term),
            allow_invalid_label_value,
            &terms_loc.index(index, term),
            out,
        );
    }
}

/// `ValidateNodeSelectorTerm`.
fn validate_node_selector_term(
    term: Option<&Node>,
    allow_invalid_label_value: bool,
    loc: &Loc,
    out: &mut Out,
) {
    let (expressions, expressions_loc) = loc.field(term, "matchExpressions");
    for (index, requirement) in items_of(expressions).iter().enumerate() {
        validate_node_selector_requirement(
            requirement,
            allow_invalid_label_value,
            &expressions_loc.index(index, requirement),
            out,
        );
    }
    let (fields, fields_loc) = loc.field(term, "matchFields");
    for (index, requirement) in items_of(fields).iter().enumerate() {
        validate_node_field_selector_requirement(
            requirement,
            &fields_loc.index(index, requirement),
            out,
        );
    }
}

/// `ValidateNodeSelectorRequirement`.
fn validate_node_selector_requirement(
    requirement: &Node,
    allow_invalid_label_value: bool,
    loc: &Loc,
    out: &mut Out,
) {
    let (values, values_loc) = loc.field(Some(requirement), "values");
    let count = items_of(values).len();
    let (operator, operator_loc) = loc.field(Some(requirement), "operator");
    match str_of(operator) {
        "In" | "NotIn" => {
            if count == 0 {
                out.required(
                    &values_loc,
                    "must be specified when `operator` is 'In' or 'NotIn'",
                );
            }
        }
        "Exists" | "DoesNotExist" => {
            if count > 0 {
                out.forbidden(
                    &values_loc,
                    "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
                );
            }
        }
        "Gt" | "Lt" => {
            if count != 1 {
                out.required(
                    &values_loc,
                    "must be specified single value when `operator` is 'Lt' or 'Gt'",
                );
            }
        }
        other => out.invalid(
            &operator_loc,
            BadValue::json_string(other),
            "not a valid selector operator",
        ),
    }
    let (key, key_loc) = loc.field(Some(requirement), "key");
    validate_label_name(str_of(key), &key_loc, out);
    if !allow_invalid_label_value {
        validate_label_values(values, &values_loc, out);
    }
}

/// `ValidateNodeFieldSelectorRequirement`: only `metadata.name` can be selected on.
fn validate_node_field_selector_requirement(requirement: &Node, loc: &Loc, out: &mut Out) {
    let (values, values_loc) = loc.field(Some(requirement), "values");
    let (operator, operator_loc) = loc.field(Some(requirement), "operator");
    match str_of(operator) {
        "In" | "NotIn" => {
            if items_of(values).len() != 1 {
                out.required(&values_loc, "must be only one value when `operator` is 'In' or 'NotIn' for node field selector");
            }
        }
        other => out.invalid(
            &operator_loc,
            BadValue::json_string(other),
            "not a valid selector operator",
        ),
    }
    let (key, key_loc) = loc.field(Some(requirement), "key");
    if str_of(key) == "metadata.name" {
        // nodeFieldSelectorValidators: ValidateNodeName.
        for (index, value) in items_of(values).iter().enumerate() {
            let text = str_of(Some(value));
            each_invalid(
                name_is_dns_subdomain(text, false),
                &values_loc.index(index, value),
                text,
                out,
            );
        }
    } else {
        out.invalid(
            &key_loc,
            BadValue::Str(str_of(key).to_owned()),
            "not a valid field selector key",
        );
    }
}

/// `validatePodAffinityTerm` for a `podAffinityTerm` field (a struct in Go, so its zero value
/// when absent).
fn validate_pod_affinity_term_opt(
    term: Option<&Node>,
    allow_invalid: bool,
    loc: &Loc,
    out: &mut Out,
) {
    match term {
        Some(term) => validate_pod_affinity_term(term, allow_invalid, loc, out),
        None => {
            // A zero PodAffinityTerm: only the topology key is wrong.
            let key_loc = loc.child("topologyKey", None);
            out.required(&key_loc, "can not be empty");
            validate_label_name("", &key_loc, out);
        }
    }
}

/// `validatePodAffinityTerm`.
fn validate_pod_affinity_term(term: &Node, allow_invalid: bool, loc: &Loc, out: &mut Out) {
    // ValidatePodAffinityTermSelector.
    let (selector, selector_loc) = loc.field(Some(term), "labelSelector");
    validate_label_selector(selector, &selector_loc, allow_invalid, out);
    let (namespace_selector, namespace_selector_loc) = loc.field(Some(term), "namespaceSelector");
    validate_label_selector(
        namespace_selector,
        &namespace_selector_loc,
        allow_invalid,
        out,
    );
    let namespaces = term.get("namespaces");
    for name in items_of(namespaces) {
        let text = str_of(Some(name));
        // Go names the field "namespace" (singular) here, without an index.
        each_invalid(
            name_is_dns_label(text, false),
            &loc.child("namespace", Some(name)),
            text,
            out,
        );
    }
    validate_match_label_keys_and_mismatch_label_keys(
        loc,
        term.get("matchLabelKeys"),
        term.get("mismatchLabelKeys"),
        selector,
        out,
    );
    let (key, key_loc) = loc.field(Some(term), "topologyKey");
    if str_of(key).is_empty() {
        out.required(&key_loc, "can not be empty");
    }
    validate_label_name(str_of(key), &key_loc, out);
}

/// metav1 `ValidateLabelName`.
fn validate_label_name(name: &str, loc: &Loc, out: &mut Out) {
    each_invalid(is_qualified_name(name), loc, name, out);
}

/// `ValidateMatchLabelKeysAndMismatchLabelKeys(fldPath, matchLabelKeys, mismatchLabelKeys, labelSelector)`.
fn validate_match_label_keys_and_mismatch_label_keys(
    loc: &Loc,
    match_keys: Option<&Node>,
    mismatch_keys: Option<&Node>,
    selector: Option<&Node>,
    out: &mut Out,
) {
    validate_label_keys(
        &loc.child("matchLabelKeys", match_keys),
        match_keys,
        selector,
        out,
    );
    validate_label_keys(
        &loc.child("mismatchLabelKeys", mismatch_keys),
        mismatch_keys,
        selector,
        out,
    );
    let match_items = items_of(match_keys);
    if let Some(selector) = selector {
        // Go maps each key to its last index in matchLabelKeys.
        let index_of = |key: &str| match_items.iter().rposition(|k| str_of(Some(k)) == key);
        let mut selector_keys: Vec<&str> = entries_of(selector.get("matchLabels"))
            .iter()
            .map(|(k, _)| k.as_str())
            .collect();
        for expression in items_of(selector.get("matchExpressions")) {
            let key = str_of(expression.get("key"));
            if let Some(index) = index_of(key)
                && selector_keys.contains(&key)
                && let Some(item) = match_items.get(index)
            {
                // Go writes fldPath.Index(i) here, without "matchLabelKeys".
                out.invalid(
                    &loc.index(index, item),
                    BadValue::Str(key.to_owned()),
                    "exists in both matchLabelKeys and labelSelector",
                );
            }
            selector_keys.push(key);
        }
    }
    let mismatch: Vec<&str> = items_of(mismatch_keys)
        .iter()
        .map(|k| str_of(Some(k)))
        .collect();
    let match_loc = loc.child("matchLabelKeys", match_keys);
    for (index, item) in match_items.iter().enumerate() {
        let key = str_of(Some(item));
        if mismatch.contains(&key) {
            out.invalid(
                &match_loc.index(index, item),
                BadValue::Str(key.to_owned()),
                "exists in both matchLabelKeys and mismatchLabelKeys",
            );
        }
    }
}

/// `validateLabelKeys`.
fn validate_label_keys(loc: &Loc, keys: Option<&Node>, selector: Option<&Node>, out: &mut Out) {
    let items = items_of(keys);
    if items.is_empty() {
        return;
    }
    if selector.is_none() {
        out.forbidden(loc, "must not be specified when labelSelector is not set");
        return;
    }
    for (index, item) in items.iter().enumerate() {
        validate_label_name(str_of(Some(item)), &loc.index(index, item), out);
    }
}

/// `ValidateMatchLabelKeysInTopologySpread` (the check used before the selector-merge gate).
fn validate_match_label_keys_in_topology_spread(
    loc: &Loc,
    keys: Option<&Node>,
    selector: Option<&Node>,
    out: &mut Out,
) {
    let items = items_of(keys);
    if items.is_empty() {
        return;
    }
    let mut selector_keys: Vec<&str> = Vec::new();
    match selector {
        Some(selector) => {
            selector_keys.extend(
                entries_of(selector.get("matchLabels"))
                    .iter()
                    .map(|(k, _)| k.as_str()),
            );
            selector_keys.extend(
                items_of(selector.get("matchExpressions"))
                    .iter()
                    .map(|e| str_of(e.get("key"))),
            );
        }
        None => out.forbidden(loc, "must not be specified when labelSelector is not set"),
    }
    for (index, item) in items.iter().enumerate() {
        let key = str_of(Some(item));
        let item_loc = loc.index(index, item);
        validate_label_name(key, &item_loc, out);
        if selector_keys.contains(&key) {
            out.invalid(
                &item_loc,
                BadValue::Str(key.to_owned()),
                "exists in both matchLabelKeys and labelSelector",
            );
        }
    }
}

/// `validateReadinessGates`.
pub(crate) fn validate_readiness_gates(spec: Option<&Node>, spec_loc: &Loc, out: &mut Out) {
    let (gates, gates_loc) = spec_loc.field(spec, "readinessGates");
    for (index, gate) in items_of(gates).iter().enumerate() {
        let (condition, condition_loc) = gates_loc
            .index(index, gate)
            .field(Some(gate), "conditionType");
        let text = str_of(condition);
        each_invalid(is_qualified_name(text), &condition_loc, text, out);
    }
}

/// `validateSchedulingGates`: qualified names, no duplicates (both reported at the item).
pub(crate) fn validate_scheduling_gates(spec: Option<&Node>, spec_loc: &Loc, out: &mut Out) {
    let (gates, gates_loc) = spec_loc.field(spec, "schedulingGates");
    let mut seen: Vec<&str> = Vec::new();
    for (index, gate) in items_of(gates).iter().enumerate() {
        let name = str_of(gate.get("name"));
        let gate_loc = gates_loc.index(index, gate);
        let name_loc = gate_loc.at(gate.get("name").map_or(gate.span, |n| n.span));
        each_invalid(is_qualified_name(name), &name_loc, name, out);
        if seen.contains(&name) {
            out.duplicate(&name_loc, BadValue::Str(name.to_owned()));
        }
        seen.push(name);
    }
}

/// `validateTopologySpreadConstraints`.
pub(crate) fn validate_topology_spread_constraints(
    spec: Option<&Node>,
    spec_loc: &Loc,
    opts: &PodOptions,
    out: &mut Out,
) {
    let (constraints, constraints_loc) = spec_loc.field(spec, "topologySpreadConstraints");
    let all = items_of(constraints);
    for (index, constraint) in all.iter().enumerate() {
        let loc = constraints_loc.index(index, constraint);
        let (max_skew, max_skew_loc) = loc.field(Some(constraint), "maxSkew");
        positive(int_of(max_skew).unwrap_or(0), &max_skew_loc, out);
        // ValidateTopologyKey.
        let (key, key_loc) = loc.field(Some(constraint), "topologyKey");
        let topology_key = str_of(key);
        if topology_key.is_empty() {
            out.required(&key_loc, "can not be empty");
        }
        // ValidateWhenUnsatisfiable.
        let (when, when_loc) = loc.field(Some(constraint), "whenUnsatisfiable");
        let action = str_of(when);
        if !matches!(action, "DoNotSchedule" | "ScheduleAnyway") {
            out.not_supported(
                &when_loc,
                BadValue::json_string(action),
                &["DoNotSchedule", "ScheduleAnyway"],
            );
        }
        // ValidateSpreadConstraintNotRepeat: {topologyKey, whenUnsatisfiable} against later ones.
        let repeated = all[index + 1..].iter().any(|other| {
            str_of(other.get("topologyKey")) == topology_key
                && str_of(other.get("whenUnsatisfiable")) == action
        });
        if repeated {
            let pair_loc = loc.child("{topologyKey, whenUnsatisfiable}", Some(constraint));
            out.duplicate(
                &pair_loc,
                BadValue::Str(format!("{{{topology_key}, {action}}}")),
            );
        }
        // validateMinDomains.
        let (min_domains, min_domains_loc) = loc.field(Some(constraint), "minDomains");
        if let Some(value) = int_of(min_domains) {
            positive(value, &min_domains_loc, out);
            if action != "DoNotSchedule" {
                out.invalid(
                    &min_domains_loc,
                    BadValue::Int(value),
                    format!(
                        "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not {action}"
                    ),
                );
            }
        }
        for name in ["nodeAffinityPolicy", "nodeTaintsPolicy"] {
            // validateNodeInclusionPolicy.
            let (policy, policy_loc) = loc.field(Some(constraint), name);
            if let Some(policy) = policy {
                let text = str_of(Some(policy));
                if !matches!(text, "Honor" | "Ignore") {
                    out.not_supported(
                        &policy_loc,
                        BadValue::json_string(text),
                        &["Honor", "Ignore"],
                    );
                }
            }
        }
        let (match_keys, match_keys_loc) = loc.field(Some(constraint), "matchLabelKeys");
        let selector = constraint.get("labelSelector");
        // A new object never has an old pod that violates either rule, so the "preferred"
        // check applies when the selector-merge gate is on, the legacy one otherwise.
        if opts.allow_match_label_keys_in_pod_topology_spread
            && opts.allow_match_label_keys_in_pod_topology_spread_selector_merge
        {
            validate_match_label_keys_and_mismatch_label_keys(
                &loc, match_keys, None, selector, out,
            );
        } else {
            validate_match_label_keys_in_topology_spread(
                &match_keys_loc,
                match_keys,
                selector,
                out,
            );
        }
        if !opts.allow_invalid_topology_spread_constraint_label_selector {
            validate_label_selector(selector, &loc.child("labelSelector", selector), false, out);
        }
    }
}

/// A toleration as `ValidateTolerations` reads it, from the spec or from the tolerations
/// annotation, with the text each part is located at.
#[derive(Clone, Debug, Default)]
pub(super) struct Toleration {
    pub(crate) key: String,
    pub(crate) operator: String,
    pub(crate) value: String,
    pub(crate) effect: String,
    pub(crate) has_seconds: bool,
    pub(crate) span: Span,
    pub(crate) key_span: Span,
    pub(crate) operator_span: Span,
    pub(crate) value_span: Span,
    pub(crate) effect_span: Span,
}

impl Toleration {
    fn from_node(node: &Node) -> Toleration {
        let span_of = |name: &str| node.get(name).map_or(node.span, |n| n.span);
        Toleration {
            key: str_of(node.get("key")).to_owned(),
            operator: str_of(node.get("operator")).to_owned(),
            value: str_of(node.get("value")).to_owned(),
            effect: str_of(node.get("effect")).to_owned(),
            has_seconds: int_of(node.get("tolerationSeconds")).is_some(),
            span: node.span,
            key_span: span_of("key"),
            operator_span: span_of("operator"),
            value_span: span_of("value"),
            effect_span: span_of("effect"),
        }
    }
}

/// `ValidateTolerations(spec.Tolerations, …)` when tolerations are set.
pub(crate) fn validate_tolerations(spec: Option<&Node>, spec_loc: &Loc, out: &mut Out) {
    let (tolerations, loc) = spec_loc.field(spec, "tolerations");
    let list: Vec<Toleration> = items_of(tolerations)
        .iter()
        .map(Toleration::from_node)
        .collect();
    validate_toleration_list(&list, &loc, out);
}

/// `ValidateTolerations(tolerations, fldPath)`.
pub(super) fn validate_toleration_list(tolerations: &[Toleration], loc: &Loc, out: &mut Out) {
    for (index, toleration) in tolerations.iter().enumerate() {
        let item_loc = Loc::new(format!("{}[{index}]", loc.path()), toleration.span);
        let key_loc = Loc::new(format!("{}.key", item_loc.path()), toleration.key_span);
        let operator_loc = Loc::new(
            format!("{}.operator", item_loc.path()),
            toleration.operator_span,
        );
        let effect_loc = Loc::new(
            format!("{}.effect", item_loc.path()),
            toleration.effect_span,
        );
        if !toleration.key.is_empty() {
            validate_label_name(&toleration.key, &key_loc, out);
        }
        // An empty key with Exists (and no value) matches all taints.
        if toleration.key.is_empty() && toleration.operator != "Exists" {
            out.invalid(
                &operator_loc,
                BadValue::json_string(&toleration.operator),
                "operator must be Exists when `key` is empty, which means \"match all values and all keys\"",
            );
        }
        if toleration.has_seconds && toleration.effect != "NoExecute" {
            out.invalid(
                &effect_loc,
                BadValue::json_string(&toleration.effect),
                "effect must be 'NoExecute' when `tolerationSeconds` is set",
            );
        }
        // The value problems are reported at "operator", as Go does.
        let value_loc = operator_loc.at(toleration.value_span);
        match toleration.operator.as_str() {
            "Equal" | "" => {
                let errors = is_valid_label_value(&toleration.value);
                if !errors.is_empty() {
                    out.invalid(
                        &value_loc,
                        BadValue::Str(toleration.value.clone()),
                        errors.join(";"),
                    );
                }
            }
            "Exists" => {
                if !toleration.value.is_empty() {
                    out.invalid(
                        &value_loc,
                        BadValue::Str(toleration.value.clone()),
                        "value must be empty when `operator` is 'Exists'",
                    );
                }
            }
            other => out.not_supported(
                &operator_loc,
                BadValue::json_string(other),
                &["Equal", "Exists"],
            ),
        }
        // validateTaintEffect(&effect, true, …): an empty effect matches all effects.
        if !toleration.effect.is_empty()
            && !matches!(
                toleration.effect.as_str(),
                "NoSchedule" | "PreferNoSchedule" | "NoExecute"
            )
        {
            out.not_supported(
                &effect_loc,
                BadValue::json_string(&toleration.effect),
                &["NoSchedule", "PreferNoSchedule", "NoExecute"],
            );
        }
    }
}

/// `ValidatePreemptionPolicy` when set.
pub(crate) fn validate_preemption_policy(spec: Option<&Node>, spec_loc: &Loc, out: &mut Out) {
    let (policy, loc) = spec_loc.field(spec, "preemptionPolicy");
    let Some(policy) = policy else { return };
    match str_of(Some(policy)) {
        "PreemptLowerPriority" | "Never" => {}
        "" => out.required(&loc, ""),
        // Go passes the *PreemptionPolicy itself: printed as JSON.
        other => out.not_supported(
            &loc,
            BadValue::json_string(other),
            &["PreemptLowerPriority", "Never"],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{messages, pod_spec};
    use super::*;

    const QN_REGEX: &str = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
    const LABEL_VALUE: &str = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

    fn loc() -> Loc {
        Loc::new("spec.template.spec", Span::default())
    }

    fn run(yaml: &str, rule: impl Fn(Option<&Node>, &Loc, &mut Out)) -> Vec<String> {
        let spec = pod_spec(yaml);
        let mut out = Out::default();
        rule(Some(&spec), &loc(), &mut out);
        messages(&out)
    }

    fn affinity(yaml: &str) -> Vec<String> {
        run(yaml, |spec, loc, out| {
            validate_affinity(spec, loc, &PodOptions::default(), out)
        })
    }

    fn spread(yaml: &str, opts: PodOptions) -> Vec<String> {
        run(yaml, |spec, loc, out| {
            validate_topology_spread_constraints(spec, loc, &opts, out)
        })
    }

    #[test]
    fn image_pull_secrets_only_have_a_name() {
        assert!(
            run(
                "imagePullSecrets: [{name: regcred}, {}]",
                validate_image_pull_secrets
            )
            .is_empty()
        );
    }

    #[test]
    fn required_node_affinity_needs_a_term() {
        let found = affinity(
            "affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: []}}}",
        );
        assert_eq!(
            found,
            [
                "spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term"
            ]
        );
        let found = affinity(
            "affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {}}}",
        );
        assert_eq!(found.len(), 1);
        assert!(affinity("affinity: {nodeAffinity: {}}").is_empty());
    }

    #[test]
    fn node_selector_requirements() {
        let found = affinity(
            r#"
affinity:
  nodeAffinity:
    requiredDuringSchedulingIgnoredDuringExecution:
      nodeSelectorTerms:
      - matchExpressions:
        - {key: a/b/c, operator: Foo, values: ["bad value"]}
        - {key: zone, operator: In}
        - {key: zone, operator: Exists, values: [a]}
        - {key: cpu, operator: Gt, values: ["1", "2"]}
        - {key: cpu, operator: Lt, values: ["1"]}
"#,
        );
        let at = "spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions";
        assert_eq!(
            found,
            [
                format!("{at}[0].operator: Invalid value: \"Foo\": not a valid selector operator"),
                format!(
                    "{at}[0].key: Invalid value: \"a/b/c\": a qualified name {QN_REGEX} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
                ),
                format!("{at}[0].values[0]: Invalid value: \"bad value\": {LABEL_VALUE}"),
                format!(
                    "{at}[1].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"
                ),
                format!(
                    "{at}[2].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"
                ),
                format!(
                    "{at}[3].values: Required value: must be specified single value when `operator` is 'Lt' or 'Gt'"
                ),
            ]
        );
    }

    #[test]
    fn node_field_selector_requirements() {
        let found = affinity(
            r#"
affinity:
  nodeAffinity:
    requiredDuringSchedulingIgnoredDuringExecution:
      nodeSelectorTerms:
      - matchFields:
        - {key: metadata.name, operator: In, values: [Node_1, b]}
        - {key: spec.unschedulable, operator: Exists}
        - {key: metadata.name, operator: NotIn, values: [node-1]}
"#,
        );
        let at = "spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields";
        assert_eq!(
            found,
            [
                format!(
                    "{at}[0].values: Required value: must be only one value when `operator` is 'In' or 'NotIn' for node field selector"
                ),
                format!(
                    "{at}[0].values[0]: Invalid value: \"Node_1\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
                ),
                format!(
                    "{at}[1].operator: Invalid value: \"Exists\": not a valid selector operator"
                ),
                format!(
                    "{at}[1].key: Invalid value: \"spec.unschedulable\": not a valid field selector key"
                ),
            ]
        );
    }

    #[test]
    fn preferred_node_terms_check_weight_but_allow_invalid_values() {
        let found = affinity(
            r#"
affinity:
  nodeAffinity:
    preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 0
      preference:
        matchExpressions: [{key: zone, operator: In, values: ["not valid"]}]
    - weight: 101
      preference: {}
    - weight: 100
"#,
        );
        let at = "spec.template.spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution";
        assert_eq!(
            found,
            [
                format!("{at}[0].weight: Invalid value: 0: must be in the range 1-100"),
                format!("{at}[1].weight: Invalid value: 101: must be in the range 1-100"),
            ]
        );
    }

    #[test]
    fn pod_affinity_terms() {
        let found = affinity(
            r#"
affinity:
  podAffinity:
    requiredDuringSchedulingIgnoredDuringExecution:
    - namespaces: [Bad_NS]
      matchLabelKeys: [app]
      namespaceSelector: {matchExpressions: [{key: team, operator: Exists, values: [x]}]}
"#,
        );
        let at = "spec.template.spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]";
        assert_eq!(
            found,
            [
                format!(
                    "{at}.namespaceSelector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"
                ),
                format!(
                    "{at}.namespace: Invalid value: \"Bad_NS\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
                ),
                format!(
                    "{at}.matchLabelKeys: Forbidden: must not be specified when labelSelector is not set"
                ),
                format!("{at}.topologyKey: Required value: can not be empty"),
                format!("{at}.topologyKey: Invalid value: \"\": name part must be non-empty"),
                format!("{at}.topologyKey: Invalid value: \"\": name part {QN_REGEX}"),
            ]
        );
    }

    #[test]
    fn weighted_pod_anti_affinity_terms_and_label_keys() {
        let found = affinity(
            r#"
affinity:
  podAntiAffinity:
    preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 101
      podAffinityTerm:
        labelSelector:
          matchLabels: {app: x}
          matchExpressions: [{key: app, operator: In, values: [web]}]
        matchLabelKeys: [app, tier, "-bad"]
        mismatchLabelKeys: [tier]
        topologyKey: topology.kubernetes.io/zone
    - weight: 5
"#,
        );
        let at = "spec.template.spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution";
        assert_eq!(
            found,
            [
                format!("{at}[0].weight: Invalid value: 101: must be in the range 1-100"),
                format!(
                    "{at}[0].podAffinityTerm.matchLabelKeys[2]: Invalid value: \"-bad\": name part {QN_REGEX}"
                ),
                format!(
                    "{at}[0].podAffinityTerm[0]: Invalid value: \"app\": exists in both matchLabelKeys and labelSelector"
                ),
                format!(
                    "{at}[0].podAffinityTerm.matchLabelKeys[1]: Invalid value: \"tier\": exists in both matchLabelKeys and mismatchLabelKeys"
                ),
                // A weighted term without podAffinityTerm has an empty topology key.
                format!("{at}[1].podAffinityTerm.topologyKey: Required value: can not be empty"),
                format!(
                    "{at}[1].podAffinityTerm.topologyKey: Invalid value: \"\": name part must be non-empty"
                ),
                format!(
                    "{at}[1].podAffinityTerm.topologyKey: Invalid value: \"\": name part {QN_REGEX}"
                ),
            ]
        );
    }

    #[test]
    fn pod_affinity_label_selector_values() {
        let yaml = r#"
affinity:
  podAffinity:
    requiredDuringSchedulingIgnoredDuringExecution:
    - labelSelector: {matchExpressions: [{key: app, operator: In, values: ["a b"]}]}
      topologyKey: zone
"#;
        let at = "spec.template.spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0]";
        assert_eq!(
            affinity(yaml),
            [format!(
                "{at}.labelSelector.matchExpressions[0].values[0]: Invalid value: \"a b\": {LABEL_VALUE}"
            )]
        );
        let lenient = PodOptions {
            allow_invalid_label_value_in_selector: true,
            ..PodOptions::default()
        };
        assert!(
            run(yaml, |spec, loc, out| validate_affinity(
                spec, loc, &lenient, out
            ))
            .is_empty()
        );
    }

    #[test]
    fn readiness_gates_are_qualified_names() {
        let found = run(
            "readinessGates: [{conditionType: example.com/ready}, {conditionType: bad gate}]",
            validate_readiness_gates,
        );
        assert_eq!(
            found,
            [format!(
                "spec.template.spec.readinessGates[1].conditionType: Invalid value: \"bad gate\": name part {QN_REGEX}"
            )]
        );
    }

    #[test]
    fn scheduling_gates_are_unique_qualified_names() {
        let found = run(
            "schedulingGates: [{name: example.com/a}, {name: example.com/a}, {}]",
            validate_scheduling_gates,
        );
        assert_eq!(
            found,
            [
                "spec.template.spec.schedulingGates[1]: Duplicate value: \"example.com/a\"".to_owned(),
                "spec.template.spec.schedulingGates[2]: Invalid value: \"\": name part must be non-empty".to_owned(),
                format!("spec.template.spec.schedulingGates[2]: Invalid value: \"\": name part {QN_REGEX}"),
            ]
        );
    }

    #[test]
    fn topology_spread_constraint_fields() {
        let found = spread(
            r#"
topologySpreadConstraints:
- maxSkew: 0
  topologyKey: ""
  whenUnsatisfiable: Sometimes
  minDomains: 0
  nodeAffinityPolicy: Maybe
  nodeTaintsPolicy: Honor
  matchLabelKeys: [app]
- maxSkew: 1
  topologyKey: zone
  whenUnsatisfiable: DoNotSchedule
  minDomains: 2
  labelSelector: {matchLabels: {app: "a b"}}
- maxSkew: 1
  topologyKey: zone
  whenUnsatisfiable: DoNotSchedule
- maxSkew: 1
  topologyKey: node
  whenUnsatisfiable: ScheduleAnyway
  minDomains: 3
"#,
            PodOptions::default(),
        );
        let at = "spec.template.spec.topologySpreadConstraints";
        assert_eq!(
            found,
            [
                format!("{at}[0].maxSkew: Invalid value: 0: must be greater than zero"),
                format!("{at}[0].topologyKey: Required value: can not be empty"),
                format!(
                    "{at}[0].whenUnsatisfiable: Unsupported value: \"Sometimes\": supported values: \"DoNotSchedule\", \"ScheduleAnyway\""
                ),
                format!("{at}[0].minDomains: Invalid value: 0: must be greater than zero"),
                format!(
                    "{at}[0].minDomains: Invalid value: 0: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not Sometimes"
                ),
                format!(
                    "{at}[0].nodeAffinityPolicy: Unsupported value: \"Maybe\": supported values: \"Honor\", \"Ignore\""
                ),
                format!(
                    "{at}[0].matchLabelKeys: Forbidden: must not be specified when labelSelector is not set"
                ),
                format!(
                    "{at}[1].{{topologyKey, whenUnsatisfiable}}: Duplicate value: \"{{zone, DoNotSchedule}}\""
                ),
                format!("{at}[1].labelSelector.matchLabels: Invalid value: \"a b\": {LABEL_VALUE}"),
                format!(
                    "{at}[3].minDomains: Invalid value: 3: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway"
                ),
            ]
        );
    }

    #[test]
    fn topology_spread_match_label_keys() {
        let yaml = r#"
topologySpreadConstraints:
- maxSkew: 1
  topologyKey: zone
  whenUnsatisfiable: DoNotSchedule
  labelSelector:
    matchLabels: {app: web}
    matchExpressions: [{key: app, operator: Exists}]
  matchLabelKeys: [app, pod-template-hash]
"#;
        // With the selector-merge gate on (v1.34's default) the key is reported at the
        // constraint's index, as ValidateMatchLabelKeysAndMismatchLabelKeys writes it.
        assert_eq!(
            spread(yaml, PodOptions::default()),
            [
                "spec.template.spec.topologySpreadConstraints[0][0]: Invalid value: \"app\": exists in both matchLabelKeys and labelSelector"
            ]
        );
        let legacy = PodOptions {
            allow_match_label_keys_in_pod_topology_spread_selector_merge: false,
            ..PodOptions::default()
        };
        assert_eq!(
            spread(yaml, legacy),
            [
                "spec.template.spec.topologySpreadConstraints[0].matchLabelKeys[0]: Invalid value: \"app\": exists in both matchLabelKeys and labelSelector"
            ]
        );
        let lenient = PodOptions {
            allow_invalid_topology_spread_constraint_label_selector: true,
            ..PodOptions::default()
        };
        let bad_selector = "topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: \"a b\"}}}]";
        assert!(spread(bad_selector, lenient).is_empty());
        assert_eq!(spread(bad_selector, PodOptions::default()).len(), 1);
    }

    #[test]
    fn tolerations() {
        let found = run(
            r#"
tolerations:
- operator: Equal
  value: x
- key: bad key
  operator: Exists
  value: v
  effect: NoSchedule
  tolerationSeconds: 5
- key: k
  operator: Sometimes
  effect: Never
- key: k
  value: a b
- operator: "<x>"
- operator: Exists
- key: node.kubernetes.io/not-ready
  operator: Exists
  effect: NoExecute
  tolerationSeconds: 300
"#,
            validate_tolerations,
        );
        let at = "spec.template.spec.tolerations";
        assert_eq!(
            found,
            [
                format!(
                    "{at}[0].operator: Invalid value: \"Equal\": operator must be Exists when `key` is empty, which means \"match all values and all keys\""
                ),
                format!("{at}[1].key: Invalid value: \"bad key\": name part {QN_REGEX}"),
                format!(
                    "{at}[1].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set"
                ),
                format!(
                    "{at}[1].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'"
                ),
                format!(
                    "{at}[2].operator: Unsupported value: \"Sometimes\": supported values: \"Equal\", \"Exists\""
                ),
                format!(
                    "{at}[2].effect: Unsupported value: \"Never\": supported values: \"NoSchedule\", \"PreferNoSchedule\", \"NoExecute\""
                ),
                format!("{at}[3].operator: Invalid value: \"a b\": {LABEL_VALUE}"),
                // A typed string prints as JSON (HTML-escaped), not with %q.
                format!(
                    "{at}[4].operator: Invalid value: \"\\u003cx\\u003e\": operator must be Exists when `key` is empty, which means \"match all values and all keys\""
                ),
                format!(
                    "{at}[4].operator: Unsupported value: \"\\u003cx\\u003e\": supported values: \"Equal\", \"Exists\""
                ),
            ]
        );
    }

    #[test]
    fn preemption_policy() {
        assert!(run("preemptionPolicy: Never", validate_preemption_policy).is_empty());
        assert!(run("{}", validate_preemption_policy).is_empty());
        assert_eq!(
            run("preemptionPolicy: Sometimes", validate_preemption_policy),
            [
                "spec.template.spec.preemptionPolicy: Unsupported value: \"Sometimes\": supported values: \"PreemptLowerPriority\", \"Never\""
            ]
        );
        assert_eq!(
            run("preemptionPolicy: \"\"", validate_preemption_policy),
            ["spec.template.spec.preemptionPolicy: Required value"]
        );
    }

    #[test]
    fn errors_point_at_their_nodes() {
        let text = "tolerations: [{key: k, operator: Sometimes}]";
        let spec = pod_spec(text);
        let mut out = Out::default();
        validate_tolerations(Some(&spec), &loc(), &mut out);
        let super::super::context::Finding::Error { span, .. } = &out.findings[0] else {
            panic!("an error")
        };
        assert_eq!(&text[span.start..span.end], "Sometimes");
    }
}
