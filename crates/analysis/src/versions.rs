//! What changes with the Kubernetes version: one text analysed as every supported version's
//! apiserver would answer it, and the findings that are not the same in all of them (a field
//! dropped in one version and kept in the next, a field newer than an old API, a rule a gate
//! relaxes). The page's "differs between versions" table and `validate --all-versions` both
//! show this list.
//!
//! Findings are grouped by where they point (document, field and span), so one row tells a
//! field's story: an unknown field in one version, dropped in the next, kept after. A place
//! reads the same in two versions when its code, severity and message match once the version's
//! own name is taken out ("off by default in Kubernetes v1.33" and "… v1.34" are one finding).

use crate::{Diagnostic, KubernetesVersion, Options, Severity, Span, analyze_each};

/// What one version reports at a place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
}

impl Said {
    /// The finding with the version's own name taken out, for comparing across versions.
    fn normal(&self, version: KubernetesVersion) -> (&'static str, Severity, String) {
        (
            self.code,
            self.severity,
            self.message.replace(version.name(), "v1.?"),
        )
    }
}

/// A place in the text that some supported versions report differently, or not at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VersionDifference {
    /// The document's 0-based index (and its list item, for a `kind: List`).
    pub document: usize,
    pub item: Option<usize>,
    pub field: String,
    pub span: Span,
    /// What each of [`KubernetesVersion::ALL`] reports here, in that order (`None`: nothing;
    /// the first finding when a version reports two at one place).
    pub by_version: Vec<Option<Said>>,
}

impl VersionDifference {
    /// Consecutive versions that report the same thing, as (first, last, what): the table's
    /// rows, oldest first.
    pub fn ranges(&self) -> Vec<(KubernetesVersion, KubernetesVersion, Option<&Said>)> {
        let mut ranges: Vec<(KubernetesVersion, KubernetesVersion, Option<&Said>)> = Vec::new();
        for (version, said) in KubernetesVersion::ALL.into_iter().zip(&self.by_version) {
            let key = said.as_ref().map(|s| s.normal(version));
            match ranges.last_mut() {
                Some((first, last, what)) if what.map(|s| s.normal(*first)) == key => {
                    *last = version;
                }
                _ => ranges.push((version, version, said.as_ref())),
            }
        }
        ranges
    }
}

type Key = (usize, Option<usize>, String, Span);

/// Every finding of `text` that is not the same in all supported versions, in document and
/// text order. `options` gives everything but the version (its `kubernetes_version` is
/// ignored). Six analyses: a report for people and CI, not for every keystroke.
pub fn version_differences(text: &str, options: &Options) -> Vec<VersionDifference> {
    let versions = KubernetesVersion::ALL;
    let mut found: Vec<(Key, Vec<Option<Said>>)> = Vec::new();
    for (n, version) in versions.into_iter().enumerate() {
        let options = Options {
            kubernetes_version: version,
            ..options.clone()
        };
        let mut record = |document: usize, item: Option<usize>, diagnostic: &Diagnostic| {
            let key: Key = (document, item, diagnostic.field.clone(), diagnostic.span);
            let said = Said {
                code: diagnostic.code,
                severity: diagnostic.severity,
                message: diagnostic.message.clone(),
            };
            match found.iter_mut().find(|(k, _)| *k == key) {
                // The same finding twice in one version: kept once.
                Some((_, by_version)) => {
                    by_version[n].get_or_insert(said);
                }
                None => {
                    let mut by_version = vec![None; versions.len()];
                    by_version[n] = Some(said);
                    found.push((key, by_version));
                }
            }
        };
        analyze_each(text, &options, |report, extra| {
            for diagnostic in report.diagnostics.iter().chain(&extra) {
                record(report.index, report.item, diagnostic);
            }
        });
    }
    let mut differences: Vec<VersionDifference> = found
        .into_iter()
        .filter(|(_, by_version)| {
            let normal: Vec<_> = versions
                .into_iter()
                .zip(by_version)
                .map(|(v, said)| said.as_ref().map(|s| s.normal(v)))
                .collect();
            normal.windows(2).any(|pair| pair[0] != pair[1])
        })
        .map(
            |((document, item, field, span), by_version)| VersionDifference {
                document,
                item,
                field,
                span,
                by_version,
            },
        )
        .collect();
    jobscope_sort::sort_by_key(&mut differences, |d| (d.document, d.item, d.span.start));
    differences
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Instant;
    use KubernetesVersion::*;

    fn differences(pod_spec: &str) -> Vec<VersionDifference> {
        let text = format!(
            "apiVersion: batch/v1\nkind: Job\nmetadata: {{name: j}}\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers: [{{name: a, image: busybox}}]\n{pod_spec}"
        );
        let options = Options {
            lint: false,
            ..Options::at(Instant::from_unix(1_767_225_600))
        };
        version_differences(&text, &options)
    }

    #[test]
    fn a_manifest_every_version_reads_alike_has_no_difference() {
        assert_eq!(differences(""), []);
    }

    #[test]
    fn a_field_newer_than_old_apis_then_gated_then_kept() {
        let found = differences("      hostnameOverride: worker\n");
        let [difference] = found.as_slice() else {
            panic!("{found:?}");
        };
        assert_eq!(difference.field, "spec.template.spec.hostnameOverride");
        let ranges = difference.ranges();
        let summary: Vec<(KubernetesVersion, KubernetesVersion, Option<&str>)> = ranges
            .iter()
            .map(|(first, last, said)| (*first, *last, said.map(|s| s.code)))
            .collect();
        // Unknown to the v1.32 and v1.33 APIs, dropped by the gate in v1.34, kept after.
        assert_eq!(
            summary,
            [
                (V1_32, V1_33, Some("apiserver.unknown-field")),
                (V1_34, V1_34, Some("apiserver.dropped-field")),
                (V1_35, V1_37, None),
            ]
        );
        assert_eq!(ranges[1].2.map(|s| s.severity), Some(Severity::Warning));
    }

    #[test]
    fn messages_naming_their_own_version_are_one_finding() {
        // Pod certificates stay behind an off gate in every version from v1.34 on: the same
        // "dropped" finding, each naming its own version, is not a difference there.
        let found = differences(
            "      volumes: [{name: v, projected: {sources: [{podCertificate: {signerName: a/b, keyType: RSA3072, credentialBundlePath: c}}]}}]\n",
        );
        let [difference] = found.as_slice() else {
            panic!("{found:?}");
        };
        let ranges = difference.ranges();
        assert_eq!(ranges.len(), 2, "{ranges:?}");
        assert_eq!((ranges[1].0, ranges[1].1), (V1_34, V1_37));
        assert_eq!(ranges[1].2.map(|s| s.code), Some("apiserver.dropped-field"));
    }
}
