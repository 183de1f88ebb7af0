//! `lint.host-path-volume`: a `hostPath` volume (Polaris `hostPathSet`, kube-linter
//! `sensitive-host-mounts`, `writable-host-mount`). Container runtime sockets have their own rule.

use crate::context::{Context, label_span};
use crate::registry::{Finding, Rule, RuleDocs};
use crate::rules::runtime_socket::is_runtime_socket;
use jobscope_diagnostic::Severity;

/// Host directories whose contents control the node.
const SENSITIVE: [&str; 12] = [
    "/",
    "/boot",
    "/dev",
    "/etc",
    "/lib",
    "/proc",
    "/root",
    "/sys",
    "/usr",
    "/var/lib/kubelet",
    "/var/lib/docker",
    "/var/lib/containerd",
];

pub(crate) static RULE: Rule = Rule {
    code: "lint.host-path-volume",
    severity: Severity::Warning,
    summary: "A `hostPath` volume: node files inside a pod that may run on any node",
    help: "use a PersistentVolumeClaim, an object store or an `emptyDir` for the Job's data; if the node's files are really the point, mount them `readOnly: true`",
    docs: RuleDocs {
        what_it_does: "Reports each `hostPath` volume of the pod template, saying when the path is one of the node's system directories.",
        why_it_matters: "A `hostPath` volume exposes the node's own files: with write access a container can change the node's configuration or the kubelet's data. For a Job there is a second problem: retries and parallel pods run on whichever node has room, so each sees a different node's directory, and data written there is stranded. Namespaces enforcing the baseline Pod Security Standard reject `hostPath` volumes.",
        example: "volumes:\n- name: data\n  hostPath: {path: /mnt/data}",
        use_instead: "volumes:\n- name: data\n  persistentVolumeClaim: {claimName: batch-data}",
        references: "Polaris `hostPathSet`; kube-linter `sensitive-host-mounts`, `writable-host-mount`; Pod Security Standards (baseline: HostPath Volumes).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for volume in ctx.host_path_volumes() {
        let (path, name, index) = (volume.path, volume.name, volume.index);
        if is_runtime_socket(path) {
            continue;
        }
        let trimmed = if path.len() > 1 {
            path.trim_end_matches('/')
        } else {
            path
        };
        let sensitive = SENSITIVE.contains(&trimmed);
        let message = if sensitive {
            format!(
                "volume `{name}` mounts the node's system directory `{path}` (`hostPath`), so a container that can write there controls the node"
            )
        } else {
            format!(
                "volume `{name}` mounts the node's `{path}` (`hostPath`), so each retry or parallel pod sees the files of whichever node it lands on"
            )
        };
        out.push(Finding::new(
            label_span(volume.node),
            format!("{}.volumes[{index}].hostPath", ctx.pod_spec_path()),
            message,
        ));
    }
}
