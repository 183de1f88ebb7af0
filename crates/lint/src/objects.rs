//! The objects the documents analysed together define, by identity only (kind, namespace,
//! name): what the reference rules hold a pod template's names against. Only the kinds a pod
//! template names are kept (ServiceAccount, Secret, ConfigMap, PriorityClass), so collecting
//! them from thousands of documents costs a few strings each, never a document.
//!
//! Namespaces: `kubectl apply -f` puts a document without `metadata.namespace` in the namespace
//! of its context, the same one for every such document; jobscope has no namespace option and
//! calls that namespace `default` (kubectl's own default when the context names none).

/// The namespace of a document that names none.
pub const DEFAULT_NAMESPACE: &str = "default";

/// A kind of object a pod template refers to by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefKind {
    ServiceAccount,
    Secret,
    ConfigMap,
    PriorityClass,
}

impl RefKind {
    /// The kind a document's `apiVersion` and `kind` name, if it is one a pod template refers
    /// to (the API group must match; the version does not matter).
    pub fn of(api_version: &str, kind: &str) -> Option<RefKind> {
        let group = api_version.rsplit_once('/').map_or("", |(group, _)| group);
        match (group, kind) {
            ("", "ServiceAccount") => Some(RefKind::ServiceAccount),
            ("", "Secret") => Some(RefKind::Secret),
            ("", "ConfigMap") => Some(RefKind::ConfigMap),
            ("scheduling.k8s.io", "PriorityClass") => Some(RefKind::PriorityClass),
            _ => None,
        }
    }

    /// `ServiceAccount`, for messages.
    pub fn name(self) -> &'static str {
        match self {
            RefKind::ServiceAccount => "ServiceAccount",
            RefKind::Secret => "Secret",
            RefKind::ConfigMap => "ConfigMap",
            RefKind::PriorityClass => "PriorityClass",
        }
    }

    /// PriorityClasses belong to the cluster, the others to a namespace.
    pub fn namespaced(self) -> bool {
        self != RefKind::PriorityClass
    }
}

/// A document's namespace: the one it names, else [`DEFAULT_NAMESPACE`].
pub fn namespace_or_default(namespace: Option<&str>) -> &str {
    namespace
        .filter(|namespace| !namespace.is_empty())
        .unwrap_or(DEFAULT_NAMESPACE)
}

/// The identities of the objects some documents define.
///
/// A plain list, searched from end to end: a page holds at most `MAX_DOCUMENTS` documents and a
/// Job refers to a handful of names, and an ordered set's code cost the page's WebAssembly more
/// than every lookup costs in time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DefinedObjects {
    /// (kind, namespace (empty for a cluster-scoped kind), name), without repeats.
    objects: Vec<Identity>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Identity {
    kind: RefKind,
    namespace: String,
    name: String,
}

impl Identity {
    fn is(&self, kind: RefKind, namespace: &str, name: &str) -> bool {
        self.kind == kind && self.namespace == namespace && self.name == name
    }
}

impl DefinedObjects {
    /// No object.
    pub(crate) const EMPTY: DefinedObjects = DefinedObjects {
        objects: Vec::new(),
    };

    pub fn new() -> Self {
        Self::default()
    }

    /// Records one document's object; kinds no pod template refers to, and objects without a
    /// name, are passed over.
    pub fn insert(&mut self, api_version: &str, kind: &str, namespace: Option<&str>, name: &str) {
        let Some(kind) = RefKind::of(api_version, kind) else {
            return;
        };
        if name.is_empty() {
            return;
        }
        let namespace = if kind.namespaced() {
            namespace_or_default(namespace)
        } else {
            ""
        };
        if !self.contains(kind, namespace, name) {
            self.objects.push(Identity {
                kind,
                namespace: namespace.to_owned(),
                name: name.to_owned(),
            });
        }
    }

    /// Adds every object `other` holds.
    pub fn extend(&mut self, other: &DefinedObjects) {
        for identity in &other.objects {
            if !self.contains(identity.kind, &identity.namespace, &identity.name) {
                self.objects.push(identity.clone());
            }
        }
    }

