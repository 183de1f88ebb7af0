//! One YAML document as the apiserver would take it: which kind it is, the object decoded
//! strictly, and the object after defaulting and `PrepareForCreate`.

use super::client::ClientPath;
use super::decode::{DecodeError, DecodeErrorKind, decode_object};
use super::defaults::{DroppedField, dedup_owner_references, default_cron_job, default_job};
use super::kubectl::{UnreadableAnnotation, prepare};
use super::object::Node;
use super::schema;
use crate::version::{Gate, KubernetesVersion};
use jobscope_diagnostic::Span;
use jobscope_yaml::{Value, ValueKind};

/// What a document is, as far as jobscope is concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Job,
    CronJob,
    /// A kind jobscope passes over (ConfigMap, Role, PrometheusRule, …).
    Other,
    /// kubectl or the apiserver rejects the document before looking inside (no kind, a removed
    /// version such as `batch/v1beta1`): the message says why.
    Rejected(String),
}

/// A document read as a Kubernetes object.
#[derive(Clone, Debug, PartialEq)]
pub struct Manifest {
    pub api_version: Option<String>,
    pub kind: Option<String>,
    pub name: Option<String>,
    pub target: Target,
    /// The object as the apiserver validates it (defaulted, prepared; what defaulting added is
    /// marked `defaulted`); Job and CronJob only.
    pub effective: Option<Node>,
    pub decode_errors: Vec<DecodeError>,
    pub dropped: Vec<DroppedField>,
    /// The Kubernetes version the object was prepared for (which gates dropped what); its
    /// validation must use the same.
    pub version: KubernetesVersion,
    /// Owner references the apiserver removed as duplicates (UID, span of the entry).
    pub duplicate_owner_references: Vec<(String, Span)>,
    /// What kubectl changed before sending (only [`read_sent_manifest`] fills it).
    pub kubectl: KubectlChanges,
}

/// What kubectl did to the document before sending it (nothing, for a direct API request).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KubectlChanges {
    /// Bytes its last-applied-configuration annotation adds to `metadata.annotations`.
    pub last_applied_bytes: usize,
    /// Annotation values it cannot read, so every annotation is dropped.
    pub unreadable_annotations: Vec<UnreadableAnnotation>,
    /// A namespace that is not a string, replaced by the context's (its span and JSON type).
    pub ignored_namespace: Option<(Span, &'static str)>,
    /// The `metadata.resourceVersion` it removed before creating.
    pub cleared_resource_version: Option<Span>,
}

fn string_field(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(|v| match &v.kind {
        ValueKind::Str(s) => Some(s.clone()),
        ValueKind::Int(i) => Some(i.to_string()),
        ValueKind::Bool(b) => Some(b.to_string()),
        _ => None,
    })
}

/// Reads a document as the client sends it to an apiserver of `version` (see
/// [`super::kubectl`]).
pub fn read_sent_manifest(
    value: &Value,
    client: ClientPath,
    version: KubernetesVersion,
) -> Manifest {
    let applied = prepare(value, client);
    let mut manifest = read_manifest(&applied.value, version);
    // The outline shows what was written.
    manifest.name = value.get("metadata").and_then(|m| string_field(m, "name"));
    manifest.kubectl = KubectlChanges {
        last_applied_bytes: applied.last_applied_bytes,
        unreadable_annotations: applied.unreadable_annotations,
        ignored_namespace: applied.ignored_namespace,
        cleared_resource_version: applied.cleared_resource_version,
    };
    manifest
}

/// The pod template's `workloadRef` (v1.35) and `schedulingGroup` (v1.36 on): fields of the
/// GenericWorkload gate, off by default in every supported version, so a version that knows
/// the field drops it on create. The schema is v1.34's, without them: their unknown-field
/// errors become dropped fields there (what they hold is not decoded).
fn workload_fields(manifest: &mut Manifest, version: KubernetesVersion) {
    let field = match version.minor() {
        35 => "workloadRef",
        36.. => "schedulingGroup",
        _ => return,
    };
    let gate = Gate::GenericWorkload;
    let is_it = |error: &DecodeError| {
        error.kind == DecodeErrorKind::UnknownField
            && [
                "spec.template.spec.",
                "spec.jobTemplate.spec.template.spec.",
            ]
            .iter()
            .any(|template| error.field.strip_prefix(template) == Some(field))
    };
    if gate.enabled(version) || !manifest.decode_errors.iter().any(is_it) {
        return;
    }
    let (known, unknown): (Vec<_>, Vec<_>) = std::mem::take(&mut manifest.decode_errors)
        .into_iter()
        .partition(is_it);
    manifest.decode_errors = unknown;
    manifest
        .dropped
        .extend(known.into_iter().map(|error| DroppedField {
            path: error.field,
            span: error.span,
            gate: gate.name(),
            detail: None,
            unknown: false,
            replaced_with: None,
        }));
}

