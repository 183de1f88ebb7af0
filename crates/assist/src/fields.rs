//! The API schema seen from the editor: which type sits at a path of keys and items, and how a
//! type reads to a person (`integer (int32)`, `list of Container`).

use super::cursor::Seg;
use jobscope_api::manifest::schema::{BATCH_CRON_JOB, BATCH_JOB, POD_SPEC};
use jobscope_api::manifest::types::{FieldDef, Ty, TypeDef};
use jobscope_api::version::{Gate, KubernetesVersion, Stage, field_gate};

/// What a path leads to.
#[derive(Clone, Copy, Debug)]
pub(crate) enum At {
    Object(&'static TypeDef),
    Value(&'static Ty),
}

impl At {
    fn of(ty: &'static Ty) -> At {
        match ty {
            Ty::Object(def) => At::Object(def),
            other => At::Value(other),
        }
    }
}

/// The end of a walk: what is there, and the field that named it (with the type owning it).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Walk {
    pub(crate) at: At,
    pub(crate) field: Option<(&'static TypeDef, &'static FieldDef)>,
}

/// The object type of a document's root, from its `kind`. Without a kind (a document being
/// started), the root keys are the same for both kinds, and `metadata` too; `spec` is unknown.
pub(crate) fn root_type(kind: Option<&str>) -> &'static TypeDef {
    match kind {
        Some("CronJob") => &BATCH_CRON_JOB,
        _ => &BATCH_JOB,
    }
}

/// Whether the schema is known below the root for this kind.
pub(crate) fn kind_is_batch(kind: Option<&str>) -> bool {
    matches!(kind, Some("Job" | "CronJob"))
}

/// Follows `path` from the document root.
pub(crate) fn walk(kind: Option<&str>, path: &[Seg]) -> Option<Walk> {
    walk_visiting(kind, path, |_, _| {})
}

/// The feature gates of the fields on `path` (its last key included), outermost first. A
/// version's apiserver drops a gated field whole, or does not know it, so the keys and values
/// below it share its fate: the outermost gate that is off in a version speaks for them (a pod-level
/// `resources.claims` in v1.33 goes with `resources`, whatever the claims' own gate says).
pub(crate) fn gates_on_path(kind: Option<&str>, path: &[Seg]) -> Vec<Gate> {
    let mut gates = Vec::new();
    walk_visiting(kind, path, |owner, key| {
        gates.extend(field_gate(owner.name, key))
    });
    gates
}

/// Whether `version`'s API lacks one of `gates` (its gate came later): "unknown field".
pub(crate) fn unknown_in(gates: &[Gate], version: KubernetesVersion) -> bool {
    gates.iter().any(|g| g.stage(version) == Stage::Absent)
}

/// The gate of `gates` whose note the editor shows in `version`: one the version lacks (strict
/// decoding answers "unknown field" before anything is dropped), else the outermost one off.
pub(crate) fn deciding_gate(gates: &[Gate], version: KubernetesVersion) -> Option<Gate> {
    let absent = gates.iter().find(|g| g.stage(version) == Stage::Absent);
    absent
        .or_else(|| gates.iter().find(|g| !g.enabled(version)))
        .copied()
}

