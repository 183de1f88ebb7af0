//! `lint.image-latest-tag`: an image with the `latest` tag or no tag (kube-linter `latest-tag`,
//! Polaris `tagNotSpecified`).

use crate::context::Context;
use crate::registry::{Finding, Rule, RuleDocs};
use jobscope_api::manifest::image::parse_image;
use jobscope_diagnostic::Severity;

pub(crate) static RULE: Rule = Rule {
    code: "lint.image-latest-tag",
    severity: Severity::Warning,
    summary: "An image with the `latest` tag or no tag",
    help: "pin the image to a version tag (`worker:1.4.2`) or, better, a digest (`worker@sha256:…`)",
    docs: RuleDocs {
        what_it_does: "Reports each container whose `image` has the tag `latest` or no tag and no digest (which means `latest`).",
        why_it_matters: "`latest` moves. A Job's retries, its parallel pods and each run of a CronJob can start different code without any change to the manifest, so a failure cannot be reproduced and a fix cannot be rolled back. The apiserver also defaults `imagePullPolicy` to `Always` for `latest`, so every pod start depends on the registry being reachable.",
        example: "image: backup-tool:latest",
        use_instead: "image: backup-tool:2.3.1",
        references: "kube-linter `latest-tag`; Polaris `tagNotSpecified`; kube-score `container-image-tag`; Datree `CONTAINERS_MISSING_IMAGE_VALUE_VERSION`. Kubernetes: pkg/apis/core/v1/defaults.go (`SetDefaults_Container`: `imagePullPolicy: Always` for `latest`).",
    },
    check,
};

fn check(ctx: &Context<'_>, out: &mut Vec<Finding>) {
    for container in ctx.containers() {
        let Some(node) = container.node.get("image") else {
            continue;
        };
        let Some(image) = node.as_str() else { continue };
        let Some(reference) = parse_image(image) else {
            continue;
        };
        if reference.effective_tag() != Some("latest") {
            continue;
        }
        let what = if reference.tag.is_some() {
            format!(
                "image `{image}` of {} uses the `latest` tag",
                container.label()
            )
        } else {
            format!(
                "image `{image}` of {} has no tag, which means `latest`",
                container.label()
            )
        };
        out.push(Finding::new(
            node.span,
            container.field("image"),
            format!("{what}, so retries and later runs may start different code"),
        ));
    }
}
