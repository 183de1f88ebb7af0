//! Completion at the cursor: the keys the schema allows in the mapping being typed (minus those
//! already there), the values of an enum, booleans, IANA zones for `timeZone`, common schedules,
//! and snippets for a new Job or CronJob in an empty document. In the chosen Kubernetes version:
//! a field whose feature gate did not exist yet is not offered, one whose gate is off says what a
//! create does to it, and an enum offers the values that version accepts
//! (`jobscope_api::version::GATED_FIELDS`, `GATED_VALUES`).

use super::cursor::{Place, Seg, cursor_at};
use super::docs::{describe, is_common};
use super::fields::{
    At, deciding_gate, forbidden_below, gates_on_path, is_deprecated, is_server_owned,
    kind_is_batch, short_label, unknown_in, walk,
};
use jobscope_api::manifest::schema::{BATCH_CRON_JOB_SPEC, POD_SPEC};
use jobscope_api::manifest::types::{FieldDef, Ty, TypeDef};
use jobscope_api::version::{Gate, KubernetesVersion, enum_values_in, field_gate, gate_note};
use jobscope_golang::location::zone_names;
use jobscope_yaml::scalar::{Scalar, resolve};

/// What a completion inserts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompletionKind {
    Key,
    Value,
    Snippet,
}

impl CompletionKind {
    /// CodeMirror's completion type (it picks the icon).
    pub const fn as_str(self) -> &'static str {
        match self {
            CompletionKind::Key => "property",
            CompletionKind::Value => "enum",
            CompletionKind::Snippet => "text",
        }
    }
}

/// One candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completion {
    pub label: String,
    /// Short type or note shown beside the label.
    pub detail: String,
    /// A longer description shown for the selected candidate.
    pub info: String,
    pub kind: CompletionKind,
    /// The text that replaces `from..to`; for snippets, a template with `${n:default}` fields.
    pub apply: String,
    /// Ranks candidates that match equally well (higher first).
    pub boost: i8,
}

/// Candidates for the text `from..to` (byte offsets), which holds the cursor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Completions {
    pub from: usize,
    pub to: usize,
    pub items: Vec<Completion>,
}

/// Common schedules and what they mean.
const SCHEDULES: &[(&str, &str)] = &[
    ("*/5 * * * *", "every 5 minutes"),
    ("0 * * * *", "every hour, on the hour"),
    ("0 0 * * *", "every day at midnight"),
    ("0 2 * * *", "every day at 02:00"),
    (
        "0 9-17 * * 1-5",
        "hourly from 09:00 to 17:00, Monday to Friday",
    ),
    ("0 8 * * 1", "every Monday at 08:00"),
    ("0 0 * * 0", "every Sunday at midnight"),
    ("0 0 1 * *", "the first day of every month at midnight"),
    ("0 0 1 1 *", "every year on 1 January at midnight"),
    ("@hourly", "every hour (0 * * * *)"),
    ("@daily", "every day at midnight (0 0 * * *)"),
    ("@weekly", "every Sunday at midnight (0 0 * * 0)"),
    (
        "@monthly",
        "the first of every month at midnight (0 0 1 * *)",
    ),
];