    /// How many objects are recorded.
    pub fn len(&self) -> usize {
        self.objects.len()
    }

    pub fn is_empty(&self) -> bool {
        self.objects.is_empty()
    }

    /// Whether any object of `kind` is defined, in any namespace: when none is, the documents
    /// leave that kind to the cluster, and a reference to one says nothing.
    pub(crate) fn defines_any(&self, kind: RefKind) -> bool {
        self.objects.iter().any(|identity| identity.kind == kind)
    }

    /// The names of the `kind` objects defined in `namespace` (ignored for cluster-scoped
    /// kinds), in the order the documents define them.
    pub(crate) fn names<'a>(
        &'a self,
        kind: RefKind,
        namespace: &'a str,
    ) -> impl Iterator<Item = &'a str> + 'a {
        let namespace = if kind.namespaced() { namespace } else { "" };
        self.objects
            .iter()
            .filter(move |identity| identity.kind == kind && identity.namespace == namespace)
            .map(|identity| identity.name.as_str())
    }

    /// Whether `kind` `name` is defined in `namespace` (ignored for cluster-scoped kinds).
    pub(crate) fn contains(&self, kind: RefKind, namespace: &str, name: &str) -> bool {
        let namespace = if kind.namespaced() { namespace } else { "" };
        self.objects
            .iter()
            .any(|identity| identity.is(kind, namespace, name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_told_by_group_and_kind() {
        assert_eq!(
            RefKind::of("v1", "ServiceAccount"),
            Some(RefKind::ServiceAccount)
        );
        assert_eq!(
            RefKind::of("scheduling.k8s.io/v1", "PriorityClass"),
            Some(RefKind::PriorityClass)
        );
        // Another group's kind of the same name is another kind.
        assert_eq!(RefKind::of("example.com/v1", "Secret"), None);
        assert_eq!(RefKind::of("v1", "PriorityClass"), None);
        assert_eq!(RefKind::of("batch/v1", "Job"), None);
    }

    #[test]
    fn namespaces_default_and_cluster_kinds_ignore_them() {
        let mut objects = DefinedObjects::new();
        objects.insert("v1", "Secret", None, "db");
        objects.insert("v1", "Secret", Some("prod"), "api");
        objects.insert("v1", "Secret", Some(""), "empty-namespace");
        objects.insert(
            "scheduling.k8s.io/v1",
            "PriorityClass",
            Some("x"),
            "batch-low",
        );
        objects.insert("v1", "ConfigMap", None, "");
        objects.insert("apps/v1", "Deployment", None, "web");
        assert_eq!(objects.len(), 4);
        assert!(objects.contains(RefKind::Secret, "default", "db"));
        assert!(objects.contains(RefKind::Secret, "default", "empty-namespace"));
        assert!(!objects.contains(RefKind::Secret, "prod", "db"));
        assert!(objects.contains(RefKind::PriorityClass, "anywhere", "batch-low"));
        assert!(objects.defines_any(RefKind::Secret));
        assert!(objects.defines_any(RefKind::PriorityClass));
        assert!(!objects.defines_any(RefKind::ConfigMap));
        assert!(!objects.defines_any(RefKind::ServiceAccount));
        let names: Vec<&str> = objects.names(RefKind::Secret, "default").collect();
        assert_eq!(names, ["db", "empty-namespace"]);
        assert_eq!(objects.names(RefKind::Secret, "staging").count(), 0);
    }

    #[test]
    fn extend_unites() {
        let mut a = DefinedObjects::new();
        a.insert("v1", "ConfigMap", None, "settings");
        let mut b = DefinedObjects::new();
        b.insert("v1", "ConfigMap", None, "settings");
        b.insert("v1", "ServiceAccount", Some("ci"), "runner");
        a.extend(&b);
        assert_eq!(a.len(), 2);
        assert!(a.contains(RefKind::ServiceAccount, "ci", "runner"));
    }
}
