//! `lint.runtime-socket-mount`: a `hostPath` volume with the container runtime's socket
//! (kube-linter `docker-sock`, Polaris `hostPathSet`).

use crate::context::{Context, label_span};
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.runtime-socket-mount",
    severity: Severity::Warning,
    summary: "A pod mounts the container runtime's socket (Docker, containerd, CRI-O)",
    help: "build images with a daemonless builder (BuildKit rootless, kaniko, buildah) or call the Kubernetes API instead of the node's runtime",
    docs: RuleDocs {
        what_it_does: "Reports a `hostPath` volume whose path is a container runtime socket (`docker.sock`, `containerd.sock`, `crio.sock`, `podman.sock`) or the directory holding one (`/var/run`, `/run`, `/run/containerd`).",
        why_it_matters: "Whoever can talk to the runtime socket can start a privileged container with the node's filesystem mounted: it is root on the node, bypassing every Pod Security setting. Build Jobs that \"just need Docker\" are the usual way this ends up in a cluster.",
        example: "volumes:\n- name: docker\n  hostPath: {path: /var/run/docker.sock}",
        use_instead: "# build with kaniko or rootless BuildKit instead; no socket mount",
        references: "kube-linter `docker-sock`; Polaris `hostPathSet`.",
    },
    check,
};

/// Whether a host path is a container runtime socket or a directory holding one.
pub(crate) fn is_runtime_socket(path: &str) -> bool {
    let path = if path.len() > 1 {
        path.trim_end_matches('/')
    } else {
        path
    };
    [
        "docker.sock",
        "containerd.sock",
        "crio.sock",
        "podman.sock",
        "cri-dockerd.sock",
    ]
    .iter()
    .any(|socket| path.ends_with(socket))
        || [
            "/var/run",
            "/run",
            "/var/run/docker",
            "/run/docker",
            "/var/run/containerd",
            "/run/containerd",
            "/var/run/crio",
            "/run/crio",
        ]
        .contains(&path)
}

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for volume in ctx.host_path_volumes() {
        let (path, name, index) = (volume.path, volume.name, volume.index);
        if !is_runtime_socket(path) {
            continue;
        }
        out.push(Finding::new(
            label_span(volume.node),
            format!("{}.volumes[{index}].hostPath.path", ctx.pod_spec_path()),
            format!("volume `{name}` mounts the container runtime's socket `{path}`: whoever can use it is root on the node"),
        ));
    }
}