/// [`walk`], calling `visit` with each object type and key it steps through.
fn walk_visiting(
    kind: Option<&str>,
    path: &[Seg],
    mut visit: impl FnMut(&'static TypeDef, &str),
) -> Option<Walk> {
    let root = root_type(kind);
    if !kind_is_batch(kind) {
        // Only the root and `metadata` are the same whatever the kind.
        match path.first() {
            None => {}
            Some(Seg::Key(key)) if key == "metadata" => {}
            _ => return None,
        }
    }
    let mut walk = Walk {
        at: At::Object(root),
        field: None,
    };
    for seg in path {
        walk = match (walk.at, seg) {
            (At::Object(def), Seg::Key(key)) => {
                let field = def.field(key)?;
                visit(def, key);
                Walk {
                    at: At::of(&field.ty),
                    field: Some((def, field)),
                }
            }
            (At::Value(Ty::List(item, _)), Seg::Item) => Walk {
                at: At::of(item),
                field: walk.field,
            },
            (At::Value(Ty::Map(value, _)), Seg::Key(_)) => Walk {
                at: At::of(value),
                field: None,
            },
            _ => return None,
        };
    }
    Some(walk)
}

/// A type as people read it.
pub(crate) fn type_label(ty: &Ty) -> String {
    match ty {
        Ty::String => "string".to_owned(),
        Ty::Bool => "boolean".to_owned(),
        Ty::Int32 => "integer (int32)".to_owned(),
        Ty::Int64 => "integer (int64)".to_owned(),
        Ty::Float64 => "number".to_owned(),
        Ty::Bytes => "base64 string".to_owned(),
        Ty::Quantity => "quantity (such as 500m, 1Gi)".to_owned(),
        Ty::IntOrString => "integer or string".to_owned(),
        Ty::Time => "timestamp (RFC 3339)".to_owned(),
        Ty::AnyJson => "any JSON".to_owned(),
        Ty::Enum(_) => "string, one of the values below".to_owned(),
        Ty::Object(def) => format!("object ({})", def.name),
        Ty::List(item, _) => format!("list of {}", short_label(item)),
        Ty::Map(value, _) => format!("map of string to {}", short_label(value)),
    }
}

/// The short form for completion details: `int32`, `Container[]`, `map[string]string`.
pub(crate) fn short_label(ty: &Ty) -> String {
    match ty {
        Ty::String | Ty::Enum(_) => "string".to_owned(),
        Ty::Bool => "boolean".to_owned(),
        Ty::Int32 => "int32".to_owned(),
        Ty::Int64 => "int64".to_owned(),
        Ty::Float64 => "number".to_owned(),
        Ty::Bytes => "base64".to_owned(),
        Ty::Quantity => "quantity".to_owned(),
        Ty::IntOrString => "int or string".to_owned(),
        Ty::Time => "timestamp".to_owned(),
        Ty::AnyJson => "JSON".to_owned(),
        Ty::Object(def) => def.name.to_owned(),
        Ty::List(item, _) => format!("{}[]", short_label(item)),
        Ty::Map(value, _) => format!("map[string]{}", short_label(value)),
    }
}

/// Fields the apiserver or a controller sets; nobody writes them in a manifest to apply.
pub(crate) fn is_server_owned(owner: &TypeDef, field: &str) -> bool {
    match owner.name {
        "Job" | "CronJob" => field == "status",
        "ObjectMeta" => matches!(
            field,
            "selfLink"
                | "uid"
                | "resourceVersion"
                | "generation"
                | "creationTimestamp"
                | "deletionTimestamp"
                | "deletionGracePeriodSeconds"
                | "managedFields"
        ),
        _ => false,
    }
}

/// Keys of a type that validation refuses under one particular field, whatever their value,
/// with the message it gives: `validatePodResources` answers "claims may not be set for
/// Resources at pod-level" for `spec.resources.claims`, though `ResourceRequirements` has
/// `claims` for containers.
pub(crate) fn forbidden_below(
    parent: Option<(&'static TypeDef, &'static FieldDef)>,
    field: &str,
) -> Option<&'static str> {
    matches!(parent, Some((owner, named)) if owner.name == POD_SPEC.name && named.json == "resources" && field == "claims")
        .then_some("claims may not be set for Resources at pod-level")
}

/// Fields the API keeps only for old clients.
pub(crate) fn is_deprecated(owner: &TypeDef, field: &str) -> bool {
    matches!(
        (owner.name, field),
        ("PodSpec", "serviceAccount") | ("Volume", "gitRepo")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(parts: &[&str]) -> Vec<Seg> {
        Seg::path(parts)
    }

    #[test]
    fn walks_objects_lists_and_maps() {
        let walk = walk(
            Some("CronJob"),
            &path(&[
                "spec",
                "jobTemplate",
                "spec",
                "template",
                "spec",
                "containers",
                "-",
            ]),
        )
        .unwrap();
        assert!(matches!(walk.at, At::Object(def) if def.name == "Container"));
        let labels = super::walk(Some("Job"), &path(&["metadata", "labels", "app"])).unwrap();
        assert!(matches!(labels.at, At::Value(Ty::String)));
        assert!(super::walk(Some("Job"), &path(&["spec", "nope"])).is_none());
        assert!(super::walk(None, &path(&["spec"])).is_none());
        assert!(super::walk(Some("ConfigMap"), &path(&["metadata", "name"])).is_some());
    }

    /// A gate the version lacks decides before one that is off; else the outermost that is off.
    #[test]
    fn the_deciding_gate() {
        use KubernetesVersion::*;
        let gates = [Gate::PodLevelResources, Gate::HostnameOverride];
        assert_eq!(deciding_gate(&gates, V1_33), Some(Gate::HostnameOverride));
        assert_eq!(deciding_gate(&gates, V1_34), Some(Gate::HostnameOverride));
        assert_eq!(deciding_gate(&gates, V1_35), None);
        let both_off = [Gate::ContainerRestartRules, Gate::PodCertificateRequest];
        assert_eq!(
            deciding_gate(&both_off, V1_34),
            Some(Gate::ContainerRestartRules)
        );
        assert!(unknown_in(&both_off, V1_33));
        assert!(!unknown_in(&both_off, V1_34));
    }

    #[test]
    fn labels() {
        let walk = walk(
            Some("Job"),
            &path(&["spec", "template", "spec", "containers"]),
        )
        .unwrap();
        let At::Value(ty) = walk.at else { panic!() };
        assert_eq!(type_label(ty), "list of Container");
        assert_eq!(short_label(ty), "Container[]");
    }
}
