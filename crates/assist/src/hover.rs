//! Hover on a key: where it is in the object, its type, its default, the values it allows and a
//! one-line description, in the chosen Kubernetes version (the values it accepts, and what it
//! does with a field whose feature gate is off or did not exist yet).

use super::cursor::{Place, Seg, cursor_at, path_label};
use super::docs::describe;
use super::fields::{deciding_gate, forbidden_below, gates_on_path, walk};
use jobscope_api::manifest::schema::POD_SPEC;
use jobscope_api::manifest::types::Ty;
use jobscope_api::version::{KubernetesVersion, enum_values_in, gate_note};

/// What hovering a key shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hover {
    /// The key's text (byte offsets).
    pub from: usize,
    pub to: usize,
    /// `spec.jobTemplate.spec.backoffLimit`.
    pub path: String,
    /// The Go type that holds the field (`JobSpec`).
    pub owner: String,
    /// `integer (int32)`.
    pub type_label: String,
    pub default: Option<String>,
    pub allowed: Vec<String>,
    pub description: String,
    /// What the chosen version does with this field, when a feature gate that is off (or did
    /// not exist yet) governs it.
    pub version_note: Option<String>,
}

/// The hover for the key at byte `offset` in `version`, if the cursor is on a key the schema
/// knows.
pub fn hover(text: &str, offset: usize, version: KubernetesVersion) -> Option<Hover> {
    let cursor = cursor_at(text, offset)?;
    let Place::Key {
        word,
        colon_follows: true,
        ..
    } = cursor.place
    else {
        return None;
    };
    if word.start == word.end {
        return None;
    }
    let key = text.get(word.start..word.end)?;
    let mut path = cursor.parent.clone();
    path.push(Seg::Key(key.to_owned()));
    let found = walk(cursor.kind.as_deref(), &path)?;
    let (owner, field) = found.field?;
    // A key of a free-form map (`labels`) walks to the map's value, not to a field.
    if field.json != key {
        return None;
    }
    let doc = describe(owner, key, &field.ty);
    // A key validation refuses at this place whatever its value (completion does not offer it).
    let parent = walk(cursor.kind.as_deref(), &cursor.parent).and_then(|w| w.field);
    let description = match forbidden_below(parent, key) {
        Some(refusal) => format!(
            "Refused here, whatever its value: validation answers \"{refusal}\". {}",
            doc.text
        ),
        None => doc.text.into_owned(),
    };
    let allowed = match &field.ty {
        Ty::Enum(def) => enum_values_in(def.go, def.values, version)
            .into_iter()
            .filter(|v| !v.is_empty())
            .filter(|v| !(owner.name == POD_SPEC.name && key == "restartPolicy" && *v == "Always"))
            .map(str::to_owned)
            .collect(),
        Ty::Bool => vec!["true".to_owned(), "false".to_owned()],
        _ => Vec::new(),
    };
    Some(Hover {
        from: word.start,
        to: word.end,
        path: path_label(&path),
        owner: owner.name.to_owned(),
        type_label: super::fields::type_label(&field.ty),
        default: doc.default.map(str::to_owned),
        allowed,
        description,
        // The outermost field on the path that the version drops or lacks speaks for the key.
        version_note: deciding_gate(&gates_on_path(cursor.kind.as_deref(), &path), version)
            .and_then(|gate| gate_note(gate, version)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text_with_caret: &str) -> Option<Hover> {
        let offset = text_with_caret.find('|').expect("a caret");
        hover(
            &text_with_caret.replacen('|', "", 1),
            offset,
            KubernetesVersion::NEWEST,
        )
    }

    #[test]
    fn what_the_version_does_with_the_field() {
        use KubernetesVersion::*;
        let text = "kind: Job\nspec:\n  template:\n    spec:\n      hostnameOverride: h\n";
        let offset = text.find("hostname").unwrap() + 2;
        let note = |version| hover(text, offset, version).unwrap().version_note;
        assert!(note(V1_33).unwrap().contains("unknown field"));
        assert!(note(V1_34).unwrap().contains("drops spec.hostnameOverride"));
        assert_eq!(note(V1_35), None);
        let text = "kind: Job\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        restartPolicyRules:\n        - action: Restart\n";
        let offset = text.find("action").unwrap() + 1;
        let allowed = |version| hover(text, offset, version).unwrap().allowed;
        assert_eq!(allowed(V1_35), ["Restart"]);
        assert_eq!(allowed(V1_36), ["Restart", "RestartAllContainers"]);
    }

    /// The outermost field the version drops speaks for the keys below it.
    #[test]
    fn a_key_below_a_dropped_field_gets_its_note() {
        use KubernetesVersion::*;
        let text = "kind: Job\nspec:\n  template:\n    spec:\n      resources:\n        claims: []\n      containers:\n      - name: a\n        resources:\n          claims: []\n";
        let pod_level = text.find("claims").unwrap() + 1;
        let container = text.rfind("claims").unwrap() + 1;
        let note = |offset, version| hover(text, offset, version).unwrap().version_note;
        assert!(
            note(pod_level, V1_33)
                .unwrap()
                .contains("PodLevelResources")
        );
        assert!(
            note(container, V1_33)
                .unwrap()
                .contains("DynamicResourceAllocation")
        );
        assert_eq!(note(pod_level, V1_34), None);
        assert_eq!(note(container, V1_34), None);
        // Pod-level claims are refused in every version; a container's are not.
        let description = |offset| hover(text, offset, V1_37).unwrap().description;
        assert!(
            description(pod_level).starts_with(
                "Refused here, whatever its value: validation answers \"claims may not be set for Resources at pod-level\"."
            ),
            "{}",
            description(pod_level)
        );
        assert!(!description(container).contains("Refused"));
    }

    #[test]
    fn a_cronjob_key() {
        let hover = at("kind: CronJob\nspec:\n  concurrency|Policy: Forbid\n").expect("a hover");
        assert_eq!(hover.path, "spec.concurrencyPolicy");
        assert_eq!(hover.owner, "CronJobSpec");
        assert_eq!(hover.default.as_deref(), Some("Allow"));
        assert_eq!(hover.allowed, ["Allow", "Forbid", "Replace"]);
        assert!(hover.description.contains("Forbid"));
        assert_eq!((hover.from, hover.to), (22, 39));
    }

    #[test]
    fn nested_keys_and_generic_fallback() {
        let hover = at("kind: Job\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        volumeMounts:\n        - name: x\n          mount|Propagation: None\n").unwrap();
        assert_eq!(
            hover.path,
            "spec.template.spec.containers[].volumeMounts[].mountPropagation"
        );
        assert!(
            hover
                .description
                .contains("`mountPropagation` of VolumeMount")
        );
        assert_eq!(hover.allowed, ["None", "HostToContainer", "Bidirectional"]);
        let restart =
            at("kind: Job\nspec:\n  template:\n    spec:\n      restart|Policy: Never\n").unwrap();
        assert_eq!(restart.allowed, ["OnFailure", "Never"]);
    }

    #[test]
    fn nothing_on_values_map_keys_or_unknown_fields() {
        assert_eq!(
            at("kind: CronJob\nspec:\n  concurrencyPolicy: For|bid\n"),
            None
        );
        assert_eq!(at("kind: Job\nmetadata:\n  labels:\n    a|pp: x\n"), None);
        assert_eq!(at("kind: Job\nspec:\n  nope|: 1\n"), None);
        assert!(at("kind: Job\nmeta|data:\n  name: x\n").is_some());
    }
}