/// The pod template both snippets share, at column 0, its fields numbered from `${1}`.
const POD_TEMPLATE: &str = "template:
  spec:
    restartPolicy: Never
    containers:
      - name: ${1:main}
        image: ${2:busybox:1.36}
        command: [\"sh\", \"-c\", \"${3:echo done}\"]
        resources:
          requests:
            cpu: 100m
            memory: 128Mi
          limits:
            cpu: 500m
            memory: 256Mi
        securityContext:
          runAsNonRoot: true
          runAsUser: 10001
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities:
            drop: [\"ALL\"]
";

const JOB_SNIPPET: &str = "apiVersion: batch/v1
kind: Job
metadata:
  name: ${1:my-job}
spec:
  # Give up after this many failed pods, or after this many seconds in all.
  backoffLimit: ${2:3}
  activeDeadlineSeconds: ${3:3600}
  # Delete the finished Job (and its pods) a day later.
  ttlSecondsAfterFinished: 86400
";

const CRON_JOB_SNIPPET: &str = "apiVersion: batch/v1
kind: CronJob
metadata:
  name: ${1:my-cronjob}
spec:
  schedule: \"${2:0 2 * * *}\"
  timeZone: ${3:Etc/UTC}
  # Skip a run while the previous one is still going; start late runs within 5 minutes.
  concurrencyPolicy: Forbid
  startingDeadlineSeconds: 300
  jobTemplate:
    spec:
      backoffLimit: 2
      activeDeadlineSeconds: ${4:3600}
";

/// `head` followed by the shared pod template, indented by `indent` spaces, its fields
/// numbered after `head`'s `fields`, and the final cursor stop.
fn with_pod_template(head: &str, indent: usize, fields: u32) -> String {
    let mut out = head.to_owned();
    for line in POD_TEMPLATE.lines() {
        out.push_str(&" ".repeat(indent));
        let mut rest = line;
        // Renumber `${n:` as `${fields + n:`.
        while let Some(at) = rest.find("${") {
            out.push_str(&rest[..at + 2]);
            rest = &rest[at + 2..];
            let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
            let n: u32 = rest[..digits].parse().unwrap_or(0);
            out.push_str(&(fields + n).to_string());
            rest = &rest[digits..];
        }
        out.push_str(rest);
        out.push('\n');
    }
    out.push_str("${0}");
    out
}

/// Completions at byte `offset` of `text` for `version`'s apiserver, or `None` where nothing can
/// be offered (comments, block scalars, free-form maps, fields of unknown kinds).
pub fn complete(text: &str, offset: usize, version: KubernetesVersion) -> Option<Completions> {
    let cursor = cursor_at(text, offset)?;
    let kind = cursor.kind.as_deref();
    match &cursor.place {
        Place::Key {
            word,
            column,
            colon_follows,
            siblings,
        } => {
            let mut items = Vec::new();
            let target = walk(kind, &cursor.parent);
            // A field above the cursor that this version drops or does not know decides for
            // every key below it.
            let above = gates_on_path(kind, &cursor.parent);
            match target.map(|w| (w.at, w.field)) {
                Some((At::Object(def), parent)) => {
                    for field in def.fields {
                        if is_server_owned(def, field.json)
                            || siblings.iter().any(|s| s == field.json)
                            || forbidden_below(parent, field.json).is_some()
                        {
                            continue;
                        }
                        let mut gates = above.clone();
                        gates.extend(field_gate(def.name, field.json));
                        // That apiserver does not know the field.
                        if unknown_in(&gates, version) {
                            continue;
                        }
                        let note =
                            deciding_gate(&gates, version).and_then(|g| gate_note(g, version));
                        items.push(key_item(def, field, *column, *colon_follows, note));
                    }
                }
                // A bare scalar after a dash in a list of enum values (`- ReadWriteOnce`).
                Some((At::Value(ty), _))
                    if matches!(cursor.parent.last(), Some(Seg::Item))
                        && !unknown_in(&above, version) =>
                {
                    items.extend(with_gate_note(
                        value_items(ty, None, false, version),
                        &above,
                        version,
                    ));
                }
                _ => {}
            }
            if cursor.parent.is_empty() && !kind_is_batch(kind) && siblings.is_empty() {
                items.push(snippet(
                    "Job",
                    "a new Job, with limits and a TTL",
                    &with_pod_template(JOB_SNIPPET, 2, 3),
                ));
                items.push(snippet(
                    "CronJob",
                    "a new CronJob, with a time zone and an overlap policy",
                    &with_pod_template(CRON_JOB_SNIPPET, 6, 4),
                ));
            }
            (!items.is_empty()).then_some(Completions {
                from: word.start,
                to: word.end,
                items,
            })
        }
        Place::Value {
            key, value, quoted, ..
        } => {
            let mut path = cursor.parent.clone();
            path.push(Seg::Key(key.clone()));
            let items = if cursor.parent.is_empty() {
                match key.as_str() {
                    "kind" => ["Job", "CronJob"]
                        .iter()
                        .map(|k| value_item(k, "kind", "", *quoted))
                        .collect(),
                    "apiVersion" => vec![value_item("batch/v1", "Job and CronJob", "", *quoted)],
                    _ => Vec::new(),
                }
            } else {
                let found = walk(kind, &path)?;
                let gates = gates_on_path(kind, &path);
                // No value for a field that version's apiserver does not know.
                if unknown_in(&gates, version) {
                    return None;
                }
                match found.at {
                    At::Value(ty) => with_gate_note(
                        value_items(ty, found.field, *quoted, version),
                        &gates,
                        version,
                    ),
                    At::Object(_) => Vec::new(),
                }
            };
            (!items.is_empty()).then_some(Completions {
                from: value.start,
                to: value.end,
                items,
            })
        }
    }
}

/// A key to insert; `gate_note` says what the chosen version does with it, when its gate is off.
fn key_item(
    owner: &'static TypeDef,
    field: &'static FieldDef,
    column: usize,
    colon_follows: bool,
    gate_note: Option<String>,
) -> Completion {
    let name = field.json;
    let child_indent = " ".repeat(column + 2);
    let apply = if colon_follows {
        name.to_owned()
    } else {
        match &field.ty {
            Ty::Object(_) | Ty::Map(..) => format!("{name}:\n{child_indent}"),
            Ty::List(..) => format!("{name}:\n{child_indent}- "),
            _ => format!("{name}: "),
        }
    };
    let doc = describe(owner, name, &field.ty);
    let mut info = doc.text.into_owned();
    if let Some(default) = doc.default {
        info.push_str(&format!(" Default: {default}."));
    }
    if let Some(note) = &gate_note {
        info.push(' ');
        info.push_str(note);
    }
    let boost = if is_deprecated(owner, name) || gate_note.is_some() {
        -2
    } else if is_common(owner, name) {
        1
    } else {
        0
    };
    Completion {
        label: name.to_owned(),
        detail: short_label(&field.ty),
        info,
        kind: CompletionKind::Key,
        apply,
        boost,
    }
}

/// The values a field of type `ty` takes, quoted where YAML would misread them.
fn value_items(
    ty: &Ty,
    field: Option<(&'static TypeDef, &'static FieldDef)>,
    quoted: bool,
    version: KubernetesVersion,
) -> Vec<Completion> {
    let named = field.map(|(owner, f)| (owner.name, f.json));
    if named == Some((BATCH_CRON_JOB_SPEC.name, "timeZone")) {
        return zone_names()
            .map(|zone| value_item(zone, "IANA time zone", "", quoted))
            .collect();
    }
    if named == Some((BATCH_CRON_JOB_SPEC.name, "schedule")) {
        return SCHEDULES
            .iter()
            .map(|(schedule, meaning)| {
                let mut item = value_item(schedule, meaning, "", true);
                if !quoted {
                    item.apply = format!("\"{schedule}\"");
                }
                item
            })
            .collect();
    }
    match ty {
        Ty::Enum(def) => enum_values_in(def.go, def.values, version)
            .into_iter()
            .filter(|v| !v.is_empty())
            // A Job's pods may not restart forever: `Always` is refused.
            .filter(|v| !(named == Some((POD_SPEC.name, "restartPolicy")) && *v == "Always"))
            .map(|v| value_item(v, def.go.trim_start_matches("v1."), "", quoted))
            .collect(),
        Ty::Bool => ["true", "false"]
            .iter()
            .map(|v| value_item(v, "boolean", "", quoted))
            .collect(),
        _ => Vec::new(),
    }
}

/// Values below a field `version` drops (a gate on `gates`, the path's) say so, as its keys
/// do: the value goes with the field.
fn with_gate_note(
    mut items: Vec<Completion>,
    gates: &[Gate],
    version: KubernetesVersion,
) -> Vec<Completion> {
    if let Some(note) = deciding_gate(gates, version).and_then(|g| gate_note(g, version)) {
        for item in &mut items {
            if !item.info.is_empty() {
                item.info.push(' ');
            }
            item.info.push_str(&note);
        }
    }
    items
}

fn value_item(value: &str, detail: &str, info: &str, quoted: bool) -> Completion {
    // A plain scalar YAML 1.1 reads as something else (`True`, `1.0`) must be quoted.
    let reads_back = matches!(resolve(value, true, None), Ok(Scalar::Str(ref s)) if s == value);
    let apply = if quoted || reads_back {
        value.to_owned()
    } else {
        format!("\"{value}\"")
    };
    Completion {
        label: value.to_owned(),
        detail: detail.to_owned(),
        info: info.to_owned(),
        kind: CompletionKind::Value,
        apply,
        boost: 0,
    }
}

fn snippet(label: &str, detail: &str, template: &str) -> Completion {
    Completion {
        label: label.to_owned(),
        detail: detail.to_owned(),
        info: format!("Inserts a complete {label}; Tab moves between the fields to fill in."),
        kind: CompletionKind::Snippet,
        apply: template.to_owned(),
        boost: 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text_with_caret: &str) -> (String, Option<Completions>) {
        let offset = text_with_caret.find('|').expect("a caret");
        let text = text_with_caret.replacen('|', "", 1);
        let completions = complete(&text, offset, KubernetesVersion::NEWEST);
        (text, completions)
    }

    fn labels(completions: &Option<Completions>) -> Vec<&str> {
        completions
            .as_ref()
            .map(|c| c.items.iter().map(|i| i.label.as_str()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn keys_of_the_job_spec_minus_those_written() {
        let (text, completions) =
            at("apiVersion: batch/v1\nkind: Job\nspec:\n  backo|\n  template: {}\n");
        let names = labels(&completions);
        assert!(names.contains(&"backoffLimit"));
        assert!(names.contains(&"completionMode"));
        assert!(!names.contains(&"template"));
        let completions = completions.unwrap();
        assert_eq!(&text[completions.from..completions.to], "backo");
        let backoff = completions
            .items
            .iter()
            .find(|i| i.label == "backoffLimit")
            .unwrap();
        assert_eq!(backoff.apply, "backoffLimit: ");
        assert!(backoff.info.contains("Default: 6"), "{}", backoff.info);
        assert_eq!(backoff.detail, "int32");
    }

    #[test]
    fn nested_keys_open_their_block() {
        let (_, completions) = at("kind: CronJob\nspec:\n  |\n");
        let completions = completions.unwrap();
        let job_template = completions
            .items
            .iter()
            .find(|i| i.label == "jobTemplate")
            .unwrap();
        assert_eq!(job_template.apply, "jobTemplate:\n    ");
        let (_, completions) = at("kind: Job\nspec:\n  template:\n    spec:\n      |\n");
        let containers = completions
            .unwrap()
            .items
            .into_iter()
            .find(|i| i.label == "containers")
            .unwrap();
        assert_eq!(containers.apply, "containers:\n        - ");
    }

    #[test]
    fn container_keys_after_a_dash() {
        let (_, completions) = at(
            "kind: Job\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        im|\n",
        );
        let names = labels(&completions);
        assert!(names.contains(&"image"));
        assert!(names.contains(&"imagePullPolicy"));
        assert!(!names.contains(&"name"));
    }

    #[test]
    fn enum_values_and_booleans() {
        let (_, completions) = at("kind: CronJob\nspec:\n  concurrencyPolicy: |\n");
        assert_eq!(labels(&completions), ["Allow", "Forbid", "Replace"]);
        let (text, completions) =
            at("kind: Job\nspec:\n  template:\n    spec:\n      restartPolicy: On|Failure\n");
        assert_eq!(labels(&completions), ["OnFailure", "Never"]);
        let completions = completions.unwrap();
        assert_eq!(&text[completions.from..completions.to], "OnFailure");
        let (_, completions) = at("kind: Job\nspec:\n  suspend: |\n");
        assert_eq!(labels(&completions), ["true", "false"]);
        let (_, completions) = at(
            "kind: Job\nspec:\n  podFailurePolicy:\n    rules:\n    - action: Ignore\n      onPodConditions:\n      - type: DisruptionTarget\n        status: |\n",
        );
        let completions = completions.unwrap();
        let yes = completions
            .items
            .iter()
            .find(|i| i.label == "True")
            .unwrap();
        assert_eq!(yes.apply, "\"True\"", "YAML 1.1 reads True as a boolean");
        let (_, completions) = at(
            "kind: Job\nspec:\n  podFailurePolicy:\n    rules:\n    - action: FailJob\n      onExitCodes:\n        operator: |\n",
        );
        assert_eq!(labels(&completions), ["In", "NotIn"]);
    }

    #[test]
    fn time_zones_and_schedules() {
        let (_, completions) = at("kind: CronJob\nspec:\n  timeZone: Europe/Be|\n");
        let names = labels(&completions);
        assert!(names.contains(&"Europe/Berlin"));
        assert!(names.len() > 400);
        let (_, completions) = at("kind: CronJob\nspec:\n  schedule: |\n");
        let completions = completions.unwrap();
        assert_eq!(completions.items[0].apply, "\"*/5 * * * *\"");
        let (_, completions) = at("kind: CronJob\nspec:\n  schedule: \"|\"\n");
        assert_eq!(completions.unwrap().items[0].apply, "*/5 * * * *");
    }

    #[test]
    fn root_keys_values_and_snippets() {
        let (_, completions) = at("|");
        let names = labels(&completions);
        assert!(names.contains(&"apiVersion"));
        assert!(names.contains(&"Job"));
        assert!(names.contains(&"CronJob"));
        assert!(!names.contains(&"status"));
        let (_, completions) = at("apiVersion: batch/v1\nkind: |\n");
        assert_eq!(labels(&completions), ["Job", "CronJob"]);
        // Once the document has a kind, no snippets.
        let (_, completions) = at("kind: Job\n|");
        assert!(!labels(&completions).contains(&"Job"));
        // Unknown kinds: root keys only, nothing under spec.
        let (_, completions) = at("kind: ConfigMap\ndata:\n  |\n");
        assert!(completions.is_none());
    }

    /// Completion in an older version: a field its apiserver does not know is not offered, one
    /// its gate drops says so and sinks, and an enum offers that version's values.
    #[test]
    fn fields_and_values_follow_the_version() {
        use KubernetesVersion::*;
        let container = "kind: Job\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        |\n";
        let offset = container.find('|').unwrap();
        let text = container.replacen('|', "", 1);
        let rules = |version| {
            complete(&text, offset, version)
                .unwrap()
                .items
                .into_iter()
                .find(|i| i.label == "restartPolicyRules")
        };
        assert_eq!(rules(V1_33), None, "not in the v1.33 API");
        let dropped = rules(V1_34).expect("offered in v1.34");
        assert!(dropped.info.contains("Kubernetes v1.34: the ContainerRestartRules feature gate is alpha, off by default, so the apiserver drops"), "{}", dropped.info);
        assert_eq!(dropped.boost, -2);
        let kept = rules(V1_35).expect("offered in v1.35");
        assert!(!kept.info.contains("feature gate"), "{}", kept.info);
        assert!(kept.boost >= 0);
        let action = "kind: Job\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        restartPolicyRules:\n        - action: |\n";
        let offset = action.find('|').unwrap();
        let text = action.replacen('|', "", 1);
        let actions = |version| {
            labels(&complete(&text, offset, version))
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(actions(V1_35), ["Restart"]);
        assert_eq!(actions(V1_36), ["Restart", "RestartAllContainers"]);
    }

    /// Below a field the version does not know, nothing is offered; below one it drops, every
    /// key carries that field's note; a pod-level `resources` never offers `claims`.
    #[test]
    fn keys_below_a_gated_field_share_its_fate() {
        use KubernetesVersion::*;
        let complete_at = |with_caret: &str, version| {
            let offset = with_caret.find('|').unwrap();
            complete(&with_caret.replacen('|', "", 1), offset, version)
        };
        let certificate = "kind: Job\nspec:\n  template:\n    spec:\n      volumes:\n      - name: v\n        projected:\n          sources:\n          - podCertificate:\n              |\n";
        assert!(
            complete_at(certificate, V1_33).is_none(),
            "not in the v1.33 API"
        );
        let below = complete_at(certificate, V1_34).expect("keys in v1.34");
        assert!(below.items.iter().any(|i| i.label == "signerName"));
        assert!(below.items.iter().all(|i| {
            i.info
                .contains("PodCertificateRequest feature gate is alpha")
        }));
        let action = "kind: Job\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        restartPolicyRules:\n        - action: |\n";
        assert!(
            complete_at(action, V1_33).is_none(),
            "no values below an unknown field"
        );
        assert_eq!(labels(&complete_at(action, V1_34)), ["Restart"]);
        // Values below a dropped field say so, as keys do; once kept, they say nothing.
        let values = |version| complete_at(action, version).unwrap().items;
        assert!(values(V1_34).iter().all(|i| {
            i.info
                .contains("ContainerRestartRules feature gate is alpha")
        }));
        assert!(
            values(V1_35)
                .iter()
                .all(|i| !i.info.contains("feature gate"))
        );

        let pod_level = "kind: Job\nspec:\n  template:\n    spec:\n      resources:\n        |\n";
        let keys = |version| {
            complete_at(pod_level, version)
                .unwrap()
                .items
                .into_iter()
                .map(|i| (i.label, i.info.contains("PodLevelResources feature gate")))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            keys(V1_33),
            [("limits".to_owned(), true), ("requests".to_owned(), true)]
        );
        assert_eq!(
            keys(V1_34),
            [("limits".to_owned(), false), ("requests".to_owned(), false)]
        );
        let container = "kind: Job\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        resources:\n          |\n";
        let claims = complete_at(container, V1_33)
            .unwrap()
            .items
            .into_iter()
            .find(|i| i.label == "claims")
            .expect("a container's claims are offered");
        assert!(
            claims
                .info
                .contains("DynamicResourceAllocation feature gate"),
            "{}",
            claims.info
        );
    }

    #[test]
    fn never_panics_and_ranges_stay_in_the_text() {
        let text = include_str!("../../../public/examples/backup-cronjob.yaml");
        for end in (0..=text.len()).step_by(7) {
            let cut = &text[..end];
            for offset in (0..=cut.len()).step_by(3) {
                if let Some(c) = complete(cut, offset, KubernetesVersion::NEWEST) {
                    assert!(c.from <= offset && offset <= c.to && c.to <= cut.len());
                }
            }
        }
    }
}
