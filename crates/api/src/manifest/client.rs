//! Which client sends a manifest to the apiserver, and so what happens to it on the way: the
//! findings that depend on the path say which one they assume.
//!
//! - `kubectl apply -f` (client-side apply, the default) and `kubectl create -f` read the file
//!   with kubectl's YAML-to-JSON conversion (duplicate keys keep their last value, the file stops
//!   at the first YAML error), fill the namespace from the context, clear a `resourceVersion`,
//!   and send JSON with `fieldValidation=Strict`. Only apply rewrites the annotations to add its
//!   last-applied-configuration (and drops them all when one is not a string) and removes null
//!   map values; create does so only when the manifest already carries that annotation.
//! - A direct API request: the YAML as written, one document per request, `POST` with
//!   `Content-Type: application/yaml` and `fieldValidation=Strict`, as client libraries and
//!   deployment tools send it: the apiserver's strict decoding then refuses duplicate keys, and
//!   non-string annotation values and namespaces are type errors.
//!
//! `kubectl apply --server-side` is not offered: its decoding is structured-merge-diff's typed
//! conversion of the whole object against the OpenAPI schema (other error texts, associative-list
//! key checks), and which problems it reports depends on Go's map order when a map holds more
//! than one; that needs its own port.

/// How the manifest reaches the apiserver.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ClientPath {
    /// `kubectl apply -f` on an object not yet in the cluster (`kubectl/pkg/cmd/apply`).
    #[default]
    KubectlApply,
    /// `kubectl create -f` (`kubectl/pkg/cmd/create`), without `--save-config`.
    KubectlCreate,
    /// `POST` of the YAML as written (`application/yaml`, `fieldValidation=Strict`).
    Api,
}

impl ClientPath {
    /// Every path, in the order the CLI and the page list them.
    pub const ALL: [ClientPath; 3] = [
        ClientPath::KubectlApply,
        ClientPath::KubectlCreate,
        ClientPath::Api,
    ];

    /// The name `--client` takes and the page stores.
    pub fn name(self) -> &'static str {
        match self {
            ClientPath::KubectlApply => "kubectl-apply",
            ClientPath::KubectlCreate => "kubectl-create",
            ClientPath::Api => "api",
        }
    }

    pub fn from_name(name: &str) -> Option<ClientPath> {
        ClientPath::ALL.into_iter().find(|c| c.name() == name)
    }

    /// How the findings name the client: "`kubectl apply`".
    pub fn command(self) -> &'static str {
        match self {
            ClientPath::KubectlApply => "`kubectl apply`",
            ClientPath::KubectlCreate => "`kubectl create`",
            ClientPath::Api => "a direct API request",
        }
    }

    /// One line for pickers and help.
    pub fn summary(self) -> &'static str {
        match self {
            ClientPath::KubectlApply => {
                "kubectl apply -f: kubectl converts the YAML and adds its last-applied annotation"
            }
            ClientPath::KubectlCreate => {
                "kubectl create -f: kubectl converts the YAML, no last-applied annotation"
            }
            ClientPath::Api => {
                "direct API request: the YAML as written, POST application/yaml with fieldValidation=Strict"
            }
        }
    }

    /// kubectl reads the file: its YAML conversion, its stop at the first YAML error, its
    /// namespace and resourceVersion handling.
    pub fn is_kubectl(self) -> bool {
        !matches!(self, ClientPath::Api)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for client in ClientPath::ALL {
            assert_eq!(ClientPath::from_name(client.name()), Some(client));
        }
        assert_eq!(ClientPath::from_name("server-side-apply"), None);
        assert_eq!(ClientPath::default(), ClientPath::KubectlApply);
    }
}