/// Reads a decoded YAML document as an apiserver of `version` receives it.
pub fn read_manifest(value: &Value, version: KubernetesVersion) -> Manifest {
    let api_version = string_field(value, "apiVersion");
    let kind = string_field(value, "kind");
    let name = value.get("metadata").and_then(|m| string_field(m, "name"));
    let mut manifest = Manifest {
        api_version: api_version.clone(),
        kind: kind.clone(),
        name,
        target: Target::Other,
        effective: None,
        decode_errors: Vec::new(),
        dropped: Vec::new(),
        version,
        duplicate_owner_references: Vec::new(),
        kubectl: KubectlChanges::default(),
    };
    if !matches!(value.kind, ValueKind::Map(_)) {
        manifest.target = Target::Rejected(format!(
            "json: cannot unmarshal {} into Go value of type map[string]interface {{}}",
            value.json_type()
        ));
        return manifest;
    }
    let kind_text = kind.clone().unwrap_or_default();
    let version_text = api_version.clone().unwrap_or_default();
    if kind_text.is_empty() {
        manifest.target = Target::Rejected("Object 'Kind' is missing".to_owned());
        return manifest;
    }
    if version_text.is_empty() {
        manifest.target = Target::Rejected("Object 'apiVersion' is missing".to_owned());
        return manifest;
    }
    let root = match (kind_text.as_str(), version_text.as_str()) {
        ("Job", "batch/v1") => &schema::BATCH_JOB,
        ("CronJob", "batch/v1") => &schema::BATCH_CRON_JOB,
        ("Job" | "CronJob", version)
            if version.starts_with("batch/") || version == "v1" || version == "batch" =>
        {
            manifest.target = Target::Rejected(format!(
                "no matches for kind \"{kind_text}\" in version \"{version}\""
            ));
            return manifest;
        }
        _ => return manifest,
    };
    let (mut object, errors) = decode_object(value, root);
    manifest.decode_errors = errors;
    // The create handler dedups owner references right after decoding.
    manifest.duplicate_owner_references = dedup_owner_references(&mut object);
    if root.name == "Job" {
        manifest.target = Target::Job;
        manifest.dropped = default_job(&mut object, version);
    } else {
        manifest.target = Target::CronJob;
        manifest.dropped = default_cron_job(&mut object, version);
    }
    // Fields newer than the v1.34 schema that a later version knows and drops while its gate
    // is off (the decoder read them as unknown).
    workload_fields(&mut manifest, version);
    // A field newer than this version's API is an unknown field to its strict decoder.
    let (unknown, dropped): (Vec<_>, Vec<_>) = std::mem::take(&mut manifest.dropped)
        .into_iter()
        .partition(|d| d.unknown);
    manifest.dropped = dropped;
    if !unknown.is_empty() {
        manifest
            .decode_errors
            .extend(unknown.into_iter().map(|field| DecodeError {
                kind: DecodeErrorKind::UnknownField,
                message: format!(
                    "unknown field {}",
                    jobscope_golang::strings::go_strconv_quote(&field.path)
                ),
                field: field.path,
                span: field.span,
                quote_hint: None,
                suggestion: None,
            }));
        jobscope_sort::sort_by_key(&mut manifest.decode_errors, |e| e.span.start);
    }
    manifest.effective = Some(object);
    manifest
}

/// The prefix of the apiserver's decode errors: `Job in version "v1" cannot be handled as a Job: `.
pub fn decode_error_prefix(kind: &str) -> String {
    format!("{kind} in version \"v1\" cannot be handled as a {kind}: ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use jobscope_yaml::parse_stream;

    fn read(text: &str) -> Manifest {
        let stream = parse_stream(text);
        read_manifest(
            stream.documents[0].value.as_ref().unwrap(),
            KubernetesVersion::V1_34,
        )
    }

    #[test]
    fn recognises_kinds() {
        assert_eq!(
            read("apiVersion: batch/v1\nkind: Job\nmetadata: {name: a}\n").target,
            Target::Job
        );
        assert_eq!(
            read("apiVersion: batch/v1\nkind: CronJob\n").target,
            Target::CronJob
        );
        assert_eq!(
            read("apiVersion: v1\nkind: ConfigMap\n").target,
            Target::Other
        );
        assert_eq!(
            read("apiVersion: batch/v1beta1\nkind: CronJob\n").target,
            Target::Rejected("no matches for kind \"CronJob\" in version \"batch/v1beta1\"".into())
        );
        assert_eq!(
            read("apiVersion: batch/v1\n").target,
            Target::Rejected("Object 'Kind' is missing".into())
        );
    }
}
